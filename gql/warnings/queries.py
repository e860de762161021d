"""The `warnings` query: visibility is part of the query, never a filter on pages."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from documents.enums import ChangeTopic
from documents.warnings.models import Warning as WarningDoc
from gql.core.connections import (
    AfterArg,
    Connection,
    FirstArg,
    IncludeLiftedArg,
    UpdatedAfterArg,
    changed_ids,
    connection,
    empty_connection,
    keyset_page,
)
from gql.core.permissions import viewer_of
from gql.warnings.filters import WarningFilter, warning_query
from gql.warnings.loaders import WARNING_LIST_PROJECTION
from gql.warnings.types import Warning

FilterArg = Annotated[WarningFilter | None, strawberry.argument(description="Narrows the list (筛选); never widens "
                                                                           "what the viewer may see.")]


@strawberry.type
class WarningQuery:
    @strawberry.field(description="Warnings the viewer may see, newest first (风险预警列表).")
    async def warnings(self, info: Info, filter: FilterArg = None, first: FirstArg = None,
                       after: AfterArg = None, updated_after: UpdatedAfterArg = None,
                       include_lifted: IncludeLiftedArg = True) -> Connection[Warning]:
        q = warning_query(viewer_of(info), filter, include_lifted=include_lifted)
        if q is None:
            return empty_connection(first, after)
        q.update(await changed_ids(ChangeTopic.WARNING, updated_after))
        coll = WarningDoc.get_pymongo_collection()
        page = await keyset_page(coll, q, first, after, projection=WARNING_LIST_PROJECTION)
        return connection(page, Warning.from_doc, coll, q)
