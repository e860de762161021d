"""The one opaque-token codec: global ids ("Warning:<id>"), page cursors ("page:<sort key>") and
alert-log cursors ("alert:<seq>") are URL-safe base64 of "<kind>:<value>"."""

from __future__ import annotations

import base64
import binascii


def encode(kind: str, value: object) -> str:
    """An opaque token for `value` of `kind`."""
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode().rstrip("=")


def decode(token: str) -> tuple[str, str] | None:
    """(kind, value) of a token, or None when it is not one of ours (never raises)."""
    if not isinstance(token, str) or len(token) > 512:
        return None
    try:
        raw = base64.b64decode((token + "=" * (-len(token) % 4)).encode(), altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    kind, sep, value = raw.partition(":")
    return (kind, value) if sep and kind else None


def decode_as(token: str, kind: str) -> str | None:
    """The value of a token of `kind`, else None."""
    decoded = decode(token)
    return decoded[1] if decoded is not None and decoded[0] == kind else None
