"""Complaint actions: the only code that writes complaints. Filing is exactly-once per (complainant, key): the
unique index decides, a retry gets the stored complaint back, the same key with other content is a CONFLICT.
Each change, its timeline entry and its audit entry are written in one transaction, guarded by the revision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from documents.audit import models as audit
from documents.changelog import actions as changelog
from documents.changelog.models import SignalEntry
from documents.complaints import rules
from documents.complaints.models import Answer, Complaint, TimelineEntry, code_counter, format_code
from documents.core.clock import utcnow
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.db.counters import next_value
from documents.db.transactions import in_transaction
from documents.enums import (
    AlertEventType,
    ChangeTopic,
    ComplaintEventKind,
    ComplaintStatus,
    ProductCodeType,
    SignalGroup,
)
from documents.products import actions as products
from documents.products.codes import ProductCode
from documents.uploads import actions as uploads


class _AlreadyFiled(Exception):
    """Raised by the pre-check when the key was used already (caught by `file`, never escapes)."""

    def __init__(self, doc: dict) -> None:
        super().__init__("already filed")
        self.doc = doc


def _coll() -> Any:
    return Complaint.get_pymongo_collection()


async def _stored(complainant_id: str, key: str) -> dict | None:
    return await _coll().find_one({"complainant_id": complainant_id, "idempotency_key": key})


def _same_or_conflict(doc: dict, fingerprint: str) -> Complaint:
    if doc["fingerprint"] != fingerprint:
        raise StateConflict("this idempotencyKey was used for a different complaint; use a new key")
    return Complaint.model_validate(doc)


@dataclass(frozen=True)
class Filed:
    complaint: Complaint
    created: bool  # False when this was a retry answered from the stored complaint


async def file(complainant_id: str, key: str, content: rules.Content, *, at: datetime | None = None,
               actor: str | None = None) -> Filed:
    """File a complaint exactly once per (complainant, key)."""
    key = rules.check_idempotency_key(key)
    fingerprint = content.fingerprint()
    # A retry is found by the pre-check (serialised store) or by the unique index (isolated store): no look-up
    # here, which would cost every first filing, most of them, one more query.
    at = at or utcnow()
    enterprise, category = None, None
    if content.product_key and content.product_code_type is not None:
        # The enterprise concerned (and the category, for signals) from the product-code index or a recall.
        enterprise, category = await products.concerning(ProductCode(
            raw=content.product_code or "", code=content.product_code or "", type=content.product_code_type,
            valid=True))
    accept = rules.accept_deadline(at)
    complaint = Complaint(
        complainant_id=complainant_id, idempotency_key=key, fingerprint=fingerprint,
        product_name=content.product_name, brand=content.brand, model=content.model,
        product_code=content.product_code, product_code_type=content.product_code_type,
        product_key=content.product_key, category=content.category or category, channel=content.channel,
        platform=content.platform, order_number=content.order_number, region=content.region,
        description=content.description, contact_name=content.contact_name, contact_phone=content.contact_phone,
        contact_email=content.contact_email, pseudonymous=content.pseudonymous, photo_ids=list(content.photo_ids),
        enterprise_uscc=enterprise, enterprise_source="productCode" if enterprise else None, created_at=at,
        accept_due_at=accept.due_at, due_at=accept.due_at, calendar_exact=accept.calendar_exact,
        timeline=[TimelineEntry(at=at, kind=ComplaintEventKind.FILED, status=ComplaintStatus.RECEIVED,
                                by_role="consumer")],
    )
    complaint.refresh_derived()
    photo_ids = list(content.photo_ids)

    async def precheck() -> None:
        # Serialised on the embedded store (documents/db/transactions.py): the key and the photos are checked
        # before the first write, so no transaction aborts for a business reason.
        stored = await _stored(complainant_id, key)
        if stored is not None:
            raise _AlreadyFiled(stored)
        await uploads.check_claimable(photo_ids, complainant_id, None)

    async def write(session: AsyncClientSession) -> None:
        number = await next_value(code_counter(at.year), session=session)
        complaint.code = format_code(at.year, number)
        await _coll().insert_one(complaint.model_dump(by_alias=True, mode="python"), session=session)
        await uploads.claim(photo_ids, complainant_id, str(complaint.id), session)
        await audit.record("complaint_filed", actor=actor or f"account:{complainant_id}",
                           target=f"complaint:{complaint.code}", session=session, photos=len(photo_ids),
                           enterprise=enterprise)
        await _raise_signals(session, complaint.model_dump(by_alias=True, mode="python"), at)

    try:
        await in_transaction(write, precheck=precheck)
    except _AlreadyFiled as done:
        return Filed(_same_or_conflict(done.doc, fingerprint), False)
    except (DuplicateKeyError, StateConflict):
        # An isolated store: a concurrent call with the same key committed first (its insert or its claim of the
        # same photos won); this one was rolled back and answers with the stored complaint.
        stored = await _stored(complainant_id, key)
        if stored is None:
            raise
        return Filed(_same_or_conflict(stored, fingerprint), False)
    return Filed(complaint, True)


async def _raise_signals(session: AsyncClientSession, filed: dict, at: datetime) -> None:
    """Log a COMPLAINT_SIGNAL for each group of the complaint just filed that now has at least the threshold of
    complaints within the window, once per group per window (read in the filing's transaction; the log's unique
    dedupe key guards the rest, and concurrent filings conflict on the log's counter and are retried)."""
    groups = rules.group_keys(filed)
    if not groups:
        return
    since = at - rules.SIGNAL_WINDOW
    alternatives: list[dict[str, Any]] = []
    for group, key in groups:
        if group is SignalGroup.GTIN:
            alternatives.append({"product_key": key, "product_code_type": ProductCodeType.GTIN.value})
        else:
            field = "brand" if group is SignalGroup.BRAND else "category"
            alternatives.append({field: {"$regex": rules.loose_pattern(key), "$options": "i"}})
    projection = {"created_at": 1, "status": 1, "product_key": 1, "product_code_type": 1, "brand": 1, "category": 1}
    docs = await _coll().find({"created_at": {"$gte": since}, "$or": alternatives}, projection,
                              session=session).to_list(None)
    wanted = set(groups)
    for signal in rules.signals(docs, at, rules.SIGNAL_WINDOW, rules.SIGNAL_THRESHOLD):
        if (signal.group, signal.key) not in wanted:
            continue
        dedupe_key = rules.signal_dedupe_key(signal.group, signal.key, at)
        if await changelog.logged(session, dedupe_key):
            continue
        entry = SignalEntry(group=signal.group, key=signal.key, count=signal.count,
                            threshold=rules.SIGNAL_THRESHOLD, window_days=rules.SIGNAL_WINDOW.days,
                            first_at=signal.first_at, last_at=signal.last_at,
                            complaint_ids=list(signal.complaint_ids))
        await changelog.append(session, ChangeTopic.SIGNAL, AlertEventType.COMPLAINT_SIGNAL, filed["_id"], at,
                               signal=entry, dedupe_key=dedupe_key)


async def load(complaint_id: ObjectId) -> Complaint:
    doc = await _coll().find_one({"_id": complaint_id})
    if doc is None:
        raise NotFound("no such complaint")
    return Complaint.model_validate(doc)


async def _save(complaint: Complaint, revision: int, action: str, actor: str, **detail: Any) -> Complaint:
    complaint.revision = revision + 1

    async def precheck() -> None:
        current = await _coll().find_one({"_id": complaint.id}, {"revision": 1})
        if current is None or current.get("revision", 0) != revision:
            raise StateConflict("the complaint was changed by someone else; reload and try again")

    async def write(session: AsyncClientSession) -> None:
        # Whole document with a revision condition (update operators store dates as strings on the embedded
        # server, documents/db/query_shapes.py).
        result = await _coll().replace_one({"_id": complaint.id, "revision": revision},
                                           complaint.model_dump(by_alias=True, mode="python"), session=session)
        if result.matched_count != 1:
            raise StateConflict("the complaint was changed by someone else; reload and try again")
        await audit.record(action, actor=actor, target=f"complaint:{complaint.code}", session=session, **detail)

    try:
        await in_transaction(write, precheck=precheck)
    except BaseException:
        complaint.revision = revision
        raise
    return complaint


async def triage(complaint_id: ObjectId, status: ComplaintStatus, reason: str | None, *, uscc: str | None = None,
                 warning_id: ObjectId | None = None, by: str, at: datetime | None = None) -> Complaint:
    """A regulator moves a complaint along its flow, and/or assigns the enterprise concerned or links a warning.

    The same status again is allowed only to assign or link (no timeline step for the status)."""
    complaint = await load(complaint_id)
    revision = complaint.revision
    at = at or utcnow()
    assigning = uscc is not None and uscc != complaint.enterprise_uscc
    linking = warning_id is not None and warning_id != complaint.warning_id
    if status is complaint.status:
        if not (assigning or linking):
            raise StateConflict(f"the complaint is already {status.value}")
        if status in rules.CLOSED:
            raise StateConflict(f"the complaint is {status.value}; it is closed")
    else:
        rules.check_transition(complaint.status, status)
    note = rules.check_reason(reason, required=status is not complaint.status and rules.reason_required(status))
    if assigning:
        complaint.enterprise_uscc = uscc
        complaint.enterprise_source = "triage"
        complaint.timeline.append(TimelineEntry(at=at, kind=ComplaintEventKind.ASSIGNED, status=complaint.status,
                                                by_role="regulator"))
    if linking:
        complaint.warning_id = PydanticObjectId(warning_id)
        complaint.timeline.append(TimelineEntry(at=at, kind=ComplaintEventKind.LINKED, status=complaint.status,
                                                by_role="regulator"))
    if status is not complaint.status:
        previous = complaint.status
        complaint.status = status
        if previous is ComplaintStatus.RECEIVED:
            complaint.accepted_at = at
            if status is ComplaintStatus.TRIAGED:
                mediation = rules.mediation_deadline(at)
                complaint.mediation_due_at = mediation.due_at
                complaint.calendar_exact = complaint.calendar_exact and mediation.calendar_exact
        if status in rules.CLOSED:
            complaint.closed_at = at
            complaint.reason = note
        complaint.due_at = rules.open_deadline(status, complaint.accept_due_at, complaint.mediation_due_at)
        complaint.timeline.append(TimelineEntry(at=at, kind=ComplaintEventKind.STATUS_CHANGED, status=status,
                                                note=note, by_role="regulator"))
    return await _save(complaint, revision, "complaint_triaged", by, status=status.value, enterprise=uscc,
                       warning=str(warning_id) if warning_id else None)


async def answer(complaint_id: ObjectId, text: str, *, uscc: str, by: str, at: datetime | None = None) -> Complaint:
    """The enterprise concerned answers an accepted, open complaint (企业答复)."""
    complaint = await load(complaint_id)
    body = rules.check_reason(text, required=True, name="answer")
    assert body is not None
    if complaint.status not in rules.ANSWERABLE:
        raise StateConflict(f"a {complaint.status.value} complaint cannot be answered; wait for it to be accepted"
                            if complaint.status is ComplaintStatus.RECEIVED else
                            f"the complaint is {complaint.status.value}; it is closed")
    if complaint.enterprise_uscc != uscc:
        raise RuleViolation("the complaint is not about this enterprise's products", field="id")
    if len(complaint.answers) >= 20:
        raise StateConflict("at most 20 answers per complaint")
    revision = complaint.revision
    at = at or utcnow()
    complaint.answers.append(Answer(at=at, text=body, enterprise_uscc=uscc))
    complaint.timeline.append(TimelineEntry(at=at, kind=ComplaintEventKind.ANSWERED, status=complaint.status,
                                            by_role="enterprise"))
    return await _save(complaint, revision, "complaint_answered", by)


def product_code_of(complaint: dict) -> ProductCode | None:
    """The complaint's product code as a classified code (for lookups), or None."""
    if not complaint.get("product_key") or not complaint.get("product_code_type"):
        return None
    return ProductCode(raw=complaint.get("product_code") or "", code=complaint.get("product_code") or "",
                       type=ProductCodeType(complaint["product_code_type"]), valid=True)
