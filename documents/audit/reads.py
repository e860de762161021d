"""Read helpers for the audit trail (审计日志): filters and newest-first keyset pages over `_id`.

Entries carry no sort key of their own (they are inserted once and never changed), and `_id` is unique and
indexed everywhere, so pages are keyed on it alone: the same order on MongoDB and on the embedded server.
"""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from documents.audit.models import AuditEntry
from documents.db.query_shapes import count_matching


def entries_filter(*, target: str | None = None, action: str | None = None) -> dict[str, Any]:
    """The query for entries about `target` (as recorded, e.g. "warning:<id>") and/or of one `action`."""
    q: dict[str, Any] = {}
    if target is not None:
        q["target"] = target
    if action is not None:
        q["action"] = action
    return q


async def entries_page(query: dict[str, Any], size: int, before: ObjectId | None) -> tuple[list[dict], bool]:
    """Up to `size` raw entries, newest first, strictly older than `before`; and whether more follow."""
    # One merged dict, not {"$and": [...]}: the embedded server's $and with a null matches nothing.
    q = {**query, "_id": {"$lt": before}} if before is not None else dict(query)
    docs = await AuditEntry.get_pymongo_collection().find(q).sort("_id", -1).limit(size + 1).to_list(size + 1)
    return docs[:size], len(docs) > size


async def count_entries(query: dict[str, Any]) -> int:
    """How many entries match `query`, over all pages."""
    return await count_matching(AuditEntry.get_pymongo_collection(), query)


async def entries_by_ids(ids: list[ObjectId]) -> list[dict | None]:
    """Raw entries by id, in the order asked (None where there is none)."""
    # `$in` on `_id`: the form both servers answer for ObjectId equality.
    docs = await AuditEntry.get_pymongo_collection().find({"_id": {"$in": ids}}).to_list(len(ids))
    found = {d["_id"]: d for d in docs}
    return [found.get(i) for i in ids]
