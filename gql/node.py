"""The Relay Node interface and `node(id:)`, which applies each type's visibility rule."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from auth.visibility import can_read_recalls, can_see_warning
from documents.enums import WarningKind, WarningStatus
from gql import global_id
from gql.permissions import viewer_of


@strawberry.interface(description="An object with a global, opaque id.")
class Node:
    id: strawberry.ID


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id; null when it does not exist or is not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        from gql.enterprises import Enterprise
        from gql.recalls import Recall
        from gql.warnings import Warning

        decoded = global_id.decode(str(id))
        if decoded is None:
            return None
        type_name, oid = decoded
        loaders = info.context.loaders
        viewer = viewer_of(info)
        if type_name == "Warning":
            doc = await loaders.warning_by_id.load(oid)
            if doc and can_see_warning(viewer, WarningKind(doc["kind"]), WarningStatus(doc["status"])):
                return Warning.from_doc(doc)
        elif type_name == "Recall":
            doc = await loaders.recall_by_id.load(oid)
            if doc and can_read_recalls(viewer):
                return Recall.from_doc(doc)
        elif type_name == "Enterprise":
            doc = await loaders.enterprise_by_id.load(oid)
            if doc:
                return Enterprise.from_doc(doc)
        return None
