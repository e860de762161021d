"""Complaint and upload loaders (per request)."""

from __future__ import annotations

from bson import ObjectId
from strawberry.dataloader import DataLoader

from documents.complaints.models import Complaint
from documents.uploads.models import Upload
from gql.core.loaders import by_field


def complaint_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Complaint.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


def upload_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = Upload.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))
