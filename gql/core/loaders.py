"""Per-request DataLoaders: each domain defines loader factories, the request memoises one loader per
factory, so nested fields never query per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

K = TypeVar("K")
V = TypeVar("V")


class Loaders:
    """The loaders of one request (or one WebSocket event)."""

    def __init__(self) -> None:
        self._made: dict[Callable[[], Any], Any] = {}

    def get(self, factory: Callable[[], DataLoader[K, V]]) -> DataLoader[K, V]:
        """The request's loader made by `factory` (made on first use)."""
        loader = self._made.get(factory)
        if loader is None:
            loader = self._made[factory] = factory()
        return loader


async def by_field(collection: Any, field: str, keys: list[Any], projection: dict | None = None) -> list[Any]:
    """One document per key (None where there is none), in one query."""
    by_key = {doc[field]: doc async for doc in collection.find({field: {"$in": list(keys)}}, projection)}
    return [by_key.get(k) for k in keys]


async def many_by_field(collection: Any, field: str, keys: list[Any], sort: str) -> list[list[dict]]:
    """Every document per key (a field that is a list counts for each element), newest first, in one query."""
    grouped: dict[Any, list[dict]] = defaultdict(list)
    async for doc in collection.find({field: {"$in": list(keys)}}).sort(sort, -1):
        value = doc.get(field)
        for k in value if isinstance(value, list) else [value]:
            grouped[k].append(doc)
    return [grouped.get(k, []) for k in keys]
