"""Opaque global ids ("Warning:<ObjectId>" in URL-safe base64) for the Relay Node interface."""

from __future__ import annotations

import base64

from bson import ObjectId
from bson.errors import InvalidId


def encode(type_name: str, object_id: ObjectId | str) -> str:
    """Global id of a node."""
    return base64.urlsafe_b64encode(f"{type_name}:{object_id}".encode()).decode().rstrip("=")


def decode(global_id: str) -> tuple[str, ObjectId] | None:
    """(type name, ObjectId) of a global id, or None when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode((global_id + "=" * (-len(global_id) % 4)).encode()).decode()
        type_name, _, oid = raw.partition(":")
        return type_name, ObjectId(oid)
    except (ValueError, InvalidId, UnicodeDecodeError, TypeError):
        return None


def decode_as(global_id: str, type_name: str) -> ObjectId | None:
    """The ObjectId of a global id of the given type, else None."""
    decoded = decode(global_id)
    if decoded is None or decoded[0] != type_name:
        return None
    return decoded[1]
