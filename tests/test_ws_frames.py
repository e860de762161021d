"""Pre-serialised `next` frames (gql/core/ws_frames.py): a payload encoded once per (event, audience) is spliced
into each subscriber's frame, and every subscriber still gets exactly its own frames: its operation ids, its
selection, the events its audience may see."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import orjson
import pytest
import websockets

from gql.core.ws_frames import next_frame, payload_json
from tests.gqlws import GqlWs
from tests.stack import Stack
from tests.test_alerts import issue

FULL = "subscription($min: WarningLevel) { alerts(minLevel: $min) { cursor type warning { id kind level } } }"
SHORT = "subscription($min: WarningLevel) { alerts(minLevel: $min) { warning { id } } }"


async def _frames(ws: GqlWs, count: int, timeout: float = 15) -> list[dict[str, Any]]:
    """The next `count` protocol messages (no ping/pong), each parsed from one raw text frame."""
    out: list[dict[str, Any]] = []
    while len(out) < count:
        raw = await asyncio.wait_for(ws.conn.recv(), timeout)
        assert isinstance(raw, str), "graphql-transport-ws frames are text"
        message = json.loads(raw)
        if message["type"] == "ping":
            await ws.conn.send('{"type":"pong"}')
        elif message["type"] != "pong":
            out.append(message)
    return out


def test_shared_payload_is_encoded_once_and_spliced_with_each_id() -> None:
    data = {"alerts": {"warning": {"id": "V2FybmluZzox", "title": "预警 \"quoted\" \u2028"}}}
    first = next_frame({"id": "1", "type": "next", "payload": {"data": data}})
    second = next_frame({"id": "op-\"2\"", "type": "next", "payload": {"data": data}})
    assert first is not None and second is not None
    assert orjson.loads(first) == {"id": "1", "type": "next", "payload": {"data": data}}
    assert orjson.loads(second) == {"id": "op-\"2\"", "type": "next", "payload": {"data": data}}
    assert payload_json(data) is payload_json(data)  # the same encoding, not a new one per subscriber
    # An equal but distinct object is encoded on its own (identity, not equality, is the key).
    other = {"alerts": {"warning": {"id": "V2FybmluZzoy", "title": "x"}}}
    assert orjson.loads(payload_json(other)) == {"data": other}


def test_payloads_with_errors_or_extensions_and_other_messages_take_the_usual_path() -> None:
    data = {"alerts": None}
    assert next_frame({"id": "1", "type": "next", "payload": {"data": data, "errors": [{"message": "x"}]}}) is None
    assert next_frame({"id": "1", "type": "next", "payload": {"data": data, "extensions": {"a": 1}}}) is None
    assert next_frame({"id": "1", "type": "next", "payload": {"data": None}}) is None
    assert next_frame({"id": "1", "type": "complete"}) is None
    assert next_frame({"type": "pong"}) is None


async def test_three_audiences_and_three_operations_on_one_socket_get_exactly_their_own_frames(
        live_server: Stack, tokens: dict) -> None:
    anonymous = await GqlWs.connect(live_server.ws_url)
    enterprise = await GqlWs.connect(live_server.ws_url, tokens["enterprise"])
    regulator = await GqlWs.connect(live_server.ws_url, tokens["regulator"])
    for ws in (anonymous, enterprise, regulator):
        await ws.subscribe(FULL, {"min": "RED"})
    # One regulator socket carrying three operations: the same document twice (one shared payload, two ids)
    # and a shorter selection (its own payload).
    multi = await GqlWs.connect(live_server.ws_url, tokens["regulator"])
    full_a = await multi.subscribe(FULL, {"min": "RED"})
    short = await multi.subscribe(SHORT, {"min": "RED"})
    full_b = await multi.subscribe(FULL, {"min": "RED"})
    await asyncio.sleep(0.5)
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        notice = await issue(client, tokens["regulator"], kind="NOTICE")
        circular = await issue(client, tokens["regulator"], kind="CIRCULAR")
        announcement = await issue(client, tokens["regulator"], kind="ANNOUNCEMENT")

    def expect(frame: dict, op_id: str, warning: dict, full: bool = True) -> None:
        assert set(frame) == {"id", "type", "payload"} and frame["id"] == op_id and frame["type"] == "next", frame
        alert = frame["payload"]["data"]["alerts"]
        assert list(frame["payload"]) == ["data"]
        if full:
            assert set(alert) == {"cursor", "type", "warning"} and alert["type"] == "PUBLISHED"
            assert alert["warning"] == {"id": warning["id"], "kind": warning["kind"], "level": "RED"}
        else:
            assert alert == {"warning": {"id": warning["id"]}}

    # Visibility per audience: anonymous sees ANNOUNCEMENTs, an enterprise NOTICEs too, a regulator everything.
    for ws, seen in ((anonymous, [announcement]), (enterprise, [notice, announcement]),
                     (regulator, [notice, circular, announcement])):
        frames = await _frames(ws, len(seen))
        for frame, warning in zip(frames, seen, strict=True):
            expect(frame, "1", warning)
        await ws.expect_silence(0.5)
    frames = await _frames(multi, 9)
    for op_id, full in ((full_a, True), (short, False), (full_b, True)):
        mine = [f for f in frames if f["id"] == op_id]
        for frame, warning in zip(mine, [notice, circular, announcement], strict=True):
            expect(frame, op_id, warning, full)
    await multi.expect_silence(0.5)
    cursors = {f["payload"]["data"]["alerts"]["cursor"] for f in frames if f["id"] in (full_a, full_b)}
    assert len(cursors) == 3  # the two FULL operations got the same three events, one cursor each
    for ws in (anonymous, enterprise, regulator, multi):
        await ws.close()


def _active(stack: Stack, audience: str) -> float:
    line = f'qsradar_subscriptions_active{{audience="{audience}"}} '
    return sum(float(row.rsplit(" ", 1)[1]) for row in httpx.get(f"{stack.base_url}/metrics").text.splitlines()
               if row.startswith(line))


async def test_a_live_subscription_held_by_its_socket_completes_frees_its_id_and_ends_with_the_socket(
        live_server: Stack, tokens: dict) -> None:
    # Anonymous: no token to expire, so once live its socket holds it (strawberry's pipeline for it is gone).
    ws = await GqlWs.connect(live_server.ws_url)
    subscribe = {"type": "subscribe", "payload": {"query": FULL, "variables": {"min": "RED"}}}
    op = await ws.subscribe(FULL, {"min": "RED"})
    await asyncio.sleep(0.3)
    before = _active(live_server, "public")
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        first = await issue(client, tokens["regulator"])
        (frame,) = await _frames(ws, 1)
        assert frame["id"] == op and frame["payload"]["data"]["alerts"]["warning"]["id"] == first["id"]
        await ws.conn.send(json.dumps({"id": op, "type": "complete"}))
        await asyncio.sleep(0.3)
        assert _active(live_server, "public") == before - 1
        await issue(client, tokens["regulator"])
        await ws.expect_silence(0.5)  # completed: nothing more for it
        # Its id is free again (a taken id would close the socket with 4409), and the new one is live.
        await ws.conn.send(json.dumps({"id": op, **subscribe}))
        await asyncio.sleep(0.3)
        third = await issue(client, tokens["regulator"])
        (frame,) = await _frames(ws, 1)
        assert frame["id"] == op and frame["payload"]["data"]["alerts"]["warning"]["id"] == third["id"]
    # While live, the id stays taken: subscribing with it again is a protocol error.
    await ws.conn.send(json.dumps({"id": op, **subscribe}))
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await _frames(ws, 1)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4409
    await asyncio.sleep(0.3)
    assert _active(live_server, "public") == before - 1  # the socket's close ended it


async def test_subscriptions_of_one_audience_with_different_levels_and_filters_each_get_only_their_own(
        live_server: Stack, tokens: dict) -> None:
    # One anonymous socket, three live subscriptions of the same document: they share an audience but not their
    # level floor or filter, so none may receive what another one's decision let through.
    ws = await GqlWs.connect(live_server.ws_url)
    filtered = "subscription($min: WarningLevel, $f: AlertFilter) { alerts(minLevel: $min, filter: $f) " \
               "{ cursor type warning { id kind level } } }"
    red = await ws.subscribe(filtered, {"min": "RED"})
    yellow = await ws.subscribe(filtered, {"min": "YELLOW"})
    chemical_only = await ws.subscribe(filtered, {"min": "YELLOW", "f": {"hazards": ["CHEMICAL"]}})
    await asyncio.sleep(0.5)
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as client:
        orange = await issue(client, tokens["regulator"], level="ORANGE")
        top = await issue(client, tokens["regulator"], level="RED")
    frames = await _frames(ws, 3)
    got = {(f["id"], f["payload"]["data"]["alerts"]["warning"]["id"]) for f in frames}
    assert got == {(yellow, orange["id"]), (yellow, top["id"]), (red, top["id"])}  # no CHEMICAL warning was issued
    await ws.expect_silence(0.5)
    assert chemical_only not in {f["id"] for f in frames}
    await ws.close()
