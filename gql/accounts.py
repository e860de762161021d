"""Accounts and sessions: `me`, sign-up/in/out, token refresh, and the admin's account and client management."""

from __future__ import annotations

import strawberry
from bson import ObjectId
from bson.errors import InvalidId
from strawberry.types import Info

from auth import sessions
from auth.agency_clients import register_client
from auth.sessions import TokenPair
from documents import audit
from documents.account import Account
from documents.agency_client import AgencyClient
from documents.enterprise import Enterprise as EnterpriseDoc
from documents.enterprise import check_uscc
from documents.enums import AgencyScope, Role
from documents.errors import NotFound, RuleViolation
from gql import global_id
from gql.context import Context
from gql.enterprises import Enterprise
from gql.permissions import IsAdmin, viewer_of

AgencyScopeEnum = strawberry.enum(AgencyScope, name="AgencyScope")


@strawberry.type
class Viewer:
    """The signed-in account or agency client."""

    id: strawberry.ID
    email: str | None
    display_name: str | None
    role: Role
    locale: str | None
    scopes: list[str]
    enterprise_uscc: strawberry.Private[str | None]

    @strawberry.field
    async def enterprise(self, info: Info) -> Enterprise | None:
        if not self.enterprise_uscc:
            return None
        doc = await info.context.loaders.enterprise_by_uscc.load(self.enterprise_uscc)
        return Enterprise.from_doc(doc) if doc else None

    @classmethod
    def from_account(cls, a: Account) -> Viewer:
        return cls(id=strawberry.ID(global_id.encode("Account", a.id)), email=a.email,  # type: ignore[arg-type]
                   display_name=a.display_name, role=a.role, locale=a.locale, scopes=[],
                   enterprise_uscc=a.enterprise_uscc)


@strawberry.type
class AuthPayload:
    access_token: str
    refresh_token: str
    expires_in: int = strawberry.field(description="Seconds until the access token expires.")
    viewer: Viewer

    @classmethod
    def from_pair(cls, pair: TokenPair) -> AuthPayload:
        return cls(access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in,
                   viewer=Viewer.from_account(pair.account))


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


@strawberry.type
class AgencyClientCredentials:
    client_id: str
    client_secret: str = strawberry.field(description="Shown once; only its hash is stored.")
    scopes: list[str]


def _ctx(info: Info) -> Context:
    return info.context


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The caller, or null when anonymous.")
    async def me(self, info: Info) -> Viewer | None:
        v = viewer_of(info)
        if v.kind == "account":
            account = await Account.get(ObjectId(v.subject_id))
            return Viewer.from_account(account) if account else None
        if v.kind == "client":
            client = await AgencyClient.find_one(AgencyClient.client_id == v.subject_id)
            if client is None:
                return None
            return Viewer(id=strawberry.ID(global_id.encode("AgencyClient", client.id)), email=None,  # type: ignore[arg-type]
                          display_name=client.name, role=Role.AGENCY, locale=None, scopes=sorted(v.scopes),
                          enterprise_uscc=None)
        return None


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
        uscc = None
        if input.role is Role.ENTERPRISE:
            if not input.enterprise_uscc:
                raise RuleViolation("enterprise accounts need enterpriseUscc", field="enterpriseUscc")
            uscc = check_uscc(input.enterprise_uscc, field="enterpriseUscc")
            if await EnterpriseDoc.find_one(EnterpriseDoc.uscc == uscc) is None:
                raise NotFound("no enterprise with this USCC")
        if input.role is Role.AGENCY:
            raise RuleViolation("agencies are OAuth clients: use createAgencyClient", field="role")
        account = await sessions.create_account(input.email, input.password, input.role,
                                                display_name=input.display_name, locale=input.locale,
                                                enterprise_uscc=uscc)
        await audit.record("account_created", actor=viewer_of(info).actor, target=f"account:{account.id}",
                           role=account.role.value)
        return Viewer.from_account(account)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Disable (sign out everywhere) or enable an account.")
    async def set_account_disabled(self, info: Info, id: strawberry.ID, disabled: bool) -> Viewer:
        oid = global_id.decode_as(str(id), "Account")
        if oid is None:
            raise NotFound("no such account")
        try:
            account = await sessions.set_disabled(oid, disabled, by=viewer_of(info).actor)  # type: ignore[arg-type]
        except InvalidId as exc:
            raise NotFound("no such account") from exc
        return Viewer.from_account(account)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Register a partner-agency OAuth client (ADMIN).")
    async def create_agency_client(self, info: Info, input: CreateAgencyClientInput) -> AgencyClientCredentials:
        client, secret = await register_client(input.client_id, input.name, [AgencyScope(s) for s in input.scopes],
                                               by=viewer_of(info).actor, country=input.country)
        return AgencyClientCredentials(client_id=client.client_id, client_secret=secret,
                                       scopes=[s.value for s in client.scopes])
