"""`python -m bench.scale` (`make bench-scale`): how cost grows. Not part of the default `make bench`.

Scenarios (each in its own temporary embedded database, loaded with bench/dataset.py):
- `fanout_<N>` (default 20,000): N graphql-transport-ws subscribers over 2 workers (bench.load_ws processes of
  2,500 sockets each); rate, p99, memory per subscription and connect time, the floor (bench/floor_app.py)
  beside it unless --no-floor.
- scale series: `cold_list`, `nested`, `productLookup` (by code and by text) and `filter_rare` (the warnings list by an
  HS heading or origin no warning has) p50 at 10 k, 100 k and 1 M warnings (--max caps the
  largest); the dataset load time and the database's file size per 10 k documents; target: p50 at the largest
  size <= 1.5x p50 at 10 k. With MONGODB_URI set, the `explain` of each query's shape there (real MongoDB).
- `churn_1000`: 1,000 signed-in subscribers connecting at once (time until all are acknowledged), then each
  resuming with `after:` its last cursor once 20 events were published while they were away (replay time,
  lost and duplicated counts).

Options: --only fanout,series,churn  --fanout N  --min N  --max N  --no-floor  --churn N  --service-root DIR (run
the service from another checkout, e.g. an older commit, to compare: `git archive <commit> | tar -x -C DIR`).
BENCH_KEEP=1 keeps each point's directory; BENCH_SCALE_REUSE=<dir>:<dir>... measures those kept points again
without loading them (the service's start-up upgrades run on them first).
Results go to bench/results-scale.json (BENCH_SCALE_RESULTS names another file). Never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

from bench.__main__ import (
    DEMO_PASSWORD,
    ISSUE_MUTATION,
    PY,
    ROOT,
    Config,
    Sampler,
    Server,
    _die_with_parent,
    edge_ids,
    make_requests,
    raise_fd_limit,
    run_fanout,
    run_http,
)
from documents.db.embedded_server import EmbeddedServer, free_port

SERIES_SIZES = (10_000, 100_000, 1_000_000)
FLAT_TARGET = 1.5
LOOKUP_QUERY = ("query Lookup($c: String!) { productLookup(code: $c) { code codeType valid product { code name } "
                "warnings { code title level } recalls { code status } } }")
CHURN_SUBSCRIPTION = ("subscription($after: String) { alerts(minLevel: ORANGE, after: $after) { cursor type "
                      "warning { id code level } } }")
WS_PER_PROCESS = 2500
# uvicorn's supervisor kills a worker that does not answer its health check within 5 s (timeout_worker_healthcheck);
# a worker accepting thousands of sockets on a busy 2-core machine misses it and is killed with all its sockets
# (seen at 5,000 subscribers). The bench runs `python -m gql` with a longer deadline; gql/__main__.py is unchanged.
HEALTHCHECK_SECONDS = 60
SERVICE_CMD = [PY, "-c", "import functools, sys, uvicorn; "
               f"uvicorn.Config = functools.partial(uvicorn.Config, timeout_worker_healthcheck={HEALTHCHECK_SECONDS}); "
               "from gql.__main__ import main; sys.exit(main())"]


async def load_data(uri: str, scale: float, tmp: Path, reuse: bool = False) -> dict:
    """bench/dataset.py at `scale`, the development demo data and identities (as the service seeds them), and
    cursors into the anonymous list (the newest 80 %, so pages are full); with `reuse`, only the cursors (a point
    kept with BENCH_KEEP=1)."""
    from auth.demo_identities import seed_demo_identities
    from bench import dataset
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.db.transactions import serialise_transactions
    from documents.demo import complaints as demo_complaints
    from documents.demo.data import seed_demo_data
    from gql.core.connections import encode_cursor

    # Loading is not measured: a generous deadline (a 1,000-document insert_many can overrun 5 s here).
    await database.connect(uri, "qsradar", all_documents(), timeout_ms=600_000)
    # The embedded server runs one transaction at a time (the demo seed writes complaints in a background task).
    serialise_transactions(database.is_embedded(), tmp / "transactions.lock")
    try:
        if reuse:
            info = {"reused": True, "seconds": 0.0, "by_status": None}
            for name in ("warnings", "enterprises", "recalls"):
                info[name] = await database.get_client()["qsradar"][name].estimated_document_count()
        else:
            info = await dataset.load(scale)
            await seed_demo_data()
            await seed_demo_identities()
            await asyncio.gather(*list(demo_complaints._tasks))
        coll = database.get_client()["qsradar"]["warnings"]
        anon = [d["sort_key"] async for d in coll.find({"status": {"$in": ["LIFTED", "PUBLISHED"]},
                                                        "kind": "ANNOUNCEMENT"}, {"sort_key": 1})]
        anon.sort(reverse=True)
        newest = anon[: int(len(anon) * 0.8)]
        keys = random.Random(7).sample(newest, min(300, len(anon) // 2))
        info["anon_cursors"] = [encode_cursor(k) for k in keys]
        info["anon_sort_keys"] = keys[:1]
        return info
    finally:
        serialise_transactions(False, tmp / "transactions.lock")
        await database.disconnect()


def results_path() -> Path:
    """bench/results-scale.json unless BENCH_SCALE_RESULTS names another file."""
    return Path(os.environ.get("BENCH_SCALE_RESULTS") or Path(__file__).parent / "results-scale.json")


def service_env(port: int, data_dir: Path, uri: str | None = None) -> dict[str, str]:
    """The service's environment in the bench: 2 workers, limits that do not refuse one busy load address."""
    env = {k: v for k, v in os.environ.items() if k not in ("MONGODB_URI", "PROMETHEUS_MULTIPROC_DIR")}
    env.update(PORT=str(port), WEB_CONCURRENCY="2", QSRADAR_DATA_DIR=str(data_dir), QSRADAR_ENV="development",
               QSRADAR_LOG_LEVEL=os.environ.get("BENCH_LOG_LEVEL", "warning"), HOST="127.0.0.1",
               QSRADAR_SIGNIN_MAX_FAILURES_PER_ACCOUNT="1000000", QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS="1000000",
               QSRADAR_BUDGET_MAXIMUM="100000000", QSRADAR_BUDGET_RESTORE_RATE="100000000",
               QSRADAR_ACCOUNT_BUDGET_MAXIMUM="100000000", QSRADAR_ACCOUNT_BUDGET_RESTORE_RATE="100000000",
               QSRADAR_ANONYMOUS_BUDGET_MAXIMUM="100000000", QSRADAR_ANONYMOUS_BUDGET_RESTORE_RATE="100000000",
               # 20,000 idle sockets re-check their sessions; events are what is measured, not the recheck.
               QSRADAR_WS_INIT_TIMEOUT="120")
    if uri:
        env["MONGODB_URI"] = uri
    return env


