"""Account types: the viewer (`me`), sign-in payloads and agency-client credentials."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from auth.sessions import TokenPair
from documents.accounts.models import Account
from documents.enums import AgencyScope, DutyState, Role
from gql.complaints.types import Complaint, complaints_of_account
from gql.core.connections import AfterArg, Connection, FirstArg, empty_connection
from gql.core.enum_docs import describe_enum
from gql.core.node import decode_id, global_id
from gql.enterprises.types import Enterprise, enterprises_by_uscc
from gql.watchlist.types import WatchedProduct, watchlist_of

if TYPE_CHECKING:
    from gql.accounts.agency_clients import AgencyClient
    from gql.recalls.types import RecallDuty

AgencyScopeEnum = strawberry.enum(AgencyScope, name="AgencyScope")
describe_enum(AgencyScope, "What a partner-agency client may read (合作机构权限范围), granted per client; the OAuth "
                           "`scope` names are the values' strings (warnings:read, ...).", {
    "WARNINGS_READ": "warnings:read: public announcements and notices (预警公告与通告).",
    "RECALLS_READ": "recalls:read: recalls (召回).",
    "CREDIT_READ": "credit:read: enterprise credit levels, history, breaches and applications (企业信用).",
    "CIRCULARS_READ": "circulars:read: risk-warning circulars, which are not public (风险警示通报).",
    "COMPLAINTS_AGGREGATE": "complaints:aggregate: complaint counts, never an individual complaint (投诉统计)."})
describe_enum(Role, "Who an account or client is (角色); it decides what may be seen and done.", {
    "CONSUMER": "A consumer (消费者): public warnings and recalls, own complaints and watchlist.",
    "ENTERPRISE": "A member of one enterprise (企业): its credit, recall duties, defect reports and complaints "
                  "about it.",
    "REGULATOR": "A customs or market-regulation officer (监管部门): issues warnings, orders recalls, decides credit.",
    "AGENCY": "A partner-agency OAuth client (合作机构), limited by its scopes.",
    "ADMIN": "An administrator (管理员): accounts and agency clients; sees what regulators see."})


@strawberry.type(description="The signed-in account or agency client (当前用户).")
class Viewer:

    id: strawberry.ID = strawberry.field(description="Global id of the account or agency client (账户 ID).")
    email: str | None = strawberry.field(description="Sign-in email (邮箱); null for an agency client.")
    display_name: str | None = strawberry.field(description="Name shown in the apps (显示名称); an agency client's "
                                                            "name.")
    role: Role = strawberry.field(description="Role (角色).")
    locale: str | None = strawberry.field(description="Preferred language (界面语言): zh-CN or en; null for an "
                                                      "agency client.")
    scopes: list[str] = strawberry.field(description="An agency client's granted scopes (权限范围), e.g. "
                                                     "warnings:read; empty for accounts.")
    enterprise_uscc: strawberry.Private[str | None]

    @strawberry.field(description="The enterprise an ENTERPRISE account belongs to (所属企业); null for other "
                                  "roles.")
    async def enterprise(self, info: Info) -> Enterprise | None:
        if not self.enterprise_uscc:
            return None
        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        return found[0] if found else None

    @strawberry.field(description="This account's complaints (我的投诉), newest first, as the caller may see them.")
    async def complaints(self, info: Info, first: FirstArg = None,
                         after: AfterArg = None) -> Connection[Complaint]:
        decoded = decode_id(str(self.id), "Account")
        if decoded is None:
            return empty_connection(first, after)
        return await complaints_of_account(info, str(decoded[1]), first, after)

    @strawberry.field(description="Watched products (关注商品); the owner only (FORBIDDEN for anyone else).")
    async def watchlist(self, info: Info) -> list[WatchedProduct]:
        return await watchlist_of(info, str(self.id))

    @strawberry.field(description="Recall duties (召回义务), soonest deadline first: an enterprise member's own "
                                  "enterprise's, every enterprise's for regulators, none for others.")
    async def duties(self, info: Info, states: Annotated[list[DutyState] | None, strawberry.argument(
            description="Only duties in these states (义务状态), e.g. [OVERDUE].")] = None, first: FirstArg = None,
                     after: AfterArg = None
                     ) -> Connection[Annotated[RecallDuty, strawberry.lazy("gql.recalls.types")]]:
        from gql.recalls.types import viewer_duties

        return await viewer_duties(info, states, first, after)

    @classmethod
    def from_account(cls, a: Account) -> Viewer:
        assert a.id is not None  # a stored account
        return cls(id=global_id("Account", a.id), email=a.email,
                   display_name=a.display_name, role=a.role, locale=a.locale, scopes=[],
                   enterprise_uscc=a.enterprise_uscc)


@strawberry.type(description="A signed-in session (登录凭证): a short-lived access token and its refresh token.")
class AuthPayload:
    access_token: str = strawberry.field(description="Bearer access token (访问令牌) for the Authorization header.")
    refresh_token: str = strawberry.field(description="Refresh token (刷新令牌): exchange it with refreshToken for a "
                                                      "new pair; keep it secret.")
    expires_in: int = strawberry.field(description="Seconds until the access token expires.")
    viewer: Viewer = strawberry.field(description="The account signed in.")

    @classmethod
    def from_pair(cls, pair: TokenPair) -> AuthPayload:
        return cls(access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in,
                   viewer=Viewer.from_account(pair.account))


@strawberry.type(description="A new partner-agency client's credentials (客户端凭据) for POST /oauth/token.")
class AgencyClientCredentials:
    client_id: str = strawberry.field(description="OAuth client id (客户端标识).")
    client_secret: str = strawberry.field(description="Shown once; only its hash is stored.")
    scopes: list[str] = strawberry.field(description="Scopes granted (权限范围), e.g. warnings:read.")
    client: Annotated[AgencyClient, strawberry.lazy("gql.accounts.agency_clients")] | None = strawberry.field(
        default=None, description="The client registered (新建的客户端).")
