"""Sign-up/in/out, token refresh, and the admin's account and agency-client management."""

from __future__ import annotations

import strawberry
from bson.errors import InvalidId
from strawberry.types import Info

from auth import sessions
from auth.agency_clients import register_client
from documents.core.errors import NotFound
from documents.enums import AgencyScope, Role
from gql.accounts.types import AgencyClientCredentials, AgencyScopeEnum, AuthPayload, Viewer
from gql.core.context import Context
from gql.core.node import decode_id
from gql.core.permissions import IsAdmin, viewer_of


@strawberry.input
class SignUpInput:
    email: str
    password: str
    display_name: str | None = None
    locale: str | None = None


@strawberry.input
class SignInInput:
    email: str
    password: str


@strawberry.input
class CreateAccountInput:
    email: str
    password: str
    role: Role
    display_name: str | None = None
    locale: str | None = None
    enterprise_uscc: str | None = None


@strawberry.input
class CreateAgencyClientInput:
    client_id: str
    name: str
    scopes: list[AgencyScopeEnum]  # type: ignore[valid-type]
    country: str | None = None


def _ctx(info: Info) -> Context:
    return info.context


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Consumers create their own account and are signed in.")
    async def sign_up(self, info: Info, input: SignUpInput) -> AuthPayload:
        pair = await sessions.sign_up(input.email, input.password, display_name=input.display_name,
                                      locale=input.locale, address=_ctx(info).client_address)
        return AuthPayload.from_pair(pair)

    @strawberry.mutation
    async def sign_in(self, info: Info, input: SignInInput) -> AuthPayload:
        return AuthPayload.from_pair(await sessions.sign_in(input.email, input.password,
                                                            address=_ctx(info).client_address))

    @strawberry.mutation(description="Rotate a refresh token: the old one stops working at once.")
    async def refresh_token(self, info: Info, refresh_token: str) -> AuthPayload:
        return AuthPayload.from_pair(await sessions.refresh(refresh_token, address=_ctx(info).client_address))

    @strawberry.mutation(description="Revoke the session of this refresh token (its access tokens too).")
    async def sign_out(self, info: Info, refresh_token: str) -> bool:
        return await sessions.sign_out(refresh_token, address=_ctx(info).client_address)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Create an account of any role (ADMIN).")
    async def create_account(self, info: Info, input: CreateAccountInput) -> Viewer:
        account = await sessions.admin_create_account(
            input.email, input.password, input.role, by=viewer_of(info).actor, display_name=input.display_name,
            locale=input.locale, enterprise_uscc=input.enterprise_uscc)
        return Viewer.from_account(account)

    @strawberry.mutation(permission_classes=[IsAdmin],
                         description="Disable (sign out everywhere) or enable an account (ADMIN).")
    async def set_account_disabled(self, info: Info, id: strawberry.ID, disabled: bool) -> Viewer:
        decoded = decode_id(str(id), "Account")
        if decoded is None:
            raise NotFound("no such account")
        try:
            account = await sessions.set_disabled(decoded[1], disabled, by=viewer_of(info).actor)
        except InvalidId as exc:
            raise NotFound("no such account") from exc
        return Viewer.from_account(account)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Register a partner-agency OAuth client (ADMIN).")
    async def create_agency_client(self, info: Info, input: CreateAgencyClientInput) -> AgencyClientCredentials:
        client, secret = await register_client(input.client_id, input.name, [AgencyScope(s) for s in input.scopes],
                                               by=viewer_of(info).actor, country=input.country)
        return AgencyClientCredentials(client_id=client.client_id, client_secret=secret,
                                       scopes=[s.value for s in client.scopes])
