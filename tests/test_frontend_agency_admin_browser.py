"""Admins manage agency clients in the console (issue 14): the admin creates a client, sees its secret once, rotates
it (the new secret and the grace end are shown; both secrets get a token during the grace) and revokes another after
a confirmation that names it; the page passes axe."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.async_api import BrowserContext, expect

from tests.browser import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    desktop,
    open_page,
    sign_in_console,
)


def _token_status(base: str, client_id: str, secret: str) -> int:
    return httpx.post(f"{base}/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret),
                      timeout=30).status_code


async def test_admin_creates_a_client_and_rotates_its_secret(live_server: Any, desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "admin@demo.test", "/console/agency-clients")
    await expect(page.get_by_test_id("nav-agency-clients")).to_be_visible()
    await expect(page.locator("[data-testid=agency-row][data-client-id=demo-agency]")).to_be_visible()
    assert not await axe_violations(page), "axe on /console/agency-clients"

    # Create: the secret is shown once and gets a token.
    await page.get_by_test_id("agency-new").click()
    dialog = page.get_by_test_id("agency-create")
    await expect(dialog).to_be_visible()
    assert not await axe_violations(page), "axe on the create dialog"
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog.get_by_test_id("dialog-error")).to_be_visible()  # id and name are required
    await page.get_by_test_id("agency-client-id").fill("browser-agency")
    await page.get_by_test_id("agency-name").fill("浏览器测试机构 Browser test agency (fictional)")
    await page.get_by_test_id("agency-scope-RECALLS_READ").check()
    await dialog.get_by_test_id("dialog-submit").click()
    await expect(dialog).to_be_hidden()
    secret_box = page.get_by_test_id("agency-secret")
    await expect(secret_box).to_be_visible()
    await expect(page.get_by_test_id("agency-secret-copy")).to_be_visible()
    first_secret = (await page.get_by_test_id("agency-secret-value").inner_text()).strip()
    assert len(first_secret) >= 32
    assert _token_status(base, "browser-agency", first_secret) == 200
    row = page.locator("[data-testid=agency-row][data-client-id=browser-agency]")
    await expect(row).to_be_visible()
    await page.get_by_test_id("agency-secret-done").click()
    await expect(secret_box).to_be_hidden()

    # Rotate with the default grace (one day): the new secret is shown with the grace end; both secrets work.
    await row.get_by_test_id("agency-rotate").click()
    rotate = page.get_by_test_id("agency-rotate-dialog")
    await expect(rotate).to_contain_text("browser-agency")
    assert not await axe_violations(page), "axe on the rotate dialog"
    await rotate.get_by_test_id("dialog-submit").click()
    await expect(rotate).to_be_hidden()
    await expect(secret_box).to_be_visible()
    await expect(page.get_by_test_id("agency-grace-end")).to_be_visible()
    new_secret = (await page.get_by_test_id("agency-secret-value").inner_text()).strip()
    assert new_secret != first_secret
    assert _token_status(base, "browser-agency", new_secret) == 200
    assert _token_status(base, "browser-agency", first_secret) == 200  # still in its grace
    await expect(row.get_by_test_id("agency-status")).not_to_be_empty()
    assert not await axe_violations(page), "axe with the new secret shown"

    # Revoke: the confirmation names the client; afterwards no token and no more actions on its row.
    await row.get_by_test_id("agency-revoke").click()
    revoke = page.get_by_test_id("agency-revoke-dialog")
    await expect(page.get_by_test_id("agency-revoke-text")).to_contain_text("browser-agency")
    await revoke.get_by_test_id("dialog-submit").click()
    await expect(revoke).to_be_hidden()
    await expect(row.get_by_test_id("agency-rotate")).to_have_count(0)
    assert _token_status(base, "browser-agency", new_secret) != 200
    assert not errors, errors


async def test_agency_clients_are_not_in_the_regulators_console(live_server: Any, desktop: BrowserContext) -> None:
    base = live_server.base_url
    page, errors = await open_page(desktop, base + "/console/signin")
    await sign_in_console(page, base, "regulator@demo.test", "/console/defects")
    await expect(page.get_by_test_id("nav-defects")).to_be_visible()
    await expect(page.get_by_test_id("nav-agency-clients")).to_have_count(0)
    await page.goto(base + "/console/agency-clients", wait_until="domcontentloaded")
    await expect(page.get_by_test_id("agency-row")).to_have_count(0)
    await page.wait_for_url("**/console/warnings")  # the router sends other roles to their first page
    assert not errors, errors
