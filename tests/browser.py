"""Browser set-up shared by the browser tests: Debian's chromium driven by async Playwright.

Skips when /usr/bin/chromium is not installed (`make test` installs it with apt).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IPHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = os.environ.get("QSRADAR_DEMO_PASSWORD", "demo-pass-2026")
TIMEOUT_MS = 15_000
CJK = re.compile(r"[\u4e00-\u9fff]")


async def post_graphql(base_url: str, query: str, variables: dict[str, Any] | None = None,
                       token: str | None = None) -> dict[str, Any]:
    """POST a GraphQL document over the wire; returns `data` (asserts there are no errors)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(timeout=20.0) as client:
        resp = await client.post(f"{base_url}/graphql", json={"query": query, "variables": variables or {}},
                                 headers=headers)
    resp.raise_for_status()
    body = resp.json()
    assert not body.get("errors"), body.get("errors")
    return body["data"]


def chromium_installed() -> bool:
    return os.path.exists(CHROMIUM)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if not chromium_installed():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium; `make` installs it)")
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            await b.close()


@pytest.fixture
async def phone(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh iPhone-sized context (empty localStorage: Chinese UI, anonymous)."""
    ctx = await browser.new_context(
        viewport=IPHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        user_agent=(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
        ),
    )
    ctx.set_default_timeout(TIMEOUT_MS)
    try:
        yield ctx
    finally:
        await ctx.close()


async def open_page(ctx: BrowserContext, url: str) -> tuple[Page, list[str]]:
    """Open `url`, collecting uncaught page errors."""
    page = await ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    await page.goto(url, wait_until="domcontentloaded")
    return page, errors


@pytest.fixture
async def desktop(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh desktop-sized context for the console (Chinese UI, signed out)."""
    ctx = await browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    ctx.set_default_timeout(TIMEOUT_MS)
    try:
        yield ctx
    finally:
        await ctx.close()


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AXE_JS = os.path.join(ROOT, "frontend", "node_modules", "axe-core", "axe.min.js")
# WCAG 2.0/2.1 A and AA rules plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@functools.cache
def axe_source() -> str | None:
    """axe-core's script, from the front end's node_modules (None when not installed)."""
    try:
        with open(AXE_JS, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


async def axe_violations(page: Page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core (from frontend/node_modules, injected) on the page; violations of the given impacts."""
    source = axe_source()
    if source is None:
        pytest.skip(f"{AXE_JS} is missing (npm ci in frontend/)")
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the service's CSP allows no other inline script.
        await page.evaluate(source + "\n;undefined")
    result = await page.evaluate("tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })", AXE_TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in result["violations"] if v["impact"] in impacts
    ]


async def sign_in_console(page: Page, base: str, email: str, path: str = "/console/warnings") -> None:
    """Sign in on the console's sign-in page and land on `path`."""
    await page.goto(f"{base}/console/signin?redirect={path}", wait_until="domcontentloaded")
    await page.get_by_test_id("signin-email").fill(email)
    await page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
    await page.get_by_test_id("signin-submit").click()
    await page.wait_for_url(f"**{path}")
