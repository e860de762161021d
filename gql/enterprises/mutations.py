"""Regulators change credit levels (调整信用等级); the action owns the transaction, history and audit."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from documents.enterprises.actions import set_credit_level
from documents.enums import CreditLevel
from gql.core.permissions import IsRegulator, viewer_of
from gql.enterprises.types import Enterprise


@strawberry.type
class EnterpriseMutation:
    @strawberry.mutation(permission_classes=[IsRegulator],
                         description="Change a credit level (调整信用等级, REGULATOR), with a reason.")
    async def set_credit_level(self, info: Info, uscc: str, level: CreditLevel, reason: str) -> Enterprise:
        doc = await set_credit_level(uscc, level, reason, by=viewer_of(info).actor)
        return Enterprise.from_doc(doc)
