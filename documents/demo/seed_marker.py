"""Marks a demo-data set as seeded, so concurrent workers seed it once."""

from __future__ import annotations

from datetime import datetime

from beanie import Document
from pydantic import Field

from documents.core.clock import utcnow


class SeedMarker(Document):
    id: str  # type: ignore[assignment]
    at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "seed_markers"
