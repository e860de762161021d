"""One change-log watcher per server process: warning entries, recalls ordered for a RED/ORANGE warning
(RECALL_ORDERED), credit changes (CREDIT_CHANGED) and complaint signals (COMPLAINT_SIGNAL) fan out to that
process's alert subscribers, and warnings and recalls that match a consumer's watchlist go to that consumer
(WATCHLIST_MATCH); every entry (any topic) tells the process that public data changed.

The watcher uses a MongoDB change stream on the log only as a wake-up signal and then reads the log
by sequence number, so delivery follows log order and a missed or duplicated change notification
cannot lose or repeat an event. A subscription replaying after a cursor gets its events through a bounded queue;
once live, the hub writes its frames to its socket itself (one rendering per audience and operation, gql/alerts/
subscription.py `_DirectSend`), bounded per socket. One that falls behind is cut off with 4008 (it reconnects with
its cursor and replays what it missed).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import bson
from bson.codec_options import CodecOptions
from pymongo.errors import PyMongoError
from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType

from documents.changelog import actions as changelog
from documents.changelog.actions import Appended
from documents.changelog.models import ChangeEvent, topic_of
from documents.core.background import cancel_and_wait
from documents.core.errors import RuleViolation
from documents.db.client import get_client
from documents.db.query_shapes import find_keyed
from documents.enterprises.models import Enterprise as EnterpriseDoc
from documents.enums import AlertEventType, ChangeTopic, WarningLevel
from documents.products.codes import classify
from documents.recalls.models import Recall as RecallDoc
from documents.warnings.models import Warning as WarningDoc
from documents.watchlist.models import WatchedProduct
from gql.alerts.siblings import Siblings
from gql.core.metrics import (
    ALERT_EVENTS,
    ALERT_LOG_POSITION,
    ALERTS_DELIVERED,
    CHANGE_STREAM_ERRORS,
    FANOUT_LAG,
    SUBSCRIBER_OVERFLOWS,
    SUBSCRIPTIONS_ACTIVE,
)
from gql.core.shared_results import flush_shared_count

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
# Entries handed over by writers and not yet delivered (bounded: past it, the log is read as before).
HANDED_LIMIT = 1000
# A sibling gets the handed entries in its wake-up datagram up to this size, a bare wake-up beyond it.
HANDED_DATAGRAM_BYTES = 60_000
# What a delivery never needs of a warning (read from the log or handed over): the search field, its largest.
WARNING_OMITS = {"search_text": 0}


@dataclass(eq=False)
class Delivery:
    """A logged event with what it is about, shared by every subscriber it goes to: its warning (none for credit
    changes, complaint signals and recalls without one), its recall, its enterprise (CREDIT_CHANGED), and the
    consumers whose watchlist it matches (owner id -> the watched product that matched)."""

    event: dict
    warning: dict | None
    memo: dict[Any, Any] = field(default_factory=dict)  # per-audience results computed once
    recall: dict | None = None
    enterprise: dict | None = None
    watchers: dict[str, dict] = field(default_factory=dict)
    seq: int = field(init=False)  # read once: every subscriber compares it

    def __post_init__(self) -> None:
        self.seq = int(self.event["seq"])

    @property
    def type(self) -> AlertEventType:
        return AlertEventType(self.event["type"])

    @property
    def is_alert(self) -> bool:
        """A warning alert as before events without a warning existed (what webhooks send)."""
        return self.warning is not None and is_alert(self.event)


OVERFLOW = object()


class Mailbox:
    """One subscriber's bounded queue, read by its one subscription: a deque only while deliveries wait and a
    future only while the reader waits. (An asyncio.Queue keeps four deques and an Event per instance, ~3 KB for
    each of thousands of idle subscriptions.) Raises asyncio.QueueFull/QueueEmpty like asyncio.Queue."""

    __slots__ = ("_items", "_waiter", "maxsize")

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._items: deque[Any] | None = None
        self._waiter: asyncio.Future[None] | None = None

    def qsize(self) -> int:
        return len(self._items) if self._items else 0

    def empty(self) -> bool:
        return not self._items

    def put_nowait(self, item: Any) -> None:
        if self._items is None:
            self._items = deque()
        elif len(self._items) >= self.maxsize:
            raise asyncio.QueueFull
        self._items.append(item)
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def get_nowait(self) -> Any:
        if not self._items:
            raise asyncio.QueueEmpty
        item = self._items.popleft()
        if not self._items:
            self._items = None
        return item

    async def get(self) -> Any:
        while not self._items:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        return self.get_nowait()


# What a live subscription sends an event with once it is past its replay: True when a frame went out (or was
# queued behind a paused socket), False when the event is not for it, an awaitable of those when the event has
# yet to be rendered for its audience (the first subscriber of an audience renders it; the rest reuse the frame).
DirectSend = Callable[[Delivery], "bool | Awaitable[bool]"]


@dataclass(eq=False, slots=True)
class Subscriber:
    """One live subscription: its filter and its bounded queue. Once replayed, a subscription on a socket is
    sent to directly (`direct`): the hub writes its frames and its queue only ever carries OVERFLOW."""

    accepts: Callable[[Delivery], bool]
    queue: Mailbox = field(default_factory=lambda: Mailbox(256))
    overflowed: bool = False
    audience: str = "public"  # staff, agency, enterprise or public: a bounded metric label
    direct: DirectSend | None = None
    on_overflow: Callable[[], None] | None = None  # a subscription its socket adopted: closes the socket itself
    active: bool = True  # false once unsubscribed: frames it left waiting on a paused socket are not sent

    def offer(self, delivery: Delivery) -> bool | Awaitable[bool]:
        """Queue or send the delivery if this subscriber wants it: whether it was (or an awaitable of that)."""
        if self.overflowed or not self.active:
            return False
        if self.direct is not None:
            return self.direct(delivery)
        if not self.accepts(delivery):
            return False
        try:
            self.queue.put_nowait(delivery)
            return True
        except asyncio.QueueFull:
            self.overflow()
            return False

    def overflow(self) -> None:
        """Too slow: never grow memory for a slow consumer; drop its queue and tell it to disconnect (4008)."""
        self.overflowed = True
        SUBSCRIBER_OVERFLOWS.inc()
        if self.on_overflow is not None:
            self.on_overflow()
            return
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(OVERFLOW)


def event_matches_level(event: dict, min_level: WarningLevel) -> bool:
    """An event concerns a subscriber if the warning's new or previous level reaches `min_level`."""
    levels = [WarningLevel(event["level"])]
    if event.get("previous_level"):
        levels.append(WarningLevel(event["previous_level"]))
    return any(level.at_least(min_level) for level in levels)


