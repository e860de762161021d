"""Refresh tokens and the families they rotate in: reuse of a rotated token revokes the family
(except the token rotated moments ago, presented again by a second tab within the grace period)."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from documents.core.clock import utcnow


class TokenFamily(Document):
    """One sign-in session; every access and refresh token of the session names it."""

    account_id: PydanticObjectId
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    revoked_reason: str | None = None

    class Settings:
        name = "token_families"
        indexes = [IndexModel("account_id")]


class RefreshToken(Document):
    """A refresh token, stored as its SHA-256 only; valid once (rotated on use)."""

    token_hash: Indexed(str, unique=True)  # type: ignore[valid-type]
    family_id: PydanticObjectId
    account_id: PydanticObjectId
    expires_at: datetime
    created_at: datetime = Field(default_factory=utcnow)
    rotated_at: datetime | None = None
    # The same moment in epoch seconds, which the reuse grace compares: the embedded server stores a date
    # written with $set as a string, a number survives as a number.
    rotated_epoch: float | None = None
    # SHA-256 of the token this one was rotated into: its reuse is tolerated only while that one is unused.
    replaced_by: str | None = None

    class Settings:
        name = "refresh_tokens"
        indexes = [IndexModel("family_id")]
