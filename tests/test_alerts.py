"""Real-time alerts: live delivery by visibility, exact replay after a cursor, reconnects, two workers."""

from __future__ import annotations

import asyncio
import json
import socket
import uuid

import httpx
import pytest
import websockets

from tests import stack as stack_mod
from tests.gqlws import GqlWs
from tests.stack import Stack

ALERTS = "subscription($min: WarningLevel, $after: String) { alerts(minLevel: $min, after: $after) " \
         "{ cursor type level previousLevel at warning { id code title level kind status publishedAt } } }"
ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id code level kind } }"
ADJUST = "mutation($id: ID!, $l: WarningLevel!) { adjustWarningLevel(id: $id, level: $l, reason: \"evidence\") { id } }"
LIFT = "mutation($id: ID!) { liftWarning(id: $id, reason: \"risk gone\") { id } }"


def warning(kind: str = "ANNOUNCEMENT", level: str = "RED", title: str | None = None) -> dict:
    return {"title": title or f"实时预警 {uuid.uuid4().hex[:8]}", "level": level, "kind": kind,
            "hazards": ["PHYSICAL"], "productCategory": "alerts-test", "summary": "test",
            "authorizationRef": "国务院授权 test" if level == "RED" else None}


async def issue(client: httpx.AsyncClient, token: str, **kw: str) -> dict:
    response = await client.post("/graphql", json={"query": ISSUE, "variables": {"i": warning(**kw)}},
                                 headers={"Authorization": f"Bearer {token}"})
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["issueWarning"]


def events(payloads: list[dict]) -> list[dict]:
    assert all("errors" not in p for p in payloads), payloads
    return [p["data"]["alerts"] for p in payloads]


async def test_red_announcement_reaches_anonymous_but_circular_does_not(live_server: Stack, tokens: dict) -> None:
    anon = await GqlWs.connect(live_server.ws_url)
    staff = await GqlWs.connect(live_server.ws_url, tokens["regulator"])
    await anon.subscribe(ALERTS)
    await staff.subscribe(ALERTS)
    await asyncio.sleep(0.3)
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        circular = await issue(client, tokens["regulator"], kind="CIRCULAR")
        announcement = await issue(client, tokens["regulator"], kind="ANNOUNCEMENT")
        blue = await issue(client, tokens["regulator"], kind="ANNOUNCEMENT", level="BLUE")
    got_staff = events(await staff.next_payloads(2))
    assert [e["warning"]["id"] for e in got_staff] == [circular["id"], announcement["id"]]
    got_anon = events(await anon.next_payloads(1))
    assert got_anon[0]["warning"]["id"] == announcement["id"] and got_anon[0]["type"] == "PUBLISHED"
    await anon.expect_silence(1.5)  # neither the CIRCULAR nor the BLUE one
    assert blue["level"] == "BLUE"
    await anon.close()
    await staff.close()


@pytest.mark.parametrize("role, sees_notice, sees_circular, sees_announcement", [
    ("consumer", False, False, True), ("enterprise", True, False, True), ("agency_warnings", True, False, True),
    ("agency_circulars", False, True, False), ("admin", True, True, True)])
async def test_subscription_applies_visibility_per_role(live_server: Stack, tokens: dict, role: str,
                                                       sees_notice: bool, sees_circular: bool,
                                                       sees_announcement: bool) -> None:
    token = {"agency_warnings": lambda: live_server.agency_token("warnings:read").json()["access_token"],
             "agency_circulars": lambda: live_server.agency_token("circulars:read").json()["access_token"]
             }.get(role, lambda: tokens[role])()
    ws = await GqlWs.connect(live_server.ws_url, token)
    await ws.subscribe(ALERTS, {"min": "RED"})
    await asyncio.sleep(0.3)
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        notice = await issue(client, tokens["regulator"], kind="NOTICE")
        circular = await issue(client, tokens["regulator"], kind="CIRCULAR")
        marker = await issue(client, tokens["regulator"], kind="ANNOUNCEMENT")
    expected = [w["id"] for w, ok in ((notice, sees_notice), (circular, sees_circular),
                                       (marker, sees_announcement)) if ok]
    got = events(await ws.next_payloads(len(expected)))
    assert [e["warning"]["id"] for e in got] == expected
    await ws.expect_silence(0.5)
    await ws.close()


