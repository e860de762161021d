"""WebSocket subscriber process, run by the bench (several at once): `python -m bench.load_ws SPEC OUT`.

SPEC (JSON): {"url", "n", "query", "connect_concurrency", "init_payload"}. Each socket speaks
graphql-transport-ws: connection_init, wait for connection_ack, subscribe (id "1"). Every `next`
message is keyed by `payload.data.alerts.warning.id` and time-stamped with time.time() on receipt.

Control over stdin/stdout, one line each:
  (process prints) READY <subscribed> <failed>       once every socket has subscribed or failed
  STATS  -> prints STATS <open sockets> <messages received>
  STOP   -> writes OUT (per key: first-receipt times, duplicates), aborts the sockets, prints DONE
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import defaultdict

import orjson
from websockets.asyncio.client import connect

try:
    import uvloop
except ImportError:  # pragma: no cover
    uvloop = None  # type: ignore[assignment]


class Stats:
    def __init__(self) -> None:
        self.subscribed = 0
        self.failed = 0
        self.open = 0
        self.messages = 0
        self.first: dict[str, list[float]] = defaultdict(list)
        self.dups: dict[str, int] = defaultdict(int)
        self.close_codes: dict[str, int] = defaultdict(int)
        self.other: dict[str, int] = defaultdict(int)
        self.first_error: str | None = None


async def _socket(spec: dict, st: Stats, gate: asyncio.Semaphore, settled: asyncio.Event,
                  conns: list, stop: asyncio.Event) -> None:
    seen: set[str] = set()
    try:
        async with gate:
            ws = await connect(spec["url"], subprotocols=["graphql-transport-ws"], ping_interval=None,
                               open_timeout=120, close_timeout=1, max_queue=None)
            conns.append(ws)
            await ws.send(orjson.dumps({"type": "connection_init", "payload": spec.get("init_payload") or {}}).decode())
            ack = orjson.loads(await asyncio.wait_for(ws.recv(), 60))
            if ack.get("type") != "connection_ack":
                raise RuntimeError(f"no ack: {ack}")
            await ws.send(orjson.dumps({"id": "1", "type": "subscribe",
                                        "payload": {"query": spec["query"]}}).decode())
    except Exception as exc:
        st.failed += 1
        if st.first_error is None:
            st.first_error = repr(exc)
        if st.subscribed + st.failed == spec["n"]:
            settled.set()
        return
    st.subscribed += 1
    st.open += 1
    if st.subscribed + st.failed == spec["n"]:
        settled.set()
    try:
        async for raw in ws:
            t = time.time()
            st.messages += 1
            msg = orjson.loads(raw)
            kind = msg.get("type")
            if kind == "next":
                try:
                    key = msg["payload"]["data"]["alerts"]["warning"]["id"]
                except (KeyError, TypeError):
                    st.other["next-without-warning"] += 1
                    if st.first_error is None:
                        st.first_error = raw[:300] if isinstance(raw, str) else repr(raw[:300])
                    continue
                if key in seen:
                    st.dups[key] += 1
                else:
                    seen.add(key)
                    st.first[key].append(t)
            elif kind == "ping":
                await ws.send('{"type":"pong"}')
            else:
                st.other[str(kind)] += 1
    except Exception:
        pass
    finally:
        st.open -= 1
        if not stop.is_set():
            st.close_codes[str(ws.close_code)] += 1


async def run(spec: dict, out: str) -> None:
    st = Stats()
    gate = asyncio.Semaphore(int(spec.get("connect_concurrency", 50)))
    settled = asyncio.Event()
    stop = asyncio.Event()
    conns: list = []
    tasks = [asyncio.create_task(_socket(spec, st, gate, settled, conns, stop)) for _ in range(spec["n"])]
    await settled.wait()
    print(f"READY {st.subscribed} {st.failed}", flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = (await reader.readline()).decode().strip()
        if line == "STATS":
            print(f"STATS {st.open} {st.messages}", flush=True)
        elif line in ("STOP", ""):
            break
    stop.set()
    with open(out, "wb") as f:
        f.write(orjson.dumps({"subscribed": st.subscribed, "failed": st.failed, "first": st.first, "dups": st.dups,
                              "close_codes": st.close_codes, "other": st.other, "first_error": st.first_error,
                              "open_at_stop": st.open}))
    for ws in conns:
        if ws.transport is not None:
            ws.transport.abort()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("DONE", flush=True)


def main() -> None:
    spec = orjson.loads(open(sys.argv[1], "rb").read())
    if uvloop is not None:
        uvloop.install()
    asyncio.run(run(spec, sys.argv[2]))


if __name__ == "__main__":
    main()
