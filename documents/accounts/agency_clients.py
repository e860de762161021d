"""Partner-agency OAuth 2 clients (foreign and domestic authorities)."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed
from pydantic import Field

from documents.core.clock import utcnow
from documents.enums import AgencyScope


class AgencyClient(Document):
    """A client-credentials client; the secret is stored only as an Argon2 hash."""

    client_id: Indexed(str, unique=True)  # type: ignore[valid-type]
    secret_hash: str
    name: str
    country: str | None = None  # ISO 3166 alpha-2 of a foreign authority
    scopes: list[AgencyScope] = Field(default_factory=list)
    disabled: bool = False
    # Its cost budget (issue 14): bucket size in points and restore rate per second; None = the service defaults
    # (QSRADAR_BUDGET_MAXIMUM, QSRADAR_BUDGET_RESTORE_RATE). Optional, so no migration.
    budget_maximum: int | None = None
    budget_restore_rate: float | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "agency_clients"
