"""Recall type and the public `recalls` query."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from auth.visibility import can_read_recalls, can_see_warning
from documents.enums import RecallStatus, RecallType, WarningKind, WarningStatus
from documents.recall import Recall as RecallDoc
from gql import global_id
from gql.node import Node
from gql.pagination import Connection, connection, count, keyset_page
from gql.permissions import forbid, viewer_of

if TYPE_CHECKING:
    from gql.enterprises import Enterprise
    from gql.warnings import Warning


@strawberry.input
class RecallFilter:
    statuses: list[RecallStatus] | None = None
    types: list[RecallType] | None = None
    enterprise_uscc: str | None = None


@strawberry.type
class Recall(Node):
    """A recall and its effect so far (units recovered, refunds, completion rate)."""

    db_id: strawberry.Private[object]
    warning_db_id: strawberry.Private[object | None]
    enterprise_uscc: strawberry.Private[str]
    code: str
    product_name: str
    product_name_en: str | None
    brand: str | None
    model: str | None
    type: RecallType
    status: RecallStatus
    units_affected: int
    units_recovered: int
    refunds_cny: float
    announced_at: datetime
    deadline: datetime | None

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_id.encode("Recall", self.db_id))  # type: ignore[arg-type]

    @strawberry.field(description="Units recovered / units affected, from 0 to 1.")
    def completion_rate(self) -> float:
        return round(self.units_recovered / self.units_affected, 4) if self.units_affected else 0.0

    @strawberry.field
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises")] | None:
        from gql.enterprises import Enterprise

        doc = await info.context.loaders.enterprise_by_uscc.load(self.enterprise_uscc)
        return Enterprise.from_doc(doc) if doc else None

    @strawberry.field
    async def warning(self, info: Info) -> Annotated[Warning, strawberry.lazy("gql.warnings")] | None:
        from gql.warnings import Warning

        if self.warning_db_id is None:
            return None
        doc = await info.context.loaders.warning_by_id.load(self.warning_db_id)
        if doc is None or not can_see_warning(viewer_of(info), WarningKind(doc["kind"]), WarningStatus(doc["status"])):
            return None
        return Warning.from_doc(doc)

    @classmethod
    def from_doc(cls, d: dict) -> Recall:
        return cls(db_id=d["_id"], warning_db_id=d.get("warning_id"), enterprise_uscc=d["enterprise_uscc"],
                   code=d["code"], product_name=d["product_name"], product_name_en=d.get("product_name_en"),
                   brand=d.get("brand"), model=d.get("model"), type=RecallType(d["type"]),
                   status=RecallStatus(d["status"]), units_affected=d["units_affected"],
                   units_recovered=d["units_recovered"], refunds_cny=d["refunds_cny"],
                   announced_at=d["announced_at"], deadline=d.get("deadline"))


def recall_query(f: RecallFilter | None) -> dict:
    q: dict = {}
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
    @strawberry.field(description="Recalls, newest first.")
    async def recalls(self, info: Info, filter: RecallFilter | None = None, first: int | None = None,
                      after: str | None = None) -> Connection[Recall]:
        if not can_read_recalls(viewer_of(info)):
            raise forbid("scope recalls:read is required")
        coll = RecallDoc.get_pymongo_collection()
        q = recall_query(filter)
        page = await keyset_page(coll, q, first, after)
        return connection(page, Recall.from_doc, lambda: count(coll, q))
