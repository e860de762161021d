"""The Recall type (召回) and the lookups other types use to show recalls under the recall visibility rule."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import recalls as visibility
from documents.enums import RecallStatus, RecallType
from documents.recalls import rules
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of
from gql.recalls.loaders import recall_by_id, recalls_by_enterprise, recalls_by_warning

if TYPE_CHECKING:
    from gql.enterprises.types import Enterprise
    from gql.warnings.types import Warning


@strawberry.type(description="One progress report (召回进展): cumulative units recovered and refunds.")
class RecallProgress:
    at: datetime
    units_recovered: int
    refunds_cny: float | None
    note: str | None


@strawberry.type(description="A recall (召回) and its effect so far: units recovered, refunds, completion rate.")
class Recall(Node):
    db_id: strawberry.Private[ObjectId]
    warning_db_id: strawberry.Private[ObjectId | None]
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
    progress_reports: list[RecallProgress] = strawberry.field(description="Progress reports, oldest first.")


    @strawberry.field(description="Units recovered / units affected, from 0 to 1 (完成率); below 1 until all are back.")
    def completion_rate(self) -> float:
        return rules.completion_rate(self.units_recovered, self.units_affected)

    @strawberry.field(description="The recalling enterprise (召回企业).")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        from gql.enterprises.types import enterprises_by_uscc

        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        return found[0] if found else None

    @strawberry.field(description="The warning this recall answers; null when there is none or it is not visible.")
    async def warning(self, info: Info) -> Annotated[Warning, strawberry.lazy("gql.warnings.types")] | None:
        from gql.warnings.types import visible_warning

        return await visible_warning(info, self.warning_db_id) if self.warning_db_id is not None else None

    @classmethod
    def from_doc(cls, d: dict) -> Recall:
        return cls(id=global_id("Recall", d["_id"]), db_id=d["_id"], warning_db_id=d.get("warning_id"),
                   enterprise_uscc=d["enterprise_uscc"],
                   code=d["code"], product_name=d["product_name"], product_name_en=d.get("product_name_en"),
                   brand=d.get("brand"), model=d.get("model"), type=RecallType(d["type"]),
                   status=RecallStatus(d["status"]), units_affected=d["units_affected"],
                   units_recovered=d["units_recovered"], refunds_cny=d["refunds_cny"],
                   announced_at=d["announced_at"], deadline=d.get("deadline"),
                   progress_reports=[RecallProgress(at=r["at"], units_recovered=r["units_recovered"],
                                                    refunds_cny=r.get("refunds_cny"), note=r.get("note"))
                                     for r in d.get("progress_reports", [])])


async def visible_recall(info: Info, oid: ObjectId) -> Recall | None:
    """The recall with this id if the viewer may see it."""
    doc = await info.context.loaders.get(recall_by_id).load(oid)
    return Recall.from_doc(doc) if doc and visibility.can_see(viewer_of(info), doc) else None


async def recalls_of_warning(info: Info, warning_id: ObjectId) -> list[Recall]:
    """A warning's recalls the viewer may see (empty when none are visible)."""
    viewer = viewer_of(info)
    docs = await info.context.loaders.get(recalls_by_warning).load(warning_id)
    return [Recall.from_doc(d) for d in docs if visibility.can_see(viewer, d)]


async def recalls_of_enterprise(info: Info, uscc: str) -> list[Recall]:
    """An enterprise's recalls the viewer may see (empty when none are visible)."""
    viewer = viewer_of(info)
    docs = await info.context.loaders.get(recalls_by_enterprise).load(uscc)
    return [Recall.from_doc(d) for d in docs if visibility.can_see(viewer, d)]


register_node("Recall", visible_recall)
