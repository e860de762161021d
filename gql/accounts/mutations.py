"""Sign-up/in/out, token refresh, and the admin's account and agency-client management."""

from __future__ import annotations

from typing import Annotated

import strawberry
from bson.errors import InvalidId
from strawberry.types import Info

from auth import sessions
from documents.core.errors import NotFound
from documents.enums import AgencyScope, Role
from gql.accounts import agency_clients as admin_clients
from gql.accounts.types import AgencyClientCredentials, AgencyScopeEnum, AuthPayload, Viewer
from gql.core.context import Context
from gql.core.node import decode_id
from gql.core.permissions import IsAdmin, viewer_of

EMAIL = "Email address (邮箱), unique; case does not matter."
PASSWORD = "Password (密码), at least 10 characters."
LOCALE = "Preferred language (界面语言): zh-CN (default) or en."


@strawberry.input(description="A consumer's own sign-up (注册).")
class SignUpInput:
    email: str = strawberry.field(description=EMAIL)
    password: str = strawberry.field(description=PASSWORD)
    display_name: str | None = strawberry.field(default=None, description="Name shown in the apps (显示名称).")
    locale: str | None = strawberry.field(default=None, description=LOCALE)


@strawberry.input(description="Email and password sign-in (登录).")
class SignInInput:
    email: str = strawberry.field(description="Email address (邮箱).")
    password: str = strawberry.field(description="Password (密码).")


@strawberry.input(description="An account an administrator creates (创建账户).")
class CreateAccountInput:
    email: str = strawberry.field(description=EMAIL)
    password: str = strawberry.field(description=PASSWORD)
    role: Role = strawberry.field(description="Role (角色); AGENCY clients are registered with createAgencyClient.")
    display_name: str | None = strawberry.field(default=None, description="Name shown in the apps (显示名称).")
    locale: str | None = strawberry.field(default=None, description=LOCALE)
    enterprise_uscc: str | None = strawberry.field(
        default=None, description="The enterprise of an ENTERPRISE account (所属企业 USCC).")


@strawberry.input(description="A partner-agency OAuth client to register (登记合作机构客户端).")
class CreateAgencyClientInput:
    client_id: str = strawberry.field(description="OAuth client id (客户端标识), unique.")
    name: str = strawberry.field(description="The agency's name (机构名称).")
    scopes: list[AgencyScopeEnum] = strawberry.field(  # type: ignore[valid-type]
        description="Scopes granted (权限范围).")
    country: str | None = strawberry.field(
        default=None, description="ISO 3166 alpha-2 country of a foreign authority (国家/地区).")
    budget_maximum: int | None = strawberry.field(
        default=None, description="Its own bucket size in points; null: the service default (预算上限).")
    budget_restore_rate: float | None = strawberry.field(
        default=None, description="Its own restore rate, points per second; null: the service default "
                                  "(每秒恢复点数).")


RefreshArg = Annotated[str, strawberry.argument(description="The refresh token of the session (刷新令牌).")]


