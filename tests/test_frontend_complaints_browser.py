"""Complaints on the phone (issue 13): a complaint filed while offline is kept on the device (IndexedDB) and sent
once the network is back, with the same idempotency key, and appears once, with its photo; the watchlist adds and
removes a product."""

from __future__ import annotations

import io
import uuid
from typing import Any

from PIL import Image
from playwright.async_api import BrowserContext, Page, expect

from tests.browser import (  # noqa: F401 (fixtures)
    DEMO_PASSWORD,
    axe_violations,
    browser,
    open_page,
    phone,
    post_graphql,
)

MY_COMPLAINTS = "{ me { complaints(first: 100) { edges { node { id code productName photos { id } } } } } }"


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(buf, format="PNG")
    return buf.getvalue()


async def sign_in_phone(page: Page, base: str, email: str) -> None:
    await page.goto(base + "/me", wait_until="domcontentloaded")
    await page.get_by_test_id("signin-email").fill(email)
    await page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
    await page.get_by_test_id("signin-submit").click()
    await expect(page.get_by_test_id("viewer-name")).to_be_visible()


async def test_complaint_filed_offline_is_sent_once_with_its_photo(
        live_server: Any, tokens: dict[str, str], phone: BrowserContext) -> None:
    base = live_server.base_url
    product = f"离线投诉测试台灯 {uuid.uuid4().hex[:6]}"
    page, errors = await open_page(phone, base + "/me")
    await sign_in_phone(page, base, "consumer@demo.test")
    await page.get_by_test_id("me-complain").click()
    form = page.get_by_test_id("complaint-form")
    await expect(form).to_be_visible()
    await form.get_by_test_id("complaint-submit").click()
    await expect(form.get_by_test_id("complaint-error")).to_be_visible()
    assert not await axe_violations(page), "axe on the complaint form with errors"
    await form.get_by_test_id("complaint-productName").fill(product)
    await form.get_by_test_id("complaint-brand").fill("示范牌")
    await form.get_by_test_id("complaint-channel").select_option("online")
    await form.get_by_test_id("complaint-region").fill("440300")
    await form.get_by_test_id("complaint-description").fill("使用一周后灯头发烫并冒烟。")
    await form.get_by_test_id("complaint-photos").set_input_files(
        {"name": "lamp.png", "mimeType": "image/png", "buffer": png_bytes()})
    await expect(form.get_by_test_id("complaint-photo-item")).to_have_count(1)

    await phone.set_offline(True)
    submit = form.get_by_test_id("complaint-submit")
    await submit.evaluate("b => b.scrollIntoView({ block: 'center' })")
    await submit.click()
    await expect(form.get_by_test_id("complaint-saved-offline")).to_contain_text("网络恢复后自动提交")
    # The offline banner says what will be sent later.
    await expect(page.get_by_test_id("offline-banner")).to_contain_text("1 件投诉待网络恢复后提交")
    mine = (await post_graphql(base, MY_COMPLAINTS, token=tokens["consumer"]))["me"]["complaints"]["edges"]
    assert not [e for e in mine if e["node"]["productName"] == product], "sent while offline?"

    await phone.set_offline(False)
    await page.wait_for_url("**/complaints/*?filed=*")
    await expect(page.get_by_test_id("complaint-filed")).to_contain_text("投诉已提交：CP-")
    await expect(page.get_by_test_id("complaint-photo")).to_have_count(1)
    await expect(page.get_by_test_id("complaint-timeline")).to_contain_text("提交投诉")

    mine = (await post_graphql(base, MY_COMPLAINTS, token=tokens["consumer"]))["me"]["complaints"]["edges"]
    filed = [e["node"] for e in mine if e["node"]["productName"] == product]
    assert len(filed) == 1, filed
    assert len(filed[0]["photos"]) == 1, filed
    # Once in "my complaints", and nothing left waiting after a reload (the outbox is empty).
    await page.goto(base + "/complaints", wait_until="domcontentloaded")
    await expect(page.get_by_test_id("complaint-item").filter(has_text=product)).to_have_count(1)
    await page.wait_for_load_state("networkidle")
    await expect(page.get_by_test_id("complaints-pending")).to_have_count(0)
    mine = (await post_graphql(base, MY_COMPLAINTS, token=tokens["consumer"]))["me"]["complaints"]["edges"]
    assert len([e for e in mine if e["node"]["productName"] == product]) == 1
    assert not await axe_violations(page), "axe on /complaints"
    assert not errors, errors


async def test_watchlist_watch_and_unwatch(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url
    edges = (await post_graphql(base, "{ recalls(first: 50) { edges { node { gtins status } } } }"))["recalls"]["edges"]
    gtin = next(e["node"]["gtins"][0] for e in edges if e["node"]["gtins"] and e["node"]["status"] != "CLOSED")
    page, errors = await open_page(phone, base + "/me")
    await sign_in_phone(page, base, "consumer@demo.test")
    await page.get_by_test_id("me-watchlist").click()
    await page.wait_for_url("**/watchlist")
    await page.get_by_test_id("watch-code").fill(gtin)
    await page.get_by_test_id("watch-label").fill("浏览器测试")
    await page.get_by_test_id("watch-add").click()
    item = page.locator(f"[data-testid=watch-item][data-code='{gtin}']")
    await expect(item).to_contain_text("浏览器测试")
    await expect(item.get_by_test_id("watch-match-recall").first).to_be_visible()
    assert not await axe_violations(page), "axe on /watchlist"
    await item.get_by_test_id("watch-remove").click()
    await expect(item).to_have_count(0)
    assert not errors, errors
