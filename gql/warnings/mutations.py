"""Regulators issue, publish, adjust and lift warnings; each change is logged for the alert stream."""

from __future__ import annotations

from typing import Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from documents.core.errors import NotFound
from documents.enterprises.models import check_uscc
from documents.enums import HazardType, Measure, WarningKind, WarningLevel
from documents.warnings import actions
from documents.warnings.models import Warning as WarningDoc
from gql.core.node import decode_id
from gql.core.permissions import IsRegulator, viewer_of
from gql.warnings.types import Warning

DEFAULT_AUTHORITY = "海关总署 GACC"

WarningIdArg = Annotated[strawberry.ID, strawberry.argument(description="Global id of the warning (预警).")]
ReasonArg = Annotated[str, strawberry.argument(description="Why (理由), kept in the level history and the audit "
                                                           "trail.")]


@strawberry.input(description="A new warning (发布预警).")
class IssueWarningInput:
    title: str = strawberry.field(description="Title in Chinese (预警标题).")
    title_en: str | None = strawberry.field(default=None, description="Title in English.")
    level: WarningLevel = strawberry.field(description="Level (预警级别); RED needs `authorizationRef`.")
    kind: WarningKind = strawberry.field(description="Kind (预警类型): who the warning is for.")
    hazards: list[HazardType] = strawberry.field(description="Hazard types (危害类型), at least one.")
    product_category: str = strawberry.field(description="Product category concerned (产品类别), not empty.")
    hs_codes: list[str] | None = strawberry.field(default=None, description="HS codes concerned (商品编码).")
    origin_countries: list[str] | None = strawberry.field(
        default=None, description="Countries of origin (原产国), ISO 3166-1 alpha-2 codes.")
    regions: list[str] | None = strawberry.field(default=None,
                                                 description="Ports or regions concerned (涉及口岸/地区).")
    summary: str = strawberry.field(description="Warning items (警示事项) in Chinese.")
    summary_en: str | None = strawberry.field(default=None, description="Warning items in English.")
    measures: list[Measure] | None = strawberry.field(
        default=None, description="Rapid-response measures (快速反应措施); CREDIT_DOWNGRADE and DEFECT_RECALL act on "
                                  "the enterprises named in `enterpriseUsccs` at publication.")
    enterprise_usccs: list[str] | None = strawberry.field(
        default=None, description="Enterprises concerned (涉及企业), by unified social credit code (USCC).")
    issued_by: str | None = strawberry.field(default=None, description="Issuing authority; defaults to GACC.")
    authorization_ref: str | None = strawberry.field(
        default=None, description="State Council authorisation reference; required for RED (level I).")
    draft: bool = strawberry.field(default=False, description="Keep as a DRAFT instead of publishing at once.")


def warning_id(value: strawberry.ID) -> ObjectId:
    decoded = decode_id(str(value), "Warning")
    if decoded is None:
        raise NotFound("no such warning")
    return decoded[1]


def _out(doc: WarningDoc) -> Warning:
    return Warning.from_doc(doc.model_dump(by_alias=True))


def _content(input: IssueWarningInput) -> WarningDoc:
    """The document a regulator's input describes (validated by the action that stores it)."""
    return WarningDoc(
        title=input.title, title_en=(input.title_en or "").strip() or None, level=input.level, kind=input.kind,
        hazards=input.hazards, product_category=input.product_category, hs_codes=input.hs_codes or [],
        origin_countries=input.origin_countries or [],
        regions=[r.strip() for r in input.regions or [] if r.strip()],
        summary=input.summary, summary_en=(input.summary_en or "").strip() or None, measures=input.measures or [],
        enterprise_usccs=[check_uscc(u, field="enterpriseUsccs") for u in input.enterprise_usccs or []],
        issued_by=input.issued_by or DEFAULT_AUTHORITY,
        authorization_ref=(input.authorization_ref or "").strip() or None,
    )


@strawberry.type
class WarningMutation:
    @strawberry.mutation(permission_classes=[IsRegulator], description="Issue a warning (REGULATOR).")
    async def issue_warning(self, info: Info, input: Annotated[IssueWarningInput, strawberry.argument(
            description="The warning's content and whether it stays a draft.")]) -> Warning:
        doc, _ = await actions.create(_content(input), publish=not input.draft, by=viewer_of(info).actor)
        return _out(doc)

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Replace the content of a DRAFT warning (编辑草稿, REGULATOR); "
                                     "CONFLICT for any other status.")
    async def update_draft_warning(
            self, info: Info, id: WarningIdArg,
            input: Annotated[IssueWarningInput, strawberry.argument(
                description="The draft's new content (replaces all of it; `draft` is ignored).")]) -> Warning:
        return _out(await actions.update_draft(warning_id(id), _content(input), by=viewer_of(info).actor))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Delete a DRAFT warning (删除草稿, REGULATOR); a published one is lifted instead.")
    async def delete_draft_warning(self, info: Info, id: WarningIdArg) -> bool:
        await actions.delete_draft(warning_id(id), by=viewer_of(info).actor)
        return True

    @strawberry.mutation(permission_classes=[IsRegulator], description="Publish a DRAFT warning (REGULATOR).")
    async def publish_warning(self, info: Info, id: WarningIdArg) -> Warning:
        doc, _ = await actions.publish_draft(warning_id(id), by=viewer_of(info).actor)
        return _out(doc)

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Change the level of a published warning (调整级别, REGULATOR); raising it to RED "
                                     "needs the State Council authorisation reference (authorizationRef).")
    async def adjust_warning_level(
            self, info: Info, id: WarningIdArg,
            level: Annotated[WarningLevel, strawberry.argument(description="The new level (新级别).")],
            reason: ReasonArg,
            authorization_ref: Annotated[str | None, strawberry.argument(
                description="State Council authorisation reference (国务院授权文号); required when raising to RED "
                            "without one on record.")] = None) -> Warning:
        doc, _ = await actions.change_level(warning_id(id), level, reason, by=viewer_of(info).actor,
                                            authorization_ref=authorization_ref)
        return _out(doc)

    @strawberry.mutation(permission_classes=[IsRegulator], description="Lift (解除) a published warning; final.")
    async def lift_warning(self, info: Info, id: WarningIdArg, reason: ReasonArg) -> Warning:
        doc, _ = await actions.lift(warning_id(id), reason, by=viewer_of(info).actor)
        return _out(doc)
