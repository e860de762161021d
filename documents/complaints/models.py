"""The complaint document (投诉): content, the complainant (kept apart from what an enterprise may see),
deadlines, timeline and answers. documents/complaints/actions.py writes it; rules.py holds the rules."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from documents.core.clock import sort_key, utcnow
from documents.enums import ComplaintEventKind, ComplaintStatus, ProductCodeType

# Fields that identify or reach the complainant: never shown to the enterprise concerned.
PERSONAL_FIELDS = frozenset({"complainant_id", "contact_name", "contact_phone", "contact_email", "order_number",
                             "photo_ids", "idempotency_key", "fingerprint"})


class TimelineEntry(BaseModel):
    """One step of a complaint's life, shown to the complainant (投诉进度)."""

    at: datetime = Field(default_factory=utcnow)
    kind: ComplaintEventKind
    status: ComplaintStatus
    note: str | None = None
    by_role: str  # "consumer", "regulator", "enterprise": never a person


class Answer(BaseModel):
    """The enterprise's answer (企业答复)."""

    at: datetime = Field(default_factory=utcnow)
    text: str
    enterprise_uscc: str


class Complaint(Document):
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    code: str = ""  # CP-<year>-<6 digits>, allocated in the filing transaction
    complainant_id: str  # account id (hex): follow-up in the app, even when pseudonymous
    idempotency_key: str
    fingerprint: str  # of the normalised input: a retry with the same key must match it
    status: ComplaintStatus = ComplaintStatus.RECEIVED
    product_name: str
    brand: str | None = None
    model: str | None = None
    product_code: str | None = None
    product_code_type: ProductCodeType | None = None
    product_key: str | None = None  # GTIN-14 or trace code, for the enterprise look-up and signals
    category: str | None = None
    channel: str | None = None
    platform: str | None = None
    order_number: str | None = None
    region: str | None = None
    description: str
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    pseudonymous: bool = False
    photo_ids: list[str] = Field(default_factory=list)  # upload ids (hex), claimed by this complaint
    enterprise_uscc: str | None = None
    enterprise_source: str | None = None  # "productCode" at filing, or "triage"
    warning_id: PydanticObjectId | None = None
    reason: str | None = None  # why it was rejected, or how it was resolved
    created_at: datetime = Field(default_factory=utcnow)
    accept_due_at: datetime
    accepted_at: datetime | None = None  # when accepted (TRIAGED) or rejected
    mediation_due_at: datetime | None = None
    closed_at: datetime | None = None
    due_at: datetime | None = None  # the open deadline (acceptance, then mediation); None once closed
    calendar_exact: bool = True  # False when a deadline used the Monday-Friday fallback (no holiday data)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    revision: int = 0
    sort_key: str = ""

    class Settings:
        name = "complaints"
        indexes = [
            IndexModel([("complainant_id", 1), ("idempotency_key", 1)], name="complainant_key_unique", unique=True),
            IndexModel("code", name="code_unique", unique=True, partialFilterExpression={"code": {"$type": "string"}}),
            IndexModel([("sort_key", -1)]),
            IndexModel([("complainant_id", 1), ("sort_key", -1)]),
            IndexModel([("enterprise_uscc", 1), ("sort_key", -1)]),
            IndexModel("complainant_id"), IndexModel("enterprise_uscc"),  # alone too: documents/db/query_shapes.py
            IndexModel("due_at"),
            IndexModel("created_at"),
        ]

    def refresh_derived(self) -> None:
        self.sort_key = sort_key(self.created_at, str(self.id))


def code_counter(year: int) -> str:
    return f"complaint_code:{year}"


def format_code(year: int, number: int) -> str:
    """CP-<year>-<6-digit sequence>."""
    return f"CP-{year}-{number:06d}"
