"""The Complaint type (投诉). What the viewer may see is decided once, when the object is made: for the
enterprise concerned the personal fields (complainant, name, phone, email, order number, photos) are never
copied into it, so no field, nested path or later resolver can reveal them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.viewer import Viewer as Caller
from auth.visibility import complaints as visibility
from auth.visibility import uploads as upload_visibility
from documents.complaints import rules
from documents.complaints.models import Complaint as ComplaintDoc
from documents.core.clock import utcnow
from documents.enums import ComplaintEventKind, ComplaintStatus, ProductCodeType, SignalGroup
from gql.complaints.loaders import complaint_by_id, upload_by_id
from gql.core.connections import Connection, connection, empty_connection, keyset_page
from gql.core.enum_docs import describe_enum
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of

if TYPE_CHECKING:
    from gql.accounts.types import Viewer
    from gql.enterprises.types import Enterprise
    from gql.warnings.types import Warning

describe_enum(ProductCodeType, "What a product code is (编码类型).", {
    "GTIN": "A barcode (商品条码): GTIN-8/12/13/14 (EAN/UPC), check digit verified.",
    "TRACE_CODE": "A traceability code given at the source (追溯码, 赋码).",
    "TEXT": "A product name or brand typed as text (文本)."})
describe_enum(ComplaintEventKind, "What a complaint timeline entry records (投诉进度).", {
    "FILED": "Filed by the consumer (已提交).", "STATUS_CHANGED": "Its status changed (状态变更).",
    "ASSIGNED": "A regulator named the enterprise concerned (指定涉事企业).",
    "ANSWERED": "The enterprise concerned answered (企业答复).",
    "LINKED": "A regulator linked it to a warning (关联预警)."})
describe_enum(SignalGroup, "How complaints are grouped into a signal (投诉聚集).", {
    "GTIN": "Same barcode (同一商品条码).", "BRAND": "Same brand (同一品牌).", "CATEGORY": "Same category (同一品类)."})
describe_enum(ComplaintStatus, "Where a complaint stands (投诉状态): RECEIVED → TRIAGED → INVESTIGATING → RESOLVED, "
                               "or REJECTED on the way.", {
    "RECEIVED": "Filed, waiting to be accepted (待受理); accept or reject within 7 working days.",
    "TRIAGED": "Accepted by a regulator (已受理); mediation ends within 45 working days.",
    "INVESTIGATING": "Under investigation (调查中).",
    "RESOLVED": "Resolved (已办结); final.",
    "REJECTED": "Rejected with a reason (不予受理/驳回); final."})


@strawberry.type(description="Service deadlines of a complaint (办理时限), in working days with the Chinese holiday "
                             "calendar: accept or reject within 7, mediation within 45 after acceptance.")
class ComplaintDeadlines:
    accept_by: datetime = strawberry.field(description="End of the 7th working day after filing (受理期限).")
    accepted_at: datetime | None = strawberry.field(description="When it was accepted or rejected (受理时间).")
    accept_met: bool | None = strawberry.field(
        description="True when accepted/rejected in time, false when late or past due, null while open and in time.")
    mediation_by: datetime | None = strawberry.field(
        description="End of the 45th working day after acceptance (调解期限); null until accepted.")
    mediation_met: bool | None = strawberry.field(
        description="True when closed in time, false when late or past due, null while open and in time.")
    due_at: datetime | None = strawberry.field(description="The deadline open now (当前期限); null once closed.")
    overdue: bool = strawberry.field(description="The open deadline has passed (已逾期).")
    calendar_exact: bool = strawberry.field(
        description="False when a year without published holidays was counted Monday-Friday (日历为推算).")


@strawberry.type(description="One step of a complaint (投诉进度); it never names a person.")
class ComplaintEvent:
    at: datetime = strawberry.field(description="When (时间).")
    kind: ComplaintEventKind = strawberry.field(description="What happened (事项).")
    status: ComplaintStatus = strawberry.field(description="The status after this step (状态).")
    note: str | None = strawberry.field(description="The reason given, e.g. why it was rejected (说明).")


@strawberry.type(description="The answer of the enterprise concerned (企业答复).")
class ComplaintAnswer:
    at: datetime = strawberry.field(description="When it answered (答复时间).")
    text: str = strawberry.field(description="The answer (答复内容).")


@strawberry.type(description="A photo attached to a complaint (投诉照片), re-encoded without metadata; its uploader "
                             "and regulators only.")
class ComplaintPhoto:
    id: strawberry.ID = strawberry.field(description="The upload id (上传编号).")
    url: str = strawberry.field(description="Download path, GET with the same Bearer token (下载地址).")
    content_type: str = strawberry.field(description="MIME type of the stored image (类型).")
    width: int = strawberry.field(description="Width in pixels (宽).")
    height: int = strawberry.field(description="Height in pixels (高).")
    size: int = strawberry.field(description="Stored size in bytes (大小).")


def _deadlines(d: dict, now: datetime) -> ComplaintDeadlines:
    status = ComplaintStatus(d["status"])
    accepted_at = d.get("accepted_at")
    due_at = d.get("due_at")
    closed_at = d.get("closed_at") if status in rules.CLOSED else None
    return ComplaintDeadlines(
        accept_by=d["accept_due_at"], accepted_at=accepted_at,
        accept_met=rules.met(d["accept_due_at"], accepted_at, now),
        mediation_by=d.get("mediation_due_at"),
        mediation_met=rules.met(d.get("mediation_due_at"), closed_at, now),
        due_at=due_at, overdue=bool(due_at is not None and rules.met(due_at, None, now) is False),
        calendar_exact=bool(d.get("calendar_exact", True)))


@strawberry.type(description="A consumer complaint (消费者投诉). The enterprise concerned sees it without the "
                             "complainant's personal data: complainant, contact fields, order number and photos are "
                             "null or empty for it.")
class Complaint(Node):
    db_id: strawberry.Private[ObjectId]
    complainant_id: strawberry.Private[str | None]
    warning_db_id: strawberry.Private[ObjectId | None]
    photo_ids: strawberry.Private[list[str]]
    code: str = strawberry.field(description="Complaint number (投诉编号) CP-YYYY-NNNNNN.")
    status: ComplaintStatus = strawberry.field(description="Where it stands (办理状态).")
    product_name: str = strawberry.field(description="Product name (商品名称).")
    brand: str | None = strawberry.field(description="Brand (品牌).")
    model: str | None = strawberry.field(description="Model (型号).")
    product_code: str | None = strawberry.field(description="GTIN or trace code as filed (商品条码/追溯码).")
    product_code_type: ProductCodeType | None = strawberry.field(description="What the product code is (编码类型).")
    category: str | None = strawberry.field(description="Product category (品类).")
    channel: str | None = strawberry.field(description="Purchase channel (购买渠道), e.g. cross-border e-commerce.")
    platform: str | None = strawberry.field(description="Platform or shop, e.g. the cross-border platform (平台).")
    region: str | None = strawberry.field(description="Administrative division code (行政区划代码) of the purchase.")
    description: str = strawberry.field(description="What happened (投诉内容).")
    created_at: datetime = strawberry.field(description="When it was filed (提交时间).")
    pseudonymous: bool = strawberry.field(
        description="Filed under a pseudonym (匿名投诉): no name or contact; followed in the app only.")
    order_number: str | None = strawberry.field(
        description="Order number (订单号); complainant and regulators only, null for the enterprise.")
    contact_name: str | None = strawberry.field(description="Contact name (联系人); null for the enterprise.")
    contact_phone: str | None = strawberry.field(description="Contact phone (联系电话); null for the enterprise.")
    contact_email: str | None = strawberry.field(description="Contact email (电子邮箱); null for the enterprise.")
    reason: str | None = strawberry.field(description="Why it was rejected, or how it was resolved (办理结果).")
    deadlines: ComplaintDeadlines = strawberry.field(description="Service deadlines (办理时限).")
    timeline: list[ComplaintEvent] = strawberry.field(description="Every step, oldest first (投诉进度).")
    answers: list[ComplaintAnswer] = strawberry.field(description="Answers of the enterprise concerned (企业答复).")
    enterprise_uscc: str | None = strawberry.field(
        description="USCC of the enterprise concerned (涉事企业), from the product code at filing or assigned at "
                    "triage.")

    @strawberry.field(description="The complainant's account (投诉人): the complainant and regulators; null for the "
                                  "enterprise and for a pseudonymous complaint.")
    async def complainant(self, info: Info) -> Annotated[Viewer, strawberry.lazy("gql.accounts.types")] | None:
        if self.complainant_id is None:
            return None
        from documents.accounts.models import Account
        from gql.accounts.types import Viewer

        account = await Account.get(ObjectId(self.complainant_id))
        return Viewer.from_account(account) if account else None

    @strawberry.field(description="The enterprise concerned (涉事企业).")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        if not self.enterprise_uscc:
            return None
        from gql.enterprises.types import enterprises_by_uscc

        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        return found[0] if found else None

    @strawberry.field(description="The warning a regulator linked (关联预警); null when none or not visible.")
    async def warning(self, info: Info) -> Annotated[Warning, strawberry.lazy("gql.warnings.types")] | None:
        if self.warning_db_id is None:
            return None
        from gql.warnings.types import visible_warning

        return await visible_warning(info, self.warning_db_id)

    @strawberry.field(description="Photos (照片): the complainant and regulators; empty for the enterprise.")
    async def photos(self, info: Info) -> list[ComplaintPhoto]:
        viewer = viewer_of(info)
        docs = await info.context.loaders.get(upload_by_id).load_many([ObjectId(i) for i in self.photo_ids])
        return [ComplaintPhoto(id=global_id("Upload", d["_id"]), url=f"/uploads/{global_id('Upload', d['_id'])}",
                               content_type=d["content_type"], width=d["width"], height=d["height"], size=d["size"])
                for d in docs if d is not None and upload_visibility.can_see(viewer, d)]

    @classmethod
    def from_doc(cls, d: dict, viewer: Caller, now: datetime | None = None) -> Complaint:
        """The complaint as `viewer` may see it (call only for a complaint `visibility.can_see` allows)."""
        personal = visibility.sees_personal_data(viewer, d)
        return cls(
            id=global_id("Complaint", d["_id"]), db_id=d["_id"],
            complainant_id=d["complainant_id"] if visibility.sees_complainant(viewer, d) else None,
            enterprise_uscc=d.get("enterprise_uscc"),
            warning_db_id=d.get("warning_id"), photo_ids=list(d.get("photo_ids", [])) if personal else [],
            code=d["code"], status=ComplaintStatus(d["status"]), product_name=d["product_name"],
            brand=d.get("brand"), model=d.get("model"), product_code=d.get("product_code"),
            product_code_type=ProductCodeType(d["product_code_type"]) if d.get("product_code_type") else None,
            category=d.get("category"), channel=d.get("channel"), platform=d.get("platform"),
            region=d.get("region"), description=d["description"], created_at=d["created_at"],
            pseudonymous=bool(d.get("pseudonymous")),
            order_number=d.get("order_number") if personal else None,
            contact_name=d.get("contact_name") if personal else None,
            contact_phone=d.get("contact_phone") if personal else None,
            contact_email=d.get("contact_email") if personal else None,
            reason=d.get("reason"), deadlines=_deadlines(d, now or utcnow()),
            timeline=[ComplaintEvent(at=e["at"], kind=ComplaintEventKind(e["kind"]),
                                     status=ComplaintStatus(e["status"]), note=e.get("note"))
                      for e in d.get("timeline", [])],
            answers=[ComplaintAnswer(at=a["at"], text=a["text"]) for a in d.get("answers", [])],
        )


def to_node(viewer: Caller) -> Any:
    """A mapper for connection pages: each raw document as this viewer may see it."""
    now = utcnow()
    return lambda d: Complaint.from_doc(d, viewer, now)


async def visible_complaint(info: Info, oid: ObjectId) -> Complaint | None:
    """The complaint with this id if the viewer may see it (node, nested fields), redacted for the viewer."""
    viewer = viewer_of(info)
    doc = await info.context.loaders.get(complaint_by_id).load(oid)
    return Complaint.from_doc(doc, viewer) if doc and visibility.can_see(viewer, doc) else None


def combine(*parts: dict[str, Any]) -> dict[str, Any]:
    """All conditions at once (an `$and` only when two parts name the same field)."""
    present = [p for p in parts if p]
    keys = [k for p in present for k in p]
    if len(keys) == len(set(keys)):
        return {k: v for p in present for k, v in p.items()}
    return {"$and": present}


async def complaint_page(viewer: Caller, q: dict[str, Any], first: int | None,
                         after: str | None) -> Connection[Complaint]:
    coll = ComplaintDoc.get_pymongo_collection()
    page = await keyset_page(coll, q, first, after)
    return connection(page, to_node(viewer), coll, q)


async def complaints_of_account(info: Info, account_id: str, first: int | None,
                                after: str | None) -> Connection[Complaint]:
    """An account's complaints as the caller may see them (`Viewer.complaints`); empty when none are visible."""
    viewer = viewer_of(info)
    restriction = visibility.query_filter(viewer)
    if restriction is None:
        return empty_connection(first, after)
    return await complaint_page(viewer, combine({"complainant_id": account_id}, restriction), first, after)


