"""Recall progress (召回进展): the recalling enterprise or a regulator reports units recovered and refunds."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from auth.visibility import recalls as visibility
from documents.core.errors import NotFound
from documents.enums import Role
from documents.recalls import actions
from gql.core.node import decode_id
from gql.core.permissions import forbid, role_permission, viewer_of
from gql.recalls.types import Recall


@strawberry.type
class RecallMutation:
    @strawberry.mutation(permission_classes=[role_permission(Role.ENTERPRISE, Role.REGULATOR)],
                         description="Report cumulative progress of a recall (ENTERPRISE of the recall, or REGULATOR): "
                                     "units only grow up to unitsAffected, refunds are >= 0.")
    async def report_recall_progress(self, info: Info, id: strawberry.ID, units_recovered: int,
                                     refunds_cny: float | None = None, note: str | None = None) -> Recall:
        decoded = decode_id(str(id), "Recall")
        if decoded is None:
            raise NotFound("no such recall")
        recall = await actions.load(decoded[1])
        viewer = viewer_of(info)
        if not visibility.can_report_progress(viewer, {"enterprise_uscc": recall.enterprise_uscc}):
            raise forbid("only the recalling enterprise or a regulator reports progress")
        recall = await actions.report_progress(recall, units_recovered, refunds_cny, note, by=viewer.actor)
        return Recall.from_doc(recall.model_dump(by_alias=True))
