"""The persisted, ordered alert log: one event per publication, level change and lift.

Subscribers replay it after a cursor and every server process tails it through a change
stream, so an event written through any worker reaches every subscriber.
"""

from __future__ import annotations

import base64
from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import Field

from documents.clock import utcnow
from documents.enums import AlertEventType, WarningKind, WarningLevel

SEQUENCE_NAME = "alert_log"


class AlertEvent(Document):
    """One entry of the log. `seq` is allocated in the same transaction as the warning change."""

    seq: Indexed(int, unique=True)  # type: ignore[valid-type]
    type: AlertEventType
    warning_id: PydanticObjectId
    level: WarningLevel
    previous_level: WarningLevel | None = None
    kind: WarningKind
    at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "alert_log"

    @property
    def cursor(self) -> str:
        return encode_cursor(self.seq)


def encode_cursor(seq: int) -> str:
    """Opaque cursor for a log position."""
    return base64.urlsafe_b64encode(f"alert:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """Log position of a cursor; ValueError when it is not one of ours."""
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        prefix, _, seq = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
    except Exception as exc:
        raise ValueError("malformed cursor") from exc
    if prefix != "alert" or not seq.isdigit():
        raise ValueError("malformed cursor")
    return int(seq)
