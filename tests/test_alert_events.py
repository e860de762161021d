"""Events without a warning on `alerts` (issues 12 and 13): a watchlist match reaches its watcher only (and replays),
a credit change reaches the enterprise's members and the credit readers only, a complaint burst raises one
regulator-only signal (also under concurrent filings), and a subscriber that did not opt in gets none of them.

Every test brackets its action between two RED ANNOUNCEMENT markers that every subscriber here may see: the first
proves the subscriptions are live, the second ends the reading (the log is ordered), so "nobody else" is exact."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from dataclasses import dataclass, field

import httpx
import pytest
from stdnum import ean

from documents.demo.data import DEMO_USCC
from tests.complaints_support import FILE, complaint_input, new_consumer
from tests.gqlws import GqlWs
from tests.stack import DEMO_PASSWORD, Stack
from tests.test_credit_api import REGISTER, new_uscc

ALERTS = ("subscription($min: WarningLevel, $after: String, $f: AlertFilter) { alerts(minLevel: $min, after: $after, "
          "filter: $f) { cursor type trigger level warning { id kind } recall { code gtins } watched { code } "
          "enterprise { uscc creditLevel } creditLevel previousCreditLevel signal { group key count threshold "
          "complaints { id } } } }")
OPT_IN = {"types": ["PUBLISHED", "RECALL_ORDERED", "WATCHLIST_MATCH", "CREDIT_CHANGED", "COMPLAINT_SIGNAL"]}
ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
WATCH = "mutation($c: String!) { watchProduct(code: $c) { code } }"
ANNOUNCE = "mutation($i: AnnounceRecallInput!) { announceRecall(input: $i) { code gtins } }"
ORDER = "mutation($i: AnnounceRecallInput!) { orderRecall(input: $i) { code } }"
SET_LEVEL = "mutation($u: String!, $l: CreditLevel!) { setCreditLevel(uscc: $u, level: $l, reason: \"认定\") { uscc } }"
CREATE_ACCOUNT = "mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }"


def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


def new_gtin() -> str:
    body = "69" + str(uuid.uuid4().int)[:10]
    return body + str(ean.calc_check_digit(body))


@dataclass
class Listener:
    """One subscriber and what it received between the markers."""

    name: str
    ws: GqlWs
    got: list[dict] = field(default_factory=list)

    async def until(self, marker_id: str) -> list[dict]:
        """Events up to the marker warning (excluded); the marker's own event is kept last in `got`."""
        before: list[dict] = []
        while True:
            payload = (await self.ws.next_payloads(1, timeout=20))[0]
            assert "errors" not in payload, (self.name, payload)
            event = payload["data"]["alerts"]
            if event["warning"] and event["warning"]["id"] == marker_id:
                self.got.append(event)
                return before
            before.append(event)


async def listen(stack: Stack, who: dict[str, str | None], opt_in: set[str]) -> dict[str, Listener]:
    out = {}
    for name, token in who.items():
        ws = await GqlWs.connect(stack.ws_url, token)
        await ws.subscribe(ALERTS, {"min": "RED", **({"f": OPT_IN} if name in opt_in else {})})
        out[name] = Listener(name, ws)
    return out


async def marker(stack: Stack, regulator: str, listeners: dict[str, Listener]) -> dict[str, list[dict]]:
    """Publish a RED ANNOUNCEMENT and read every listener up to it: what each got before it."""
    async with httpx.AsyncClient(base_url=stack.base_url, timeout=30) as client:
        response = await client.post("/graphql", headers={"Authorization": f"Bearer {regulator}"}, json={
            "query": ISSUE, "variables": {"i": {
                "title": f"标记 marker {secrets.token_hex(4)}", "level": "RED", "kind": "ANNOUNCEMENT",
                "hazards": ["PHYSICAL"], "productCategory": "alert-events-test", "summary": "marker",
                "authorizationRef": "国务院授权 test"}}})
    marker_id = ok(response.json())["issueWarning"]["id"]
    results = await asyncio.gather(*(listener.until(marker_id) for listener in listeners.values()))
    return dict(zip(listeners, results, strict=True))


async def start(stack: Stack, regulator: str, listeners: dict[str, Listener]) -> str:
    """Wait until every subscription is live (the first marker reached all); the cursor to replay from."""
    await marker(stack, regulator, listeners)
    return next(iter(listeners.values())).got[-1]["cursor"]


async def close(listeners: dict[str, Listener]) -> None:
    for listener in listeners.values():
        await listener.ws.close()


