"""Consumers file complaints (exactly once per key), regulators triage them, the enterprise concerned answers."""

from __future__ import annotations

from typing import Annotated

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import complaints as visibility
from documents.complaints import actions, rules
from documents.core.errors import NotFound, RuleViolation
from documents.enterprises.models import Enterprise as EnterpriseDoc
from documents.enterprises.models import check_uscc
from documents.enums import ComplaintStatus, Role
from documents.warnings.models import Warning as WarningDoc
from gql.complaints.types import Complaint
from gql.core.node import decode_id
from gql.core.permissions import IsRegulator, forbid, role_permission, viewer_of
from gql.core.upload_ids import uploads_hex


@strawberry.input(description="A new complaint (投诉). Pseudonymous complaints carry no name or contact; the "
                              "complainant follows them in the app.")
class FileComplaintInput:
    product_name: str = strawberry.field(description="Product name (商品名称), up to 200 characters.")
    brand: str | None = strawberry.field(default=None, description="Brand (品牌).")
    model: str | None = strawberry.field(default=None, description="Model (型号).")
    product_code: str | None = strawberry.field(
        default=None, description="GTIN/EAN/UPC (check digit verified) or trace code (商品条码/追溯码); finds the "
                                  "enterprise concerned.")
    category: str | None = strawberry.field(default=None, description="Product category (品类).")
    description: str = strawberry.field(description="What happened (投诉内容), 10-5000 characters.")
    channel: str | None = strawberry.field(
        default=None, description="Purchase channel (购买渠道), e.g. 跨境电商 cross-border e-commerce, 实体店 shop.")
    platform: str | None = strawberry.field(default=None, description="Platform or shop (平台/店铺).")
    order_number: str | None = strawberry.field(default=None, description="Order number (订单号), 4-64 characters.")
    region: str | None = strawberry.field(
        default=None, description="Administrative division code of the purchase (行政区划代码), 6 digits.")
    contact_name: str | None = strawberry.field(default=None, description="Contact name (联系人).")
    contact_phone: str | None = strawberry.field(default=None, description="Contact phone (联系电话).")
    contact_email: str | None = strawberry.field(default=None, description="Contact email (电子邮箱).")
    pseudonymous: bool | None = strawberry.field(
        default=False, description="File under a pseudonym (匿名投诉): no name or contact; regulators do not see "
                                   "the account either.")
    photo_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Up to 6 ids from POST /uploads (照片); a repeated id counts once.")


def complaint_id(value: strawberry.ID) -> ObjectId:
    decoded = decode_id(str(value), "Complaint")
    if decoded is None:
        raise NotFound("no such complaint")
    return decoded[1]


IsConsumer = role_permission(Role.CONSUMER)
IsEnterprise = role_permission(Role.ENTERPRISE)


@strawberry.type
class ComplaintMutation:
    @strawberry.mutation(permission_classes=[IsConsumer],
                         description="File a complaint (提交投诉), signed-in CONSUMER. Exactly once per "
                                     "idempotencyKey: a retry returns the stored complaint, the same key with other "
                                     "content is CONFLICT.")
    async def file_complaint(self, info: Info,
                             input: Annotated[FileComplaintInput, strawberry.argument(
                                 description="What happened and about which product (投诉内容).")],
                             idempotency_key: Annotated[str, strawberry.argument(
                                 description="The client's key for this complaint (幂等键), 8-128 characters, e.g. a "
                                             "UUID kept with the offline draft; a retry sends the same key.")]
                             ) -> Complaint:
        viewer = viewer_of(info)
        if not visibility.can_file(viewer) or viewer.subject_id is None:
            raise forbid("only a signed-in consumer files complaints")
        rules.check_idempotency_key(idempotency_key)
        photo_ids = uploads_hex(input.photo_ids, "photoIds")
        content = rules.check_content(
            input.product_name, input.description, brand=input.brand, model=input.model,
            product_code=input.product_code, category=input.category, channel=input.channel,
            platform=input.platform, order_number=input.order_number, region=input.region,
            contact_name=input.contact_name, contact_phone=input.contact_phone, contact_email=input.contact_email,
            pseudonymous=bool(input.pseudonymous), photo_ids=photo_ids)
        filed = await actions.file(viewer.subject_id, idempotency_key, content, actor=viewer.actor)
        return Complaint.from_doc(filed.complaint.model_dump(by_alias=True), viewer)

    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Triage a complaint (分办), REGULATOR: move it along RECEIVED -> TRIAGED -> "
                                     "INVESTIGATING -> RESOLVED/REJECTED (a reason is required to close it), assign "
                                     "the enterprise concerned (uscc) or link a warning (warningId).")
    async def triage_complaint(self, info: Info,
                               id: Annotated[strawberry.ID, strawberry.argument(description="The complaint (投诉).")],
                               status: Annotated[ComplaintStatus, strawberry.argument(
                                   description="The next status (办理状态), or the current one to only assign/link.")],
                               reason: Annotated[str | None, strawberry.argument(
                                   description="Why (理由); required to reject or resolve, shown to the complainant.")
                               ] = None,
                               uscc: Annotated[str | None, strawberry.argument(
                                   description="Assign the enterprise concerned (涉事企业 USCC).")] = None,
                               warning_id: Annotated[strawberry.ID | None, strawberry.argument(
                                   description="A warning this complaint is evidence for (关联预警).")] = None,
                               ) -> Complaint:
        viewer = viewer_of(info)
        oid = complaint_id(id)
        code = None
        if uscc is not None:
            code = check_uscc(uscc, field="uscc")
            if await EnterpriseDoc.get_pymongo_collection().find_one({"uscc": code}, {"_id": 1}) is None:
                raise RuleViolation("no enterprise has this USCC", field="uscc")
        warning_oid = None
        if warning_id is not None:
            decoded = decode_id(str(warning_id), "Warning")
            if decoded is None or await WarningDoc.get_pymongo_collection().find_one({"_id": decoded[1]},
                                                                                     {"_id": 1}) is None:
                raise RuleViolation("no such warning", field="warningId")
            warning_oid = decoded[1]
        complaint = await actions.triage(oid, status, reason, uscc=code, warning_id=warning_oid, by=viewer.actor)
        return Complaint.from_doc(complaint.model_dump(by_alias=True), viewer)

    @strawberry.mutation(permission_classes=[IsEnterprise],
                         description="Answer a complaint about the enterprise's products (企业答复), ENTERPRISE "
                                     "concerned; once accepted and until closed.")
    async def answer_complaint(self, info: Info,
                               id: Annotated[strawberry.ID, strawberry.argument(description="The complaint (投诉).")],
                               answer: Annotated[str, strawberry.argument(
                                   description="The answer (答复), up to 5000 characters.")]) -> Complaint:
        viewer = viewer_of(info)
        complaint = await actions.load(complaint_id(id))
        doc = complaint.model_dump(by_alias=True)
        if not visibility.can_answer(viewer, doc) or viewer.enterprise_uscc is None:
            raise forbid("only the enterprise concerned answers this complaint")
        complaint = await actions.answer(complaint.id, answer, uscc=viewer.enterprise_uscc, by=viewer.actor)
        return Complaint.from_doc(complaint.model_dump(by_alias=True), viewer)
