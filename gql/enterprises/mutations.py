"""Credit mutations: regulators register enterprises, change levels (调整信用等级), record breaches (记录失信行为) and
review applications; enterprises apply for credit repair (信用修复) and object to a rating (信用异议), for their own
enterprise only. The actions own the transaction, history, audit and change log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from beanie import PydanticObjectId
from strawberry.types import Info

from auth.visibility import enterprises as visibility
from documents.core.errors import NotFound
from documents.enterprises import actions
from documents.enterprises.models import Enterprise as EnterpriseDoc
from documents.enterprises.models import check_uscc
from documents.enums import (
    BreachGrade,
    BreachSource,
    CreditApplicationKind,
    CreditLevel,
    CrossBorderClass,
    EnterpriseType,
    Role,
)
from gql.core.node import decode_id
from gql.core.permissions import IsRegulator, forbid, role_permission, viewer_of
from gql.core.upload_ids import uploads_hex
from gql.enterprises.credit import Breach, CreditApplication
from gql.enterprises.duty_rule import sweep_overdue_duties
from gql.enterprises.types import Enterprise

IsEnterprise = role_permission(Role.ENTERPRISE)
EvidenceIds = Annotated[list[str] | None, strawberry.argument(description="Evidence files (证明材料), ids from POST "
                                                                          "/uploads.")]
CONFIRMS = "The breach record this change confirms (失信记录编号); the basis becomes BREACH."
REPAIRS = "The breach record to repair (拟修复记录); defaults to the latest open one."
UsccArg = Annotated[str, strawberry.argument(
    description="The enterprise's unified social credit code (统一社会信用代码).")]
OwnUsccArg = Annotated[str, strawberry.argument(
    description="Your own enterprise's unified social credit code (统一社会信用代码); FORBIDDEN for another's.")]
ReasonArg = Annotated[str, strawberry.argument(
    description="Why (理由), kept in the credit record and the audit trail.")]


@strawberry.input(description="A new enterprise (企业登记): identity, type, region and AEO certificate.")
class RegisterEnterpriseInput:
    uscc: str = strawberry.field(description="Unified social credit code (统一社会信用代码), check character verified.")
    name: str = strawberry.field(description="Chinese name (中文名称).")
    name_en: str | None = strawberry.field(default=None, description="English name (英文名称).")
    customs_code: str | None = strawberry.field(default=None, description="Customs registration code (海关注册编码).")
    types: list[EnterpriseType] | None = strawberry.field(default=None, description="Enterprise types (企业类型).")
    region: str | None = strawberry.field(default=None, description="Region name (地区).")
    region_code: str | None = strawberry.field(default=None, description="Division code (行政区划代码, GB/T 2260).")
    credit_level: CreditLevel = strawberry.field(default=CreditLevel.REGULAR, description="Initial rating (初始评定).")
    aeo_certificate_no: str | None = strawberry.field(default=None, description="AEO certificate no. (AEO 证书编号).")
    aeo_certified_at: datetime | None = strawberry.field(default=None, description="AEO certification date (认证日期).")
    mutual_recognition: list[str] | None = strawberry.field(default=None, description="AEO mutual-recognition "
                                                                                      "partners (互认国家/地区).")
    cross_border_class: CrossBorderClass | None = strawberry.field(default=None, description="Cross-border "
                                                                                             "e-commerce class.")


def _own(info: Info, uscc: str) -> str:
    """The canonical code when the viewer acts for that enterprise; FORBIDDEN for another enterprise."""
    code = check_uscc(uscc)
    if not visibility.can_file_for(viewer_of(info), code):
        raise forbid("an enterprise files only for itself")
    return code


@strawberry.type
class EnterpriseMutation:
    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Change a credit level (调整信用等级, REGULATOR), with a reason; `breachId` names "
                                     "the breach record it confirms (basis BREACH, e.g. a threshold proposal), "
                                     "otherwise the basis is a manual decision.")
    async def set_credit_level(
        self, info: Info, uscc: UsccArg,
        level: Annotated[CreditLevel, strawberry.argument(description="The new customs credit level (信用等级).")],
        reason: ReasonArg,
        breach_id: Annotated[str | None, strawberry.argument(description=CONFIRMS)] = None,
    ) -> Enterprise:
        doc = await actions.set_credit_level(uscc, level, reason, by=viewer_of(info).actor, breach_id=breach_id)
        return Enterprise.from_doc(doc)

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Register an enterprise (企业登记, REGULATOR) with its initial rating.")
    async def register_enterprise(self, info: Info, input: Annotated[RegisterEnterpriseInput, strawberry.argument(
            description="The enterprise to register.")]) -> Enterprise:
        doc = EnterpriseDoc(uscc=input.uscc, name=input.name, name_en=input.name_en, customs_code=input.customs_code,
                            types=input.types or [], region=input.region, region_code=input.region_code,
                            credit_level=input.credit_level, aeo_certificate_no=input.aeo_certificate_no,
                            aeo_certified_at=input.aeo_certified_at, mutual_recognition=input.mutual_recognition or [],
                            cross_border_class=input.cross_border_class)
        saved = await actions.register(doc, by=viewer_of(info).actor)
        return Enterprise.from_doc(saved.model_dump(by_alias=True, mode="python"))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Record a breach (记录失信行为, REGULATOR). It never changes the level: a SERIOUS "
                                     "breach or N GENERAL ones in 12 months make a proposal (creditProposal).")
    async def record_breach(
        self, info: Info, uscc: UsccArg,
        grade: Annotated[BreachGrade, strawberry.argument(description="Minor, general or serious (轻微/一般/严重).")],
        reason: Annotated[str, strawberry.argument(description="What happened (失信事实).")],
        origin: Annotated[BreachSource, strawberry.argument(name="source", description="Where it comes from "
                                                                                      "(来源).")] = \
            BreachSource.INSPECTION,
        source_ref: Annotated[str | None, strawberry.argument(description="The source's reference (来源编号).")] = None,
    ) -> Enterprise:
        doc, _ = await actions.record_breach(uscc, grade, reason, by=viewer_of(info).actor, source=origin,
                                             source_ref=source_ref)
        return Enterprise.from_doc(doc)

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Apply the overdue-duty rule now (逾期义务记失信, REGULATOR): every recall "
                                     "duty unmet past its deadline plus the grace records one GENERAL breach, once; "
                                     "returns the breaches recorded by this run.")
    async def apply_overdue_duty_rule(
        self, info: Info,
        uscc: Annotated[str | None, strawberry.argument(description="Only this enterprise's duties.")] = None,
    ) -> list[Breach]:
        recorded = await sweep_overdue_duties(uscc=check_uscc(uscc) if uscc is not None else None)
        return [Breach.from_doc(b.model_dump(mode="python")) for b in recorded]

    @strawberry.mutation(permission_classes=[IsEnterprise],
                         description="Apply for credit repair (申请信用修复, ENTERPRISE, own enterprise) after "
                                     "rectification; reviewed within 20 working days.")
    async def apply_credit_repair(
        self, info: Info, uscc: OwnUsccArg,
        reason: Annotated[str, strawberry.argument(description="What was rectified (整改情况).")],
        evidence_ids: EvidenceIds = None,
        breach_id: Annotated[str | None, strawberry.argument(description=REPAIRS)] = None,
    ) -> CreditApplication:
        application = await actions.file_application(_own(info, uscc), CreditApplicationKind.REPAIR, reason,
                                                     by=viewer_of(info).actor,
                                                     evidence_ids=uploads_hex(evidence_ids, "evidenceIds"),
                                                     breach_id=breach_id, uploader_id=viewer_of(info).subject_id)
        return CreditApplication.from_doc(application.model_dump(by_alias=True, mode="python"))

    @strawberry.mutation(permission_classes=[IsEnterprise],
                         description="Object to the latest rating change (信用异议, ENTERPRISE, own enterprise); "
                                     "reviewed within 20 working days.")
    async def object_to_rating(
        self, info: Info, uscc: OwnUsccArg,
        reason: Annotated[str, strawberry.argument(description="Why the rating is wrong (异议理由).")],
        evidence_ids: EvidenceIds = None,
    ) -> CreditApplication:
        application = await actions.file_application(_own(info, uscc), CreditApplicationKind.OBJECTION, reason,
                                                     by=viewer_of(info).actor,
                                                     evidence_ids=uploads_hex(evidence_ids, "evidenceIds"),
                                                     uploader_id=viewer_of(info).subject_id)
        return CreditApplication.from_doc(application.model_dump(by_alias=True, mode="python"))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Decide a credit repair or an objection (审核, REGULATOR): PENDING -> APPROVED "
                                     "or REJECTED with reasons; a decided one is CONFLICT. An approved repair restores "
                                     "the previous tier and closes the breach; an upheld objection reverses it.")
    async def review_credit_application(
            self, info: Info,
            id: Annotated[strawberry.ID, strawberry.argument(description="Global id of the credit application.")],
            approve: Annotated[bool, strawberry.argument(
                description="true: approve the repair or uphold the objection (通过); false: reject it (驳回).")],
            reason: Annotated[str, strawberry.argument(description="Reasons for the decision (审核意见), shown to "
                                                                   "the enterprise.")]) -> CreditApplication:
        decoded = decode_id(str(id), "CreditApplication")
        if decoded is None:
            raise NotFound("no such credit application")
        application, _ = await actions.review_application(PydanticObjectId(decoded[1]), approve, reason,
                                                          by=viewer_of(info).actor)
        return CreditApplication.from_doc(application.model_dump(by_alias=True, mode="python"))
