"""WebhookEndpoint (推送端点) and WebhookDelivery (推送记录), and how `node(id:)` finds an endpoint under the webhook
visibility rule (its owner's client, or ADMIN)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import webhooks as visibility
from documents.enums import AlertEventType, WarningLevel, WebhookDeliveryStatus
from documents.webhooks import rules
from documents.webhooks.models import WebhookDelivery as DeliveryDoc
from documents.webhooks.models import WebhookEndpoint as EndpointDoc
from gql.core import cursors
from gql.core.enum_docs import describe_enum
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of

describe_enum(AlertEventType, "What happened (事件类型), in alerts and webhook deliveries.", {
    "PUBLISHED": "A warning was published (预警发布).",
    "LEVEL_CHANGED": "A warning's level was adjusted (预警级别调整).",
    "LIFTED": "A warning was lifted (预警解除).",
    "CREDIT_CHANGED": "An enterprise's customs credit level changed (信用等级变更).",
    "RECALL_PROGRESS": "A recall reported progress: units recovered or refunds (召回进展).",
    "RECALL_ORDERED": "A regulator ordered a recall (责令召回).",
    "RECALL_ANNOUNCED": "An enterprise announced a voluntary recall (主动召回).",
    "RECALL_COMPLETED": "A recall was completed (召回完成).",
    "RECALL_CLOSED": "A regulator closed a recall after evaluating its effect (召回结案).",
    "WATCHLIST_MATCH": "A warning or recall matched a product on the subscriber's watchlist (关注商品命中).",
    "COMPLAINT_SIGNAL": "A group of complaints about one product, brand or category reached its threshold "
                        "(投诉聚集信号)."})
describe_enum(WebhookDeliveryStatus, "Where a webhook delivery stands (推送状态).", {
    "PENDING": "Not delivered yet, or waiting for its next retry (待发送).",
    "SUCCEEDED": "The endpoint answered 2xx (已送达).",
    "FAILED": "Retries exhausted over 24 h; the endpoint was disabled (失败)."})

MAX_DELIVERIES_PAGE = 100


def _time(epoch: float | None) -> datetime | None:
    return datetime.fromtimestamp(epoch, UTC) if epoch else None


@strawberry.type(description="One attempt to deliver a webhook (推送尝试).")
class WebhookAttempt:
    at: datetime = strawberry.field(description="When it was made (尝试时间).")
    status_code: int | None = strawberry.field(description="The endpoint's HTTP status; null when none came back "
                                                           "(timeout, refused address) (响应状态码).")
    error: str | None = strawberry.field(description="Why it failed; null when it succeeded (失败原因).")
    duration_ms: int = strawberry.field(description="How long it took, in milliseconds (耗时).")


@strawberry.type(description="One event for one endpoint, with its attempts (推送记录). `id` is the `webhook-id` "
                             "header, the same on every retry.")
class WebhookDelivery:
    id: strawberry.ID = strawberry.field(description="The webhook-id (消息 ID), stable per (event, endpoint).")
    type: AlertEventType = strawberry.field(description="The event type (事件类型).")
    status: WebhookDeliveryStatus = strawberry.field(description="Where the delivery stands (推送状态).")
    attempts: int = strawberry.field(description="Attempts made so far (尝试次数).")
    created_at: datetime = strawberry.field(description="When the event was queued for this endpoint (创建时间).")
    next_attempt_at: datetime | None = strawberry.field(description="When the next attempt is due; null once "
                                                                    "delivered or failed (下次重试时间).")
    cursor: str = strawberry.field(description="The alert cursor of the event (事件游标), as in `alerts(after:)`.")
    payload: str = strawberry.field(description="The JSON body sent (signed as is) (推送内容).")
    log: list[WebhookAttempt] = strawberry.field(description="The latest attempts, oldest first (尝试记录).")

    @classmethod
    def from_doc(cls, doc: dict) -> WebhookDelivery:
        pending = doc["status"] == WebhookDeliveryStatus.PENDING.value
        return cls(id=strawberry.ID(doc["_id"]), type=AlertEventType(doc["type"]),
                   status=WebhookDeliveryStatus(doc["status"]), attempts=int(doc["attempts"]),
                   created_at=_time(doc["created"]) or datetime.now(UTC),
                   next_attempt_at=_time(doc["next_at"]) if pending else None,
                   cursor=cursors.encode("alert", int(doc["seq"])), payload=doc["body"],
                   log=[WebhookAttempt(at=_time(e["at"]) or datetime.now(UTC), status_code=e.get("status"),
                                       error=e.get("error"), duration_ms=int(e.get("ms") or 0))
                        for e in doc.get("log") or []])


@strawberry.type(description="A URL of a partner agency (or an administrator) that receives signed alert events "
                             "(推送端点, Standard Webhooks).")
class WebhookEndpoint(Node):
    db_id: strawberry.Private[ObjectId]
    id: strawberry.ID = strawberry.field(description="Global, opaque id (全局 ID).")
    url: str = strawberry.field(description="Where events are POSTed (接收地址).")
    secret: str = strawberry.field(description="The signing secret `whsec_...` (签名密钥): in full only in the answer "
                                               "of createWebhookEndpoint, masked afterwards.")
    enabled: bool = strawberry.field(description="False once disabled after repeated failure (是否启用).")
    event_types: list[AlertEventType] = strawberry.field(description="Event types sent; empty = all (事件类型).")
    min_level: WarningLevel | None = strawberry.field(description="Lowest warning level sent; null = all "
                                                                 "(最低预警级别).")
    disabled_reason: str | None = strawberry.field(description="Why it was disabled (停用原因).")
    created_at: datetime = strawberry.field(description="When it was registered (创建时间).")

    @classmethod
    def from_doc(cls, doc: dict, reveal_secret: bool = False) -> WebhookEndpoint:
        return cls(id=global_id("WebhookEndpoint", doc["_id"]), db_id=doc["_id"], url=doc["url"],
                   secret=doc["secret"] if reveal_secret else rules.masked(doc["secret"]),
                   enabled=bool(doc.get("enabled", True)),
                   event_types=[AlertEventType(t) for t in doc.get("event_types") or []],
                   min_level=WarningLevel(doc["min_level"]) if doc.get("min_level") else None,
                   disabled_reason=doc.get("disabled_reason"), created_at=doc["created_at"])

    @strawberry.field(description="Its deliveries, newest first (推送记录).")
    async def deliveries(self, info: Info, first: Annotated[int | None, strawberry.argument(
            description="How many, at most 100 (数量).")] = 20) -> list[WebhookDelivery]:
        limit = max(1, min(first or 20, MAX_DELIVERIES_PAGE))
        docs = await DeliveryDoc.get_pymongo_collection().find({"endpoint_id": {"$in": [self.db_id]}}) \
            .sort("seq", -1).limit(limit).to_list(limit)
        return [WebhookDelivery.from_doc(d) for d in docs]


async def load_endpoint(info: Info, oid: ObjectId) -> WebhookEndpoint | None:
    doc = await EndpointDoc.get_pymongo_collection().find_one({"_id": oid})
    if doc is None or not visibility.can_see(viewer_of(info), doc):
        return None
    return WebhookEndpoint.from_doc(doc)


register_node("WebhookEndpoint", load_endpoint)