# An ordered recall is alerted when the warning it answers is at these levels (issue 11).
RECALL_ALERT_LEVELS = frozenset({WarningLevel.RED.value, WarningLevel.ORANGE.value})


def is_alert(entry: dict) -> bool:
    """Whether a log entry is a warning alert: every warning entry, and a recall ordered for a RED/ORANGE
    warning (the entry carries the warning's id, level and kind at the time of the order)."""
    topic = topic_of(entry)
    if topic is ChangeTopic.WARNING:
        return True
    return (topic is ChangeTopic.RECALL and entry.get("type") == AlertEventType.RECALL_ORDERED.value
            and entry.get("warning_id") is not None and entry.get("level") in RECALL_ALERT_LEVELS)


# Entries that can match a watchlist: a new warning or a level change, a recall announced or ordered (issue 13).
WATCH_TRIGGERS = frozenset({AlertEventType.PUBLISHED.value, AlertEventType.LEVEL_CHANGED.value,
                            AlertEventType.RECALL_ANNOUNCED.value, AlertEventType.RECALL_ORDERED.value})


def is_event(entry: dict) -> bool:
    """Whether a log entry may reach some subscriber: a warning alert, any recall announced or ordered (ordered
    ones without a warning to those who opt in, both to watchers), a credit change that carries its tiers (entries
    logged before they did are read past) and a complaint signal."""
    topic, type_ = topic_of(entry), entry.get("type")
    if topic is ChangeTopic.WARNING:
        return True
    if topic is ChangeTopic.RECALL:
        return type_ in (AlertEventType.RECALL_ORDERED.value, AlertEventType.RECALL_ANNOUNCED.value)
    if topic is ChangeTopic.ENTERPRISE:
        return type_ == AlertEventType.CREDIT_CHANGED.value and entry.get("credit_level") is not None
    return topic is ChangeTopic.SIGNAL and type_ == AlertEventType.COMPLAINT_SIGNAL.value


