"""Recall actions: the only code that writes recalls. The change, its audit entry and its change-log entry
are written in one transaction, guarded by the revision."""

from __future__ import annotations

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.audit import models as audit
from documents.changelog import actions as changelog
from documents.core.clock import utcnow
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.db.transactions import in_transaction
from documents.enums import AlertEventType, ChangeTopic
from documents.recalls import rules
from documents.recalls.models import ProgressReport, Recall

MAX_NOTE = 1000


async def load(recall_id: ObjectId) -> Recall:
    """The recall with that id, or NotFound."""
    recall = await Recall.get(recall_id)
    if recall is None:
        raise NotFound("no such recall")
    return recall


async def report_progress(recall: Recall, units_recovered: int, refunds_cny: float | None, note: str | None, *,
                          by: str) -> Recall:
    """Record cumulative progress (units only grow, up to units affected; refunds >= 0); the status follows."""
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise RuleViolation(f"note is longer than {MAX_NOTE} characters", field="note")
    update = rules.report_progress(rules.Progress(recall.status, recall.units_affected, recall.units_recovered,
                                                  recall.refunds_cny), units_recovered, refunds_cny)
    revision = recall.revision
    at = utcnow()
    recall.status = update.progress.status
    recall.units_recovered = update.progress.units_recovered
    recall.refunds_cny = update.progress.refunds_cny
    recall.progress_reports.append(ProgressReport(at=at, units_recovered=units_recovered, refunds_cny=refunds_cny,
                                                  note=note, by=by))
    recall.revision = revision + 1
    coll = Recall.get_pymongo_collection()

    async def precheck() -> None:
        current = await coll.find_one({"_id": recall.id}, {"revision": 1})
        if current is None or current.get("revision", 0) != revision:
            raise StateConflict("the recall was changed by someone else; reload and try again")

    async def write(session: AsyncClientSession) -> None:
        # The whole document with a revision condition (update operators store sub-documents as strings on
        # the embedded server, documents/db/query_shapes.py).
        result = await coll.replace_one({"_id": recall.id, "revision": revision},
                                        recall.model_dump(by_alias=True, mode="python"), session=session)
        if result.matched_count != 1:
            raise StateConflict("the recall was changed by someone else; reload and try again")
        await audit.record("recall_progress_reported", actor=by, target=f"recall:{recall.code}", session=session,
                           units_recovered=units_recovered, refunds_cny=refunds_cny,
                           status=recall.status.value)
        await changelog.append(session, ChangeTopic.RECALL, AlertEventType.RECALL_PROGRESS, recall.id, at)

    await in_transaction(write, precheck=precheck)
    return recall
