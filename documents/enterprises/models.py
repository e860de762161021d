"""Enterprises (manufacturers, importers, cross-border e-commerce operators) and their customs credit."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed
from pydantic import BaseModel, Field

from documents.core.clock import utcnow
from documents.core.errors import RuleViolation, StateConflict
from documents.enterprises.rules import validate_uscc
from documents.enums import CreditLevel, CrossBorderClass

MAX_REASON = 1000


class CreditChange(BaseModel):
    """One entry of an enterprise's credit history."""

    from_level: CreditLevel | None
    to_level: CreditLevel
    reason: str
    by: str
    at: datetime = Field(default_factory=utcnow)


class Enterprise(Document):
    """An enterprise known to customs; `credit_history` keeps every credit change."""

    uscc: Indexed(str, unique=True)  # type: ignore[valid-type]
    name: str
    name_en: str | None = None
    region: str | None = None
    credit_level: CreditLevel = CreditLevel.REGULAR
    credit_history: list[CreditChange] = Field(default_factory=list)
    cross_border_class: CrossBorderClass | None = None
    created_at: datetime = Field(default_factory=utcnow)
    revision: int = 0  # optimistic concurrency: every credit change increments it

    class Settings:
        name = "enterprises"

    def set_credit_level(self, level: CreditLevel, reason: str, by: str) -> CreditChange:
        """Change the credit class, keeping the change in the history (a no-op change is refused)."""
        if not reason.strip():
            raise RuleViolation("a reason is required", field="reason")
        if len(reason.strip()) > MAX_REASON:
            raise RuleViolation(f"reason is longer than {MAX_REASON} characters", field="reason")
        if level == self.credit_level:
            raise StateConflict(f"enterprise is already {level.value}")
        change = CreditChange(from_level=self.credit_level, to_level=level, reason=reason.strip(), by=by)
        self.credit_level = level
        self.credit_history.append(change)
        return change


def check_uscc(uscc: str, field: str = "uscc") -> str:
    """The canonical USCC (GB 32100-2015 check character verified), or RuleViolation naming `field`."""
    return validate_uscc(uscc, field=field)
