"""Enterprise loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.enterprises.models import Enterprise
from gql.core.loaders import by_field


def enterprise_by_uscc() -> DataLoader[str, dict | None]:
    coll = Enterprise.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "uscc", keys))


def enterprise_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Enterprise.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))
