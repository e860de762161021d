"""Execute a subscription event once per audience instead of once per subscriber.

The alert stream yields one shared root object per (event, audience) — viewers who see the same
data (see `auth.visibility.audience.audience_key`). Executing the same selection on it gives the same result,
so the first subscriber's result is kept on the root object and reused by the others (about
175 µs of field resolution per delivery saved). Results depend on the operation and on the
variables used below the subscription's root field, and on nothing else; both are in the key.
"""

from __future__ import annotations

import contextvars
from typing import Any

from graphql import OperationDefinitionNode, OperationType, VariableNode, visit
from graphql.language import Visitor
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from gql.core.metrics import SUBSCRIPTION_RESULTS

# Bound once: `labels()` takes a lock and a lookup, and this runs once per subscriber per event.
_EXECUTED = SUBSCRIPTION_RESULTS.labels("executed")
_SHARED = SUBSCRIPTION_RESULTS.labels("shared")

_nested_variables_cache: dict[int, tuple[OperationDefinitionNode, tuple[str, ...]]] = {}
_CACHE_LIMIT = 1024


class _VariableCollector(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_variable(self, node: VariableNode, *_args: Any) -> None:
        self.names.add(node.name.value)


def _nested_variables(operation: OperationDefinitionNode) -> tuple[str, ...]:
    """Variables used inside the root fields' selections (not in the root fields' own arguments)."""
    cached = _nested_variables_cache.get(id(operation))
    if cached is not None and cached[0] is operation:
        return cached[1]
    collector = _VariableCollector()
    for selection in operation.selection_set.selections:
        inner = getattr(selection, "selection_set", None)
        if inner is not None:
            visit(inner, collector)
    names = tuple(sorted(collector.names))
    if len(_nested_variables_cache) >= _CACHE_LIMIT:
        _nested_variables_cache.clear()
    _nested_variables_cache[id(operation)] = (operation, names)
    return names


_shared_uncounted = 0


def counted_shared() -> None:
    """Count a result reused from its audience without executing (the alert hub's direct sends): added up here,
    and added to the metric once per batch by `flush_shared_count` (the metric's lock costs ~1 us a delivery)."""
    global _shared_uncounted
    _shared_uncounted += 1


def flush_shared_count() -> None:
    global _shared_uncounted
    if _shared_uncounted:
        _SHARED.inc(_shared_uncounted)
        _shared_uncounted = 0


# The subscription operation being started: its resolver renders live events with it (gql/alerts/subscription.py).
current_subscription: contextvars.ContextVar[SharedResultExecutionContext | None] = contextvars.ContextVar(
    "current_subscription", default=None)


class SharedResultExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Reuses a per-event result kept on a root value that offers `shared_results`."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        built = super().build(*args, **kwargs)
        if isinstance(built, SharedResultExecutionContext) and \
                built.operation.operation is OperationType.SUBSCRIPTION:
            # Set in the subscription's own task (contexts are per task), so no other operation sees it.
            current_subscription.set(built)
        return built

    @property
    def result_key(self) -> tuple:
        """What a shared result depends on besides its root object: the operation and the variables used below
        the root field."""
        values: Any = getattr(self.variable_values, "coerced", self.variable_values) or {}
        return id(self.operation), tuple((n, repr(values.get(n))) for n in _nested_variables(self.operation))

    def execute_operation(self, *args: Any, **kwargs: Any) -> Any:
        shared = getattr(self.root_value, "shared_results", None)
        if shared is None:
            return super().execute_operation(*args, **kwargs)
        key = self.result_key
        hit = shared.get(key)
        if hit is not None and hit[0] is self.operation:
            _SHARED.inc()
            return hit[1]
        _EXECUTED.inc()
        result = super().execute_operation(*args, **kwargs)
        if self.is_awaitable(result):
            return self._store_when_done(shared, key, result)
        shared[key] = (self.operation, result)
        return result

    async def _store_when_done(self, shared: dict, key: tuple, pending: Any) -> Any:
        result = await pending
        shared[key] = (self.operation, result)
        return result
