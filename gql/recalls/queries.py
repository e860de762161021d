"""The `recalls` query (召回列表): public, keyset-paged, newest first."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from auth.visibility import recalls as visibility
from documents.enums import AgencyScope, RecallStatus, RecallType
from documents.recalls.models import Recall as RecallDoc
from gql.core.connections import Connection, connection, keyset_page
from gql.core.permissions import has_scope, viewer_of
from gql.recalls.types import Recall


@strawberry.input(description="Filters on recalls (召回筛选).")
class RecallFilter:
    statuses: list[RecallStatus] | None = None
    types: list[RecallType] | None = None
    enterprise_uscc: str | None = None


def recall_query(f: RecallFilter | None) -> dict[str, Any]:
    q: dict[str, Any] = {}
    if f is None:
        return q
    if f.statuses:
        q["status"] = {"$in": [s.value for s in f.statuses]}
    if f.types:
        q["type"] = {"$in": [t.value for t in f.types]}
    if f.enterprise_uscc:
        q["enterprise_uscc"] = f.enterprise_uscc.strip().upper()
    return q


@strawberry.type
class RecallQuery:
    @strawberry.field(description="Recalls, newest first (召回列表).",
                      permission_classes=[has_scope(AgencyScope.RECALLS_READ)])
    async def recalls(self, info: Info, filter: RecallFilter | None = None, first: int | None = None,
                      after: str | None = None) -> Connection[Recall]:
        restriction = visibility.query_filter(viewer_of(info))
        assert restriction is not None  # the permission class refused every viewer who sees none
        q = {**recall_query(filter), **restriction}
        coll = RecallDoc.get_pymongo_collection()
        page = await keyset_page(coll, q, first, after)
        return connection(page, Recall.from_doc, coll, q)
