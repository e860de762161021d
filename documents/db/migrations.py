"""Idempotent data upgrades run at start-up, before anything reads the data."""

from __future__ import annotations

import logging

from documents.core.clock import sort_key
from documents.recalls.models import Recall

log = logging.getLogger("qsradar.migrations")

# Keys written before the digits-only format ("2025-06-20T08:00:00.000000|<id>").
_OLD_SORT_KEY = {"sort_key": {"$regex": "^[0-9]{4}-"}}


async def upgrade_sort_keys() -> int:
    """Rewrite ISO-style sort keys of warnings and recalls; returns how many were rewritten."""
    from documents.warnings.models import Warning

    changed = 0
    for model, time_fields in ((Warning, ("published_at", "created_at")), (Recall, ("announced_at",))):
        coll = model.get_pymongo_collection()
        async for doc in coll.find(_OLD_SORT_KEY, dict.fromkeys(time_fields, 1)):
            at = next(doc[f] for f in time_fields if doc.get(f))
            await coll.update_one({"_id": doc["_id"]}, {"$set": {"sort_key": sort_key(at, str(doc["_id"]))}})
            changed += 1
    if changed:
        log.info("rewrote %d sort keys to the digits-only format", changed)
    return changed


async def add_revisions() -> int:
    """Enterprises and recalls stored before their changes were revision-checked get revision 0."""
    from documents.enterprises.models import Enterprise

    changed = 0
    for model in (Enterprise, Recall):
        result = await model.get_pymongo_collection().update_many({"revision": {"$exists": False}},
                                                                  {"$set": {"revision": 0}})
        changed += int(result.modified_count)
    return changed


async def upgrade() -> None:
    """Every start-up upgrade, in order."""
    await upgrade_sort_keys()
    await add_revisions()
    from documents.enterprises.actions import upgrade_stored

    await upgrade_stored()  # enterprises: keyset and search fields
