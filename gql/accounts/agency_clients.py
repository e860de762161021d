"""The admin's view of partner-agency clients (合作机构客户端): list, usage per day, webhook health, and the
changes (create, update, rotate the secret, revoke). ADMIN only: every field is reached through an IsAdmin root."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.agency_clients import register_client, rotate_client_secret
from auth.oauth_server import forget_client
from documents.accounts import agency_clients as clients
from documents.accounts import agency_usage
from documents.accounts.agency_clients import AgencyClient as ClientDoc
from documents.core.errors import NotFound
from documents.enums import AgencyScope, Role, WebhookDeliveryStatus
from documents.settings import get_settings
from documents.webhooks.models import WebhookDelivery, WebhookEndpoint
from gql.accounts.types import AgencyScopeEnum
from gql.core.budget import forget_client_limits
from gql.core.connections import Connection, connection, keyset_page
from gql.core.errors import bad_input
from gql.core.node import Node, decode_id, global_id, register_node
from gql.core.permissions import viewer_of

MAX_USAGE_DAYS = agency_usage.MAX_DAYS


def _utc(value: datetime | None) -> datetime | None:
    # BSON dates come back naive; they are UTC.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


@strawberry.type(description="The cost budget of a client (费用预算): its bucket size and restore rate, its own "
                             "values or the service defaults.")
class AgencyBudget:
    maximum: int = strawberry.field(description="Bucket size in points (预算上限，点数).")
    restore_rate: float = strawberry.field(description="Points restored per second (每秒恢复点数).")
    custom: bool = strawberry.field(description="True when set for this client, false when the service defaults "
                                                "apply (是否为自定义预算).")


@strawberry.type(description="A client's usage on one UTC day (每日用量); counted in memory by each process and "
                             "written every few seconds, so the last seconds may not show yet.")
class AgencyUsageDay:
    day: date = strawberry.field(description="The UTC day (日期，UTC).")
    requests: int = strawberry.field(description="GraphQL requests made (请求次数).")
    cost: int = strawberry.field(description="Cost points charged (消耗点数).")
    errors: int = strawberry.field(description="Requests answered with at least one error, refusals included "
                                               "(出错请求数).")


@strawberry.type(description="Health of a client's webhook endpoints (推送健康状况).")
class AgencyWebhookHealth:
    endpoints: int = strawberry.field(description="Endpoints registered (推送端点数).")
    enabled: int = strawberry.field(description="Endpoints enabled (启用的端点数).")
    disabled: int = strawberry.field(description="Endpoints disabled after repeated failure (停用的端点数).")
    pending_deliveries: int = strawberry.field(description="Deliveries not yet delivered or waiting for a retry "
                                                           "(待发送的推送数).")
    failed_deliveries: int = strawberry.field(description="Deliveries that failed for good (失败的推送数).")
    last_success_at: datetime | None = strawberry.field(description="When a delivery last succeeded; null when "
                                                                    "none has (最近一次成功推送时间).")


@strawberry.type(description="A partner-agency OAuth client as administrators see it (合作机构客户端).")
class AgencyClient(Node):
    id: strawberry.ID = strawberry.field(description="Global, opaque id (全局 ID).")
    client_id: str = strawberry.field(description="The OAuth client id (客户端 ID).")
    name: str = strawberry.field(description="The agency's name (机构名称).")
    country: str | None = strawberry.field(description="ISO 3166 alpha-2 country of a foreign authority (国家/地区).")
    scopes: list[AgencyScopeEnum] = strawberry.field(  # type: ignore[valid-type]
        description="Scopes granted (授权范围).")
    disabled: bool = strawberry.field(description="True when no token is issued or accepted (已停用).")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked for good; null while active "
                                                               "(吊销时间).")
    created_at: datetime = strawberry.field(description="When it was registered (创建时间).")
    secret_rotated_at: datetime | None = strawberry.field(description="When its secret was last rotated; null "
                                                                      "when never (密钥轮换时间).")
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="Until when the secret replaced by the last rotation is still accepted; null when it no longer "
                    "is (旧密钥宽限期截止时间).")
    revision: int = strawberry.field(description="Revision of the record, for `expectedRevision` (修订号).")
    budget: AgencyBudget = strawberry.field(description="Its cost budget (费用预算).")

    @strawberry.field(description="Usage per UTC day (每日用量), oldest first, the last `days` days including today.")
    async def usage(self, days: Annotated[int, strawberry.argument(
            description=f"How many days, 1 to {MAX_USAGE_DAYS} (天数).")] = 14) -> list[AgencyUsageDay]:
        if not 1 <= days <= MAX_USAGE_DAYS:
            raise bad_input(f"days must be between 1 and {MAX_USAGE_DAYS}", field="days")
        return [AgencyUsageDay(day=u.day, requests=u.requests, cost=u.cost, errors=u.errors)
                for u in await agency_usage.usage_of(self.client_id, days)]

    @strawberry.field(description="Health of its webhook endpoints (推送健康状况).")
    async def webhook_health(self) -> AgencyWebhookHealth:
        endpoints = await WebhookEndpoint.get_pymongo_collection().find(
            {"client_id": self.client_id}, {"enabled": 1}).to_list(None)
        ids = [e["_id"] for e in endpoints]
        enabled = sum(1 for e in endpoints if e.get("enabled", True))
        deliveries = WebhookDelivery.get_pymongo_collection()
        pending = failed = 0
        last: datetime | None = None
        if ids:
            pending = await deliveries.count_documents(
                {"endpoint_id": {"$in": ids}, "status": WebhookDeliveryStatus.PENDING.value})
            failed = await deliveries.count_documents(
                {"endpoint_id": {"$in": ids}, "status": WebhookDeliveryStatus.FAILED.value})
            succeeded = await deliveries.find(
                {"endpoint_id": {"$in": ids}, "status": WebhookDeliveryStatus.SUCCEEDED.value},
                {"log": 1}).sort("seq", -1).limit(1).to_list(1)
            if succeeded and succeeded[0].get("log"):
                last = datetime.fromtimestamp(float(succeeded[0]["log"][-1]["at"]), UTC)
        return AgencyWebhookHealth(endpoints=len(endpoints), enabled=enabled, disabled=len(endpoints) - enabled,
                                   pending_deliveries=pending, failed_deliveries=failed, last_success_at=last)

    @classmethod
    def from_doc(cls, doc: ClientDoc) -> AgencyClient:
        assert doc.id is not None  # a stored client
        s = get_settings()
        custom = doc.budget_maximum is not None or doc.budget_restore_rate is not None
        budget = AgencyBudget(maximum=doc.budget_maximum or s.budget_maximum,
                              restore_rate=doc.budget_restore_rate or s.budget_restore_rate, custom=custom)
        in_grace = doc.previous_secret_valid()
        return cls(id=global_id("AgencyClient", doc.id), client_id=doc.client_id, name=doc.name, country=doc.country,
                   scopes=list(doc.scopes), disabled=doc.disabled, revoked_at=_utc(doc.revoked_at),
                   created_at=_utc(doc.created_at) or doc.created_at, secret_rotated_at=_utc(doc.secret_rotated_at),
                   previous_secret_expires_at=_utc(doc.previous_secret_expires_at) if in_grace else None,
                   revision=doc.revision, budget=budget)


async def load_client(info: Info, oid: ObjectId) -> AgencyClient | None:
    """`node(id:)`: administrators only (null for everyone else, as if it did not exist)."""
    if viewer_of(info).role is not Role.ADMIN:
        return None
    doc = await ClientDoc.get(oid)
    return AgencyClient.from_doc(doc) if doc is not None else None


register_node("AgencyClient", load_client)


async def list_clients(first: int | None, after: str | None) -> Connection[AgencyClient]:
    """Newest first, keyset pages on `sort_key`."""
    await clients.ensure_keys()
    collection = ClientDoc.get_pymongo_collection()
    page = await keyset_page(collection, {}, first, after)
    return connection(page, lambda d: AgencyClient.from_doc(ClientDoc.model_validate(d)), collection, {})


def client_oid(id: strawberry.ID) -> ObjectId:
    """The `_id` of an AgencyClient global id; NOT_FOUND for anything else."""
    decoded = decode_id(str(id), "AgencyClient")
    if decoded is None:
        raise NotFound("no such agency client")
    return decoded[1]


@strawberry.input(description="Changes to an agency client (修改合作机构客户端); only the fields given change.")
class UpdateAgencyClientInput:
    name: str | None = strawberry.field(default=None, description="New name (机构名称).")
    scopes: list[AgencyScopeEnum] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="New scopes, replacing the old ones; at least one (授权范围).")
    budget_maximum: int | None = strawberry.field(
        default=None, description=f"Bucket size in points, {clients.MIN_BUDGET_MAXIMUM} to "
                                  f"{clients.MAX_BUDGET_MAXIMUM} (预算上限).")
    budget_restore_rate: float | None = strawberry.field(
        default=None, description=f"Points restored per second, {clients.MIN_RESTORE_RATE} to "
                                  f"{clients.MAX_RESTORE_RATE} (每秒恢复点数).")
    reset_budget: bool = strawberry.field(default=False, description="True: back to the service default budget "
                                                                     "(恢复默认预算).")
    expected_revision: int | None = strawberry.field(
        default=None, description="The revision read; CONFLICT (reason STALE) when it changed meanwhile (预期修订号).")


@strawberry.type(description="A rotated client secret (轮换后的客户端密钥), shown once.")
class AgencyClientSecretRotation:
    client: AgencyClient = strawberry.field(description="The client after the rotation (客户端).")
    client_secret: str = strawberry.field(description="The new secret, shown only in this answer; only its hash is "
                                                      "stored (新密钥，仅显示一次).")
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="Until when the old secret is still accepted; null when it was refused at once "
                    "(旧密钥宽限期截止时间).")


async def create(info: Info, client_id: str, name: str, scopes: list[AgencyScope], country: str | None,
                 budget_maximum: int | None, budget_restore_rate: float | None) -> tuple[AgencyClient, str]:
    """Register a client; (the client, its secret shown once)."""
    doc, secret = await register_client(client_id, name, scopes, by=viewer_of(info).actor, country=country,
                                        budget_maximum=budget_maximum, budget_restore_rate=budget_restore_rate)
    return AgencyClient.from_doc(doc), secret


async def update(info: Info, id: strawberry.ID, input: UpdateAgencyClientInput) -> AgencyClient:
    doc = await clients.update(client_oid(id), by=viewer_of(info).actor, expected_revision=input.expected_revision,
                               name=input.name,
                               scopes=[AgencyScope(s) for s in input.scopes] if input.scopes is not None else None,
                               budget_maximum=input.budget_maximum, budget_restore_rate=input.budget_restore_rate,
                               clear_budget=input.reset_budget)
    forget_client(doc.client_id)  # new scopes apply at once in this process
    forget_client_limits(doc.client_id)
    return AgencyClient.from_doc(doc)


async def rotate(info: Info, id: strawberry.ID, grace_seconds: int) -> AgencyClientSecretRotation:
    doc, secret = await rotate_client_secret(client_oid(id), grace_seconds, by=viewer_of(info).actor)
    node = AgencyClient.from_doc(doc)
    return AgencyClientSecretRotation(client=node, client_secret=secret,
                                      previous_secret_expires_at=node.previous_secret_expires_at)


async def revoke(info: Info, id: strawberry.ID) -> AgencyClient:
    doc = await clients.revoke(client_oid(id), by=viewer_of(info).actor)
    forget_client(doc.client_id)  # its issued tokens are refused at once in this process
    return AgencyClient.from_doc(doc)
