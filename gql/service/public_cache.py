"""Answers to anonymous queries, kept until public data changes (the hot first page every phone opens).

Invalidation: every change-log entry seen by this process's watcher (warnings, recalls, credit levels,
written through any worker) and every mutation through this process. Every write of public data writes
a change-log entry in its transaction, so no timer is needed and no stale window remains.
"""

from __future__ import annotations

from collections import OrderedDict

from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType

MAX_ENTRIES = 512
MAX_BODY = 8 * 1024  # only small request bodies are worth a key


class PublicCache:
    """A bounded LRU of response bodies tagged with the data generation they were computed in."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self.generation = 0
        self._entries: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()

    def invalidate(self) -> None:
        """Public data changed: nothing cached before now may be served."""
        self.generation += 1
        self._entries.clear()

    def get(self, key: bytes) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] != self.generation:
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: bytes, generation: int, body: bytes) -> None:
        """Store an answer computed while `generation` was current (dropped if data changed meanwhile)."""
        if generation != self.generation:
            return
        self._entries[key] = (generation, body)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


public_cache = PublicCache()


def hint_after_operation(ctx: ExecutionContext) -> None:
    """Mark an HTTP request's answer as cacheable (an error-free query); drop the cache after a mutation."""
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
