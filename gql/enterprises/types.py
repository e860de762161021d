"""The Enterprise type (企业) with its credit (海关信用): the level is public, the history is not."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import enterprises as visibility
from documents.enterprises.config import credit_settings
from documents.enums import (
    BreachGrade,
    BreachSource,
    CreditApplicationKind,
    CreditBasis,
    CreditLevel,
    CrossBorderClass,
    DutyState,
    EnterpriseType,
    ReviewState,
)
from gql.core.connections import AfterArg, Connection, FirstArg
from gql.core.enum_docs import describe_enum
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import forbid, viewer_of
from gql.enterprises.credit import (
    Breach,
    CreditApplication,
    CreditProposal,
    applications_of_enterprise,
    basis_ref_of,
    breaches_of,
    proposal_of,
)
from gql.enterprises.loaders import enterprise_by_id, enterprise_by_uscc

if TYPE_CHECKING:
    from gql.recalls.types import Recall, RecallDuty


describe_enum(CreditLevel, "Customs credit level (海关信用等级), GACC Decree No. 282, in force since 2026-04-01.", {
    "AEO_ADVANCED": "AEO advanced certified enterprise (高级认证企业): mutual recognition abroad, lowest inspection "
                    "rates.",
    "AEO_CERTIFIED": "AEO certified enterprise (认证企业), the tier for small and medium firms; also AEO.",
    "REGULAR": "Regular enterprise (常规企业).",
    "DISHONEST": "Dishonest enterprise (失信企业).",
    "SERIOUSLY_DISHONEST": "Seriously dishonest enterprise (严重失信企业), on the blacklist (黑名单)."})
describe_enum(EnterpriseType, "What an enterprise does (企业类型).", {
    "MANUFACTURER": "Manufacturer (生产企业).", "IMPORTER": "Importer (进口商).", "EXPORTER": "Exporter (出口商).",
    "CROSS_BORDER_PLATFORM": "Cross-border e-commerce platform (跨境电商平台).",
    "CROSS_BORDER_OPERATOR": "Cross-border e-commerce operator (跨境电商经营者).",
    "WAREHOUSE": "Bonded or overseas warehouse (仓储企业)."})
describe_enum(CreditBasis, "Why a credit level changed (信用变更依据).", {
    "WARNING_MEASURE": "A published warning with the CREDIT_DOWNGRADE measure (预警措施).",
    "OVERDUE_DUTY": "A recall duty left overdue (召回义务逾期).",
    "BREACH": "A breach record confirmed by a regulator (失信行为记录).",
    "REPAIR": "An approved credit repair (信用修复).",
    "OBJECTION_UPHELD": "An objection to the rating upheld (异议成立).",
    "MANUAL": "A regulator's decision with a reason (人工认定)."})
describe_enum(BreachGrade, "Grade of a breach record (失信行为等级).", {
    "MINOR": "Minor (轻微).", "GENERAL": "General (一般); several in 12 months propose DISHONEST.",
    "SERIOUS": "Serious (严重); proposes DISHONEST at once."})
describe_enum(BreachSource, "Where a breach record comes from (失信记录来源).", {
    "WARNING": "A risk warning (风险预警).", "RECALL_DUTY": "An overdue recall duty (召回义务).",
    "INSPECTION": "An inspection or check (检验检查)."})
describe_enum(ReviewState, "Review state of a credit repair or objection (审核状态).", {
    "PENDING": "Waiting for a regulator (待审核).",
    "APPROVED": "Approved (通过): the repair restores the previous tier; an objection is upheld and the change "
                "reversed.",
    "REJECTED": "Rejected with reasons (驳回)."})
describe_enum(CreditApplicationKind, "What an enterprise asks about its credit (信用申请类型).", {
    "REPAIR": "Credit repair after rectification (信用修复).", "OBJECTION": "Objection to a rating (信用异议)."})


@strawberry.type(description="One credit change (信用等级变更).")
class CreditChange:
    from_level: CreditLevel | None = strawberry.field(description="Level before (原等级); null at registration.")
    to_level: CreditLevel = strawberry.field(description="Level after (新等级).")
    reason: str = strawberry.field(description="Why (理由), as recorded.")
    by: str = strawberry.field(description="Who decided, as an opaque actor reference (account:…, system:…).")
    at: datetime = strawberry.field(description="When it took effect (变更时间).")
    basis: CreditBasis = strawberry.field(description="Why it changed (变更依据): warning measure, overdue duty, "
                                                      "breach, repair, objection upheld or manual decision.")
    basis_ref: str | None = strawberry.field(description="The basis's reference (依据编号): the global id of the "
                                                         "warning or credit application (for node(id:)), the breach "
                                                         "record's id or the duty's; null for a manual decision.")


@strawberry.type(description="An enterprise known to customs (企业); its credit level is public, its history is not.")
class Enterprise(Node):
    db_id: strawberry.Private[ObjectId]
    doc: strawberry.Private[dict]
    uscc: str = strawberry.field(description="Unified social credit code (统一社会信用代码), GB 32100-2015.")
    name: str = strawberry.field(description="Chinese name (企业名称).")
    name_en: str | None = strawberry.field(description="English name; null when none is registered.")
    region: str | None = strawberry.field(description="Region name (所在地区).")
    cross_border_class: CrossBorderClass | None = strawberry.field(
        description="Cross-border e-commerce supervision class of its goods (跨境电商监管类别); null when none.")
    customs_code: str | None = strawberry.field(description="Customs registration code (海关注册编码), 10 characters.")
    types: list[EnterpriseType] = strawberry.field(description="What it does (企业类型); one enterprise may be "
                                                               "several.")
    region_code: str | None = strawberry.field(description="Administrative division code (行政区划代码, GB/T 2260).")


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
                             to_level=CreditLevel(c["to_level"]), reason=c["reason"], by=c["by"], at=c["at"],
                             basis=CreditBasis(c.get("basis") or CreditBasis.MANUAL.value),
                             basis_ref=basis_ref_of(CreditBasis(c.get("basis") or CreditBasis.MANUAL.value),
                                                    c.get("basis_ref")))
                for c in self.doc.get("credit_history", [])]

    @strawberry.field(description="AEO status (AEO 认证): an AEO_ADVANCED or AEO_CERTIFIED enterprise; agencies need "
                                  "credit:read.")
    def is_aeo(self, info: Info) -> bool:
        level = self.credit_level(info)
        return level in (CreditLevel.AEO_ADVANCED, CreditLevel.AEO_CERTIFIED)

    @strawberry.field(description="AEO certificate number (AEO 证书编号); null unless the enterprise is AEO now "
                                  "(a certificate of a downgraded firm is not in force); agencies need credit:read.")
    def aeo_certificate_no(self, info: Info) -> str | None:
        return self.doc.get("aeo_certificate_no") if self.is_aeo(info) else None

    @strawberry.field(description="When the AEO certificate was issued (认证日期); null unless AEO now; agencies need "
                                  "credit:read.")
    def aeo_certified_at(self, info: Info) -> datetime | None:
        return self.doc.get("aeo_certified_at") if self.is_aeo(info) else None

    @strawberry.field(description="AEO mutual-recognition partners (AEO 互认国家/地区), ISO 3166 codes (EU for the "
                                  "Union); empty unless AEO now; agencies need credit:read.")
    def mutual_recognition(self, info: Info) -> list[str]:
        return list(self.doc.get("mutual_recognition", [])) if self.is_aeo(info) else []

    @strawberry.field(description="Breach records (失信行为记录), newest first; the enterprise's own members, "
                                  "credit:read and staff (FORBIDDEN for others).")
    def breaches(self, info: Info) -> list[Breach]:
        if not visibility.can_read_breaches(viewer_of(info), self.uscc):
            raise forbid("breach records are visible to the enterprise itself, regulators and credit:read agencies")
        return breaches_of(self.doc)

    @strawberry.field(description="Credit-repair applications and objections (信用修复申请与异议), newest first; the "
                                  "same readers as breaches.")
    async def credit_applications(self, info: Info) -> list[CreditApplication]:
        if not visibility.can_read_breaches(viewer_of(info), self.uscc):
            raise forbid("credit applications are visible to the enterprise itself, regulators and credit:read "
                         "agencies")
        return await applications_of_enterprise(info, self.uscc)

    @strawberry.field(description="The thresholds' DISHONEST proposal (失信认定建议) for a regulator to confirm with "
                                  "setCreditLevel; null when none; regulators and administrators only.")
    def credit_proposal(self, info: Info) -> CreditProposal | None:
        if not visibility.can_read_proposal(viewer_of(info)):
            raise forbid("credit proposals are for regulators")
        return proposal_of(self.doc, credit_settings().general_breach_threshold)

    @strawberry.field(description="Recalls of this enterprise (企业召回); public like every recall.")
    async def recalls(self, info: Info) -> list[Annotated[Recall, strawberry.lazy("gql.recalls.types")]]:
        from gql.recalls.types import recalls_of_enterprise

        return await recalls_of_enterprise(info, self.uscc)

    @strawberry.field(description="The enterprise's recall duties, soonest deadline first (召回义务): its own members "
                                  "and regulators; FORBIDDEN for others.")
    async def duties(self, info: Info, states: Annotated[list[DutyState] | None, strawberry.argument(
            description="Only duties in these states (义务状态), e.g. [OVERDUE].")] = None, first: FirstArg = None,
                     after: AfterArg = None
                     ) -> Connection[Annotated[RecallDuty, strawberry.lazy("gql.recalls.types")]]:
        from gql.recalls.types import enterprise_duties

        return await enterprise_duties(info, self.uscc, states, first, after)

    @classmethod
    def from_doc(cls, doc: dict) -> Enterprise:
        return cls(id=global_id("Enterprise", doc["_id"]), db_id=doc["_id"], doc=doc, uscc=doc["uscc"],
                   name=doc["name"], name_en=doc.get("name_en"),
                   region=doc.get("region"), customs_code=doc.get("customs_code"),
                   types=[EnterpriseType(t) for t in doc.get("types", [])], region_code=doc.get("region_code"),
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
