"""One DataLoader per entity and key, memoised per request: nested fields never query per row."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.enterprise import Enterprise
from documents.recall import Recall
from documents.warning import Warning

WARNING_LIST_PROJECTION = {"search_text": 0, "hs_prefixes": 0}


async def _by_field(collection: Any, field: str, keys: list[Any], projection: dict | None = None) -> list[Any]:
    by_key = {doc[field]: doc async for doc in collection.find({field: {"$in": list(keys)}}, projection)}
    return [by_key.get(k) for k in keys]


async def _many_by_field(collection: Any, field: str, keys: list[Any], sort: str) -> list[list[dict]]:
    grouped: dict[Any, list[dict]] = defaultdict(list)
    async for doc in collection.find({field: {"$in": list(keys)}}).sort(sort, -1):
        value = doc.get(field)
        for k in value if isinstance(value, list) else [value]:
            grouped[k].append(doc)
    return [grouped.get(k, []) for k in keys]


class Loaders:
    """The loaders of one request. Values are raw documents (dicts); types map them."""

    @cached_property
    def warning_by_id(self) -> DataLoader[ObjectId, dict | None]:
        coll = Warning.get_pymongo_collection()
        return DataLoader(lambda keys: _by_field(coll, "_id", keys, WARNING_LIST_PROJECTION))

    @cached_property
    def enterprise_by_uscc(self) -> DataLoader[str, dict | None]:
        coll = Enterprise.get_pymongo_collection()
        return DataLoader(lambda keys: _by_field(coll, "uscc", keys))

    @cached_property
    def enterprise_by_id(self) -> DataLoader[ObjectId, dict | None]:
        coll = Enterprise.get_pymongo_collection()
        return DataLoader(lambda keys: _by_field(coll, "_id", keys))

    @cached_property
    def recall_by_id(self) -> DataLoader[ObjectId, dict | None]:
        coll = Recall.get_pymongo_collection()
        return DataLoader(lambda keys: _by_field(coll, "_id", keys))

    @cached_property
    def recalls_by_warning(self) -> DataLoader[ObjectId, list[dict]]:
        coll = Recall.get_pymongo_collection()
        return DataLoader(lambda keys: _many_by_field(coll, "warning_id", keys, "sort_key"))

    @cached_property
    def recalls_by_enterprise(self) -> DataLoader[str, list[dict]]:
        coll = Recall.get_pymongo_collection()
        return DataLoader(lambda keys: _many_by_field(coll, "enterprise_uscc", keys, "sort_key"))
