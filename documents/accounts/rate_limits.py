"""Fixed-window attempt counters shared by every worker (kept in the database, not in memory).

An attempt is reserved (counted) before the expensive check it guards, in one atomic update that is
refused once the limit is reached, so concurrent attempts cannot all pass a check-then-count gap.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from beanie import Document
from pydantic import Field
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from documents.core.clock import utcnow

# Racing window creations retry; a handful of rounds always settles (each round someone wins).
_MAX_ROUNDS = 8


class RateCounter(Document):
    """Attempts (failures, or reservations not yet released) for one key within the window from `window_start`."""

    id: str  # type: ignore[assignment]
    window_start: datetime
    failures: int = 0
    expires_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "rate_counters"


async def current_count(key: str, window: timedelta) -> tuple[int, datetime | None]:
    """Attempts counted for `key` in its open window, and when that window ends."""
    doc = await RateCounter.get_pymongo_collection().find_one({"_id": key})
    if not doc or doc["window_start"] + window <= utcnow():
        return 0, None
    return int(doc["failures"]), doc["window_start"] + window


async def reserve(key: str, limit: int, window: timedelta) -> datetime | None:
    """Count one attempt for `key` unless `limit` are already counted in its open window.

    Returns None when the attempt is counted, else the end of the window that refuses it.
    """
    coll = RateCounter.get_pymongo_collection()
    for _ in range(_MAX_ROUNDS):
        now = utcnow()
        if limit <= 0:
            return now + window
        counted = await coll.find_one_and_update(
            {"_id": key, "window_start": {"$gt": now - window}, "failures": {"$lt": limit}},
            {"$inc": {"failures": 1}}, return_document=ReturnDocument.AFTER)
        if counted is not None:
            return None
        doc = await coll.find_one({"_id": key})
        if doc is not None and doc["window_start"] > now - window:
            if int(doc["failures"]) >= limit:
                return doc["window_start"] + window
            continue  # a slot was released meanwhile
        fresh = {"window_start": now, "failures": 1, "expires_at": now + window}
        if doc is not None:
            # Reopen the expired window only if nobody reopened it first (the filter pins the old start).
            # A whole-document replace, not $set: the embedded server stores $set dates as strings.
            reopened = await coll.replace_one({"_id": key, "window_start": doc["window_start"]}, fresh)
            if reopened.matched_count:
                return None
            continue
        try:
            await coll.insert_one({"_id": key, **fresh})
            return None
        except DuplicateKeyError:
            continue  # another attempt created the window first: count against it
    # Under extreme contention, refuse rather than let an attempt through uncounted.
    return utcnow() + window


async def release(key: str) -> None:
    """Give back one reserved attempt (it turned out not to be a failure)."""
    await RateCounter.get_pymongo_collection().update_one(
        {"_id": key, "failures": {"$gt": 0}}, {"$inc": {"failures": -1}})


async def reserve_all(keys: list[tuple[str, int]], window: timedelta) -> datetime | None:
    """Reserve one attempt under every (key, limit); all or none. None when reserved, else when to retry."""
    reserved: list[str] = []
    for key, limit in keys:
        refused_until = await reserve(key, limit, window)
        if refused_until is not None:
            # A refused attempt is never checked, so it must not count against the other keys either.
            for done in reserved:
                await release(done)
            return refused_until
        reserved.append(key)
    return None


async def add_failure(key: str, window: timedelta) -> int:
    """Count one failure for `key` unconditionally, opening a new window when the old one has passed."""
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
    """Forget the attempts of `key` (after a successful sign-in)."""
    await RateCounter.get_pymongo_collection().delete_one({"_id": key})
