"""Time as the data model sees it: always timezone-aware UTC, millisecond precision like BSON."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now in UTC, truncated to milliseconds so a value survives a round trip through BSON unchanged."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def aware(moment: datetime) -> datetime:
    """A stored date as aware UTC: PyMongo hands back naive UTC datetimes unless the client is tz_aware."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


SORT_KEY_TIME_FORMAT = "%Y%m%d%H%M%S%f"


def sort_key(at: datetime, tiebreak: str) -> str:
    """One composite keyset field "<UTC time as 20 digits>|<id>": descending = newest first, ties by id.

    Digits only, not ISO: the embedded server takes an ISO-looking string in `$lt` for a date
    query (it then decodes every document, and alone the condition matches nothing).
    """
    return f"{at.astimezone(UTC).strftime(SORT_KEY_TIME_FORMAT)}|{tiebreak}"