class RootedServer(Server):
    """`Server`, started from another checkout (the bench's own starts in this one)."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], port: int, health: str, log: Path,
                 root: Path) -> None:
        self.name, self.port, self.health = name, port, health
        self.base = f"http://127.0.0.1:{port}"
        self.log = log
        self._log_file = open(log, "wb")  # closed by stop()
        self.proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=self._log_file, stderr=subprocess.STDOUT,
                                     preexec_fn=_die_with_parent)
        self.workers: list[int] = []


def start_service(tmp: Path, root: Path, label: str) -> Server:
    """`python -m gql` with 2 workers attached to the embedded database in `tmp`, run from `root`."""
    port = free_port()
    env = service_env(port, tmp)
    env.setdefault("QSRADAR_FRONTEND_DIR", str(ROOT / "frontend" / "dist"))
    service = RootedServer(label, SERVICE_CMD, env, port, "/readyz", tmp / f"{label}.log", root)
    service.wait_ready(2)
    return service


def start_floor(tmp: Path, uri: str) -> tuple[Server, Path]:
    """The floor app (bench/floor_app.py), 2 workers, same uvicorn settings as the bench; its datagram sockets."""
    sockdir = tmp / "floor-sockets"
    sockdir.mkdir(exist_ok=True)
    port = free_port()
    level = os.environ.get("BENCH_LOG_LEVEL", "warning")
    floor = Server("floor", [PY, "-m", "uvicorn", "bench.floor_app:create_app", "--factory", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", "2", "--log-level", level, "--proxy-headers",
                             "--ws-ping-interval", "20", "--ws-ping-timeout", "20", "--ws-per-message-deflate",
                             "false", "--timeout-graceful-shutdown", "10"],
                   {**os.environ, "BENCH_FLOOR_MONGODB_URI": uri, "BENCH_FLOOR_SOCK_DIR": str(sockdir),
                    "BENCH_FLOOR_LOCK_DIR": str(tmp)}, port, "/healthz", tmp / "floor.log")
    floor.wait_ready(2)
    deadline = time.monotonic() + 60
    while len(list(sockdir.glob("*.sock"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    return floor, sockdir


def sign_in(base: str, email: str) -> str:
    with httpx.Client(base_url=base, timeout=60) as c:
        body = c.post("/graphql", json={"query": "mutation($e: String!, $p: String!) { signIn(input: {email: $e, "
                                                 "password: $p}) { accessToken } }",
                                        "variables": {"e": email, "p": DEMO_PASSWORD}}).json()
    return str(body["data"]["signIn"]["accessToken"])


class Publisher:
    """Publishes RED announcements through `issueWarning` as the demo regulator."""

    def __init__(self, base: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=120, headers={
            "authorization": f"Bearer {sign_in(base, 'regulator@demo.test')}", "content-type": "application/json"})

    def __call__(self, tag: str) -> tuple[str, float]:
        body = orjson.dumps({"query": ISSUE_MUTATION, "operationName": "Issue", "variables": {"input": {
            "title": f"关于规模基准移动电源起火风险的警示公告 {tag}", "level": "RED", "kind": "ANNOUNCEMENT",
            "hazards": ["PHYSICAL"], "productCategory": "移动电源 Power banks",
            "summary": "规模基准：部分批次移动电源存在起火燃烧风险。", "authorizationRef": "X"}}})
        t_pub = time.time()
        data = self.http.post("/graphql", content=body).json()
        if data.get("errors"):
            raise RuntimeError(f"issueWarning failed: {data['errors']}")
        return str(data["data"]["issueWarning"]["id"]), t_pub

    def close(self) -> None:
        self.http.close()


def fanout_config(n: int) -> Config:
    cfg = Config(quick=False)
    cfg.publishes, cfg.warm_publishes = 10, 1
    cfg.spacing = max(0.5, n / 10_000)  # one event must reach everybody before the next one
    cfg.settle = 3.0 if n <= 5000 else 8.0
    return cfg


# ---- fan-out ---------------------------------------------------------------------------------------------------

def fanout(n: int, with_floor: bool, root: Path) -> dict:
    """fanout_<n>: the service (and the floor) with n idle then busy subscribers on a small data set."""
    tmp = Path(tempfile.mkdtemp(prefix="qsradar-scale-fanout-"))
    db = EmbeddedServer(tmp)
    uri = db.start()
    cfg = fanout_config(n)
    procs = max(1, -(-n // WS_PER_PROCESS))
    out: dict[str, Any] = {"subscribers": n, "load_processes": procs, "events": cfg.publishes,
                           "spacing_s": cfg.spacing}
    try:
        asyncio.run(load_data(uri, 0.1, tmp))
        if with_floor:
            floor, sockdir = start_floor(tmp, uri)
            try:
                import socket

                template = {"id": "1", "type": "next", "payload": {"data": {"alerts": {
                    "cursor": "YWxlcnQ6MTAwMDA", "type": "PUBLISHED", "warning": {
                        "id": "", "code": "RW-2026-000000", "title": "关于规模基准移动电源起火风险的警示公告",
                        "level": "RED"}}}}}
                dgram = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)

                def floor_publish(tag: str) -> tuple[str, float]:
                    template["payload"]["data"]["alerts"]["warning"]["id"] = key = f"floor-{tag}"  # type: ignore[index]
                    data = orjson.dumps(template)
                    t_pub = time.time()
                    for path in sockdir.glob("*.sock"):
                        dgram.sendto(data, str(path))
                    return key, t_pub

                roles = {"w1": floor.workers[0], "w2": floor.workers[1], "db": db.pid}
                out["floor"] = run_fanout(tmp, f"floor-fanout_{n}", f"ws://127.0.0.1:{floor.port}/ws", n, procs,
                                          floor_publish, cfg, roles, floor.workers, None)  # type: ignore[arg-type]
                print(f"  floor fanout_{n}: {_fanout_line(out['floor'])}", flush=True)
            finally:
                floor.stop()
        service = start_service(tmp, root, "service")
        publish = Publisher(service.base)
        try:
            roles = {"w1": service.workers[0], "w2": service.workers[1], "db": db.pid}
            out["service"] = run_fanout(tmp, f"service-fanout_{n}", f"ws://127.0.0.1:{service.port}/graphql", n,
                                        procs, publish, cfg, roles, service.workers, None)  # type: ignore[arg-type]
            print(f"  service fanout_{n}: {_fanout_line(out['service'])}", flush=True)
        finally:
            publish.close()
            service.stop()
    finally:
        db.stop()
        cleanup(tmp)
    if "floor" in out:
        s, f = out["service"], out["floor"]
        out["rate_ratio"] = round(s["fanout_rate"] / f["fanout_rate"], 2) if f["fanout_rate"] else None
        out["p99_ratio"] = round(s["p99_ms"] / f["p99_ms"], 2) if s["p99_ms"] and f["p99_ms"] else None
    return out


def _fanout_line(r: dict) -> str:
    return (f"{r['subscribed']}/{r['subscribers']} subscribed in {r['connect_s']} s, per-event fan-out "
            f"{r['fanout_rate']:,.0f}/s, {r['throughput']:,.0f} deliveries/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} "
            f"ms, {r['kb_per_subscription']} KB/subscription, lost {r['lost']}, dup {r['duplicated']}, "
            f"closed early {r['closed_early']}, cpu% {r['cpu_pct']}")


# ---- scale series ----------------------------------------------------------------------------------------------

def cleanup(tmp: Path) -> None:
    """Remove a scenario's temporary directory unless BENCH_KEEP=1 (logs, load specs, raw outputs)."""
    if os.environ.get("BENCH_KEEP") == "1":
        print(f"  kept {tmp}", flush=True)
    else:
        shutil.rmtree(tmp, ignore_errors=True)


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _lookup_requests(text: bool) -> list[dict]:
    """productLookup by GTIN (indexed), or by text (a `$regex` over `search_text`: a scan on both stores)."""
    from documents.demo.complaints import GAS_STOVE_GTIN, POWER_BANK_GTIN

    codes = ["移动电源", "燃气灶", "儿童玩具"] if text else [POWER_BANK_GTIN, GAS_STOVE_GTIN, "6901234567892"]
    return [{"path": "/graphql", "body": {"query": LOOKUP_QUERY, "operationName": "Lookup", "variables": {"c": c}}}
            for c in codes]


