"""Enterprises (manufacturers, importers, cross-border e-commerce operators) and their customs credit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import Document, Indexed
from pydantic import BaseModel, Field
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.audit import AuditEntry
from documents.clock import utcnow
from documents.enterprises.rules import validate_uscc
from documents.enums import CreditLevel, CrossBorderClass
from documents.errors import NotFound, RuleViolation, StateConflict
from documents.db.transactions import in_transaction

MAX_REASON = 1000
# A change that lost a race re-reads and tries again; this many losses in a row is a real conflict.
MAX_ATTEMPTS = 50


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


async def set_credit_level(uscc: str, level: CreditLevel, reason: str, *, by: str) -> dict[str, Any]:
    """Change an enterprise's credit level: history and audit entry in one transaction, guarded by the
    revision, so concurrent changes each keep their entry (a lost race re-reads and applies again)."""
    coll = Enterprise.get_pymongo_collection()
    code = check_uscc(uscc)
    for _ in range(MAX_ATTEMPTS):
        current = await coll.find_one({"uscc": code})
        if current is None:
            raise NotFound("no enterprise with this USCC")
        enterprise = Enterprise.model_validate(current)
        revision = enterprise.revision
        change = enterprise.set_credit_level(level, reason, by=by)
        lost = False

        async def precheck() -> None:
            nonlocal lost
            again = await coll.find_one({"_id": enterprise.id}, {"revision": 1})
            lost = again is None or again.get("revision", 0) != revision

        async def write(session: AsyncClientSession) -> None:
            nonlocal lost
            if lost:
                return
            # The whole document, not $set/$push: the embedded server stores dates and sub-documents given
            # to update operators as strings (documents/db/query_shapes.py).
            enterprise.revision = revision + 1
            doc = enterprise.model_dump(by_alias=True, mode="python")
            result = await coll.replace_one({"_id": enterprise.id, "revision": revision}, doc, session=session)
            if result.matched_count != 1:
                lost = True
                return
            await AuditEntry.get_pymongo_collection().insert_one(AuditEntry(
                action="credit_level_changed", actor=by, target=f"enterprise:{code}",
                detail={"from_level": change.from_level.value if change.from_level else None,
                        "to_level": change.to_level.value, "reason": change.reason},
            ).model_dump(mode="python", exclude={"id"}), session=session)

        await in_transaction(write, precheck=precheck)
        if not lost:
            updated = await coll.find_one({"_id": enterprise.id})
            assert updated is not None
            return updated
    raise StateConflict("the enterprise is being changed by others; reload and try again")
