"""Stopping in bounded time: background tasks that will not end, and the cross-process transaction lock when a
waiter is cancelled. Pure asyncio and files, no service."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
from pathlib import Path

import pytest

from documents.core.background import bounded, cancel_and_wait
from documents.db.transactions import _SerialTransactions


def _free(lock_path: Path) -> bool:
    """True when another open file description can take the lock at once (as another worker would)."""
    fd = os.open(lock_path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing releases a lock taken here
    return True


async def test_a_waiter_cancelled_on_the_file_lock_does_not_keep_it(tmp_path: Path) -> None:
    lock_path = tmp_path / "transactions.lock"
    serial = _SerialTransactions(lock_path)
    other_worker = os.open(lock_path, os.O_RDWR)
    fcntl.flock(other_worker, fcntl.LOCK_EX)  # another worker is in a transaction

    async def transaction() -> None:
        async with serial.held():
            pytest.fail("ran while another worker held the lock")

    waiter = asyncio.create_task(transaction())
    await asyncio.sleep(0.2)  # its thread now waits on flock
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    fcntl.flock(other_worker, fcntl.LOCK_UN)  # the other worker's transaction ends; the thread takes the lock
    os.close(other_worker)
    for _ in range(50):
        if _free(lock_path) and not serial.local.locked():
            break
        await asyncio.sleep(0.05)
    assert _free(lock_path), "the cancelled waiter's thread kept the file lock: other workers would wait for ever"
    assert not serial.local.locked()
    async with serial.held():  # and this process can still run transactions
        assert not _free(lock_path)
    assert _free(lock_path)


async def test_a_task_that_ignores_its_cancellation_does_not_hold_up_the_stop(caplog: pytest.LogCaptureFixture) -> None:
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                continue  # a task that swallows its cancellation

    task = asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, logger="qsradar.shutdown"):
        await asyncio.wait_for(cancel_and_wait(task, seconds=0.2), 2)
    assert "stubborn" in caplog.text
    release.set()
    task.cancel()
    await asyncio.wait({task}, timeout=2)


async def test_a_stuck_or_failing_step_is_logged_and_the_next_one_runs(caplog: pytest.LogCaptureFixture) -> None:
    async def failing() -> None:
        raise RuntimeError("boom")

    with caplog.at_level(logging.WARNING, logger="qsradar.shutdown"):
        await asyncio.wait_for(bounded("hung step", asyncio.sleep(30), seconds=0.2), 2)
        await bounded("failing step", failing())
    assert "hung step did not finish" in caplog.text
    assert "failing step failed" in caplog.text
