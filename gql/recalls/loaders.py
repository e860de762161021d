"""Recall and duty loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.db.query_shapes import find_keyed, object_id
from documents.recalls.models import Recall, RecallDuty, WarningRecalls
from gql.core.loaders import by_field, many_by_field


def recall_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Recall.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


async def _recalls_of_warnings(warning_ids: list[ObjectId]) -> list[list[dict]]:
    """Each warning's recalls, newest first: its WarningRecalls entry, then the recalls (both by `_id`)."""
    links = {object_id(d["_id"]): [ObjectId(k) for k in d.get("recall_keys", [])]
             for d in await find_keyed(WarningRecalls.get_pymongo_collection(), "_id", warning_ids)}
    ids = [i for keys in links.values() for i in keys]
    by_id = {d["_id"]: d for d in await find_keyed(Recall.get_pymongo_collection(), "_id", ids)}
    return [sorted((by_id[i] for i in links.get(w, []) if i in by_id), key=lambda d: d.get("sort_key") or "",
                   reverse=True) for w in warning_ids]


def recalls_by_warning() -> DataLoader[ObjectId, list[dict]]:
    return DataLoader(_recalls_of_warnings)


def recalls_by_enterprise() -> DataLoader[str, list[dict]]:
    coll = Recall.get_pymongo_collection()
    return DataLoader(lambda keys: many_by_field(coll, "enterprise_uscc", keys, "sort_key"))


def duty_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = RecallDuty.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def duties_by_recall() -> DataLoader[ObjectId, list[dict]]:
    coll = RecallDuty.get_pymongo_collection()
    # By `recall_key` (the id as a string): one indexed equality per recall on the embedded server, where `recall_id`
    # `$in` scanned every duty for each page of recalls.
    return DataLoader(lambda keys: many_by_field(coll, "recall_key", [str(k) for k in keys], "sort_key"))
