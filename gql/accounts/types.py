"""Account types: the viewer (`me`), sign-in payloads and agency-client credentials."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from auth.sessions import TokenPair
from documents.accounts.models import Account
from documents.enums import AgencyScope, DutyState, Role
from gql.complaints.types import Complaint, complaints_of_account
from gql.core.connections import Connection, empty_connection
from gql.core.node import decode_id, global_id
from gql.enterprises.types import Enterprise, enterprises_by_uscc
from gql.watchlist.types import WatchedProduct, watchlist_of

if TYPE_CHECKING:
    from gql.accounts.agency_clients import AgencyClient
    from gql.recalls.types import RecallDuty

AgencyScopeEnum = strawberry.enum(AgencyScope, name="AgencyScope")


@strawberry.type(description="The signed-in account or agency client (当前用户).")
class Viewer:

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
        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        return found[0] if found else None

    @strawberry.field(description="This account's complaints (我的投诉), newest first, as the caller may see them.")
    async def complaints(self, info: Info, first: int | None = None,
                         after: str | None = None) -> Connection[Complaint]:
        decoded = decode_id(str(self.id), "Account")
        if decoded is None:
            return empty_connection(first, after)
        return await complaints_of_account(info, str(decoded[1]), first, after)

    @strawberry.field(description="Watched products (关注商品); the owner only (FORBIDDEN for anyone else).")
    async def watchlist(self, info: Info) -> list[WatchedProduct]:
        return await watchlist_of(info, str(self.id))

    @strawberry.field(description="Recall duties (召回义务), soonest deadline first: an enterprise member's own "
                                  "enterprise's, every enterprise's for regulators, none for others.")
    async def duties(self, info: Info, states: list[DutyState] | None = None, first: int | None = None,
                     after: str | None = None
                     ) -> Connection[Annotated[RecallDuty, strawberry.lazy("gql.recalls.types")]]:
        from gql.recalls.types import viewer_duties

        return await viewer_duties(info, states, first, after)

    @classmethod
    def from_account(cls, a: Account) -> Viewer:
        assert a.id is not None  # a stored account
        return cls(id=global_id("Account", a.id), email=a.email,
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


@strawberry.type
class AgencyClientCredentials:
    client_id: str
    client_secret: str = strawberry.field(description="Shown once; only its hash is stored.")
    scopes: list[str]
    client: Annotated[AgencyClient, strawberry.lazy("gql.accounts.agency_clients")] | None = strawberry.field(
        default=None, description="The client registered (新建的客户端).")
