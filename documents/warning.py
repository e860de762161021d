"""Risk warnings (风险预警): the document, its life-cycle rules and their atomic persistence.

Rules: codes are unique and sequential per year; only PUBLISHED warnings change level; LIFTED is
final; every change appends to the level history and, in the same transaction, to the alert log.
"""

from __future__ import annotations

import re
from datetime import datetime

import pycountry
from beanie import Document, Indexed, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from documents.alert_event import SEQUENCE_NAME, AlertEvent
from documents.clock import sort_key, utcnow
from documents.db.counters import next_value
from documents.enums import AlertEventType, HazardType, Measure, WarningKind, WarningLevel, WarningStatus
from documents.errors import NotFound, RuleViolation, StateConflict
from documents.db.transactions import in_transaction

HS_CODE_PATTERN = re.compile(r"^\d{4}(\d{2}){0,3}$")
MAX_TITLE = 200
MAX_SUMMARY = 5000
MAX_SHORT_TEXT = 120  # category, authority, authorisation reference, one region
MAX_LIST = 250  # entries in any list (there are 249 ISO countries)
MAX_REASON = 1000


class LevelChange(BaseModel):
    """One entry of a warning's history; `from_level` is None at publication."""

    from_level: WarningLevel | None
    to_level: WarningLevel
    reason: str
    by: str
    at: datetime = Field(default_factory=utcnow)


