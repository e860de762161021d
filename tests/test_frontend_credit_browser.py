"""Enterprise credit in the browser (issue 12): the public lookup on the phone finds an enterprise by part of its name
and says what its tier means; the enterprise files an objection from its dashboard and sees its state; the regulator
reviews it from the review queue."""

from __future__ import annotations

from typing import Any

from playwright.async_api import BrowserContext, expect

from tests.browser import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    desktop,
    open_page,
    phone,
    post_graphql,
    sign_in_console,
)

DEMO_USCC = "91440300MA5DEM1X0R"
PENDING = """query($u: String!) { creditApplications(uscc: $u, states: [PENDING], kinds: [OBJECTION]) {
  edges { node { id } } } }"""
REVIEW = "mutation($id: ID!) { reviewCreditApplication(id: $id, approve: false, reason: \"测试清理\") { state } }"
OBJECT = "mutation($u: String!) { objectToRating(uscc: $u, reason: \"接口测试异议\") { id state } }"


async def clear_pending_objections(base: str, tokens: dict[str, str]) -> None:
    data = await post_graphql(base, PENDING, {"u": DEMO_USCC}, tokens["regulator"])
    for edge in data["creditApplications"]["edges"]:
        await post_graphql(base, REVIEW, {"id": edge["node"]["id"]}, tokens["regulator"])


async def test_public_lookup_finds_an_enterprise_by_part_of_its_name(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(phone, base + "/me")
    await page.get_by_test_id("me-credit").click()
    await page.wait_for_url("**/credit")
    await page.get_by_test_id("credit-search").fill("浦江家电")
    await page.get_by_test_id("credit-submit").click()
    result = page.get_by_test_id("credit-result")
    await expect(result).to_have_count(1)
    await expect(result).to_contain_text("上海浦江家电进出口有限公司")
    await expect(result.get_by_test_id("credit-badge")).to_be_visible()
    level = await result.get_by_test_id("credit-badge").get_attribute("data-level")
    meanings = {"AEO_ADVANCED": "高级认证", "AEO_CERTIFIED": "认证企业", "REGULAR": "常规企业", "DISHONEST": "失信",
                "SERIOUSLY_DISHONEST": "严重失信"}
    await expect(result.get_by_test_id("credit-meaning")).to_contain_text(meanings[level or "REGULAR"])
    assert not await axe_violations(page), "axe on /credit with a result"
    # By its code as well.
    await page.get_by_test_id("credit-search").fill(DEMO_USCC)
    await page.get_by_test_id("credit-submit").click()
    await expect(page.locator(f"[data-testid=credit-result][data-uscc='{DEMO_USCC}']")).to_have_count(1)
    assert not errors, errors


async def test_enterprise_files_an_objection_and_sees_its_state(
        live_server: Any, tokens: dict[str, str], desktop: BrowserContext) -> None:
    base = live_server.base_url
    await clear_pending_objections(base, tokens)
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "enterprise@demo.test", "/console/enterprise")
    await expect(page.get_by_test_id("credit-history")).to_be_visible()
    await page.get_by_test_id("open-objection").click()
    dialog = page.get_by_test_id("objection-dialog")
    await expect(dialog).to_be_visible()
    assert not await axe_violations(page), "axe on the objection dialog"
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog.get_by_test_id("dialog-text-error")).to_contain_text("请填写理由")
    await dialog.get_by_test_id("dialog-text").fill("浏览器测试：该次降级所依据的归类差错已由复核更正")
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog).to_be_hidden()
    await expect(page.get_by_test_id("ent-notice")).to_contain_text("审核期限")
    item = page.locator("[data-testid=credit-application][data-kind=OBJECTION]").filter(has_text="浏览器测试")
    await expect(item.get_by_test_id("application-state")).to_have_text("审核中")
    # A second one while the first is open: refused, and said so in Chinese.
    await page.get_by_test_id("open-objection").click()
    await dialog.get_by_test_id("dialog-text").fill("再次异议")
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog.get_by_test_id("dialog-error")).to_contain_text("已有同类申请在审核中")
    await dialog.get_by_test_id("dialog-cancel").click()
    assert not errors, errors


async def test_regulator_reviews_an_objection(live_server: Any, tokens: dict[str, str], desktop: BrowserContext) -> None:
    base = live_server.base_url
    pending = (await post_graphql(base, PENDING, {"u": DEMO_USCC}, tokens["regulator"]))["creditApplications"]["edges"]
    if not pending:
        await post_graphql(base, OBJECT, {"u": DEMO_USCC}, tokens["enterprise"])
    app_id = (await post_graphql(base, PENDING, {"u": DEMO_USCC}, tokens["regulator"])
              )["creditApplications"]["edges"][0]["node"]["id"]
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "regulator@demo.test", "/console/reviews")
    row = page.locator(f"[data-testid=review-row][data-id='{app_id}']")
    await expect(row).to_be_visible()
    await expect(row).to_contain_text("信用异议")
    await expect(row.get_by_test_id("review-due")).to_contain_text("20")  # the deadline, a date in 20xx
    assert not await axe_violations(page), "axe on the review queue"
    await row.get_by_test_id("review-reject").click()
    dialog = page.get_by_test_id("review-dialog")
    await dialog.get_by_test_id("dialog-text").fill("依据充分，维持原决定")
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog).to_be_hidden()
    await expect(row).to_have_count(0)  # no longer pending
    await expect(page.get_by_test_id("reg-notice")).to_have_text("审核已保存")
    # The enterprise sees the decision and its reason.
    await page.get_by_test_id("console-signout").click()
    await page.wait_for_url("**/console/signin**")
    await sign_in_console(page, base, "enterprise@demo.test", "/console/enterprise")
    decided = page.locator("[data-testid=credit-application][data-kind=OBJECTION][data-state=REJECTED]").filter(
        has_text="依据充分，维持原决定").first
    await expect(decided.get_by_test_id("application-state")).to_have_text("未通过")
    await expect(decided).to_contain_text("依据充分，维持原决定")
    assert not errors, errors