def agency(stack: Stack, scope: str) -> str:
    response = stack.agency_token(scope)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


async def test_a_recall_of_a_watched_gtin_reaches_its_watcher_only_and_replays(live_server: Stack,
                                                                                 tokens: dict[str, str]) -> None:
    gtin = new_gtin()
    watcher, other = new_consumer(live_server), new_consumer(live_server)
    assert ok(live_server.gql(WATCH, {"c": gtin}, token=watcher["token"]))["watchProduct"][0]["code"] == gtin
    who = {"watcher": watcher["token"], "watcher_not_opted_in": watcher["token"], "other_consumer": other["token"],
           "anonymous": None, "enterprise": tokens["enterprise"], "regulator": tokens["regulator"]}
    listeners = await listen(live_server, who, opt_in={"watcher", "other_consumer", "anonymous", "enterprise",
                                                       "regulator"})
    after = await start(live_server, tokens["regulator"], listeners)
    recall = ok(live_server.gql(ANNOUNCE, {"i": {
        "uscc": DEMO_USCC, "productName": f"示范牌取暖器 {secrets.token_hex(3)}（虚构）", "gtins": [gtin],
        "hazard": "倾倒不断电 / no tip-over cut-off", "remedy": "REFUND", "remedyInstructions": "停止使用并退货",
        "unitsAffected": 50}}, token=tokens["enterprise"]))["announceRecall"]
    got = await marker(live_server, tokens["regulator"], listeners)

    assert len(got["watcher"]) == 1, got["watcher"]
    match = got["watcher"][0]
    assert match["type"] == "WATCHLIST_MATCH" and match["trigger"] == "RECALL_ANNOUNCED"
    assert match["recall"]["code"] == recall["code"] and match["watched"] == {"code": gtin}
    assert match["warning"] is None and match["level"] is None  # a voluntary recall without a warning
    for name in ("watcher_not_opted_in", "other_consumer", "anonymous", "enterprise", "regulator"):
        assert got[name] == [], (name, got[name])  # nobody else, and nothing without a warning unasked

    # Replay after the first marker: the same match at the same cursor, then the second marker.
    replay = await GqlWs.connect(live_server.ws_url, watcher["token"])
    await replay.subscribe(ALERTS, {"min": "RED", "after": after, "f": OPT_IN})
    again = [p["data"]["alerts"] for p in await replay.next_payloads(2)]
    assert again[0] == match and again[1]["cursor"] == listeners["watcher"].got[-1]["cursor"]
    await replay.close()
    await close(listeners)


async def test_a_match_never_reveals_a_warning_the_watcher_may_not_see(live_server: Stack,
                                                                       tokens: dict[str, str]) -> None:
    gtin = new_gtin()
    watcher = new_consumer(live_server)
    ok(live_server.gql(WATCH, {"c": gtin}, token=watcher["token"]))
    listeners = await listen(live_server, {"watcher": watcher["token"], "regulator": tokens["regulator"]},
                             opt_in={"watcher", "regulator"})
    await start(live_server, tokens["regulator"], listeners)
    notice = ok(live_server.gql(ISSUE, {"i": {
        "title": f"内部通告 {secrets.token_hex(3)}", "level": "RED", "kind": "NOTICE", "hazards": ["PHYSICAL"],
        "productCategory": "alert-events-test", "summary": "notice", "authorizationRef": "国务院授权 test"}}, token=tokens["regulator"]))["issueWarning"]
    ordered = ok(live_server.gql(ORDER, {"i": {
        "uscc": DEMO_USCC, "productName": f"示范牌插座 {secrets.token_hex(3)}（虚构）", "gtins": [gtin],
        "hazard": "过热 / overheating", "remedy": "REPLACE", "remedyInstructions": "免费更换",
        "unitsAffected": 80, "warningId": notice["id"]}}, token=tokens["regulator"]))["orderRecall"]
    got = await marker(live_server, tokens["regulator"], listeners)

    assert [(e["type"], e["trigger"], e["recall"]["code"]) for e in got["watcher"]] == [
        ("WATCHLIST_MATCH", "RECALL_ORDERED", ordered["code"])]
    assert got["watcher"][0]["warning"] is None and got["watcher"][0]["level"] is None  # a NOTICE: not for consumers
    # The regulator gets the NOTICE and the ordered recall itself, with its warning (RED: an alerted recall).
    assert [(e["type"], e["warning"]["id"]) for e in got["regulator"]] == [("PUBLISHED", notice["id"]),
                                                                           ("RECALL_ORDERED", notice["id"])]
    await close(listeners)


