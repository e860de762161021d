"""Query shapes that work on both a real MongoDB and the embedded server (workarounds in one place).

Measured on nx-27017 0.8.1: `{field: ObjectId(...)}` (and `$eq`) never matches on a field other
than `_id`, while `{field: {"$in": [ObjectId(...)]}}` does. Both mean the same on MongoDB.
`$in` on any field but `_id` scans the collection, where equality on a scalar string field uses its index
(`find_keyed`); equality never matches digit strings inside arrays. An upsert stores an ObjectId `_id` taken from its
filter as the hex string (found again by the ObjectId): read such `_id`s through `object_id`.
Values given to update operators (`$set`, `$push`) that are dates or sub-documents are stored as strings:
write whole documents (`replace_one` with a revision condition) instead.
In an aggregation `$match`, a comparison with a date is wrong (`$gte` 2030 matched every published
warning, `$lt` matched none) while `find` and the `count` command get it right.
A compound index serves a query only when the query gives every one of its fields by equality: by its first field
alone (a consumer's complaints, newest first) the server scans or walks the sort key (100 k documents: 110 ms, or
14 ms for an owner of 1 in 500 and the whole collection for a rare one; 1.3 ms with that field indexed alone). So
the first field of every compound index is indexed alone as well (`FEW_VALUED_PREFIXES` excepted), which MongoDB does
not need (a compound index's prefix serves it there) and only pays for in writes.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import UpdateOne
from pymongo.errors import BulkWriteError

from documents.db.client import is_embedded

# Compound-index prefixes with a handful of values (statuses, credit tiers): walking the sort key finds a page sooner
# than reading every document of one value and sorting them, on both stores, so they are not indexed alone.
FEW_VALUED_PREFIXES = frozenset({"status", "credit_level"})


def object_id(value: Any) -> ObjectId:
    """An `_id` read back as an ObjectId, whichever form the store kept (see above)."""
    return value if isinstance(value, ObjectId) else ObjectId(str(value))


def same_id(value: Any) -> dict[str, list[Any]]:
    """Equality on an ObjectId-valued field other than `_id`."""
    return {"$in": [value]}


def has_element(value: Any) -> dict[str, list[Any]]:
    """An array field contains `value`."""
    return {"$in": [value]}


# Measured on the embedded server at 10 k and 100 k warnings: `$in` on a field but `_id` costs ~1.9 ms per 1,000
# documents of the collection (a scan), one indexed equality ~0.5 ms whatever the size.
SCAN_MS_PER_1000 = 1.9
EQUALITY_MS = 0.5
_SIZE_SECONDS = 60.0
_sizes: dict[str, tuple[float, int]] = {}


async def estimated_size(collection: Any) -> int:
    """The collection's estimated document count, kept a minute per process (it only steers a cost choice)."""
    now = time.monotonic()
    known = _sizes.get(collection.full_name)
    if known is None or now - known[0] > _SIZE_SECONDS:
        known = _sizes[collection.full_name] = (now, int(await collection.estimated_document_count()))
    return known[1]


# Reading one candidate's id from an entries collection (by an indexed equality or range) and fetching its document
# by `_id`: ~0.025 ms each on the embedded server (20 + 5 µs, 100 k entries).
CANDIDATE_MS = 0.025


def most_candidates(documents: int, page: int = 21) -> int:
    """How many candidate ids cost less to read than walking `documents` in a list's own order until a page of them
    turns up (page × documents / candidates documents, at SCAN_MS_PER_1000): ~130 at 10 k, ~1,260 at 1 M. At the
    limit either way costs √(page × documents × scan × per-candidate): 3.5 ms at 10 k, 35 ms at 1 M."""
    return max(page, math.isqrt(int(page * documents * SCAN_MS_PER_1000 / 1000 / CANDIDATE_MS)))


def matches_nothing(query: dict[str, Any]) -> bool:
    """An empty `_id $in` (no candidates, nothing changed), at the top or in any `$and` part: no document can match,
    and the embedded server reads them all to say so (10 k warnings, sorted: 250 ms)."""
    restriction = query.get("_id")
    if isinstance(restriction, dict) and restriction.get("$in") == []:
        return True
    return any(matches_nothing(part) for part in query.get("$and", ()) if isinstance(part, dict))


