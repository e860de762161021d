"""Replays after the same cursor share one read of the log (gql/alerts/hub.py SharedReads), and never one that
started before the reader asked: a subscriber subscribes, then asks, so a read it joins sees every entry the hub
did not deliver to it. Pure asyncio: the log is a list the test appends to."""

from __future__ import annotations

import asyncio

import pytest

from gql.alerts.hub import SharedReads


class Log:
    def __init__(self) -> None:
        self.entries: list[int] = [1, 2, 3]
        self.reads: list[int] = []

    async def read(self, after: int) -> list[int]:
        self.reads.append(after)
        snapshot = [e for e in self.entries if e > after]  # what the log holds when the read starts
        await asyncio.sleep(0.01)
        return snapshot


async def test_readers_asking_together_share_one_read() -> None:
    log = Log()
    shared = SharedReads(log.read)
    results = await asyncio.gather(*(shared.read(1) for _ in range(50)))
    assert log.reads == [1] and all(r == [2, 3] for r in results)


async def test_a_reader_never_joins_a_read_that_started_before_it_asked() -> None:
    log = Log()
    shared = SharedReads(log.read, gather_seconds=0)
    early = asyncio.create_task(shared.read(1))
    await asyncio.sleep(0.001)  # the early read has started
    log.entries.append(4)  # written (and fanned out by the hub) before the late reader subscribed
    late = await shared.read(1)
    assert await early == [2, 3]
    assert late == [2, 3, 4]  # its own read, which started after it asked: entry 4 is not lost
    assert log.reads == [1, 1]


async def test_different_cursors_read_apart_and_a_failure_reaches_every_reader() -> None:
    log = Log()
    shared = SharedReads(log.read)
    assert await asyncio.gather(shared.read(1), shared.read(2)) == [[2, 3], [3]]

    async def broken(after: int) -> list[int]:
        raise ConnectionError("database unavailable")

    failing = SharedReads(broken)
    outcomes = await asyncio.gather(failing.read(1), failing.read(1), return_exceptions=True)
    assert all(isinstance(o, ConnectionError) for o in outcomes)


async def test_a_reader_that_leaves_does_not_cancel_the_read_for_the_others() -> None:
    log = Log()
    shared = SharedReads(log.read)
    leaving, staying = asyncio.create_task(shared.read(1)), asyncio.create_task(shared.read(1))
    await asyncio.sleep(0.007)
    leaving.cancel()
    assert await staying == [2, 3]
    with pytest.raises(asyncio.CancelledError):
        await leaving
