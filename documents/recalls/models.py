"""Recalls (召回): voluntary or ordered, followed up until their effect is evaluated; and the duties
(召回义务) they put on enterprises, each with a deadline in working days.

Every field added after the first recalls were stored has a default, so older documents load unchanged
(no migration): no remedy, empty code lists, no hazard text.
"""

from __future__ import annotations

import re
from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from documents.core.clock import SORT_KEY_TIME_FORMAT, sort_key, utcnow
from documents.core.errors import RuleViolation
from documents.enums import CrossBorderClass, DutyKind, ProductCodeType, RecallStatus, RecallType, RemedyType

MAX_TEXT = 5000
MAX_SHORT = 200
MAX_CODES = 250  # GTINs, batches, trace codes, collection points
GTIN_PATTERN = re.compile(r"^\d{8}$|^\d{12,14}$")  # GTIN-8, UPC-A (12), EAN-13, GTIN-14
PHONE_PATTERN = re.compile(r"^[0-9+()\- ]{3,30}$")
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class ProgressReport(BaseModel):
    """One progress report (召回进展): cumulative units recovered and refunds, by whom and when."""

    at: datetime = Field(default_factory=utcnow)
    units_recovered: int
    refunds_cny: float | None = None
    note: str | None = None
    by: str


class Remedy(BaseModel):
    """How a consumer gets the defect remedied (补救措施), as data: kind, what to do, whom to contact, where."""

    type: RemedyType
    instructions: str
    instructions_en: str | None = None
    contact_phone: str | None = None
    contact_url: str | None = None
    collection_points: list[str] = Field(default_factory=list)  # 回收网点


