"""One watched product of one consumer, keyed by (owner, code)."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from documents.core.clock import utcnow
from documents.enums import ProductCodeType

MAX_WATCHED = 200
MAX_LABEL = 100


class WatchedProduct(Document):
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    owner_id: str  # account id (hex)
    code: str  # as shown: the cleaned code typed or scanned
    key: str  # index key: GTIN-14, upper-case trace code or lower-case text
    code_type: ProductCodeType
    label: str | None = None
    added_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "watchlist"
        indexes = [IndexModel([("owner_id", 1), ("key", 1)], name="owner_key_unique", unique=True),
                   IndexModel([("owner_id", 1), ("added_at", -1)]),
                   IndexModel("owner_id"),  # alone too: documents/db/query_shapes.py
                   IndexModel("key")]  # who watches a code, when a warning or recall names it (the alert stream)
