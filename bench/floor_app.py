"""The floor: a plain Starlette app on the same database, doing by hand what the GraphQL service does.

Run by the bench as `uvicorn bench.floor_app:create_app --factory --workers 2` (same uvicorn
settings as the service). Environment: BENCH_FLOOR_MONGODB_URI, BENCH_FLOOR_SOCK_DIR.

- POST /list    {"levels", "hazards", "after", "first"}: the anonymous warnings page (same filter,
                projection, sort and limit as gql.warnings), 12 fields per node, as JSON.
- POST /nested  {"levels", "after", "first"}: the agency page + one `$in` for enterprises + one `$in`
                for recalls, assembled by hand.
- WS   /ws      a minimal graphql-transport-ws endpoint (connection_init -> ack, subscribe -> registered).
                Each worker binds a Unix datagram socket in BENCH_FLOOR_SOCK_DIR; a datagram is a
                pre-serialised `next` message, sent as is to every registered socket of that worker.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import ClassVar

import orjson
from pymongo import AsyncMongoClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

PUBLISHED = ["LIFTED", "PUBLISHED"]
LIST_PROJECTION = {"search_text": 0}


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _unb64(text: str) -> str:
    return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode()).decode()


def _iso(value) -> str | None:  # type: ignore[no-untyped-def]
    return value.isoformat() if value is not None else None


class _State:
    client: AsyncMongoClient | None = None
    sockets: ClassVar[set[WebSocket]] = set()


state = _State()


def _db():  # type: ignore[no-untyped-def]
    assert state.client is not None
    return state.client["qsradar"]


async def _page(query: dict, body: dict, projection: dict | None) -> tuple[list[dict], bool]:
    size = min(int(body.get("first") or 20), 100)
    if body.get("after"):
        query = {**query, "sort_key": {"$lt": _unb64(body["after"]).partition(":")[2]}}  # "page:<key>", as the service
    docs = await _db()["warnings"].find(query, projection).sort("sort_key", -1).limit(size + 1).to_list(size + 1)
    return docs[:size], len(docs) > size


def _connection(docs: list[dict], has_next: bool, node) -> dict:  # type: ignore[no-untyped-def]
    edges = [{"cursor": _b64("page:" + d["sort_key"]), "node": node(d)} for d in docs]
    return {"edges": edges, "pageInfo": {"hasNextPage": has_next, "endCursor": edges[-1]["cursor"] if edges else None}}


def _list_node(d: dict) -> dict:
    return {"id": _b64(f"Warning:{d['_id']}"), "code": d.get("code"), "title": d["title"], "titleEn": d.get("title_en"),
            "level": d["level"], "kind": d["kind"], "status": d["status"], "hazards": d["hazards"],
            "productCategory": d["product_category"], "publishedAt": _iso(d.get("published_at")),
            "issuedBy": d["issued_by"], "summary": d["summary"]}


async def list_endpoint(request: Request) -> Response:
    body = orjson.loads(await request.body())
    q: dict = {}
    if body.get("levels"):
        q["level"] = {"$in": body["levels"]}
    if body.get("hazards"):
        q["hazards"] = {"$in": body["hazards"]}
    q["kind"] = {"$in": ["ANNOUNCEMENT"]}
    q["status"] = {"$in": PUBLISHED}
    docs, has_next = await _page(q, body, LIST_PROJECTION)
    return Response(orjson.dumps({"data": {"warnings": _connection(docs, has_next, _list_node)}}),
                    media_type="application/json")


async def nested_endpoint(request: Request) -> Response:
    body = orjson.loads(await request.body())
    q: dict = {}
    if body.get("levels"):
        q["level"] = {"$in": body["levels"]}
    q["status"] = {"$in": PUBLISHED}  # an agency with every scope: all kinds, published or lifted
    docs, has_next = await _page(q, body, {"_id": 1, "code": 1, "title": 1, "level": 1, "enterprise_usccs": 1,
                                           "sort_key": 1})
    usccs = list({u for d in docs for u in d.get("enterprise_usccs", [])})
    db = _db()
    ents = {e["uscc"]: e async for e in db["enterprises"].find({"uscc": {"$in": usccs}},
                                                               {"uscc": 1, "name": 1, "credit_level": 1})}
    recalls: dict = {}
    async for r in db["recalls"].find({"warning_id": {"$in": [d["_id"] for d in docs]}},
                                      {"warning_id": 1, "code": 1, "units_affected": 1, "units_recovered": 1}
                                      ).sort("sort_key", -1):
        recalls.setdefault(r["warning_id"], []).append(r)

    def node(d: dict) -> dict:
        return {"id": _b64(f"Warning:{d['_id']}"), "code": d.get("code"), "title": d["title"], "level": d["level"],
                "enterprises": [{"name": ents[u]["name"], "creditLevel": ents[u]["credit_level"]}
                                for u in d.get("enterprise_usccs", []) if u in ents],
                "recalls": [{"code": r["code"], "completionRate": round(r["units_recovered"] / r["units_affected"], 4)
                             if r["units_affected"] else 0.0} for r in recalls.get(d["_id"], [])]}

    return Response(orjson.dumps({"data": {"warnings": _connection(docs, has_next, node)}}),
                    media_type="application/json")


async def healthz(request: Request) -> Response:
    return Response(b'{"status":"alive"}', media_type="application/json")


async def ws_endpoint(websocket: WebSocket) -> None:
    """Just enough graphql-transport-ws for the bench client."""
    await websocket.accept(subprotocol="graphql-transport-ws")
    try:
        while True:
            msg = orjson.loads(await websocket.receive_text())
            kind = msg.get("type")
            if kind == "connection_init":
                await websocket.send_text('{"type":"connection_ack"}')
            elif kind == "subscribe":
                state.sockets.add(websocket)
            elif kind == "ping":
                await websocket.send_text('{"type":"pong"}')
            elif kind == "complete":
                state.sockets.discard(websocket)
    except WebSocketDisconnect:
        pass
    finally:
        state.sockets.discard(websocket)


async def _broadcast(payload: str) -> None:
    for ws in list(state.sockets):
        try:
            await ws.send_text(payload)
        except Exception:
            state.sockets.discard(ws)


class _Trigger(asyncio.DatagramProtocol):
    def datagram_received(self, data: bytes, addr) -> None:  # type: ignore[no-untyped-def]
        asyncio.get_running_loop().create_task(_broadcast(data.decode()))


def create_app() -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.client = AsyncMongoClient(os.environ["BENCH_FLOOR_MONGODB_URI"], tz_aware=True, appname="bench-floor")
        await state.client.admin.command("ping")
        path = os.path.join(os.environ["BENCH_FLOOR_SOCK_DIR"], f"floor-{os.getpid()}.sock")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        sock.bind(path)
        transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(_Trigger, sock=sock)
        try:
            yield
        finally:
            transport.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
            await state.client.close()

    return Starlette(routes=[Route("/list", list_endpoint, methods=["POST"]),
                             Route("/nested", nested_endpoint, methods=["POST"]),
                             Route("/healthz", healthz),
                             WebSocketRoute("/ws", ws_endpoint)], lifespan=lifespan)
