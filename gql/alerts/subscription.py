"""The `alerts` subscription: replay after a cursor, then live, under the same visibility rules as queries."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime

import strawberry
from strawberry.types import Info

from auth.viewer import Viewer
from auth.visibility import recalls as recall_visibility
from auth.visibility import warnings as warning_visibility
from auth.visibility.audience import audience_key
from documents.enums import AlertEventType, WarningLevel
from gql.alerts.filters import AlertFilter, AlertMatch
from gql.alerts.hub import OVERFLOW, Delivery, event_matches_level, get_hub, read_log
from gql.core import cursors
from gql.core.errors import ApiError, ErrorCode, bad_input
from gql.core.permissions import viewer_of
from gql.recalls.types import Recall
from gql.warnings.types import Warning

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


@strawberry.type(description="A publication, level change or lift of a warning, or a recall ordered for a RED/ORANGE "
                             "warning (预警推送), as pushed to subscribers.")
class AlertEvent:
    cursor: str = strawberry.field(description="Pass as `after` when reconnecting to replay what was missed.")
    type: AlertEventType
    level: WarningLevel
    previous_level: WarningLevel | None
    warning: Warning = strawberry.field(description="The warning; for RECALL_ORDERED, the warning the recall answers.")
    recall: Recall | None = strawberry.field(description="The ordered recall (责令召回) of a RECALL_ORDERED event; "
                                                         "null for warning events.")
    at: datetime
    # Results of executing selections on this object, shared by its audience (gql/shared_results.py).
    shared_results: strawberry.Private[dict]

    @classmethod
    def from_delivery(cls, d: Delivery, audience: tuple[object, ...]) -> AlertEvent:
        """One object per event and audience, so its execution results can be shared."""
        event = d.memo.get(audience)
        if event is None:
            e = d.event
            event = d.memo[audience] = cls(
                cursor=encode_cursor(int(e["seq"])), type=AlertEventType(e["type"]), level=WarningLevel(e["level"]),
                previous_level=WarningLevel(e["previous_level"]) if e.get("previous_level") else None,
                warning=Warning.from_doc(d.warning), recall=Recall.from_doc(d.recall) if d.recall else None,
                at=e["at"], shared_results={})
        return event


def _accepts(viewer: Viewer, min_level: WarningLevel, wanted: AlertMatch) -> Callable[[Delivery], bool]:
    kinds = warning_visibility.visible_kinds(viewer)
    reads_recalls = recall_visibility.can_read(viewer)
    memo_key = ("accepts", min_level, kinds, reads_recalls, wanted)

    def accepts(delivery: Delivery) -> bool:
        # Decided once per event for all subscribers with the same level floor and visible kinds (and, for an
        # ordered recall, who may read recalls): the event carries both the warning and the recall.
        decided = delivery.memo.get(memo_key)
        if decided is None:
            e = delivery.event
            decided = delivery.memo[memo_key] = event_matches_level(e, min_level) and wanted.matches(
                e, delivery.warning) and warning_visibility.can_see(
                viewer, delivery.warning) and (delivery.recall is None or recall_visibility.can_see(viewer,
                                                                                                    delivery.recall))
        return decided

    return accepts


def _seconds_left(viewer: Viewer) -> float | None:
    if viewer.expires_at is None:
        return None
    return (viewer.expires_at - datetime.now(UTC)).total_seconds()


@strawberry.type
class AlertSubscription:
    @strawberry.subscription(description="Alerts (实时预警) at or above `minLevel`: replays events after `after`, "
                                         "then live, under the same visibility as queries.")
    async def alerts(self, info: Info, min_level: WarningLevel = WarningLevel.ORANGE,
                     after: str | None = None, filter: AlertFilter | None = None) -> AsyncGenerator[AlertEvent, None]:
        viewer = viewer_of(info)
        audience = audience_key(viewer)
        accepts = _accepts(viewer, min_level, AlertMatch.of(filter))
        hub = get_hub()
        # Subscribe before replaying so nothing published during the replay falls in a gap.
        sub = hub.subscribe(accepts, str(audience[0]))
        try:
            if after is not None:
                last = decode_cursor(after)
                more = True
                while more:
                    batch, last, more = await read_log(last)
                    for delivery in batch:
                        if accepts(delivery):
                            yield AlertEvent.from_delivery(delivery, audience)
            else:
                last = hub.last_seq
            while True:
                timeout = _seconds_left(viewer)
                if timeout is not None and timeout <= 0:
                    raise ApiError(ErrorCode.UNAUTHENTICATED, "token expired; subscribe again with a fresh token")
                try:
                    item = await asyncio.wait_for(sub.queue.get(), timeout)
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
                yield AlertEvent.from_delivery(item, audience)
        finally:
            hub.unsubscribe(sub)
