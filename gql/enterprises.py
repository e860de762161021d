"""Enterprise type, the `enterprise(uscc:)` query and the regulator's `setCreditLevel`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from auth.visibility import can_read_credit_history, can_read_credit_level
from documents import audit
from documents.enterprise import Enterprise as EnterpriseDoc
from documents.enterprise import check_uscc
from documents.enums import CreditLevel, CrossBorderClass
from documents.errors import NotFound
from gql import global_id
from gql.node import Node
from gql.permissions import IsRegulator, forbid, viewer_of

if TYPE_CHECKING:
    from gql.recalls import Recall


@strawberry.type
class CreditChange:
    from_level: CreditLevel | None
    to_level: CreditLevel
    reason: str
    by: str
    at: datetime


@strawberry.type
class Enterprise(Node):
    """An enterprise; its credit level is public, its history and recall duties are not."""

    db_id: strawberry.Private[object]
    doc: strawberry.Private[dict]
    uscc: str
    name: str
    name_en: str | None
    region: str | None
    cross_border_class: CrossBorderClass | None

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_id.encode("Enterprise", self.db_id))  # type: ignore[arg-type]

    @strawberry.field
    def credit_level(self, info: Info) -> CreditLevel | None:
        if not can_read_credit_level(viewer_of(info)):
            raise forbid("scope credit:read is required")
        return CreditLevel(self.doc["credit_level"])

    @strawberry.field(description="Every credit change; the enterprise's own members, credit:read and staff only.")
    def credit_history(self, info: Info) -> list[CreditChange]:
        if not can_read_credit_history(viewer_of(info), self.uscc):
            raise forbid("credit history is visible to the enterprise itself, regulators and credit:read agencies")
        return [CreditChange(from_level=CreditLevel(c["from_level"]) if c.get("from_level") else None,
                             to_level=CreditLevel(c["to_level"]), reason=c["reason"], by=c["by"], at=c["at"])
                for c in self.doc.get("credit_history", [])]

    @strawberry.field(description="Recalls of this enterprise (its recall duties); same visibility as the history.")
    async def recalls(self, info: Info) -> list[Annotated[Recall, strawberry.lazy("gql.recalls")]]:
        from gql.recalls import Recall

        if not can_read_credit_history(viewer_of(info), self.uscc):
            raise forbid("recall duties are visible to the enterprise itself, regulators and credit:read agencies")
        return [Recall.from_doc(d) for d in await info.context.loaders.recalls_by_enterprise.load(self.uscc)]

    @classmethod
    def from_doc(cls, doc: dict) -> Enterprise:
        return cls(db_id=doc["_id"], doc=doc, uscc=doc["uscc"], name=doc["name"], name_en=doc.get("name_en"),
                   region=doc.get("region"),
                   cross_border_class=CrossBorderClass(doc["cross_border_class"]) if doc.get("cross_border_class") else None)


@strawberry.type
class EnterpriseQuery:
    @strawberry.field(description="An enterprise by its unified social credit code.")
    async def enterprise(self, info: Info, uscc: str) -> Enterprise | None:
        doc = await info.context.loaders.enterprise_by_uscc.load(uscc.strip().upper())
        return Enterprise.from_doc(doc) if doc else None


@strawberry.type
class EnterpriseMutation:
    @strawberry.mutation(permission_classes=[IsRegulator], description="Change a credit class (REGULATOR).")
    async def set_credit_level(self, info: Info, uscc: str, level: CreditLevel, reason: str) -> Enterprise:
        enterprise = await EnterpriseDoc.find_one(EnterpriseDoc.uscc == check_uscc(uscc))
        if enterprise is None:
            raise NotFound("no enterprise with this USCC")
        viewer = viewer_of(info)
        change = enterprise.set_credit_level(level, reason, by=viewer.actor)
        await enterprise.save()
        await audit.record("credit_level_changed", actor=viewer.actor, target=f"enterprise:{enterprise.uscc}",
                           from_level=change.from_level, to_level=change.to_level.value)
        return Enterprise.from_doc(enterprise.model_dump(by_alias=True))
