"""Defect reports (缺陷报告): who reported which product, the regulator's assessment, and what it led to.

Life cycle (pure rules below): SUBMITTED -> UNDER_ASSESSMENT -> CONFIRMED or DISMISSED; a report may be assessed
straight from SUBMITTED. documents/defects/actions.py writes them.
"""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from documents.core.clock import sort_key, utcnow
from documents.core.errors import RuleViolation, StateConflict
from documents.enums import DefectReportStatus, ReporterKind

MAX_SHORT = 200
MAX_TEXT = 5000
MAX_REASON = 1000
MAX_EVIDENCE = 20
ASSESSABLE = frozenset({DefectReportStatus.SUBMITTED, DefectReportStatus.UNDER_ASSESSMENT})


class DefectReport(Document):
    """A report of a suspected defect, from a consumer, an enterprise, an inspection body or an agency."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    code: Indexed(str, unique=True)  # type: ignore[valid-type]
    status: DefectReportStatus = DefectReportStatus.SUBMITTED
    reporter_kind: ReporterKind
    reporter: str  # the actor ("account:<id>", "client:<id>")
    reporter_uscc: str | None = None  # the reporting enterprise, when an enterprise reported
    product_name: str
    brand: str | None = None
    model: str | None = None
    gtin: str | None = None
    uscc: str | None = None  # the enterprise the report is about
    description: str
    evidence_ids: list[str] = Field(default_factory=list)  # upload ids (hex), claimed by the report when submitted
    created_at: datetime = Field(default_factory=utcnow)
    assessment: str | None = None
    assessed_by: str | None = None
    assessed_at: datetime | None = None
    recall_id: PydanticObjectId | None = None
    warning_id: PydanticObjectId | None = None
    revision: int = 0
    sort_key: str = ""

    class Settings:
        name = "defect_reports"
        indexes = [IndexModel([("sort_key", -1)]), IndexModel("reporter"), IndexModel("reporter_uscc"),
                   IndexModel("uscc")]

    def refresh_derived(self) -> None:
        self.sort_key = sort_key(self.created_at, str(self.id))

    def validate_content(self) -> None:
        """Check what the reporter typed; RuleViolation names the input field."""
        self.product_name = (self.product_name or "").strip()
        if not self.product_name:
            raise RuleViolation("productName must not be empty", field="productName")
        self.description = (self.description or "").strip()
        if not self.description:
            raise RuleViolation("description must not be empty", field="description")
        if len(self.description) > MAX_TEXT:
            raise RuleViolation(f"description is longer than {MAX_TEXT} characters", field="description")
        self.brand = (self.brand or "").strip() or None
        self.model = (self.model or "").strip() or None
        for value, field in ((self.product_name, "productName"), (self.brand or "", "brand"),
                             (self.model or "", "model")):
            if len(value) > MAX_SHORT:
                raise RuleViolation(f"{field} is longer than {MAX_SHORT} characters", field=field)
        self.evidence_ids = list(dict.fromkeys(e.strip() for e in self.evidence_ids if e.strip()))
        if len(self.evidence_ids) > MAX_EVIDENCE or any(len(e) > MAX_SHORT for e in self.evidence_ids):
            raise RuleViolation(f"at most {MAX_EVIDENCE} evidence ids", field="evidenceIds")

    # ---- rules -------------------------------------------------------------------------------------------

    def begin_assessment(self) -> None:
        """SUBMITTED -> UNDER_ASSESSMENT."""
        if self.status is not DefectReportStatus.SUBMITTED:
            raise StateConflict(f"report is {self.status.value}; only a SUBMITTED report goes under assessment")
        self.status = DefectReportStatus.UNDER_ASSESSMENT

    def assess(self, confirmed: bool, reason: str, by: str, at: datetime) -> None:
        """SUBMITTED/UNDER_ASSESSMENT -> CONFIRMED or DISMISSED, with the regulator's reasons."""
        if self.status not in ASSESSABLE:
            raise StateConflict(f"report is already {self.status.value}")
        reason = reason.strip()
        if not reason:
            raise RuleViolation("a reason is required", field="reason")
        if len(reason) > MAX_REASON:
            raise RuleViolation(f"reason is longer than {MAX_REASON} characters", field="reason")
        self.status = DefectReportStatus.CONFIRMED if confirmed else DefectReportStatus.DISMISSED
        self.assessment, self.assessed_by, self.assessed_at = reason, by, at

    def link_recall(self, recall_id: PydanticObjectId) -> None:
        """A confirmed report leads to one recall."""
        if self.status is not DefectReportStatus.CONFIRMED:
            raise StateConflict(f"report is {self.status.value}; only a confirmed defect leads to a recall")
        if self.recall_id is not None:
            raise StateConflict("this report already led to a recall")
        self.recall_id = recall_id


def code_counter(year: int) -> str:
    return f"defect_code:{year}"


def format_code(year: int, number: int) -> str:
    """DR-<year>-<6-digit sequence>."""
    return f"DR-{year}-{number:06d}"
