"""Enterprise actions: the only code that writes credit. History, audit entry and change-log entry are written
in one transaction, guarded by the revision."""

from __future__ import annotations

from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession

from documents.audit import models as audit
from documents.changelog import actions as changelog
from documents.core.errors import NotFound, StateConflict
from documents.db.transactions import in_transaction
from documents.enterprises.models import Enterprise, check_uscc
from documents.enums import AlertEventType, ChangeTopic, CreditLevel

# A change that lost a race re-reads and applies again; this many losses in a row is a real conflict.
MAX_ATTEMPTS = 50


async def set_credit_level(uscc: str, level: CreditLevel, reason: str, *, by: str) -> dict[str, Any]:
    """Change an enterprise's credit level: history, audit entry and change-log entry in one transaction, guarded
    by the revision, so concurrent changes each keep their entry (a lost race re-reads and applies again)."""
    code = check_uscc(uscc)
    for _ in range(MAX_ATTEMPTS):
        updated = await _attempt_credit_change(code, level, reason, by)
        if updated is not None:
            return updated
    raise StateConflict("the enterprise is being changed by others; reload and try again")


async def _attempt_credit_change(code: str, level: CreditLevel, reason: str, by: str) -> dict[str, Any] | None:
    """One attempt on the enterprise as read now; None when another change landed first."""
    coll = Enterprise.get_pymongo_collection()
    current = await coll.find_one({"uscc": code})
    if current is None:
        raise NotFound("no enterprise with this USCC")
    enterprise = Enterprise.model_validate(current)
    revision = enterprise.revision
    change = enterprise.set_credit_level(level, reason, by=by)
    enterprise.revision = revision + 1
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
        doc = enterprise.model_dump(by_alias=True, mode="python")
        result = await coll.replace_one({"_id": enterprise.id, "revision": revision}, doc, session=session)
        if result.matched_count != 1:
            lost = True
            return
        await audit.record("credit_level_changed", actor=by, target=f"enterprise:{code}", session=session,
                           from_level=change.from_level.value if change.from_level else None,
                           to_level=change.to_level.value, reason=change.reason)
        await changelog.append(session, ChangeTopic.ENTERPRISE, AlertEventType.CREDIT_CHANGED, enterprise.id,
                               change.at)

    await in_transaction(write, precheck=precheck)
    if lost:
        return None
    return enterprise.model_dump(by_alias=True, mode="python")
