"""Cost buckets (leaky buckets, GCRA form) shared by every worker: one small document per account or client.

A bucket of `maximum` points restored at `rate` points per second is kept as one number, `tat` (the
"theoretical arrival time", epoch seconds as a float): the bucket is full when `tat <= now`, and holds
`maximum - (tat - now) * rate` points otherwise. Taking `cost` points moves `tat` to `max(tat, now) + cost / rate`
and is allowed while the bucket stays non-negative, i.e. when `tat <= now + (maximum - cost) / rate`.

Conditional atomic updates, standard and safe under any number of racing workers: an idle bucket is set to
`now + cost / rate`, a busy one moves on by `cost / rate`, each only if the points are there (one command on the
common path). Times are epoch floats, never dates: the embedded server stores dates given to `$set` as strings.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from beanie import Document
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError


class CostBucket(Document):
    """The state of one bucket: `_id` names its owner (`client:<id>`, `account:<id>`)."""

    id: str  # type: ignore[assignment]
    tat: float = 0.0  # epoch seconds at which the bucket is full again

    class Settings:
        name = "cost_buckets"


@dataclass(frozen=True, slots=True)
class Taken:
    """The outcome of taking points: allowed or not, what is left, and when to retry when refused."""

    allowed: bool
    available: int
    retry_after: float = 0.0


def available_at(tat: float, now: float, maximum: int, rate: float) -> int:
    """Points available in a bucket whose state is `tat` (pure)."""
    return max(0, min(maximum, math.floor(maximum - max(0.0, tat - now) * rate)))


def decide(tat: float, now: float, cost: int, maximum: int, rate: float) -> tuple[bool, float]:
    """Pure GCRA step: (allowed, new tat); a refused take leaves the bucket unchanged."""
    start = max(tat, now)
    if cost > maximum or start - now > (maximum - cost) / rate + 1e-9:
        return False, tat
    return True, start + cost / rate


def retry_after(tat: float, now: float, cost: int, maximum: int, rate: float) -> float:
    """Seconds until `cost` points are available (pure); 0 when they already are."""
    return max(0.0, max(tat, now) - now - (maximum - cost) / rate)


# The last `tat` this process saw per bucket: only which single update to try first (one command instead of two on
# the common path), never whether points are taken. Bounded: cleared when it grows past the limit.
_last_tat: dict[str, float] = {}
_LAST_TAT_LIMIT = 10_000


async def take(key: str, cost: int, maximum: int, rate: float) -> Taken:
    """Take `cost` points from bucket `key` (created full) if they are there; shared by all workers."""
    coll = CostBucket.get_pymongo_collection()
    if cost > maximum:  # never allowed, whatever the bucket holds
        return await _refuse(coll, key, cost, maximum, rate)
    step = cost / rate
    tat = now = time.time()
    for _ in range(3):
        # `now` read afresh each round: a request that queued behind others would otherwise judge the bucket by a
        # stale clock while they moved `tat` on by theirs (100 concurrent calls on a slow database were refused
        # with points left).
        now = time.time()
        limit = now + (maximum - cost) / rate
        # Two conditional updates, each atomic and standard, cover GCRA's `max(tat, now) + step`: an idle bucket
        # (`tat < now`) is set to `now + step`, a busy one (`now <= tat <= limit`) moves on by `step`. Neither
        # matches a missing bucket or one without the points.
        idle = ({"_id": key, "tat": {"$lt": now}}, {"$set": {"tat": now + step}})
        busy = ({"_id": key, "tat": {"$gte": now, "$lte": limit}}, {"$inc": {"tat": step}})
        for query, update in ((idle, busy) if _last_tat.get(key, 0.0) < now else (busy, idle)):
            doc = await coll.find_one_and_update(query, update, return_document=ReturnDocument.AFTER)
            if doc is not None:
                _remember(key, float(doc["tat"]))
                return Taken(True, available_at(float(doc["tat"]), now, maximum, rate))
        current = await coll.find_one({"_id": key})
        if current is None:
            try:
                await coll.insert_one({"_id": key, "tat": now + step})
            except DuplicateKeyError:
                continue  # another worker made it meanwhile: take from it
            _remember(key, now + step)
            return Taken(True, available_at(now + step, now, maximum, rate))
        tat = float(current["tat"])
        _remember(key, tat)
        now = time.time()
        if retry_after(tat, now, cost, maximum, rate) > 0:
            return Taken(False, available_at(tat, now, maximum, rate), retry_after(tat, now, cost, maximum, rate))
        # The points are there now: the clock moved on, or others gave points back; try again.
    # Points there but no update applied, three times: the write itself fails silently (seen on the embedded server
    # with a full disk). A limiter that cannot write lets the request through rather than call it RATE_LIMITED:
    # reads go on, and a write fails on its own with its real error.
    return Taken(True, available_at(tat, now, maximum, rate))


async def _refuse(coll: Any, key: str, cost: int, maximum: int, rate: float) -> Taken:
    current = await coll.find_one({"_id": key})
    now = time.time()
    tat = float(current["tat"]) if current else now
    return Taken(False, available_at(tat, now, maximum, rate), retry_after(tat, now, cost, maximum, rate))


def _remember(key: str, tat: float) -> None:
    if len(_last_tat) >= _LAST_TAT_LIMIT:
        _last_tat.clear()
    _last_tat[key] = tat


async def give_back(key: str, points: int, rate: float) -> None:
    """Return points taken but not used (the actual cost was below the requested one)."""
    if points > 0:
        await CostBucket.get_pymongo_collection().update_one({"_id": key}, {"$inc": {"tat": -points / rate}})


async def peek(key: str, maximum: int, rate: float) -> int:
    """Points available now, without taking any."""
    doc = await CostBucket.get_pymongo_collection().find_one({"_id": key})
    return available_at(float(doc["tat"]), time.time(), maximum, rate) if doc else maximum