async def test_level_changes_and_lifts_are_pushed(live_server: Stack, tokens: dict) -> None:
    ws = await GqlWs.connect(live_server.ws_url)
    await ws.subscribe(ALERTS, {"min": "ORANGE"})
    await asyncio.sleep(0.3)
    reg = {"Authorization": f"Bearer {tokens['regulator']}"}
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30, headers=reg) as client:
        w = await issue(client, tokens["regulator"], level="YELLOW")  # below ORANGE: silent
        await client.post("/graphql", json={"query": ADJUST, "variables": {"id": w["id"], "l": "ORANGE"}})
        await client.post("/graphql", json={"query": ADJUST, "variables": {"id": w["id"], "l": "BLUE"}})
        await client.post("/graphql", json={"query": LIFT, "variables": {"id": w["id"]}})
    got = events(await ws.next_payloads(2))
    assert [(e["type"], e["level"], e["previousLevel"]) for e in got] == [
        ("LEVEL_CHANGED", "ORANGE", "YELLOW"), ("LEVEL_CHANGED", "BLUE", "ORANGE")]
    await ws.expect_silence(1.0)  # the lift of a BLUE warning is below ORANGE
    await ws.close()


async def test_replay_after_cursor_is_exact_then_live(live_server: Stack, tokens: dict) -> None:
    first = await GqlWs.connect(live_server.ws_url)
    await first.subscribe(ALERTS)
    await asyncio.sleep(0.3)
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        issued = [await issue(client, tokens["regulator"]) for _ in range(4)]
        got = events(await first.next_payloads(4))
        assert [e["warning"]["id"] for e in got] == [w["id"] for w in issued]
        await first.close()
        cursor = got[1]["cursor"]
        later = [await issue(client, tokens["regulator"]) for _ in range(2)]
        second = await GqlWs.connect(live_server.ws_url)
        await second.subscribe(ALERTS, {"after": cursor})
        replayed = events(await second.next_payloads(4))
        assert [e["warning"]["id"] for e in replayed] == [w["id"] for w in issued[2:] + later]
        assert replayed[:2] == got[2:]  # live frames (from the writer's hand-over) say what the log says
        live = await issue(client, tokens["regulator"])
        assert events(await second.next_payloads(1))[0]["warning"]["id"] == live["id"]
        await second.expect_silence(1.0)  # no duplicate at the seam
        await second.close()
    bad = await GqlWs.connect(live_server.ws_url)
    await bad.subscribe(ALERTS, {"after": "not-a-cursor"})
    message = await bad.receive()
    assert message["type"] == "error" or message["payload"]["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    await bad.close()


async def test_reconnecting_client_misses_nothing(live_server: Stack, tokens: dict) -> None:
    """Drop the socket while events are being published; reconnect with the last cursor."""
    total = 30
    publishing_done = asyncio.Event()
    published: list[str] = []

    async def publisher() -> None:
        async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
            for _ in range(total):
                published.append((await issue(client, tokens["regulator"]))["id"])
                await asyncio.sleep(0.03)
        publishing_done.set()

    received: list[str] = []
    cursor = None
    ws = await GqlWs.connect(live_server.ws_url)
    await ws.subscribe(ALERTS)
    await asyncio.sleep(0.3)
    task = asyncio.create_task(publisher())
    drops = 0
    while len(received) < total:
        try:
            message = await ws.receive(timeout=15)
        except TimeoutError:
            break
        event = message["payload"]["data"]["alerts"]
        received.append(event["warning"]["id"])
        cursor = event["cursor"]
        if len(received) in (5, 15) and drops < 2:
            await ws.conn.close()  # the phone loses its network
            drops += 1
            await asyncio.sleep(0.2)  # events keep being published meanwhile
            ws = await GqlWs.connect(live_server.ws_url)
            await ws.subscribe(ALERTS, {"after": cursor})
    await task
    assert drops == 2
    assert received == published  # every event once, in order
    await ws.expect_silence(0.5)
    await ws.close()


async def test_subscription_ends_when_the_token_expires(fresh_dir) -> None:  # type: ignore[no-untyped-def]
    with stack_mod.running(fresh_dir, QSRADAR_ACCESS_TOKEN_TTL="3") as s:
        token = s.sign_in("consumer@demo.test")["accessToken"]
        ws = await GqlWs.connect(s.ws_url, token)
        await ws.subscribe(ALERTS)
        message = await ws.receive(timeout=15)
        assert message["type"] == "next"
        assert message["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert (await ws.receive(timeout=5))["type"] == "complete"
        await ws.close()


async def test_two_workers_deliver_every_event_to_every_subscriber(fresh_dir) -> None:  # type: ignore[no-untyped-def]
    with stack_mod.running(fresh_dir, WEB_CONCURRENCY="2") as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]
        subscribers = [await GqlWs.connect(s.ws_url) for _ in range(8)]
        for ws in subscribers:
            await ws.subscribe(ALERTS)
        await asyncio.sleep(0.5)
        # new connections per request, so writes land on both workers
        published = []
        for _ in range(10):
            async with httpx.AsyncClient(base_url=s.base_url, timeout=30) as client:
                published.append((await issue(client, token))["id"])
        frames = []
        for ws in subscribers:
            got = events(await ws.next_payloads(10))
            assert [e["warning"]["id"] for e in got] == published
            frames.append(got)
            await ws.close()
        # Whichever worker wrote (each hands its entries to the other), every socket got the same frames, and a
        # replay from the log says the same.
        assert all(f == frames[0] for f in frames)
        replay = await GqlWs.connect(s.ws_url)
        await replay.subscribe(ALERTS, {"after": frames[0][0]["cursor"]})
        assert events(await replay.next_payloads(9)) == frames[0][1:]
        await replay.close()
        metrics = httpx.get(f"{s.base_url}/metrics").text
        assert "qsradar_websocket_connections" in metrics
        pids = {line for line in s.log().splitlines() if "qsradar ready" in line}
        assert len(pids) == 2  # both workers started their own watcher


def test_slow_subscriber_queue_overflows_instead_of_growing() -> None:
    from gql.alerts.hub import OVERFLOW, Delivery, Subscriber

    sub = Subscriber(accepts=lambda e: True, queue=asyncio.Queue(maxsize=3))
    for seq in range(1, 10):
        sub.offer(Delivery({"seq": seq}, {}))
    assert sub.overflowed and sub.queue.qsize() == 1 and sub.queue.get_nowait() is OVERFLOW


BULKY_ALERTS = "subscription($after: String) { alerts(minLevel: ORANGE, after: $after) " \
               "{ cursor warning { id title summary } } }"


async def _stalled_subscriber(stack: Stack) -> websockets.ClientConnection:
    """A phone that stops reading: tiny receive buffer, client library holding at most one frame."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", stack.port))
    ws = await GqlWs.connect(stack.ws_url, sock=sock, max_queue=1)
    await ws.subscribe(BULKY_ALERTS)
    return ws.conn


async def test_a_slow_subscriber_is_closed_with_4008_and_replays_the_rest(fresh_dir) -> None:  # type: ignore[no-untyped-def]
    with stack_mod.running(fresh_dir, QSRADAR_SUBSCRIBER_QUEUE="4") as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]
        conn = await _stalled_subscriber(s)
        await asyncio.sleep(0.3)
        published: list[str] = []
        async with httpx.AsyncClient(base_url=s.base_url, timeout=30) as client:
            # ~15 KB per event: publish until the socket buffers are full and the server queue overflows.
            while _counter(s, "qsradar_subscriber_overflows_total") < 1:
                assert len(published) < 3000, "the subscriber never overflowed"
                for _ in range(25):
                    body = (await client.post("/graphql", headers={"Authorization": f"Bearer {token}"}, json={
                        "query": ISSUE, "variables": {"i": warning(level="ORANGE") | {"summary": "警示" * 2500}}})).json()
                    assert "errors" not in body, body
                    published.append(body["data"]["issueWarning"]["id"])
        received: list[dict] = []
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:  # the phone reads again: what was buffered, then the close
                message = json.loads(await asyncio.wait_for(conn.recv(), 15))
                if message["type"] == "next":
                    received.append(message["payload"]["data"]["alerts"])
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4008
        assert 0 < len(received) < len(published)
        assert [e["warning"]["id"] for e in received] == published[:len(received)]  # a gap-free prefix
        ws = await GqlWs.connect(s.ws_url)
        await ws.subscribe(BULKY_ALERTS, {"after": received[-1]["cursor"]})
        rest = events(await ws.next_payloads(len(published) - len(received), timeout=30))
        assert [e["warning"]["id"] for e in received + rest] == published
        await ws.close()
        assert "Exception" not in s.log() and "Traceback" not in s.log()


def _counter(stack: Stack, name: str) -> float:
    for line in httpx.get(f"{stack.base_url}/metrics").text.splitlines():
        if line.startswith((name + " ", name + "{")):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_an_event_is_resolved_once_per_audience(live_server: Stack, tokens: dict) -> None:
    executed = 'qsradar_subscription_results_total{source="executed"}'
    shared = 'qsradar_subscription_results_total{source="shared"}'
    public = [await GqlWs.connect(live_server.ws_url) for _ in range(3)]
    consumer = await GqlWs.connect(live_server.ws_url, tokens["consumer"])
    staff = await GqlWs.connect(live_server.ws_url, tokens["regulator"])
    everyone = [*public, consumer, staff]
    for ws in everyone:
        await ws.subscribe(ALERTS, {"after": None})
    await asyncio.sleep(0.3)
    before = (_counter(live_server, executed), _counter(live_server, shared))
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        w = await issue(client, tokens["regulator"])
    for ws in everyone:
        assert events(await ws.next_payloads(1))[0]["warning"]["id"] == w["id"]
        await ws.close()
    after = (_counter(live_server, executed), _counter(live_server, shared))
    # anonymous and consumer subscribers are one audience, the regulator another
    assert (after[0] - before[0], after[1] - before[1]) == (2, 3)


async def test_alerts_survive_a_database_restart(fresh_dir) -> None:  # type: ignore[no-untyped-def]
    import os
    import signal
    import time

    with stack_mod.running(fresh_dir) as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]
        ws = await GqlWs.connect(s.ws_url)
        await ws.subscribe(ALERTS)
        await asyncio.sleep(0.3)
        async with httpx.AsyncClient(base_url=s.base_url, timeout=30) as client:
            before = await issue(client, token)
            assert events(await ws.next_payloads(1))[0]["warning"]["id"] == before["id"]
            os.kill(s.embedded_db()["pid"], signal.SIGKILL)  # the database goes away under the watcher
            await asyncio.sleep(1.0)
            deadline = time.monotonic() + 30
            while (await client.get("/readyz")).status_code != 200 and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            after = await issue(client, token)
        assert events(await ws.next_payloads(1, timeout=30))[0]["warning"]["id"] == after["id"]
        await ws.close()


FILTERED = "subscription($min: WarningLevel, $after: String, $f: AlertFilter) { alerts(minLevel: $min, after: $after, " \
           "filter: $f) { cursor type warning { id productCategory hazards } } }"


async def test_a_filter_sends_only_matching_events_live_and_on_replay(live_server: Stack, tokens: dict) -> None:
    tag = f"filter-{uuid.uuid4().hex[:6]}"
    wanted = {"min": "BLUE", "f": {"productCategory": tag, "hazards": ["CHEMICAL"], "types": ["PUBLISHED"]}}
    ws = await GqlWs.connect(live_server.ws_url)
    await ws.subscribe(FILTERED, wanted)
    await asyncio.sleep(0.3)
    token = tokens["regulator"]
    matching = []
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30,
                                 headers={"Authorization": f"Bearer {token}"}) as client:
        for hazards, category in ((["CHEMICAL"], tag), (["PHYSICAL"], tag), (["CHEMICAL"], "其他 other")):
            body = (await client.post("/graphql", json={"query": ISSUE, "variables": {"i": {
                **warning(level="ORANGE"), "hazards": hazards, "productCategory": category}}})).json()
            assert "errors" not in body, body
            if hazards == ["CHEMICAL"] and category == tag:
                matching.append(body["data"]["issueWarning"]["id"])
        # A level change of the matching warning is not a wanted type.
        adjusted = await client.post("/graphql", json={"query": ADJUST, "variables": {"id": matching[0], "l": "YELLOW"}})
        assert "errors" not in adjusted.json(), adjusted.text
    assert [e["warning"]["id"] for e in events(await ws.next_payloads(1))] == matching
    await ws.expect_silence(0.5)
    await ws.close()
    # Replay from just before the burst: the same filter gives the same single event.
    replay = await GqlWs.connect(live_server.ws_url)
    await replay.subscribe(FILTERED, {**wanted, "after": _cursor_before(matching[0], live_server)})
    assert [e["warning"]["id"] for e in events(await replay.next_payloads(1))] == matching
    await replay.expect_silence(0.5)
    await replay.close()


def _cursor_before(warning_id: str, live_server: Stack) -> str:
    """The alert cursor just before the publication of `warning_id` (read from the log)."""
    from pymongo import MongoClient

    from gql.alerts.subscription import encode_cursor
    from gql.core.node import decode_id

    decoded = decode_id(warning_id, "Warning")
    assert decoded is not None
    with MongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true") as client:
        entry = client.qsradar.alert_log.find_one({"warning_id": {"$in": [decoded[1]]}, "type": "PUBLISHED"})
    assert entry is not None
    return encode_cursor(int(entry["seq"]) - 1)


async def test_metrics_show_fan_out_after_one_publication(live_server: Stack, tokens: dict) -> None:
    ws = await GqlWs.connect(live_server.ws_url)
    await ws.subscribe(ALERTS, {"min": "RED"})
    await asyncio.sleep(0.3)
    before = _counter(live_server, "qsradar_alert_fanout_lag_seconds_count")
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        published = await issue(client, tokens["regulator"])
    assert events(await ws.next_payloads(1))[0]["warning"]["id"] == published["id"]
    assert _counter(live_server, "qsradar_alert_fanout_lag_seconds_count") == before + 1
    open_public = [line for line in httpx.get(f"{live_server.base_url}/metrics").text.splitlines()
                   if line.startswith('qsradar_subscriptions_active{audience="public"}')]
    assert open_public and float(open_public[0].rsplit(" ", 1)[1]) >= 1
    assert _counter(live_server, "qsradar_alerts_delivered_total") >= 1
    metrics = httpx.get(f"{live_server.base_url}/metrics").text
    assert "qsradar_graphql_request_seconds_bucket" in metrics and "qsradar_change_stream_errors_total" in metrics
    await ws.close()
