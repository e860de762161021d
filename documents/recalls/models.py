"""Recalls (召回): voluntary or ordered, followed up until their effect is evaluated."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from documents.core.clock import sort_key, utcnow
from documents.enums import RecallStatus, RecallType


class ProgressReport(BaseModel):
    """One progress report (召回进展): cumulative units recovered and refunds, by whom and when."""

    at: datetime = Field(default_factory=utcnow)
    units_recovered: int
    refunds_cny: float | None = None
    note: str | None = None
    by: str


class Recall(Document):
    """A recall of a product by its enterprise, possibly linked to a warning."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    code: Indexed(str, unique=True)  # type: ignore[valid-type]
    product_name: str
    product_name_en: str | None = None
    brand: str | None = None
    model: str | None = None
    type: RecallType
    status: RecallStatus = RecallStatus.ANNOUNCED
    enterprise_uscc: str
    warning_id: PydanticObjectId | None = None
    units_affected: int
    units_recovered: int = 0
    refunds_cny: float = 0.0
    announced_at: datetime = Field(default_factory=utcnow)
    deadline: datetime | None = None
    progress_reports: list[ProgressReport] = Field(default_factory=list)
    revision: int = 0  # optimistic concurrency: every saved change increments it
    sort_key: str = ""

    class Settings:
        name = "recalls"
        indexes = [IndexModel([("sort_key", -1)]), IndexModel("warning_id"), IndexModel("enterprise_uscc")]

    def refresh_derived(self) -> None:
        self.sort_key = sort_key(self.announced_at, str(self.id))
