"""The Enterprise type (企业) with its credit (海关信用): the level is public, the history is not."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import enterprises as visibility
from documents.enums import CreditLevel, CrossBorderClass
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import forbid, viewer_of
from gql.enterprises.loaders import enterprise_by_id, enterprise_by_uscc

if TYPE_CHECKING:
    from gql.recalls.types import Recall


@strawberry.type(description="One credit change (信用等级变更).")
class CreditChange:
    from_level: CreditLevel | None
    to_level: CreditLevel
    reason: str
    by: str
    at: datetime


@strawberry.type(description="An enterprise known to customs (企业); its credit level is public, its history is not.")
class Enterprise(Node):
    db_id: strawberry.Private[ObjectId]
    doc: strawberry.Private[dict]
    uscc: str = strawberry.field(description="Unified social credit code (统一社会信用代码), GB 32100-2015.")
    name: str
    name_en: str | None
    region: str | None
    cross_border_class: CrossBorderClass | None


    @strawberry.field(description="Customs credit level (海关信用等级), Decree 282; agencies need credit:read.")
    def credit_level(self, info: Info) -> CreditLevel | None:
        if not visibility.can_read_credit_level(viewer_of(info)):
            raise forbid("scope credit:read is required")
        return CreditLevel(self.doc["credit_level"])

    @strawberry.field(description="Every credit change (信用记录); the enterprise's own members, credit:read "
                                  "and staff.")
    def credit_history(self, info: Info) -> list[CreditChange]:
        if not visibility.can_read_credit_history(viewer_of(info), self.uscc):
            raise forbid("credit history is visible to the enterprise itself, regulators and credit:read agencies")
        return [CreditChange(from_level=CreditLevel(c["from_level"]) if c.get("from_level") else None,
                             to_level=CreditLevel(c["to_level"]), reason=c["reason"], by=c["by"], at=c["at"])
                for c in self.doc.get("credit_history", [])]

    @strawberry.field(description="Recalls of this enterprise (企业召回); public like every recall.")
    async def recalls(self, info: Info) -> list[Annotated[Recall, strawberry.lazy("gql.recalls.types")]]:
        from gql.recalls.types import recalls_of_enterprise

        return await recalls_of_enterprise(info, self.uscc)

    @classmethod
    def from_doc(cls, doc: dict) -> Enterprise:
        return cls(id=global_id("Enterprise", doc["_id"]), db_id=doc["_id"], doc=doc, uscc=doc["uscc"],
                   name=doc["name"], name_en=doc.get("name_en"),
                   region=doc.get("region"),
                   cross_border_class=CrossBorderClass(doc["cross_border_class"])
                   if doc.get("cross_border_class") else None)


async def enterprises_by_uscc(info: Info, usccs: list[str]) -> list[Enterprise]:
    """The enterprises with these codes that exist (and that the viewer may see), in order."""
    viewer = viewer_of(info)
    docs = await info.context.loaders.get(enterprise_by_uscc).load_many(usccs)
    return [Enterprise.from_doc(d) for d in docs if d and visibility.can_see(viewer, d)]


async def visible_enterprise(info: Info, oid: ObjectId) -> Enterprise | None:
    """The enterprise with this id if the viewer may see it."""
    doc = await info.context.loaders.get(enterprise_by_id).load(oid)
    return Enterprise.from_doc(doc) if doc and visibility.can_see(viewer_of(info), doc) else None


register_node("Enterprise", visible_enterprise)
