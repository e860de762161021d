"""Browser tests of the web front end (frontend/dist served by the live server).

Headless Debian Chromium driven by async Playwright, at an iPhone-sized viewport.
Needs the `live_server` fixture from conftest.py (serves the built front end and the
API with demo data). Skips when /usr/bin/chromium is not installed.
"""

from __future__ import annotations

from typing import Any

from playwright.async_api import BrowserContext, expect

from tests.browser import CJK, DEMO_PASSWORD, browser, open_page, phone, post_graphql  # noqa: F401 (fixtures)


async def test_home_lists_api_warnings_in_chinese(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url.rstrip("/")
    data = await post_graphql(base, "{ warnings(first: 1) { totalCount edges { node { title } } } }")
    edges = data["warnings"]["edges"]
    assert edges, "the demo data should contain at least one public warning"
    title = edges[0]["node"]["title"]

    page, errors = await open_page(phone, f"{base}/")
    items = page.get_by_test_id("warning-item")
    await expect(items.first).to_be_visible()
    assert await items.count() >= 1
    level = await items.first.get_attribute("data-level")
    assert level in {"RED", "ORANGE", "YELLOW", "BLUE"}

    # The newest warning from the API is on the page, visibly.
    await expect(items.filter(has_text=title).first).to_be_visible()

    total = page.get_by_test_id("warnings-total")
    await expect(total).to_be_visible()
    await expect(total).to_contain_text(str(data["warnings"]["totalCount"]))

    text = await page.locator("body").inner_text()
    assert CJK.search(text), "the default UI language should be Chinese"
    assert "预警" in text
    assert await page.evaluate("document.documentElement.lang") == "zh-CN"
    assert not errors, f"uncaught page errors: {errors}"


async def test_locale_switch_changes_copy_to_english(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url.rstrip("/")
    page, errors = await open_page(phone, f"{base}/")
    await expect(page.get_by_test_id("warning-item").first).to_be_visible()
    await expect(page.get_by_test_id("tab-warnings")).to_contain_text("预警")

    await page.get_by_test_id("locale-switch").click()

    await expect(page.get_by_test_id("tab-warnings")).to_contain_text("Warnings")
    await expect(page.get_by_test_id("tab-recalls")).to_contain_text("Recalls")
    await expect(page.get_by_test_id("warnings-total")).to_contain_text("warnings")
    assert await page.evaluate("document.documentElement.lang") == "en"
    level = await page.get_by_test_id("warning-item").first.get_attribute("data-level")
    roman = {"RED": "Level I", "ORANGE": "Level II", "YELLOW": "Level III", "BLUE": "Level IV"}[level or "RED"]
    await expect(page.get_by_test_id("warning-item").first).to_contain_text(roman)

    # The choice is kept across reloads.
    await page.reload(wait_until="domcontentloaded")
    await expect(page.get_by_test_id("tab-warnings")).to_contain_text("Warnings")
    assert not errors, f"uncaught page errors: {errors}"


async def test_consumer_signs_in_on_me(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url.rstrip("/")
    email = "consumer@demo.test"
    page, errors = await open_page(phone, f"{base}/me")

    await page.get_by_test_id("signin-email").fill(email)
    await page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
    await page.get_by_test_id("signin-submit").click()

    name = page.get_by_test_id("viewer-name")
    await expect(name).to_be_visible()
    shown = (await name.inner_text()).strip()
    assert shown, "the viewer name should not be empty"

    # Same name as the API gives for this account.
    data = await post_graphql(
        base,
        "mutation($input: SignInInput!) { signIn(input: $input) { viewer { displayName email role } } }",
        {"input": {"email": email, "password": DEMO_PASSWORD}},
    )
    viewer = data["signIn"]["viewer"]
    assert viewer["role"] == "CONSUMER"
    assert shown == (viewer["displayName"] or viewer["email"])
    await expect(page.get_by_test_id("viewer-role")).to_contain_text("消费者")

    # The session survives a reload (kept in localStorage).
    await page.reload(wait_until="domcontentloaded")
    await expect(page.get_by_test_id("viewer-name")).to_have_text(shown)
    assert not errors, f"uncaught page errors: {errors}"
