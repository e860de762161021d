"""Enterprises (manufacturers, importers, cross-border e-commerce operators) and their customs credit."""

from __future__ import annotations

import re
from datetime import datetime

from beanie import Document, Indexed
from pydantic import BaseModel, Field

from documents.clock import utcnow
from documents.enums import CreditLevel, CrossBorderClass
from documents.errors import RuleViolation, StateConflict

# Unified Social Credit Code (GB 32100-2015): 18 upper-case letters and digits.
USCC_PATTERN = re.compile(r"^[0-9A-Z]{18}$")


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

    class Settings:
        name = "enterprises"

    def set_credit_level(self, level: CreditLevel, reason: str, by: str) -> CreditChange:
        """Change the credit class, keeping the change in the history (a no-op change is refused)."""
        if not reason.strip():
            raise RuleViolation("a reason is required", field="reason")
        if level == self.credit_level:
            raise StateConflict(f"enterprise is already {level.value}")
        change = CreditChange(from_level=self.credit_level, to_level=level, reason=reason.strip(), by=by)
        self.credit_level = level
        self.credit_history.append(change)
        return change


def check_uscc(uscc: str, field: str = "uscc") -> str:
    """Return the canonical USCC or raise RuleViolation."""
    value = uscc.strip().upper()
    if not USCC_PATTERN.match(value):
        raise RuleViolation(f"{uscc!r} is not an 18-character unified social credit code", field=field)
    return value
