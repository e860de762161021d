"""Recall duties (召回义务) written inside the transaction of the change that causes or meets them.

The rules that decide which duty is owed and by when are pure (documents/recalls/rules.py); this module turns
them into RecallDuty documents in the caller's session. Dates are written as whole documents (the embedded
server stores dates given to `$set` as strings, documents/db/query_shapes.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.db.query_shapes import find_keyed
from documents.enums import DutyKind, DutyState, Measure, WarningStatus
from documents.recalls import rules
from documents.recalls.models import RecallDuty


def cause_key(kind: DutyKind, subject_id: Any, suffix: str | int | None = None) -> str:
    """The natural key of a duty: one per kind and cause (recall or warning) and, where several, per suffix."""
    return f"{kind.value}:{subject_id}" + (f":{suffix}" if suffix is not None else "")


def to_document(duty: rules.Duty, key: str, *, recall_id: PydanticObjectId | None = None,
                warning_id: PydanticObjectId | None = None, at: datetime) -> RecallDuty:
    doc = RecallDuty(kind=duty.kind, cause_key=key, enterprise_uscc=duty.enterprise_uscc, recall_id=recall_id,
                     recall_code=duty.recall_code, warning_id=warning_id, warning_code=duty.warning_code,
                     due_at=duty.due_at, due_day=duty.deadline.day.isoformat(),
                     calendar_exact=duty.deadline.calendar_exact, created_at=at)
    doc.refresh_derived()
    return doc


async def insert_new(session: AsyncClientSession, duties: Iterable[RecallDuty]) -> list[RecallDuty]:
    """Insert the duties whose cause key is not taken yet (rules stay idempotent); returns those inserted."""
    wanted = {d.cause_key: d for d in duties}
    if not wanted:
        return []
    coll = RecallDuty.get_pymongo_collection()
    # By equality on the embedded server once the collection is large (`$in` there scans every duty).
    taken = {d["cause_key"] for d in await find_keyed(coll, "cause_key", list(wanted), {"cause_key": 1}, session)}
    new = [d for key, d in wanted.items() if key not in taken]
    if new:
        await coll.insert_many([d.model_dump(by_alias=True, mode="python") for d in new], session=session)
    return new


async def meet(session: AsyncClientSession, query: dict[str, Any], *, by: str, at: datetime,
               note: str | None = None, kinds: Iterable[DutyKind] | None = None) -> list[dict]:
    """Mark the unmet duties matching `query` as met (whole documents, revision-guarded); returns them."""
    coll = RecallDuty.get_pymongo_collection()
    met = await coll.find({**query, "met_at": None}, session=session).to_list(None)
    if kinds is not None:  # of the few open duties found, here (`$in` on `kind` would scan on the embedded server)
        wanted = {k.value for k in kinds}
        met = [doc for doc in met if doc.get("kind") in wanted]
    for doc in met:
        doc.update(met_at=at, met_by=by, met_note=note, revision=doc.get("revision", 0) + 1)
        await coll.replace_one({"_id": doc["_id"], "revision": doc["revision"] - 1}, doc, session=session)
    return met


async def meet_progress_duties(session: AsyncClientSession, recall_id: PydanticObjectId, *, by: str, at: datetime,
                               note: str | None = None) -> list[dict]:
    """A progress report (or completion) meets the recall's open progress-report duties."""
    return await meet(session, {"recall_key": str(recall_id)}, by=by, at=at, note=note, kinds=rules.PROGRESS_DUTIES)


async def on_warning_published(session: AsyncClientSession, *, warning_id: PydanticObjectId, warning_code: str,
                               status: WarningStatus, measures: Iterable[Measure], enterprise_usccs: Iterable[str],
                               published_at: datetime | None) -> list[RecallDuty]:
    """A published warning ordering DEFECT_RECALL owes a recall from each enterprise it names
    (called by documents/warnings/actions.py inside the publication's transaction)."""
    found = rules.warning_recall_duties(status, measures, enterprise_usccs, published_at, warning_code)
    assert published_at is not None or not found
    docs = [to_document(d, cause_key(d.kind, warning_id, d.enterprise_uscc), warning_id=warning_id,
                        at=published_at or datetime.min) for d in found]
    return await insert_new(session, docs)


def state_query(states: Iterable[DutyState], now: datetime) -> dict[str, Any] | None:
    """A filter for duties in `states` at `now` (OPEN/OVERDUE derive from the deadline); None for every state."""
    wanted = set(states)
    if not wanted or wanted == set(DutyState):
        return None
    parts: list[dict[str, Any]] = []
    if DutyState.MET in wanted:
        parts.append({"met_at": {"$ne": None}})
    if DutyState.OPEN in wanted and DutyState.OVERDUE in wanted:
        parts.append({"met_at": None})
    elif DutyState.OPEN in wanted:
        parts.append({"met_at": None, "due_at": {"$gte": now}})
    elif DutyState.OVERDUE in wanted:
        parts.append({"met_at": None, "due_at": {"$lt": now}})
    return parts[0] if len(parts) == 1 else {"$or": parts}
