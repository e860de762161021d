"""`defectReports` (缺陷报告列表), scoped by role: own reports, reports about one's enterprise, all for regulators."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.visibility import defects as visibility
from documents.defects.models import DefectReport as DefectReportDoc
from documents.enums import DefectReportStatus
from gql.core.connections import AfterArg, Connection, FirstArg, connection, keyset_page
from gql.core.permissions import forbid, unauthenticated, viewer_of
from gql.defects.types import DefectReport


@strawberry.type
class DefectQuery:
    @strawberry.field(description="Defect reports, newest first (缺陷报告): a consumer's own, an enterprise's own and "
                                  "those about its products, all for regulators; agencies FORBIDDEN.")
    async def defect_reports(self, info: Info, first: FirstArg = None, after: AfterArg = None,
                             statuses: Annotated[list[DefectReportStatus] | None, strawberry.argument(
                                 description="Only reports in these statuses (状态).")] = None
                             ) -> Connection[DefectReport]:
        viewer = viewer_of(info)
        if viewer.is_anonymous:
            raise unauthenticated()
        restriction = visibility.query_filter(viewer)
        if restriction is None or not visibility.can_list(viewer):
            raise forbid("defect reports are not shared with partner agencies")
        q = dict(restriction)
        if statuses:
            q["status"] = {"$in": [s.value for s in statuses]}
        coll = DefectReportDoc.get_pymongo_collection()
        page = await keyset_page(coll, q, first, after)
        return connection(page, DefectReport.from_doc, coll, q)
