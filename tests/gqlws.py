"""A minimal graphql-transport-ws client for the tests (what a real client sends, over a real socket)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection

PROTOCOL = "graphql-transport-ws"


class GqlWs:
    def __init__(self, conn: ClientConnection) -> None:
        self.conn = conn
        self._next_id = 0

    @classmethod
    async def connect(cls, url: str, token: str | None = None, payload: dict | None = None,
                      **options: Any) -> GqlWs:
        """Open a socket and complete connection_init/ack (raises if the server closes it); `options` go to
        `websockets.connect` (e.g. `sock`, `max_queue`)."""
        conn = await websockets.connect(url, subprotocols=[PROTOCOL], open_timeout=10, **options)
        init_payload = payload if payload is not None else ({"Authorization": f"Bearer {token}"} if token else {})
        await conn.send(json.dumps({"type": "connection_init", "payload": init_payload}))
        message = json.loads(await asyncio.wait_for(conn.recv(), 10))
        assert message["type"] == "connection_ack", message
        return cls(conn)

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        self._next_id += 1
        op_id = str(self._next_id)
        await self.conn.send(json.dumps({"id": op_id, "type": "subscribe",
                                         "payload": {"query": query, "variables": variables or {}}}))
        return op_id

    async def receive(self, timeout: float = 10) -> dict[str, Any]:
        """Next protocol message other than ping/pong."""
        while True:
            message = json.loads(await asyncio.wait_for(self.conn.recv(), timeout))
            if message["type"] == "ping":
                await self.conn.send(json.dumps({"type": "pong"}))
                continue
            if message["type"] != "pong":
                return message

    async def next_payloads(self, count: int, timeout: float = 15) -> list[dict[str, Any]]:
        out = []
        while len(out) < count:
            message = await self.receive(timeout)
            assert message["type"] == "next", message
            out.append(message["payload"])
        return out

    async def expect_silence(self, seconds: float) -> None:
        """Assert nothing but keep-alives arrives for `seconds`."""
        try:
            message = await self.receive(seconds)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected message: {message}")

    async def close(self) -> None:
        await self.conn.close()
