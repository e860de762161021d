"""The `warnings` query: visibility is part of the query, never a filter on pages."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from auth.viewer import Viewer
from auth.visibility import warnings as visibility
from documents.core.clock import aware
from documents.enums import ChangeTopic, WarningStatus
from documents.warnings.actions import drafts_changed_since
from documents.warnings.models import Warning as WarningDoc
from gql.core.connections import (
    FEED_PAGE,
    AfterArg,
    FeedConnection,
    FirstArg,
    IncludeLiftedArg,
    Tombstone,
    UpdatedAfterArg,
    changed_ids,
    connection,
    empty_connection,
    keyset_page,
    narrowed,
    tombstones_since,
)
from gql.core.permissions import viewer_of
from gql.warnings.filters import WarningFilter, candidates, warning_query
from gql.warnings.loaders import WARNING_LIST_PROJECTION
from gql.warnings.types import Warning

FilterArg = Annotated[WarningFilter | None, strawberry.argument(description="Narrows the list (筛选); never widens "
                                                                           "what the viewer may see.")]


@strawberry.type(name="WarningConnection", description="A page of warnings (预警分页). " + FEED_PAGE)
class WarningConnection(FeedConnection[Warning]):
    """Warnings page with tombstones (the contract's WarningConnection)."""


async def warning_tombstones(viewer: Viewer, f: WarningFilter | None, include_lifted: bool,
                             since: datetime) -> list[Tombstone]:
    """Deleted drafts the viewer could see, and (includeLifted false) warnings lifted since, under the same filter."""
    base = warning_query(viewer, f, include_lifted=True)
    if base is None:
        return []
    lifted: list[tuple[Any, datetime]] = []
    if not include_lifted:
        cursor = WarningDoc.get_pymongo_collection().find(
            {"$and": [base, {"status": {"$in": [WarningStatus.LIFTED.value]}, "lifted_at": {"$gte": since}}]},
            {"lifted_at": 1})
        # bounded again in Python: the embedded server's date `$gte` matches earlier times of the same second
        lifted = [(w["_id"], w["lifted_at"]) async for w in cursor if aware(w["lifted_at"]) >= aware(since)]
    return await tombstones_since(ChangeTopic.WARNING, "Warning", since, base, lifted)


@strawberry.type
class WarningQuery:
    @strawberry.field(description="Warnings the viewer may see, newest first (风险预警列表).")
    async def warnings(self, info: Info, filter: FilterArg = None, first: FirstArg = None,
                       after: AfterArg = None, updated_after: UpdatedAfterArg = None,
                       include_lifted: IncludeLiftedArg = True) -> WarningConnection:
        viewer = viewer_of(info)
        q = warning_query(viewer, filter, include_lifted=include_lifted)
        deleted = await warning_tombstones(viewer, filter, include_lifted, updated_after) \
            if updated_after is not None and not after else []
        if q is None:
            return WarningConnection.of(empty_connection(first, after), deleted)
        if (ids := await candidates(filter)) is not None:
            q["_id"] = {"$in": ids}
        changed = await changed_ids(ChangeTopic.WARNING, updated_after)
        if updated_after is not None and WarningStatus.DRAFT in visibility.visible_statuses(viewer):
            # drafts write no change-log entry (no alert goes out): staff get them by their last save
            changed["_id"]["$in"] = [*changed["_id"]["$in"], *await drafts_changed_since(updated_after)]
        q = narrowed(q, changed)
        coll = WarningDoc.get_pymongo_collection()
        page = await keyset_page(coll, q, first, after, projection=WARNING_LIST_PROJECTION)
        return WarningConnection.of(connection(page, Warning.from_doc, coll, q), deleted)
