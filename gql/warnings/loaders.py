"""Warning loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.warnings.models import Warning
from gql.core.loaders import by_field

# Lists never need the derived search fields.
WARNING_LIST_PROJECTION = {"search_text": 0, "hs_prefixes": 0}


def warning_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Warning.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys, WARNING_LIST_PROJECTION))
