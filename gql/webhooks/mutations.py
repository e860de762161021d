"""Registering, deleting and re-enabling webhook endpoints, and redelivering (AGENCY own, ADMIN)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.visibility import webhooks as visibility
from documents.core.errors import NotFound
from documents.enums import AlertEventType, Role, WarningLevel
from documents.settings import get_settings
from documents.webhooks import actions
from documents.webhooks.models import WebhookDelivery as DeliveryDoc
from documents.webhooks.models import WebhookEndpoint as EndpointDoc
from gql.core.node import decode_id
from gql.core.permissions import forbid, role_permission, viewer_of
from gql.webhooks.types import WebhookDelivery, WebhookEndpoint

CanManageWebhooks = role_permission(Role.AGENCY, Role.ADMIN)


@strawberry.input(description="A webhook endpoint to register (推送端点).")
class WebhookEndpointInput:
    url: str = strawberry.field(description="Where events are POSTed; https in production, public addresses only "
                                            "(接收地址).")
    event_types: list[AlertEventType] | None = strawberry.field(default=None, description="Event types to send; "
                                                                "omitted or empty = all (事件类型).")
    min_level: WarningLevel | None = strawberry.field(default=None, description="Lowest warning level to send, as "
                                                      "`alerts(minLevel:)`; omitted = all (最低预警级别).")


async def _own_endpoint(info: Info, id: strawberry.ID) -> dict:
    """The endpoint if the viewer may manage it: FORBIDDEN for another owner's, NOT_FOUND for none."""
    decoded = decode_id(str(id), "WebhookEndpoint")
    doc = await EndpointDoc.get_pymongo_collection().find_one({"_id": decoded[1]}) if decoded else None
    if doc is None:
        raise NotFound("no such webhook endpoint")
    if not visibility.can_see(viewer_of(info), doc):
        raise forbid("this webhook endpoint belongs to another client")
    return doc


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(permission_classes=[CanManageWebhooks], description="Register a webhook endpoint (AGENCY, "
                         "for its own client; ADMIN). Events logged from now on are delivered, signed with the "
                         "returned secret, shown here only (注册推送端点).")
    async def create_webhook_endpoint(self, info: Info, input: Annotated[WebhookEndpointInput, strawberry.argument(
            description="The endpoint: URL, event types, level floor (推送端点).")]) -> WebhookEndpoint:
        viewer = viewer_of(info)
        endpoint = await actions.create_endpoint(
            visibility.owner_of(viewer), viewer.subject_id if viewer.role is Role.AGENCY else None, input.url,
            list(input.event_types or []), input.min_level, by=viewer.actor, production=get_settings().is_production)
        doc = endpoint.model_dump(by_alias=True, mode="python")
        return WebhookEndpoint.from_doc(doc, reveal_secret=True)

    @strawberry.mutation(permission_classes=[CanManageWebhooks], description="Delete a webhook endpoint and its "
                         "delivery log (AGENCY own, ADMIN) (删除推送端点).")
    async def delete_webhook_endpoint(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The endpoint's global id (端点 ID).")]) -> bool:
        doc = await _own_endpoint(info, id)
        await actions.delete_endpoint(doc["_id"], by=viewer_of(info).actor)
        return True

    @strawberry.mutation(permission_classes=[CanManageWebhooks], description="Enable a disabled endpoint again; "
                         "events logged meanwhile follow (AGENCY own, ADMIN) (重新启用推送端点).")
    async def enable_webhook_endpoint(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The endpoint's global id (端点 ID).")]) -> WebhookEndpoint:
        doc = await _own_endpoint(info, id)
        await actions.enable_endpoint(doc["_id"], by=viewer_of(info).actor)
        return WebhookEndpoint.from_doc({**doc, "enabled": True, "disabled_reason": None})

    @strawberry.mutation(permission_classes=[CanManageWebhooks], description="Send a delivery again now, with the "
                         "same webhook-id (AGENCY own, ADMIN) (重新推送).")
    async def redeliver_webhook(self, info: Info, delivery_id: Annotated[strawberry.ID, strawberry.argument(
            description="The delivery's id (its webhook-id) (消息 ID).")]) -> WebhookDelivery:
        doc = await DeliveryDoc.get_pymongo_collection().find_one({"_id": str(delivery_id)})
        endpoint = await EndpointDoc.get_pymongo_collection().find_one({"_id": doc["endpoint_id"]}) if doc else None
        if doc is None or endpoint is None:
                raise NotFound("no such delivery")
        if not visibility.can_see(viewer_of(info), endpoint):
            raise forbid("this delivery belongs to another client")
        return WebhookDelivery.from_doc(await actions.redeliver(str(delivery_id), by=viewer_of(info).actor))
