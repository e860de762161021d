"""The Recall type (召回), its remedy and progress, recall duties (召回义务), and the lookups other types use to show
recalls and duties under their visibility rules: `recallDuties`, `Enterprise.duties` and `Viewer.duties` all page
duties here, soonest deadline first."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from bson import ObjectId
from strawberry.types import Info

import gql.recalls.enums  # noqa: F401  (enum descriptions, registered before the schema is built)
from auth.visibility import recalls as visibility
from documents.core.clock import utcnow
from documents.core.workdays import working_days_between
from documents.enterprises.rules import validate_uscc
from documents.enums import CrossBorderClass, DutyKind, DutyState, RecallStatus, RecallType, RemedyType
from documents.recalls import rules
from documents.recalls.duties import state_query
from documents.recalls.models import RecallDuty as RecallDutyDoc
from gql.core.connections import Connection, connection, empty_connection, keyset_page
from gql.core.enum_docs import describe_enum
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import forbid, viewer_of
from gql.recalls.loaders import duties_by_recall, duty_by_id, recall_by_id, recalls_by_enterprise, recalls_by_warning

if TYPE_CHECKING:
    from gql.defects.types import DefectReport
    from gql.enterprises.types import Enterprise
    from gql.warnings.types import Warning


describe_enum(RecallType, "How a recall started (召回类型).", {
    "VOLUNTARY": "Announced by the enterprise itself (主动召回).",
    "ORDERED": "Ordered by a regulator (责令召回); the enterprise owes a plan and progress reports by deadlines."})
describe_enum(RecallStatus, "Where a recall stands (召回状态); it only moves forwards.", {
    "ANNOUNCED": "Announced, no progress reported yet (已发布).",
    "IN_PROGRESS": "Under way: progress has been reported (实施中).",
    "COMPLETED": "Completed (召回完成): every unit back, or judged done by the enterprise or a regulator.",
    "CLOSED": "Closed by a regulator after evaluating its effect (结案); final."})
describe_enum(CrossBorderClass, "Cross-border e-commerce supervision class (跨境电商监管类别, AQSIQ 2015 guidance).", {
    "PROHIBITED": "Prohibited from entry (禁止入境类): hazardous chemicals, dangerous goods, used goods, anything "
                  "banned by law.",
    "KEY_SUPERVISION": "Key supervision (重点监管类): products under licensing or the legal-inspection catalogue.",
    "GENERAL_SUPERVISION": "General supervision (一般监管类): everything else; risk-based sampling."})


@strawberry.type(description="One progress report (召回进展): cumulative units recovered and refunds.")
class RecallProgress:
    at: datetime = strawberry.field(description="When it was reported (报告时间).")
    units_recovered: int = strawberry.field(description="Cumulative units recovered (累计召回数量).")
    refunds_cny: float | None = strawberry.field(description="Cumulative refunds in CNY, when reported (累计退款).")
    note: str | None = strawberry.field(description="The reporter's note (备注).")


@strawberry.type(description="How a consumer gets the defect remedied (补救措施), as data.")
class Remedy:
    type: RemedyType = strawberry.field(description="Refund, repair or replacement (补救方式).")
    instructions: str = strawberry.field(description="What to do, in Chinese (操作说明).")
    instructions_en: str | None = strawberry.field(description="What to do, in English.")
    contact_phone: str | None = strawberry.field(description="Phone line for the recall (联系电话).")
    contact_url: str | None = strawberry.field(description="Web page for the recall (联系网址).")
    collection_points: list[str] = strawberry.field(description="Where to bring the product (回收网点).")

    @classmethod
    def from_doc(cls, d: dict) -> Remedy:
        return cls(type=RemedyType(d["type"]), instructions=d["instructions"], instructions_en=d.get("instructions_en"),
                   contact_phone=d.get("contact_phone"), contact_url=d.get("contact_url"),
                   collection_points=d.get("collection_points") or [])


@strawberry.type(description="A recall (召回) and its effect so far: units recovered, refunds, completion rate.")
class Recall(Node):
    db_id: strawberry.Private[ObjectId]
    warning_db_id: strawberry.Private[ObjectId | None]
    defect_report_db_id: strawberry.Private[ObjectId | None]
    enterprise_uscc: strawberry.Private[str]
    code: str = strawberry.field(description="Recall code (召回编号) RC-YYYY-NNNNNN.")
    product_name: str = strawberry.field(description="Product name in Chinese (产品名称).")
    product_name_en: str | None = strawberry.field(description="Product name in English.")
    brand: str | None = strawberry.field(description="Brand (品牌).")
    model: str | None = strawberry.field(description="Model (型号).")
    product_category: str | None = strawberry.field(description="Product category (产品类别).")
    type: RecallType = strawberry.field(description="Voluntary (主动召回) or ordered (责令召回).")
    status: RecallStatus = strawberry.field(description="ANNOUNCED → IN_PROGRESS → COMPLETED → CLOSED.")
    gtins: list[str] = strawberry.field(description="GTIN barcodes of the recalled products (商品条码).")
    batches: list[str] = strawberry.field(description="Batch or lot ranges recalled (批次).")
    trace_codes: list[str] = strawberry.field(description="Trace codes recalled (追溯码).")
    cross_border_class: CrossBorderClass | None = strawberry.field(
        description="Cross-border e-commerce supervision class (跨境电商监管类别).")
    hazard: str | None = strawberry.field(description="The defect and its hazard, in Chinese (缺陷及危害).")
    hazard_en: str | None = strawberry.field(description="The defect and its hazard, in English.")
    remedy: Remedy | None = strawberry.field(description="How to get the defect remedied (补救措施); null for recalls "
                                                         "stored before remedies were recorded.")
    units_affected: int = strawberry.field(description="Units concerned (涉及数量).")
    units_recovered: int = strawberry.field(description="Units recovered so far (已召回数量).")
    refunds_cny: float = strawberry.field(description="Refunds so far in CNY (退款金额).")
    announced_at: datetime = strawberry.field(description="When the recall was announced or ordered (发布时间).")
    deadline: datetime | None = strawberry.field(description="When the recall should be completed (召回期限).")
    completed_at: datetime | None = strawberry.field(description="When it was completed (完成时间).")
    closed_at: datetime | None = strawberry.field(description="When a regulator closed it (结案时间).")
    close_reason: str | None = strawberry.field(description="The regulator's reason for closing it (结案说明).")
    progress_reports: list[RecallProgress] = strawberry.field(description="Progress reports, oldest first.")

    @strawberry.field(description="Units recovered / units affected, from 0 to 1 (完成率); below 1 until all are back.")
    def completion_rate(self) -> float:
        return rules.completion_rate(self.units_recovered, self.units_affected)

    @strawberry.field(description="The recalling enterprise (召回企业).")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        from gql.enterprises.types import enterprises_by_uscc

        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        return found[0] if found else None

    @strawberry.field(description="The warning this recall answers; null when there is none or it is not visible.")
    async def warning(self, info: Info) -> Annotated[Warning, strawberry.lazy("gql.warnings.types")] | None:
        from gql.warnings.types import visible_warning

        return await visible_warning(info, self.warning_db_id) if self.warning_db_id is not None else None

    @strawberry.field(description="The defect report this recall was ordered from (来源缺陷报告); null when there is "
                                  "none or the viewer may not see it (auth/visibility/defects.py).")
    async def defect_report(self, info: Info) -> Annotated[DefectReport, strawberry.lazy("gql.defects.types")] | None:
        from gql.defects.types import visible_defect_report

        return await visible_defect_report(info, self.defect_report_db_id) if self.defect_report_db_id else None

    @strawberry.field(description="The recall's duties with their deadlines (召回义务): for the recalling enterprise "
                                  "and staff; empty for everyone else.")
    async def duties(self, info: Info) -> list[RecallDuty]:
        viewer = viewer_of(info)
        if not visibility.can_read_duties(viewer, self.enterprise_uscc):
            return []
        docs = await info.context.loaders.get(duties_by_recall).load(self.db_id)
        return [RecallDuty.from_doc(d) for d in docs if visibility.can_see_duty(viewer, d)]

    @classmethod
    def from_doc(cls, d: dict) -> Recall:
        return cls(id=global_id("Recall", d["_id"]), db_id=d["_id"], warning_db_id=d.get("warning_id"),
                   defect_report_db_id=d.get("defect_report_id"), enterprise_uscc=d["enterprise_uscc"],
                   code=d["code"], product_name=d["product_name"], product_name_en=d.get("product_name_en"),
                   brand=d.get("brand"), model=d.get("model"), product_category=d.get("product_category"),
                   type=RecallType(d["type"]), status=RecallStatus(d["status"]), gtins=d.get("gtins") or [],
                   batches=d.get("batches") or [], trace_codes=d.get("trace_codes") or [],
                   cross_border_class=CrossBorderClass(d["cross_border_class"]) if d.get("cross_border_class")
                   else None, hazard=d.get("hazard"), hazard_en=d.get("hazard_en"),
                   remedy=Remedy.from_doc(d["remedy"]) if d.get("remedy") else None,
                   units_affected=d["units_affected"], units_recovered=d["units_recovered"],
                   refunds_cny=d["refunds_cny"], announced_at=d["announced_at"], deadline=d.get("deadline"),
                   completed_at=d.get("completed_at"), closed_at=d.get("closed_at"),
                   close_reason=d.get("close_reason"),
                   progress_reports=[RecallProgress(at=r["at"], units_recovered=r["units_recovered"],
                                                    refunds_cny=r.get("refunds_cny"), note=r.get("note"))
                                     for r in d.get("progress_reports", [])])


@strawberry.type(description="Something an enterprise owes the regulator about a recall, by a deadline in working days "
                             "(召回义务).")
class RecallDuty(Node):
    db_id: strawberry.Private[ObjectId]
    recall_db_id: strawberry.Private[ObjectId | None]
    warning_db_id: strawberry.Private[ObjectId | None]
    enterprise_uscc: strawberry.Private[str]
    kind: DutyKind = strawberry.field(description="What is owed (义务类型).")
    title: str = strawberry.field(description="What is owed, in Chinese (义务).")
    title_en: str = strawberry.field(description="What is owed, in English.")
    due_at: datetime = strawberry.field(description="The deadline: end of the last working day, China time "
                                                    "(截止时间).")
    due_day: date = strawberry.field(description="The last working day, China time (截止日).")
    calendar_exact: bool = strawberry.field(
        description="False when part of the count fell in a year the holiday calendar does not cover yet and was "
                    "counted Monday to Friday (deadline provisional, 截止日按周一至周五估算).")
    met_at: datetime | None = strawberry.field(description="When it was met (履行时间); null while not met.")
    met_note: str | None = strawberry.field(description="How it was met (履行说明).")
    created_at: datetime = strawberry.field(description="When the duty arose (产生时间).")

    @strawberry.field(description="OPEN, MET or OVERDUE, from the deadline and now (never stored stale).")
    def state(self) -> DutyState:
        return rules.duty_state(self.due_at, self.met_at, utcnow())

    @strawberry.field(description="Working days from today to the deadline (剩余工作日), China time: 0 on the last "
                                  "day, negative when overdue; null once met.")
    def working_days_left(self) -> int | None:
        if self.met_at is not None:
            return None
        return working_days_between(utcnow(), self.due_at).days

    @strawberry.field(description="How long it was or is late, in whole hours (逾期小时); 0 when on time.")
    def overdue_hours(self) -> int:
        return int(rules.overdue_by(self.due_at, self.met_at, utcnow()).total_seconds() // 3600)

    @strawberry.field(description="The recall the duty is about; null for a duty answering a warning.")
    async def recall(self, info: Info) -> Recall | None:
        return await visible_recall(info, self.recall_db_id) if self.recall_db_id is not None else None

    @strawberry.field(description="The warning that asked for a recall (DEFECT_RECALL); null otherwise or when not "
                                  "visible.")
    async def warning(self, info: Info) -> Annotated[Warning, strawberry.lazy("gql.warnings.types")] | None:
        from gql.warnings.types import visible_warning

        return await visible_warning(info, self.warning_db_id) if self.warning_db_id is not None else None

    @strawberry.field(description="The enterprise that owes it (义务企业).")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")]:
        from gql.enterprises.types import enterprises_by_uscc

        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        if not found:
            raise LookupError(f"duty of an unknown enterprise {self.enterprise_uscc}")
        return found[0]

    @classmethod
    def from_doc(cls, d: dict) -> RecallDuty:
        kind = DutyKind(d["kind"])
        zh, en = rules.duty_title(kind, d.get("recall_code"), d.get("warning_code"))
        return cls(id=global_id("RecallDuty", d["_id"]), db_id=d["_id"], recall_db_id=d.get("recall_id"),
                   warning_db_id=d.get("warning_id"), enterprise_uscc=d["enterprise_uscc"], kind=kind, title=zh,
                   title_en=en, due_at=d["due_at"], due_day=date.fromisoformat(d["due_day"]),
                   calendar_exact=d.get("calendar_exact", True), met_at=d.get("met_at"), met_note=d.get("met_note"),
                   created_at=d["created_at"])


async def visible_recall(info: Info, oid: ObjectId) -> Recall | None:
    """The recall with this id if the viewer may see it."""
    doc = await info.context.loaders.get(recall_by_id).load(oid)
    return Recall.from_doc(doc) if doc and visibility.can_see(viewer_of(info), doc) else None


async def visible_duty(info: Info, oid: ObjectId) -> RecallDuty | None:
    """The duty with this id if the viewer may see it (node)."""
    doc = await info.context.loaders.get(duty_by_id).load(oid)
    return RecallDuty.from_doc(doc) if doc and visibility.can_see_duty(viewer_of(info), doc) else None


async def recalls_of_warning(info: Info, warning_id: ObjectId) -> list[Recall]:
    """A warning's recalls the viewer may see (empty when none are visible)."""
    viewer = viewer_of(info)
    docs = await info.context.loaders.get(recalls_by_warning).load(warning_id)
    return [Recall.from_doc(d) for d in docs if visibility.can_see(viewer, d)]


