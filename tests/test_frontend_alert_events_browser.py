"""The phone app opts in to its watchlist matches (issue 13): a recall announced for a watched GTIN reaches the
signed-in consumer's app live and is listed on the watchlist page, with the watched code."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from playwright.async_api import BrowserContext, expect
from stdnum import ean

from documents.demo.data import DEMO_USCC
from tests.browser import (  # noqa: F401 (fixtures)
    DEMO_PASSWORD,
    browser,
    open_page,
    phone,
    post_graphql,
)

ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id title } }"
ANNOUNCE = "mutation($i: AnnounceRecallInput!) { announceRecall(input: $i) { code productName } }"
SIGN_UP = "mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }"


async def test_a_recall_of_a_watched_gtin_is_pushed_and_listed_on_the_watchlist(
        live_server: Any, tokens: dict[str, str], phone: BrowserContext) -> None:
    base = live_server.base_url
    email = f"w-{uuid.uuid4().hex[:10]}@test.example"
    await post_graphql(base, SIGN_UP, {"i": {"email": email, "password": DEMO_PASSWORD}})
    body = "69" + str(uuid.uuid4().int)[:10]
    gtin = body + str(ean.calc_check_digit(body))

    page, errors = await open_page(phone, base + "/me")
    await page.get_by_test_id("signin-email").fill(email)
    await page.get_by_test_id("signin-password").fill(DEMO_PASSWORD)
    await page.get_by_test_id("signin-submit").click()
    await expect(page.get_by_test_id("viewer-name")).to_be_visible()
    await page.goto(base + "/watchlist", wait_until="domcontentloaded")
    await page.get_by_test_id("watch-code").fill(gtin)
    await page.get_by_test_id("watch-add").click()
    await expect(page.locator(f"[data-testid=watch-item][data-code='{gtin}']")).to_have_count(1)

    # The socket is live once a RED announcement shows in the banner; then the recall follows it in the log.
    marker = (await post_graphql(base, ISSUE, {"i": {
        "title": f"标记 {secrets.token_hex(4)}", "level": "RED", "kind": "ANNOUNCEMENT", "hazards": ["PHYSICAL"],
        "productCategory": "alert-events-browser", "summary": "marker", "authorizationRef": "国务院授权 test"}},
        tokens["regulator"]))["issueWarning"]
    await expect(page.get_by_test_id("alert-banner")).to_contain_text(marker["title"], timeout=20_000)
    recall = (await post_graphql(base, ANNOUNCE, {"i": {
        "uscc": DEMO_USCC, "productName": f"示范牌暖风机 {secrets.token_hex(3)}（虚构）", "gtins": [gtin],
        "hazard": "过热 / overheating", "remedy": "REFUND", "remedyInstructions": "停止使用并退货",
        "unitsAffected": 30}}, tokens["enterprise"]))["announceRecall"]

    match = page.locator(f"[data-testid=watch-recent-item][data-code='{gtin}']")
    await expect(match).to_contain_text(recall["productName"], timeout=20_000)
    await expect(match).to_contain_text("发布召回")  # the trigger, in Chinese
    assert not errors, errors
