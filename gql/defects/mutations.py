"""Defect-report mutations: any signed-in role submits; regulators take reports up and assess them (confirming can
order the recall in the same transaction)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.viewer import Viewer
from auth.visibility import warnings as warning_visibility
from documents.core.errors import NotFound, RuleViolation
from documents.defects import actions
from documents.defects.models import DefectReport as DefectReportDoc
from documents.enterprises.models import check_uscc
from documents.enums import RecallType, ReporterKind, Role
from documents.recalls.models import normalise_gtin
from documents.warnings.models import Warning as WarningDoc
from gql.core.node import decode_id
from gql.core.permissions import IsRegulator, unauthenticated, viewer_of
from gql.core.upload_ids import uploads_hex
from gql.defects.types import DefectReport
from gql.recalls.mutations import AnnounceRecallInput, build_recall, warning_ref

ConfirmedArg = Annotated[bool, strawberry.argument(
    description="True confirms the defect, false dismisses the report (确认/不予认定).")]
ReasonArg = Annotated[str, strawberry.argument(
    description="The assessment and its reasons (评估意见).")]


@strawberry.input(description="A suspected product defect to report (提交缺陷报告).")
class DefectReportInput:
    product_name: str = strawberry.field(description="Product name (产品名称).")
    brand: str | None = strawberry.field(default=None, description="Brand (品牌).")
    model: str | None = strawberry.field(default=None, description="Model (型号).")
    gtin: str | None = strawberry.field(default=None, description="GTIN barcode, check digit verified (商品条码).")
    uscc: str | None = strawberry.field(default=None, description="USCC of the enterprise concerned (涉及企业).")
    description: str = strawberry.field(description="What is wrong, and what happened (缺陷描述).")
    evidence_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Evidence files (证据文件): ids answered by POST /uploads, uploaded by the same "
                                  "account and not attached to anything else (else BAD_USER_INPUT, field "
                                  "evidenceIds); the report claims them. At most 20; a repeated id counts once.")
    reporter_kind: ReporterKind | None = strawberry.field(
        default=None, description="Staff only: the source they file for, e.g. INSPECTION_BODY (报告来源); others "
                                  "are recorded by their role.")


_KIND_OF_ROLE = {Role.CONSUMER: ReporterKind.CONSUMER, Role.ENTERPRISE: ReporterKind.ENTERPRISE,
                 Role.AGENCY: ReporterKind.AGENCY, Role.REGULATOR: ReporterKind.REGULATOR,
                 Role.ADMIN: ReporterKind.REGULATOR}


def _reporter_kind(viewer: Viewer, asked: ReporterKind | None) -> ReporterKind:
    assert viewer.role is not None
    if asked is None:
        return _KIND_OF_ROLE[viewer.role]
    if not viewer.is_staff and asked is not _KIND_OF_ROLE[viewer.role]:
        raise RuleViolation("only staff file reports for another kind of source", field="reporterKind")
    return asked


def _report_id(value: strawberry.ID) -> ObjectId:
    decoded = decode_id(str(value), "DefectReport")
    if decoded is None:
        raise NotFound("no such defect report")
    return decoded[1]


async def _linked_warning(viewer: Viewer, value: strawberry.ID | None) -> ObjectId | None:
    if value is None:
        return None
    decoded = decode_id(str(value), "Warning")
    doc = await WarningDoc.get_pymongo_collection().find_one({"_id": decoded[1]}, {"kind": 1, "status": 1}) \
        if decoded else None
    if doc is None or not warning_visibility.can_see(viewer, doc):
        raise RuleViolation("no such warning", field="warningId")
    return ObjectId(doc["_id"])


def _gtin(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return normalise_gtin(value)
    except RuleViolation as exc:
        raise RuleViolation(str(exc), field="gtin") from exc


def _out(doc: DefectReportDoc) -> DefectReport:
    return DefectReport.from_doc(doc.model_dump(by_alias=True))


@strawberry.type
class DefectMutation:
    @strawberry.mutation(description="Report a suspected defect (提交缺陷报告): any signed-in role; the kind of "
                                     "reporter is recorded.")
    async def submit_defect_report(self, info: Info, input: Annotated[DefectReportInput, strawberry.argument(
            description="The report (缺陷报告): product, enterprise, description, evidence files.")]) -> DefectReport:
        viewer = viewer_of(info)
        if viewer.is_anonymous:
            raise unauthenticated()
        report = DefectReportDoc(
            code="", reporter_kind=_reporter_kind(viewer, input.reporter_kind), reporter=viewer.actor,
            reporter_uscc=viewer.enterprise_uscc if viewer.role is Role.ENTERPRISE else None,
            product_name=input.product_name, brand=input.brand, model=input.model,
            gtin=_gtin(input.gtin),
            uscc=check_uscc(input.uscc, field="uscc") if input.uscc else None, description=input.description,
            evidence_ids=uploads_hex(input.evidence_ids, "evidenceIds"))
        uploader = viewer.subject_id if viewer.kind == "account" else None  # uploads belong to accounts
        return _out(await actions.submit(report, by=viewer.actor, uploader_id=uploader))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Take a submitted report up for assessment (开始评估, REGULATOR).")
    async def begin_defect_assessment(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The defect report (缺陷报告) to assess.")]) -> DefectReport:
        report = await actions.load(_report_id(id))
        return _out(await actions.begin_assessment(report, by=viewer_of(info).actor))

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Confirm or dismiss a report with reasons (缺陷评估, REGULATOR). A confirmation "
                                     "may name the warning it led to and order a recall (`recall`) in the same "
                                     "transaction.")
    async def assess_defect_report(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
                                       description="The defect report (缺陷报告) under assessment.")],
                                   confirmed: ConfirmedArg,
                                   reason: ReasonArg,
                                   warning_id: Annotated[strawberry.ID | None, strawberry.argument(
                                       description="The warning the report led to (关联预警).")] = None,
                                   recall: Annotated[AnnounceRecallInput | None, strawberry.argument(
                                       description="Order this recall with the confirmation (责令召回).")] = None
                                   ) -> DefectReport:
        viewer = viewer_of(info)
        report = await actions.load(_report_id(id))
        linked = await _linked_warning(viewer, warning_id)
        order = await build_recall(recall, RecallType.ORDERED) if recall is not None else None
        if order is not None and report.uscc and report.uscc != order.enterprise_uscc:
            raise RuleViolation("the defect report is about another enterprise", field="recall.uscc")
        order_warning = await warning_ref(viewer, recall.warning_id) if recall is not None else None
        report, _ = await actions.assess(report, confirmed, reason, by=viewer.actor, warning_id=linked, order=order,
                                         order_warning=order_warning)
        return _out(report)