async def recalls_of_enterprise(info: Info, uscc: str) -> list[Recall]:
    """An enterprise's recalls the viewer may see (empty when none are visible)."""
    viewer = viewer_of(info)
    docs = await info.context.loaders.get(recalls_by_enterprise).load(uscc)
    return [Recall.from_doc(d) for d in docs if visibility.can_see(viewer, d)]


@strawberry.input(description="Filters on recall duties (召回义务筛选).")
class RecallDutyFilter:
    states: list[DutyState] | None = strawberry.field(default=None, description="Only duties in these states "
                                                                                "(e.g. OVERDUE: 逾期义务).")
    uscc: str | None = strawberry.field(default=None, description="Only this enterprise's duties (企业).")
    kinds: list[DutyKind] | None = strawberry.field(default=None, description="Only these kinds of duty (义务类型).")


async def duty_page(info: Info, restriction: dict[str, Any] | None, f: RecallDutyFilter | None, first: int | None,
                    after: str | None) -> Connection[RecallDuty]:
    """A keyset page of the duties matching the viewer's restriction and the filter (None: nothing visible)."""
    if restriction is None:
        return empty_connection(first, after)
    q: dict[str, Any] = dict(restriction)
    if f is not None and f.uscc:
        uscc = validate_uscc(f.uscc, field="uscc")
        if q.get("enterprise_uscc", uscc) != uscc:
            return empty_connection(first, after)
        q["enterprise_uscc"] = uscc
    if f is not None and f.kinds:
        q["kind"] = {"$in": [k.value for k in f.kinds]}
    states = state_query(f.states or [], utcnow()) if f is not None else None
    if states is not None:
        # Merged, not `$and`: nx-27017's `find` matches nothing for `{"$and": [..., {"met_at": None}]}` (its count
        # does); the keys never overlap (state_query uses met_at/due_at/$or, the restriction neither).
        q = {**q, **states} if not set(q) & set(states) else {"$and": [q, states]}
    coll = RecallDutyDoc.get_pymongo_collection()
    page = await keyset_page(coll, q, first, after)
    return connection(page, RecallDuty.from_doc, coll, q)


async def enterprise_duties(info: Info, uscc: str, states: list[DutyState] | None, first: int | None,
                            after: str | None) -> Connection[RecallDuty]:
    """`Enterprise.duties`: its own members and staff; FORBIDDEN for everyone else."""
    if not visibility.can_read_duties(viewer_of(info), uscc):
        raise forbid("recall duties are visible to the enterprise itself and to regulators")
    return await duty_page(info, {"enterprise_uscc": uscc}, RecallDutyFilter(states=states), first, after)


async def viewer_duties(info: Info, states: list[DutyState] | None, first: int | None,
                        after: str | None) -> Connection[RecallDuty]:
    """`me.duties`: an enterprise member's own enterprise's, every enterprise's for staff, none for others."""
    return await duty_page(info, visibility.duty_filter(viewer_of(info)), RecallDutyFilter(states=states), first,
                           after)


register_node("Recall", visible_recall)
register_node("RecallDuty", visible_duty)
