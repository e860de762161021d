"""Upload ids in the API (global `Upload:` ids, as POST /uploads answers) and in the documents (hex): one codec for
complaint photos, defect-report evidence and credit-application evidence."""

from __future__ import annotations

from collections.abc import Sequence

from bson import ObjectId

from documents.core.errors import RuleViolation
from gql.core.node import decode_id, global_id


def upload_hex(value: str, field: str) -> str:
    """The document id of an upload named by its global id; BAD_USER_INPUT naming `field` for any other id."""
    decoded = decode_id(str(value), "Upload")
    if decoded is None:
        raise RuleViolation(f"{field} holds an id that is not an upload", field=field)
    return str(decoded[1])


def uploads_hex(values: Sequence[str] | None, field: str) -> list[str]:
    return [upload_hex(v, field) for v in values or []]


def upload_gids(ids: list[str] | None) -> list[str]:
    """Stored upload ids (hex) as global ids; records from before evidence was checked keep the strings they had."""
    return [str(global_id("Upload", i)) if ObjectId.is_valid(i) and len(i) == 24 else i for i in ids or []]
