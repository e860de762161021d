"""Storing, finding, claiming and sweeping uploads. The GridFS file is written first and its record last, so a
record always has its bytes; a sweep removes files without a record and records nobody claimed in 24 hours."""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import IO

from bson import ObjectId
from gridfs import AsyncGridFSBucket
from gridfs.errors import NoFile
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from documents.audit import models as audit
from documents.core.clock import utcnow
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.uploads import images
from documents.uploads.models import BUCKET, UNCLAIMED_TTL_HOURS, Upload

log = logging.getLogger("qsradar.uploads")
UPLOAD_KEY = re.compile(r"^[A-Za-z0-9_.:\-]{8,128}$")


def bucket() -> AsyncGridFSBucket:
    return AsyncGridFSBucket(Upload.get_pymongo_collection().database, bucket_name=BUCKET)


def check_upload_key(key: str | None) -> str | None:
    if key is None or not key.strip():
        return None
    if not UPLOAD_KEY.match(key.strip()):
        raise RuleViolation("Upload-Key must be 8-128 letters, digits or _ . : -", field="uploadKey")
    return key.strip()


def sha256_of(source: IO[bytes]) -> str:
    source.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: source.read(1 << 20), b""):
        digest.update(chunk)
    source.seek(0)
    return digest.hexdigest()


async def _existing(owner_id: str, digest: str, key: str | None) -> Upload | None:
    coll = Upload.get_pymongo_collection()
    if key is not None:
        doc = await coll.find_one({"owner_id": owner_id, "upload_key": key})
        if doc is not None:
            if doc["sha256"] != digest:
                raise StateConflict("this Upload-Key was used for another file")
            return Upload.model_validate(doc)
    # The same bytes from the same person, not yet claimed: the earlier upload's id (a retry whose answer was
    # lost), so a complaint never holds two copies. A claimed one is not reused: the photo may go with a new
    # complaint too.
    doc = await coll.find_one({"owner_id": owner_id, "sha256": digest, "complaint_id": None})
    return Upload.model_validate(doc) if doc is not None else None


async def store(source: IO[bytes], owner_id: str, key: str | None = None) -> tuple[Upload, bool]:
    """Check, re-encode and store one image; (record, created). A retry of the same file (same key, or same bytes
    from the same uploader) returns the first record. Nothing is stored when the image is refused."""
    key = check_upload_key(key)
    digest = await asyncio.to_thread(sha256_of, source)
    found = await _existing(owner_id, digest, key)
    if found is not None:
        return found, False
    encoded = await asyncio.to_thread(images.reencode, source)  # CPU work off the event loop
    record = Upload(owner_id=owner_id, content_type=encoded.content_type, size=len(encoded.data),
                    width=encoded.width, height=encoded.height, sha256=digest, upload_key=key)
    files = bucket()
    await files.upload_from_stream_with_id(record.id, f"{record.id}", io.BytesIO(encoded.data),
                                           metadata={"contentType": encoded.content_type})
    try:
        await Upload.get_pymongo_collection().insert_one(record.model_dump(by_alias=True, mode="python"))
    except DuplicateKeyError:
        # The same key raced in from another request: keep the first, drop these bytes.
        await _delete_file(record.id)
        found = await _existing(owner_id, digest, key)
        if found is None:
            raise
        return found, False
    await audit.record("upload_stored", actor=f"account:{owner_id}", target=f"upload:{record.id}",
                       size=record.size, content_type=record.content_type)
    return record, True


async def load(upload_id: ObjectId) -> Upload:
    doc = await Upload.get_pymongo_collection().find_one({"_id": upload_id})
    if doc is None:
        raise NotFound("no such upload")
    return Upload.model_validate(doc)


async def records(ids: list[str]) -> list[dict]:
    """Upload records by id (hex), in the given order; missing ones are left out."""
    oids = [ObjectId(i) for i in ids if ObjectId.is_valid(i)]
    by_id = {str(d["_id"]): d async for d in Upload.get_pymongo_collection().find({"_id": {"$in": oids}})}
    return [by_id[i] for i in ids if i in by_id]


async def open_stream(upload_id: ObjectId) -> AsyncIterator[bytes]:
    """The stored bytes, chunk by chunk."""
    try:
        stream = await bucket().open_download_stream(upload_id)
    except NoFile as exc:
        raise NotFound("no such upload") from exc
    while chunk := await stream.readchunk():
        yield chunk