RARE_FILTER_QUERY = ("query Rare($f: WarningFilter!) { warnings(filter: $f, first: 20) { edges { node { id code title "
                     "level } } } }")


def _rare_filter_requests() -> list[dict]:
    """The warnings list filtered by an HS heading or an origin that no warning of the dataset has (what a customs
    officer checking a heading most often gets): before WarningKey, a walk of every warning."""
    filters = [{"hsCodePrefix": "9619"}, {"originCountry": "IS"}, {"hsCodePrefix": "0301", "originCountry": "NZ"}]
    return [{"path": "/graphql", "body": {"query": RARE_FILTER_QUERY, "operationName": "Rare", "variables": {"f": f}}}
            for f in filters]


def series_point(size: int, duration: float, root: Path = ROOT) -> dict:
    """One size of the scale series: load, file size, and p50/p99 of each query at 16 connections."""
    # BENCH_SCALE_REUSE=<dirs kept with BENCH_KEEP=1, separated by ":">: measure those points again without loading
    # them (1 M: ~25 min of load).
    kept = [Path(d) for d in os.environ.get("BENCH_SCALE_REUSE", "").split(os.pathsep) if d]
    mine = [d for d in kept if d.name.startswith(f"qsradar-scale-{size}-")]
    reuse = bool(mine)
    tmp = mine[0] if mine else Path(tempfile.mkdtemp(prefix=f"qsradar-scale-{size}-"))
    db = EmbeddedServer(tmp)
    uri = db.start()
    point: dict[str, Any] = {"warnings": size, "reused": reuse}  # reused: `load_s` is only the cursors' read
    try:
        t0 = time.perf_counter()
        info = asyncio.run(load_data(uri, size / 10_000, tmp, reuse))
        point["load_s"] = round(time.perf_counter() - t0, 1)
        point["dataset"] = {k: info[k] for k in ("warnings", "enterprises", "recalls", "by_status", "seconds")}
        time.sleep(2)  # let the store flush before measuring its files
        db_bytes = _dir_bytes(tmp / "db")
        documents = info["warnings"] + info["enterprises"] + info["recalls"]
        point["db_mb"] = round(db_bytes / 2**20, 1)
        point["db_mb_per_10k_documents"] = round(db_bytes / 2**20 / (documents / 10_000), 2)
        point["db_mb_per_10k_warnings"] = round(db_bytes / 2**20 / (size / 10_000), 2)
        loaded = "kept, not loaded again" if reuse else f"loaded in {point['load_s']} s"
        print(f"  {size:,} warnings: {loaded} ({documents:,} documents), database "
              f"{point['db_mb']} MB = {point['db_mb_per_10k_documents']} MB per 10 k documents", flush=True)
        cursors = info["anon_cursors"]
        reqs = {"cold_list": make_requests("cold_list", cursors, n=3000)[0],
                "nested": make_requests("nested", cursors, n=3000)[0], "productLookup": _lookup_requests(False),
                "productLookup_text": _lookup_requests(True), "filter_rare": _rare_filter_requests()}
        service = start_service(tmp, root, "service")
        try:
            with httpx.Client(base_url=service.base, timeout=60) as c:
                token = c.post("/oauth/token", data={"grant_type": "client_credentials", "client_id": "demo-agency",
                                                     "client_secret": DEMO_PASSWORD}).json()["access_token"]
                # Signed in (agency): anonymous answers would come from the public cache after the first request.
                agency = {"authorization": f"Bearer {token}"}
                headers = {"cold_list": {}, "nested": agency, "productLookup": agency, "productLookup_text": agency,
                           "filter_rare": agency}
            roles = {"w1": service.workers[0], "w2": service.workers[1], "db": db.pid}
            for name, rs in reqs.items():
                # A wrong answer would measure nothing. Checked just before its own run: a scan past the deadline
                # keeps the embedded server busy after the answer, which would slow the next query's run.
                with httpx.Client(base_url=service.base, timeout=60) as c:
                    body = c.post("/graphql", json=rs[0]["body"], headers=headers[name]).json()
                if "errors" in body:  # e.g. a scan past the database deadline: printed, then measured as is
                    point.setdefault("first_answers", {})[name] = str(body["errors"])[:200]
                    print(f"    {name}: the first answer is an error: {str(body['errors'])[:160]}", flush=True)
                elif name in ("cold_list", "nested") and not edge_ids(body):
                    raise RuntimeError(f"{name} at {size}: {str(body)[:300]}")
                # The text lookup scans: at 16 connections it queues past the database deadline (INTERNAL).
                r = run_http(tmp, f"{name}-{size}", service.base, rs, headers[name], 4 if name.endswith("text") else 16,
                             2.0, duration,
                             roles, None)  # type: ignore[arg-type]
                point[name] = {k: r[k] for k in ("throughput", "p50_ms", "p99_ms", "requests", "errors",
                                                 "first_error", "cpu_pct")}
                print(f"    {name}: p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, {r['throughput']} req/s, "
                      f"{r['errors']} errors", flush=True)
        finally:
            service.stop()
        point["shapes"] = explain_shapes(uri, (info.get("anon_sort_keys") or [None])[0])
    finally:
        db.stop()
        cleanup(tmp)
    return point


