"""Named monotonic counters (human codes like RW-2026-000123, alert-log sequence numbers)."""

from __future__ import annotations

from beanie import Document
from pymongo import ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession


class Counter(Document):
    """One counter per name; `value` only ever grows."""

    id: str  # type: ignore[assignment]
    value: int = 0

    class Settings:
        name = "counters"


async def next_value(name: str, session: AsyncClientSession | None = None) -> int:
    """Atomically increment counter `name` and return its new value (1 for a new counter)."""
    doc = await Counter.get_pymongo_collection().find_one_and_update(
        {"_id": name}, {"$inc": {"value": 1}}, upsert=True, return_document=ReturnDocument.AFTER, session=session
    )
    assert doc is not None  # upsert with ReturnDocument.AFTER always returns the document
    return int(doc["value"])
