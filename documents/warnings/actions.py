"""Warning actions: the only code that writes warnings. A change and its change-log entry are written in
one transaction, or not at all; the revision guards against concurrent changes."""

from __future__ import annotations

from datetime import datetime

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.audit import models as audit
from documents.changelog import actions as changelog
from documents.changelog import tombstones
from documents.changelog.models import ChangeEvent
from documents.core.clock import aware, utcnow
from documents.core.errors import NotFound, StateConflict
from documents.db.counters import next_value
from documents.db.query_shapes import each_batch, estimated_size, insert_missing, most_candidates, same_id
from documents.db.transactions import in_transaction
from documents.enterprises import actions as enterprise_actions
from documents.enums import AlertEventType, ChangeTopic, Measure, WarningLevel, WarningStatus
from documents.recalls import duties as recall_duties
from documents.warnings.models import (
    KEYED_FIELD_NAMES,
    Warning,
    WarningCode,
    WarningKey,
    code_counter,
    format_code,
    warning_keys,
)


async def _save_with_event(warning: Warning, expected_revision: int | None, event_type: AlertEventType | None,
                           previous_level: WarningLevel | None, at: datetime,
                           keys_edited: bool = False) -> ChangeEvent | None:
    coll = Warning.get_pymongo_collection()
    needs_code = warning.status is not WarningStatus.DRAFT and warning.code is None
    warning.revision += 1
    warning.refresh_derived()
    event: ChangeEvent | None = None

    async def precheck() -> None:
        # On the embedded store, refuse a stale write before the transaction starts (documents/transactions.py);
        # `write` checks the revision again, which is all an isolated store needs.
        if expected_revision is not None:
            current = await coll.find_one({"_id": warning.id}, {"revision": 1})
            if current is None or current.get("revision") != expected_revision:
                raise StateConflict("the warning was changed by someone else; reload and try again", "STALE")

    async def write(session: AsyncClientSession) -> None:
        # May run more than once (the driver retries transient transaction errors): it only
        # recomputes the same fields, so a retry leaves no trace of the attempt before it.
        nonlocal event
        if needs_code:
            # Allocated inside the transaction, so a write that fails leaves no gap in the year's codes.
            number = await next_value(code_counter(at.year), session=session)
            warning.code = format_code(at.year, number)
            warning.refresh_derived()
        warning.updated_at = utcnow()
        doc = warning.model_dump(by_alias=True, mode="python")
        doc["_id"] = warning.id
        if expected_revision is None:
            await coll.insert_one(doc, session=session)
            if warning.gtins:  # the lookup's code index, written once: `gtins` are not editable (EDITABLE_FIELDS)
                await WarningCode.get_pymongo_collection().insert_many(
                    [{"key": g, "warning_id": warning.id} for g in dict.fromkeys(warning.gtins)], session=session)
            if entries := warning_keys(doc):
                await WarningKey.get_pymongo_collection().insert_many(entries, session=session)
        else:
            result = await coll.replace_one({"_id": warning.id, "revision": expected_revision}, doc, session=session)
            if result.matched_count != 1:
                raise StateConflict("the warning was changed by someone else; reload and try again", "STALE")
            if keys_edited and (entries := warning_keys(doc)):
                # A draft's edit may file it under more keys; entries of those it no longer has stay (the filters
                # check the warning itself). Found by `_id` (a duplicate key would abort the transaction on MongoDB).
                filed = WarningKey.get_pymongo_collection()
                have = {d["_id"] async for d in filed.find({"_id": {"$in": [e["_id"] for e in entries]}}, {"_id": 1},
                                                           session=session)}
                if missing := [e for e in entries if e["_id"] not in have]:
                    await filed.insert_many(missing, session=session)
        if event_type is not None:
            event = await changelog.append(session, ChangeTopic.WARNING, event_type, warning.id, at,
                                           written_warning=doc, warning_id=warning.id, level=warning.level,
                                           previous_level=previous_level, kind=warning.kind)
        if event_type is AlertEventType.PUBLISHED:
            # A DEFECT_RECALL measure owes a recall from each named enterprise, from this same transaction.
            await recall_duties.on_warning_published(
                session, warning_id=warning.id, warning_code=warning.code or "", status=warning.status,
                measures=warning.measures, enterprise_usccs=warning.enterprise_usccs, published_at=warning.published_at)
        if event_type is AlertEventType.PUBLISHED and Measure.CREDIT_DOWNGRADE in warning.measures:
            # The CREDIT_DOWNGRADE measure lowers each named enterprise one tier in this same transaction.
            await enterprise_actions.downgrade_for_warning(session, warning.id, warning.code, warning.enterprise_usccs,
                                                           by=warning.level_history[-1].by, at=at)

    try:
        await in_transaction(write, precheck=precheck)
    except BaseException:
        warning.revision -= 1
        if needs_code:
            warning.code = None
        raise
    return event


