"""Credit records of an enterprise (企业信用记录): breach records, credit-repair applications and objections, and
the thresholds' DISHONEST proposal. Who sees them is decided in auth/visibility/enterprises.py."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from bson import ObjectId
from strawberry.types import Info

from auth.visibility import enterprises as visibility
from documents.core.clock import utcnow
from documents.enterprises import rules
from documents.enums import BreachGrade, BreachSource, CreditBasis, CreditLevel, ReviewState
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of
from gql.core.upload_ids import upload_gids
from gql.enterprises.loaders import application_by_id, applications_by_uscc

if TYPE_CHECKING:
    from gql.enterprises.types import Enterprise


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


@strawberry.type(description="A breach record (失信行为记录), graded MINOR/GENERAL/SERIOUS (轻微/一般/严重); an "
                             "approved credit repair closes it and the record stays.")
class Breach:
    id: str = strawberry.field(description="The record's id within its enterprise (记录编号); used as `breachId`.")
    grade: BreachGrade = strawberry.field(description="Grade (失信等级).")
    reason: str = strawberry.field(description="What happened (情况说明).")
    at: datetime = strawberry.field(description="When it was recorded (记录时间).")
    source: BreachSource = strawberry.field(description="Where it comes from (来源): warning, recall duty, inspection.")
    source_ref: str | None = strawberry.field(description="The source's reference (来源编号): warning, duty or "
                                                          "inspection id.")
    closed_at: datetime | None = strawberry.field(description="When a credit repair closed it (修复时间); null while "
                                                              "open.")
    closed_by: strawberry.ID | None = strawberry.field(description="The credit application (repair) that closed it "
                                                                   "(修复申请).")

    @strawberry.field(description="Whether the record still counts (未修复).")
    def open(self) -> bool:
        return self.closed_at is None

    @classmethod
    def from_doc(cls, d: dict[str, Any]) -> Breach:
        return cls(id=d["id"], grade=BreachGrade(d["grade"]), reason=d["reason"], at=d["at"],
                   source=BreachSource(d.get("source", BreachSource.INSPECTION.value)), source_ref=d.get("source_ref"),
                   closed_at=d.get("closed_at"),
                   closed_by=global_id("CreditApplication", d["closed_by"]) if d.get("closed_by") else None)


@strawberry.type(description="A DISHONEST proposal (失信认定建议) made by the thresholds (one SERIOUS breach, or N "
                             "GENERAL ones within 12 months); nothing changes until a regulator confirms it with "
                             "setCreditLevel.")
class CreditProposal:
    from_level: CreditLevel = strawberry.field(description="The current level (当前等级).")
    to_level: CreditLevel = strawberry.field(description="The proposed level (建议等级).")
    reason: str = strawberry.field(description="Why (依据).")
    breaches: list[Breach] = strawberry.field(description="The breach records behind it (相关失信记录).")


@strawberry.type(description="A credit-repair application (信用修复申请) or an objection to a rating (信用异议), "
                             "decided by a regulator within 20 working days.")
class CreditApplication(Node):
    db_id: strawberry.Private[ObjectId]
    doc: strawberry.Private[dict]
    kind: str = strawberry.field(description="REPAIR (信用修复) or OBJECTION (信用异议).")
    state: ReviewState = strawberry.field(description="Review state (审核状态).")
    reason: str = strawberry.field(description="The enterprise's reasons (申请理由).")
    due_at: datetime = strawberry.field(description="Review deadline (审核期限): 20 working days after submission, "
                                                    "Chinese holiday calendar, 23:59:59 CST.")
    uscc: str = strawberry.field(description="The enterprise's USCC (统一社会信用代码).")
    evidence_ids: list[str] = strawberry.field(description="Evidence files (证明材料), ids from POST /uploads.")
    breach_id: str | None = strawberry.field(description="A repair: the breach record it asks to close (拟修复记录).")
    submitted_at: datetime = strawberry.field(description="When it was filed (提交时间).")
    decided_at: datetime | None = strawberry.field(description="When it was decided (审核时间).")
    decision_reason: str | None = strawberry.field(description="The regulator's reasons (审核意见).")
    due_date_exact: bool = strawberry.field(description="False when the holiday calendar of a year was not yet "
                                                        "published and Monday-Friday was counted (期限为估算).")

    @strawberry.field(description="Still PENDING after its deadline (逾期未审).")
    def overdue(self) -> bool:
        return self.state is ReviewState.PENDING and utcnow() > _aware(self.due_at)

    @strawberry.field(description="The enterprise (申请企业).")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        from gql.enterprises.types import enterprises_by_uscc

        found = await enterprises_by_uscc(info, [self.uscc])
        return found[0] if found else None

    @classmethod
    def from_doc(cls, d: dict[str, Any]) -> CreditApplication:
        return cls(id=global_id("CreditApplication", d["_id"]), db_id=d["_id"], doc=d, kind=d["kind"],
                   state=ReviewState(d["state"]), reason=d["reason"], due_at=d["due_at"], uscc=d["enterprise_uscc"],
                   evidence_ids=upload_gids(d.get("evidence_ids")), breach_id=d.get("breach_id"),
                   submitted_at=d["submitted_at"], decided_at=d.get("decided_at"),
                   decision_reason=d.get("decision_reason"), due_date_exact=d.get("due_calendar_exact", True))


_NODE_OF_BASIS = {CreditBasis.WARNING_MEASURE: "Warning", CreditBasis.REPAIR: "CreditApplication",
                  CreditBasis.OBJECTION_UPHELD: "CreditApplication"}


def basis_ref_of(basis: CreditBasis, ref: str | None) -> str | None:
    """A history entry's basis reference as clients use it: the global id of a warning or a credit application
    (for `node(id:)`), a breach record's id, or a duty's reference as stored."""
    node_type = _NODE_OF_BASIS.get(basis)
    if ref is None or node_type is None or not ObjectId.is_valid(ref):
        return ref
    return str(global_id(node_type, ObjectId(ref)))


def breaches_of(doc: dict[str, Any]) -> list[Breach]:
    """An enterprise's breach records, newest first."""
    return [Breach.from_doc(b) for b in reversed(doc.get("breaches", []))]