def code_keys(codes: list[str]) -> set[str]:
    """The watchlist keys of a warning's or recall's GTINs and trace codes, normalised like the product lookup."""
    keys = set()
    for raw in codes:
        try:
            code = classify(raw)
        except RuleViolation:
            continue
        if code.valid:
            keys.add(code.key)
    return keys


def _codes_of(entry: dict, warning: dict | None, recall: dict | None) -> set[str]:
    if entry.get("type") not in WATCH_TRIGGERS:
        return set()
    if topic_of(entry) is ChangeTopic.RECALL:
        return code_keys(list(recall.get("gtins", ())) + list(recall.get("trace_codes", ()))) if recall else set()
    return code_keys(list(warning.get("gtins", ()))) if warning else set()


async def _by_id(coll: Any, ids: set[Any], projection: dict[str, int] | None = None) -> dict[Any, dict]:
    if not ids:
        return {}
    return {d["_id"]: d async for d in coll.find({"_id": {"$in": list(ids)}}, projection)}


async def read_log(after_seq: int, limit: int = BATCH) -> tuple[list[Delivery], int, bool]:
    """Deliveries logged after `after_seq`, in order, with their warnings, recalls, enterprises and watchers (at most
    five queries, whatever the number of subscribers); the last sequence number read (other entries are read past,
    not delivered); whether more may follow."""
    entries = await ChangeEvent.get_pymongo_collection().find({"seq": {"$gt": after_seq}}).sort("seq", 1) \
        .limit(limit).to_list(limit)
    if not entries:
        return [], after_seq, False
    events = [e for e in entries if is_event(e)]
    warnings = await _by_id(WarningDoc.get_pymongo_collection(),
                            {e["warning_id"] for e in events if e.get("warning_id") is not None}, WARNING_OMITS)
    recalls = await _by_id(RecallDoc.get_pymongo_collection(),
                           {e["entity_id"] for e in events if topic_of(e) is ChangeTopic.RECALL})
    enterprises = await _by_id(EnterpriseDoc.get_pymongo_collection(),
                               {e["entity_id"] for e in events if topic_of(e) is ChangeTopic.ENTERPRISE})
    deliveries = []
    for e in events:
        topic = topic_of(e)
        warning = warnings.get(e.get("warning_id"))
        if topic is ChangeTopic.WARNING:
            if warning is not None:
                deliveries.append(Delivery(e, warning))
        elif topic is ChangeTopic.RECALL:
            if e["entity_id"] in recalls:
                deliveries.append(Delivery(e, warning, recall=recalls[e["entity_id"]]))
        elif topic is ChangeTopic.ENTERPRISE:
            if e["entity_id"] in enterprises:
                deliveries.append(Delivery(e, None, enterprise=enterprises[e["entity_id"]]))
        else:
            deliveries.append(Delivery(e, None))
    await _find_watchers(deliveries)
    return deliveries, int(entries[-1]["seq"]), len(entries) == limit


async def _find_watchers(deliveries: list[Delivery]) -> None:
    """Who watches what each delivery concerns: one query for the whole batch, none when nothing carries a code."""
    wanted = {d.seq: _codes_of(d.event, d.warning, d.recall) for d in deliveries}
    keys = set().union(*wanted.values()) if wanted else set()
    if not keys:
        return
    by_key: dict[str, list[dict]] = {}
    # By equality on the embedded server once the watchlist is large (`$in` there scans it: a read per alert).
    for w in await find_keyed(WatchedProduct.get_pymongo_collection(), "key", sorted(keys)):
        by_key.setdefault(w["key"], []).append(w)
    for d in deliveries:
        for key in sorted(wanted[d.seq]):
            for w in by_key.get(key, ()):
                d.watchers.setdefault(w["owner_id"], w)


