"""Multi-document transactions, so that a change and its alert event commit together.

On a real MongoDB replica set transactions are isolated and the driver retries write conflicts.
The embedded server (nx-27017) accepts transactions but runs every session on one shared SQLite
connection: two open transactions nest as savepoints (committing the inner one then fails with
"no such savepoint"), an abort rolls back whatever other clients wrote meanwhile, and uncommitted
writes are visible. Against that server, transactions therefore run one at a time, in this process
(an asyncio lock) and across the workers that share the data directory (a file lock), and callers
do their checks before the first write (`precheck`) so that no transaction aborts for a business
reason. Measured with tests/test_warnings.py::test_concurrent_writes_lose_nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import PyMongoError

from documents.db.client import get_client

T = TypeVar("T")


class _SerialTransactions:
    """One transaction at a time across the processes that share a lock file."""

    def __init__(self, lock_path: Path) -> None:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        self.local = asyncio.Lock()  # at most one thread per process waits on the file lock

    @asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        await self.local.acquire()
        try:
            # Free (the common case): taken at once, without the ~0.5 ms round trip through a thread.
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            acquiring = asyncio.ensure_future(asyncio.to_thread(fcntl.flock, self.fd, fcntl.LOCK_EX))
            try:
                await asyncio.shield(acquiring)
            except BaseException:
                # Cancelled while the thread waits: it still takes the file lock later, and nobody would release it
                # (every other process would then wait for ever). Release both locks once it has.
                acquiring.add_done_callback(self._release_after_cancel)
                raise
        except BaseException:
            self.local.release()
            raise
        try:
            yield
        finally:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            self.local.release()

    def _release_after_cancel(self, acquiring: asyncio.Future[None]) -> None:
        if not acquiring.cancelled() and acquiring.exception() is None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        self.local.release()


_serial: _SerialTransactions | None = None
# The callbacks of the transaction attempt running in this task (see `on_commit`).
_on_commit: ContextVar[list[Callable[[], None]] | None] = ContextVar("on_commit", default=None)


def on_commit(callback: Callable[[], None]) -> None:
    """Call `callback` once the transaction running in this task commits; never if it aborts (an attempt the
    driver retries forgets its callbacks). Outside a transaction, at once."""
    pending = _on_commit.get()
    if pending is None:
        callback()
    else:
        pending.append(callback)


def serialise_transactions(enabled: bool, lock_path: Path) -> None:
    """Run transactions one at a time (for a store without isolation), across the processes that
    share `lock_path`."""
    global _serial
    if _serial is not None:
        os.close(_serial.fd)
    _serial = _SerialTransactions(lock_path) if enabled else None


async def in_transaction(work: Callable[[AsyncClientSession], Awaitable[T]],
                         precheck: Callable[[], Awaitable[None]] | None = None) -> T:
    """Run `work(session)` in one transaction, retried by the driver on transient errors.

    On a store without isolation `precheck` runs first, inside the serialisation: raise there,
    not in `work`. An isolated store needs no pre-check (`work` may abort safely), so it is skipped.
    """
    if _serial is None:
        return await _run(work)
    async with _serial.held():
        if precheck is not None:
            await precheck()
        return await _run(work)


async def _run(work: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
    callbacks: list[Callable[[], None]] = []

    async def attempt(session: AsyncClientSession) -> T:
        callbacks.clear()  # a retried attempt starts afresh: what the aborted one registered never happened
        token = _on_commit.set(callbacks)
        try:
            return await work(session)
        finally:
            _on_commit.reset(token)

    async with get_client().start_session() as session:
        try:
            result = await session.with_transaction(attempt)
        except PyMongoError:
            if _serial is not None:
                # The embedded server keeps a transaction whose COMMIT failed (e.g. SQLITE_FULL) open on its one
                # SQLite connection, and the next commit would make it durable: roll it back explicitly.
                with contextlib.suppress(PyMongoError):
                    await get_client().admin.command("abortTransaction", session=session)
            raise
    for callback in callbacks:
        callback()
    return result