def proposal_of(doc: dict[str, Any], general_threshold: int) -> CreditProposal | None:
    """The thresholds' proposal for an enterprise document, from its open breach records."""
    open_breaches = [b for b in doc.get("breaches", []) if not b.get("closed_at")]
    proposal = rules.propose_dishonest(CreditLevel(doc["credit_level"]),
                                       [rules.Breach(BreachGrade(b["grade"]), b["at"]) for b in open_breaches],
                                       utcnow(), general_threshold=general_threshold)
    if proposal is None:
        return None
    behind = {(b.grade, _aware(b.at)) for b in proposal.breaches}
    return CreditProposal(from_level=proposal.from_level, to_level=proposal.to_level, reason=proposal.reason,
                          breaches=[Breach.from_doc(b) for b in reversed(open_breaches)
                                    if (BreachGrade(b["grade"]), _aware(b["at"])) in behind])


async def applications_of_enterprise(info: Info, uscc: str) -> list[CreditApplication]:
    """An enterprise's credit applications, newest first (the caller has checked visibility)."""
    docs = await info.context.loaders.get(applications_by_uscc).load(uscc)
    return [CreditApplication.from_doc(d) for d in docs]


async def visible_application(info: Info, oid: ObjectId) -> CreditApplication | None:
    """The credit application with this id if the viewer may see it (node)."""
    doc = await info.context.loaders.get(application_by_id).load(oid)
    return CreditApplication.from_doc(doc) if doc and visibility.can_see_application(viewer_of(info), doc) else None


register_node("CreditApplication", visible_application)
