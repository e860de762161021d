"""Enterprises (manufacturers, importers, cross-border e-commerce operators) and their customs credit
(GACC Decree No. 282): the credit history, breach records, and credit-repair applications and objections.

The methods here are pure (no database): documents/enterprises/actions.py loads, applies them and writes.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from beanie import Document, Indexed, PydanticObjectId
from bson import ObjectId
from pydantic import BaseModel, Field, model_validator
from pymongo import IndexModel

from documents.core.clock import sort_key, utcnow
from documents.core.errors import RuleViolation, StateConflict
from documents.enterprises import rules
from documents.enterprises.rules import validate_uscc
from documents.enums import (
    BreachGrade,
    BreachSource,
    CreditApplicationKind,
    CreditBasis,
    CreditLevel,
    CrossBorderClass,
    EnterpriseType,
    ReviewState,
)

MAX_REASON = 1000
MAX_NAME = 200
MAX_EVIDENCE = 20
MAX_PARTNERS = 100
# 海关注册编码: 10 characters (customs area, zone, enterprise kind, serial); letters appear in newer codes.
CUSTOMS_CODE = re.compile(r"^[0-9A-Z]{10}$")
# 行政区划代码 (GB/T 2260): six digits, e.g. 440300 for Shenzhen.
DIVISION_CODE = re.compile(r"^[1-9]\d{5}$")
EVIDENCE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
PARTNER = re.compile(r"^[A-Z]{2,3}$")  # ISO 3166 alpha-2 or a grouping such as EU


def clean_reason(reason: str, field: str = "reason") -> str:
    """A required reason, trimmed; RuleViolation on `field` when empty or too long."""
    text = (reason or "").strip()
    if not text:
        raise RuleViolation("a reason is required", field=field)
    if len(text) > MAX_REASON:
        raise RuleViolation(f"{field} is longer than {MAX_REASON} characters", field=field)
    return text


def search_form(text: str) -> str:
    """What fuzzy name search compares: lower case, without spaces and punctuation (（虚构）, Co., Ltd.)."""
    return re.sub(r"[\W_]+", "", text.lower())


class CreditChange(BaseModel):
    """One entry of an enterprise's credit history: from, to, reason, basis (and its reference), actor, time."""

    from_level: CreditLevel | None
    to_level: CreditLevel
    reason: str
    by: str
    at: datetime = Field(default_factory=utcnow)
    basis: CreditBasis = CreditBasis.MANUAL
    # The warning id, breach id, application id or duty id the basis refers to (None for a manual decision).
    basis_ref: str | None = None


class Breach(BaseModel):
    """A breach record (失信行为记录), graded MINOR/GENERAL/SERIOUS; a repair closes it, the record stays."""

    id: str = Field(default_factory=lambda: str(ObjectId()))
    grade: BreachGrade
    reason: str
    source: BreachSource = BreachSource.INSPECTION
    source_ref: str | None = None
    at: datetime = Field(default_factory=utcnow)
    by: str
    closed_at: datetime | None = None
    closed_by: str | None = None  # the credit application (repair) that closed it

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class EnterpriseKey(Document):
    """An enterprise's id under its USCC (`_id`), written with the enterprise: what look-ups by USCC read first, `_id`
    being the one field the embedded server's `$in` serves from an index (20 keys: 2.5 ms whatever the size, where
    `uscc` `$in` scans every enterprise: 38 ms at 20 k)."""

    id: str  # type: ignore[assignment]
    enterprise_id: PydanticObjectId

    class Settings:
        name = "enterprise_keys"