class Recall(Document):
    """A recall of a product by its enterprise, possibly linked to a warning and to the defect report behind it."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    code: Indexed(str, unique=True)  # type: ignore[valid-type]
    product_name: str
    product_name_en: str | None = None
    brand: str | None = None
    model: str | None = None
    product_category: str | None = None
    type: RecallType
    status: RecallStatus = RecallStatus.ANNOUNCED
    enterprise_uscc: str
    warning_id: PydanticObjectId | None = None
    defect_report_id: PydanticObjectId | None = None
    gtins: list[str] = Field(default_factory=list)
    batches: list[str] = Field(default_factory=list)  # batch or lot ranges (批次)
    trace_codes: list[str] = Field(default_factory=list)  # 追溯码
    cross_border_class: CrossBorderClass | None = None
    hazard: str | None = None  # hazard and defect description (缺陷及危害)
    hazard_en: str | None = None
    remedy: Remedy | None = None
    units_affected: int
    units_recovered: int = 0
    refunds_cny: float = 0.0
    announced_at: datetime = Field(default_factory=utcnow)
    deadline: datetime | None = None  # when the recall should be completed (召回期限)
    completed_at: datetime | None = None
    closed_at: datetime | None = None
    close_reason: str | None = None
    created_by: str | None = None
    progress_reports: list[ProgressReport] = Field(default_factory=list)
    revision: int = 0  # optimistic concurrency: every saved change increments it
    sort_key: str = ""
    # Lower-cased, so that each text search is one `$regex` on one field, which a sorted, limited find walks in
    # `sort_key` order (one `$regex` per field scanned every recall for a field that matched nothing, and the embedded
    # server evaluates a top-level `$or` in Python): the product's names, brand and model, what productLookup's text
    # matches; and those with the code and hazard, one per line, what the recalls list's `text` filter matches.
    search_text: str = ""
    filter_text: str = ""

    class Settings:
        name = "recalls"
        indexes = [IndexModel([("sort_key", -1)]), IndexModel("warning_id"), IndexModel("enterprise_uscc"),
                   IndexModel("gtins")]

    def refresh_derived(self) -> None:
        self.sort_key = sort_key(self.announced_at, str(self.id))
        self.search_text, self.filter_text = recall_search_texts({f: getattr(self, f) for f in FILTER_TEXT_FIELDS})

    def validate_content(self) -> None:
        """Check and normalise what the announcer typed; raises RuleViolation naming the input field."""
        self.product_name = _required(self.product_name, "productName", MAX_SHORT)
        self.product_name_en = _optional(self.product_name_en, "productNameEn", MAX_SHORT)
        self.brand = _optional(self.brand, "brand", MAX_SHORT)
        self.model = _optional(self.model, "model", MAX_SHORT)
        self.product_category = _optional(self.product_category, "productCategory", MAX_SHORT)
        self.hazard = _required(self.hazard or "", "hazard", MAX_TEXT)
        self.hazard_en = _optional(self.hazard_en, "hazardEn", MAX_TEXT)
        self.gtins = [normalise_gtin(g) for g in _codes(self.gtins, "gtins")]
        self.batches = _codes(self.batches, "batches")
        self.trace_codes = _codes(self.trace_codes, "traceCodes")
        if self.units_affected < 1:
            raise RuleViolation("units affected must be at least 1", field="unitsAffected")
        if self.deadline is not None and self.deadline <= self.announced_at:
            raise RuleViolation("the recall deadline must be after the announcement", field="deadline")
        if self.remedy is not None:
            r = self.remedy
            r.instructions = _required(r.instructions, "remedyInstructions", MAX_TEXT)
            r.instructions_en = _optional(r.instructions_en, "remedyInstructionsEn", MAX_TEXT)
            r.contact_phone = _optional(r.contact_phone, "contactPhone", 30)
            if r.contact_phone and not PHONE_PATTERN.match(r.contact_phone):
                raise RuleViolation("not a phone number", field="contactPhone")
            r.contact_url = _optional(r.contact_url, "contactUrl", 500)
            if r.contact_url and not URL_PATTERN.match(r.contact_url):
                raise RuleViolation("contact URL must be an http(s) address", field="contactUrl")
            r.collection_points = _codes(r.collection_points, "collectionPoints")


SEARCH_TEXT_FIELDS = ("product_name", "product_name_en", "brand", "model")
FILTER_TEXT_FIELDS = ("code", *SEARCH_TEXT_FIELDS, "hazard", "hazard_en")


def recall_search_texts(recall: dict) -> tuple[str, str]:
    """A recall's two search fields (from it stored or as a dict of its fields), lower-cased: its names, brand and
    model joined by spaces; and the list filter's fields one per line (a filter's text has no line break, so a
    match never spans two fields)."""
    search = " ".join(str(recall[f]) for f in SEARCH_TEXT_FIELDS if recall.get(f))
    filter_text = "\n".join(str(recall[f]) for f in FILTER_TEXT_FIELDS if recall.get(f))
    return search.lower(), filter_text.lower()


def _required(value: str, field: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise RuleViolation(f"{field} must not be empty", field=field)
    if len(value) > limit:
        raise RuleViolation(f"{field} is longer than {limit} characters", field=field)
    return value


def _optional(value: str | None, field: str, limit: int) -> str | None:
    value = (value or "").strip() or None
    if value and len(value) > limit:
        raise RuleViolation(f"{field} is longer than {limit} characters", field=field)
    return value


def _codes(values: list[str], field: str) -> list[str]:
    out = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    if len(out) > MAX_CODES:
        raise RuleViolation(f"{field} has more than {MAX_CODES} entries", field=field)
    if any(len(v) > MAX_SHORT for v in out):
        raise RuleViolation(f"an entry of {field} is longer than {MAX_SHORT} characters", field=field)
    return out


def normalise_gtin(value: str) -> str:
    """A GTIN-8/12/13/14 with a valid GS1 check digit (spaces and dashes dropped)."""
    digits = value.replace(" ", "").replace("-", "")
    if not GTIN_PATTERN.match(digits) or not gtin_check_ok(digits):
        raise RuleViolation(f"{value!r} is not a GTIN (8, 12, 13 or 14 digits with a valid check digit)",
                            field="gtins")
    return digits


def gtin_check_ok(digits: str) -> bool:
    """The GS1 mod-10 check digit."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def code_counter(year: int) -> str:
    """The counter behind the recall codes of one year."""
    return f"recall_code:{year}"


def format_code(year: int, number: int) -> str:
    """RC-<year>-<6-digit sequence>."""
    return f"RC-{year}-{number:06d}"


# Duties are listed soonest deadline first: the keyset pages newest-first on a descending key, so the key holds
# the complement of the deadline's digits.
_MAX_TIME = int("9" * len(datetime(2000, 1, 1).strftime(SORT_KEY_TIME_FORMAT)))


