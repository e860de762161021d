"""A subscriber's mailbox (gql/alerts/hub.py Mailbox): bounded, ordered, wakes its reader, loses nothing when the
reader is cancelled. Pure asyncio, no service."""

from __future__ import annotations

import asyncio

import pytest

from gql.alerts.hub import Mailbox


async def test_a_reader_waits_for_the_next_delivery_in_order() -> None:
    box = Mailbox(3)
    reader = asyncio.create_task(box.get())
    await asyncio.sleep(0)
    assert not reader.done()
    box.put_nowait("a")
    box.put_nowait("b")
    assert await asyncio.wait_for(reader, 1) == "a"
    assert box.qsize() == 1 and await box.get() == "b" and box.empty()


async def test_it_is_bounded_and_raises_like_asyncio_queue() -> None:
    box = Mailbox(2)
    box.put_nowait(1)
    box.put_nowait(2)
    with pytest.raises(asyncio.QueueFull):
        box.put_nowait(3)
    assert [box.get_nowait(), box.get_nowait()] == [1, 2]
    with pytest.raises(asyncio.QueueEmpty):
        box.get_nowait()


async def test_a_cancelled_reader_loses_nothing() -> None:
    box = Mailbox(4)
    reader = asyncio.create_task(box.get())
    await asyncio.sleep(0)
    reader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    box.put_nowait("kept")  # no reader waits now: it stays in the box
    assert await asyncio.wait_for(box.get(), 1) == "kept"
