"""Recall and duty loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.recalls.models import Recall, RecallDuty
from gql.core.loaders import by_field, many_by_field


def recall_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Recall.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def recalls_by_warning() -> DataLoader[ObjectId, list[dict]]:
    coll = Recall.get_pymongo_collection()
    return DataLoader(lambda keys: many_by_field(coll, "warning_id", keys, "sort_key"))


def recalls_by_enterprise() -> DataLoader[str, list[dict]]:
    coll = Recall.get_pymongo_collection()
    return DataLoader(lambda keys: many_by_field(coll, "enterprise_uscc", keys, "sort_key"))


def duty_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = RecallDuty.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def duties_by_recall() -> DataLoader[ObjectId, list[dict]]:
    coll = RecallDuty.get_pymongo_collection()
    return DataLoader(lambda keys: many_by_field(coll, "recall_id", keys, "sort_key"))
