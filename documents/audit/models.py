"""Append-only audit trail of security-relevant events (sign-ins, token issues, admin changes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import Document
from pydantic import Field
from pymongo import IndexModel
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.core.clock import utcnow


class AuditEntry(Document):
    """Who did what, when, from where. Entries are inserted, never updated or deleted."""

    action: str  # e.g. "sign_in", "sign_in_failed", "agency_token_issued", "account_created"
    actor: str | None = None  # "account:<id>", "client:<id>" or the attempted email
    target: str | None = None
    address: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "audit_log"
        indexes = [IndexModel([("at", -1)]), IndexModel("action")]


async def record(action: str, *, actor: str | None = None, target: str | None = None, address: str | None = None,
                 session: AsyncClientSession | None = None, **detail: Any) -> None:
    """Append one audit entry (inside `session`'s transaction when given)."""
    entry = AuditEntry(action=action, actor=actor, target=target, address=address, detail=detail)
    await AuditEntry.get_pymongo_collection().insert_one(entry.model_dump(mode="python", exclude={"id"}),
                                                         session=session)
