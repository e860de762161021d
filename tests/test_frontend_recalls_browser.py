"""Recalls in the browser (issue 11): the enterprise sees its duties with a working-day countdown and overdue marks,
reports progress (a server field error shown in Chinese first, then the bar moves); the enterprise announces a recall
through the validated form; a consumer finds a recall by typing a GTIN and opens its detail page."""

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

OWN_RECALLS = """{ me { enterprise { recalls { id code status gtins unitsAffected unitsRecovered
  completionRate } } } }"""


async def test_enterprise_sees_duties_reports_progress_and_the_bar_moves(
        live_server: Any, tokens: dict[str, str], desktop: BrowserContext) -> None:
    base = live_server.base_url
    recalls = (await post_graphql(base, OWN_RECALLS, token=tokens["enterprise"]))["me"]["enterprise"]["recalls"]
    recall = next(r for r in recalls if r["status"] == "IN_PROGRESS" and r["unitsRecovered"] < r["unitsAffected"] - 300)
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "enterprise@demo.test", "/console/enterprise")

    duties = page.get_by_test_id("duty-item")
    await expect(duties.first).to_be_visible()
    # Open and overdue duties, with their countdown in working days; the overdue one marked.
    overdue = page.locator("[data-testid=duty-item][data-state=OVERDUE]").first
    await expect(overdue.get_by_test_id("overdue-mark")).to_have_text("逾期")
    await expect(overdue.get_by_test_id("duty-countdown")).to_contain_text("已逾期")
    await expect(page.locator("[data-testid=duty-item][data-state=OPEN]").first.get_by_test_id("duty-countdown")
                 ).to_contain_text("个工作日")
    assert not await axe_violations(page), "axe on the enterprise dashboard"

    card = page.locator(f"[data-testid=ent-recall][data-code='{recall['code']}']")
    bar = card.get_by_test_id("completion-bar")
    before = float(await bar.get_attribute("aria-valuenow") or "0")
    await card.get_by_test_id("report-progress").click()
    dialog = page.get_by_test_id("progress-dialog")
    await expect(dialog).to_be_visible()
    # Fewer units than already reported: the server refuses, and says why on the field, in Chinese.
    await dialog.get_by_test_id("progress-units").fill(str(recall["unitsRecovered"] - 1))
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog.get_by_test_id("progress-units-error")).to_contain_text("回收数量只能增加")
    # Then a real report: the bar moves.
    await dialog.get_by_test_id("progress-units").fill(str(recall["unitsRecovered"] + 240))
    await dialog.get_by_test_id("progress-note").fill("浏览器测试进展")
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog).to_be_hidden()
    await expect(page.get_by_test_id("ent-notice")).to_contain_text("进展已提交")
    after = float(await bar.get_attribute("aria-valuenow") or "0")
    assert after > before, (before, after)
    expected = round((recall["unitsRecovered"] + 240) / recall["unitsAffected"] * 1000) / 10
    assert abs(after - expected) < 0.11, (after, expected)
    assert not errors, errors


async def test_enterprise_announces_a_recall_with_validation(live_server: Any, desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "enterprise@demo.test", "/console/recalls/new")
    form = page.get_by_test_id("announce-form")
    await form.get_by_test_id("announce-submit").click()
    await expect(form.get_by_test_id("announce-productName-error")).to_have_text("此项为必填项")
    await expect(form.get_by_test_id("announce-unitsAffected-error")).to_be_visible()
    assert not await axe_violations(page), "axe on the announce form with errors"
    await form.get_by_test_id("announce-productName").fill("示范牌浏览器测试台灯（虚构）")
    await form.get_by_test_id("announce-gtins").fill("12345")
    await form.get_by_test_id("announce-unitsAffected").fill("300")
    await form.get_by_test_id("announce-hazard").fill("灯头过热")
    await form.get_by_test_id("announce-remedyInstructions").fill("停止使用，联系客服退款")
    await form.get_by_test_id("announce-submit").click()
    await expect(form.get_by_test_id("announce-gtins-error")).to_contain_text("12345")
    await form.get_by_test_id("announce-gtins").fill("")
    await form.get_by_test_id("announce-submit").click()
    await page.wait_for_url("**/console/enterprise**")
    await expect(page.get_by_test_id("ent-notice")).to_contain_text("已发布召回：RC-")
    await expect(page.get_by_test_id("ent-recall").filter(has_text="示范牌浏览器测试台灯")).to_have_count(1)
    assert not errors, errors


RECALLS_WITH_GTINS = "{ recalls(first: 50) { edges { node { id code productName status gtins } } } }"


async def test_consumer_finds_a_recall_by_typing_a_gtin(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url
    edges = (await post_graphql(base, RECALLS_WITH_GTINS))["recalls"]["edges"]
    recall = next(e["node"] for e in edges if e["node"]["gtins"] and e["node"]["status"] in ("ANNOUNCED", "IN_PROGRESS"))
    gtin = recall["gtins"][0]
    page, errors = await open_page(phone, base + "/recalls")
    await expect(page.get_by_test_id("recall-item").first).to_be_visible()
    assert not await axe_violations(page), "axe on /recalls with its filters"
    # Filters: only ordered recalls, then all again.
    await page.get_by_test_id("recalls-type-ORDERED").click()
    await expect(page.get_by_test_id("recalls-type-ORDERED")).to_have_attribute("aria-pressed", "true")
    await page.get_by_test_id("recalls-type-ORDERED").click()

    await page.get_by_test_id("recalls-lookup").click()
    await page.wait_for_url("**/lookup")
    # A typo in the check digit is said to be one.
    wrong = gtin[:-1] + str((int(gtin[-1]) + 1) % 10)
    await page.get_by_test_id("lookup-code").fill(wrong)
    await page.get_by_test_id("lookup-submit").click()
    await expect(page.get_by_test_id("lookup-invalid")).to_contain_text("校验位错误")
    # The right code, typed with a space as printed under a barcode.
    await page.get_by_test_id("lookup-code").fill(f"{gtin[:1]} {gtin[1:7]} {gtin[7:]}")
    await page.get_by_test_id("lookup-submit").click()
    hit = page.get_by_test_id("lookup-recall").filter(has_text=recall["code"])
    await expect(hit).to_have_count(1)
    await expect(page.get_by_test_id("lookup-recalled")).to_contain_text("该商品正在召回")
    assert not await axe_violations(page), "axe on /lookup with a result"
    await hit.get_by_role("link").click()
    await page.wait_for_url(f"**/recalls/{recall['id']}")
    detail = page.get_by_test_id("recall-detail")
    await expect(detail.get_by_test_id("recall-gtins")).to_contain_text(gtin)
    await expect(detail.get_by_test_id("completion-bar")).to_be_visible()
    await expect(detail.get_by_text("补救措施")).to_be_visible()
    assert not await axe_violations(page), "axe on the recall detail"
    # The list searched by the same code finds it too.
    await page.goto(base + "/recalls", wait_until="domcontentloaded")
    await page.get_by_test_id("recalls-search").locator("input").fill(gtin)
    await page.get_by_test_id("recalls-search").locator("input").press("Enter")
    await expect(page.get_by_test_id("recall-item")).to_have_count(1)
    await expect(page.get_by_test_id("recall-item")).to_contain_text(recall["code"])
    assert not errors, errors
