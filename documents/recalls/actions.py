"""Recall actions: the only code that writes recalls and their duties. A change, the duties it creates or meets,
its audit entry and its change-log entry are written in one transaction, guarded by the revision."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.audit import models as audit
from documents.changelog import actions as changelog
from documents.core.clock import utcnow
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.db.counters import next_value
from documents.db.query_shapes import each_batch, insert_missing, object_id, set_missing
from documents.db.transactions import in_transaction
from documents.enums import (
    AlertEventType,
    ChangeTopic,
    DutyKind,
    RecallStatus,
    RecallType,
    WarningKind,
    WarningLevel,
    WarningStatus,
)
from documents.recalls import duties, rules
from documents.recalls.models import (
    FILTER_TEXT_FIELDS,
    ProgressReport,
    Recall,
    RecallCode,
    RecallDuty,
    WarningRecalls,
    code_counter,
    code_entries,
    format_code,
    recall_search_texts,
)

MAX_NOTE = 1000
STALE = "the recall was changed by someone else; reload and try again"
# An ordered recall answering a warning at these levels is pushed to alert subscribers (RECALL_ORDERED).
ALERT_LEVELS = frozenset({WarningLevel.RED, WarningLevel.ORANGE})

Also = Callable[[AsyncClientSession, Recall], Awaitable[None]]
Precheck = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class WarningRef:
    """What a recall needs of the warning it answers (loaded by the caller, so the domains stay independent)."""

    id: PydanticObjectId
    code: str | None
    level: WarningLevel
    kind: WarningKind
    status: WarningStatus


async def load(recall_id: ObjectId) -> Recall:
    """The recall with that id, or NotFound."""
    recall = await Recall.get(recall_id)
    if recall is None:
        raise NotFound("no such recall")
    return recall


async def load_duty(duty_id: ObjectId) -> RecallDuty:
    """The duty with that id, or NotFound."""
    duty = await RecallDuty.get(duty_id)
    if duty is None:
        raise NotFound("no such duty")
    return duty


def _revision_check(recall: Recall, revision: int) -> Precheck:
    async def precheck() -> None:
        current = await Recall.get_pymongo_collection().find_one({"_id": recall.id}, {"revision": 1})
        if current is None or current.get("revision", 0) != revision:
            raise StateConflict(STALE)
    return precheck


async def _replace(session: AsyncClientSession, recall: Recall, revision: int) -> None:
    # The whole document with a revision condition (update operators store sub-documents and dates as strings
    # on the embedded server, documents/db/query_shapes.py).
    recall.refresh_derived()
    result = await Recall.get_pymongo_collection().replace_one(
        {"_id": recall.id, "revision": revision}, recall.model_dump(by_alias=True, mode="python"), session=session)
    if result.matched_count != 1:
        raise StateConflict(STALE)


def _both(first: Precheck, second: Precheck | None) -> Precheck:
    async def precheck() -> None:
        await first()
        if second is not None:
            await second()
    return precheck


async def _allocate_code(session: AsyncClientSession, year: int) -> str:
    """The next free RC-<year>-NNNNNN, inside the transaction (a failed write leaves no gap). Codes written
    without the counter (demo data) are skipped."""
    coll = Recall.get_pymongo_collection()
    while True:
        code = format_code(year, await next_value(code_counter(year), session=session))
        if await coll.find_one({"code": code}, {"_id": 1}, session=session) is None:
            return code


def _opening_duties(recall: Recall) -> list[RecallDuty]:
    """What a new recall owes: an ordered one a plan and a first report; a voluntary one a monthly report."""
    at = recall.announced_at
    found = rules.ordered_recall_duties(recall.type, recall.enterprise_uscc, at, recall.code)
    out = [duties.to_document(d, duties.cause_key(d.kind, recall.id), recall_id=recall.id, at=at) for d in found]
    if recall.type is RecallType.VOLUNTARY:
        monthly = rules.progress_report_duty(recall.status, recall.enterprise_uscc, recall.code, at)
        if monthly is not None:
            out.append(duties.to_document(monthly, duties.cause_key(monthly.kind, recall.id, 0), recall_id=recall.id,
                                          at=at))
    return out


async def announce(recall: Recall, *, by: str, warning: WarningRef | None = None, at: datetime | None = None,
                   also: Also | None = None, also_precheck: Precheck | None = None) -> Recall:
    """Store a new recall (voluntary or ordered, as `recall.type` says) with its code and opening duties; a recall
    answering a warning meets the enterprise's duty to recall for it. `also` writes in the same transaction."""
    at = at or utcnow()
    if warning is not None and warning.status is not WarningStatus.PUBLISHED:
        raise RuleViolation("a recall can only answer a published warning", field="warningId")
    recall.status = RecallStatus.ANNOUNCED
    recall.announced_at = at
    recall.created_by = by
    recall.warning_id = warning.id if warning else None
    recall.revision = 0
    recall.validate_content()
    coll = Recall.get_pymongo_collection()
    ordered = recall.type is RecallType.ORDERED

    async def write(session: AsyncClientSession) -> None:
        recall.code = await _allocate_code(session, at.year)
        recall.refresh_derived()
        doc = recall.model_dump(by_alias=True, mode="python")
        await coll.insert_one(doc, session=session)
        if entries := code_entries(doc):  # the lookup's code index, written once: codes are not edited afterwards
            await RecallCode.get_pymongo_collection().insert_many(entries, session=session)
        if warning is not None:
            await link_to_warning(recall.id, warning.id, session=session)
        created = await duties.insert_new(session, _opening_duties(recall))
        met = []
        if warning is not None:
            met = await duties.meet(session, {"cause_key": duties.cause_key(DutyKind.RECALL_FOR_WARNING, warning.id,
                                                                            recall.enterprise_uscc)},
                                    by=by, at=at, note=f"召回 recall {recall.code}")
        await audit.record("recall_ordered" if ordered else "recall_announced", actor=by,
                           target=f"recall:{recall.code}", session=session, type=recall.type.value,
                           enterprise=recall.enterprise_uscc,
                           warning=warning.code if warning else None, units_affected=recall.units_affected,
                           defect_report=str(recall.defect_report_id) if recall.defect_report_id else None,
                           duties_created=[d.cause_key for d in created], duties_met=[d["cause_key"] for d in met])
        link: dict[str, Any] = ({"warning_id": warning.id, "level": warning.level, "kind": warning.kind}
                                if warning else {})
        await changelog.append(session, ChangeTopic.RECALL,
                               AlertEventType.RECALL_ORDERED if ordered else AlertEventType.RECALL_ANNOUNCED,
                               recall.id, at, **link)
        if also is not None:
            await also(session, recall)

    await in_transaction(write, precheck=also_precheck)
    return recall


