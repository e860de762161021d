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


WARNING_CODES_MARKER = "migrated:warning_codes"


async def index_warning_codes() -> int:
    """Warnings stored before the product-code index (`WarningCode`) get their entries; once per database (a marker
    in `counters`), since it reads every warning. Workers starting together may both run it: the unique index
    turns the second copy of an entry into a duplicate, ignored."""
    from pymongo.errors import BulkWriteError

    from documents.db.counters import Counter
    from documents.warnings.models import Warning, WarningCode

    counters = Counter.get_pymongo_collection()
    if await counters.find_one({"_id": WARNING_CODES_MARKER}) is not None:
        return 0
    added = 0
    codes = WarningCode.get_pymongo_collection()
    # Every warning's codes, filtered here: on the embedded server `{"gtins.0": {"$exists": true}}` matches nothing
    # and `{"gtins": {"$ne": []}}` everything (measured).
    async for doc in Warning.get_pymongo_collection().find({}, {"gtins": 1}):
        if not doc.get("gtins"):
            continue
        entries = [{"key": g, "warning_id": doc["_id"]} for g in dict.fromkeys(doc["gtins"])]
        try:
            await codes.insert_many(entries, ordered=False)
        except BulkWriteError as exc:
            if any(e.get("code") != 11000 for e in exc.details.get("writeErrors", [])):
                raise
        added += len(entries)
    await counters.update_one({"_id": WARNING_CODES_MARKER}, {"$set": {"value": 1}}, upsert=True)
    if added:
        log.info("indexed %d product codes of stored warnings", added)
    return added


async def upgrade() -> None:
    """Every start-up upgrade, in order."""
    await upgrade_sort_keys()
    await add_revisions()
    await index_warning_codes()
    from documents.enterprises.actions import upgrade_stored

    await upgrade_stored()  # enterprises: keyset and search fields