def _ctx(info: Info) -> Context:
    return info.context


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Consumers create their own account and are signed in.")
    async def sign_up(self, info: Info, input: Annotated[SignUpInput, strawberry.argument(
            description="The new consumer account.")]) -> AuthPayload:
        pair = await sessions.sign_up(input.email, input.password, display_name=input.display_name,
                                      locale=input.locale, address=_ctx(info).client_address)
        return AuthPayload.from_pair(pair)

    @strawberry.mutation(description="Sign in with email and password (登录); repeated failures are limited per "
                                     "account and per address (RATE_LIMITED).")
    async def sign_in(self, info: Info, input: Annotated[SignInInput, strawberry.argument(
            description="Email and password.")]) -> AuthPayload:
        return AuthPayload.from_pair(await sessions.sign_in(input.email, input.password,
                                                            address=_ctx(info).client_address))

    @strawberry.mutation(description="Rotate a refresh token: the old one stops working at once.")
    async def refresh_token(self, info: Info, refresh_token: RefreshArg) -> AuthPayload:
        return AuthPayload.from_pair(await sessions.refresh(refresh_token, address=_ctx(info).client_address))

    @strawberry.mutation(description="Revoke the session of this refresh token (its access tokens too).")
    async def sign_out(self, info: Info, refresh_token: RefreshArg) -> bool:
        return await sessions.sign_out(refresh_token, address=_ctx(info).client_address)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Create an account of any role (ADMIN).")
    async def create_account(self, info: Info, input: Annotated[CreateAccountInput, strawberry.argument(
            description="The account to create.")]) -> Viewer:
        account = await sessions.admin_create_account(
            input.email, input.password, input.role, by=viewer_of(info).actor, display_name=input.display_name,
            locale=input.locale, enterprise_uscc=input.enterprise_uscc)
        return Viewer.from_account(account)

    @strawberry.mutation(permission_classes=[IsAdmin],
                         description="Disable (sign out everywhere) or enable an account (ADMIN).")
    async def set_account_disabled(
            self, info: Info,
            id: Annotated[strawberry.ID, strawberry.argument(description="Global id of the account (账户 ID).")],
            disabled: Annotated[bool, strawberry.argument(
                description="true: disable (停用); false: enable again.")]) -> Viewer:
        decoded = decode_id(str(id), "Account")
        if decoded is None:
            raise NotFound("no such account")
        try:
            account = await sessions.set_disabled(decoded[1], disabled, by=viewer_of(info).actor)
        except InvalidId as exc:
            raise NotFound("no such account") from exc
        return Viewer.from_account(account)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Register a partner-agency OAuth client (ADMIN).")
    async def create_agency_client(self, info: Info, input: Annotated[CreateAgencyClientInput, strawberry.argument(
            description="The client to register.")]) -> AgencyClientCredentials:
        client, secret = await admin_clients.create(info, input.client_id, input.name,
                                                    [AgencyScope(s) for s in input.scopes], input.country,
                                                    input.budget_maximum, input.budget_restore_rate)
        return AgencyClientCredentials(client_id=client.client_id, client_secret=secret,
                                       scopes=[AgencyScope(s).value for s in client.scopes], client=client)

    @strawberry.mutation(permission_classes=[IsAdmin],
                         description="Change an agency client's name, scopes or budget (修改合作机构客户端, ADMIN); "
                                     "audited.")
    async def update_agency_client(
            self, info: Info,
            id: Annotated[strawberry.ID, strawberry.argument(description="The client's global id (客户端 ID).")],
            input: Annotated[admin_clients.UpdateAgencyClientInput, strawberry.argument(
                description="The changes (修改内容).")]) -> admin_clients.AgencyClient:
        return await admin_clients.update(info, id, input)

    @strawberry.mutation(permission_classes=[IsAdmin],
                         description="Give an agency client a new secret, shown once (轮换客户端密钥, ADMIN); the old "
                                     "one is still accepted by /oauth/token for `graceSeconds`; audited.")
    async def rotate_agency_client_secret(
            self, info: Info,
            id: Annotated[strawberry.ID, strawberry.argument(description="The client's global id (客户端 ID).")],
            grace_seconds: Annotated[int, strawberry.argument(
                description="How long the old secret stays valid, 0 to 30 days in seconds; 0 refuses it at once "
                            "(旧密钥宽限秒数).")] = 86400) -> admin_clients.AgencyClientSecretRotation:
        return await admin_clients.rotate(info, id, grace_seconds)

    @strawberry.mutation(permission_classes=[IsAdmin],
                         description="Revoke an agency client for good (吊销客户端, ADMIN): no new token, and its "
                                     "issued tokens are refused (at once on this process, within 5 s on the others); "
                                     "audited.")
    async def revoke_agency_client(
            self, info: Info,
            id: Annotated[strawberry.ID, strawberry.argument(description="The client's global id (客户端 ID).")],
            ) -> admin_clients.AgencyClient:
        return await admin_clients.revoke(info, id)
