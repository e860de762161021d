"""Per-request DataLoaders: each domain defines loader factories, the request memoises one loader per
factory, so nested fields never query per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from documents.db.query_shapes import find_keyed

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
    """One document per key (None where there is none): one query, or one indexed equality per key on the embedded
    server (documents/db/query_shapes.py)."""
    by_key = {doc[field]: doc for doc in await find_keyed(collection, field, keys, projection)}
    return [by_key.get(k) for k in keys]


async def many_by_field(collection: Any, field: str, keys: list[Any], sort: str) -> list[list[dict]]:
    """Every document per key of a scalar `field`, newest first (by `sort`), as `by_field` finds them."""
    grouped: dict[Any, list[dict]] = defaultdict(list)
    for doc in sorted(await find_keyed(collection, field, keys), key=lambda d: d.get(sort) or "", reverse=True):
        grouped[doc.get(field)].append(doc)
    return [grouped.get(k, []) for k in keys]
