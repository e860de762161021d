"""The `alerts` subscription: replay after a cursor, then live, under the same visibility rules as queries."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import AsyncGenerator, Awaitable
from datetime import UTC, datetime
from functools import partial
from inspect import isawaitable
from typing import TYPE_CHECKING, Annotated, Any, cast

import orjson
import strawberry
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, execute_subscription_event
from strawberry.types import Info
from strawberry.types.lazy_type import LazyType

from auth.viewer import Viewer
from auth.visibility import alerts as alert_visibility
from auth.visibility import recalls as recall_visibility
from auth.visibility import warnings as warning_visibility
from auth.visibility.audience import audience_key
from documents.enums import AlertEventType, CreditLevel, SignalGroup, WarningLevel
from gql.alerts.filters import AlertFilter, AlertMatch
from gql.alerts.hub import OVERFLOW, AlertHub, Delivery, Subscriber, event_matches_level, get_hub
from gql.core import cursors
from gql.core.errors import ApiError, ErrorCode, bad_input, classify
from gql.core.permissions import viewer_of
from gql.core.shared_results import SharedResultExecutionContext, counted_shared, current_subscription
from gql.core.ws_frames import Socket, current_socket, frame_prefix, payload_json
from gql.recalls.types import Recall
from gql.warnings.types import Warning

if TYPE_CHECKING:
    from gql.complaints.types import ComplaintSignal
    from gql.enterprises.types import Enterprise
    from gql.watchlist.types import WatchedProduct

log = logging.getLogger("qsradar.alerts")

SLOW_CONSUMER_CLOSE_CODE = 4008
SLOW_CONSUMER_REASON = "subscriber too slow; reconnect with your last cursor"


def encode_cursor(seq: int) -> str:
    """The opaque cursor of a log position."""
    return cursors.encode("alert", seq)


def decode_cursor(cursor: str) -> int:
    """The log position of a cursor; BAD_USER_INPUT naming `after` for anything else."""
    seq = cursors.decode_as(cursor, "alert")
    if seq is None or not seq.isdigit():
        raise bad_input("malformed cursor", field="after")
    return int(seq)


# AlertEventType and its values are described with the webhooks (gql/webhooks/types.py): one definition.
PLAIN, WATCH = "plain", "watch"


def _type(name: str, module: str) -> Any:
    """A schema type of another domain, resolved like its lazy annotation: the schema domains stay independent
    (pyproject's import contracts, which count indirect imports)."""
    return LazyType(name, module).resolve_type()


@strawberry.type(description="An event on the alert stream (预警推送): a warning published, changed or lifted; a "
                             "recall ordered; an enterprise's credit tier changed; a complaint signal; or a match "
                             "on the subscriber's watchlist. Events without a warning (`warning: null`) go only to "
                             "subscribers that ask for their type in `filter.types`.")
class AlertEvent:
    cursor: str = strawberry.field(description="Pass as `after` when reconnecting to replay what was missed "
                                               "(游标).")
    type: AlertEventType = strawberry.field(description="What happened (事件类型); WATCHLIST_MATCH replaces the "
                                                        "event's own type for the consumer whose watchlist it matches.")
    level: WarningLevel | None = strawberry.field(
        description="The warning's level at the event (预警级别); null when the event carries no warning.")
    previous_level: WarningLevel | None = strawberry.field(
        description="The level before a LEVEL_CHANGED (原级别); null otherwise.")
    warning: Warning | None = strawberry.field(
        description="The warning (预警); for a recall, the warning it answers. Null for CREDIT_CHANGED and "
                    "COMPLAINT_SIGNAL, for a recall without a warning, and for a warning the subscriber may not see "
                    "(then only the recall is sent).")
    recall: Recall | None = strawberry.field(description="The recall (召回) of a RECALL_ORDERED event or of a "
                                                         "WATCHLIST_MATCH on a recall; null otherwise.")
    credit_level: CreditLevel | None = strawberry.field(
        description="CREDIT_CHANGED: the enterprise's new tier as logged (变更后信用等级); null otherwise.")
    previous_credit_level: CreditLevel | None = strawberry.field(
        description="CREDIT_CHANGED: the tier before (变更前信用等级); null for the first rating and other events.")
    watched: Annotated[WatchedProduct, strawberry.lazy("gql.watchlist.types")] | None = strawberry.field(
        description="WATCHLIST_MATCH: the product on the subscriber's watchlist that matched (命中的关注商品).")
    trigger: AlertEventType | None = strawberry.field(
        description="WATCHLIST_MATCH: the event that caused the match (触发事件): PUBLISHED, LEVEL_CHANGED, "
                    "RECALL_ANNOUNCED or RECALL_ORDERED; null otherwise.")
    signal: Annotated[ComplaintSignal, strawberry.lazy("gql.complaints.types")] | None = strawberry.field(
        description="COMPLAINT_SIGNAL: the complaint group that reached its threshold (投诉聚集信号); null otherwise.")
    at: datetime = strawberry.field(description="When it happened (时间).")
    enterprise_doc: strawberry.Private[dict | None]
    # Results of executing selections on this object, shared by its audience (gql/shared_results.py).
    shared_results: strawberry.Private[dict]

    @strawberry.field(description="CREDIT_CHANGED: the enterprise (企业); its `creditLevel` resolves as usual. Null "
                                  "otherwise.")
    def enterprise(self) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        if self.enterprise_doc is None:
            return None
        return cast("Enterprise", _type("Enterprise", "gql.enterprises.types").from_doc(self.enterprise_doc))

    @classmethod
    def from_delivery(cls, d: Delivery, audience: tuple[object, ...], viewer: Viewer, mode: str) -> AlertEvent:
        """One object per event and audience (per watcher for a match), so its execution results can be shared."""
        key = (audience, viewer.subject_id) if mode == WATCH else audience
        event = d.memo.get(key)
        if event is None:
            event = d.memo[key] = cls._build(d, viewer, mode)
        return event

    @classmethod
    def _build(cls, d: Delivery, viewer: Viewer, mode: str) -> AlertEvent:
        e = d.event
        # A recall's warning is shown only to whom may see it (a match may come from a recall of a NOTICE).
        shown = d.warning if d.warning is not None and warning_visibility.can_see(viewer, d.warning) else None
        watched = d.watchers.get(viewer.subject_id or "") if mode == WATCH else None
        signal = e.get("signal")
        return cls(
            cursor=encode_cursor(int(e["seq"])),
            type=AlertEventType.WATCHLIST_MATCH if mode == WATCH else d.type,
            level=WarningLevel(e["level"]) if shown is not None and e.get("level") else None,
            previous_level=WarningLevel(e["previous_level"]) if shown is not None and e.get("previous_level")
            else None,
            warning=Warning.from_doc(shown) if shown is not None else None,
            recall=Recall.from_doc(d.recall) if d.recall else None,
            credit_level=CreditLevel(e["credit_level"]) if e.get("credit_level") else None,
            previous_credit_level=CreditLevel(e["previous_credit_level"]) if e.get("previous_credit_level") else None,
            watched=_type("WatchedProduct", "gql.watchlist.types").from_doc(watched) if watched is not None else None,
            trigger=d.type if mode == WATCH else None,
            signal=_signal(signal) if signal else None,
            at=e["at"], enterprise_doc=d.enterprise, shared_results={})


def _signal(entry: dict) -> ComplaintSignal:
    """The ComplaintSignal type of the complaints domain from a logged signal."""
    return cast("ComplaintSignal", _type("ComplaintSignal", "gql.complaints.types")(
        complaint_ids=list(entry.get("complaint_ids") or []), group=SignalGroup(entry["group"]), key=entry["key"],
        count=int(entry["count"]), threshold=int(entry["threshold"]), first_at=entry["first_at"],
        last_at=entry["last_at"]))


def _plain(viewer: Viewer, min_level: WarningLevel, wanted: AlertMatch, d: Delivery) -> bool:
    """Whether the event itself goes to the viewer: warning alerts as always; events without a warning only when
    their type is asked for (opt-in), each to the readers the visibility table names."""
    e, type_ = d.event, d.type
    if d.is_alert:
        assert d.warning is not None
        return event_matches_level(e, min_level) and wanted.matches(e, d.warning) and warning_visibility.can_see(
            viewer, d.warning) and (d.recall is None or recall_visibility.can_see(viewer, d.recall))
    if type_.value not in wanted.types:
        return False  # opt-in: a client that did not ask never receives an event without a warning
    if type_ is AlertEventType.RECALL_ORDERED and d.recall is not None and d.warning is None:
        return recall_visibility.can_see(viewer, d.recall) and wanted.matches_enterprise(d.recall["enterprise_uscc"])
    if type_ is AlertEventType.CREDIT_CHANGED and d.enterprise is not None:
        uscc = d.enterprise["uscc"]
        return alert_visibility.receives_credit_change(viewer, uscc) and wanted.matches_enterprise(uscc)
    if type_ is AlertEventType.COMPLAINT_SIGNAL:
        return alert_visibility.receives_complaint_signal(viewer)
    return False


def _watched(viewer: Viewer, wanted: AlertMatch, d: Delivery) -> bool:
    """Whether a match on the viewer's watchlist may be sent: at any level, but never about a warning or recall the
    viewer may not see (a consumer never learns of a NOTICE, CIRCULAR or DRAFT through a match)."""
    if d.recall is not None:
        if not recall_visibility.can_see(viewer, d.recall):
            return False
        if d.warning is not None and warning_visibility.can_see(viewer, d.warning):
            return wanted.matches_content(d.warning)
        return True
    return d.warning is not None and warning_visibility.can_see(viewer, d.warning) and wanted.matches_content(
        d.warning)


class _Decider:
    """How an event goes to this subscriber: PLAIN, WATCH (a match on its own watchlist, instead of the plain type:
    one event per log entry, so the cursor stays the log position) or None."""

    __slots__ = ("min_level", "owner", "plain_key", "viewer", "wanted", "watch_key")

    def __init__(self, viewer: Viewer, min_level: WarningLevel, wanted: AlertMatch) -> None:
        audience = audience_key(viewer)
        self.viewer, self.min_level, self.wanted = viewer, min_level, wanted
        self.owner = alert_visibility.watchlist_owner(viewer) \
            if AlertEventType.WATCHLIST_MATCH.value in wanted.types else None
        # Every subscriber of one audience with the same level floor and filter decides alike: once per event.
        self.plain_key = ("plain", audience, min_level, wanted)
        self.watch_key = ("watch", audience, wanted)

    def __call__(self, d: Delivery) -> str | None:
        if self.owner is not None and self.owner in d.watchers:
            # Decided once per event for every watcher with the same audience and filter; only the lookup in
            # `watchers` is per subscriber (no database call).
            ok = d.memo.get(self.watch_key)
            if ok is None:
                ok = d.memo[self.watch_key] = _watched(self.viewer, self.wanted, d)
            if ok:
                return WATCH
        decided = d.memo.get(self.plain_key)
        if decided is None:
            decided = d.memo[self.plain_key] = _plain(self.viewer, self.min_level, self.wanted, d)
        return PLAIN if decided else None


def _seconds_left(viewer: Viewer) -> float | None:
    if viewer.expires_at is None:
        return None
    return (viewer.expires_at - datetime.now(UTC)).total_seconds()


@strawberry.type
class AlertSubscription:
    @strawberry.subscription(description="Alerts (实时预警) at or above `minLevel`: replays events after `after`, "
                                         "then live, under the same visibility as queries. Events without a "
                                         "warning (CREDIT_CHANGED, COMPLAINT_SIGNAL, RECALL_ORDERED without one) and "
                                         "WATCHLIST_MATCH come only when `filter.types` asks for them; watchlist "
                                         "matches ignore `minLevel`.")
    async def alerts(self, info: Info,
                     min_level: Annotated[WarningLevel, strawberry.argument(
                         description="The lowest warning level sent (最低预警级别); a level change is sent when "
                                     "either level reaches it. Watchlist matches ignore it.")] = WarningLevel.ORANGE,
                     after: Annotated[str | None, strawberry.argument(
                         description="A cursor from an earlier event (游标): replays what followed it, then goes "
                                     "live, with no gap and no duplicate.")] = None,
                     filter: Annotated[AlertFilter | None, strawberry.argument(
                         description="Narrows the stream and opts in to the events without a warning (订阅筛选).")]
                     = None) -> AsyncGenerator[AlertEvent, None]:
        viewer = viewer_of(info)
        audience = audience_key(viewer)
        decide = _Decider(viewer, min_level, AlertMatch.of(filter))

        def accepts(delivery: Delivery) -> bool:
            return decide(delivery) is not None

        hub = get_hub()
        # Subscribe before replaying so nothing published during the replay falls in a gap.
        sub = hub.subscribe(accepts, str(audience[0]))
        adopted = False
        try:
            if after is not None:
                last = decode_cursor(after)
                more = True
                while more:
                    batch, last, more = await hub.replays.read(last)
                    for delivery in batch:
                        if (mode := decide(delivery)) is not None:
                            yield AlertEvent.from_delivery(delivery, audience, viewer, mode)
            else:
                last = hub.last_seq
            direct = _DirectSend.of(info, sub, decide, audience, viewer)
            while True:
                if direct is not None and sub.queue.empty():
                    # Caught up with the queue (no await since it was found empty, so nothing slips in between):
                    # from here the hub writes this subscription's frames itself.
                    direct.last = last
                    sub.direct, direct = direct, None
                    if viewer.expires_at is None and sub.direct.adopt(hub):
                        # No token to expire: nothing is left for this generator to do. Its socket holds the
                        # subscription from here; ending this task frees strawberry's pipeline (~10 KB each).
                        adopted = True
                        task = asyncio.current_task()
                        assert task is not None
                        task.cancel()
                        await asyncio.sleep(0)
                timeout = _seconds_left(viewer)
                if timeout is not None and timeout <= 0:
                    raise ApiError(ErrorCode.UNAUTHENTICATED, "token expired; subscribe again with a fresh token")
                try:
                    # asyncio.timeout, not wait_for: wait_for wraps the wait in a task of its own (Python 3.11)
                    async with asyncio.timeout(timeout):
                        item = await sub.queue.get()
                except TimeoutError:
                    continue  # re-checks expiry
                if item is OVERFLOW:
                    log.info("closing a subscriber that fell %d events behind", hub.queue_size)
                    await info.context.request.close(code=SLOW_CONSUMER_CLOSE_CODE, reason=SLOW_CONSUMER_REASON)
                    # Returning would make strawberry send `complete` on the closed socket; its clean-up on
                    # the disconnect that the close queues cancels this generator instead.
                    await asyncio.Event().wait()
                if item.seq <= last:
                    continue  # already sent by the replay
                last = item.seq
                yield AlertEvent.from_delivery(item, audience, viewer, decide(item) or PLAIN)
        finally:
            if not adopted:
                hub.unsubscribe(sub)


class _DirectSend:
    """Sends live events of one subscription straight to its socket (issue 16): the event is executed once per
    audience and operation with the subscription's own executor (what strawberry would do per subscriber), its
    frame encoded once, and written by the hub's task; no task, queue or per-event pipeline per subscriber."""

    __slots__ = ("audience", "decide", "executor", "group", "key", "last", "op_id", "outlet", "prefix", "socket",
                 "sub", "viewer")

    def __init__(self, sub: Subscriber, decide: _Decider, audience: tuple[object, ...], viewer: Viewer,
                 executor: SharedResultExecutionContext, socket: Socket, op_id: str) -> None:
        self.sub, self.decide, self.audience, self.viewer = sub, decide, audience, viewer
        self.executor, self.socket, self.outlet = executor, socket, socket.outlet
        self.op_id, self.prefix = op_id, frame_prefix(op_id)
        self.key = ("frame", *executor.result_key)
        # A watchlist owner decides per subscriber; everyone else shares the decision and payload of its group.
        self.group = _group_of(decide.plain_key, executor.result_key, executor.operation) \
            if decide.owner is None else None
        self.last = 0

    def adopt(self, hub: AlertHub) -> bool:
        """Hand the subscription to its socket: it ends when the client completes it or the socket closes, and a
        subscriber that falls behind closes the socket (4008) without a generator to do it."""
        sub = self.sub
        if not self.socket.adopt(self.op_id, lambda: hub.unsubscribe(sub)):
            return False
        sub.on_overflow = partial(self.socket.close_slow, SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON)
        return True

    @classmethod
    def of(cls, info: Info, sub: Subscriber, decide: _Decider, audience: tuple[object, ...],
           viewer: Viewer) -> _DirectSend | None:
        """For a subscription over our WebSocket handler; None elsewhere (it then yields every event)."""
        link, executor = current_socket.get(), current_subscription.get()
        if link is None or executor is None or executor.context_value is not info.context:
            return None
        socket, op_id = link
        return cls(sub, decide, audience, viewer, executor, socket, op_id)

    def __call__(self, d: Delivery) -> bool | Awaitable[bool]:
        if d.seq <= self.last:
            return False
        group = self.group
        if group is not None:
            # The hot path: one lookup for what the group's first subscriber decided and rendered for this event.
            payload = d.memo.get(group)
            if payload is not None:
                if payload is False:
                    return False
                self.last = d.seq
                counted_shared()
                return self._send(payload)
        mode = self.decide(d)
        if mode is None:
            if group is not None:
                d.memo[group] = False
            return False
        self.last = d.seq
        event = AlertEvent.from_delivery(d, self.audience, self.viewer, mode)
        hit = event.shared_results.get(self.key)
        if hit is None or hit[0] is not self.executor.operation:
            return self._render_and_send(d, event)
        if group is not None:
            d.memo[group] = hit[1]
        counted_shared()
        return self._send(hit[1])

    def _send(self, payload: str) -> bool:
        if not self.sub.active:
            return False  # ended while its audience's frame was being rendered
        if not self.outlet.push(self.sub, self.prefix + payload + "}"):
            self.sub.overflow()
            return False
        return True

    async def _render_and_send(self, d: Delivery, event: AlertEvent) -> bool:
        try:
            result = execute_subscription_event(self.executor.build_per_event_executor(event))
            if isawaitable(result):
                result = await result
        except Exception as exc:  # the hub goes on with the others; strawberry would send this too
            result = GraphQLExecutionResult(None, [GraphQLError(str(exc), original_error=exc)])
        payload = _next_payload(result)  # errors get their codes (and are logged) by the one mapping, classify()
        event.shared_results[self.key] = (self.executor.operation, payload)
        if self.group is not None:
            d.memo[self.group] = payload
        return self._send(payload)


class _Group:
    """Live subscriptions that get the very same payload for every event: one audience, level floor and filter, one
    operation with the same variables. The group object itself keys what its first subscriber decided and rendered
    for an event (`Delivery.memo`), so the others pay one lookup by identity."""

    __slots__ = ("__weakref__", "operation")

    def __init__(self, operation: object) -> None:
        self.operation = operation  # kept alive: the group's key holds its id


# A group lives as long as one of its subscriptions does.
_groups: weakref.WeakValueDictionary[tuple, _Group] = weakref.WeakValueDictionary()


def _group_of(plain_key: tuple, result_key: tuple, operation: object) -> _Group:
    key = (plain_key, result_key)
    group = _groups.get(key)
    if group is None or group.operation is not operation:
        group = _groups[key] = _Group(operation)
    return group


def _next_payload(result: GraphQLExecutionResult) -> str:
    """A `next` payload as strawberry builds it: data, and errors given their contract codes (no extensions: the
    operation's cost report is not per event)."""
    if not result.errors:
        return payload_json(result.data)
    for error in result.errors:
        classify(error)
    return orjson.dumps({"data": result.data, "errors": [e.formatted for e in result.errors]}).decode()
