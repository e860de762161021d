"""Query shapes that work on both a real MongoDB and the embedded server (workarounds in one place).

Measured on nx-27017 0.8.1: `{field: ObjectId(...)}` (and `$eq`) never matches on a field other
than `_id`, while `{field: {"$in": [ObjectId(...)]}}` does. Both mean the same on MongoDB.
Values given to update operators (`$set`, `$push`) that are dates or sub-documents are stored as strings:
write whole documents (`replace_one` with a revision condition) instead.
In an aggregation `$match`, a comparison with a date is wrong (`$gte` 2030 matched every published
warning, `$lt` matched none) while `find` and the `count` command get it right.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId


def same_id(value: Any) -> dict[str, list[Any]]:
    """Equality on an ObjectId-valued field other than `_id`."""
    return {"$in": [value]}


def has_element(value: Any) -> dict[str, list[Any]]:
    """An array field contains `value`."""
    return {"$in": [value]}


def has_any(values: list[Any]) -> dict[str, list[Any]]:
    """An array field contains one of `values`: one query, where a query per value would each scan the collection
    on the embedded server (its `$in` on an array field does not use the field's index: ~5 ms per 1,000
    documents, measured; equality would use it but never matches digit strings in arrays). MongoDB serves both
    from the multikey index."""
    return {"$in": list(values)}


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
