"""Accessibility in the browser: axe-core on every route (phone and console, both languages), with no violation of
serious or critical impact; tap targets of at least 44 × 44 px; a visible focus ring; dialogs that keep the focus
and give it back."""

from __future__ import annotations

from typing import Any

from playwright.async_api import BrowserContext, Page, expect

from tests.browser import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    desktop,
    open_page,
    phone,
    post_graphql,
    sign_in_console,
)

FIRST_WARNING = "{ warnings(first: 1) { edges { node { id } } } }"


async def settled(page: Page) -> None:
    """The route's content is on screen (no skeleton, no 'loading')."""
    await page.wait_for_load_state("networkidle")
    await expect(page.get_by_test_id("list-skeleton")).to_have_count(0)


async def assert_no_serious(page: Page, where: str) -> None:
    found = await axe_violations(page)
    assert not found, f"axe on {where}: {found}"


async def test_axe_on_every_phone_route_in_both_languages(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url
    warning_id = (await post_graphql(base, FIRST_WARNING))["warnings"]["edges"][0]["node"]["id"]
    routes = ["/", "/recalls", "/me", f"/warnings/{warning_id}", "/lookup", "/credit", "/complaints", "/complaints/new",
              "/watchlist", "/no-such-page"]
    page, errors = await open_page(phone, base + "/")
    for locale in ("zh-CN", "en"):
        await page.evaluate("l => localStorage.setItem('qsradar.locale', l)", locale)
        for route in routes:
            await page.goto(base + route, wait_until="domcontentloaded")
            await settled(page)
            await assert_no_serious(page, f"{route} ({locale})")
    # The filter sheet, open.
    await page.goto(base + "/", wait_until="domcontentloaded")
    await settled(page)
    await page.get_by_test_id("warnings-filter").click()
    await expect(page.get_by_test_id("warnings-filter-panel")).to_be_visible()
    await assert_no_serious(page, "/ with the filter sheet open")
    # Sign-up tab of "Me".
    await page.goto(base + "/me", wait_until="domcontentloaded")
    await page.get_by_role("tab", name="Sign up").click()
    await assert_no_serious(page, "/me sign-up")
    assert not errors, errors


async def test_axe_on_every_console_route(live_server: Any, desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/signin")
    await assert_no_serious(page, "/console/signin")
    await sign_in_console(page, base, "regulator@demo.test")
    await expect(page.get_by_test_id("console-warning-row").first).to_be_visible()
    await assert_no_serious(page, "/console/warnings")
    await page.get_by_test_id("view-lifted").click()
    await expect(page.get_by_test_id("view-lifted")).to_have_attribute("aria-pressed", "true")
    await page.wait_for_load_state("networkidle")
    await assert_no_serious(page, "/console/warnings (lifted)")
    await page.get_by_test_id("view-active").click()
    await page.wait_for_load_state("networkidle")
    row = page.locator("[data-testid=console-warning-row][data-status=PUBLISHED]").first
    for action in ("adjust", "lift"):
        await row.get_by_test_id(f"{action}-open").click()
        await expect(page.get_by_test_id(f"{action}-dialog")).to_be_visible()
        await assert_no_serious(page, f"/console/warnings {action} dialog")
        await page.get_by_test_id("action-cancel").click()
    await row.locator("a").first.click()
    await expect(page.get_by_test_id("warning-title")).to_be_visible()
    await assert_no_serious(page, "/console/warnings/:id")
    await page.goto(base + "/console/issue", wait_until="domcontentloaded")
    await expect(page.get_by_test_id("issue-form")).to_be_visible()
    await assert_no_serious(page, "/console/issue")
    await page.get_by_test_id("issue-submit").click()  # with its errors shown
    await assert_no_serious(page, "/console/issue with errors")
    # A tablet: cards and the drawer.
    await page.set_viewport_size({"width": 820, "height": 1180})
    await page.goto(base + "/console/warnings", wait_until="domcontentloaded")
    await expect(page.get_by_test_id("console-warning-row").first).to_be_visible()
    await page.get_by_test_id("console-menu").click()
    await assert_no_serious(page, "/console/warnings at 820 px with the drawer open")

    await page.keyboard.press("Escape")  # closes the drawer, focus back on its button
    assert await page.evaluate("document.activeElement.dataset.testid") == "console-menu"
    await page.get_by_test_id("console-signout").click()
    await page.wait_for_url("**/console/signin**")
    other = await desktop.new_page()
    await sign_in_console(other, base, "enterprise@demo.test", "/console/enterprise")
    await expect(other.get_by_test_id("enterprise-card")).to_be_visible()
    await assert_no_serious(other, "/console/enterprise")
    assert not errors, errors


TAP_TARGETS = """() => [...document.querySelectorAll('a[href], button, select, [role=button], [role=tab], .van-checkbox, .locale-switch')]
  .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('.visually-hidden, .skip-link'); })
  .map(el => { const r = el.getBoundingClientRect();
               return { what: (el.dataset.testid || el.className || el.tagName) + ' ' + (el.textContent || '').trim().slice(0, 20),
                        w: Math.round(r.width), h: Math.round(r.height) }; })
  .filter(t => t.w < 44 || t.h < 44)"""


async def test_tap_targets_are_at_least_44_px_on_the_phone(live_server: Any, phone: BrowserContext) -> None:
    base = live_server.base_url
    warning_id = (await post_graphql(base, FIRST_WARNING))["warnings"]["edges"][0]["node"]["id"]
    page, errors = await open_page(phone, base + "/")
    for route in ("/", "/recalls", "/me", f"/warnings/{warning_id}", "/lookup", "/credit", "/complaints/new"):
        await page.goto(base + route, wait_until="domcontentloaded")
        await settled(page)
        small = await page.evaluate(TAP_TARGETS)
        assert not small, f"tap targets under 44 × 44 px on {route}: {small}"
    await page.goto(base + "/", wait_until="domcontentloaded")
    await page.get_by_test_id("warnings-filter").click()
    await expect(page.get_by_test_id("warnings-filter-panel")).to_be_visible()
    small = await page.evaluate(TAP_TARGETS)
    assert not small, f"tap targets under 44 × 44 px in the filter sheet: {small}"
    assert not errors, errors


async def test_focus_ring_is_visible(live_server: Any, phone: BrowserContext) -> None:
    page, errors = await open_page(phone, live_server.base_url + "/")
    await settled(page)
    for _ in range(3):
        await page.keyboard.press("Tab")
        ring = await page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return { tag: document.activeElement.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; }""")
        assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert not errors, errors


async def test_dialogs_trap_focus_and_give_it_back(live_server: Any, desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "regulator@demo.test")
    opener = page.locator("[data-testid=console-warning-row][data-status=PUBLISHED]").first.get_by_test_id("lift-open")
    await opener.focus()
    await page.keyboard.press("Enter")
    dialog = page.get_by_test_id("lift-dialog")
    await expect(dialog).to_be_visible()
    inside = "sel => document.querySelector(sel).contains(document.activeElement)"
    assert await page.evaluate(inside, "[data-testid=lift-dialog]")
    for key in ["Tab"] * 6 + ["Shift+Tab"] * 6:
        await page.keyboard.press(key)
        assert await page.evaluate(inside, "[data-testid=lift-dialog]"), f"focus left the dialog after {key}"
    await page.keyboard.press("Escape")
    await expect(dialog).to_be_hidden()
    assert await page.evaluate("document.activeElement.dataset.testid") == "lift-open"
    assert not errors, errors
