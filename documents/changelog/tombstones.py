"""Tombstones (墓碑记录): what a deletion leaves for the change feed (`updatedAfter`) and the NDJSON export.

Written in the deleting transaction. A tombstone keeps a copy of the deleted document's fields, so the list's own
visibility and filter query selects it unchanged: a tombstone only reaches a caller who could have seen the item.
Kept apart from the change log proper: every warning entry of the log is an alert for the subscribers and webhooks,
and a deleted DRAFT was never announced to anyone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

from documents.changelog.models import ChangeEvent
from documents.core.clock import aware
from documents.enums import ChangeTopic

COLLECTION = "tombstones"
# Field names of a tombstone's own facts, chosen so they clash with no field of a copied document.
TOPIC, ENTITY, DELETED_AT = "tombstone_topic", "tombstone_of", "tombstone_at"


def _collection() -> AsyncCollection:
    return ChangeEvent.get_pymongo_collection().database[COLLECTION]


async def record(session: AsyncClientSession, topic: ChangeTopic, doc: dict[str, Any], at: datetime) -> None:
    """Leave a tombstone for `doc` (a raw document with its `_id`), deleted at `at`, in `session`'s transaction."""
    copy = {name: value for name, value in doc.items() if name != "_id"}
    copy.update({"_id": ObjectId(), TOPIC: topic.value, ENTITY: doc["_id"], DELETED_AT: at})
    await _collection().insert_one(copy, session=session)


async def deleted_since(topic: ChangeTopic, since: datetime, query: dict[str, Any]) -> list[tuple[ObjectId, datetime]]:
    """(id, deleted at) of the documents of `topic` deleted at or after `since` that `query` (the list's visibility
    and filter, on the document's own fields) selects; newest first."""
    selector = {**query, TOPIC: topic.value, DELETED_AT: {"$gte": since}}
    cursor = _collection().find(selector, {ENTITY: 1, DELETED_AT: 1}).sort(DELETED_AT, -1)
    # The embedded server's `$gte` on this date, merged with a list's visibility query, matched older tombstones
    # too (measured): the bound is applied again here, which is exact on both servers.
    bound = aware(since)
    return [(t[ENTITY], t[DELETED_AT]) async for t in cursor if aware(t[DELETED_AT]) >= bound]

