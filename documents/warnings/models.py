"""Risk warnings (风险预警): the document and its life-cycle rules (pure: no database).

Rules: codes are unique and sequential per year; only PUBLISHED warnings change level; LIFTED is
final; every change appends to the level history. documents/warnings/actions.py writes them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pycountry
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from documents.core.clock import sort_key, utcnow
from documents.core.errors import RuleViolation, StateConflict
from documents.enums import HazardType, LevelChangeKind, Measure, WarningKind, WarningLevel, WarningStatus

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
    kind: LevelChangeKind | None = None  # entries written before kinds were recorded: see `change_kind`

    @property
    def change_kind(self) -> LevelChangeKind:
        return change_kind(self.model_dump())


def change_kind(entry: Mapping[str, Any]) -> LevelChangeKind:
    """The kind of a history entry, also of one written before kinds were stored (a publication has no
    from-level; a lift's reason starts with "lifted:")."""
    if entry.get("kind"):
        return LevelChangeKind(entry["kind"])
    if entry.get("from_level") is None:
        return LevelChangeKind.PUBLISHED
    return LevelChangeKind.LIFTED if str(entry.get("reason", "")).startswith("lifted:") else LevelChangeKind.ADJUSTED


class Warning(Document):
    """A risk warning: level I-IV (RED..BLUE), kind (circular/notice/announcement), scope and measures."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    code: str | None = None  # unique among published warnings (a partial index: drafts have none)
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
    gtins: list[str] = Field(default_factory=list)  # product codes concerned (GTIN-14), for productLookup
    issued_by: str
    authorization_ref: str | None = None  # State Council authorisation, required for RED
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime | None = None  # the last save (drafts are in the change feed by it: they have no log entry)
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
            # MongoDB indexes null like any value, so a plain unique index on `code` refused the second
            # draft; only string codes are unique.
            IndexModel("code", name="code_unique", unique=True, partialFilterExpression={"code": {"$type": "string"}}),
            IndexModel([("sort_key", -1)]),
            IndexModel([("status", 1), ("kind", 1), ("sort_key", -1)]),
            IndexModel("enterprise_usccs"),
            IndexModel("hs_prefixes"),
            IndexModel("gtins"),
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
                             (self.authorization_ref or "", "authorizationRef"),
                             *((r, "regions") for r in self.regions)):
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

    def set_authorization_ref(self, reference: str) -> None:
        """Record the State Council authorisation reference (given when raising a warning to RED)."""
        reference = reference.strip()
        if len(reference) > MAX_SHORT_TEXT:
            raise RuleViolation(f"authorizationRef is longer than {MAX_SHORT_TEXT} characters",
                                field="authorizationRef")
        self.authorization_ref = reference

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
        change = LevelChange(from_level=None, to_level=self.level, reason="published", by=by, at=at,
                             kind=LevelChangeKind.PUBLISHED)
        self.level_history.append(change)
        return change

    def adjust_level(self, level: WarningLevel, reason: str, by: str, at: datetime | None = None) -> LevelChange:
        """Change the level of a published warning as evidence changes."""
        if self.status is not WarningStatus.PUBLISHED:
            raise StateConflict(f"warning is {self.status.value}, only a PUBLISHED warning changes level")
        _check_reason(reason)
        if level is self.level:
            raise StateConflict(f"warning is already {level.value}", "SAME_LEVEL")
        self._check_authorisation(level)
        change = LevelChange(from_level=self.level, to_level=level, reason=reason.strip(), by=by, at=at or utcnow(),
                             kind=LevelChangeKind.ADJUSTED)
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
                             by=by, at=at, kind=LevelChangeKind.LIFTED)
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


class WarningCode(Document):
    """A product code a warning concerns, one document per (code, warning), written with the warning: what
    productLookup reads. A scalar `key` is served from its index on both stores, where `$in` on the warnings' own
    `gtins` array scans every warning on the embedded server (README, embedded-server quirks)."""

    key: str
    warning_id: PydanticObjectId

    class Settings:
        name = "warning_codes"
        # `key` alone as well (documents/db/query_shapes.py): a look-up by code scanned every entry on the embedded
        # server (150 k recall codes: 296 ms, 1.2 ms with it).
        indexes = [IndexModel([("key", 1), ("warning_id", 1)], name="key_warning_unique", unique=True),
                   IndexModel("key"), IndexModel("warning_id")]


class WarningKey(Document):
    """Something a warning is filed under, one document per (key, warning): an enterprise it names (`uscc:<USCC>`), an
    HS code of it (`hs:<digits>`), a country of origin (`origin:<ISO code>`). Written with the warning and with each
    draft edit, never removed: candidates for the list's filters, which check the warning's own fields as well. A
    scalar `key` is served from its index on both stores (an equality, or a range for an HS code prefix), where the
    embedded server walked every warning for an array's value that few or none have (100 k warnings: 882 ms for an
    enterprise named by 6; 10 k: 92 ms for an HS prefix that none has)."""

    id: str  # type: ignore[assignment]  # "<key>|<warning id>": one entry per pair, found again by `_id`
    key: str
    warning_id: PydanticObjectId

    class Settings:
        name = "warning_keys"
        indexes = [IndexModel("key")]


# What a warning is filed under: (key prefix, the warning's field of values); values are stored normalised.
KEYED_FIELDS = (("uscc", "enterprise_usccs"), ("hs", "hs_codes"), ("origin", "origin_countries"))
KEYED_FIELD_NAMES = frozenset(field for _, field in KEYED_FIELDS)


def filing_key(kind: str, value: str) -> str:
    """The WarningKey `key` of one value (`kind` one of KEYED_FIELDS' prefixes)."""
    return f"{kind}:{value}"


def warning_keys(warning: dict) -> list[dict]:
    """The WarningKey documents of a stored warning (or of its fields as a dict with `_id`)."""
    keys = dict.fromkeys(filing_key(kind, v) for kind, field in KEYED_FIELDS for v in warning.get(field) or [])
    return [{"_id": f"{k}|{warning['_id']}", "key": k, "warning_id": warning["_id"]} for k in keys]


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
