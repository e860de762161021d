"""Idempotent data upgrades run at start-up, before anything reads the data; each once per database (a marker in
`upgrades`), since each pass scans a collection (seconds at a million warnings on the embedded server)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from beanie import Document
from pydantic import Field
from pymongo.errors import DuplicateKeyError

from documents.core.clock import sort_key, utcnow
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


class Upgrade(Document):
    """An upgrade pass that has run to the end on this database: `_id` is its name."""

    id: str  # type: ignore[assignment]
    at: datetime = Field(default_factory=utcnow)
    changed: int = 0

    class Settings:
        name = "upgrades"


def passes() -> list[tuple[str, Callable[[], Awaitable[int]]]]:
    """Every start-up upgrade, by name, in the order they run."""
    from documents.enterprises.actions import upgrade_keys, upgrade_stored
    from documents.recalls.actions import upgrade_duty_recall_keys, upgrade_lookup_keys, upgrade_search_texts
    from documents.warnings.actions import upgrade_keys as upgrade_warning_keys

    return [
        ("sort-keys-digits", upgrade_sort_keys), ("revisions", add_revisions),
        ("enterprise-derived-fields", upgrade_stored),  # enterprises: keyset and search fields
        ("enterprise-keys", upgrade_keys),  # enterprises: EnterpriseKey entries
        ("recall-lookup-keys", upgrade_lookup_keys),  # recalls: RecallCode and WarningRecalls entries
        ("recall-search-fields", upgrade_search_texts),  # recalls: what text searches match, one field each
        # warnings: WarningKey entries (enterprises, HS codes, origins); "warning-enterprise-keys" wrote enterprises'
        ("warning-keys", upgrade_warning_keys),
        ("duty-recall-keys", upgrade_duty_recall_keys),  # recall duties: `recall_key`
    ]


async def record_current() -> None:
    """Record every upgrade as done: for a database written in the current shape from the start (the bench's data
    set), where each pass would read every document to change none (1 M warnings: past the service's start-up)."""
    for name, _ in passes():
        with contextlib.suppress(DuplicateKeyError):
            await Upgrade.get_pymongo_collection().insert_one({"_id": name, "at": utcnow(), "changed": 0})


async def upgrade() -> None:
    """Every start-up upgrade not yet done on this database, in order (workers starting together may both run a
    pass: each is idempotent)."""
    done = {d["_id"] async for d in Upgrade.get_pymongo_collection().find({}, {"_id": 1})}
    for name, run in passes():
        if name in done:
            continue
        changed = await run()
        try:
            await Upgrade.get_pymongo_collection().insert_one({"_id": name, "at": utcnow(), "changed": changed})
        except DuplicateKeyError:
            pass  # another worker finished it too
