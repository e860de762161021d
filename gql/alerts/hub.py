"""One change-log watcher per server process: warning entries, and recalls ordered for a RED/ORANGE warning
(RECALL_ORDERED), fan out to that process's alert subscribers; every entry (any topic) tells the process that
public data changed.

The watcher uses a MongoDB change stream on the log only as a wake-up signal and then reads the log
by sequence number, so delivery follows log order and a missed or duplicated change notification
cannot lose or repeat an event. Each subscriber has a bounded queue; one that falls behind is cut off
(it reconnects with its cursor and replays what it missed).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pymongo.errors import PyMongoError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from documents.changelog.models import ChangeEvent, topic_of
from documents.enums import AlertEventType, ChangeTopic, WarningLevel
from documents.recalls.models import Recall as RecallDoc
from documents.warnings.models import Warning as WarningDoc
from gql.core.metrics import (
    ALERT_EVENTS,
    ALERT_LOG_POSITION,
    ALERTS_DELIVERED,
    CHANGE_STREAM_ERRORS,
    FANOUT_LAG,
    SUBSCRIBER_OVERFLOWS,
    SUBSCRIPTIONS_ACTIVE,
)

log = logging.getLogger("qsradar.alerts")

# The embedded server answers an empty getMore at once instead of waiting maxAwaitTimeMS
# (../shared/embedded-db.md); pause after a fast empty answer so the watcher does not spin.
FAST_EMPTY_SECONDS = 0.01
EMPTY_PAUSE_SECONDS = 0.05
MAX_AWAIT_MS = 1000
RECONNECT_PAUSE_SECONDS = 1.0
# Read the log at least this often even when the stream says nothing: a notification lost by
# the stream (or a stalled cursor) can delay an event by this much, never lose it.
SAFETY_READ_SECONDS = 1.0
BATCH = 500


@dataclass(eq=False)
class Delivery:
    """A logged event with its warning document (and, for RECALL_ORDERED, its recall), shared by every subscriber
    it goes to."""

    event: dict
    warning: dict
    memo: dict[Any, Any] = field(default_factory=dict)  # per-audience results computed once
    recall: dict | None = None

    @property
    def seq(self) -> int:
        return int(self.event["seq"])


OVERFLOW = object()


@dataclass(eq=False)
class Subscriber:
    """One live subscription: its filter and its bounded queue."""

    accepts: Callable[[Delivery], bool]
    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(maxsize=256))
    overflowed: bool = False
    audience: str = "public"  # staff, agency, enterprise or public: a bounded metric label

    def offer(self, delivery: Delivery) -> bool:
        """Queue the delivery if this subscriber wants it; whether it was queued."""
        if self.overflowed or not self.accepts(delivery):
            return False
        try:
            self.queue.put_nowait(delivery)
            return True
        except asyncio.QueueFull:
            # Never grow memory for a slow consumer: drop its queue and tell it to disconnect.
            self.overflowed = True
            SUBSCRIBER_OVERFLOWS.inc()
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(OVERFLOW)
            return False


def event_matches_level(event: dict, min_level: WarningLevel) -> bool:
    """An event concerns a subscriber if the warning's new or previous level reaches `min_level`."""
    levels = [WarningLevel(event["level"])]
    if event.get("previous_level"):
        levels.append(WarningLevel(event["previous_level"]))
    return any(level.at_least(min_level) for level in levels)


# An ordered recall is alerted when the warning it answers is at these levels (issue 11).
RECALL_ALERT_LEVELS = frozenset({WarningLevel.RED.value, WarningLevel.ORANGE.value})


def is_alert(entry: dict) -> bool:
    """Whether a log entry goes to alert subscribers: every warning entry, and a recall ordered for a RED/ORANGE
    warning (the entry carries the warning's id, level and kind at the time of the order)."""
    topic = topic_of(entry)
    if topic is ChangeTopic.WARNING:
        return True
    return (topic is ChangeTopic.RECALL and entry.get("type") == AlertEventType.RECALL_ORDERED.value
            and entry.get("warning_id") is not None and entry.get("level") in RECALL_ALERT_LEVELS)


async def read_log(after_seq: int, limit: int = BATCH) -> tuple[list[Delivery], int, bool]:
    """Alert deliveries logged after `after_seq`, in order, with their warnings and recalls (up to three queries);
    the last sequence number read (other entries are read past, not delivered); whether more may follow."""
    entries = await ChangeEvent.get_pymongo_collection().find({"seq": {"$gt": after_seq}}).sort("seq", 1) \
        .limit(limit).to_list(limit)
    if not entries:
        return [], after_seq, False
    events = [e for e in entries if is_alert(e)]
    ids = list({e["warning_id"] for e in events})
    warnings = {w["_id"]: w async for w in WarningDoc.get_pymongo_collection().find({"_id": {"$in": ids}},
                                                                                    {"search_text": 0})} if ids else {}
    recall_ids = list({e["entity_id"] for e in events if topic_of(e) is ChangeTopic.RECALL})
    recalls = {r["_id"]: r async for r in RecallDoc.get_pymongo_collection().find({"_id": {"$in": recall_ids}})} \
        if recall_ids else {}
    deliveries = []
    for e in events:
        if e["warning_id"] not in warnings:
            continue
        if topic_of(e) is ChangeTopic.RECALL:
            if e["entity_id"] in recalls:
                deliveries.append(Delivery(e, warnings[e["warning_id"]], recall=recalls[e["entity_id"]]))
        else:
            deliveries.append(Delivery(e, warnings[e["warning_id"]]))
    return deliveries, int(entries[-1]["seq"]), len(entries) == limit


