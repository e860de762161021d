"""An upload's record: who uploaded it, what it is, and which complaint claimed it. The bytes are in GridFS
(bucket `uploads`) under the same id."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from documents.core.clock import utcnow

BUCKET = "uploads"
UNCLAIMED_TTL_HOURS = 24


class Upload(Document):
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)  # also the GridFS file id
    owner_id: str  # the uploader's account id (hex)
    content_type: str
    size: int
    width: int
    height: int
    sha256: str  # of the bytes as received: the same file sent again gets the same id
    upload_key: str | None = None  # the client's key for this upload (header Upload-Key), retry-safe
    # Set when something claims it: a complaint's id, or "defect_report:<id>" (the field keeps its first name).
    complaint_id: str | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "upload_records"
        indexes = [
            IndexModel([("owner_id", 1), ("sha256", 1)]),
            IndexModel([("owner_id", 1), ("upload_key", 1)], name="owner_key_unique", unique=True,
                       partialFilterExpression={"upload_key": {"$type": "string"}}),
            IndexModel([("complaint_id", 1), ("created_at", 1)]),
            IndexModel("owner_id"), IndexModel("complaint_id"),  # alone too: documents/db/query_shapes.py
        ]
