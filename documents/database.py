"""The database connection: PyMongo's async client and Beanie's registry of documents."""

from __future__ import annotations

from collections.abc import Callable

from beanie import init_beanie
from pymongo import AsyncMongoClient, monitoring

from documents.account import Account
from documents.agency_client import AgencyClient
from documents.alert_event import AlertEvent
from documents.audit import AuditEntry
from documents.counter import Counter
from documents.enterprise import Enterprise
from documents.rate_limit import RateCounter
from documents.recall import Recall
from documents.seed_marker import SeedMarker
from documents.token_family import RefreshToken, TokenFamily

_client: AsyncMongoClient | None = None


def all_documents() -> list[type]:
    """Every Beanie document of the service (imported late: warning imports this module)."""
    from documents.warning import Warning

    return [Account, AgencyClient, AlertEvent, AuditEntry, Counter, Enterprise, RateCounter, Recall,
            RefreshToken, SeedMarker, TokenFamily, Warning]


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


async def connect(uri: str, database_name: str, on_command: Callable[[], None] | None = None) -> AsyncMongoClient:
    """Open the client, register the documents and create their indexes."""
    global _client
    listeners = [_CommandCounter(on_command)] if on_command else []
    client: AsyncMongoClient = AsyncMongoClient(
        uri, tz_aware=True, serverSelectionTimeoutMS=5000, connectTimeoutMS=3000, appname="qsradar",
        event_listeners=listeners,
    )
    await init_beanie(database=client[database_name], document_models=all_documents())
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


async def lacks_transaction_isolation() -> bool:
    """True for the embedded nx-27017 server (see documents/transactions.py); a real MongoDB isolates."""
    info = await get_client().admin.command("buildInfo")
    return info.get("process") == "nx_27017"