@strawberry.type(description="A count per key (计数).")
class KeyCount:
    key: str = strawberry.field(description="The group (分组).")
    count: int = strawberry.field(description="How many complaints (数量).")


@strawberry.type(description="Complaint counts without any individual complaint (投诉统计), for regulators and "
                             "agencies with complaints:aggregate.")
class ComplaintStats:
    total: int = strawberry.field(description="Complaints filed in the period (投诉总数).")
    overdue: int = strawberry.field(description="Open complaints past their deadline (逾期).")
    by_status: list[KeyCount] = strawberry.field(description="Counts per status (按状态).")
    by_category: list[KeyCount] = strawberry.field(description="Counts per product category (按品类).")
    by_province: list[KeyCount] = strawberry.field(
        description="Counts per province: the first two digits of the division code (按省份).")


@strawberry.type(description="A group of complaints over its threshold within the window (投诉聚集信号), for "
                             "regulators.")
class ComplaintSignal:
    complaint_ids: strawberry.Private[list[str]]
    group: SignalGroup = strawberry.field(description="How the complaints were grouped (分组方式).")
    key: str = strawberry.field(description="The GTIN-14, brand or category (分组值).")
    count: int = strawberry.field(description="Complaints in the window (投诉数).")
    threshold: int = strawberry.field(description="The threshold it passed (阈值).")
    first_at: datetime = strawberry.field(description="The first complaint of the group in the window (最早).")
    last_at: datetime = strawberry.field(description="The latest complaint of the group (最近).")

    @strawberry.field(description="The complaints of the group (相关投诉).")
    async def complaints(self, info: Info) -> list[Complaint]:
        viewer = viewer_of(info)
        docs = await info.context.loaders.get(complaint_by_id).load_many([ObjectId(i) for i in self.complaint_ids])
        return [Complaint.from_doc(d, viewer) for d in docs if d and visibility.can_see(viewer, d)]


register_node("Complaint", visible_complaint)
