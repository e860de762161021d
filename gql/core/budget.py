"""Cost budgets (GitHub/Shopify style): every operation is costed before execution and paid from a leaky bucket.

- **Cost** (`requested`): the measure of gql/core/limits.py (each selected field 1, a connection multiplies its
  children by its `first`, the variable's value when given, the default page of 20 when omitted), and each root
  field of a mutation 10 instead of 1. Subscriptions are not costed (they are long-lived; their events are not).
- **Refusals**, before any database call: a query over `QSRADAR_MAX_QUERY_COST` → QUERY_TOO_COMPLEX; a query
  over what the bucket holds → RATE_LIMITED with `extensions.retryAfter` (and the view's `Retry-After` header).
- **Actual** cost: the same count over the answer (each field present 1, each list item counted), charged at most
  `requested`: the difference is given back after execution.
- **Buckets**: an agency client (`client:<id>`, its own size and rate on its AgencyClient document, else
  QSRADAR_BUDGET_MAXIMUM / QSRADAR_BUDGET_RESTORE_RATE) and a signed-in account (`account:<id>`) have one bucket
  shared by all workers, in the database (documents/accounts/buckets.py). Anonymous callers have a bucket per
  address **in each process** (no database round trip, so cached public answers stay cheap): full size, restored
  at `rate / WEB_CONCURRENCY`, so the sustained rate over all workers is the configured one, and a burst may
  reach `WEB_CONCURRENCY × maximum` at worst (each worker's bucket starts full).
- **Reporting**: `extensions.cost {requested, actual, throttleStatus {maximum, currentlyAvailable, restoreRate}}`.
- **Usage** of agency clients per UTC day (requests, cost charged, requests with errors): counted in memory here and
  flushed every few seconds by documents/accounts/agency_usage.py (no database write per request).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType
from strawberry.extensions import SchemaExtension

from auth.viewer import Viewer
from documents.accounts import agency_usage, buckets
from documents.accounts.agency_clients import AgencyClient
from documents.settings import get_settings
from gql.core.errors import ErrorCode
from gql.core.limits import measure_operations

MUTATION_FIELD_COST = 10
CLIENT_CACHE_SECONDS = 5.0  # a client's budget settings are re-read at most this often per process
MAX_LOCAL_BUCKETS = 10_000  # anonymous addresses remembered per process (full buckets are the first to go)


@dataclass(frozen=True, slots=True)
class Limits:
    """A bucket's size (points) and restore rate (points per second)."""

    maximum: int
    rate: float


def requested_cost(operation: OperationDefinitionNode, measure_cost: int) -> int:
    """The requested cost of an operation: its measure, with each root mutation field at MUTATION_FIELD_COST."""
    if operation.operation is OperationType.MUTATION:
        roots = sum(isinstance(s, FieldNode) for s in operation.selection_set.selections)
        return measure_cost + roots * (MUTATION_FIELD_COST - 1)
    return measure_cost


def measure_request(document: Any, operation_name: str | None, variables: dict[str, Any] | None,
                    ) -> tuple[OperationDefinitionNode, int] | None:
    """(operation, requested cost) of the operation a request runs; None when it names none of the document's."""
    chosen = None
    for operation, m in measure_operations(document, variables or {}):
        name = operation.name.value if operation.name else None
        if operation_name is None or name == operation_name:
            if chosen is not None and operation_name is None:
                return None  # several operations and no name: graphql-core refuses it
            chosen = (operation, requested_cost(operation, m.cost))
    return chosen


