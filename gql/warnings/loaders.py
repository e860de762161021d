"""Warning loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from bson.errors import InvalidId
from strawberry.dataloader import DataLoader

from documents.accounts.models import Account
from documents.warnings.models import Warning
from gql.core.loaders import by_field

# Lists never need the derived search fields.
WARNING_LIST_PROJECTION = {"search_text": 0, "hs_prefixes": 0}


def warning_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Warning.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys, WARNING_LIST_PROJECTION))


async def _account_names(actors: list[str]) -> list[str | None]:
    ids: dict[str, ObjectId] = {}
    for actor in actors:
        kind, _, raw = actor.partition(":")
        if kind == "account":
            try:
                ids[actor] = ObjectId(raw)
            except InvalidId:
                pass
    names: dict[ObjectId, str] = {}
    if ids:
        async for doc in Account.get_pymongo_collection().find({"_id": {"$in": list(ids.values())}},
                                                               {"display_name": 1, "email": 1}):
            names[doc["_id"]] = doc.get("display_name") or doc["email"].split("@")[0]
    return [names.get(ids[a]) if a in ids else None for a in actors]


def actor_name() -> DataLoader[str, str | None]:
    """The display name of an "account:<id>" actor (None for other actors or a deleted account)."""
    return DataLoader(_account_names)
