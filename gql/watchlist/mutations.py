"""`watchProduct` / `unwatchProduct`: a signed-in consumer's own watchlist."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.visibility import watchlist as visibility
from documents.enums import Role
from documents.watchlist import actions
from gql.core.permissions import forbid, role_permission, viewer_of
from gql.watchlist.types import WatchedProduct

IsConsumer = role_permission(Role.CONSUMER)


def _owner(info: Info) -> str:
    viewer = viewer_of(info)
    if not visibility.can_keep(viewer) or viewer.subject_id is None:
        raise forbid("only a signed-in consumer keeps a watchlist")
    return viewer.subject_id


@strawberry.type
class WatchlistMutation:
    @strawberry.mutation(permission_classes=[IsConsumer],
                         description="Watch a product by GTIN, trace code or name (关注商品), signed-in CONSUMER; "
                                     "again with another label renames it. Returns the whole watchlist.")
    async def watch_product(self, info: Info,
                            code: Annotated[str, strawberry.argument(
                                description="GTIN, trace code or product name to watch (编码).")],
                            label: Annotated[str | None, strawberry.argument(
                                description="The owner's name for it (备注), up to 100 characters.")] = None,
                            ) -> list[WatchedProduct]:
        return [WatchedProduct.from_doc(d) for d in await actions.watch(_owner(info), code, label)]

    @strawberry.mutation(permission_classes=[IsConsumer],
                         description="Stop watching a product (取消关注). Returns the whole watchlist.")
    async def unwatch_product(self, info: Info, code: Annotated[str, strawberry.argument(
            description="The code to stop watching (编码).")]) -> list[WatchedProduct]:
        return [WatchedProduct.from_doc(d) for d in await actions.unwatch(_owner(info), code)]
