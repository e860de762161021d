"""Enterprise loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.db.query_shapes import find_keyed, object_id
from documents.enterprises.models import CreditApplication, Enterprise, EnterpriseKey
from gql.core.loaders import by_field, many_by_field


async def _enterprises_by_uscc(usccs: list[str]) -> list[dict | None]:
    """Each USCC's enterprise (None where none is registered): its EnterpriseKey, then the enterprise (both by
    `_id`)."""
    ids = {d["_id"]: object_id(d["enterprise_id"])
           for d in await find_keyed(EnterpriseKey.get_pymongo_collection(), "_id", usccs)}
    docs = {d["_id"]: d for d in await find_keyed(Enterprise.get_pymongo_collection(), "_id", list(ids.values()))}
    return [docs.get(ids[u]) if u in ids else None for u in usccs]


def enterprise_by_uscc() -> DataLoader[str, dict | None]:
    return DataLoader(_enterprises_by_uscc)


def enterprise_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Enterprise.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def application_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = CreditApplication.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def applications_by_uscc() -> DataLoader[str, list[dict]]:
    coll = CreditApplication.get_pymongo_collection()
    return DataLoader(lambda keys: many_by_field(coll, "enterprise_uscc", keys, "sort_key"))
