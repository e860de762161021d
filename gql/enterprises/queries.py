"""The `enterprise(uscc:)` query (企业查询)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from gql.enterprises.types import Enterprise, enterprises_by_uscc


@strawberry.type
class EnterpriseQuery:
    @strawberry.field(description="An enterprise by its unified social credit code (统一社会信用代码).")
    async def enterprise(self, info: Info, uscc: str) -> Enterprise | None:
        found = await enterprises_by_uscc(info, [uscc.strip().upper()])
        return found[0] if found else None
