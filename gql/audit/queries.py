"""`auditEntries` (审计日志): the audit trail, newest first, for regulators and administrators."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from bson import ObjectId
from bson.errors import InvalidId
from strawberry.types import Info

from auth.visibility import audit as visibility
from documents.audit.reads import count_entries, entries_filter, entries_page
from gql.audit.types import AuditEntry
from gql.core.connections import Connection, Edge, PageInfo, decode_cursor, encode_cursor, page_size
from gql.core.errors import bad_input
from gql.core.node import decode_id
from gql.core.permissions import forbid, unauthenticated, viewer_of

# Kinds of node whose audit target is recorded by their database id ("<kind>:<id>"); the others (recalls,
# complaints, enterprises, defect reports) are recorded by their code and filtered with `target`.
TARGET_KIND_BY_TYPE = {"Warning": "warning", "WebhookEndpoint": "webhook", "Upload": "upload", "Account": "account"}
CURSOR_PREFIX = "audit"


@strawberry.input(description="Which audit entries (审计日志筛选); the conditions combine (AND).")
class AuditEntryFilter:
    target_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only entries about this object (操作对象), by its global id: a warning, a webhook "
                                  "endpoint, an upload or an account. For objects recorded by code use `target`.")
    target: str | None = strawberry.field(
        default=None, description="Only entries about this target as recorded (操作对象), e.g. "
                                  "\"recall:RC-2026-000001\" or \"enterprise:<USCC>\".")
    action: str | None = strawberry.field(default=None, description="Only entries of this action (操作), e.g. "
                                                                     "\"credit_level_changed\".")


def _target_of(gid: strawberry.ID) -> str:
    decoded = decode_id(str(gid))
    kind = TARGET_KIND_BY_TYPE.get(decoded[0]) if decoded else None
    if decoded is None or kind is None:
        raise bad_input("not the id of a warning, webhook endpoint, upload or account; filter other objects by "
                        "`target`", field="filter.targetId")
    return f"{kind}:{decoded[1]}"


def _before(after: str | None) -> ObjectId | None:
    if after is None:
        return None
    prefix, _, oid = decode_cursor(after).partition("|")
    try:
        if prefix != CURSOR_PREFIX:
            raise InvalidId(prefix)
        return ObjectId(oid)
    except (InvalidId, TypeError):
        raise bad_input("malformed cursor", field="after") from None


@strawberry.type
class AuditQuery:
    @strawberry.field(description="The audit trail (审计日志), newest first: sign-ins, token issues, publications, "
                                  "credit changes, recalls, uploads... Regulators and administrators only: "
                                  "UNAUTHENTICATED without a token, FORBIDDEN for every other role and agency client.")
    async def audit_entries(
            self, info: Info,
            first: Annotated[int | None, strawberry.argument(
                description="Page size (每页条数): 20 by default, at most 100.")] = None,
            after: Annotated[str | None, strawberry.argument(
                description="Cursor of the last entry already read (游标): the page continues after it.")] = None,
            filter: Annotated[AuditEntryFilter | None, strawberry.argument(
                description="Which entries (筛选); all when omitted.")] = None) -> Connection[AuditEntry]:
        viewer = viewer_of(info)
        if viewer.is_anonymous:
            raise unauthenticated()
        restriction = visibility.query_filter(viewer)
        if restriction is None:
            raise forbid("the audit trail is for regulators and administrators")
        size, before = page_size(first), _before(after)
        wanted = filter or AuditEntryFilter()
        target = _target_of(wanted.target_id) if wanted.target_id is not None else None
        if target is not None and wanted.target is not None and target != wanted.target:
            target_query: dict[str, Any] = {"target": {"$in": []}}  # two different targets: nothing matches both
        else:
            target_query = entries_filter(target=target if target is not None else wanted.target)
        query = {**restriction, **target_query, **entries_filter(action=wanted.action)}
        docs, has_next = await entries_page(query, size, before) if size else ([], False)
        edges = [Edge(cursor=encode_cursor(f"{CURSOR_PREFIX}|{d['_id']}"), node=AuditEntry.from_doc(d)) for d in docs]
        return Connection(edges=edges, count=lambda: count_entries(query),
                          page_info=PageInfo(has_next_page=has_next, has_previous_page=False,
                                             start_cursor=edges[0].cursor if edges else None,
                                             end_cursor=edges[-1].cursor if edges else None))
