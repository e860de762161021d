"""HTTP load generator, run by the bench as a separate process: `python -m bench.load_http SPEC OUT`.

SPEC (JSON): {"base_url", "requests": [{"path", "body", "headers"?, "tag"?}], "headers", "concurrency", "warmup",
"duration", "once"?, "progress"?}.
`concurrency` workers each hold one keep-alive HTTP/1.1 connection (a minimal asyncio client: httpx
itself topped out near 400 req/s per process, below what a cached answer costs the server) and walk
the request list round-robin; the warm-up is not recorded. A response counts as an error unless it is HTTP 200 with
a `data` object and no `errors`. OUT gets the sorted latencies (ms), counts and the client's CPU time.

Write scenarios:
- `once`: each request is sent at most once (a shared queue, not round-robin); every answer accepted for a request
  with a `tag` is kept in OUT's `acks` as [tag, id of the first field of `data`] (complaint_burst checks them).
- `progress` {"kind": "service"|"floor", "recalls": [[id, start units], ...]}: worker i owns recalls i, i + n, ...
  (no two workers write one recall, so their units only grow) and reports units + 1 on each in turn. An answer
  with the code CONFLICT is retried and counted in `conflicts`.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
from typing import Any
from urllib.parse import urlsplit

import orjson

try:
    import uvloop
except ImportError:  # pragma: no cover
    uvloop = None  # type: ignore[assignment]


class _Connection:
    """One keep-alive HTTP/1.1 connection; responses must carry Content-Length (Starlette's do)."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in {"host": f"{host}:{port}", **headers}.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes, extra: str = "") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"POST {path} HTTP/1.1\r\n{self.head}{extra}content-length: {len(body)}\r\n\r\n".encode()
                          + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


PROGRESS_MUTATION = ("mutation Progress($id: ID!, $units: Int!, $refunds: Float) { reportRecallProgress(id: $id, "
                     "unitsRecovered: $units, refundsCny: $refunds) { id unitsRecovered completionRate status } }")


def _progress_requests(spec: dict, conc: int) -> list[list[tuple[str, bytes, str, str | None]]]:
    """Per worker, an endless-enough list of its own recalls' reports (units + 1 each time, refunds follow)."""
    kind, owned = spec["progress"]["kind"], spec["progress"]["recalls"]
    out: list[list[tuple[str, bytes, str, str | None]]] = []
    for w in range(conc):
        mine = [list(r) for r in owned[w::conc]]
        reqs: list[tuple[str, bytes, str, str | None]] = []
        for step in range(20_000 // max(1, conc)):
            if not mine:
                break
            r = mine[step % len(mine)]
            r[1] += 1
            body: dict[str, Any]
            if kind == "service":
                body = {"query": PROGRESS_MUTATION, "operationName": "Progress",
                        "variables": {"id": r[0], "units": r[1], "refunds": float(r[1])}}
                path = "/graphql"
            else:
                body = {"id": r[0], "units": r[1], "refunds": float(r[1])}
                path = "/recall_progress"
            reqs.append((path, orjson.dumps(body), "", None))
        out.append(reqs)
    return out


def _first_id(data: dict) -> str | None:
    for value in (data.get("data") or {}).values():
        return value.get("id") if isinstance(value, dict) else None
    return None


async def run(spec: dict) -> dict:
    def extra(r: dict) -> str:
        return "".join(f"{k}: {v}\r\n" for k, v in (r.get("headers") or {}).items())

    bodies = [(r["path"], orjson.dumps(r["body"]), extra(r), r.get("tag")) for r in spec["requests"]]
    headers = {"content-type": "application/json", **spec.get("headers", {})}
    url = urlsplit(spec["base_url"])
    conc = int(spec["concurrency"])
    once = bool(spec.get("once"))
    order = iter(range(len(bodies))) if once else itertools.cycle(range(len(bodies)))
    per_worker = _progress_requests(spec, conc) if spec.get("progress") else None
    lat: list[float] = []
    errors = conflicts = 0
    exhausted = False
    acks: list[list[str | None]] = []
    first_error: str | None = None
    t_start = time.perf_counter()
    t_measure = t_start + float(spec["warmup"])
    t_end = t_measure + float(spec["duration"])
    connections = [_Connection(url.hostname or "127.0.0.1", url.port or 80, headers) for _ in range(conc)]

    async def worker(index: int, conn: _Connection) -> None:
        nonlocal errors, first_error, conflicts, exhausted
        mine = iter(per_worker[index]) if per_worker is not None else None
        while True:
            now = time.perf_counter()
            if now >= t_end:
                return
            try:
                path, body, more, tag = next(mine) if mine is not None else bodies[next(order)]
            except StopIteration:
                exhausted = mine is None  # the shared list is used up (a worker's own list is long enough)
                return
            t0 = time.perf_counter()
            try:
                while True:
                    status, content = await conn.post(path, body, more)
                    ok = status == 200
                    data = orjson.loads(content) if ok else {}
                    codes = [(e.get("extensions") or {}).get("code") for e in data.get("errors") or []]
                    if mine is not None and codes == ["CONFLICT"] and time.perf_counter() < t_end + 30:
                        conflicts += 1  # someone else changed the recall first: send the report again
                        continue
                    break
                ok = ok and isinstance(data.get("data"), dict) and not data.get("errors")
                if ok and tag is not None:
                    acks.append([tag, _first_id(data)])
                if not ok and first_error is None:
                    first_error = f"HTTP {status}: {content[:300]!r}"
            except Exception as exc:  # counted, never fatal; reconnect next time
                ok = False
                conn.close()
                conn.writer = None
                if first_error is None:
                    first_error = repr(exc)
            t1 = time.perf_counter()
            if t0 >= t_measure and t1 <= t_end + 60:
                if ok:
                    lat.append((t1 - t0) * 1000)
                else:
                    errors += 1

    cpu0 = time.process_time()
    await asyncio.gather(*(worker(i, c) for i, c in enumerate(connections)))
    done_at = time.perf_counter()
    cpu = time.process_time() - cpu0
    for c in connections:
        c.close()
    # Requests that started inside the window and finished after it stretch the window; a request list used up
    # early ends it.
    window = (done_at if exhausted else max(done_at, t_end)) - t_measure
    lat.sort()
    return {"ok": len(lat), "errors": errors, "first_error": first_error, "window_s": window,
            "throughput": len(lat) / window if window > 0 else 0.0, "lat_ms": lat,
            "client_cpu_pct": 100.0 * cpu / (done_at - t_start), "conflicts": conflicts, "acks": acks,
            "exhausted": exhausted}


def main() -> None:
    spec = orjson.loads(open(sys.argv[1], "rb").read())
    if uvloop is not None:
        uvloop.install()
    result = asyncio.run(run(spec))
    with open(sys.argv[2], "wb") as f:
        f.write(orjson.dumps(result))


if __name__ == "__main__":
    main()
