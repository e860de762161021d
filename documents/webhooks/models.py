"""Webhook endpoints of partner agencies (and admins) and their deliveries (Standard Webhooks).

Times of deliveries are epoch floats, never dates: they are compared and rewritten often, and the embedded server
stores dates given to `$set` as strings. Delivery documents are always rewritten whole, guarded by `attempts`.
"""

from __future__ import annotations

from datetime import datetime

from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from documents.core.clock import utcnow
from documents.enums import AlertEventType, WarningLevel, WebhookDeliveryStatus


class WebhookEndpoint(Document):
    """A URL that receives signed alert events; `position` is the change-log sequence read up to (fan-out)."""

    owner: str  # "client:<client_id>" for an agency, "admin:<account id>" for an administrator
    client_id: str | None = None
    url: str
    secret: str  # whsec_<base64>: needed to sign every delivery, so kept (only shown at creation)
    event_types: list[AlertEventType] = Field(default_factory=list)  # empty: every alert type
    min_level: WarningLevel | None = None  # None: every level
    enabled: bool = True
    disabled_reason: str | None = None
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = ""

    class Settings:
        name = "webhook_endpoints"
        indexes = [IndexModel([("owner", ASCENDING)]), IndexModel([("enabled", ASCENDING)])]


class WebhookDelivery(Document):
    """One event for one endpoint. `_id` is the stable `webhook-id` of (event, endpoint): racing workers that fan
    out the same event insert the same id once, and every retry carries it."""

    id: str  # type: ignore[assignment]
    endpoint_id: PydanticObjectId
    seq: int
    type: AlertEventType
    body: str  # the exact JSON sent (signed as is)
    status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING
    attempts: int = 0
    created: float = 0.0  # epoch seconds
    window_start: float = 0.0  # retries stop QSRADAR_WEBHOOK_RETRY_WINDOW after this
    next_at: float = 0.0  # due (or claimed until) at this epoch time
    log: list[dict] = Field(default_factory=list)  # attempts: {at, status, error, ms}

    class Settings:
        name = "webhook_deliveries"
        indexes = [IndexModel([("status", ASCENDING), ("next_at", ASCENDING)]),
                   IndexModel([("endpoint_id", ASCENDING), ("seq", ASCENDING)]),
                   # alone too (documents/db/query_shapes.py); `status` as well, though few-valued: the claim reads
                   # the PENDING ones, a few among every delivery ever made, which the embedded server scanned
                   IndexModel("endpoint_id"), IndexModel("status")]


def delivery_id(endpoint_id: object, seq: int) -> str:
    """The webhook-id of the `seq`th log entry for an endpoint: the same on every worker and every retry."""
    return f"msg_{endpoint_id}_{seq}"
