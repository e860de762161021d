"""Defect-report actions: the only code that writes defect reports. Each change and its audit entry are written in
one transaction, guarded by the revision; confirming a report can order its recall in that same transaction."""

from __future__ import annotations

from datetime import datetime

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.audit import models as audit
from documents.core.clock import utcnow
from documents.core.errors import NotFound, StateConflict
from documents.db.counters import next_value
from documents.db.transactions import in_transaction
from documents.defects.models import ASSESSABLE, DefectReport, code_counter, format_code
from documents.enums import DefectReportStatus, RecallType
from documents.recalls import actions as recall_actions
from documents.recalls.models import Recall
from documents.uploads import actions as uploads

STALE = "the defect report was changed by someone else; reload and try again"
ORDERED_ASSESSMENT = "确认存在缺陷，责令召回 / defect confirmed, recall ordered"


async def load(report_id: ObjectId) -> DefectReport:
    report = await DefectReport.get(report_id)
    if report is None:
        raise NotFound("no such defect report")
    return report


def _precheck(report: DefectReport, revision: int) -> recall_actions.Precheck:
    async def precheck() -> None:
        current = await DefectReport.get_pymongo_collection().find_one({"_id": report.id}, {"revision": 1})
        if current is None or current.get("revision", 0) != revision:
            raise StateConflict(STALE)
    return precheck


async def _replace(session: AsyncClientSession, report: DefectReport, revision: int) -> None:
    result = await DefectReport.get_pymongo_collection().replace_one(
        {"_id": report.id, "revision": revision}, report.model_dump(by_alias=True, mode="python"), session=session)
    if result.matched_count != 1:
        raise StateConflict(STALE)


def claimer_of(report: DefectReport) -> str:
    """How an upload records that this report claimed it as evidence."""
    return f"defect_report:{report.id}"


async def submit(report: DefectReport, *, by: str, uploader_id: str | None = None,
                 at: datetime | None = None) -> DefectReport:
    """Store a new report (SUBMITTED) with its DR-<year>-NNNNNN code, allocated inside the transaction. Its
    evidence ids (upload ids, hex) must be uploads of `uploader_id` that nothing has claimed; they are claimed in
    the same transaction, so the sweep of unclaimed uploads keeps them."""
    report.validate_content()
    report.created_at = at or utcnow()
    report.status = DefectReportStatus.SUBMITTED
    coll = DefectReport.get_pymongo_collection()
    evidence = list(report.evidence_ids)
    # Checked before anything is written on every store, and again inside the serialisation (precheck).
    await uploads.check_evidence(evidence, uploader_id)

    async def precheck() -> None:
        await uploads.check_evidence(evidence, uploader_id)

    async def write(session: AsyncClientSession) -> None:
        year = report.created_at.year
        while True:
            report.code = format_code(year, await next_value(code_counter(year), session=session))
            if await coll.find_one({"code": report.code}, {"_id": 1}, session=session) is None:
                break
        report.refresh_derived()
        await coll.insert_one(report.model_dump(by_alias=True, mode="python"), session=session)
        await uploads.claim_evidence(evidence, uploader_id, claimer_of(report), session)
        await audit.record("defect_report_submitted", actor=by, target=f"defect_report:{report.code}",
                           session=session, reporter_kind=report.reporter_kind.value, about=report.uscc,
                           evidence=len(report.evidence_ids))

    await in_transaction(write, precheck=precheck)
    return report


async def begin_assessment(report: DefectReport, *, by: str) -> DefectReport:
    """SUBMITTED -> UNDER_ASSESSMENT (a regulator takes it up)."""
    revision = report.revision
    report.begin_assessment()
    report.revision = revision + 1

    async def write(session: AsyncClientSession) -> None:
        await _replace(session, report, revision)
        await audit.record("defect_report_assessment_started", actor=by, target=f"defect_report:{report.code}",
                           session=session)

    await in_transaction(write, precheck=_precheck(report, revision))
    return report


async def assess(report: DefectReport, confirmed: bool, reason: str, *, by: str, warning_id: ObjectId | None = None,
                 order: Recall | None = None, order_warning: recall_actions.WarningRef | None = None,
                 at: datetime | None = None) -> tuple[DefectReport, Recall | None]:
    """Confirm or dismiss; a confirmation may link the warning it led to and order a recall (`order`), all in
    one transaction."""
    revision, at = report.revision, at or utcnow()
    report.assess(confirmed, reason, by, at)
    if warning_id is not None:
        report.warning_id = warning_id  # type: ignore[assignment]
    if order is not None and not confirmed:
        raise StateConflict("only a confirmed defect leads to a recall")
    report.revision = revision + 1
    if order is not None:
        recall = await _order(report, revision, order, order_warning, by, at)
        return report, recall

    async def write(session: AsyncClientSession) -> None:
        await _replace(session, report, revision)
        await audit.record("defect_report_assessed", actor=by, target=f"defect_report:{report.code}",
                           session=session, status=report.status.value, reason=report.assessment)

    await in_transaction(write, precheck=_precheck(report, revision))
    return report, None


async def order_recall(report: DefectReport, order: Recall, order_warning: recall_actions.WarningRef | None, *,
                       by: str, at: datetime | None = None) -> tuple[DefectReport, Recall]:
    """orderRecall with a defect report: a report still under assessment is confirmed by the order; a confirmed
    one is linked; a dismissed one, or one that already led to a recall, refuses (CONFLICT)."""
    revision, at = report.revision, at or utcnow()
    if report.status in ASSESSABLE:
        report.assess(True, ORDERED_ASSESSMENT, by, at)
    elif report.status is not DefectReportStatus.CONFIRMED or report.recall_id is not None:
        raise StateConflict(f"report is {report.status.value}" +
                            (" and already led to a recall" if report.recall_id else ""))
    report.revision = revision + 1
    return report, await _order(report, revision, order, order_warning, by, at)


async def _order(report: DefectReport, revision: int, order: Recall, order_warning: recall_actions.WarningRef | None,
                 by: str, at: datetime) -> Recall:
    order.type = RecallType.ORDERED
    order.defect_report_id = report.id

    async def also(session: AsyncClientSession, recall: Recall) -> None:
        report.link_recall(recall.id)
        await _replace(session, report, revision)
        await audit.record("defect_report_assessed", actor=by, target=f"defect_report:{report.code}",
                           session=session, status=report.status.value, reason=report.assessment,
                           recall=recall.code)

    try:
        return await recall_actions.announce(order, by=by, warning=order_warning, at=at, also=also,
                                             also_precheck=_precheck(report, revision))
    except BaseException:
        report.recall_id = None
        raise