def explain_shapes(uri: str, key: str | None) -> dict:
    """The find shapes behind the three queries, with `explain` on the embedded store (when it answers one) and,
    with MONGODB_URI set, on that real MongoDB (its own `qsradar` data)."""
    from pymongo import MongoClient

    from auth.viewer import ANONYMOUS
    from auth.visibility import warnings as warning_visibility
    anon = warning_visibility.query_filter(ANONYMOUS) or {}
    shapes = {
        "cold_list": ({**anon, "level": {"$in": ["RED", "ORANGE"]}, **({"sort_key": {"$lt": key}} if key else {})},
                      [("sort_key", -1)]),
        "nested": ({**anon, "level": {"$in": ["RED", "ORANGE"]}}, [("sort_key", -1)]),
        "productLookup": ({**anon, "search_text": {"$regex": "移动电源"}}, [("sort_key", -1)]),
    }
    out: dict[str, Any] = {}
    targets = [("embedded", uri)] + ([("mongodb", os.environ["MONGODB_URI"])] if os.environ.get("MONGODB_URI") else [])
    for where, target in targets:
        client: MongoClient = MongoClient(target, serverSelectionTimeoutMS=5000)
        try:
            coll = client["qsradar"]["warnings"]
            for name, (flt, sort) in shapes.items():
                entry = out.setdefault(name, {"filter": repr(flt)[:300]})
                try:
                    plan = coll.find(flt).sort(sort).limit(21).explain()
                    planner = plan.get("queryPlanner") if isinstance(plan, dict) else None
                    stats = plan.get("executionStats") if isinstance(plan, dict) else None
                    if isinstance(planner, dict) and isinstance(stats, dict):
                        entry[where] = {"stages": _stages(planner.get("winningPlan") or {}),
                                        "keys_examined": stats.get("totalKeysExamined"),
                                        "docs_examined": stats.get("totalDocsExamined"),
                                        "ms": stats.get("executionTimeMillis")}
                    else:  # the embedded store answers its own explain shape: kept as it is
                        entry[where] = {"raw": repr(plan)[:800]}
                except Exception as exc:  # the embedded store may not explain; say so
                    entry[where] = {"error": str(exc)[:200]}
        finally:
            client.close()
    return out


