"""Enterprise loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.enterprises.models import CreditApplication, Enterprise
from gql.core.loaders import by_field, many_by_field


def enterprise_by_uscc() -> DataLoader[str, dict | None]:
    coll = Enterprise.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "uscc", keys))


def enterprise_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Enterprise.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def application_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = CreditApplication.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def applications_by_uscc() -> DataLoader[str, list[dict]]:
    coll = CreditApplication.get_pymongo_collection()
    return DataLoader(lambda keys: many_by_field(coll, "enterprise_uscc", keys, "sort_key"))
