"""Enterprise actions: the only code that writes enterprises, their credit, breach records and credit
applications. Each change, its audit entry and (for a level change) its change-log entry are written in one
transaction, guarded by the revisions of every document it touches."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from beanie import PydanticObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from documents.audit import models as audit
from documents.changelog import actions as changelog
from documents.core.clock import utcnow
from documents.core.errors import NotFound, StateConflict
from documents.db.query_shapes import each_batch, insert_missing
from documents.db.transactions import in_transaction
from documents.enterprises import rules
from documents.enterprises.models import (
    Breach,
    CreditApplication,
    CreditChange,
    Enterprise,
    EnterpriseKey,
    apply_review,
    check_uscc,
    new_application,
)
from documents.enums import (
    AlertEventType,
    BreachGrade,
    BreachSource,
    ChangeTopic,
    CreditApplicationKind,
    CreditBasis,
    CreditLevel,
)
from documents.uploads import actions as uploads

log = logging.getLogger("qsradar.enterprises")

# A change that lost a race re-reads and applies again; this many losses in a row is a real conflict.
MAX_ATTEMPTS = 50
INITIAL_RATING = "初始评定 initial rating"


class _Lost(Exception):
    """Another change landed first (a revision moved): re-read and apply again."""


@dataclass
class _Effect:
    """What one decision on an enterprise changes besides the enterprise itself."""

    audit_action: str
    audit_detail: dict[str, Any] = field(default_factory=dict)
    credit_change: CreditChange | None = None
    application: CreditApplication | None = None
    application_revision: int | None = None  # None: a new application (inserted)
    evidence_owner: str | None = None  # the uploader whose evidence files a new application claims


async def _load(code: str) -> Enterprise:
    current = await Enterprise.get_pymongo_collection().find_one({"uscc": code})
    if current is None:
        raise NotFound("no enterprise with this USCC")
    return Enterprise.model_validate(current)


def credit_fields(uscc: str, change: CreditChange) -> dict[str, Any]:
    """What a CREDIT_CHANGED log entry carries, so the alert stream decides and renders without loading."""
    return {"enterprise_uscc": uscc, "credit_level": change.to_level, "previous_credit_level": change.from_level}


def _dump(doc: Enterprise | CreditApplication) -> dict[str, Any]:
    # The whole document, not $set/$push: the embedded server stores dates and sub-documents given to update
    # operators as strings (documents/db/query_shapes.py).
    return doc.model_dump(by_alias=True, mode="python")


Decide = Callable[[Enterprise], Awaitable[_Effect]]


async def _change(code: str, decide: Decide, by: str) -> tuple[Enterprise, _Effect]:
    """Load the enterprise, let `decide` change it (pure checks raise there), write it with its application,
    audit and change-log entries in one transaction; a lost race re-reads and decides again."""
    for _ in range(MAX_ATTEMPTS):
        try:
            return await _attempt(code, decide, by)
        except _Lost:
            continue
        except DuplicateKeyError as exc:
            raise StateConflict("this enterprise already has an open application of this kind") from exc
    raise StateConflict("the enterprise is being changed by others; reload and try again", "STALE")


async def _attempt(code: str, decide: Decide, by: str) -> tuple[Enterprise, _Effect]:
    """One attempt on the enterprise as read now; _Lost when another change landed first."""
    enterprise = await _load(code)
    revision = enterprise.revision
    effect = await decide(enterprise)
    enterprise.revision = revision + 1
    application, app_revision = effect.application, effect.application_revision
    if application is not None and app_revision is not None:
        application.revision = app_revision + 1
    ent_coll = Enterprise.get_pymongo_collection()
    app_coll = CreditApplication.get_pymongo_collection()

    evidence = list(application.evidence_ids) if application is not None and app_revision is None else []

    async def precheck() -> None:
        # On the embedded store (transactions one at a time) a stale write is found here, before any write.
        again = await ent_coll.find_one({"_id": enterprise.id}, {"revision": 1})
        if again is None or again.get("revision", 0) != revision:
            raise _Lost
        await uploads.check_evidence(evidence, effect.evidence_owner)
        if application is not None and app_revision is not None:
            app = await app_coll.find_one({"_id": application.id}, {"revision": 1})
            if app is None or app.get("revision", 0) != app_revision:
                raise _Lost

    async def write(session: AsyncClientSession) -> None:
        result = await ent_coll.replace_one({"_id": enterprise.id, "revision": revision}, _dump(enterprise),
                                            session=session)
        if result.matched_count != 1:
            raise _Lost
        if application is not None:
            if app_revision is None:
                await app_coll.insert_one(_dump(application), session=session)
                # claimed with the application: the sweep of unclaimed uploads (24 h) keeps them
                await uploads.claim_evidence(evidence, effect.evidence_owner, f"credit_application:{application.id}",
                                             session)
            else:
                done = await app_coll.replace_one({"_id": application.id, "revision": app_revision},
                                                  _dump(application), session=session)
                if done.matched_count != 1:
                    raise _Lost  # aborts the transaction: the enterprise write above is undone
        change = effect.credit_change
        detail = dict(effect.audit_detail)
        if change is not None:
            detail.update(from_level=change.from_level.value if change.from_level else None,
                          to_level=change.to_level.value, reason=change.reason, basis=change.basis.value,
                          basis_ref=change.basis_ref)
        await audit.record(effect.audit_action, actor=by, target=f"enterprise:{code}", session=session, **detail)
        if change is not None:
            await changelog.append(session, ChangeTopic.ENTERPRISE, AlertEventType.CREDIT_CHANGED, enterprise.id,
                                   change.at, **credit_fields(enterprise.uscc, change))

    await in_transaction(write, precheck=precheck)
    return enterprise, effect


# ---- registration and credit level -------------------------------------------------------------------

async def register(enterprise: Enterprise, *, by: str) -> Enterprise:
    """Register an enterprise with its initial rating (the first history entry), audit and change-log entry."""
    enterprise.validate_profile()
    at = utcnow()
    enterprise.created_at = at
    enterprise.refresh_derived()
    change = CreditChange(from_level=None, to_level=enterprise.credit_level, reason=INITIAL_RATING, by=by, at=at)
    enterprise.credit_history = [change]
    coll = Enterprise.get_pymongo_collection()

    async def precheck() -> None:
        if await coll.find_one({"uscc": enterprise.uscc}, {"_id": 1}):
            raise StateConflict("an enterprise with this USCC is already registered")

    async def write(session: AsyncClientSession) -> None:
        await coll.insert_one(_dump(enterprise), session=session)
        await EnterpriseKey.get_pymongo_collection().insert_one(key_of(enterprise.uscc, enterprise.id), session=session)
        await audit.record("enterprise_registered", actor=by, target=f"enterprise:{enterprise.uscc}", session=session,
                           level=enterprise.credit_level.value)
        await changelog.append(session, ChangeTopic.ENTERPRISE, AlertEventType.CREDIT_CHANGED, enterprise.id, at,
                               **credit_fields(enterprise.uscc, change))

    try:
        await in_transaction(write, precheck=precheck)
    except DuplicateKeyError as exc:
        raise StateConflict("an enterprise with this USCC is already registered") from exc
    return enterprise


async def set_credit_level(uscc: str, level: CreditLevel, reason: str, *, by: str,
                           breach_id: str | None = None) -> dict[str, Any]:
    """A regulator changes an enterprise's credit level: history (basis MANUAL, or BREACH when it confirms a
    breach record, e.g. a threshold proposal), audit and change-log entry in one transaction, revision-checked,
    so concurrent changes each keep their entry (a lost race re-reads and applies again)."""
    code = check_uscc(uscc)

    async def decide(enterprise: Enterprise) -> _Effect:
        basis, ref = CreditBasis.MANUAL, None
        if breach_id:
            enterprise.breach(breach_id)  # RuleViolation on breachId when it is not this enterprise's record
            basis, ref = CreditBasis.BREACH, breach_id
        change = enterprise.set_credit_level(level, reason, by, basis=basis, basis_ref=ref)
        return _Effect("credit_level_changed", credit_change=change)

    enterprise, _ = await _change(code, decide, by)
    return _dump(enterprise)


async def record_breach(uscc: str, grade: BreachGrade, reason: str, *, by: str,
                        source: BreachSource = BreachSource.INSPECTION, source_ref: str | None = None,
                        at: datetime | None = None) -> tuple[dict[str, Any], Breach]:
    """Record a breach (失信行为记录). Never changes the level: thresholds only propose (Enterprise.credit_proposal)."""
    code = check_uscc(uscc)
    recorded: list[Breach] = []

    async def decide(enterprise: Enterprise) -> _Effect:
        breach = enterprise.record_breach(grade, reason, by, source=source, source_ref=source_ref, at=at)
        recorded[:] = [breach]
        return _Effect("breach_recorded", {"breach_id": breach.id, "grade": grade.value, "source": source.value,
                                           "source_ref": breach.source_ref, "reason": breach.reason})

    enterprise, _ = await _change(code, decide, by)
    return _dump(enterprise), recorded[0]


# ---- repair applications and objections --------------------------------------------------------------

async def file_application(uscc: str, kind: CreditApplicationKind, reason: str, *, by: str,
                           evidence_ids: list[str] | None = None, breach_id: str | None = None,
                           uploader_id: str | None = None) -> CreditApplication:
    """An enterprise applies for credit repair or objects to its rating; due in 20 working days. One open
    application per kind (CONFLICT for a second). Evidence ids must be uploads of `uploader_id` that nothing has
    claimed; the application claims them in its transaction."""
    code = check_uscc(uscc)

    async def decide(enterprise: Enterprise) -> _Effect:
        if await CreditApplication.get_pymongo_collection().find_one(
                {"pending_key": f"{enterprise.uscc}|{kind.value}"}, {"_id": 1}):
            raise StateConflict("this enterprise already has an open application of this kind")
        application = new_application(enterprise, kind, reason, by, evidence_ids=evidence_ids,
                                      breach_id=breach_id)
        await uploads.check_evidence(application.evidence_ids, uploader_id)  # a clear refusal before any write
        return _Effect("credit_application_filed", {"application_id": str(application.id), "kind": kind.value,
                                                    "evidence": len(application.evidence_ids)},
                       application=application, evidence_owner=uploader_id)

    _, effect = await _change(code, decide, by)
    assert effect.application is not None
    return effect.application


async def load_application(application_id: PydanticObjectId) -> CreditApplication:
    doc = await CreditApplication.get_pymongo_collection().find_one({"_id": application_id})
    if doc is None:
        raise NotFound("no such credit application")
    return CreditApplication.model_validate(doc)


async def review_application(application_id: PydanticObjectId, approve: bool, reason: str, *,
                             by: str) -> tuple[CreditApplication, dict[str, Any]]:
    """A regulator decides an application (PENDING -> APPROVED/REJECTED; a decided one is CONFLICT). An approved
    repair restores the previous tier and closes the breach; an upheld objection reverses the change."""
    first = await load_application(application_id)

    async def decide(enterprise: Enterprise) -> _Effect:
        application = await load_application(application_id)
        revision = application.revision
        change = apply_review(enterprise, application, approve, reason, by)
        return _Effect("credit_application_reviewed",
                       {"application_id": str(application.id), "kind": application.kind.value,
                        "state": application.state.value, "decision": application.decision_reason},
                       credit_change=change, application=application, application_revision=revision)

    enterprise, effect = await _change(first.enterprise_uscc, decide, by)
    assert effect.application is not None
    return effect.application, _dump(enterprise)


# ---- rules applied by other writes -------------------------------------------------------------------

async def downgrade_for_warning(session: AsyncClientSession, warning_id: PydanticObjectId, code: str | None,
                                usccs: Iterable[str], *, by: str, at: datetime) -> list[CreditChange]:
    """CREDIT_DOWNGRADE of a published warning: each named enterprise one tier lower (never below
    SERIOUSLY_DISHONEST) with the warning as basis, inside the publication's transaction (`session`).

    Reads and writes in the session, revision-checked; an enterprise not registered here is skipped (the warning
    may name any valid code). May run more than once if the driver retries the transaction: it re-reads each time.
    """
    coll = Enterprise.get_pymongo_collection()
    changes: list[CreditChange] = []
    for uscc in dict.fromkeys(usccs):
        doc = await coll.find_one({"uscc": uscc}, session=session)
        if doc is None:
            continue
        enterprise = Enterprise.model_validate(doc)
        revision = enterprise.revision
        change = enterprise.downgrade_for_warning(str(warning_id), code, by, at)
        if change is None:
            continue
        enterprise.revision = revision + 1
        result = await coll.replace_one({"_id": enterprise.id, "revision": revision}, _dump(enterprise),
                                        session=session)
        if result.matched_count != 1:
            raise StateConflict("an enterprise named by the warning was changed meanwhile; publish again")
        await audit.record("credit_level_changed", actor=by, target=f"enterprise:{uscc}", session=session,
                           from_level=change.from_level.value if change.from_level else None,
                           to_level=change.to_level.value, reason=change.reason, basis=change.basis.value,
                           basis_ref=change.basis_ref)
        await changelog.append(session, ChangeTopic.ENTERPRISE, AlertEventType.CREDIT_CHANGED, enterprise.id, at,
                               **credit_fields(uscc, change))
        changes.append(change)
    return changes


@dataclass(frozen=True)
class OverdueDuty:
    """What the overdue-duty rule needs from a recall duty (RecallDuty documents belong to documents/recalls)."""

    duty_id: str
    uscc: str
    due_at: datetime
    title: str = ""


async def record_overdue_duty_breaches(duties: Iterable[OverdueDuty], *, now: datetime | None = None,
                                       grace: timedelta = rules.DEFAULT_OVERDUE_GRACE,
                                       by: str = "system:overdue-duty-rule") -> list[Breach]:
    """The overdue-duty rule: a duty still unmet `grace` after its deadline records one GENERAL breach, once per
    duty (the breach's source reference is the duty id, so a second sweep records nothing)."""
    now = now or utcnow()
    recorded: list[Breach] = []
    for duty in duties:
        try:
            enterprise = await _load(duty.uscc)
        except NotFound:
            continue
        already = any(b.source is BreachSource.RECALL_DUTY and b.source_ref == duty.duty_id
                      for b in enterprise.breaches)
        if not rules.should_record_overdue_breach(now - duty.due_at, grace, already_recorded=already):
            continue
        reason = f"召回义务逾期 / recall duty overdue: {duty.title or duty.duty_id}"
        try:
            _, breach = await record_breach(duty.uscc, rules.OVERDUE_BREACH_GRADE, reason, by=by,
                                            source=BreachSource.RECALL_DUTY, source_ref=duty.duty_id, at=now)
        except StateConflict:
            continue  # recorded by a concurrent sweep
        recorded.append(breach)
    return recorded


# ---- look-up keys and start-up upgrades --------------------------------------------------------------

def key_of(uscc: str, enterprise_id: Any) -> dict:
    """The EnterpriseKey document of an enterprise (the USCC never changes once registered)."""
    return {"_id": uscc, "enterprise_id": enterprise_id}


async def index_keys(enterprises: list[dict]) -> int:
    """Add the EnterpriseKey entries of enterprises stored without them (seeded data, enterprises stored before the
    keys); entries already there are kept. Returns how many were added."""
    return await insert_missing(EnterpriseKey.get_pymongo_collection(),
                                [key_of(e["uscc"], e["_id"]) for e in enterprises])


async def upgrade_keys() -> int:
    """Start-up upgrade: the EnterpriseKey entries of enterprises stored before them; returns how many were added."""
    return await each_batch(Enterprise.get_pymongo_collection(), {"uscc": 1}, index_keys)


async def upgrade_stored() -> int:
    """Enterprises stored before keyset paging and fuzzy search get their derived fields (idempotent)."""
    coll = Enterprise.get_pymongo_collection()
    changed = 0
    async for doc in coll.find({"$or": [{"sort_key": {"$exists": False}}, {"search_text": {"$exists": False}}]}):
        enterprise = Enterprise.model_validate(doc)
        result = await coll.replace_one({"_id": doc["_id"], "revision": doc.get("revision", 0)}, _dump(enterprise))
        changed += int(result.modified_count)
    if changed:
        log.info("derived fields added to %d enterprises", changed)
    return changed