def actual_cost(data: Any, mutation_fields: int = 0) -> int:
    """The same count over an answer: each field present 1 (lists: each item's fields), iteratively."""
    total = 0
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            total += len(value)
            stack.extend(v for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(v for v in value if isinstance(v, dict | list))
    return total + mutation_fields * (MUTATION_FIELD_COST - 1)


# --- per-process anonymous buckets ------------------------------------------------------------------------------

class LocalBuckets:
    """Anonymous buckets of this process, per address (same GCRA arithmetic as the shared ones)."""

    def __init__(self) -> None:
        self._tat: OrderedDict[str, float] = OrderedDict()

    def take(self, key: str, cost: int, limits: Limits, now: float | None = None) -> buckets.Taken:
        now = time.time() if now is None else now
        tat = self._tat.get(key, now)
        allowed, new_tat = buckets.decide(tat, now, cost, limits.maximum, limits.rate)
        if not allowed:
            return buckets.Taken(False, buckets.available_at(tat, now, limits.maximum, limits.rate),
                                 buckets.retry_after(tat, now, cost, limits.maximum, limits.rate))
        self._tat[key] = new_tat
        self._tat.move_to_end(key)
        while len(self._tat) > MAX_LOCAL_BUCKETS:
            self._tat.popitem(last=False)
        return buckets.Taken(True, buckets.available_at(new_tat, now, limits.maximum, limits.rate))

    def give_back(self, key: str, points: int, limits: Limits) -> None:
        if points > 0 and key in self._tat:
            self._tat[key] -= points / limits.rate

    def clear(self) -> None:
        self._tat.clear()


local_buckets = LocalBuckets()


def anonymous_limits() -> Limits:
    """This process's share of an anonymous address's bucket: full size, restored at rate / WEB_CONCURRENCY."""
    s = get_settings()
    return Limits(s.anonymous_budget_maximum, s.anonymous_budget_restore_rate / s.web_concurrency)


_client_limits: dict[str, tuple[float, Limits]] = {}


async def limits_for(viewer: Viewer) -> Limits:
    """The bucket size and rate of a signed-in viewer (an agency client's own values when set)."""
    s = get_settings()
    if viewer.kind != "client" or viewer.subject_id is None:
        return Limits(s.account_budget_maximum, s.account_budget_restore_rate)
    default = Limits(s.budget_maximum, s.budget_restore_rate)
    now = time.monotonic()
    cached = _client_limits.get(viewer.subject_id)
    if cached and now - cached[0] < CLIENT_CACHE_SECONDS:
        return cached[1]
    client = await AgencyClient.find_one(AgencyClient.client_id == viewer.subject_id)
    limits = Limits(client.budget_maximum or default.maximum, client.budget_restore_rate or default.rate) \
        if client is not None else default
    if len(_client_limits) > 10_000:
        _client_limits.clear()
    _client_limits[viewer.subject_id] = (now, limits)
    return limits


def forget_client_limits(client_id: str) -> None:
    """Drop this process's cached budget of a client (changed by an admin): the new values apply at once here,
    within CLIENT_CACHE_SECONDS in other processes."""
    _client_limits.pop(client_id, None)


def bucket_key(viewer: Viewer, address: str | None) -> str:
    """Whose bucket pays: the client, the account, or (anonymous) the address."""
    if viewer.kind == "client":
        return f"client:{viewer.subject_id}"
    if viewer.kind == "account":
        return f"account:{viewer.subject_id}"
    return f"address:{address or 'unknown'}"


def throttle_status(limits: Limits, available: int) -> dict[str, Any]:
    return {"maximum": limits.maximum, "currentlyAvailable": available, "restoreRate": limits.rate}


def rate_limited_error(retry_after: float, requested: int, available: int) -> GraphQLError:
    seconds = max(1, math.ceil(retry_after))
    return GraphQLError(f"cost budget exhausted: this request costs {requested} points, {available} are available; "
                        f"retry after {seconds} s",
                        extensions={"code": ErrorCode.RATE_LIMITED.value, "retryAfter": seconds})


class CostBudget(SchemaExtension):
    """Costs each operation after validation (before execution), pays it from the caller's bucket, gives back
    what the answer did not use, and reports `extensions.cost`."""

    def __init__(self) -> None:
        self.report: dict[str, Any] | None = None
        self.charged = 0
        self.key = ""
        self.limits = Limits(1, 1.0)
        self.local = False
        self.mutation_fields = 0
        self.subscription = False

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        self._count_usage()

    def _count_usage(self) -> None:
        """An agency client's request, its charged cost and whether it failed, counted for its usage per day."""
        ctx = self.execution_context
        viewer = getattr(ctx.context, "viewer", None)
        if viewer is None or viewer.kind != "client" or viewer.subject_id is None or self.subscription \
                or getattr(ctx.context, "internal", False):
            return
        result = ctx.result
        failed = bool(ctx.pre_execution_errors) or bool(getattr(result, "errors", None))
        cost = min(int(self.report["actual"]), self.charged) if self.report is not None and self.charged else 0
        agency_usage.meter.add(viewer.subject_id, cost, failed)

    async def on_validate(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        internal = getattr(ctx.context, "internal", False)
        if not ctx.pre_execution_errors and ctx.graphql_document is not None and not internal:
            refusal = await self._charge()
            if refusal is not None:
                ctx.pre_execution_errors = [refusal]
        yield

    async def _charge(self) -> GraphQLError | None:
        ctx = self.execution_context
        measured = measure_request(ctx.graphql_document, ctx.operation_name, ctx.variables)
        if measured is not None and measured[0].operation is OperationType.SUBSCRIPTION:
            self.subscription = True
        if measured is None or self.subscription:
            return None
        operation, requested = measured
        if operation.operation is OperationType.MUTATION:
            self.mutation_fields = sum(isinstance(s, FieldNode) for s in operation.selection_set.selections)
        settings = get_settings()
        context = ctx.context
        viewer: Viewer = context.viewer
        if requested > settings.max_query_cost:
            # Refused before anything else, the database included (the bucket is not charged).
            self.report = {"requested": requested, "actual": 0, "throttleStatus": None}
            return GraphQLError(f"query cost {requested} exceeds the maximum of {settings.max_query_cost} points",
                                extensions={"code": ErrorCode.QUERY_TOO_COMPLEX.value, "cost": requested,
                                            "maximum": settings.max_query_cost})
        self.local = viewer.is_anonymous
        self.limits = anonymous_limits() if self.local else await limits_for(viewer)
        self.key = bucket_key(viewer, context.client_address)
        if self.local:
            taken = local_buckets.take(self.key, requested, self.limits)
        else:
            taken = await buckets.take(self.key, requested, self.limits.maximum, self.limits.rate)
        self.report = {"requested": requested, "actual": 0,
                       "throttleStatus": throttle_status(self.limits, taken.available)}
        if not taken.allowed:
            return rate_limited_error(taken.retry_after, requested, taken.available)
        self.charged = requested
        return None

    async def on_execute(self) -> AsyncIterator[None]:
        yield
        if self.report is None or not self.charged:
            return
        result = self.execution_context.result
        data = getattr(result, "data", None)
        actual = actual_cost(data, self.mutation_fields) if data is not None else 0
        self.report["actual"] = actual
        unused = self.charged - min(actual, self.charged)
        if unused:
            if self.local:
                local_buckets.give_back(self.key, unused, self.limits)
            else:
                await buckets.give_back(self.key, unused, self.limits.rate)
            status = self.report["throttleStatus"]
            status["currentlyAvailable"] = min(self.limits.maximum, status["currentlyAvailable"] + unused)

    def get_results(self) -> dict[str, Any]:
        if self.report is None:
            return {}
        return {"cost": self.report}


# --- cached public answers ---------------------------------------------------------------------------------------

_COST_TAIL = b',"extensions":{"cost":'


# The cost tail of each cached body, parsed once: the hot path serves the same bytes object again and again.
_parsed_tails: dict[int, tuple[bytes, int, dict[str, Any], int]] = {}
_PARSED_LIMIT = 1024


def _parse_tail(body: bytes) -> tuple[bytes, int, dict[str, Any], int] | None:
    at = body.rfind(_COST_TAIL)
    if at < 0:
        return None
    try:
        cost = orjson.loads(body[at + 1:-1].join((b"{", b"}")))["extensions"]["cost"]
        charge = min(int(cost["actual"]), int(cost["requested"]))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None
    if len(_parsed_tails) >= _PARSED_LIMIT:
        _parsed_tails.clear()
    parsed = (body, at, cost, charge)
    _parsed_tails[id(body)] = parsed  # the body is kept in the entry, so its id cannot be reused while cached
    return parsed


def charge_cached(body: bytes, address: str | None) -> tuple[bytes, int | None]:
    """Pay for a cached anonymous answer from this process's bucket of `address` (no database call).

    Returns the body to send, with this caller's fresh `extensions.cost`, and None; or a RATE_LIMITED body and
    the seconds to wait. The cost is the one charged when the answer was computed (its `actual`).
    """
    parsed = _parsed_tails.get(id(body))
    if parsed is None or parsed[0] is not body:
        parsed = _parse_tail(body)
        if parsed is None:
            return body, None
    _, at, cost, charge = parsed
    limits = anonymous_limits()
    taken = local_buckets.take(f"address:{address or 'unknown'}", charge, limits)  # bucket_key of anonymous
    report = {"requested": cost["requested"], "actual": cost["actual"],
              "throttleStatus": throttle_status(limits, taken.available)}
    if not taken.allowed:
        error = rate_limited_error(taken.retry_after, charge, taken.available)
        refused = {"errors": [{"message": error.message, "extensions": error.extensions}],
                   "extensions": {"cost": {**report, "actual": 0}}}
        return orjson.dumps(refused), max(1, math.ceil(taken.retry_after))
    return body[:at] + b',"extensions":' + orjson.dumps({"cost": report}) + b"}", None


def request_cost_fields(document: Any, operation_name: str | None = None,
                        variables: dict[str, Any] | None = None) -> Iterator[int]:
    """Requested costs of a document's operations (for tests and tools)."""
    for operation, m in measure_operations(document, variables or {}):
        if operation_name is None or (operation.name and operation.name.value == operation_name):
            yield requested_cost(operation, m.cost)
