"""`GET /graphql/schema.graphql`: the SDL, descriptions included (the same text `make schema` writes)."""

from __future__ import annotations

from functools import lru_cache

from pymongo.errors import PyMongoError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from auth.errors import Unauthenticated
from auth.viewer import viewer_from_authorization
from documents.settings import get_settings
from gql.core.errors import ErrorCode
from gql.schema import schema


@lru_cache(maxsize=1)
def _sdl() -> bytes:
    return (schema.as_str() + "\n").encode()


def _refusal(status: int, code: ErrorCode, message: str) -> Response:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code.value}}]}, status_code=status)


async def schema_sdl(request: Request) -> Response:
    """The SDL; in production, like introspection, for signed-in callers only."""
    if get_settings().is_production:
        try:
            viewer = await viewer_from_authorization(request.headers.get("authorization"))
        except Unauthenticated as exc:
            return _refusal(401, ErrorCode.UNAUTHENTICATED, str(exc))
        except PyMongoError:
            return _refusal(503, ErrorCode.INTERNAL, "database unavailable; retry later")
        if viewer.is_anonymous:
            return _refusal(403, ErrorCode.FORBIDDEN, "the schema needs a signed-in client in production")
    return Response(_sdl(), media_type="text/plain; charset=utf-8",
                    headers={"Cache-Control": "no-cache" if get_settings().is_production else "public, max-age=60"})