class Enterprise(Document):
    """An enterprise known to customs; `credit_history` keeps every credit change, `breaches` every record."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    uscc: Indexed(str, unique=True)  # type: ignore[valid-type]
    customs_code: str | None = None  # 海关注册编码
    name: str
    name_en: str | None = None
    types: list[EnterpriseType] = Field(default_factory=list)
    region: str | None = None  # the region's name, e.g. 广东 深圳
    region_code: str | None = None  # 行政区划代码 (GB/T 2260)
    credit_level: CreditLevel = CreditLevel.REGULAR
    credit_history: list[CreditChange] = Field(default_factory=list)
    aeo_certificate_no: str | None = None  # AEO 证书编号
    aeo_certified_at: datetime | None = None
    mutual_recognition: list[str] = Field(default_factory=list)  # AEO 互认 partners (ISO 3166 codes, EU)
    breaches: list[Breach] = Field(default_factory=list)
    cross_border_class: CrossBorderClass | None = None
    created_at: datetime = Field(default_factory=utcnow)
    revision: int = 0  # optimistic concurrency: every saved change increments it
    # Derived, for the query shapes the store is fast at (../shared/embedded-db.md).
    sort_key: str = ""
    search_text: str = ""

    class Settings:
        name = "enterprises"
        indexes = [IndexModel([("sort_key", -1)]), IndexModel([("credit_level", 1), ("sort_key", -1)])]

    @model_validator(mode="after")
    def _derive(self) -> Enterprise:
        self.refresh_derived()
        return self

    def refresh_derived(self) -> None:
        """Keyset key (registration time, id) and the fuzzy-search text (names zh/en, USCC, customs code)."""
        self.sort_key = sort_key(self.created_at, str(self.id))
        self.search_text = search_form(" ".join(
            p for p in (self.name, self.name_en, self.uscc, self.customs_code) if p))

    # ---- profile --------------------------------------------------------------------------------

    def validate_profile(self) -> None:
        """Check and normalise registration data; RuleViolation naming the field."""
        self.uscc = validate_uscc(self.uscc)
        self.name = self.name.strip()
        if not self.name:
            raise RuleViolation("name must not be empty", field="name")
        for value, field in ((self.name, "name"), (self.name_en or "", "nameEn"), (self.region or "", "region"),
                             (self.aeo_certificate_no or "", "aeoCertificateNo")):
            if len(value) > MAX_NAME:
                raise RuleViolation(f"{field} is longer than {MAX_NAME} characters", field=field)
        self.name_en = (self.name_en or "").strip() or None
        self.region = (self.region or "").strip() or None
        if self.customs_code is not None:
            self.customs_code = self.customs_code.strip().upper() or None
            if self.customs_code and not CUSTOMS_CODE.match(self.customs_code):
                raise RuleViolation("a customs registration code has 10 digits or capital letters",
                                    field="customsCode")
        if self.region_code is not None:
            self.region_code = self.region_code.strip() or None
            if self.region_code and not DIVISION_CODE.match(self.region_code):
                raise RuleViolation("a division code (GB/T 2260) has six digits", field="regionCode")
        self.types = list(dict.fromkeys(self.types))
        self.mutual_recognition = list(dict.fromkeys(p.strip().upper() for p in self.mutual_recognition))
        if len(self.mutual_recognition) > MAX_PARTNERS or not all(PARTNER.match(p) for p in self.mutual_recognition):
            raise RuleViolation("mutual-recognition partners are ISO 3166 codes (or EU)", field="mutualRecognition")
        self.aeo_certificate_no = (self.aeo_certificate_no or "").strip() or None
        is_aeo = self.credit_level in (CreditLevel.AEO_ADVANCED, CreditLevel.AEO_CERTIFIED)
        if (self.aeo_certificate_no or self.mutual_recognition) and not is_aeo:
            raise RuleViolation("only AEO enterprises hold an AEO certificate and mutual recognition",
                                field="aeoCertificateNo")
        self.refresh_derived()

    @property
    def is_aeo(self) -> bool:
        """AEO status (AEO 认证企业): the two certified tiers of Decree 282."""
        return self.credit_level in (CreditLevel.AEO_ADVANCED, CreditLevel.AEO_CERTIFIED)

    # ---- credit ---------------------------------------------------------------------------------

    def set_credit_level(self, level: CreditLevel, reason: str, by: str, *, basis: CreditBasis = CreditBasis.MANUAL,
                         basis_ref: str | None = None, at: datetime | None = None) -> CreditChange:
        """Change the credit class, keeping the change in the history (a no-op change is refused)."""
        text = clean_reason(reason)
        if level == self.credit_level:
            raise StateConflict(f"enterprise is already {level.value}", "SAME_LEVEL")
        change = CreditChange(from_level=self.credit_level, to_level=level, reason=text, by=by, at=at or utcnow(),
                              basis=basis, basis_ref=basis_ref)
        self.credit_level = level
        self.credit_history.append(change)
        return change

    def downgrade_for_warning(self, warning_ref: str, code: str | None, by: str, at: datetime) -> CreditChange | None:
        """CREDIT_DOWNGRADE (降低信用等级): one tier lower with the warning as basis; None at the floor."""
        target = rules.downgrade(self.credit_level)
        if target == self.credit_level:
            return None
        reason = f"预警措施：降低信用等级 / warning measure CREDIT_DOWNGRADE ({code or warning_ref})"
        return self.set_credit_level(target, reason, by, basis=CreditBasis.WARNING_MEASURE, basis_ref=warning_ref,
                                     at=at)

    # ---- breaches -------------------------------------------------------------------------------

    def record_breach(self, grade: BreachGrade, reason: str, by: str, *, source: BreachSource = BreachSource.INSPECTION,
                      source_ref: str | None = None, at: datetime | None = None) -> Breach:
        """Add a breach record; one per source reference (an overdue duty or a warning counts once)."""
        text = clean_reason(reason)
        if source_ref is not None:
            source_ref = source_ref.strip() or None
            if source_ref and len(source_ref) > MAX_NAME:
                raise RuleViolation(f"sourceRef is longer than {MAX_NAME} characters", field="sourceRef")
        if source_ref and any(b.source == source and b.source_ref == source_ref for b in self.breaches):
            raise StateConflict("a breach is already recorded for this source")
        breach = Breach(grade=grade, reason=text, source=source, source_ref=source_ref, by=by, at=at or utcnow())
        self.breaches.append(breach)
        return breach

    def breach(self, breach_id: str) -> Breach:
        for b in self.breaches:
            if b.id == breach_id:
                return b
        raise RuleViolation("no such breach record of this enterprise", field="breachId")

    def open_breaches(self) -> list[Breach]:
        return [b for b in self.breaches if b.is_open]

    def credit_proposal(self, now: datetime, general_threshold: int) -> rules.Proposal | None:
        """The DISHONEST proposal the thresholds make from the open breach records (for a regulator to confirm)."""
        return rules.propose_dishonest(self.credit_level, [rules.Breach(b.grade, b.at) for b in self.open_breaches()],
                                       now, general_threshold=general_threshold)

    def repairable_level(self) -> CreditLevel | None:
        """The level a repair would restore now (the one before a standing downgrade), or None."""
        try:
            return rules.repair_restores(self.credit_level, self.credit_history)
        except StateConflict:
            return None


class CreditApplication(Document):
    """A credit-repair application (信用修复申请) or an objection to a rating (信用异议), reviewed by a regulator
    within 20 working days."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    enterprise_uscc: str
    kind: CreditApplicationKind
    state: ReviewState = ReviewState.PENDING
    reason: str
    evidence_ids: list[str] = Field(default_factory=list)
    breach_id: str | None = None  # a repair: the breach record it asks to close
    change_index: int | None = None  # an objection: the credit-history entry objected to
    submitted_by: str
    submitted_at: datetime = Field(default_factory=utcnow)
    due_at: datetime
    due_calendar_exact: bool = True
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    revision: int = 0
    # "<uscc>|<kind>" while PENDING, else None: a partial unique index allows one open application per kind.
    pending_key: str | None = None
    sort_key: str = ""  # newest submission first
    queue_key: str = ""  # earliest deadline first (descending order of an inverted time)

    class Settings:
        name = "credit_applications"
        indexes = [
            IndexModel([("sort_key", -1)]),
            IndexModel([("queue_key", -1)]),
            IndexModel([("enterprise_uscc", 1), ("sort_key", -1)]),
            IndexModel("enterprise_uscc"),  # alone too: documents/db/query_shapes.py
            IndexModel("pending_key", name="pending_unique", unique=True,
                       partialFilterExpression={"pending_key": {"$type": "string"}}),
        ]

    @model_validator(mode="after")
    def _derive(self) -> CreditApplication:
        self.refresh_derived()
        return self

    def refresh_derived(self) -> None:
        self.sort_key = sort_key(self.submitted_at, str(self.id))
        self.queue_key = queue_key(self.due_at, str(self.id))
        self.pending_key = f"{self.enterprise_uscc}|{self.kind.value}" if self.state is ReviewState.PENDING else None

    def decide(self, approve: bool, reason: str, by: str, at: datetime | None = None) -> None:
        """PENDING -> APPROVED/REJECTED, with the decision's reason; a decided application is final."""
        if self.state is not ReviewState.PENDING:
            raise StateConflict(f"the application is already {self.state.value}")
        self.decision_reason = clean_reason(reason)
        self.state = ReviewState.APPROVED if approve else ReviewState.REJECTED
        self.decided_by = by
        self.decided_at = at or utcnow()
        self.refresh_derived()

    def is_overdue(self, now: datetime) -> bool:
        return self.state is ReviewState.PENDING and now > self.due_at


