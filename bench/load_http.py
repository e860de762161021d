"""HTTP load generator, run by the bench as a separate process: `python -m bench.load_http SPEC OUT`.

SPEC (JSON): {"base_url", "requests": [{"path", "body"}], "headers", "concurrency", "warmup", "duration"}.
`concurrency` workers each hold one keep-alive HTTP/1.1 connection (a minimal asyncio client: httpx
itself topped out near 400 req/s per process, below what a cached answer costs the server) and walk
the request list round-robin; the warm-up is not recorded. A response counts as an error unless it is HTTP 200 with
a `data` object and no `errors`. OUT gets the sorted latencies (ms), counts and the client's CPU time.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
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

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"POST {path} HTTP/1.1\r\n{self.head}content-length: {len(body)}\r\n\r\n".encode() + body)
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


async def run(spec: dict) -> dict:
    bodies = [(r["path"], orjson.dumps(r["body"])) for r in spec["requests"]]
    headers = {"content-type": "application/json", **spec.get("headers", {})}
    url = urlsplit(spec["base_url"])
    conc = int(spec["concurrency"])
    order = itertools.cycle(range(len(bodies)))
    lat: list[float] = []
    errors = 0
    first_error: str | None = None
    t_start = time.perf_counter()
    t_measure = t_start + float(spec["warmup"])
    t_end = t_measure + float(spec["duration"])
    connections = [_Connection(url.hostname or "127.0.0.1", url.port or 80, headers) for _ in range(conc)]

    async def worker(conn: _Connection) -> None:
        nonlocal errors, first_error
        while True:
            now = time.perf_counter()
            if now >= t_end:
                return
            path, body = bodies[next(order)]
            t0 = time.perf_counter()
            try:
                status, content = await conn.post(path, body)
                ok = status == 200
                if ok:
                    data = orjson.loads(content)
                    ok = isinstance(data.get("data"), dict) and not data.get("errors")
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
    await asyncio.gather(*(worker(c) for c in connections))
    done_at = time.perf_counter()
    cpu = time.process_time() - cpu0
    for c in connections:
        c.close()
    # Requests that started inside the window and finished after it stretch the window.
    window = max(done_at, t_end) - t_measure
    lat.sort()
    return {"ok": len(lat), "errors": errors, "first_error": first_error, "window_s": window,
            "throughput": len(lat) / window if window > 0 else 0.0, "lat_ms": lat,
            "client_cpu_pct": 100.0 * cpu / (done_at - t_start)}


def main() -> None:
    spec = orjson.loads(open(sys.argv[1], "rb").read())
    if uvloop is not None:
        uvloop.install()
    result = asyncio.run(run(spec))
    with open(sys.argv[2], "wb") as f:
        f.write(orjson.dumps(result))


if __name__ == "__main__":
    main()