T = TypeVar("T")


class SharedReads(Generic[T]):
    """Replays that ask for the log after the same position at about the same time share one read (a reconnect
    storm: a thousand phones resuming from the last alert they saw). A read is shared only by those who asked before
    it started; each of them subscribed before asking, so the read sees every entry the hub did not deliver to
    them, and no gap opens."""

    def __init__(self, read: Callable[[int], Awaitable[T]], gather_seconds: float = 0.005) -> None:
        self._read = read
        self.gather_seconds = gather_seconds  # how long a read waits for others to join it
        self._waiting: dict[int, asyncio.Future[T]] = {}
        self._running: set[asyncio.Task[T]] = set()

    async def read(self, after_seq: int) -> T:
        shared = self._waiting.get(after_seq)
        if shared is None:
            loop = asyncio.get_running_loop()
            shared = self._waiting[after_seq] = loop.create_future()
            # Retrieved here, so a failed read whose readers all went away is not reported as never retrieved.
            shared.add_done_callback(lambda f: f.cancelled() or f.exception())
            loop.call_later(self.gather_seconds, self._start, after_seq, shared)
        # shield: one reader cancelled (its client left) does not cancel the read for the others
        return await asyncio.shield(shared)

    def _start(self, after_seq: int, shared: asyncio.Future[T]) -> None:
        del self._waiting[after_seq]  # who asks from now on gets a read that starts after they asked
        task = asyncio.ensure_future(self._read(after_seq))
        self._running.add(task)

        def settle(done: asyncio.Task[T]) -> None:
            self._running.discard(done)
            if shared.done():
                return
            if done.cancelled():
                shared.cancel()
            elif (exc := done.exception()) is not None:
                shared.set_exception(exc)
            else:
                shared.set_result(done.result())

        task.add_done_callback(settle)


def handed_payload(appended: list[Appended]) -> bytes | None:
    """The committed entries of one write, with the warnings written beside them, as BSON for this process's hub
    and its siblings; None when there is no event among them."""
    if not any(is_event(a.entry) for a in appended):
        return None
    items = []
    for a in appended:
        warning = ({k: v for k, v in a.warning.items() if k not in WARNING_OMITS} if a.warning is not None
                   else None)
        items.append({"e": a.entry, "w": warning})
    try:
        return bson.encode({"handed": items})
    except (bson.errors.InvalidDocument, OverflowError):
        return None


def decode_handed(payload: bytes, codec_options: CodecOptions) -> list[Appended]:
    """The entries of a `handed_payload`, in the form a read returns them (the client's codec options: BSON dates to
    the millisecond, in UTC)."""
    items = bson.decode(payload, codec_options=codec_options)["handed"]
    return [Appended(item["e"], item.get("w")) for item in items]


def handed_run(handed: dict[int, Appended], after_seq: int) -> list[Appended]:
    """The handed entries that continue the log right after `after_seq`, in order, up to the first one missing or
    one that cannot be delivered from what was handed (an event about anything but the warning written with it)."""
    run: list[Appended] = []
    seq = after_seq + 1
    while (a := handed.get(seq)) is not None:
        if is_event(a.entry) and (topic_of(a.entry) is not ChangeTopic.WARNING or a.warning is None):
            break
        run.append(a)
        seq += 1
    return run