async def create(warning: Warning, *, publish: bool, by: str,
                 at: datetime | None = None) -> tuple[Warning, ChangeEvent | None]:
    """Validate and store a new warning, publishing it at once unless it stays a draft."""
    warning.validate_content()
    warning.created_by = by
    if not publish:
        await _save_with_event(warning, None, None, None, warning.created_at)
        return warning, None
    at = at or utcnow()
    warning.publish(by=by, at=at)
    event = await _save_with_event(warning, None, AlertEventType.PUBLISHED, None, at)
    return warning, event


async def load(warning_id: ObjectId) -> Warning:
    """The warning with that id, or NotFound."""
    warning = await Warning.get(warning_id)
    if warning is None:
        raise NotFound("no such warning")
    return warning


async def publish_draft(warning_id: ObjectId, *, by: str) -> tuple[Warning, ChangeEvent | None]:
    """Publish a stored draft."""
    warning = await load(warning_id)
    revision = warning.revision
    at = utcnow()
    warning.publish(by=by, at=at)
    event = await _save_with_event(warning, revision, AlertEventType.PUBLISHED, None, at)
    return warning, event


async def change_level(warning_id: ObjectId, level: WarningLevel, reason: str, *, by: str,
                       at: datetime | None = None,
                       authorization_ref: str | None = None) -> tuple[Warning, ChangeEvent | None]:
    """Adjust the level of a published warning, with history and alert event; raising it to RED may bring the
    State Council authorisation reference with it."""
    warning = await load(warning_id)
    revision, previous = warning.revision, warning.level
    if authorization_ref and authorization_ref.strip():
        warning.set_authorization_ref(authorization_ref)
    change = warning.adjust_level(level, reason, by, at)
    event = await _save_with_event(warning, revision, AlertEventType.LEVEL_CHANGED, previous, change.at)
    return warning, event


async def lift(warning_id: ObjectId, reason: str, *, by: str,
               at: datetime | None = None) -> tuple[Warning, ChangeEvent | None]:
    """Lift a published warning (final), with history and alert event."""
    warning = await load(warning_id)
    revision = warning.revision
    change = warning.lift(reason, by, at)
    event = await _save_with_event(warning, revision, AlertEventType.LIFTED, warning.level, change.at)
    return warning, event


async def update_draft(warning_id: ObjectId, content: Warning, *, by: str) -> Warning:
    """Replace the content of a DRAFT with `content` (validated as at issue); CONFLICT for any other status."""
    warning = await load(warning_id)
    if warning.status is not WarningStatus.DRAFT:
        raise StateConflict(f"warning is {warning.status.value}, only a DRAFT can be edited")
    revision = warning.revision
    for name, value in content.model_dump(include=EDITABLE_FIELDS).items():
        setattr(warning, name, value)
    warning.validate_content()
    await _save_with_event(warning, revision, None, None, utcnow(), keys_edited=True)
    await audit.record("warning_draft_updated", actor=by, target=f"warning:{warning.id}")
    return warning


