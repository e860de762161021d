"""The floor: a plain Starlette app on the same database, doing by hand what the GraphQL service does.

Run by the bench as `uvicorn bench.floor_app:create_app --factory --workers 2` (same uvicorn
settings as the service). Environment: BENCH_FLOOR_MONGODB_URI, BENCH_FLOOR_SOCK_DIR.

- POST /list    {"levels", "hazards", "after", "first"}: the anonymous warnings page (same filter,
                projection, sort and limit as gql.warnings), 12 fields per node, as JSON.
- POST /nested  {"levels", "after", "first"}: the agency page + one `$in` for enterprises + one `$in`
                for recalls, assembled by hand.
- POST /recalls_nested {"statuses", "after", "first"}: a page of recalls + one `$in` for their enterprises + one
                `$in` for their (published or lifted) warnings; progress reports are part of the recall document.
- POST /recall_progress {"id", "units", "refunds"}: what documents/recalls/actions.report_progress writes: the
                recall read, checked and replaced whole with a revision guard (the report appended), its open
                progress-report duties met, next month's duty inserted, an audit entry and a change-log entry (counter
                + insert), in one transaction; on the embedded server transactions run one at a time across the
                workers (an asyncio lock + a file lock in BENCH_FLOOR_LOCK_DIR), as the service does.
- POST /complaint {"complainant", "key", ...}: an insert into its own collection with the same unique index
                (complainant_id, idempotency_key); a duplicate key answers the stored document.
- WS   /ws      a minimal graphql-transport-ws endpoint (connection_init -> ack, subscribe -> registered).
                Each worker binds a Unix datagram socket in BENCH_FLOOR_SOCK_DIR; a datagram is a
                pre-serialised `next` message, sent as is to every registered socket of that worker.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import fcntl
import hashlib
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import orjson
from bson import ObjectId
from pymongo import ASCENDING, AsyncMongoClient, ReturnDocument
from pymongo.errors import DuplicateKeyError
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


FLOOR_COMPLAINTS = "bench_floor_complaints"
PROGRESS_KINDS = ["FIRST_PROGRESS_REPORT", "PROGRESS_REPORT"]


class _State:
    client: AsyncMongoClient | None = None
    sockets: ClassVar[set[WebSocket]] = set()
    lock: asyncio.Lock | None = None
    lock_fd: int | None = None


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


def _json(payload: Any) -> Response:
    return Response(orjson.dumps(payload), media_type="application/json")


def _error(code: str, message: str) -> Response:
    return _json({"data": None, "errors": [{"message": message, "extensions": {"code": code}}]})


async def recalls_nested_endpoint(request: Request) -> Response:
    body = orjson.loads(await request.body())
    size = min(int(body.get("first") or 20), 100)
    q: dict = {}
    if body.get("statuses"):
        q["status"] = {"$in": body["statuses"]}
    if body.get("after"):
        q["sort_key"] = {"$lt": _unb64(body["after"]).partition(":")[2]}
    db = _db()
    docs = await db["recalls"].find(q, {"code": 1, "enterprise_uscc": 1, "warning_id": 1, "units_affected": 1,
                                        "units_recovered": 1, "progress_reports": 1, "sort_key": 1}
                                    ).sort("sort_key", -1).limit(size + 1).to_list(size + 1)
    has_next, docs = len(docs) > size, docs[:size]
    usccs = list({d["enterprise_uscc"] for d in docs})
    ents = {e["uscc"]: e async for e in db["enterprises"].find({"uscc": {"$in": usccs}},
                                                               {"uscc": 1, "name": 1, "credit_level": 1})}
    wids = list({d["warning_id"] for d in docs if d.get("warning_id")})
    warns = {w["_id"]: w async for w in db["warnings"].find({"_id": {"$in": wids}, "status": {"$in": PUBLISHED}},
                                                          {"code": 1, "level": 1})} if wids else {}

    def node(d: dict) -> dict:
        e, w = ents.get(d["enterprise_uscc"]), warns.get(d.get("warning_id"))
        return {"id": _b64(f"Recall:{d['_id']}"), "code": d["code"],
                "completionRate": round(d["units_recovered"] / d["units_affected"], 4) if d["units_affected"] else 0.0,
                "enterprise": {"name": e["name"], "creditLevel": e["credit_level"]} if e else None,
                "warning": {"code": w.get("code"), "level": w["level"]} if w else None,
                "progressReports": [{"unitsRecovered": p["units_recovered"]} for p in d.get("progress_reports", [])]}

    edges = [{"cursor": _b64("page:" + d["sort_key"]), "node": node(d)} for d in docs]
    return _json({"data": {"recalls": {"edges": edges, "pageInfo": {
        "hasNextPage": has_next, "endCursor": edges[-1]["cursor"] if edges else None}}}})


@asynccontextmanager
async def _serial() -> AsyncIterator[None]:
    """One transaction at a time across the floor's workers (the embedded server has no isolation)."""
    assert state.lock is not None and state.lock_fd is not None
    async with state.lock:
        await asyncio.to_thread(fcntl.flock, state.lock_fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(state.lock_fd, fcntl.LOCK_UN)


class _Stale(Exception):
    pass


async def recall_progress_endpoint(request: Request) -> Response:
    body = orjson.loads(await request.body())
    db = _db()
    rid = ObjectId(body["id"])
    doc = await db["recalls"].find_one({"_id": rid})
    if doc is None:
        return _error("NOT_FOUND", "no such recall")
    units, refunds = int(body["units"]), body.get("refunds")
    if doc["status"] not in ("ANNOUNCED", "IN_PROGRESS"):
        return _error("CONFLICT", "progress can no longer be reported")
    if units < doc["units_recovered"] or units > doc["units_affected"]:
        return _error("BAD_USER_INPUT", "unitsRecovered out of range")
    if refunds is not None and (refunds < 0 or refunds < doc.get("refunds_cny", 0.0)):
        return _error("BAD_USER_INPUT", "refundsCny out of range")
    revision, at, by = doc.get("revision", 0), datetime.now(UTC), "account:bench-floor"
    doc["status"] = "COMPLETED" if units == doc["units_affected"] else "IN_PROGRESS"
    doc["units_recovered"] = units
    doc["refunds_cny"] = refunds if refunds is not None else doc.get("refunds_cny", 0.0)
    doc.setdefault("progress_reports", []).append({"at": at, "units_recovered": units, "refunds_cny": refunds,
                                                   "note": None, "by": by})
    doc["revision"] = revision + 1
    number = len(doc["progress_reports"])

    async def write(session) -> None:  # type: ignore[no-untyped-def]
        result = await db["recalls"].replace_one({"_id": rid, "revision": revision}, doc, session=session)
        if result.matched_count != 1:
            raise _Stale
        duties = db["recall_duties"]
        met = await duties.find({"recall_id": {"$in": [rid]}, "kind": {"$in": PROGRESS_KINDS}, "met_at": None},
                                session=session).to_list(None)
        for d in met:
            d.update(met_at=at, met_by=by, met_note=f"进展报告 report {number}", revision=d.get("revision", 0) + 1)
            await duties.replace_one({"_id": d["_id"], "revision": d["revision"] - 1}, d, session=session)
        key = f"PROGRESS_REPORT:{rid}:{number}"
        created = []
        if doc["status"] == "IN_PROGRESS" and not await duties.find_one({"cause_key": {"$in": [key]}}, {"cause_key": 1},
                                                                         session=session):
            due = at + timedelta(days=30)
            duty_id = ObjectId()
            await duties.insert_one({
                "_id": duty_id, "kind": "PROGRESS_REPORT", "cause_key": key, "enterprise_uscc": doc["enterprise_uscc"],
                "recall_id": rid, "recall_code": doc["code"], "warning_id": None, "warning_code": None, "due_at": due,
                "due_day": due.date().isoformat(), "calendar_exact": True, "created_at": at, "met_at": None,
                "met_by": None, "met_note": None, "breach_recorded_at": None, "revision": 0,
                "sort_key": f"{99999999999999999999 - int(due.strftime('%Y%m%d%H%M%S%f')):020d}|{duty_id}"},
                session=session)
            created.append(key)
        await db["audit_log"].insert_one({
            "action": "recall_progress_reported", "actor": by, "target": f"recall:{doc['code']}", "address": None,
            "detail": {"units_recovered": units, "refunds_cny": refunds, "status": doc["status"],
                       "duties_met": [d["cause_key"] for d in met], "duties_created": created}, "at": at},
            session=session)
        counter = await db["counters"].find_one_and_update({"_id": "alert_log"}, {"$inc": {"value": 1}},
                                                           upsert=True, return_document=ReturnDocument.AFTER,
                                                           session=session)
        await db["alert_log"].insert_one({"seq": counter["value"], "topic": "recall", "type": "RECALL_PROGRESS",
                                          "entity_id": rid, "warning_id": None, "level": None, "previous_level": None,
                                          "kind": None, "at": at}, session=session)

    try:
        async with _serial():
            current = await db["recalls"].find_one({"_id": rid}, {"revision": 1})
            if current is None or current.get("revision", 0) != revision:
                raise _Stale
            async with state.client.start_session() as session:  # type: ignore[union-attr]
                await session.with_transaction(write)
    except _Stale:
        return _error("CONFLICT", "the recall was changed by someone else; reload and try again")
    return _json({"data": {"reportRecallProgress": {
        "id": _b64(f"Recall:{rid}"), "unitsRecovered": units, "status": doc["status"],
        "completionRate": round(units / doc["units_affected"], 4)}}})


async def complaint_endpoint(request: Request) -> Response:
    body = orjson.loads(await request.body())
    coll = _db()[FLOOR_COMPLAINTS]
    who, key = body["complainant"], body["key"]
    fingerprint = hashlib.sha256(orjson.dumps(body["input"], option=orjson.OPT_SORT_KEYS)).hexdigest()
    stored = await coll.find_one({"complainant_id": who, "idempotency_key": key})
    if stored is None:
        at = datetime.now(UTC)
        doc = {"_id": ObjectId(), "complainant_id": who, "idempotency_key": key, "fingerprint": fingerprint,
               "product_name": body["input"]["productName"], "description": body["input"]["description"],
               "status": "RECEIVED", "created_at": at, "timeline": [{"at": at, "kind": "FILED", "status": "RECEIVED"}]}
        try:
            await coll.insert_one(doc)
            stored = doc
        except DuplicateKeyError:  # a concurrent retry of the same key got there first
            stored = await coll.find_one({"complainant_id": who, "idempotency_key": key})
    assert stored is not None
    if stored["fingerprint"] != fingerprint:
        return _error("CONFLICT", "this idempotencyKey was used for a different complaint")
    return _json({"data": {"fileComplaint": {"id": _b64(f"Complaint:{stored['_id']}"), "status": stored["status"]}}})


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
        await state.client["qsradar"][FLOOR_COMPLAINTS].create_index(
            [("complainant_id", ASCENDING), ("idempotency_key", ASCENDING)], unique=True)
        state.lock = asyncio.Lock()
        lock_dir = Path(os.environ.get("BENCH_FLOOR_LOCK_DIR") or os.environ["BENCH_FLOOR_SOCK_DIR"])
        state.lock_fd = os.open(lock_dir / "floor-transactions.lock", os.O_RDWR | os.O_CREAT, 0o600)
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
            os.close(state.lock_fd)

    return Starlette(routes=[Route("/list", list_endpoint, methods=["POST"]),
                             Route("/nested", nested_endpoint, methods=["POST"]),
                             Route("/recalls_nested", recalls_nested_endpoint, methods=["POST"]),
                             Route("/recall_progress", recall_progress_endpoint, methods=["POST"]),
                             Route("/complaint", complaint_endpoint, methods=["POST"]),
                             Route("/healthz", healthz),
                             WebSocketRoute("/ws", ws_endpoint)], lifespan=lifespan)