_MAX_TIME_DIGITS = 10 ** 20 - 1


def queue_key(at: datetime, tiebreak: str) -> str:
    """A keyset key whose DESCENDING order is the ascending order of `at` (the review queue shows the nearest
    deadline first while every list pages newest-first over one field)."""
    digits = int(sort_key(at, "").rstrip("|"))
    return f"{_MAX_TIME_DIGITS - digits:020d}|{tiebreak}"


def check_uscc(uscc: str, field: str = "uscc") -> str:
    """The canonical USCC (GB 32100-2015 check character verified), or RuleViolation naming `field`."""
    return validate_uscc(uscc, field=field)


def clean_evidence(ids: list[str] | None) -> list[str]:
    """Evidence file ids (from POST /uploads): at most 20, each an opaque id."""
    values = list(dict.fromkeys(i.strip() for i in ids or []))
    if len(values) > MAX_EVIDENCE:
        raise RuleViolation(f"at most {MAX_EVIDENCE} evidence files", field="evidenceIds")
    if not all(EVIDENCE_ID.match(v) for v in values):
        raise RuleViolation("an evidence id is the id POST /uploads returned", field="evidenceIds")
    return values


def new_application(enterprise: Enterprise, kind: CreditApplicationKind, reason: str, by: str, *,
                    evidence_ids: list[str] | None = None, breach_id: str | None = None,
                    at: datetime | None = None) -> CreditApplication:
    """A repair application or an objection, checked against the enterprise's record (pure)."""
    text = clean_reason(reason)
    evidence = clean_evidence(evidence_ids)
    at = at or utcnow()
    deadline = rules.review_deadline(at)
    fields: dict[str, Any] = {}
    if kind is CreditApplicationKind.REPAIR:
        if breach_id:
            if not enterprise.breach(breach_id).is_open:
                raise StateConflict("this breach record is already closed")
            fields["breach_id"] = breach_id
        else:
            open_ = enterprise.open_breaches()
            if open_:
                fields["breach_id"] = open_[-1].id
            elif enterprise.repairable_level() is None:
                raise StateConflict("there is no breach record or downgrade to repair")
    else:
        rules.objection_reverses(enterprise.credit_level, enterprise.credit_history)
        fields["change_index"] = len(enterprise.credit_history) - 1
    return CreditApplication(enterprise_uscc=enterprise.uscc, kind=kind, reason=text, evidence_ids=evidence,
                             submitted_by=by, submitted_at=at, due_at=deadline.due_at,
                             due_calendar_exact=deadline.calendar_exact, **fields)