async def delete_draft(warning_id: ObjectId, *, by: str) -> None:
    """Delete a DRAFT (never published, so no alert was ever sent); CONFLICT for any other status."""
    warning = await load(warning_id)
    if warning.status is not WarningStatus.DRAFT:
        raise StateConflict(f"warning is {warning.status.value}, only a DRAFT can be deleted")
    coll, at = Warning.get_pymongo_collection(), utcnow()

    async def write(session: AsyncClientSession) -> None:
        result = await coll.delete_one({"_id": warning.id, "revision": warning.revision,
                                        "status": WarningStatus.DRAFT.value}, session=session)
        if result.deleted_count != 1:
            raise StateConflict("the warning was changed by someone else; reload and try again", "STALE")
        await WarningCode.get_pymongo_collection().delete_many({"warning_id": same_id(warning.id)}, session=session)
        # The change feed answers this deletion with a tombstone, to those who could see the draft (staff).
        await tombstones.record(session, ChangeTopic.WARNING, {**warning.model_dump(by_alias=True, mode="python"),
                                                               "_id": warning.id}, at)
        await audit.record("warning_draft_deleted", actor=by, target=f"warning:{warning.id}", session=session,
                           title=warning.title)

    await in_transaction(write)


async def drafts_changed_since(since: datetime) -> list[ObjectId]:
    """Ids of the drafts created or edited at or after `since`: the change feed's drafts (for staff), which write no
    change-log entry because no alert goes out for them. Drafts are few; the bound is applied here, in Python,
    exact on both servers (the embedded one compares dates wrongly in some query shapes)."""
    bound = aware(since)
    found = Warning.get_pymongo_collection().find({"status": {"$in": [WarningStatus.DRAFT.value]}},
                                                  {"created_at": 1, "updated_at": 1})
    return [d["_id"] async for d in found if aware(d.get("updated_at") or d["created_at"]) >= bound]


async def index_keys(warnings: list[dict]) -> int:
    """Write the WarningKey entries of stored warnings (`_id` and KEYED_FIELDS) that are not there yet; returns how
    many were added."""
    return await insert_missing(WarningKey.get_pymongo_collection(), [e for w in warnings for e in warning_keys(w)])


async def upgrade_keys() -> int:
    """Start-up upgrade: the entries of warnings stored before them (`index_keys`); the enterprise-only entries that
    came before them go."""
    added = await each_batch(Warning.get_pymongo_collection(), dict.fromkeys(KEYED_FIELD_NAMES, 1), index_keys)
    await WarningKey.get_pymongo_collection().database.drop_collection("warning_enterprises")
    return added


async def warnings_filed_under(key: str, *, prefix: bool = False, most: int | None = None) -> list[ObjectId] | None:
    """The ids of the warnings filed under `key` (under any key that starts with it, for `prefix`), by one indexed
    equality or range; None when more than `most` are (by default what costs less to read than walking the list's
    order: `most_candidates`), a frequent value that the caller walks for instead."""
    entries = WarningKey.get_pymongo_collection()
    if most is None:
        most = most_candidates(await estimated_size(Warning.get_pymongo_collection()))
    # Keys are ASCII letters, digits and ":" (KEYED_FIELDS): DEL sorts after every one of them.
    query = {"key": {"$gte": key, "$lt": key + "\x7f"} if prefix else key}
    # Whether there are more than `most`, without reading them: one entry past them (1 ms at 1,000 on the embedded
    # server, where counting them took 1.6 s).
    if await entries.find(query, {"_id": 1}).skip(most).limit(1).to_list(1):
        return None
    # The warning's id ends each entry's `_id`: no other field is read.
    found = [ObjectId(d["_id"].rpartition("|")[2]) async for d in entries.find(query, {"_id": 1}).limit(most)]
    return list(dict.fromkeys(found))


# What an editor may change in a draft (everything a regulator types at issue). Not `gtins`: their entries in the
# lookup's code index (WarningCode) are written once, with the warning.
EDITABLE_FIELDS = {"title", "title_en", "level", "kind", "hazards", "product_category", "hs_codes", "origin_countries",
                   "regions", "summary", "summary_en", "measures", "enterprise_usccs", "issued_by", "authorization_ref"}