async def test_a_credit_change_reaches_members_and_credit_readers_only(live_server: Stack,
                                                                       tokens: dict[str, str]) -> None:
    def enterprise(level: str) -> tuple[str, str]:
        uscc = new_uscc()
        ok(live_server.gql(REGISTER, {"i": {"uscc": uscc, "name": f"信用推送测试{secrets.token_hex(3)}（虚构）",
                                            "creditLevel": level, "regionCode": "440300"}},
                           token=tokens["regulator"]))
        email = f"m{secrets.token_hex(4)}@alerts.test"
        ok(live_server.gql(CREATE_ACCOUNT, {"i": {"email": email, "password": DEMO_PASSWORD, "role": "ENTERPRISE",
                                                  "enterpriseUscc": uscc}}, token=tokens["admin"]))
        return uscc, str(live_server.sign_in(email)["accessToken"])

    (mine, member), (_, other_member) = enterprise("REGULAR"), enterprise("REGULAR")
    who = {"member": member, "other_enterprise": other_member, "regulator": tokens["regulator"],
           "admin": tokens["admin"], "regulator_not_opted_in": tokens["regulator"],
           "consumer": tokens["consumer"], "anonymous": None,
           "agency_credit": agency(live_server, "credit:read warnings:read"),
           "agency_without_credit": agency(live_server, "warnings:read")}
    listeners = await listen(live_server, who, opt_in=set(who) - {"regulator_not_opted_in"})
    await start(live_server, tokens["regulator"], listeners)
    ok(live_server.gql(SET_LEVEL, {"u": mine, "l": "DISHONEST"}, token=tokens["regulator"]))
    got = await marker(live_server, tokens["regulator"], listeners)

    for name in ("member", "regulator", "admin", "agency_credit"):
        assert [(e["type"], e["enterprise"]["uscc"], e["creditLevel"], e["previousCreditLevel"], e["warning"])
                for e in got[name]] == [("CREDIT_CHANGED", mine, "DISHONEST", "REGULAR", None)], (name, got[name])
    assert got["member"][0]["enterprise"]["creditLevel"] == "DISHONEST"  # resolves as usual
    for name in ("other_enterprise", "consumer", "anonymous", "agency_without_credit", "regulator_not_opted_in"):
        assert got[name] == [], (name, got[name])
    await close(listeners)


async def _file(client: httpx.AsyncClient, token: str, brand: str) -> None:
    response = await client.post("/graphql", headers={"Authorization": f"Bearer {token}"}, json={
        "query": FILE, "variables": {"i": complaint_input(brand=brand, productCode=None),
                                     "k": f"signal-{uuid.uuid4().hex}"}})
    ok(response.json())


@pytest.mark.parametrize("concurrent", [False, True])
async def test_a_complaint_burst_raises_one_regulator_only_signal(live_server: Stack, tokens: dict[str, str],
                                                                  concurrent: bool) -> None:
    brand = f"信号品牌 Signal-{secrets.token_hex(4)}"
    filers = [new_consumer(live_server)["token"] for _ in range(3)]
    who = {"regulator": tokens["regulator"], "admin": tokens["admin"], "regulator_not_opted_in": tokens["regulator"],
           "consumer": filers[0], "enterprise": tokens["enterprise"], "anonymous": None,
           "agency": agency(live_server, "complaints:aggregate warnings:read")}
    listeners = await listen(live_server, who, opt_in=set(who) - {"regulator_not_opted_in"})
    await start(live_server, tokens["regulator"], listeners)
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=60) as client:
        if concurrent:  # more than the threshold at once, and the same consumers again
            await asyncio.gather(*(_file(client, filers[i % 3], brand) for i in range(8)))
        else:
            for i in range(5):  # the third reaches the threshold; the fourth and fifth raise nothing more
                await _file(client, filers[i % 3], brand)
    got = await marker(live_server, tokens["regulator"], listeners)

    key = brand.casefold()
    for name in ("regulator", "admin"):
        signals = [e for e in got[name] if e["type"] == "COMPLAINT_SIGNAL" and e["signal"]["key"] == key]
        assert len(signals) == 1, (name, got[name])
        signal = signals[0]["signal"]
        assert signal["group"] == "BRAND" and signal["threshold"] == 3 and signal["count"] == 3
        assert len(signal["complaints"]) == 3 and signals[0]["warning"] is None
    for name in ("consumer", "enterprise", "anonymous", "agency", "regulator_not_opted_in"):
        assert got[name] == [], (name, got[name])
    await close(listeners)
