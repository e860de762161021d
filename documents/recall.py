"""Recalls (召回): voluntary or ordered, followed up until their effect is evaluated."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from documents.clock import sort_key, utcnow
from documents.enums import RecallStatus, RecallType
from documents.errors import RuleViolation, StateConflict


class Recall(Document):
    """A recall of a product by its enterprise, possibly linked to a warning."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)  # type: ignore[assignment]
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
    sort_key: str = ""

    class Settings:
        name = "recalls"
        indexes = [IndexModel([("sort_key", -1)]), IndexModel("warning_id"), IndexModel("enterprise_uscc")]

    @property
    def completion_rate(self) -> float:
        """Units recovered / units affected, 0..1."""
        return round(self.units_recovered / self.units_affected, 4) if self.units_affected else 0.0

    def refresh_derived(self) -> None:
        self.sort_key = sort_key(self.announced_at, str(self.id))

    def report_progress(self, units_recovered: int, refunds_cny: float | None) -> None:
        """Record recovered units (never decreasing) and refunds; COMPLETED when all are back."""
        if self.status in (RecallStatus.COMPLETED, RecallStatus.CLOSED):
            raise StateConflict(f"recall is {self.status.value}")
        if units_recovered < self.units_recovered:
            raise RuleViolation("units recovered cannot decrease", field="unitsRecovered")
        if units_recovered > self.units_affected:
            raise RuleViolation("more units recovered than affected", field="unitsRecovered")
        if refunds_cny is not None:
            if refunds_cny < self.refunds_cny:
                raise RuleViolation("refunds cannot decrease", field="refundsCny")
            self.refunds_cny = refunds_cny
        self.units_recovered = units_recovered
        self.status = RecallStatus.COMPLETED if units_recovered == self.units_affected else RecallStatus.IN_PROGRESS
