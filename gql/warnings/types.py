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
from gql.core.enum_docs import describe_enum
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of
from gql.warnings.loaders import actor_name, warning_by_id

if TYPE_CHECKING:
    from gql.enterprises.types import Enterprise
    from gql.recalls.types import Recall

describe_enum(WarningLevel, "Warning level (预警级别) by severity, urgency and scope of impact (Guo Fa [2017] 43).", {
    "RED": "Level I, particularly serious (I级 特别严重); issued under State Council authorisation.",
    "ORANGE": "Level II, serious (II级 严重).",
    "YELLOW": "Level III, relatively serious (III级 较重).",
    "BLUE": "Level IV, general (IV级 一般)."})
describe_enum(WarningKind, "Warning kind (预警类型) by audience and purpose; it decides who may see the warning.", {
    "CIRCULAR": "Risk-warning circular (风险警示通报) to ports and agencies, to trigger rapid measures; not public: "
                "regulators, admins and agencies with circulars:read.",
    "NOTICE": "Risk-warning notice (风险警示通告) to producers and operators; enterprises, regulators, "
              "admins and agencies with warnings:read.",
    "ANNOUNCEMENT": "Risk-warning announcement (风险警示公告): mandatory measures and a warning to consumers; public."})
describe_enum(WarningStatus, "Life-cycle state of a warning (预警状态).", {
    "DRAFT": "Not published yet (草稿); only regulators and admins see it.",
    "PUBLISHED": "In force (已发布); its level may be adjusted.",
    "LIFTED": "Lifted (已解除); final, kept with its history."})
describe_enum(HazardType, "Hazard type monitored (危害类型).", {
    "HEALTH": "Health hazard (健康危害).", "PHYSICAL": "Physical hazard (物理危害).",
    "CHEMICAL": "Chemical hazard (化学危害).", "BIOLOGICAL": "Biological hazard (生物危害).",
    "ENVIRONMENTAL": "Environmental hazard (环境危害)."})
describe_enum(Measure, "Rapid-response measure (快速反应措施) applied by a warning.", {
    "CREDIT_DOWNGRADE": "Credit downgrade (降低信用等级): each enterprise concerned drops one tier at publication.",
    "TRACEABILITY_INVESTIGATION": "Traceability investigation (追溯调查).",
    "DEFECT_RECALL": "Defect recall (缺陷召回): the enterprises concerned owe a recall (a recall duty).",
    "TIGHTENED_SUPERVISION": "Tightened supervision (加严监管).",
    "RESTRICT_TRADE": "Restriction of import/export (限制进出口).",
    "BAN_TRADE": "Ban of import/export (禁止进出口).",
    "SEIZURE": "Sealing or seizure (查封扣押).",
    "RETURN_SHIPMENT": "Return shipment (退运).",
    "SALES_SUSPENSION": "Suspension of sales (暂停销售).",
    "DESTRUCTION": "Destruction (销毁).",
    "TAKE_DOWN": "Take-down of cross-border e-commerce listings (下架)."})
describe_enum(LevelChangeKind, "What a level-history entry records (级别变更类型).", {
    "PUBLISHED": "Publication (发布): the first level.", "ADJUSTED": "Level adjustment (级别调整).",
    "LIFTED": "Lift (解除)."})


@strawberry.type(description="One entry of a warning's level history (级别变更); `fromLevel` is null at publication.")
class LevelChange:
    issued_by: strawberry.Private[str]
    kind: LevelChangeKind = strawberry.field(description="Publication, level adjustment or lift (变更类型).")
    from_level: WarningLevel | None = strawberry.field(description="Level before the change (原级别); null at "
                                                                   "publication.")
    to_level: WarningLevel = strawberry.field(description="Level after the change (新级别); the last level when "
                                                          "lifted.")
    reason: str = strawberry.field(description="Why (变更理由), as the regulator wrote it; a lift's reason "
                                                   "starts with `lifted:`.")
    by: str = strawberry.field(description="Who acted, as an opaque actor reference (account:…, system:…).")
    at: datetime = strawberry.field(description="When the change took effect (变更时间).")

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
    title: str = strawberry.field(description="Title in Chinese (预警标题).")
    title_en: str | None = strawberry.field(description="Title in English; null when none was given.")
    level: WarningLevel = strawberry.field(description="Current level (预警级别), I RED to IV BLUE; the last level "
                                                       "once lifted.")
    kind: WarningKind = strawberry.field(description="Kind (预警类型): circular, notice or announcement; decides who "
                                                     "may see it.")
    status: WarningStatus = strawberry.field(description="Life-cycle state (状态): DRAFT, PUBLISHED or LIFTED.")
    hazards: list[HazardType] = strawberry.field(description="Hazard types (危害类型), at least one.")
    product_category: str = strawberry.field(description="Product category concerned (产品类别), free text.")
    hs_codes: list[str] = strawberry.field(description="HS codes concerned (商品编码), normalised digits.")
    origin_countries: list[str] = strawberry.field(description="Countries or regions of origin (原产国/地区), ISO "
                                                               "3166-1 alpha-2 codes.")
    regions: list[str] = strawberry.field(description="Ports or regions concerned (涉及口岸/地区).")
    summary: str = strawberry.field(description="Warning items (警示事项) in Chinese: what is wrong and what to do.")
    summary_en: str | None = strawberry.field(description="Warning items in English; null when none was given.")
    measures: list[Measure] = strawberry.field(description="Rapid-response measures (快速反应措施) the warning "
                                                           "applies.")
    issued_by: str = strawberry.field(description="Issuing authority (发布机构), e.g. 海关总署 GACC.")
    authorization_ref: str | None = strawberry.field(description="State Council authorisation reference (国务院授权"
                                                                 "文号), required for RED (level I); null otherwise.")
    published_at: datetime | None = strawberry.field(description="Start of the warning (发布时间); null for a draft.")
    lifted_at: datetime | None = strawberry.field(description="When it was lifted (解除时间); null while in force.")
    level_history: list[LevelChange] = strawberry.field(description="Every level change, oldest first (级别变更记录): "
                                                                    "publication, adjustments and the lift.")


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