def _stages(plan: dict | list) -> list[str]:
    """The winning plan's stages, innermost last (MongoDB), or the embedded store's SQLite plan lines."""
    if isinstance(plan, list):
        return [str(step.get("detail", step)) if isinstance(step, dict) else str(step) for step in plan]
    stages = []
    while plan:
        stage = plan.get("stage") or plan.get("queryPlan", {}).get("stage")
        if stage:
            stages.append(stage + (f"({plan['indexName']})" if plan.get("indexName") else ""))
        plan = plan.get("inputStage") or (plan.get("inputStages") or [None])[0] or {}
    return stages


def series(sizes: list[int], duration: float, root: Path = ROOT) -> dict:
    points = [series_point(s, duration, root) for s in sizes]
    out: dict[str, Any] = {"points": points, "target": f"p50 at {sizes[-1]:,} <= {FLAT_TARGET}x p50 at {sizes[0]:,}"}
    verdicts = {}
    for name in ("cold_list", "nested", "productLookup", "productLookup_text", "filter_rare"):
        measured = [p.get(name, {}).get("p50_ms") for p in points]
        base, last = measured[0], measured[-1]
        ratio = round(last / base, 2) if base and last else None
        verdicts[name] = {"p50_ms": measured, "ratio": ratio,
                          "result": "n/a" if ratio is None or len(points) < 2 else
                          ("PASS" if ratio <= FLAT_TARGET else "FAIL")}
    out["verdicts"] = verdicts
    return out


