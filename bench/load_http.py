"""HTTP load generator, run by the bench as a separate process: `python -m bench.load_http SPEC OUT`.

SPEC (JSON): {"base_url", "requests": [{"path", "body"}], "headers", "concurrency", "warmup", "duration"}.
`concurrency` workers share one httpx.AsyncClient (keep-alive, HTTP/1.1) and walk the request list
round-robin; the warm-up is not recorded. A response counts as an error unless it is HTTP 200 with
a `data` object and no `errors`. OUT gets the sorted latencies (ms), counts and the client's CPU time.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import time

import httpx
import orjson

try:
    import uvloop
except ImportError:  # pragma: no cover
    uvloop = None  # type: ignore[assignment]


async def run(spec: dict) -> dict:
    bodies = [(r["path"], orjson.dumps(r["body"])) for r in spec["requests"]]
    headers = {"content-type": "application/json", **spec.get("headers", {})}
    conc = int(spec["concurrency"])
    order = itertools.cycle(range(len(bodies)))
    lat: list[float] = []
    errors = 0
    first_error: str | None = None
    limits = httpx.Limits(max_connections=conc, max_keepalive_connections=conc)
    t_start = time.perf_counter()
    t_measure = t_start + float(spec["warmup"])
    t_end = t_measure + float(spec["duration"])
    done_at = t_end
    async with httpx.AsyncClient(base_url=spec["base_url"], limits=limits, timeout=120.0) as client:

        async def worker() -> None:
            nonlocal errors, first_error
            while True:
                now = time.perf_counter()
                if now >= t_end:
                    return
                path, body = bodies[next(order)]
                t0 = time.perf_counter()
                try:
                    r = await client.post(path, content=body, headers=headers)
                    ok = r.status_code == 200
                    if ok:
                        data = orjson.loads(r.content)
                        ok = isinstance(data.get("data"), dict) and not data.get("errors")
                    if not ok and first_error is None:
                        first_error = f"HTTP {r.status_code}: {r.text[:300]}"
                except Exception as exc:  # counted, never fatal
                    ok = False
                    if first_error is None:
                        first_error = repr(exc)
                t1 = time.perf_counter()
                if t0 >= t_measure and t1 <= t_end + 60:
                    if ok:
                        lat.append((t1 - t0) * 1000)
                    else:
                        errors += 1

        cpu0 = time.process_time()
        await asyncio.gather(*(worker() for _ in range(conc)))
        done_at = time.perf_counter()
        cpu = time.process_time() - cpu0
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