class AlertHub:
    """The process's watcher and its subscribers."""

    def __init__(self, queue_size: int = 256, on_change: Callable[[], None] | None = None) -> None:
        self.queue_size = queue_size
        self.on_change = on_change  # told of every batch of changes, whichever worker wrote them
        self.subscribers: set[Subscriber] = set()
        self.last_seq = 0
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()

    async def start(self) -> None:
        latest = await ChangeEvent.get_pymongo_collection().find_one({}, sort=[("seq", -1)])
        self.last_seq = int(latest["seq"]) if latest else 0
        self._task = asyncio.create_task(self._watch(), name="alert-hub-watcher")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def subscribe(self, accepts: Callable[[Delivery], bool], audience: str = "public") -> Subscriber:
        sub = Subscriber(accepts=accepts, queue=asyncio.Queue(maxsize=self.queue_size), audience=audience)
        self.subscribers.add(sub)
        SUBSCRIPTIONS_ACTIVE.labels(audience).inc()
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        if sub in self.subscribers:
            self.subscribers.discard(sub)
            SUBSCRIPTIONS_ACTIVE.labels(sub.audience).dec()

    def poke(self) -> None:
        """Read the log now (after a write through this process) instead of waiting for the stream."""
        self._wake.set()

    async def _watch(self) -> None:
        coll = ChangeEvent.get_pymongo_collection()
        resume_token = None
        failures = 0
        while True:
            try:
                async with await coll.watch([{"$match": {"operationType": "insert"}}], resume_after=resume_token,
                                            max_await_time_ms=MAX_AWAIT_MS) as stream:
                    await self._catch_up()
                    failures = 0
                    last_read = time.monotonic()
                    while True:
                        started = time.monotonic()
                        change = await stream.try_next()
                        resume_token = stream.resume_token or resume_token
                        if change is not None or self._wake.is_set() or started - last_read > SAFETY_READ_SECONDS:
                            self._wake.clear()
                            await self._catch_up()
                            last_read = time.monotonic()
                        elif time.monotonic() - started < FAST_EMPTY_SECONDS:
                            with contextlib.suppress(asyncio.TimeoutError):
                                await asyncio.wait_for(self._wake.wait(), EMPTY_PAUSE_SECONDS)
            except asyncio.CancelledError:
                raise
            except PyMongoError as exc:
                CHANGE_STREAM_ERRORS.inc()
                failures += 1
                log.warning("alert-log watcher lost the database (%s); resuming", exc)
                if failures >= 2:
                    # The token may be unknown to a restarted server; reading the log by sequence
                    # number after `last_seq` loses nothing, so a fresh stream is as good.
                    resume_token = None
                await asyncio.sleep(RECONNECT_PAUSE_SECONDS)
            except Exception:
                log.exception("alert-log watcher failed; restarting")
                await asyncio.sleep(RECONNECT_PAUSE_SECONDS)

    async def _catch_up(self) -> None:
        more = True
        while more:
            deliveries, last_read, more = await read_log(self.last_seq)
            if last_read == self.last_seq:
                return
            if self.on_change is not None:
                self.on_change()  # public data changed, whichever worker wrote it
            subscribers = list(self.subscribers)
            queued = 0
            for delivery in deliveries:
                for sub in subscribers:
                    queued += sub.offer(delivery)
                FANOUT_LAG.observe(max(0.0, time.time() - delivery.event["at"].timestamp()))
            ALERT_EVENTS.inc(len(deliveries))
            ALERTS_DELIVERED.inc(queued)
            self.last_seq = last_read
            ALERT_LOG_POSITION.set(self.last_seq)


_hub: AlertHub | None = None


def get_hub() -> AlertHub:
    if _hub is None:
        raise RuntimeError("alert hub not started")
    return _hub


async def start_hub(queue_size: int, on_change: Callable[[], None] | None = None) -> AlertHub:
    global _hub
    _hub = AlertHub(queue_size, on_change)
    await _hub.start()
    return _hub


async def stop_hub() -> None:
    global _hub
    if _hub is not None:
        await _hub.stop()
        _hub = None


class ReadLogAfterMutation(SchemaExtension):
    """After a mutation, this process reads the log at once: its own subscribers need not wait for the
    change stream to hear of its own writes."""

    def on_operation(self) -> Iterator[None]:
        yield
        ctx = self.execution_context
        with contextlib.suppress(Exception):  # an invalid document has no operation type
            if ctx.operation_type is OperationType.MUTATION and _hub is not None:
                _hub.poke()