def apply_review(enterprise: Enterprise, application: CreditApplication, approve: bool, reason: str, by: str,
                 at: datetime | None = None) -> CreditChange | None:
    """Decide an application and apply what it decides to the enterprise (pure); the credit change, if any.

    An approved repair restores the level before the standing downgrade (if any) and closes its breach record;
    an upheld objection reverses the change it objects to (CONFLICT when a later change superseded it).
    """
    at = at or utcnow()
    application.decide(approve, reason, by, at)
    if not approve:
        return None
    ref = str(application.id)
    if application.kind is CreditApplicationKind.OBJECTION:
        index = application.change_index if application.change_index is not None else -1
        restored = rules.objection_reverses(enterprise.credit_level, enterprise.credit_history, index)
        return enterprise.set_credit_level(restored, f"异议成立 / objection upheld: {application.decision_reason}",
                                           by, basis=CreditBasis.OBJECTION_UPHELD, basis_ref=ref, at=at)
    closed = False
    if application.breach_id:
        breach = enterprise.breach(application.breach_id)
        if breach.is_open:
            breach.closed_at, breach.closed_by, closed = at, ref, True
    restored_level = enterprise.repairable_level()
    if restored_level is None:
        if not closed:
            raise StateConflict("nothing is left to repair: the breach is closed and no downgrade stands")
        return None
    text = f"信用修复 / credit repair approved: {application.decision_reason}"
    return enterprise.set_credit_level(restored_level, text, by, basis=CreditBasis.REPAIR, basis_ref=ref, at=at)