async def report_progress(recall: Recall, units_recovered: int, refunds_cny: float | None, note: str | None, *,
                          by: str, at: datetime | None = None) -> Recall:
    """Record cumulative progress (units only grow, up to units affected; refunds >= 0); the status follows. The
    report meets the open progress-report duties and, until the recall is complete, opens next month's."""
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise RuleViolation(f"note is longer than {MAX_NOTE} characters", field="note")
    update = rules.report_progress(rules.Progress(recall.status, recall.units_affected, recall.units_recovered,
                                                  recall.refunds_cny), units_recovered, refunds_cny)
    revision = recall.revision
    at = at or utcnow()
    recall.status = update.progress.status
    recall.units_recovered = update.progress.units_recovered
    recall.refunds_cny = update.progress.refunds_cny
    if recall.status is RecallStatus.COMPLETED:
        recall.completed_at = at
    recall.progress_reports.append(ProgressReport(at=at, units_recovered=units_recovered, refunds_cny=refunds_cny,
                                                  note=note, by=by))
    recall.revision = revision + 1
    number = len(recall.progress_reports)

    async def write(session: AsyncClientSession) -> None:
        await _replace(session, recall, revision)
        met = await duties.meet_progress_duties(session, recall.id, by=by, at=at, note=f"进展报告 report {number}")
        nxt = rules.progress_report_duty(recall.status, recall.enterprise_uscc, recall.code, recall.announced_at, at)
        created = await duties.insert_new(session, [duties.to_document(
            nxt, duties.cause_key(nxt.kind, recall.id, number), recall_id=recall.id, at=at)] if nxt else [])
        await audit.record("recall_progress_reported", actor=by, target=f"recall:{recall.code}", session=session,
                           units_recovered=units_recovered, refunds_cny=refunds_cny, status=recall.status.value,
                           duties_met=[d["cause_key"] for d in met], duties_created=[d.cause_key for d in created])
        await changelog.append(session, ChangeTopic.RECALL, AlertEventType.RECALL_PROGRESS, recall.id, at)

    await in_transaction(write, precheck=_revision_check(recall, revision))
    return recall


async def complete(recall: Recall, *, by: str, at: datetime | None = None) -> Recall:
    """IN_PROGRESS -> COMPLETED (the enterprise or a regulator judges the recall done); periodic reports end."""
    rules.check_transition(recall.status, RecallStatus.COMPLETED)
    revision, at = recall.revision, at or utcnow()
    recall.status, recall.completed_at, recall.revision = RecallStatus.COMPLETED, at, revision + 1

    async def write(session: AsyncClientSession) -> None:
        await _replace(session, recall, revision)
        met = await duties.meet_progress_duties(session, recall.id, by=by, at=at, note="召回完成 recall completed")
        await audit.record("recall_completed", actor=by, target=f"recall:{recall.code}", session=session,
                           units_recovered=recall.units_recovered, units_affected=recall.units_affected,
                           duties_met=[d["cause_key"] for d in met])
        await changelog.append(session, ChangeTopic.RECALL, AlertEventType.RECALL_COMPLETED, recall.id, at)

    await in_transaction(write, precheck=_revision_check(recall, revision))
    return recall


