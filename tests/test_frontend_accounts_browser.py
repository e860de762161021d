"""Accounts in the browser: sign-up with errors in the user's language, sign-out, refused sign-in, and a session
that outlives its short-lived access token through silent refresh."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

from playwright.async_api import BrowserContext, Page, expect

from tests import stack as stack_mod
from tests.browser import DEMO_PASSWORD, browser, open_page, phone  # noqa: F401 (fixtures)


async def stored_session(page: Page) -> dict[str, Any]:
    return json.loads(await page.evaluate("localStorage.getItem('qsradar.session')") or "{}")


async def test_sign_up_sign_out_and_refused_sign_in_in_chinese(live_server: Any, phone: BrowserContext) -> None:
    page, errors = await open_page(phone, live_server.base_url + "/me")
    await page.get_by_role("tab", name="注册").click()
    email = f"phone-{uuid.uuid4().hex[:8]}@example.com"
    await page.get_by_test_id("signup-email").fill(email)
    await page.get_by_test_id("signup-password").fill("short")
    await page.get_by_test_id("signup-submit").click()
    await expect(page.get_by_test_id("signup-form")).to_contain_text("密码至少 10 位")

    await page.get_by_test_id("signup-password").fill("correct-horse-1")
    await page.get_by_test_id("signup-submit").click()
    await expect(page.get_by_test_id("viewer-role")).to_have_text("消费者")
    assert (await stored_session(page)).get("refreshToken")

    await page.get_by_test_id("signout").click()
    await expect(page.get_by_test_id("signin-form")).to_be_attached()
    assert await stored_session(page) == {}

    await page.get_by_role("tab", name="登录").click()
    await page.get_by_test_id("signin-email").fill(email)
    await page.get_by_test_id("signin-password").fill("wrong-password-1")
    await page.get_by_test_id("signin-submit").click()
    await expect(page.get_by_test_id("signin-error")).to_have_text("邮箱或密码不正确")
    assert not errors, errors


async def test_session_outlives_its_access_token(tmp_path: Path, phone: BrowserContext) -> None:
    with stack_mod.running(tmp_path / "svc", QSRADAR_ACCESS_TOKEN_TTL="2") as s:
        page, errors = await open_page(phone, s.base_url + "/me")
        await page.get_by_test_id("signin-email").fill("consumer@demo.test")
        await page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
        await page.get_by_test_id("signin-submit").click()
        name = page.get_by_test_id("viewer-name")
        await expect(name).to_be_visible()
        first = await stored_session(page)
        await asyncio.sleep(3)  # the access token has expired
        await page.reload(wait_until="domcontentloaded")
        await expect(name).to_be_visible()
        await expect(page.get_by_test_id("viewer-role")).to_have_text("消费者")
        second = await stored_session(page)
        assert second["refreshToken"] != first["refreshToken"]  # refreshed silently, with rotation
        assert not errors, errors
