"""The DefectReport type (缺陷报告) and how `node(id:)` finds one under the defect-report visibility rule."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from bson import ObjectId
from strawberry.dataloader import DataLoader
from strawberry.types import Info

import gql.recalls.enums  # noqa: F401  (enum descriptions)
from auth.visibility import defects as visibility
from documents.defects.models import DefectReport as DefectReportDoc
from documents.enums import DefectReportStatus, ReporterKind
from gql.core.loaders import by_field
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of
from gql.core.upload_ids import upload_gids

if TYPE_CHECKING:
    from gql.enterprises.types import Enterprise
    from gql.recalls.types import Recall
    from gql.warnings.types import Warning


def defect_report_by_id() -> DataLoader[ObjectId, dict | None]:
    coll = DefectReportDoc.get_pymongo_collection()
    return DataLoader(lambda keys: by_field(coll, "_id", keys))


@strawberry.type(description="A report of a suspected product defect (缺陷报告), a risk-information source, and the "
                             "regulator's assessment.")
class DefectReport(Node):
    db_id: strawberry.Private[ObjectId]
    doc: strawberry.Private[dict]
    code: str = strawberry.field(description="Report code (报告编号) DR-YYYY-NNNNNN.")
    status: DefectReportStatus = strawberry.field(description="SUBMITTED → UNDER_ASSESSMENT → CONFIRMED/DISMISSED.")
    reporter_kind: ReporterKind = strawberry.field(description="Who reported (报告来源).")
    product_name: str = strawberry.field(description="Product name (产品名称).")
    brand: str | None = strawberry.field(description="Brand (品牌).")
    model: str | None = strawberry.field(description="Model (型号).")
    gtin: str | None = strawberry.field(description="GTIN barcode (商品条码).")
    uscc: str | None = strawberry.field(description="USCC of the enterprise the report is about (涉及企业).")
    description: str = strawberry.field(description="The defect as reported (缺陷描述).")
    evidence_ids: list[str] = strawberry.field(description="Ids of the uploaded evidence files (证据文件), as POST "
                                                           "/uploads answered them.")
    created_at: datetime = strawberry.field(description="When it was submitted (提交时间).")
    assessment: str | None = strawberry.field(description="The regulator's assessment and reasons (评估意见).")
    assessed_at: datetime | None = strawberry.field(description="When it was assessed (评估时间).")

    @strawberry.field(description="Whether this report was filed by the viewer (本人提交).")
    def mine(self, info: Info) -> bool:
        return bool(self.doc.get("reporter") == viewer_of(info).actor)

    @strawberry.field(description="The reporting account or client (报告人): for staff and the reporter; null for "
                                  "every other reader, e.g. the enterprise a report is about (a consumer's identity "
                                  "is personal data; reporterKind still says who reported).")
    def reporter(self, info: Info) -> str | None:
        if not visibility.can_see_reporter(viewer_of(info), self.doc):
            return None
        return str(self.doc["reporter"])

    @strawberry.field(description="The enterprise the report is about (涉及企业); null when not named.")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        from gql.enterprises.types import enterprises_by_uscc

        if not self.uscc:
            return None
        found = await enterprises_by_uscc(info, [self.uscc])
        return found[0] if found else None

    @strawberry.field(description="The recall this report led to (由此责令的召回); null when none or not visible.")
    async def recall(self, info: Info) -> Annotated[Recall, strawberry.lazy("gql.recalls.types")] | None:
        from gql.recalls.types import visible_recall

        oid = self.doc.get("recall_id")
        return await visible_recall(info, oid) if oid is not None else None

    @strawberry.field(description="The warning this report led to (由此发布的预警); null when none or not visible.")
    async def warning(self, info: Info) -> Annotated[Warning, strawberry.lazy("gql.warnings.types")] | None:
        from gql.warnings.types import visible_warning

        oid = self.doc.get("warning_id")
        return await visible_warning(info, oid) if oid is not None else None

    @classmethod
    def from_doc(cls, d: dict) -> DefectReport:
        return cls(id=global_id("DefectReport", d["_id"]), db_id=d["_id"], doc=d, code=d["code"],
                   status=DefectReportStatus(d["status"]), reporter_kind=ReporterKind(d["reporter_kind"]),
                   product_name=d["product_name"], brand=d.get("brand"), model=d.get("model"), gtin=d.get("gtin"),
                   uscc=d.get("uscc"), description=d["description"], evidence_ids=upload_gids(d.get("evidence_ids")),
                   created_at=d["created_at"], assessment=d.get("assessment"), assessed_at=d.get("assessed_at"))


async def visible_defect_report(info: Info, oid: ObjectId) -> DefectReport | None:
    """The report with this id if the viewer may see it (node)."""
    doc = await info.context.loaders.get(defect_report_by_id).load(oid)
    return DefectReport.from_doc(doc) if doc and visibility.can_see(viewer_of(info), doc) else None


register_node("DefectReport", visible_defect_report)
