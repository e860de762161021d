"""Warnings in the browser: live alert banner and resume after being away (phone), detail page with measures
and history, and the regulator's console issuing, adjusting and lifting a warning with form validation."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from playwright.async_api import BrowserContext, Page, expect

from tests.browser import DEMO_PASSWORD, browser, desktop, open_page, phone, post_graphql  # noqa: F401 (fixtures)

ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id code title } }"
ADJUST = "mutation($id: ID!, $l: WarningLevel!, $r: String!) { adjustWarningLevel(id: $id, level: $l, reason: $r) { id } }"
HISTORY = "query($id: ID!) { node(id: $id) { ... on Warning { status level levelHistory { fromLevel toLevel reason } } } }"


def warning(kind: str = "ANNOUNCEMENT", level: str = "RED", **extra: Any) -> dict[str, Any]:
    return {"title": f"浏览器测试预警 {uuid.uuid4().hex[:6]}", "level": level, "kind": kind, "hazards": ["PHYSICAL"],
            "productCategory": "移动电源", "summary": "过热起火风险", "measures": ["DEFECT_RECALL", "RESTRICT_TRADE"],
            "authorizationRef": "国务院授权〔2026〕9号" if level == "RED" else None, **extra}


# Records what the app shows as system notifications, as if the user had allowed them.
NOTIFICATIONS_ALLOWED = """
window.__notifications = [];
window.Notification = class {
  static permission = 'granted';
  static requestPermission() { return Promise.resolve('granted'); }
  constructor(title, options) { window.__notifications.push({ title, body: options && options.body }); }
  close() {}
};
"""


def subscription_sent(page: Page) -> asyncio.Future:
    """Resolves when the page has sent its alert subscription (call before the page opens its socket)."""
    sent: asyncio.Future = asyncio.get_running_loop().create_future()

    def on_socket(ws: Any) -> None:
        ws.on("framesent", lambda frame: '"subscribe"' in str(frame) and not sent.done() and sent.set_result(True))

    page.on("websocket", on_socket)
    return sent


async def test_live_banner_shows_a_red_announcement_and_never_a_circular(
        live_server: Any, tokens: dict[str, str], phone: BrowserContext) -> None:
    base = live_server.base_url
    await phone.add_init_script(NOTIFICATIONS_ALLOWED)
    page = await phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sent = subscription_sent(page)
    await page.goto(base + "/", wait_until="domcontentloaded")
    await asyncio.wait_for(sent, 15)
    await asyncio.sleep(0.5)  # for the server to register it
    circular = (await post_graphql(base, ISSUE, {"i": warning(kind="CIRCULAR")}, tokens["regulator"]))["issueWarning"]
    announcement = (await post_graphql(base, ISSUE, {"i": warning()}, tokens["regulator"]))["issueWarning"]
    banner = page.get_by_test_id("alert-banner")
    await expect(banner).to_contain_text(announcement["title"])
    await expect(banner).to_contain_text("特别严重")  # the level in words, in Chinese
    assert await banner.get_attribute("data-level") == "RED"
    assert circular["title"] not in await page.content()
    notes = await page.evaluate("window.__notifications")
    assert [n["body"] for n in notes] == [announcement["title"]] and "特别严重" in notes[0]["title"]

    # Away (no page open) while another RED announcement is published: the next start replays it.
    await page.close()
    missed = (await post_graphql(base, ISSUE, {"i": warning()}, tokens["regulator"]))["issueWarning"]
    page, more_errors = await open_page(phone, base + "/")
    await expect(page.get_by_test_id("alert-banner")).to_contain_text(missed["title"])
    assert not errors + more_errors, errors + more_errors


async def test_detail_page_shows_measures_and_history(
        live_server: Any, tokens: dict[str, str], phone: BrowserContext) -> None:
    base = live_server.base_url
    w = (await post_graphql(base, ISSUE, {"i": warning(level="ORANGE")}, tokens["regulator"]))["issueWarning"]
    await post_graphql(base, ADJUST, {"id": w["id"], "l": "YELLOW", "r": "抽检复核结果改善"}, tokens["regulator"])
    page, errors = await open_page(phone, f"{base}/warnings/{w['id']}")
    await expect(page.get_by_test_id("warning-title")).to_have_text(w["title"])
    body = page.locator("body")
    for text in (w["code"], "缺陷召回", "抽检复核结果改善"):  # code, a measure in words, the change's reason
        await expect(body).to_contain_text(text)
    assert not errors, errors


async def test_regulator_issues_adjusts_and_lifts_in_the_console(
        live_server: Any, tokens: dict[str, str], desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/issue")
    await page.get_by_test_id("signin-email").fill("regulator@demo.test")
    await page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
    await page.get_by_test_id("signin-submit").click()
    await expect(page.get_by_test_id("issue-form")).to_be_visible()

    # Validation before anything is sent, in the user's language.
    await page.get_by_test_id("issue-form").locator("button[type=submit]").click()
    await expect(page.get_by_test_id("error-title")).to_have_text("此项为必填项")
    await expect(page.get_by_test_id("error-hazards")).to_be_visible()

    title = f"控制台发布 {uuid.uuid4().hex[:6]}"
    await page.get_by_test_id("issue-title").fill(title)
    await page.get_by_test_id("issue-level").select_option("ORANGE")
    await page.get_by_test_id("issue-hazard-CHEMICAL").check()
    await page.get_by_test_id("issue-category").fill("儿童玩具")
    await page.get_by_test_id("issue-hs").fill("9503.00")
    await page.get_by_test_id("issue-summary").fill("邻苯二甲酸酯超标")
    await page.get_by_test_id("issue-form").locator("button[type=submit]").click()
    # An ORANGE publication is pushed to subscribers: confirmed first, with a preview of the push.
    confirm = page.get_by_test_id("publish-confirm")
    await expect(confirm.get_by_test_id("preview-banner")).to_contain_text(title)
    await confirm.get_by_test_id("publish-confirm-submit").click()
    success = page.get_by_test_id("issue-success")
    await expect(success).to_contain_text("RW-")

    await success.get_by_role("link").click()
    await page.get_by_test_id("adjust-open").click()
    await page.get_by_test_id("adjust-level").select_option("YELLOW")
    await page.get_by_test_id("action-reason").fill("复检合格率回升")
    await page.get_by_test_id("action-submit").click()
    await expect(page.get_by_test_id("adjust-dialog")).to_be_hidden()
    await page.get_by_test_id("lift-open").click()
    await expect(page.get_by_test_id("lift-final")).to_contain_text("最终")  # the dialog says lifting is final
    await page.get_by_test_id("action-reason").fill("风险已消除")
    await page.get_by_test_id("action-submit").click()
    await expect(page.get_by_test_id("lift-open")).to_be_hidden()  # a lifted warning offers no more actions

    found = await post_graphql(base, "query($f: WarningFilter) { warnings(filter: $f, first: 5) { edges { node { id } } } }",
                               {"f": {"text": title}}, tokens["regulator"])
    [edge] = found["warnings"]["edges"]
    node = (await post_graphql(base, HISTORY, {"id": edge["node"]["id"]}, tokens["regulator"]))["node"]
    assert node["status"] == "LIFTED" and node["level"] == "YELLOW"
    assert [h["reason"] for h in node["levelHistory"]] == ["published", "复检合格率回升", "lifted: 风险已消除"]
    assert not errors, errors


async def test_level_filter_on_the_phone_list(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url
    count = (await post_graphql(base, "{ warnings(filter: {levels: [RED]}) { totalCount } }"))["warnings"]["totalCount"]
    page, errors = await open_page(phone, base + "/")
    await expect(page.get_by_test_id("warning-item").first).to_be_visible()
    await page.get_by_test_id("warnings-filter").click()
    await page.get_by_test_id("warnings-filter-panel").locator("[data-level=RED]").click()
    await page.get_by_test_id("warnings-filter-apply").click()
    await expect(page.get_by_test_id("warnings-total")).to_have_attribute("data-count", str(count))
    levels = await page.get_by_test_id("warning-item").evaluate_all("els => els.map(e => e.dataset.level)")
    assert levels and set(levels) == {"RED"}
    assert not errors, errors