class Warning(Document):
    """A risk warning: level I-IV (RED..BLUE), kind (circular/notice/announcement), scope and measures."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)  # type: ignore[assignment]
    code: Indexed(str, unique=True) | None = None  # type: ignore[valid-type]
    title: str
    title_en: str | None = None
    level: WarningLevel
    kind: WarningKind
    status: WarningStatus = WarningStatus.DRAFT
    hazards: list[HazardType]
    product_category: str
    hs_codes: list[str] = Field(default_factory=list)
    origin_countries: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)  # ports or regions concerned
    summary: str  # the warning items (警示事项)
    summary_en: str | None = None
    measures: list[Measure] = Field(default_factory=list)
    enterprise_usccs: list[str] = Field(default_factory=list)
    issued_by: str
    authorization_ref: str | None = None  # State Council authorisation, required for RED
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    published_at: datetime | None = None
    lifted_at: datetime | None = None
    lift_reason: str | None = None
    level_history: list[LevelChange] = Field(default_factory=list)
    revision: int = 0  # optimistic concurrency: every saved change increments it
    # Derived fields for the query shapes the store is fast at (see ../shared/embedded-db.md).
    sort_key: str = ""
    search_text: str = ""
    hs_prefixes: list[str] = Field(default_factory=list)  # every leading 2..10 digits of every HS code

    class Settings:
        name = "warnings"
        indexes = [
            IndexModel([("sort_key", -1)]),
            IndexModel([("status", 1), ("kind", 1), ("sort_key", -1)]),
            IndexModel("enterprise_usccs"),
            IndexModel("hs_prefixes"),
        ]

    # ---- rules -------------------------------------------------------------------------------

    def validate_content(self) -> None:
        """Check and normalise what a regulator typed; raises RuleViolation naming the field."""
        self.title = self.title.strip()
        if not self.title:
            raise RuleViolation("title must not be empty", field="title")
        if len(self.title) > MAX_TITLE:
            raise RuleViolation(f"title is longer than {MAX_TITLE} characters", field="title")
        self.summary = self.summary.strip()
        if not self.summary:
            raise RuleViolation("summary must not be empty", field="summary")
        if len(self.summary) > MAX_SUMMARY:
            raise RuleViolation(f"summary is longer than {MAX_SUMMARY} characters", field="summary")
        if self.title_en is not None:
            self.title_en = self.title_en.strip() or None
            if self.title_en and len(self.title_en) > MAX_TITLE:
                raise RuleViolation(f"titleEn is longer than {MAX_TITLE} characters", field="titleEn")
        if self.summary_en is not None:
            self.summary_en = self.summary_en.strip() or None
            if self.summary_en and len(self.summary_en) > MAX_SUMMARY:
                raise RuleViolation(f"summaryEn is longer than {MAX_SUMMARY} characters", field="summaryEn")
        self.product_category = self.product_category.strip()
        if not self.product_category:
            raise RuleViolation("productCategory must not be empty", field="productCategory")
        if not self.hazards:
            raise RuleViolation("at least one hazard type is required", field="hazards")
        self.hazards = list(dict.fromkeys(self.hazards))
        self.measures = list(dict.fromkeys(self.measures))
        self.hs_codes = [normalise_hs_code(code) for code in self.hs_codes]
        self.origin_countries = [normalise_country(code) for code in self.origin_countries]
        self.issued_by = self.issued_by.strip()
        if not self.issued_by:
            raise RuleViolation("issuedBy must not be empty", field="issuedBy")
        self.regions = [r.strip() for r in self.regions if r.strip()]
        for value, field in ((self.product_category, "productCategory"), (self.issued_by, "issuedBy"),
                             (self.authorization_ref or "", "authorizationRef"), *((r, "regions") for r in self.regions)):
            if len(value) > MAX_SHORT_TEXT:
                raise RuleViolation(f"{field} is longer than {MAX_SHORT_TEXT} characters", field=field)
        for values, field in ((self.hs_codes, "hsCodes"), (self.origin_countries, "originCountries"),
                              (self.regions, "regions"), (self.enterprise_usccs, "enterpriseUsccs")):
            if len(values) > MAX_LIST:
                raise RuleViolation(f"{field} has more than {MAX_LIST} entries", field=field)
        self._check_authorisation(self.level)

    def _check_authorisation(self, level: WarningLevel) -> None:
        # Level I is issued under State Council authorisation (Guo Fa [2017] No. 43).
        if level is WarningLevel.RED and not (self.authorization_ref or "").strip():
            raise RuleViolation("a RED (level I) warning needs its State Council authorisation reference",
                                field="authorizationRef")

    def publish(self, by: str, at: datetime | None = None, code: str | None = None) -> LevelChange:
        """DRAFT -> PUBLISHED; the first history entry records the initial level.

        Without `code`, saving allocates the next one of the year (see `_save_with_event`)."""
        if self.status is not WarningStatus.DRAFT:
            raise StateConflict(f"warning is {self.status.value}, only a DRAFT can be published")
        self._check_authorisation(self.level)
        at = at or utcnow()
        self.code = code
        self.status = WarningStatus.PUBLISHED
        self.published_at = at
        change = LevelChange(from_level=None, to_level=self.level, reason="published", by=by, at=at)
        self.level_history.append(change)
        return change

    def adjust_level(self, level: WarningLevel, reason: str, by: str, at: datetime | None = None) -> LevelChange:
        """Change the level of a published warning as evidence changes."""
        if self.status is not WarningStatus.PUBLISHED:
            raise StateConflict(f"warning is {self.status.value}, only a PUBLISHED warning changes level")
        _check_reason(reason)
        if level is self.level:
            raise StateConflict(f"warning is already {level.value}")
        self._check_authorisation(level)
        change = LevelChange(from_level=self.level, to_level=level, reason=reason.strip(), by=by, at=at or utcnow())
        self.level = level
        self.level_history.append(change)
        return change

    def lift(self, reason: str, by: str, at: datetime | None = None) -> LevelChange:
        """PUBLISHED -> LIFTED (解除), which is final."""
        if self.status is not WarningStatus.PUBLISHED:
            raise StateConflict(f"warning is {self.status.value}, only a PUBLISHED warning can be lifted")
        _check_reason(reason)
        at = at or utcnow()
        self.status = WarningStatus.LIFTED
        self.lifted_at = at
        self.lift_reason = reason.strip()
        change = LevelChange(from_level=self.level, to_level=self.level, reason=f"lifted: {reason.strip()}",
                             by=by, at=at)
        self.level_history.append(change)
        return change

    def refresh_derived(self) -> None:
        """Recompute the keyset and search fields from the content."""
        self.sort_key = sort_key(self.published_at or self.created_at, str(self.id))
        parts = [self.code or "", self.title, self.title_en or "", self.summary, self.summary_en or "",
                 self.product_category, " ".join(self.hs_codes)]
        self.search_text = " ".join(p for p in parts if p).lower()
        # An HS-code prefix filter becomes an equality on an indexed array (no regex over arrays).
        self.hs_prefixes = sorted({code[:n] for code in self.hs_codes for n in range(2, len(code) + 1)})


def _check_reason(reason: str) -> None:
    if not reason.strip():
        raise RuleViolation("a reason is required", field="reason")
    if len(reason.strip()) > MAX_REASON:
        raise RuleViolation(f"reason is longer than {MAX_REASON} characters", field="reason")


def normalise_hs_code(code: str) -> str:
    """HS codes are 4 to 10 digits; dots and spaces (e.g. "8507.60") are dropped."""
    digits = code.replace(".", "").replace(" ", "")
    if not HS_CODE_PATTERN.match(digits):
        raise RuleViolation(f"{code!r} is not an HS code (4, 6, 8 or 10 digits)", field="hsCodes")
    return digits


def normalise_country(code: str) -> str:
    """ISO 3166-1 alpha-2, upper-case."""
    value = code.strip().upper()
    if len(value) != 2 or pycountry.countries.get(alpha_2=value) is None:
        raise RuleViolation(f"{code!r} is not an ISO 3166 alpha-2 country code", field="originCountries")
    return value


def code_counter(year: int) -> str:
    """The counter behind the codes of one year."""
    return f"warning_code:{year}"


def format_code(year: int, number: int) -> str:
    """RW-<year>-<6-digit sequence>."""
    return f"RW-{year}-{number:06d}"


# ---- persistence: a change and its alert event are written together or not at all ------------

async def _save_with_event(warning: Warning, expected_revision: int | None, event_type: AlertEventType | None,
                           previous_level: WarningLevel | None, at: datetime) -> AlertEvent | None:
    coll = Warning.get_pymongo_collection()
    needs_code = warning.status is not WarningStatus.DRAFT and warning.code is None
    warning.revision += 1
    warning.refresh_derived()
    event: AlertEvent | None = None

    async def precheck() -> None:
        # On the embedded store, refuse a stale write before the transaction starts (documents/transactions.py);
        # `write` checks the revision again, which is all an isolated store needs.
        if expected_revision is not None:
            current = await coll.find_one({"_id": warning.id}, {"revision": 1})
            if current is None or current.get("revision") != expected_revision:
                raise StateConflict("the warning was changed by someone else; reload and try again")

    async def write(session) -> None:  # type: ignore[no-untyped-def]
        # May run more than once (the driver retries transient transaction errors): it only
        # recomputes the same fields, so a retry leaves no trace of the attempt before it.
        nonlocal event
        if needs_code:
            # Allocated inside the transaction, so a write that fails leaves no gap in the year's codes.
            number = await next_value(code_counter(at.year), session=session)
            warning.code = format_code(at.year, number)
            warning.refresh_derived()
        doc = warning.model_dump(by_alias=True, mode="python")
        doc["_id"] = warning.id
        if expected_revision is None:
            await coll.insert_one(doc, session=session)
        else:
            result = await coll.replace_one({"_id": warning.id, "revision": expected_revision}, doc, session=session)
            if result.matched_count != 1:
                raise StateConflict("the warning was changed by someone else; reload and try again")
        if event_type is not None:
            seq = await next_value(SEQUENCE_NAME, session=session)
            event = AlertEvent(seq=seq, type=event_type, warning_id=warning.id, level=warning.level,
                               previous_level=previous_level, kind=warning.kind, at=at)
            await AlertEvent.get_pymongo_collection().insert_one(
                event.model_dump(by_alias=True, mode="python", exclude={"id"}), session=session)

    try:
        await in_transaction(write, precheck=precheck)
    except BaseException:
        warning.revision -= 1
        if needs_code:
            warning.code = None
        raise
    return event


async def create(warning: Warning, *, publish: bool, by: str,
                 at: datetime | None = None) -> tuple[Warning, AlertEvent | None]:
    """Validate and store a new warning, publishing it at once unless it stays a draft."""
    warning.validate_content()
    warning.created_by = by
    if not publish:
        await _save_with_event(warning, None, None, None, warning.created_at)
        return warning, None
    at = at or utcnow()
    warning.publish(by=by, at=at)
    event = await _save_with_event(warning, None, AlertEventType.PUBLISHED, None, at)
    return warning, event


async def load(warning_id: PydanticObjectId) -> Warning:
    """The warning with that id, or NotFound."""
    warning = await Warning.get(warning_id)
    if warning is None:
        raise NotFound("no such warning")
    return warning


async def publish_draft(warning_id: PydanticObjectId, *, by: str) -> tuple[Warning, AlertEvent | None]:
    """Publish a stored draft."""
    warning = await load(warning_id)
    revision = warning.revision
    at = utcnow()
    warning.publish(by=by, at=at)
    event = await _save_with_event(warning, revision, AlertEventType.PUBLISHED, None, at)
    return warning, event


async def change_level(warning_id: PydanticObjectId, level: WarningLevel, reason: str, *,
                       by: str, at: datetime | None = None) -> tuple[Warning, AlertEvent | None]:
    """Adjust the level of a published warning, with history and alert event."""
    warning = await load(warning_id)
    revision, previous = warning.revision, warning.level
    change = warning.adjust_level(level, reason, by, at)
    event = await _save_with_event(warning, revision, AlertEventType.LEVEL_CHANGED, previous, change.at)
    return warning, event


async def lift(warning_id: PydanticObjectId, reason: str, *, by: str,
               at: datetime | None = None) -> tuple[Warning, AlertEvent | None]:
    """Lift a published warning (final), with history and alert event."""
    warning = await load(warning_id)
    revision = warning.revision
    change = warning.lift(reason, by, at)
    event = await _save_with_event(warning, revision, AlertEventType.LIFTED, warning.level, change.at)
    return warning, event
