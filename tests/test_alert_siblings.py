"""Wake-ups between the workers of one host (gql/alerts/siblings.py): a write in one worker wakes the others' hubs
at once; a socket left by a dead worker is cleaned away. Pure asyncio and Unix sockets, no service."""

from __future__ import annotations

import asyncio
import os
import socket
from pathlib import Path

from gql.alerts.siblings import Siblings, wake_directory


async def _woken(event: asyncio.Event) -> bool:
    try:
        await asyncio.wait_for(event.wait(), 2)
        return True
    except TimeoutError:
        return False


async def test_a_write_in_one_worker_wakes_every_other_worker_but_not_itself(tmp_path: Path) -> None:
    woken = [asyncio.Event() for _ in range(3)]
    workers = [Siblings(tmp_path, e.set) for e in woken]
    for i, w in enumerate(workers):
        w.path = tmp_path / f"worker-{i}.sock"  # one process here plays three workers
        await w.start()
    workers[0].notify()
    assert await _woken(woken[1]) and await _woken(woken[2])
    await asyncio.sleep(0.05)
    assert not woken[0].is_set()
    for w in workers:
        await w.stop()
    assert tmp_path.name not in os.listdir(tmp_path.parent)  # each removes its own socket, the last one the directory


async def test_a_sibling_gets_the_writers_entries_with_the_wake_up(tmp_path: Path) -> None:
    handed: list[bytes] = []
    woken = asyncio.Event()
    got = asyncio.Event()
    writer = Siblings(tmp_path, lambda: None)
    reader = Siblings(tmp_path, woken.set, lambda data: (handed.append(data), got.set()))
    reader.path = tmp_path / "reader.sock"
    await writer.start()
    await reader.start()
    writer.notify(b"entries as BSON")
    assert await _woken(got) and handed == [b"entries as BSON"] and not woken.is_set()
    writer.notify()  # nothing to hand: a bare wake-up
    assert await _woken(woken) and handed == [b"entries as BSON"]
    await writer.stop()
    await reader.stop()


async def test_a_dead_workers_socket_is_removed_and_costs_nothing(tmp_path: Path) -> None:
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dead.bind(str(tmp_path / "999999.sock"))
    dead.close()  # the file stays, nobody reads it
    woken = asyncio.Event()
    writer, reader = Siblings(tmp_path, lambda: None), Siblings(tmp_path, woken.set)
    reader.path = tmp_path / "reader.sock"
    await writer.start()
    await reader.start()
    writer.notify()
    assert await _woken(woken)
    assert "999999.sock" not in os.listdir(tmp_path)
    await writer.stop()
    await reader.stop()


def test_one_directory_per_service_short_enough_for_a_socket_path() -> None:
    a = wake_directory("/srv/qsradar/var", "mongodb://db-0,db-1/?replicaSet=rs0", "qsradar")
    assert a == wake_directory("/srv/qsradar/var", "mongodb://db-0,db-1/?replicaSet=rs0", "qsradar")
    assert a != wake_directory("/srv/other/var", "mongodb://db-0,db-1/?replicaSet=rs0", "qsradar")
    assert len(str(a / f"{2**22}.sock").encode()) < 100


async def test_a_directory_others_may_write_to_is_refused(tmp_path: Path) -> None:
    # Handed entries are delivered to subscribers: a directory with a predictable name that another user made, or
    # opened to others, must not carry them. The worker goes without wake-ups (the change stream still has it all).
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    woken = asyncio.Event()
    worker = Siblings(shared, woken.set, lambda data: woken.set())
    await worker.start()
    assert not [n for n in os.listdir(shared) if n.endswith(".sock")]
    worker.notify(b"entries")  # no socket: nothing sent, nothing raised
    await worker.stop()
    assert shared.name in os.listdir(tmp_path)  # not this worker's to remove
