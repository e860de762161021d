"""`me`: the caller's account or agency client."""

from __future__ import annotations

import strawberry
from bson import ObjectId
from strawberry.types import Info

from documents.accounts.agency_clients import AgencyClient
from documents.accounts.models import Account
from documents.enums import Role
from gql.accounts import agency_clients as admin_clients
from gql.accounts.types import Viewer
from gql.core.connections import AfterArg, Connection, FirstArg
from gql.core.node import global_id
from gql.core.permissions import IsAdmin, viewer_of


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
            if client is None or client.id is None:
                return None
            return Viewer(id=global_id("AgencyClient", client.id), email=None,
                          display_name=client.name, role=Role.AGENCY, locale=None, scopes=sorted(v.scopes),
                          enterprise_uscc=None)
        return None

    @strawberry.field(permission_classes=[IsAdmin],
                      description="Partner-agency clients (合作机构客户端), newest first (ADMIN).")
    async def agency_clients(self, first: FirstArg = None, after: AfterArg = None
                             ) -> Connection[admin_clients.AgencyClient]:
        return await admin_clients.list_clients(first, after)