class AlertHub:
    """The process's watcher and its subscribers."""

    def __init__(self, queue_size: int = 256, on_change: Callable[[], None] | None = None,
                 wake_dir: Path | None = None) -> None:
        self.queue_size = queue_size
        self.on_change = on_change  # told of every batch of changes, whichever worker wrote them
        self.subscribers: set[Subscriber] = set()
        self.last_seq = 0
        self._task: asyncio.Task | None = None
        self._reader: asyncio.Task | None = None
        self._wake = asyncio.Event()
        # Committed entries handed over by the writer (this process or a sibling), by sequence number: a run that
        # continues the log is delivered without reading it back (two queries, ~2 ms on the embedded server).
        self._handed: dict[int, Appended] = {}
        self.replays = SharedReads(read_log)  # replays after a cursor, shared when they ask together
        # The other workers on this host, woken at once after this one writes to the log (gql/alerts/siblings.py).
        self.siblings = Siblings(wake_dir, self.poke, self.hand) if wake_dir is not None else None
        self._committed: list[Appended] = []  # committed by this process, handed over at the next turn of the loop

    async def start(self) -> None:
        if self.siblings is not None:
            await self.siblings.start()
        changelog.listen_to_commits(self.committed)
        latest = await ChangeEvent.get_pymongo_collection().find_one({}, sort=[("seq", -1)])
        self.last_seq = int(latest["seq"]) if latest else 0
        self._task = asyncio.create_task(self._watch(), name="alert-hub-watcher")
        self._reader = asyncio.create_task(self._read(), name="alert-hub-reader")

    async def stop(self) -> None:
        changelog.listen_to_commits(None)
        await cancel_and_wait(self._task)
        await cancel_and_wait(self._reader)
        if self.siblings is not None:
            await self.siblings.stop()

    def subscribe(self, accepts: Callable[[Delivery], bool], audience: str = "public") -> Subscriber:
        sub = Subscriber(accepts=accepts, queue=Mailbox(self.queue_size), audience=audience)
        self.subscribers.add(sub)
        SUBSCRIPTIONS_ACTIVE.labels(audience).inc()
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        sub.active = False
        if sub in self.subscribers:
            self.subscribers.discard(sub)
            SUBSCRIPTIONS_ACTIVE.labels(sub.audience).dec()

    def poke(self) -> None:
        """Read the log now (after a write through this process) instead of waiting for the stream."""
        self._wake.set()

    def committed(self, appended: Appended) -> None:
        """An entry this process just committed: handed over at the next turn of the loop (the committing task's
        next wait, e.g. a cost refund before its answer), with the others committed meanwhile (one transaction's
        together)."""
        self._committed.append(appended)
        if len(self._committed) == 1:
            asyncio.get_running_loop().call_soon(self._hand_committed)

    def _hand_committed(self) -> None:
        committed, self._committed = self._committed, []
        if any(is_event(a.entry) for a in committed):
            self.wrote(committed)

    def wrote(self, appended: list[Appended]) -> None:
        """This process committed `appended` to the log: deliver it now, and hand it to the other workers on this
        host (a bare wake-up when it does not fit one datagram: they read the log)."""
        payload = handed_payload(appended)
        if payload is not None:
            self.hand(payload)
        else:
            self.poke()
        if self.siblings is not None:
            self.siblings.notify(payload if payload is not None and len(payload) <= HANDED_DATAGRAM_BYTES else None)

    def hand(self, payload: bytes) -> None:
        """Entries committed by a writer (this process or a sibling): kept until delivered, then read now."""
        try:
            appended = decode_handed(payload, get_client().codec_options)
        except Exception:  # a damaged datagram: the log has it all
            appended = []
        for a in appended:
            seq = int(a.entry["seq"])
            if seq > self.last_seq and len(self._handed) < HANDED_LIMIT:
                self._handed[seq] = a
        self.poke()

    async def _watch(self) -> None:
        """Wakes the reader for every change the stream reports (a change stream is only a signal here)."""
        coll = ChangeEvent.get_pymongo_collection()
        resume_token = None
        failures = 0
        while True:
            try:
                async with await coll.watch([{"$match": {"operationType": "insert"}}], resume_after=resume_token,
                                            max_await_time_ms=MAX_AWAIT_MS) as stream:
                    self.poke()  # whatever was logged while no stream was open
                    failures = 0
                    while True:
                        started = time.monotonic()
                        change = await stream.try_next()
                        resume_token = stream.resume_token or resume_token
                        if change is not None and self._is_news(change):
                            self.poke()
                        elif time.monotonic() - started < FAST_EMPTY_SECONDS:
                            await asyncio.sleep(EMPTY_PAUSE_SECONDS)
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

    def _is_news(self, change: dict) -> bool:
        """Whether the stream reports an entry this hub has not got yet. A writer hands its entries over at commit
        (here and to its siblings), so the stream mostly reports what is delivered or about to be: reading the log
        again for it cost every worker a query per alert, in the middle of the fan-out."""
        try:
            seq = int(change["fullDocument"]["seq"])
        except (KeyError, TypeError, ValueError):
            return True  # not what this pipeline yields: read, as before
        return seq > self.last_seq and seq not in self._handed

    async def _read(self) -> None:
        """Reads the log after `last_seq` when woken (a write here or on a sibling, the stream), and at least every
        SAFETY_READ_SECONDS; apart from the stream, so a wake-up never waits for a getMore in flight."""
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), SAFETY_READ_SECONDS)
            self._wake.clear()
            try:
                await self._catch_up()
            except asyncio.CancelledError:
                raise
            except PyMongoError as exc:
                log.warning("alert-log reader lost the database (%s); retrying", exc)
                await asyncio.sleep(RECONNECT_PAUSE_SECONDS)
            except Exception:
                log.exception("alert-log reader failed; retrying")
                await asyncio.sleep(RECONNECT_PAUSE_SECONDS)

    async def _catch_up(self) -> None:
        more = True
        while more:
            run = handed_run(self._handed, self.last_seq)
            if run:
                deliveries = [Delivery(a.entry, a.warning) for a in run if is_event(a.entry)]
                await _find_watchers(deliveries)
                last_read = int(run[-1].entry["seq"])
            else:
                deliveries, last_read, more = await read_log(self.last_seq)
            for seq in [seq for seq in self._handed if seq <= last_read]:
                del self._handed[seq]
            if run:
                # The run stopped short of what was handed (an entry it cannot deliver, or one missing): read the log
                # for it now. Anything else logged after the run wakes the reader through the stream.
                more = bool(self._handed)
            if last_read == self.last_seq:
                return
            if self.on_change is not None:
                self.on_change()  # public data changed, whichever worker wrote it
            subscribers = list(self.subscribers)
            queued = 0
            for delivery in deliveries:
                for sub in subscribers:
                    sent = sub.offer(delivery)
                    if sent is not True and sent is not False:
                        sent = await sent  # the first of its audience renders the event for the others
                    queued += sent
                FANOUT_LAG.observe(max(0.0, time.time() - delivery.event["at"].timestamp()))
            ALERT_EVENTS.inc(len(deliveries))
            ALERTS_DELIVERED.inc(queued)
            flush_shared_count()
            self.last_seq = last_read
            ALERT_LOG_POSITION.set(self.last_seq)


_hub: AlertHub | None = None


def get_hub() -> AlertHub:
    if _hub is None:
        raise RuntimeError("alert hub not started")
    return _hub


async def start_hub(queue_size: int, on_change: Callable[[], None] | None = None,
                    wake_dir: Path | None = None) -> AlertHub:
    global _hub
    _hub = AlertHub(queue_size, on_change, wake_dir)
    await _hub.start()
    return _hub


async def stop_hub() -> None:
    global _hub
    if _hub is not None:
        await _hub.stop()
        _hub = None


def poke_after_mutation(ctx: ExecutionContext, appended: list[Appended]) -> None:
    """After a mutation that wrote to the change log (`appended`, from changelog tracking_appends) but nothing a
    subscriber may get, this process reads the log at once (public data changed); its events were handed over at
    commit (`AlertHub.committed`), and other workers hear of the rest through the change stream, as before: no extra
    reads for every write. A mutation that logged nothing costs no read."""
    with contextlib.suppress(Exception):  # an invalid document has no operation type
        if appended and ctx.operation_type is OperationType.MUTATION and _hub is not None \
                and not any(is_event(a.entry) for a in appended):
            _hub.poke()
