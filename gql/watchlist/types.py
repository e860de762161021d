"""The WatchedProduct type (关注商品) and the owner's list; matches are computed when asked for."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from auth.visibility import watchlist as visibility
from documents.enums import ProductCodeType
from documents.products.codes import ProductCode
from documents.watchlist import actions
from gql.core.node import decode_id
from gql.core.permissions import forbid, viewer_of
from gql.products.types import ProductMatches, matches


@strawberry.type(description="A product on a consumer's watchlist (关注商品); its owner only.")
class WatchedProduct:
    key: strawberry.Private[str]
    code: str = strawberry.field(description="The code as registered (编码).")
    code_type: ProductCodeType = strawberry.field(description="GTIN, TRACE_CODE or TEXT (编码类型).")
    label: str | None = strawberry.field(description="The owner's name for it (备注).")
    added_at: datetime = strawberry.field(description="When it was added (添加时间).")

    @strawberry.field(description="Active warnings and recalls that match it now (匹配的预警与召回).")
    async def matches(self, info: Info) -> ProductMatches:
        code = ProductCode(raw=self.code, code=self.code, type=self.code_type, valid=True)
        _, found = await matches(info, code)
        return found

    @classmethod
    def from_doc(cls, d: dict) -> WatchedProduct:
        return cls(key=d["key"], code=d["code"], code_type=ProductCodeType(d["code_type"]), label=d.get("label"),
                   added_at=d["added_at"])


async def watchlist_of(info: Info, viewer_gid: str) -> list[WatchedProduct]:
    """`Viewer.watchlist`: the owner's own list; FORBIDDEN for anyone else (regulators included)."""
    decoded = decode_id(viewer_gid, "Account")
    owner = str(decoded[1]) if decoded else None
    if owner is None or not visibility.can_read(viewer_of(info), owner):
        raise forbid("a watchlist is visible to its owner only")
    return [WatchedProduct.from_doc(d) for d in await actions.list_for(owner)]
