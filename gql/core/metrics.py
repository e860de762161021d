"""Prometheus metrics: GraphQL requests and latency by operation, open WebSockets, change-log and alert figures.

With several workers each process writes to PROMETHEUS_MULTIPROC_DIR and /metrics sums them (gql/service/metrics.py).
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import Counter, Gauge, Histogram
from strawberry.types import ExecutionContext

from gql.core.context import request_context

REQUEST_LOG = logging.getLogger("qsradar.requests")
GRAPHQL_REQUESTS = Counter("qsradar_graphql_requests_total", "GraphQL operations", ["operation", "type", "outcome"])
GRAPHQL_LATENCY = Histogram("qsradar_graphql_request_seconds", "GraphQL operation latency", ["operation", "type"],
                            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
WEBSOCKETS = Gauge("qsradar_websocket_connections", "Open GraphQL WebSocket connections", multiprocess_mode="livesum")
# Per live worker (a `pid` label when several run): how evenly the workers share the load (the supervisor hands
# them connections in turn, gql/service/workers.py); `make bench` prints each worker's share.
WORKER_HTTP_REQUESTS = Gauge("qsradar_worker_http_requests", "HTTP requests to /graphql served by this worker "
                             "process", multiprocess_mode="liveall")
DB_COMMANDS = Counter("qsradar_db_commands_total", "Database commands sent")
DB_ROUND_TRIPS = Histogram("qsradar_db_round_trips_per_request", "Database commands per GraphQL operation",
                           buckets=(0, 1, 2, 3, 5, 8, 13, 21, 50))
# Commands sent by the operation being executed (set per operation; PyMongo reports commands in its task).
_operation_commands: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("operation_commands",
                                                                                      default=None)


def count_db_command() -> None:
    """The database client's command hook: the process total and the current operation's count."""
    DB_COMMANDS.inc()
    counted = _operation_commands.get()
    if counted is not None:
        counted[0] += 1
SUBSCRIPTION_RESULTS = Counter("qsradar_subscription_results_total",
                               "Subscription event results, executed or reused from the same audience", ["source"])
ALERT_EVENTS = Counter("qsradar_alert_events_total", "Alert-log events read by this process's watcher")
ALERT_LOG_POSITION = Gauge("qsradar_alert_log_position", "Last alert-log sequence number dispatched, per process",
                           multiprocess_mode="all")
WEBHOOK_ENDPOINTS_DISABLED = Counter("qsradar_webhook_endpoints_disabled_total",
                                     "Webhook endpoints disabled after failing for the whole retry window")
SUBSCRIBER_OVERFLOWS = Counter("qsradar_subscriber_overflows_total",
                               "Subscriptions whose bounded queue overflowed (then closed with 4008)")
FANOUT_LAG = Histogram("qsradar_alert_fanout_lag_seconds",
                       "Change written → alert handed to this process's subscribers (once per event and process)",
                       buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10))
ALERTS_DELIVERED = Counter("qsradar_alerts_delivered_total", "Alerts queued for subscribers (one per subscriber)")
SUBSCRIPTIONS_ACTIVE = Gauge("qsradar_subscriptions_active", "Open alert subscriptions by audience class",
                             ["audience"], multiprocess_mode="livesum")
CHANGE_STREAM_ERRORS = Counter("qsradar_change_stream_errors_total", "Change-log watcher errors (then it resumes)")
PUBLIC_CACHE = Counter("qsradar_public_cache_total", "Anonymous query answers by cache outcome", ["outcome"])


# Operation names are chosen by clients: only short identifiers become labels, and only the first
# MAX_OPERATION_LABELS distinct ones a process sees; every other name is counted as "other". Ten requests
# with 10 KB names once made /metrics 1.6 MB.
MAX_OPERATION_LABELS = 200
MAX_OPERATION_NAME = 64
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")
_known_operations: set[str] = set()


def operation_label(name: str | None) -> str:
    """The metric label for a client-given operation name: bounded in length and in count."""
    if not name:
        return "anonymous"
    if name in _known_operations:
        return name
    if len(name) > MAX_OPERATION_NAME or not _NAME.fullmatch(name) or len(_known_operations) >= MAX_OPERATION_LABELS:
        return "other"
    _known_operations.add(name)
    return name


@contextmanager
def measuring_operation(ctx: ExecutionContext) -> Iterator[None]:
    """Count and time one operation, and fill the request's log line (gql/schema.py OperationHooks)."""
    started = time.perf_counter()
    commands = [0]
    token = _operation_commands.set(commands)
    try:
        yield
    finally:
        _operation_commands.reset(token)
        name = operation_label(ctx.operation_name)
        try:
            op_type = ctx.operation_type.value
        except Exception:
            op_type = "invalid"
        result = ctx.result
        outcome = "error" if (ctx.pre_execution_errors or (result is not None and result.errors)) else "ok"
        elapsed = time.perf_counter() - started
        if op_type != "subscription":
            GRAPHQL_LATENCY.labels(name, op_type).observe(elapsed)
            DB_ROUND_TRIPS.observe(commands[0])
        GRAPHQL_REQUESTS.labels(name, op_type, outcome).inc()
        fields = request_context.get()
        if fields is not None and REQUEST_LOG.isEnabledFor(logging.INFO):
            viewer = getattr(ctx.context, "viewer", None)
            fields.update(operation=name, role=viewer.role.value if viewer and viewer.role else "anonymous",
                          duration_ms=round(elapsed * 1000, 2))
            REQUEST_LOG.info("%s %s %s", op_type, name, outcome)
