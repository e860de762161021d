"""Recall mutations: announce (ENTERPRISE, voluntary) or order (REGULATOR), report progress, complete, close, and
hand in a duty. Resolvers check who may act; documents/recalls/actions.py writes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from beanie import PydanticObjectId
from strawberry.types import Info

from auth.viewer import Viewer
from auth.visibility import recalls as visibility
from auth.visibility import warnings as warning_visibility
from documents.core.errors import NotFound, RuleViolation
from documents.defects import actions as defect_actions
from documents.enterprises.models import Enterprise as EnterpriseDoc
from documents.enterprises.models import check_uscc
from documents.enums import CrossBorderClass, RecallType, RemedyType, Role, WarningKind, WarningLevel, WarningStatus
from documents.recalls import actions
from documents.recalls.models import Recall as RecallDoc
from documents.recalls.models import Remedy
from documents.warnings.models import Warning as WarningDoc
from gql.core.node import decode_id
from gql.core.permissions import IsRegulator, forbid, role_permission, viewer_of
from gql.recalls.types import Recall, RecallDuty

RecallIdArg = Annotated[strawberry.ID, strawberry.argument(description="Global id of the recall (召回).")]
DefectReportIdArg = Annotated[strawberry.ID | None, strawberry.argument(
    description="The defect report the order confirms or follows (缺陷报告).")]
CloseReasonArg = Annotated[str, strawberry.argument(
    description="Why it is closed: the effect evaluation (结案说明).")]
DutyNoteArg = Annotated[str, strawberry.argument(
    description="What was handed in (履行说明).")]


@strawberry.input(description="A recall to announce or order (发布召回).")
class AnnounceRecallInput:
    uscc: str = strawberry.field(description="The recalling enterprise (召回企业 USCC).")
    product_name: str = strawberry.field(description="Product name in Chinese (产品名称).")
    product_name_en: str | None = strawberry.field(default=None, description="Product name in English.")
    brand: str | None = strawberry.field(default=None, description="Brand (品牌).")
    model: str | None = strawberry.field(default=None, description="Model (型号).")
    product_category: str | None = strawberry.field(default=None, description="Product category (产品类别).")
    gtins: list[str] | None = strawberry.field(default=None, description="GTIN barcodes, check digit verified "
                                                                         "(商品条码).")
    batches: list[str] | None = strawberry.field(default=None, description="Batch or lot ranges (批次).")
    trace_codes: list[str] | None = strawberry.field(default=None, description="Trace codes (追溯码).")
    cross_border_class: CrossBorderClass | None = strawberry.field(
        default=None, description="Cross-border e-commerce supervision class (跨境电商监管类别).")
    hazard: str = strawberry.field(description="The defect and its hazard, in Chinese (缺陷及危害).")
    hazard_en: str | None = strawberry.field(default=None, description="The defect and its hazard, in English.")
    remedy: RemedyType = strawberry.field(description="Refund, repair or replacement (补救方式).")
    remedy_instructions: str = strawberry.field(description="What consumers should do, in Chinese (操作说明).")
    remedy_instructions_en: str | None = strawberry.field(default=None, description="What to do, in English.")
    units_affected: int = strawberry.field(description="Units concerned, at least 1 (涉及数量).")
    warning_id: strawberry.ID | None = strawberry.field(default=None, description="The warning this recall answers "
                                                                                  "(关联预警).")
    contact_phone: str | None = strawberry.field(default=None, description="Phone line for the recall (联系电话).")
    contact_url: str | None = strawberry.field(default=None, description="Web page for the recall (联系网址).")
    collection_points: list[str] | None = strawberry.field(default=None, description="Where to bring the product "
                                                                                     "(回收网点).")
    deadline: datetime | None = strawberry.field(default=None, description="When the recall should be completed "
                                                                           "(召回期限).")


RecallInputArg = Annotated[AnnounceRecallInput, strawberry.argument(
    description="The recall: enterprise, product, batches and codes, defect, remedy and units affected.")]


def _recall_id(value: strawberry.ID) -> PydanticObjectId:
    decoded = decode_id(str(value), "Recall")
    if decoded is None:
        raise NotFound("no such recall")
    return PydanticObjectId(decoded[1])


async def warning_ref(viewer: Viewer, value: strawberry.ID | None) -> actions.WarningRef | None:
    if value is None:
        return None
    decoded = decode_id(str(value), "Warning")
    doc = await WarningDoc.get_pymongo_collection().find_one({"_id": decoded[1]}) if decoded else None
    if doc is None or not warning_visibility.can_see(viewer, doc):
        raise RuleViolation("no such warning", field="warningId")
    return actions.WarningRef(id=doc["_id"], code=doc.get("code"), level=WarningLevel(doc["level"]),
                              kind=WarningKind(doc["kind"]), status=WarningStatus(doc["status"]))


async def build_recall(input: AnnounceRecallInput, recall_type: RecallType) -> RecallDoc:
    """The recall document an input describes (validated when announced); the enterprise must be known."""
    uscc = check_uscc(input.uscc, field="uscc")
    if await EnterpriseDoc.get_pymongo_collection().find_one({"uscc": uscc}, {"_id": 1}) is None:
        raise RuleViolation("no enterprise with this USCC is registered", field="uscc")
    if input.units_affected < 1:
        raise RuleViolation("units affected must be at least 1", field="unitsAffected")
    return RecallDoc(
        code="", product_name=input.product_name, product_name_en=input.product_name_en, brand=input.brand,
        model=input.model, product_category=input.product_category, type=recall_type, enterprise_uscc=uscc,
        gtins=input.gtins or [], batches=input.batches or [], trace_codes=input.trace_codes or [],
        cross_border_class=input.cross_border_class, hazard=input.hazard, hazard_en=input.hazard_en,
        remedy=Remedy(type=input.remedy, instructions=input.remedy_instructions,
                      instructions_en=input.remedy_instructions_en, contact_phone=input.contact_phone,
                      contact_url=input.contact_url, collection_points=input.collection_points or []),
        units_affected=input.units_affected, deadline=input.deadline)


def _out(doc: RecallDoc) -> Recall:
    return Recall.from_doc(doc.model_dump(by_alias=True))


async def order(info: Info, input: AnnounceRecallInput, defect_report_id: strawberry.ID | None) -> Recall:
    """A regulator orders a recall (责令召回), from a defect report or a warning, or on its own finding."""
    viewer = viewer_of(info)
    recall = await build_recall(input, RecallType.ORDERED)
    warning = await warning_ref(viewer, input.warning_id)
    if defect_report_id is None:
        return _out(await actions.announce(recall, by=viewer.actor, warning=warning))
    decoded = decode_id(str(defect_report_id), "DefectReport")
    if decoded is None:
        raise RuleViolation("no such defect report", field="defectReportId")
    try:
        report = await defect_actions.load(decoded[1])
    except NotFound as exc:
        raise RuleViolation("no such defect report", field="defectReportId") from exc
    if report.uscc and report.uscc != recall.enterprise_uscc:
        raise RuleViolation("the defect report is about another enterprise", field="uscc")
    _, recall = await defect_actions.order_recall(report, recall, warning, by=viewer.actor)
    return _out(recall)


@strawberry.type
class RecallMutation:
    @strawberry.mutation(permission_classes=[role_permission(Role.ENTERPRISE, Role.REGULATOR)],
                         description="Announce a recall (发布召回): an ENTERPRISE for its own enterprise (VOLUNTARY, "
                                     "主动召回); a REGULATOR orders one (ORDERED, 责令召回).")
    async def announce_recall(self, info: Info, input: RecallInputArg) -> Recall:
        viewer = viewer_of(info)
        if viewer.role is Role.REGULATOR:
            return await order(info, input, None)
        if not visibility.can_announce_voluntary(viewer, check_uscc(input.uscc, field="uscc")):
            raise forbid("an enterprise announces recalls for its own enterprise only")
        recall = await build_recall(input, RecallType.VOLUNTARY)
        warning = await warning_ref(viewer, input.warning_id)
        return _out(await actions.announce(recall, by=viewer.actor, warning=warning))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Order a recall (责令召回, REGULATOR); with `defectReportId` a report still under "
                                     "assessment is confirmed in the same transaction, and linked to the recall.")
    async def order_recall(self, info: Info, input: RecallInputArg,
                           defect_report_id: DefectReportIdArg = None) -> Recall:
        return await order(info, input, defect_report_id)

    @strawberry.mutation(permission_classes=[role_permission(Role.ENTERPRISE, Role.REGULATOR)],
                         description="Report cumulative progress of a recall (ENTERPRISE of the recall, or REGULATOR): "
                                     "units only grow up to unitsAffected, refunds are >= 0. Meets the open "
                                     "progress-report duty and opens next month's.")
    async def report_recall_progress(
            self, info: Info, id: RecallIdArg,
            units_recovered: Annotated[int, strawberry.argument(
                description="Units recovered so far (已召回数量), cumulative: never less than before, at most "
                            "unitsAffected; all of them completes the recall.")],
            refunds_cny: Annotated[float | None, strawberry.argument(
                description="Refunds paid so far in CNY (退款金额), cumulative, >= 0 and never less than before; "
                            "null keeps the last figure.")] = None,
            note: Annotated[str | None, strawberry.argument(
                description="Free note for the regulator (进展说明).")] = None) -> Recall:
        recall = await actions.load(_recall_id(id))
        viewer = viewer_of(info)
        if not visibility.can_report_progress(viewer, {"enterprise_uscc": recall.enterprise_uscc}):
            raise forbid("only the recalling enterprise or a regulator reports progress")
        return _out(await actions.report_progress(recall, units_recovered, refunds_cny, note, by=viewer.actor))

    @strawberry.mutation(permission_classes=[role_permission(Role.ENTERPRISE, Role.REGULATOR)],
                         description="Complete a recall in progress (召回完成; ENTERPRISE of the recall, or "
                                     "REGULATOR); monthly reports end.")
    async def complete_recall(self, info: Info, id: RecallIdArg) -> Recall:
        recall = await actions.load(_recall_id(id))
        viewer = viewer_of(info)
        if not visibility.can_manage(viewer, recall.enterprise_uscc):
            raise forbid("only the recalling enterprise or a regulator completes a recall")
        return _out(await actions.complete(recall, by=viewer.actor))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Close a completed recall after evaluating its effect (结案, REGULATOR); final.")
    async def close_recall(self, info: Info, id: RecallIdArg,
                           reason: CloseReasonArg) -> Recall:
        recall = await actions.load(_recall_id(id))
        return _out(await actions.close(recall, reason, by=viewer_of(info).actor))

    @strawberry.mutation(permission_classes=[role_permission(Role.ENTERPRISE, Role.REGULATOR)],
                         description="Hand in a recall plan, or record that the recall a warning asked for is under "
                                     "way (履行召回义务; the enterprise that owes it, or a REGULATOR recording "
                                     "receipt). "
                                     "Progress-report duties are met by reportRecallProgress.")
    async def fulfil_recall_duty(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
                                     description="Global id of the recall duty (召回义务).")],
                                 note: DutyNoteArg) -> RecallDuty:
        decoded = decode_id(str(id), "RecallDuty")
        if decoded is None:
            raise NotFound("no such duty")
        duty = await actions.load_duty(decoded[1])
        viewer = viewer_of(info)
        if not visibility.can_fulfil_duty(viewer, {"enterprise_uscc": duty.enterprise_uscc}):
            raise forbid("only the enterprise that owes the duty, or a regulator, records it as met")
        duty = await actions.fulfil_duty(duty, note, by=viewer.actor)
        return RecallDuty.from_doc(duty.model_dump(by_alias=True))
