"""Fixed-window failure counters shared by every worker (kept in the database, not in memory)."""

from __future__ import annotations

from datetime import datetime, timedelta

from beanie import Document
from pydantic import Field
from pymongo import ReturnDocument

from documents.clock import utcnow


class RateCounter(Document):
    """Failures for one key (e.g. "signin:email:x@y") within the window that began at `window_start`."""

    id: str  # type: ignore[assignment]
    window_start: datetime
    failures: int = 0
    expires_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "rate_counters"


async def current_count(key: str, window: timedelta) -> tuple[int, datetime | None]:
    """Failures counted for `key` in its open window, and when that window ends."""
    doc = await RateCounter.get_pymongo_collection().find_one({"_id": key})
    if not doc or doc["window_start"] + window <= utcnow():
        return 0, None
    return int(doc["failures"]), doc["window_start"] + window


async def add_failure(key: str, window: timedelta) -> int:
    """Count one failure for `key`, opening a new window when the old one has passed."""
    now = utcnow()
    coll = RateCounter.get_pymongo_collection()
    doc = await coll.find_one_and_update(
        {"_id": key, "window_start": {"$gt": now - window}},
        {"$inc": {"failures": 1}},
        return_document=ReturnDocument.AFTER,
    )
    if doc is None:
        doc = {"_id": key, "window_start": now, "failures": 1, "expires_at": now + window}
        await coll.replace_one({"_id": key}, doc, upsert=True)
    return int(doc["failures"])


async def reset(key: str) -> None:
    """Forget the failures of `key` (after a successful sign-in)."""
    await RateCounter.get_pymongo_collection().delete_one({"_id": key})
