"""Time as the data model sees it: always timezone-aware UTC, millisecond precision like BSON."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now in UTC, truncated to milliseconds so a value survives a round trip through BSON unchanged."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def sort_key(at: datetime, tiebreak: str) -> str:
    """One composite keyset field "<UTC ISO time>|<id>": descending order = newest first, ties by id."""
    return f"{at.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S.%f')}|{tiebreak}"
