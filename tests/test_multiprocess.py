"""Several machines' worth of service: three separate `python -m gql` processes on one database.

What Kubernetes runs (k8s/): N API pods, one MongoDB replica set, each pod with its own change-stream watcher
on the alert log. Here: three processes on three ports sharing one embedded database.

- Every subscriber of every process gets every alert, whichever process the write went through.
- A rolling restart (SIGTERM one process at a time, start it again) while a regulator publishes 30 warnings
  at ~5/s: clients whose socket is closed reconnect to a live process with `after: <last cursor>` and end
  with exactly the events of the log, in order, none lost, none twice.

With the embedded database, transactions are serialised by a lock file in QSRADAR_DATA_DIR, so the processes
share that directory (each keeps its own log directory); with a real MongoDB they share nothing but the URI.
Every wait is bounded; nothing asserts a duration.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path

import httpx
import websockets

from documents.db.embedded_server import EmbeddedServer, uri_for_port
from tests import stack as stack_mod
from tests.gqlws import GqlWs
from tests.stack import Stack
from tests.test_alerts import ALERTS, events, issue

PROCESSES = 3


def start_attached(log_dir: Path, uri: str, shared_data_dir: Path, port: int | None = None) -> Stack:
    """A service process on `uri` (not owning any database); logs under `log_dir`."""
    return stack_mod.start(log_dir, port=port, MONGODB_URI=uri, QSRADAR_DATA_DIR=str(shared_data_dir))


def stop_all(stacks: list[Stack | None]) -> None:
    for s in stacks:
        if s is not None:
            stack_mod.stop(s)


async def baseline_cursor(stacks: list[Stack], token: str) -> str:
    """Issue one warning and return its alert cursor: subscribers start `after` it, so none depends on
    having registered before the first publication."""
    probe = await GqlWs.connect(stacks[0].ws_url)
    await probe.subscribe(ALERTS)
    await asyncio.sleep(0.3)
    async with httpx.AsyncClient(base_url=stacks[0].base_url, timeout=30) as client:
        marker = await issue(client, token)
    for _ in range(50):  # bounded: skip older events still in flight, if any
        got = events(await probe.next_payloads(1, timeout=20))[0]
        if got["warning"]["id"] == marker["id"]:
            await probe.close()
            return got["cursor"]
    raise AssertionError("the baseline warning never arrived")


def alert_log_positions(stacks: list[Stack]) -> list[float]:
    out = []
    for s in stacks:
        text = httpx.get(f"{s.base_url}/metrics", timeout=10).text
        values = [float(m.group(1)) for m in re.finditer(r"^qsradar_alert_log_position(?:\{[^}]*\})? (\S+)$",
                                                          text, re.M)]
        out.append(max(values) if values else -1.0)
    return out


async def test_every_subscriber_of_every_process_gets_every_alert(tmp_path: Path) -> None:
    first = stack_mod.start(tmp_path / "p0")  # owns the embedded database
    stacks: list[Stack | None] = [first]
    try:
        uri = uri_for_port(first.embedded_db()["port"])
        for i in (1, 2):
            stacks.append(start_attached(tmp_path / f"p{i}", uri, first.data_dir))
        live = [s for s in stacks if s is not None]
        token = first.sign_in("regulator@demo.test")["accessToken"]
        after = await baseline_cursor(live, token)

        # Two subscribers per process: anonymous and a regulator (two audiences).
        subscribers: list[GqlWs] = []
        for s in live:
            for who in (None, token):
                ws = await GqlWs.connect(s.ws_url, who)
                await ws.subscribe(ALERTS, {"after": after})
                subscribers.append(ws)

        published: list[str] = []
        for _round in range(2):
            for s in live:  # each write through another process
                async with httpx.AsyncClient(base_url=s.base_url, timeout=30) as client:
                    published.append((await issue(client, token))["id"])
        assert len(set(published)) == 2 * PROCESSES

        for n, ws in enumerate(subscribers):
            got = events(await ws.next_payloads(len(published), timeout=30))
            assert [e["warning"]["id"] for e in got] == published, f"subscriber {n} (process {n // 2})"
            await ws.expect_silence(0.3)
            await ws.close()

        # Every process's watcher dispatched up to the same alert-log entry (what QsradarAlertLogBehind watches).
        deadline = time.monotonic() + 15
        positions = alert_log_positions(live)
        while len(set(positions)) != 1 and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            positions = alert_log_positions(live)
        assert len(set(positions)) == 1 and positions[0] > 0, positions
    finally:
        stop_all(list(reversed(stacks)))  # the database owner last


class ResumingClient:
    """A subscriber that, whenever its socket closes, reconnects to the next live process and resumes with
    `after: <last cursor>` (what the web front does)."""

    def __init__(self, name: str, stacks: list[Stack], home: int, after: str, token: str | None) -> None:
        self.name, self.stacks, self.target, self.cursor, self.token = name, stacks, home, after, token
        self.received: list[str] = []
        self.reconnects = 0
        self.close_codes: list[int | None] = []

    async def _connect(self, deadline: float) -> GqlWs:
        while True:
            s = self.stacks[self.target % len(self.stacks)]
            try:
                ws = await GqlWs.connect(s.ws_url, self.token)
                await ws.subscribe(ALERTS, {"after": self.cursor})
                return ws
            except (OSError, websockets.exceptions.WebSocketException, AssertionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                self.target += 1  # that process is down or stopping: try the next one
                await asyncio.sleep(0.1)

    async def run(self, done: asyncio.Event, final_id: list[str], deadline: float) -> None:
        ws = await self._connect(deadline)
        try:
            while time.monotonic() < deadline:
                if done.is_set() and final_id and final_id[0] in self.received:
                    return
                try:
                    message = await ws.receive(timeout=1.0)
                except TimeoutError:
                    continue
                except websockets.exceptions.ConnectionClosed as exc:
                    self.close_codes.append(exc.rcvd.code if exc.rcvd else None)
                    self.reconnects += 1
                    self.target += 1
                    ws = await self._connect(deadline)
                    continue
                if message["type"] != "next":  # error/complete: start again from the cursor
                    await ws.close()
                    self.reconnects += 1
                    ws = await self._connect(deadline)
                    continue
                event = events([message["payload"]])[0]
                self.received.append(event["warning"]["id"])
                self.cursor = event["cursor"]
        finally:
            await ws.close()


async def test_rolling_restart_loses_no_event_for_clients_that_resume(tmp_path: Path) -> None:
    # The database is owned by the test, as a replica set is by the cluster: every service process restarts.
    db_dir = tmp_path / "db"
    database = EmbeddedServer(db_dir)
    # Started from this thread (not a pool thread): the server is tied to the thread that spawned it.
    uri = database.start()
    stacks: list[Stack] = []
    try:
        for i in range(PROCESSES):
            stacks.append(await asyncio.to_thread(start_attached, tmp_path / f"p{i}", uri, db_dir))
        ports = [s.port for s in stacks]
        token = stacks[0].sign_in("regulator@demo.test")["accessToken"]
        after = await baseline_cursor(stacks, token)

        clients = [ResumingClient(f"c{i}-{who}", stacks, i, after, t)
                   for i in range(PROCESSES) for who, t in (("anon", None), ("regulator", token))
                   for _ in range(2)]
        done = asyncio.Event()
        final_id: list[str] = []
        deadline = time.monotonic() + 240
        tasks = [asyncio.create_task(c.run(done, final_id, deadline)) for c in clients]
        await asyncio.sleep(0.5)

        published: list[str] = []
        uncertain = 0

        async def publish(count: int, avoid: int) -> None:
            """`count` warnings at ~5/s, each through a live process other than `avoid`."""
            nonlocal uncertain
            k = 0
            while k < count:
                target = stacks[(avoid + 1 + (len(published) + uncertain) % (PROCESSES - 1)) % PROCESSES]
                try:
                    async with httpx.AsyncClient(base_url=target.base_url, timeout=30) as client:
                        published.append((await issue(client, token))["id"])
                    k += 1
                except httpx.TransportError:
                    uncertain += 1  # may or may not have been written: the log decides (replay below)
                    assert uncertain < 20, "publications keep failing"
                await asyncio.sleep(0.2)

        for i in range(PROCESSES):
            stopping = asyncio.create_task(asyncio.to_thread(stack_mod.stop, stacks[i]))  # SIGTERM, drain
            await publish(10, avoid=i)  # while process i stops and is down
            await stopping
            stacks[i] = await asyncio.to_thread(start_attached, tmp_path / f"p{i}", uri, db_dir, ports[i])
        assert len(published) == 30

        # The log is the truth: a fresh subscriber replays everything after the baseline.
        replay = await GqlWs.connect(stacks[0].ws_url)
        await replay.subscribe(ALERTS, {"after": after})
        truth: list[str] = []
        while True:
            try:
                truth.append(events([(await replay.receive(timeout=3))["payload"]])[0]["warning"]["id"])
            except TimeoutError:
                break
            assert len(truth) <= 30 + uncertain, truth
        await replay.close()
        assert set(published) <= set(truth) and len(truth) == len(set(truth))
        final_id.append(truth[-1])
        done.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=max(1.0, deadline - time.monotonic()) + 10)

        for c in clients:
            assert c.received == truth, (c.name, c.reconnects, len(c.received), len(truth))
        # Every client's home process was restarted once: each reconnected at least once and resumed.
        assert all(c.reconnects >= 1 for c in clients), [(c.name, c.reconnects) for c in clients]
        codes = sorted({code for c in clients for code in c.close_codes}, key=str)
        print(json.dumps({"published": len(published), "uncertain": uncertain, "log": len(truth),
                          "close_codes": codes, "reconnects": sum(c.reconnects for c in clients)}))
    finally:
        await asyncio.to_thread(stop_all, list(stacks))
        database.stop()

