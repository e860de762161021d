"""`webhookEndpoints`: an agency client's own endpoints, or all of them for ADMIN."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from auth.visibility import webhooks as visibility
from documents.webhooks.models import WebhookEndpoint as EndpointDoc
from gql.core.permissions import forbid, unauthenticated, viewer_of
from gql.webhooks.types import WebhookEndpoint

MAX_LIST = 200


@strawberry.type
class WebhookQuery:
    @strawberry.field(description="Webhook endpoints (推送端点): an agency client's own, all for ADMIN; FORBIDDEN for "
                                  "other roles.")
    async def webhook_endpoints(self, info: Info) -> list[WebhookEndpoint]:
        viewer = viewer_of(info)
        if viewer.is_anonymous:
            raise unauthenticated()
        q = visibility.query_filter(viewer)
        if q is None:
            raise forbid("webhook endpoints belong to agency clients and administrators")
        docs = await EndpointDoc.get_pymongo_collection().find(q).sort("created_at", -1).limit(MAX_LIST) \
            .to_list(MAX_LIST)
        return [WebhookEndpoint.from_doc(d) for d in docs]
