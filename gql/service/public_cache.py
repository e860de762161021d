"""Answers to anonymous queries, kept until public data changes (the hot first page every phone opens).

Invalidation: every alert-log event seen by this process's watcher (publications, level changes, lifts
through any worker), every mutation through this process, and a short time-to-live that bounds how
long a recall or credit change made through another worker can stay unseen.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterator

from strawberry.types.graphql import OperationType
from strawberry.extensions import SchemaExtension

MAX_ENTRIES = 512
TTL_SECONDS = 2.0
MAX_BODY = 8 * 1024  # only small request bodies are worth a key


class PublicCache:
    """A bounded LRU of response bodies tagged with the data generation they were computed in."""

    def __init__(self, max_entries: int = MAX_ENTRIES, ttl: float = TTL_SECONDS) -> None:
        self.max_entries = max_entries
        self.ttl = ttl
        self.generation = 0
        self._entries: OrderedDict[bytes, tuple[int, float, bytes]] = OrderedDict()

    def invalidate(self) -> None:
        """Public data changed: nothing cached before now may be served."""
        self.generation += 1
        self._entries.clear()

    def get(self, key: bytes) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] != self.generation or time.monotonic() - entry[1] > self.ttl:
            return None
        self._entries.move_to_end(key)
        return entry[2]

    def put(self, key: bytes, generation: int, body: bytes) -> None:
        """Store an answer computed while `generation` was current (dropped if data changed meanwhile)."""
        if generation != self.generation:
            return
        self._entries[key] = (generation, time.monotonic(), body)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


public_cache = PublicCache()


class PublicCacheHints(SchemaExtension):
    """Marks an HTTP request's answer as cacheable (an error-free query) and drops the cache after a mutation."""

    def on_operation(self) -> Iterator[None]:
        yield
        ctx = self.execution_context
        try:
            op_type = ctx.operation_type
        except Exception:
            return
        ok = not ctx.pre_execution_errors and not (ctx.result is not None and ctx.result.errors)
        if op_type is OperationType.MUTATION:
            public_cache.invalidate()
        elif op_type is OperationType.QUERY and ok:
            state = ctx.context.request.scope.get("state")
            if isinstance(state, dict):
                state["cacheable"] = True
