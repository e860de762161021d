"""The Warning type (风险预警) and how `node(id:)` finds one under the warning visibility rule."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import warnings as visibility
from documents.enums import HazardType, LevelChangeKind, Measure, WarningKind, WarningLevel, WarningStatus
from documents.warnings.models import change_kind
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of
from gql.warnings.loaders import actor_name, warning_by_id

if TYPE_CHECKING:
    from gql.enterprises.types import Enterprise
    from gql.recalls.types import Recall


@strawberry.type(description="One entry of a warning's level history (级别变更); `fromLevel` is null at publication.")
class LevelChange:
    issued_by: strawberry.Private[str]
    kind: LevelChangeKind = strawberry.field(description="Publication, level adjustment or lift (变更类型).")
    from_level: WarningLevel | None
    to_level: WarningLevel
    reason: str
    by: str = strawberry.field(description="Who acted, as an opaque actor reference (account:…, system:…).")
    at: datetime

    @strawberry.field(description="Who acted, in words (经办人): the person's name for regulators and admins; the "
                                  "issuing authority for everyone else (people behind public warnings stay unnamed).")
    async def by_name(self, info: Info) -> str:
        if self.by.startswith("system:"):
            return "系统 system"
        if viewer_of(info).is_staff:
            name = await info.context.loaders.get(actor_name).load(self.by)
            if name:
                return name
        return self.issued_by


@strawberry.type(description="A risk warning (风险预警): level I-IV, kind, scope, measures and history.")
class Warning(Node):
    db_id: strawberry.Private[ObjectId]
    enterprise_usccs: strawberry.Private[list[str]]
    code: str | None = strawberry.field(description="Warning code (预警编号) RW-YYYY-NNNNNN; null for a draft.")
    title: str
    title_en: str | None
    level: WarningLevel
    kind: WarningKind
    status: WarningStatus
    hazards: list[HazardType]
    product_category: str
    hs_codes: list[str]
    origin_countries: list[str]
    regions: list[str]
    summary: str
    summary_en: str | None
    measures: list[Measure]
    issued_by: str
    authorization_ref: str | None
    published_at: datetime | None
    lifted_at: datetime | None
    level_history: list[LevelChange]


    @strawberry.field(description="Enterprises concerned (涉及企业).")
    async def enterprises(self, info: Info) -> list[Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")]]:
        from gql.enterprises.types import enterprises_by_uscc

        return await enterprises_by_uscc(info, self.enterprise_usccs)

    @strawberry.field(description="Recalls linked to this warning (关联召回); empty when recalls are not visible.")
    async def recalls(self, info: Info) -> list[Annotated[Recall, strawberry.lazy("gql.recalls.types")]]:
        from gql.recalls.types import recalls_of_warning

        return await recalls_of_warning(info, self.db_id)

    @classmethod
    def from_doc(cls, d: dict) -> Warning:
        return cls(
            id=global_id("Warning", d["_id"]), db_id=d["_id"], enterprise_usccs=d.get("enterprise_usccs", []),
            code=d.get("code"), title=d["title"],
            title_en=d.get("title_en"), level=WarningLevel(d["level"]), kind=WarningKind(d["kind"]),
            status=WarningStatus(d["status"]), hazards=[HazardType(h) for h in d["hazards"]],
            product_category=d["product_category"], hs_codes=d.get("hs_codes", []),
            origin_countries=d.get("origin_countries", []), regions=d.get("regions", []), summary=d["summary"],
            summary_en=d.get("summary_en"), measures=[Measure(m) for m in d.get("measures", [])],
            issued_by=d["issued_by"], authorization_ref=d.get("authorization_ref"),
            published_at=d.get("published_at"), lifted_at=d.get("lifted_at"),
            level_history=[LevelChange(issued_by=d["issued_by"], kind=change_kind(h),
                                       from_level=WarningLevel(h["from_level"]) if h.get("from_level") else None,
                                       to_level=WarningLevel(h["to_level"]), reason=h["reason"], by=h["by"],
                                       at=h["at"]) for h in d.get("level_history", [])],
        )


async def visible_warning(info: Info, oid: ObjectId) -> Warning | None:
    """The warning with this id if the viewer may see it (node, nested fields)."""
    doc = await info.context.loaders.get(warning_by_id).load(oid)
    return Warning.from_doc(doc) if doc and visibility.can_see(viewer_of(info), doc) else None


register_node("Warning", visible_warning)
