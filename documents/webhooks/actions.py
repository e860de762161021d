"""The only writers of webhook endpoints and deliveries."""

from __future__ import annotations

import time
from typing import Any

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from documents.audit import models as audit
from documents.changelog.models import ChangeEvent
from documents.core.errors import NotFound, StateConflict
from documents.enums import AlertEventType, WarningLevel, WebhookDeliveryStatus
from documents.webhooks import rules
from documents.webhooks.models import WebhookDelivery, WebhookEndpoint, delivery_id

MAX_ENDPOINTS_PER_OWNER = 20


async def create_endpoint(owner: str, client_id: str | None, url: str, event_types: list[AlertEventType],
                          min_level: WarningLevel | None, *, by: str, production: bool) -> WebhookEndpoint:
    """Register an endpoint; it receives events logged from now on. Returns it with its secret (shown once)."""
    url = rules.check_url(url, production)
    if await WebhookEndpoint.get_pymongo_collection().count_documents({"owner": owner}) >= MAX_ENDPOINTS_PER_OWNER:
        raise StateConflict(f"at most {MAX_ENDPOINTS_PER_OWNER} webhook endpoints per owner")
    latest = await ChangeEvent.get_pymongo_collection().find_one({}, sort=[("seq", -1)])
    endpoint = WebhookEndpoint(owner=owner, client_id=client_id, url=url, secret=rules.new_secret(),
                               event_types=list(dict.fromkeys(event_types)), min_level=min_level,
                               position=int(latest["seq"]) if latest else 0, created_by=by)
    await endpoint.insert()
    await audit.record("webhook_endpoint_created", actor=by, target=f"webhook:{endpoint.id}", url=url)
    return endpoint


async def delete_endpoint(endpoint_id: PydanticObjectId, *, by: str) -> None:
    """Remove an endpoint and its pending deliveries (its delivery log goes with it)."""
    result = await WebhookEndpoint.get_pymongo_collection().delete_one({"_id": endpoint_id})
    if not result.deleted_count:
        raise NotFound("no such webhook endpoint")
    await WebhookDelivery.get_pymongo_collection().delete_many({"endpoint_id": {"$in": [endpoint_id]}})
    await audit.record("webhook_endpoint_deleted", actor=by, target=f"webhook:{endpoint_id}")


async def add_deliveries(endpoint_id: PydanticObjectId, old_position: int, new_position: int,
                         events: list[tuple[int, AlertEventType, str]]) -> bool:
    """Create the deliveries of events read after `old_position` (idempotent: stable ids), then move the
    endpoint's position, unless another worker moved it first. True when this call moved it."""
    now = time.time()
    coll = WebhookDelivery.get_pymongo_collection()
    for seq, type_, body in events:
        doc = WebhookDelivery(id=delivery_id(endpoint_id, seq), endpoint_id=endpoint_id, seq=seq, type=type_,
                              body=body, created=now, window_start=now, next_at=now)
        try:
            await coll.insert_one(doc.model_dump(by_alias=True, mode="python"))
        except DuplicateKeyError:
            pass  # the same event for the same endpoint, fanned out by another worker
    moved = await WebhookEndpoint.get_pymongo_collection().update_one(
        {"_id": endpoint_id, "position": old_position}, {"$set": {"position": new_position}})
    return bool(moved.modified_count)


async def claim_due(lease_seconds: float) -> dict[str, Any] | None:
    """Atomically claim the most overdue pending delivery (push its due time by the lease): one worker sends it;
    if that worker dies, the delivery is due again when the lease ends."""
    now = time.time()
    return await WebhookDelivery.get_pymongo_collection().find_one_and_update(
        {"status": WebhookDeliveryStatus.PENDING.value, "next_at": {"$lte": now}},
        {"$set": {"next_at": now + lease_seconds}}, sort=[("next_at", 1)], return_document=ReturnDocument.AFTER)


async def record_attempt(delivery: dict[str, Any], *, ok: bool, status: int | None, error: str | None,
                         elapsed_ms: int, retry_base: float, retry_window: float) -> dict[str, Any]:
    """Write the outcome of one attempt (whole document, guarded by `attempts`); returns the new document.
    A failure is retried with exponential back-off until the retry window ends; then the delivery FAILED."""
    now = time.time()
    attempts = int(delivery["attempts"]) + 1
    entry = {"at": now, "status": status, "error": (error or "")[:300] or None, "ms": elapsed_ms}
    new = {**delivery, "attempts": attempts, "log": [*(delivery.get("log") or []), entry][-rules.MAX_ERROR_LOG:]}
    if ok:
        new["status"] = WebhookDeliveryStatus.SUCCEEDED.value
    else:
        next_at = now + rules.next_delay(attempts, retry_base)
        if next_at > float(delivery["window_start"]) + retry_window:
            new["status"] = WebhookDeliveryStatus.FAILED.value
        else:
            new["next_at"] = next_at
    await WebhookDelivery.get_pymongo_collection().replace_one(
        {"_id": delivery["_id"], "attempts": delivery["attempts"]}, new)
    return new


async def disable_endpoint(endpoint_id: PydanticObjectId, reason: str) -> None:
    """Stop deliveries to an endpoint that keeps failing; the administrators learn it from the audit trail and log."""
    result = await WebhookEndpoint.get_pymongo_collection().update_one(
        {"_id": endpoint_id, "enabled": True}, {"$set": {"enabled": False, "disabled_reason": reason}})
    if result.modified_count:
        await audit.record("webhook_endpoint_disabled", actor="system", target=f"webhook:{endpoint_id}",
                           reason=reason)


async def redeliver(delivery_key: str, *, by: str) -> dict[str, Any]:
    """Send a delivery again (same webhook-id), now, with a fresh retry window."""
    coll = WebhookDelivery.get_pymongo_collection()
    doc = await coll.find_one({"_id": delivery_key})
    if doc is None:
        raise NotFound("no such delivery")
    endpoint = await WebhookEndpoint.get_pymongo_collection().find_one({"_id": doc["endpoint_id"]})
    if endpoint is None or not endpoint.get("enabled", True):
        raise StateConflict("the endpoint is disabled; deliveries resume once it is enabled")
    now = time.time()
    new = {**doc, "status": WebhookDeliveryStatus.PENDING.value, "next_at": now, "window_start": now}
    replaced = await coll.replace_one({"_id": delivery_key, "attempts": doc["attempts"]}, new)
    if not replaced.matched_count:
        raise StateConflict("the delivery is being sent; try again")
    await audit.record("webhook_redelivered", actor=by, target=f"webhook:{doc['endpoint_id']}", delivery=delivery_key)
    return new


async def enable_endpoint(endpoint_id: PydanticObjectId, *, by: str) -> None:
    """Resume deliveries to a disabled endpoint (its position was kept: events logged meanwhile follow)."""
    result = await WebhookEndpoint.get_pymongo_collection().update_one(
        {"_id": endpoint_id}, {"$set": {"enabled": True, "disabled_reason": None}})
    if not result.matched_count:
        raise NotFound("no such webhook endpoint")
    await audit.record("webhook_endpoint_enabled", actor=by, target=f"webhook:{endpoint_id}")
