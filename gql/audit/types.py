"""The AuditEntry type (审计日志条目) and how `node(id:)` finds one under the audit visibility rule."""

from __future__ import annotations

from datetime import datetime

import strawberry
from bson import ObjectId
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from auth.visibility import audit as visibility
from documents.audit.reads import entries_by_ids
from gql.core.node import Node, global_id, register_node
from gql.core.permissions import viewer_of


@strawberry.type(description="One recorded detail of an audit entry (审计详情), e.g. the new credit level or the "
                             "number of photos.")
class AuditDetail:
    name: str = strawberry.field(description="What the detail is (名称).")
    value: str = strawberry.field(description="Its value, as text (值).")


@strawberry.type(description="An entry of the append-only audit trail (审计日志): who did what to what, when and "
                             "from where. Regulators and administrators only.")
class AuditEntry(Node):
    id: strawberry.ID = strawberry.field(description="Global id of the entry (条目全局 ID), for `node(id:)`.")
    action: str = strawberry.field(description="What was done (操作), e.g. sign_in, credit_level_changed, "
                                               "recall_announced, upload_stored.")
    actor: str | None = strawberry.field(description="Who did it (操作人): \"account:<id>\", \"client:<id>\", "
                                                     "\"system\", or the email a failed sign-in tried.")
    target: str | None = strawberry.field(description="What it was done to (操作对象), as recorded: "
                                                      "\"<kind>:<id or code>\", e.g. \"recall:RC-2026-000001\".")
    address: str | None = strawberry.field(description="The client address of the request (来源地址), when "
                                                       "recorded.")
    at: datetime = strawberry.field(description="When (时间).")
    detail: list[AuditDetail] = strawberry.field(description="What else was recorded (详情), name by name.")

    @classmethod
    def from_doc(cls, d: dict) -> AuditEntry:
        return cls(id=global_id("AuditEntry", d["_id"]), action=d["action"], actor=d.get("actor"),
                   target=d.get("target"), address=d.get("address"), at=d["at"],
                   detail=[AuditDetail(name=str(k), value=str(v)) for k, v in sorted((d.get("detail") or {}).items())])


def audit_entry_by_id() -> DataLoader[ObjectId, dict | None]:
    return DataLoader(entries_by_ids)


async def visible_audit_entry(info: Info, oid: ObjectId) -> AuditEntry | None:
    """The entry with this id if the viewer may see it (node)."""
    doc = await info.context.loaders.get(audit_entry_by_id).load(oid)
    return AuditEntry.from_doc(doc) if doc and visibility.can_see(viewer_of(info), doc) else None


register_node("AuditEntry", visible_audit_entry)