def equalities_cost_less(keys: int, documents: int) -> bool:
    """On the embedded server: `keys` indexed equalities cost less than one `$in` scan of `documents`."""
    return keys * EQUALITY_MS < documents / 1000 * SCAN_MS_PER_1000


async def find_keyed(collection: Any, field: str, keys: list[Any], projection: dict | None = None,
                     session: Any = None) -> list[dict]:
    """Documents whose scalar `field` is one of `keys`: one `$in` query; on the embedded server one indexed
    equality per string key, all at once, when that costs less than the scan its `$in` makes on any field but `_id`
    (20 keys: above ~5,000 documents; 20 enterprises by `uscc` at 100 k warnings: 38 ms as `$in`, 10 ms as
    equalities)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    if (field != "_id" and is_embedded() and all(isinstance(k, str) for k in keys)
            and equalities_cost_less(len(keys), await estimated_size(collection))):
        if session is not None:  # one command at a time in a transaction's session
            return [doc for k in keys for doc in await collection.find({field: k}, projection, session=session)
                    .to_list(None)]
        found = await asyncio.gather(*(collection.find({field: k}, projection).to_list(None) for k in keys))
        return [doc for docs in found for doc in docs]
    return list(await collection.find({field: {"$in": keys}}, projection, session=session).to_list(None))


async def each_batch(collection: Any, projection: dict[str, Any], work: Callable[[list[dict]], Awaitable[int]],
                     batch: int = 1000) -> int:
    """Run `work` over every document of `collection` (projected), `batch` at a time; returns the sum of its counts."""
    done, pending = 0, []
    async for doc in collection.find({}, projection):
        pending.append(doc)
        if len(pending) >= batch:
            done += await work(pending)
            pending = []
    return done + (await work(pending) if pending else 0)


async def set_missing(collection: Any, projection: dict[str, Any], fields: Callable[[dict], dict | None]) -> int:
    """A start-up upgrade's pass: `$set` the `fields(doc)` of every document (projected) that gets some, a batch at a
    time (scalar values only: the embedded server stores dates and sub-documents given to `$set` as strings);
    returns how many documents changed."""
    async def fill(docs: list[dict]) -> int:
        updates = [UpdateOne({"_id": d["_id"]}, {"$set": values}) for d in docs if (values := fields(d))]
        return int((await collection.bulk_write(updates, ordered=False)).modified_count) if updates else 0

    return await each_batch(collection, projection, fill)


async def insert_missing(collection: Any, docs: list[dict]) -> int:
    """Insert `docs`, keeping those already there (duplicate keys); returns how many were new."""
    if not docs:
        return 0
    try:
        return len((await collection.insert_many(docs, ordered=False)).inserted_ids)
    except BulkWriteError as e:
        if any(err.get("code") != 11000 for err in e.details.get("writeErrors", [])):
            raise
        return int(e.details.get("nInserted", 0))


def _has_object_id(value: Any) -> bool:
    if isinstance(value, ObjectId):
        return True
    if isinstance(value, dict):
        return any(_has_object_id(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_object_id(v) for v in value)
    return False


def _has_date(value: Any) -> bool:
    if isinstance(value, datetime):
        return True
    if isinstance(value, dict):
        return any(_has_date(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_date(v) for v in value)
    return False


async def count_matching(collection: Any, query: dict[str, Any]) -> int:
    """Documents matching `query`: `$count` (PyMongo's count_documents is 500x slower on the embedded
    server), or the `count` command when the query compares dates (`$match` gets those wrong there)."""
    if matches_nothing(query):
        return 0
    if _has_object_id(query):
        # Neither `$count` nor the `count` command binds an ObjectId there ("type 'ObjectId' is not supported";
        # count_documents answers 0), while `find` does: count the ids it returns (the change feed's `_id: {$in}`
        # is bounded by the ids that changed).
        return len(await collection.find(query, {"_id": 1}).to_list(None))
    if _has_date(query):
        reply = await collection.database.command("count", collection.name, query=query)
        return int(reply["n"])
    async for row in await collection.aggregate([{"$match": query}, {"$count": "n"}]):
        return int(row["n"])
    return 0