# ---- connection churn ------------------------------------------------------------------------------------------

async def _churn(url: str, token: str, n: int, publish: Publisher, events: int) -> dict:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    init = orjson.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}).decode()

    refusals: dict[str, int] = {}

    async def open_once(after: str | None) -> tuple[Any, float]:
        ws = await connect(url, subprotocols=[Subprotocol("graphql-transport-ws")], ping_interval=None,
                           open_timeout=300, close_timeout=1, max_queue=None)
        try:
            await ws.send(init)
            while True:
                msg = orjson.loads(await asyncio.wait_for(ws.recv(), 300))
                if msg.get("type") == "connection_ack":
                    break
                if msg.get("type") == "ping":
                    await ws.send('{"type":"pong"}')
        except BaseException:
            await ws.close()
            raise
        acked = time.perf_counter()
        await ws.send(orjson.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": CHURN_SUBSCRIPTION, "variables": {"after": after}}}).decode())
        return ws, acked

    async def open_one(after: str | None) -> tuple[Any, float]:
        """Connect, authenticate and subscribe; refused or dropped (1013 "try again later" while the database is
        swamped), retry after a random back-off as a real client does, for up to 5 minutes."""
        deadline = time.monotonic() + 300
        attempt = 0
        while True:
            try:
                return await open_once(after)
            except Exception as exc:
                code = getattr(getattr(exc, "rcvd", None), "code", None)
                key = f"close {code}" if code is not None else type(exc).__name__
                refusals[key] = refusals.get(key, 0) + 1
                attempt += 1
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(random.uniform(0.5, 1.0) * min(8, 2 ** attempt) / 2)

    async def receive(ws: Any, count: int, got: list[str], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while len(got) < count:
            msg = orjson.loads(await asyncio.wait_for(ws.recv(), max(0.1, deadline - time.monotonic())))
            if msg.get("type") == "next":
                alert = msg["payload"]["data"]["alerts"]
                got.append(f"{alert['warning']['id']}|{alert['cursor']}")
            elif msg.get("type") == "ping":
                await ws.send('{"type":"pong"}')
            elif msg.get("type") in ("error", "complete"):
                errors = msg.get("payload") if isinstance(msg.get("payload"), list) else [{}]
                raise RuntimeError(f"{msg['type']} {(errors[0].get('extensions') or {}).get('code', '')}".strip())

    # 1. A reconnect storm: n sockets connect and authenticate at once.
    t0 = time.perf_counter()
    opened = await asyncio.gather(*(open_one(None) for _ in range(n)), return_exceptions=True)
    sockets = [o[0] for o in opened if not isinstance(o, BaseException)]
    ack_times = sorted(o[1] - t0 for o in opened if not isinstance(o, BaseException))
    connect_failed = n - len(sockets)
    await asyncio.sleep(2)
    # 2. One event live: each socket's last cursor.
    await asyncio.to_thread(publish, "churn-live")
    firsts: list[list[str]] = [[] for _ in sockets]
    await asyncio.gather(*(receive(ws, 1, got, 120) for ws, got in zip(sockets, firsts, strict=True)),
                         return_exceptions=True)
    # A socket that did not get the live event has no cursor to resume from: counted, not resumed.
    cursors = [got[0].split("|", 1)[1] for got in firsts if got]
    no_live_event = len(sockets) - len(cursors)
    first_refusals = dict(refusals)
    refusals.clear()
    for ws in sockets:
        with contextlib.suppress(Exception):
            await ws.close()
    # 3. Events published while everybody is away.
    missed = [(await asyncio.to_thread(publish, f"churn-missed-{i}"))[0] for i in range(events)]
    # 4. Everybody resumes at once with `after:`; replay until each has the missed events. A subscription that
    # ends or drops during the replay is resumed again after the last cursor it received, as a client does.
    ended: dict[str, int] = {}

    async def resume(after: str, got: list[str]) -> tuple[Any, float]:
        deadline = time.monotonic() + 300
        first_ack: float | None = None
        while True:
            ws, acked = await open_one(after)
            first_ack = first_ack or acked
            try:
                await receive(ws, events, got, max(1.0, deadline - time.monotonic()))
                return ws, first_ack
            except Exception as exc:
                key = str(exc)[:60] or type(exc).__name__
                ended[key] = ended.get(key, 0) + 1
                with contextlib.suppress(Exception):
                    await ws.close()
                if got:
                    after = got[-1].split("|", 1)[1]
                if time.monotonic() > deadline:
                    raise

    t1 = time.perf_counter()
    received: list[list[str]] = [[] for _ in cursors]
    reopened = await asyncio.gather(*(resume(c, got) for c, got in zip(cursors, received, strict=True)),
                                    return_exceptions=True)
    replay_s = time.perf_counter() - t1
    resumed = [(o[0], got) for o, got in zip(reopened, received, strict=True) if not isinstance(o, BaseException)]
    reack = sorted(o[1] - t1 for o in reopened if not isinstance(o, BaseException))
    # 5. A live event after the replay: the seam between replay and live (no gap, no duplicate).
    live = (await asyncio.to_thread(publish, "churn-after"))[0]
    results = await asyncio.gather(*(receive(ws, events + 1, got, 120) for ws, got in resumed),
                                   return_exceptions=True)
    for ws, _ in resumed:
        with contextlib.suppress(Exception):
            await ws.close()
    wanted = [*missed, live]
    lost = dup = wrong = 0
    for got in received:
        ids = [g.split("|", 1)[0] for g in got]
        lost += sum(1 for w in wanted if w not in ids)
        dup += len(ids) - len(set(ids))
        wrong += sum(1 for i in ids if i not in wanted)
    return {"subscribers": n, "connect_failed": connect_failed, "events_missed": events,
            "no_live_event": no_live_event, "connect_retries": first_refusals, "resume_retries": dict(refusals),
            "all_acknowledged_s": round(ack_times[-1], 2) if ack_times else None,
            "ack_p50_s": round(statistics.median(ack_times), 2) if ack_times else None,
            "resume_acknowledged_s": round(reack[-1], 2) if reack else None,
            "replay_s": round(replay_s, 2), "resume_failed": len(cursors) - len(resumed),
            "replay_ended_and_resumed": ended,
            "live_errors": sum(1 for r in results if isinstance(r, BaseException)),
            "lost": lost, "duplicated": dup, "unexpected": wrong}


def churn(n: int, root: Path) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="qsradar-scale-churn-"))
    db = EmbeddedServer(tmp)
    uri = db.start()
    try:
        asyncio.run(load_data(uri, 0.1, tmp))
        service = start_service(tmp, root, "service")
        publish = Publisher(service.base)
        try:
            roles = {"w1": service.workers[0], "w2": service.workers[1], "db": db.pid}
            sampler = Sampler(roles)  # type: ignore[arg-type]
            token = sign_in(service.base, "enterprise@demo.test")
            out = asyncio.run(_churn(f"ws://127.0.0.1:{service.port}/graphql", token, n, publish, 20))
            out.update(sampler.stop())
        finally:
            publish.close()
            service.stop()
    finally:
        db.stop()
        cleanup(tmp)
    print(f"  churn_{n}: all {n - out['connect_failed']} acknowledged in {out['all_acknowledged_s']} s "
          f"(p50 {out['ack_p50_s']} s); resumed with after: and replayed {out['events_missed']} events in "
          f"{out['replay_s']} s; lost {out['lost']}, dup {out['duplicated']}, failed {out['connect_failed']}+"
          f"{out['resume_failed']}, without the live event {out['no_live_event']}; retries {out['connect_retries']} "
          f"then {out['resume_retries']}; replays ended and resumed {out['replay_ended_and_resumed']}", flush=True)
    return out