async def check_claimable(ids: list[str], owner_id: str, claimer_id: str | None, *, field: str = "photoIds") -> None:
    """The one rule for files attached to something (a complaint's photos, a defect report's evidence): every id is
    an upload of `owner_id`, not claimed by anything but `claimer_id`. RuleViolation naming `field` when one does
    not exist or is someone else's; StateConflict when one is attached to something else."""
    if not ids:
        return  # most filings carry no file: no query
    found = {str(d["_id"]): d for d in await records(ids)}
    for upload_id in ids:
        doc = found.get(upload_id)
        if doc is None or doc["owner_id"] != owner_id:
            raise RuleViolation(f"{field} names an upload that does not exist or is not yours", field=field)
        if doc.get("complaint_id") not in (None, claimer_id):
            raise StateConflict(f"{field} names an upload that is already attached to something else")


async def claim(ids: list[str], owner_id: str, claimer_id: str, session: AsyncClientSession) -> None:
    """Attach the uploads to what claims them (a complaint's id, or "defect_report:<id>"), inside its transaction
    (claimed ones are never swept)."""
    if not ids:
        return
    oids = [ObjectId(i) for i in ids]
    result = await Upload.get_pymongo_collection().update_many(
        {"_id": {"$in": oids}, "owner_id": owner_id, "complaint_id": None},
        {"$set": {"complaint_id": claimer_id}}, session=session)
    if result.modified_count != len(oids):
        raise StateConflict("an upload is already attached to something else")


async def check_evidence(ids: list[str], owner_id: str | None, field: str = "evidenceIds") -> None:
    """Evidence files (a defect report's, a credit application's): `check_claimable` for an uploader who may be
    absent (an agency has none), every refusal as bad input naming `field`."""
    if not ids:
        return
    if owner_id is None:
        raise RuleViolation(f"{field} names an upload that does not exist or is not yours", field=field)
    try:
        await check_claimable(ids, owner_id, None, field=field)
    except StateConflict as exc:
        raise RuleViolation(str(exc), field=field) from exc


async def claim_evidence(ids: list[str], owner_id: str | None, claimer_id: str, session: AsyncClientSession,
                         field: str = "evidenceIds") -> None:
    """`claim` for evidence checked by `check_evidence`; claimed meanwhile (an isolated store) is bad input too,
    and the caller's transaction is rolled back."""
    if not ids:
        return
    assert owner_id is not None  # check_evidence refused evidence without an uploader
    try:
        await claim(ids, owner_id, claimer_id, session)
    except StateConflict as exc:
        raise RuleViolation(str(exc), field=field) from exc


async def _delete_file(file_id: ObjectId) -> None:
    try:
        await bucket().delete(file_id)
    except NoFile:
        pass


async def sweep(max_age: timedelta = timedelta(hours=UNCLAIMED_TTL_HOURS), limit: int = 500) -> int:
    """Remove uploads nobody claimed within `max_age` (record and bytes); returns how many were removed."""
    coll = Upload.get_pymongo_collection()
    cutoff = utcnow() - max_age
    removed = 0
    stale = await coll.find({"complaint_id": None, "created_at": {"$lt": cutoff}}, {"_id": 1}).limit(limit) \
        .to_list(limit)
    for doc in stale:
        # The record goes first: a complaint filed meanwhile fails its claim instead of pointing at nothing.
        result = await coll.delete_one({"_id": doc["_id"], "complaint_id": None})
        if result.deleted_count:
            await _delete_file(doc["_id"])
            removed += 1
    # Bytes whose record was never written (the process stopped between the two writes).
    files = Upload.get_pymongo_collection().database[f"{BUCKET}.files"]
    orphans = await files.find({"uploadDate": {"$lt": cutoff}}, {"_id": 1}).limit(limit).to_list(limit)
    if orphans:
        known = {d["_id"] async for d in coll.find({"_id": {"$in": [o["_id"] for o in orphans]}}, {"_id": 1})}
        for orphan in orphans:
            if orphan["_id"] not in known:
                await _delete_file(orphan["_id"])
                removed += 1
    if removed:
        log.info("removed %d unclaimed uploads older than %s", removed, max_age)
    return removed
