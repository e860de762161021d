"""The database connection: PyMongo's async client, with Beanie initialised on the registry's documents."""

from __future__ import annotations

from collections.abc import Callable

from beanie import Document, init_beanie
from pymongo import AsyncMongoClient, monitoring

_client: AsyncMongoClient | None = None
_embedded = False


class _CommandCounter(monitoring.CommandListener):
    """Counts database round trips (for metrics and the N+1 check in the benchmarks)."""

    def __init__(self, on_command: Callable[[], None]) -> None:
        self.on_command = on_command

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.on_command()

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


async def connect(uri: str, database_name: str, documents: list[type[Document]],
                  on_command: Callable[[], None] | None = None, timeout_ms: int | None = None) -> AsyncMongoClient:
    """Open the client, register `documents` (documents.db.registry) and create their indexes.

    `timeout_ms` (default: QSRADAR_DB_TIMEOUT_MS) bounds every operation, retries included.
    """
    global _client, _embedded
    listeners = [_CommandCounter(on_command)] if on_command else []
    if timeout_ms is None:
        from documents.settings import get_settings

        timeout_ms = get_settings().db_timeout_ms
    # timeoutMS is PyMongo's client-side operation timeout (CSOT): a frozen or unreachable database
    # gives a PyMongoError (`.timeout` true) after at most this long, instead of hanging the request.
    # Server selection and connecting are bounded by it too, so neither may wait longer.
    client: AsyncMongoClient = AsyncMongoClient(
        uri, tz_aware=True, timeoutMS=timeout_ms, serverSelectionTimeoutMS=min(5000, timeout_ms),
        connectTimeoutMS=min(3000, timeout_ms), appname="qsradar", event_listeners=listeners,
    )
    await init_beanie(database=client[database_name], document_models=documents)
    _embedded = (await client.admin.command("buildInfo")).get("process") == "nx_27017"
    _client = client
    return client


def get_client() -> AsyncMongoClient:
    """The client opened by `connect`."""
    if _client is None:
        raise RuntimeError("database not connected")
    return _client


async def disconnect() -> None:
    """Close the client."""
    global _client
    if _client is not None:
        await _client.close()
        _client = None


async def ping(timeout_ms: int = 1000) -> bool:
    """True when the database answers within the timeout."""
    import asyncio

    try:
        await asyncio.wait_for(get_client().admin.command("ping"), timeout_ms / 1000)
        return True
    except Exception:
        return False


def is_embedded() -> bool:
    """True when `connect` reached the embedded nx-27017 server, not a real MongoDB (which isolates transactions and
    serves `$in` from indexes: documents/db/transactions.py, query_shapes.py)."""
    return _embedded