def due_sort_key(due_at: datetime, tiebreak: str) -> str:
    """A keyset field that sorts descending by soonest deadline first, ties by id."""
    digits = int(sort_key(due_at, "").rstrip("|"))
    return f"{_MAX_TIME - digits:020d}|{tiebreak}"


class RecallCode(Document):
    """A product code a recall carries (GTIN or trace code, as stored), one document per (code, kind, recall), written
    with the recall: what productLookup reads, as WarningCode is for warnings. A scalar `key` is served from its index
    on both stores, where the recall's own arrays scan every recall on the embedded server (`$in`) or never match
    digit strings (equality)."""

    key: str
    kind: ProductCodeType
    recall_id: PydanticObjectId

    class Settings:
        name = "recall_codes"
        # `key` alone as well (documents/db/query_shapes.py): a look-up by code scanned every entry on the embedded
        # server (150 k recall codes: 296 ms, 1.2 ms with it).
        indexes = [IndexModel([("key", 1), ("kind", 1), ("recall_id", 1)], name="key_kind_recall_unique", unique=True),
                   IndexModel("key"), IndexModel("recall_id")]


class WarningRecalls(Document):
    """The recalls answering one warning (`_id`: the warning's id), written with each recall: what a warning's
    `recalls` field reads. Keyed by `_id`, the one field the embedded server's `$in` serves from an index (a page's
    20 warnings: 2.5 ms, where `warning_id` `$in` scans every recall and ObjectId equality never matches there)."""

    id: PydanticObjectId
    recall_keys: list[str] = Field(default_factory=list)  # recall ids as strings: kept as given by `$addToSet`

    class Settings:
        name = "warning_recalls"


def code_entries(recall: dict) -> list[dict]:
    """The RecallCode documents of a stored recall (its GTINs and trace codes)."""
    pairs = [(g, ProductCodeType.GTIN) for g in recall.get("gtins") or []]
    pairs += [(t, ProductCodeType.TRACE_CODE) for t in recall.get("trace_codes") or []]
    return [{"key": key, "kind": kind.value, "recall_id": recall["_id"]} for key, kind in dict.fromkeys(pairs)]


class RecallDuty(Document):
    """Something an enterprise owes the regulator by a deadline (召回义务): a recall plan, a progress report, a
    recall answering a warning. OPEN / OVERDUE are derived from `due_at` and now, never stored; MET is stored."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    kind: DutyKind
    # One duty per cause: "<kind>:<recall or warning id>[:<uscc or sequence>]" (unique), so rules stay idempotent.
    cause_key: Indexed(str, unique=True)  # type: ignore[valid-type]
    enterprise_uscc: str
    recall_id: PydanticObjectId | None = None
    recall_code: str | None = None
    warning_id: PydanticObjectId | None = None
    warning_code: str | None = None
    due_at: datetime
    due_day: str  # the last working day, CST (YYYY-MM-DD)
    calendar_exact: bool = True  # False when the count fell back to Monday-Friday (a year the calendar lacks)
    created_at: datetime = Field(default_factory=utcnow)
    met_at: datetime | None = None
    met_by: str | None = None
    met_note: str | None = None
    # Set by the credit rules when an overdue duty has produced its breach record (once).
    breach_recorded_at: datetime | None = None
    revision: int = 0
    sort_key: str = ""
    # `recall_id` as a string: what a recall's duties are found by. On the embedded server an ObjectId equality on any
    # field but `_id` never matches and `$in` scans every duty, inside the serialised transaction of each progress
    # report (documents/db/query_shapes.py).
    recall_key: str | None = None

    class Settings:
        name = "recall_duties"
        indexes = [IndexModel([("enterprise_uscc", 1), ("sort_key", -1)]), IndexModel([("sort_key", -1)]),
                   IndexModel("enterprise_uscc"),  # alone too: documents/db/query_shapes.py
                   IndexModel("recall_id"), IndexModel("recall_key"), IndexModel("due_at")]

    def refresh_derived(self) -> None:
        self.sort_key = due_sort_key(self.due_at, str(self.id))
        self.recall_key = str(self.recall_id) if self.recall_id is not None else None
