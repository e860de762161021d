"""Cost buckets (leaky buckets, GCRA form) shared by every worker: one small document per account or client.

A bucket of `maximum` points restored at `rate` points per second is kept as one number, `tat` (the
"theoretical arrival time", epoch seconds as a float): the bucket is full when `tat <= now`, and holds
`maximum - (tat - now) * rate` points otherwise. Taking `cost` points moves `tat` to `max(tat, now) + cost / rate`
and is allowed while the bucket stays non-negative, i.e. when `tat <= now + (maximum - cost) / rate`.

Two atomic, standard updates, safe under any number of racing workers: `$max` lifts `tat` to `now` (creating the
bucket), then a conditional `$inc` takes the points only if they are there. Times are epoch floats, never dates:
the embedded server stores dates given to `$max`/`$set` as strings.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from beanie import Document
from pymongo import ReturnDocument


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


async def take(key: str, cost: int, maximum: int, rate: float) -> Taken:
    """Take `cost` points from bucket `key` (created full) if they are there; shared by all workers."""
    coll = CostBucket.get_pymongo_collection()
    await coll.update_one({"_id": key}, {"$max": {"tat": time.time()}}, upsert=True)
    # `now` read after the lift: a request that queued behind others would otherwise judge the bucket by a stale
    # clock while they moved `tat` on by theirs (100 concurrent calls on a slow database were refused with points left).
    now = time.time()
    limit = now + (maximum - cost) / rate
    doc = await coll.find_one_and_update({"_id": key, "tat": {"$lte": limit}}, {"$inc": {"tat": cost / rate}},
                                         return_document=ReturnDocument.AFTER)
    if doc is not None:
        return Taken(True, available_at(float(doc["tat"]), now, maximum, rate))
    current = await coll.find_one({"_id": key})
    tat = float(current["tat"]) if current else now
    wait = retry_after(tat, now, cost, maximum, rate)
    if wait <= 0:
        # The points are there but the take did not apply: the write itself failed silently (seen on the embedded
        # server with a full disk). A limiter that cannot write lets the request through rather than call it
        # RATE_LIMITED: reads go on, and a write fails on its own with its real error.
        return Taken(True, available_at(tat, now, maximum, rate))
    return Taken(False, available_at(tat, now, maximum, rate), wait)


async def give_back(key: str, points: int, rate: float) -> None:
    """Return points taken but not used (the actual cost was below the requested one)."""
    if points > 0:
        await CostBucket.get_pymongo_collection().update_one({"_id": key}, {"$inc": {"tat": -points / rate}})


async def peek(key: str, maximum: int, rate: float) -> int:
    """Points available now, without taking any."""
    doc = await CostBucket.get_pymongo_collection().find_one({"_id": key})
    return available_at(float(doc["tat"]), time.time(), maximum, rate) if doc else maximum
