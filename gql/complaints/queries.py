"""`complaints` (scoped by role), `complaintStats` (counts only) and `complaintSignals` (regulators)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from auth.viewer import Viewer as Caller
from auth.visibility import complaints as visibility
from documents.complaints import rules
from documents.complaints.models import Complaint as ComplaintDoc
from documents.core.clock import utcnow
from documents.core.errors import RuleViolation
from documents.enterprises.models import check_uscc
from documents.enums import ComplaintStatus
from gql.complaints.types import Complaint, ComplaintSignal, ComplaintStats, KeyCount, combine, complaint_page
from gql.core.connections import Connection
from gql.core.permissions import forbid, unauthenticated, viewer_of

MAX_SCANNED = 50_000  # complaints read for statistics and signals (a window, not the whole history)
DEFAULT_SIGNAL_WINDOW_DAYS = 30
DEFAULT_SIGNAL_THRESHOLD = 3


@strawberry.input(description="Filters on complaints (投诉筛选).")
class ComplaintFilter:
    statuses: list[ComplaintStatus] | None = strawberry.field(default=None, description="Any of these statuses.")
    uscc: str | None = strawberry.field(default=None, description="About this enterprise (涉事企业 USCC).")
    overdue: bool | None = strawberry.field(
        default=None, description="true: past the open deadline (已逾期); false: closed or still in time.")


def filter_query(f: ComplaintFilter | None, now: datetime) -> dict[str, Any]:
    q: dict[str, Any] = {}
    if f is None:
        return q
    if f.statuses:
        q["status"] = {"$in": [s.value for s in f.statuses]}
    if f.uscc:
        q["enterprise_uscc"] = check_uscc(f.uscc, field="uscc")
    if f.overdue is True:
        q["due_at"] = {"$lt": now}
    elif f.overdue is False:
        q["$or"] = [{"due_at": None}, {"due_at": {"$gte": now}}]
    return q


def restriction_or_refusal(viewer: Caller) -> dict[str, Any]:
    """The viewer's restriction; UNAUTHENTICATED when anonymous, FORBIDDEN when it sees no complaint at all."""
    if viewer.is_anonymous:
        raise unauthenticated()
    restriction = visibility.query_filter(viewer)
    if restriction is None:
        raise forbid("complaints are visible to their complainant, the enterprise concerned and regulators; "
                     "agencies with complaints:aggregate read complaintStats")
    return restriction


async def _recent(since: datetime, projection: dict[str, int]) -> list[dict]:
    coll = ComplaintDoc.get_pymongo_collection()
    cursor = coll.find({"created_at": {"$gte": since}}, projection).sort("created_at", -1).limit(MAX_SCANNED)
    return await cursor.to_list(MAX_SCANNED)


def _counts(values: list[str]) -> list[KeyCount]:
    return [KeyCount(key=k, count=n) for k, n in sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))]


@strawberry.type
class ComplaintQuery:
    @strawberry.field(description="Complaints, newest first (投诉列表), scoped by role: a consumer's own, the "
                                  "enterprise's (without personal data), all for regulators; FORBIDDEN for agencies.")
    async def complaints(self, info: Info,
                         filter: Annotated[ComplaintFilter | None, strawberry.argument(
                             description="Statuses, enterprise, overdue (筛选).")] = None,
                         first: Annotated[int | None, strawberry.argument(
                             description="Page size, default 20, at most 100.")] = None,
                         after: Annotated[str | None, strawberry.argument(
                             description="The endCursor of the previous page.")] = None) -> Connection[Complaint]:
        viewer = viewer_of(info)
        restriction = restriction_or_refusal(viewer)
        q = combine(filter_query(filter, utcnow()), restriction)
        return await complaint_page(viewer, q, first, after)

    @strawberry.field(description="Complaint counts (投诉统计) since a time (default: 365 days ago); regulators and "
                                  "agencies with complaints:aggregate. No individual complaint is reachable from it.")
    async def complaint_stats(self, info: Info, since: Annotated[datetime | None, strawberry.argument(
            description="Count complaints filed since then (起始时间); default 365 days ago.")] = None
                              ) -> ComplaintStats:
        viewer = viewer_of(info)
        if viewer.is_anonymous:
            raise unauthenticated()
        if not visibility.can_read_aggregates(viewer):
            raise forbid("complaint statistics need a regulator or the complaints:aggregate scope")
        now = utcnow()
        docs = await _recent(since or now - timedelta(days=365),
                             {"status": 1, "category": 1, "region": 1, "due_at": 1})
        overdue = sum(1 for d in docs if d.get("due_at") is not None and rules.met(d["due_at"], None, now) is False)
        return ComplaintStats(
            total=len(docs), overdue=overdue, by_status=_counts([d["status"] for d in docs]),
            by_category=_counts([d["category"] for d in docs if d.get("category")]),
            by_province=_counts([d["region"][:2] for d in docs if d.get("region")]))

    @strawberry.field(description="Complaint signals (投诉聚集信号) for regulators: complaints grouped by GTIN, brand "
                                  "and category; the groups with at least `threshold` complaints filed in the last "
                                  "`windowDays` days (rejected complaints do not count).")
    async def complaint_signals(self, info: Info,
                                window_days: Annotated[int, strawberry.argument(
                                    description="The window in days, 1-366 (时间窗口).")] = DEFAULT_SIGNAL_WINDOW_DAYS,
                                threshold: Annotated[int, strawberry.argument(
                                    description="Complaints a group needs to raise a signal (阈值), at least 1.")
                                ] = DEFAULT_SIGNAL_THRESHOLD) -> list[ComplaintSignal]:
        viewer = viewer_of(info)
        if viewer.is_anonymous:
            raise unauthenticated()
        if not visibility.can_read_signals(viewer):
            raise forbid("complaint signals are for regulators")
        if not 1 <= window_days <= 366:
            raise RuleViolation("windowDays must be between 1 and 366", field="windowDays")
        now = utcnow()
        window = timedelta(days=window_days)
        docs = await _recent(now - window, {"created_at": 1, "status": 1, "product_key": 1, "product_code_type": 1,
                                            "brand": 1, "category": 1})
        return [ComplaintSignal(complaint_ids=list(s.complaint_ids), group=s.group, key=s.key, count=s.count,
                                threshold=threshold, first_at=s.first_at, last_at=s.last_at)
                for s in rules.signals(docs, now, window, threshold)]
