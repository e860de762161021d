"""Bulk export (批量导出): `GET /export/{warnings,recalls,enterprises}.ndjson?updatedAfter=&after=`.

One JSON object per line, streamed page by page and never built in memory. Each page is the GraphQL query of the
same name run for the caller (same visibility, same order, same fields), so the export equals the paginated
query; each line carries its `cursor`, so an interrupted export resumes with `after=<last cursor>`. Gzip when
asked (the compression middleware). A nightly snapshot is this endpoint without `updatedAfter`; with it, the items
deleted or withdrawn since come first as tombstone lines `{"id", "deletedAt"}`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import orjson
from pymongo.errors import PyMongoError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from auth.errors import Unauthenticated
from auth.viewer import viewer_from_authorization
from gql.core.context import Context
from gql.core.errors import ErrorCode
from gql.schema import schema

PAGE = 100
FIELDS = {
    "warnings": "id code title titleEn level kind status hazards productCategory hsCodes originCountries regions "
                "summary summaryEn measures issuedBy authorizationRef publishedAt liftedAt",
    "recalls": "id code productName productNameEn brand model type status unitsAffected unitsRecovered refundsCny "
               "completionRate announcedAt deadline",
    "enterprises": "id uscc name nameEn region creditLevel",
}


def _query(kind: str) -> str:
    return (f"query Export($first: Int, $after: String, $updatedAfter: DateTime) {{ {kind}(first: $first, "
            f"after: $after, updatedAfter: $updatedAfter) {{ edges {{ cursor node {{ {FIELDS[kind]} }} }} "
            f"pageInfo {{ hasNextPage endCursor }} deleted {{ id deletedAt }} }} }}")


def _error(status: int, code: ErrorCode, message: str) -> Response:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code.value}}]}, status_code=status)


async def export_endpoint(request: Request) -> Response:
    """Stream one kind of object as NDJSON, for the caller's bearer token (anonymous: public data)."""
    kind = request.path_params["kind"]
    if kind not in FIELDS:
        return _error(404, ErrorCode.NOT_FOUND, f"no export named {kind}")
    updated_after = request.query_params.get("updatedAfter")
    if updated_after:
        try:
            datetime.fromisoformat(updated_after.replace("Z", "+00:00"))
        except ValueError:
            return _error(400, ErrorCode.BAD_USER_INPUT, "updatedAfter must be an ISO 8601 date-time")
    try:
        viewer = await viewer_from_authorization(request.headers.get("authorization"))
    except Unauthenticated as exc:
        return _error(401, ErrorCode.UNAUTHENTICATED, str(exc))
    except PyMongoError:
        return _error(503, ErrorCode.INTERNAL, "database unavailable; retry later")
    query = _query(kind)
    variables: dict[str, Any] = {"first": PAGE, "after": request.query_params.get("after") or None,
                                 "updatedAfter": updated_after or None}

    async def page() -> tuple[list[dict[str, Any]], str | None, list[dict[str, Any]]]:
        result = await schema.execute(query, variable_values=variables, operation_name="Export",
                                      context_value=Context(request=request, viewer=viewer, internal=True))
        errors: list[dict[str, Any]] = [dict(e.formatted) for e in result.errors or []]
        if errors or result.data is None:
            return [], None, errors
        connection = result.data[kind]
        # Tombstones ({"id", "deletedAt"}, no cursor) come with the first page only, ahead of its items, so a
        # resumed export (after=) never repeats them.
        edges = [*connection["deleted"], *({**edge["node"], "cursor": edge["cursor"]} for edge in connection["edges"])]
        more = connection["pageInfo"]["hasNextPage"]
        return edges, connection["pageInfo"]["endCursor"] if more else None, []

    first_page, next_cursor, errors = await page()
    if errors:  # refused before anything was streamed: the contract's error shape and a 4xx
        code = errors[0].get("extensions", {}).get("code", ErrorCode.INTERNAL.value)
        status = {"FORBIDDEN": 403, "BAD_USER_INPUT": 400, "RATE_LIMITED": 429}.get(code, 500)
        return JSONResponse({"errors": errors}, status_code=status)

    async def lines() -> AsyncIterator[bytes]:
        nonlocal next_cursor
        edges = first_page
        while True:
            if edges:
                yield b"".join(orjson.dumps(edge) + b"\n" for edge in edges)
            if next_cursor is None:
                return
            variables["after"] = next_cursor
            edges, next_cursor, failed = await page()
            if failed:  # the client resumes from the last cursor it received
                yield orjson.dumps({"errors": failed}) + b"\n"
                return

    return StreamingResponse(lines(), media_type="application/x-ndjson")
