"""graphql-transport-ws conformance over a raw socket, and sessions revoked while their socket is open.

Each protocol rule of https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md is one test; the
service runs with a short init timeout and a short session re-check so the waits stay small (bounded by
timeouts, never asserted as durations).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets
from pymongo import MongoClient
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from tests import stack as stack_mod
from tests.gqlws import PROTOCOL, GqlWs
from tests.stack import Stack, without_extensions

INIT_TIMEOUT = 1.0
RECHECK = 1.0
MAX_SIZE = 64 * 1024
ALERTS = "subscription { alerts(minLevel: BLUE) { cursor warning { id } } }"


@pytest.fixture(scope="module")
def ws_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with stack_mod.running(tmp_path_factory.mktemp("ws"), QSRADAR_WS_INIT_TIMEOUT=str(INIT_TIMEOUT),
                           QSRADAR_WS_SESSION_RECHECK=str(RECHECK), QSRADAR_WS_MAX_SIZE=str(MAX_SIZE),
                           QSRADAR_WS_KEEPALIVE="1") as s:
        yield s


async def raw(s: Stack) -> ClientConnection:
    return await websockets.connect(s.ws_url, subprotocols=[PROTOCOL], open_timeout=10, max_size=None)


async def send(conn: ClientConnection, message: dict[str, Any]) -> None:
    await conn.send(json.dumps(message))


async def init(conn: ClientConnection, payload: dict[str, Any] | None = None) -> None:
    await send(conn, {"type": "connection_init", "payload": payload or {}})
    assert json.loads(await asyncio.wait_for(conn.recv(), 10))["type"] == "connection_ack"


async def close_code(conn: ClientConnection, timeout: float = 10) -> int | None:
    """Read until the server closes the socket; its close code (fails after `timeout` seconds)."""
    async def drain() -> int | None:
        try:
            while True:
                await conn.recv()
        except ConnectionClosed as exc:
            return exc.rcvd.code if exc.rcvd else None
    return await asyncio.wait_for(drain(), timeout)


def subscribe(op_id: str, query: str = ALERTS) -> dict[str, Any]:
    return {"id": op_id, "type": "subscribe", "payload": {"query": query}}


async def test_no_init_closes_with_4408(ws_server: Stack) -> None:
    conn = await raw(ws_server)
    assert await close_code(conn, timeout=INIT_TIMEOUT + 10) == 4408


async def test_duplicate_subscription_id_closes_with_4409(ws_server: Stack) -> None:
    conn = await raw(ws_server)
    await init(conn)
    await send(conn, subscribe("same"))
    await send(conn, subscribe("same"))
    assert await close_code(conn) == 4409


async def test_second_init_closes_with_4429(ws_server: Stack) -> None:
    conn = await raw(ws_server)
    await init(conn)
    await send(conn, {"type": "connection_init", "payload": {}})
    assert await close_code(conn) == 4429


async def test_subscribe_before_ack_closes_with_4401(ws_server: Stack) -> None:
    conn = await raw(ws_server)
    await send(conn, subscribe("early"))
    assert await close_code(conn) == 4401


@pytest.mark.parametrize("authorization", ["Bearer not-a-token", "Basic abc", 42])
async def test_rejected_token_closes_with_4403(ws_server: Stack, authorization: object) -> None:
    conn = await raw(ws_server)
    await send(conn, {"type": "connection_init", "payload": {"Authorization": authorization}})
    assert await close_code(conn) == 4403


@pytest.mark.parametrize("frame", ["{", "[]", '"x"', "null", '{"type": 1}', '{"payload": {}}',
                                   '{"type": "subscribe", "id": "1", "payload": "x"}',
                                   '{"type": "subscribe", "id": 1, "payload": {"query": "{ __typename }"}}',
                                   '{"type": "subscribe", "id": "1", "payload": {"query": 5}}',
                                   '{"type": "subscribe", "id": "1", "payload": {"query": "{ __typename }", '
                                   '"variables": "x"}}',
                                   '{"type": "connection_init", "payload": "x"}', '{"type": "nope"}'])
async def test_invalid_messages_close_with_4400(ws_server: Stack, frame: str) -> None:
    conn = await raw(ws_server)
    if not frame.startswith('{"type": "connection_init"'):
        await init(conn)
    await conn.send(frame)
    assert await close_code(conn) == 4400
    assert "Traceback" not in ws_server.log()


async def test_oversized_frame_closes_with_1009(ws_server: Stack) -> None:
    conn = await raw(ws_server)
    await init(conn)
    await send(conn, {"id": "big", "type": "subscribe", "payload": {"query": "{ __typename }",
                                                                    "variables": {"pad": "x" * (MAX_SIZE + 1)}}})
    assert await close_code(conn) == 1009


async def test_the_21st_operation_gets_an_error_with_a_code(ws_server: Stack) -> None:
    ws = await GqlWs.connect(ws_server.ws_url)
    for _ in range(20):
        await ws.subscribe(ALERTS)
    extra = await ws.subscribe(ALERTS)
    message = await ws.receive()
    assert message["type"] == "error" and message["id"] == extra, message
    assert message["payload"][0]["extensions"]["code"] == "RATE_LIMITED"
    await ws.conn.send(json.dumps({"type": "ping"}))  # the socket and its 20 subscriptions stay up
    assert json.loads(await asyncio.wait_for(ws.conn.recv(), 10)) == {"type": "pong"}
    await ws.close()


async def test_protocol_ping_gets_pong_and_idle_sockets_stay_up(ws_server: Stack) -> None:
    conn = await raw(ws_server)
    await init(conn)
    await send(conn, {"type": "ping", "payload": {"n": 1}})
    assert json.loads(await asyncio.wait_for(conn.recv(), 10))["type"] == "pong"
    # Server WebSocket pings every second (QSRADAR_WS_KEEPALIVE=1), answered by the client library:
    # after several intervals of silence the socket still answers.
    await asyncio.sleep(3.5)
    await send(conn, {"type": "ping"})
    assert json.loads(await asyncio.wait_for(conn.recv(), 10))["type"] == "pong"
    await conn.close()


# --- sessions revoked while their socket is open (close 4403) -----------------------------------------

async def _subscribed(s: Stack, token: str) -> GqlWs:
    ws = await GqlWs.connect(s.ws_url, token)
    await ws.subscribe(ALERTS)
    await ws.expect_silence(RECHECK * 2.5)  # a valid session survives several re-checks
    return ws


async def _closed_with(ws: GqlWs) -> int | None:
    return await close_code(ws.conn, timeout=RECHECK + 15)


async def test_signed_out_session_is_closed_with_4403(ws_server: Stack) -> None:
    email = f"ws-{uuid.uuid4().hex[:8]}@x.test"
    pair = ws_server.gql("mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }",
                         {"i": {"email": email, "password": "long-enough-1"}})["data"]["signUp"]
    ws = await _subscribed(ws_server, pair["accessToken"])
    out = ws_server.gql("mutation($r: String!) { signOut(refreshToken: $r) }", {"r": pair["refreshToken"]})
    assert without_extensions(out) == {"data": {"signOut": True}}, out
    assert await _closed_with(ws) == 4403


async def test_disabled_account_is_closed_with_4403(ws_server: Stack) -> None:
    admin = ws_server.sign_in("admin@demo.test")["accessToken"]
    email = f"ws-{uuid.uuid4().hex[:8]}@x.test"
    signed_up = ws_server.gql("mutation($i: SignUpInput!) { signUp(input: $i) { accessToken viewer { id } } }",
                              {"i": {"email": email, "password": "long-enough-1"}})["data"]["signUp"]
    ws = await _subscribed(ws_server, signed_up["accessToken"])
    body = ws_server.gql("mutation($id: ID!) { setAccountDisabled(id: $id, disabled: true) { id } }",
                         {"id": signed_up["viewer"]["id"]}, token=admin)
    assert "errors" not in body, body
    assert await _closed_with(ws) == 4403


async def test_disabled_agency_client_is_closed_with_4403(ws_server: Stack) -> None:
    admin = ws_server.sign_in("admin@demo.test")["accessToken"]
    client_id = f"ws-agency-{uuid.uuid4().hex[:8]}"
    created = ws_server.gql("mutation($i: CreateAgencyClientInput!) { createAgencyClient(input: $i) "
                            "{ clientId clientSecret } }",
                            {"i": {"clientId": client_id, "name": "WS test", "scopes": ["WARNINGS_READ"]}},
                            token=admin)
    assert "errors" not in created, created
    secret = created["data"]["createAgencyClient"]["clientSecret"]
    token = ws_server.agency_token("warnings:read", client_id=client_id, secret=secret).json()["access_token"]
    ws = await _subscribed(ws_server, token)
    db = ws_server.embedded_db()
    with MongoClient(f"mongodb://127.0.0.1:{db['port']}/?directConnection=true") as mongo:
        mongo["qsradar"]["agency_clients"].update_one({"client_id": client_id}, {"$set": {"disabled": True}})
    assert await _closed_with(ws) == 4403


async def test_socket_stays_open_for_anonymous_and_valid_sessions(ws_server: Stack) -> None:
    token = ws_server.sign_in("consumer@demo.test")["accessToken"]
    for ws in (await _subscribed(ws_server, token), await _subscribed(ws_server, "")):
        await ws.conn.send(json.dumps({"type": "ping"}))
        assert json.loads(await asyncio.wait_for(ws.conn.recv(), 10)) == {"type": "pong"}
        await ws.close()
    assert httpx.get(f"{ws_server.base_url}/readyz").status_code == 200
