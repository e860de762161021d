"""The regulator's console pages (issues 11-13) answer and pass axe: defect reports to assess, overdue duties across
enterprises and the effectiveness table, the enterprise list with filters and one enterprise's credit file, the
complaint triage queue with deadlines and the signals."""

from __future__ import annotations

from typing import Any

from playwright.async_api import BrowserContext, expect

from tests.browser import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    desktop,
    open_page,
    sign_in_console,
)


async def test_regulator_pages(live_server: Any, desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "regulator@demo.test", "/console/defects")
    await expect(page.get_by_test_id("defect-row").first).to_be_visible()
    assert not await axe_violations(page), "axe on /console/defects"

    await page.get_by_test_id("nav-duties").click()
    await expect(page.get_by_test_id("overdue-duty").first).to_be_visible()
    await expect(page.get_by_test_id("overdue-duty").first.get_by_test_id("overdue-mark")).to_be_visible()
    await expect(page.get_by_test_id("effectiveness-row").first).to_be_visible()
    await page.get_by_test_id("effectiveness-group").select_option("BRAND")
    await expect(page.get_by_test_id("effectiveness-row").first).to_be_visible()
    assert not await axe_violations(page), "axe on /console/duties"

    await page.get_by_test_id("nav-enterprises").click()
    await page.get_by_test_id("ent-filter-text").fill("浦江")
    await page.get_by_test_id("ent-filter-submit").click()
    await expect(page.get_by_test_id("ent-row")).to_have_count(1)
    await page.get_by_test_id("ent-open").click()
    await expect(page.get_by_test_id("ent-detail")).to_contain_text("上海浦江家电")
    await page.get_by_test_id("tier-open").click()
    await expect(page.get_by_test_id("tier-dialog")).to_be_visible()
    assert not await axe_violations(page), "axe on /console/enterprises with the tier dialog"
    await page.get_by_test_id("dialog-submit").click()
    await expect(page.get_by_test_id("dialog-text-error")).to_be_visible()  # a reason is required
    await page.get_by_test_id("dialog-cancel").click()

    await page.get_by_test_id("nav-complaints").click()
    await expect(page.get_by_test_id("triage-row").first).to_be_visible()
    await expect(page.get_by_test_id("complaint-signal").first).to_be_visible()
    assert not await axe_violations(page), "axe on /console/complaints"
    assert not errors, errors