# ---- main ------------------------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="fanout,series,churn", help="comma-separated: fanout, series, churn")
    parser.add_argument("--fanout", type=int, default=20_000, help="subscribers of the fan-out scenario")
    parser.add_argument("--no-floor", action="store_true", help="skip the floor beside the fan-out")
    parser.add_argument("--max", type=int, default=SERIES_SIZES[-1], help="largest size of the scale series")
    parser.add_argument("--min", type=int, default=SERIES_SIZES[0],
                        help="smallest size of the scale series (e.g. --min 1000000: the 1 M point alone, ~25 min of load)")
    parser.add_argument("--duration", type=float, default=8.0, help="seconds per series measurement")
    parser.add_argument("--churn", type=int, default=1000, help="subscribers of the churn scenario")
    parser.add_argument("--service-root", type=Path, default=ROOT, help="run the service from this checkout")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    fd_limit = raise_fd_limit()
    started = time.perf_counter()
    print(f"qsradar bench-scale: {sorted(only)}, fd limit {fd_limit}, service from {args.service_root}", flush=True)
    path = results_path()
    results: dict[str, Any] = orjson.loads(path.read_bytes()) if path.exists() else {}
    results.setdefault("scenarios", {})
    meta = {"cpus": os.cpu_count(), "fd_limit": fd_limit, "worker_healthcheck_s": HEALTHCHECK_SECONDS, "service_root": str(args.service_root),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=args.service_root,
                                     capture_output=True, text=True).stdout.strip() or None}
    if "fanout" in only:
        name = f"fanout_{args.fanout}"
        results["scenarios"][name] = {**fanout(args.fanout, not args.no_floor, args.service_root), "meta": meta}
    if "series" in only:
        sizes = [s for s in SERIES_SIZES if args.min <= s <= args.max] or [args.max]
        results["scenarios"]["scale_series"] = {**series(sizes, args.duration, args.service_root), "meta": meta}
        for name, v in results["scenarios"]["scale_series"]["verdicts"].items():
            print(f"  {name}: p50 {v['p50_ms']} ms at {sizes}; ratio {v['ratio']} ({v['result']}, target <= "
                  f"{FLAT_TARGET}x)", flush=True)
    if "churn" in only:
        results["scenarios"][f"churn_{args.churn}"] = {**churn(args.churn, args.service_root), "meta": meta}
    results["runtime_s"] = round(time.perf_counter() - started, 1)
    path.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    print(f"results in {path} ({results['runtime_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