async def close(recall: Recall, reason: str, *, by: str, at: datetime | None = None) -> Recall:
    """COMPLETED -> CLOSED (结案) by a regulator after evaluating the effect; final."""
    reason = rules.check_reason(reason)
    rules.check_transition(recall.status, RecallStatus.CLOSED)
    revision, at = recall.revision, at or utcnow()
    recall.status, recall.closed_at, recall.close_reason = RecallStatus.CLOSED, at, reason
    recall.revision = revision + 1

    async def write(session: AsyncClientSession) -> None:
        await _replace(session, recall, revision)
        await audit.record("recall_closed", actor=by, target=f"recall:{recall.code}", session=session, reason=reason,
                           completion_rate=rules.completion_rate(recall.units_recovered, recall.units_affected))
        await changelog.append(session, ChangeTopic.RECALL, AlertEventType.RECALL_CLOSED, recall.id, at)

    await in_transaction(write, precheck=_revision_check(recall, revision))
    return recall


# Duties met by an act other than a progress report: the plan is handed in, or the recall a warning asked for is
# under way (announcing it with the warning linked meets the duty by itself).
FULFILLABLE = frozenset({DutyKind.RECALL_PLAN, DutyKind.RECALL_FOR_WARNING})


async def fulfil_duty(duty: RecallDuty, note: str, *, by: str, at: datetime | None = None) -> RecallDuty:
    """Record that a plan or a requested recall was handed in (met, even late: lateness stays visible)."""
    note = rules.check_reason(note, field="note")
    if duty.kind not in FULFILLABLE:
        raise StateConflict(f"a {duty.kind.value} duty is met by reporting recall progress")
    if duty.met_at is not None:
        raise StateConflict("the duty is already met")
    revision, at = duty.revision, at or utcnow()
    coll = RecallDuty.get_pymongo_collection()
    duty.met_at, duty.met_by, duty.met_note, duty.revision = at, by, note, revision + 1

    async def precheck() -> None:
        current = await coll.find_one({"_id": duty.id}, {"revision": 1, "met_at": 1})
        if current is None or current.get("revision", 0) != revision or current.get("met_at") is not None:
            raise StateConflict("the duty was changed by someone else; reload and try again")

    async def write(session: AsyncClientSession) -> None:
        result = await coll.replace_one({"_id": duty.id, "revision": revision},
                                        duty.model_dump(by_alias=True, mode="python"), session=session)
        if result.matched_count != 1:
            raise StateConflict("the duty was changed by someone else; reload and try again")
        await audit.record("recall_duty_met", actor=by, target=f"duty:{duty.cause_key}", session=session, note=note,
                           due_at=duty.due_at, enterprise=duty.enterprise_uscc)

    await in_transaction(write, precheck=precheck)
    return duty


async def link_to_warning(recall_id: ObjectId, warning_id: ObjectId, session: AsyncClientSession | None = None) -> None:
    """Record that a recall answers a warning (WarningRecalls); idempotent."""
    await WarningRecalls.get_pymongo_collection().update_one(
        {"_id": warning_id}, {"$addToSet": {"recall_keys": str(recall_id)}}, upsert=True, session=session)


async def index_lookup_keys(recalls: list[dict]) -> int:
    """Add what a recall's look-ups read, for recalls stored without it (seeded data, recalls stored before it): its
    RecallCode entries and its WarningRecalls link. Entries already there are kept; returns how many were added."""
    warnings = list({r["warning_id"] for r in recalls if r.get("warning_id")})
    found = await WarningRecalls.get_pymongo_collection().find({"_id": {"$in": warnings}}).to_list(None)
    linked = {object_id(d["_id"]): set(d.get("recall_keys", [])) for d in found}
    added = 0
    for r in recalls:
        if r.get("warning_id") and str(r["_id"]) not in linked.get(r["warning_id"], set()):
            await link_to_warning(r["_id"], r["warning_id"])
            added += 1
    entries = [e for r in recalls for e in code_entries(r)]
    return added + await insert_missing(RecallCode.get_pymongo_collection(), entries)


async def upgrade_search_texts() -> int:
    """Start-up upgrade: the search fields of recalls stored before them (`Recall.search_text`, `filter_text`);
    returns how many recalls got them."""
    def texts(r: dict) -> dict | None:
        if "search_text" in r and "filter_text" in r:
            return None
        search, filter_text = recall_search_texts(r)
        return {"search_text": search, "filter_text": filter_text}

    return await set_missing(Recall.get_pymongo_collection(),
                             dict.fromkeys([*FILTER_TEXT_FIELDS, "search_text", "filter_text"], 1), texts)


async def upgrade_duty_recall_keys() -> int:
    """Start-up upgrade: `recall_key` on duties stored before it (what a recall's duties are found by)."""
    return await set_missing(RecallDuty.get_pymongo_collection(), {"recall_id": 1, "recall_key": 1},
                             lambda d: {"recall_key": str(d["recall_id"])}
                             if d.get("recall_id") is not None and "recall_key" not in d else None)


async def upgrade_lookup_keys() -> int:
    """Start-up upgrade: the look-up entries of recalls stored before them (`index_lookup_keys`); returns how many
    entries were added."""
    return await each_batch(Recall.get_pymongo_collection(), {"warning_id": 1, "gtins": 1, "trace_codes": 1},
                            index_lookup_keys)
