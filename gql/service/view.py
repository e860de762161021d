"""The GraphQL endpoint: strawberry's ASGI view with our viewer, limits and WebSocket rules."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import orjson
from cross_web import HTTPException
from graphql import FieldNode, GraphQLError, parse
from pymongo.errors import PyMongoError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, process_result
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import Message as TransportMessage
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from auth.errors import Unauthenticated
from auth.viewer import ANONYMOUS, Viewer, viewer_from_authorization
from documents.settings import get_settings
from gql.core.budget import charge_cached
from gql.core.context import Context
from gql.core.errors import INTERNAL_MESSAGE, ErrorCode
from gql.core.limits import MAX_TOKENS
from gql.core.metrics import PUBLIC_CACHE, WEBSOCKETS, WORKER_HTTP_REQUESTS
from gql.core.ws_frames import Outlet, current_socket, next_frame
from gql.schema import schema
from gql.service import persisted
from gql.service.public_cache import MAX_BODY, public_cache
from gql.service.ws_direct import direct_text_writer

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
DB_RETRY_AFTER_SECONDS = 5
MAX_OPERATIONS_PER_SOCKET = 20
WS_TRY_AGAIN_LATER = 1013  # RFC 6455 "Try Again Later": the client should reconnect, not give up
log = logging.getLogger("qsradar.view")


def _error_response(status: int, code: ErrorCode, message: str, headers: dict[str, str] | None = None) -> Response:
    # No "data" key: the request never reached execution (GraphQL over HTTP, "request error").
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code.value}}]},
                        status_code=status, headers=headers)


def database_unavailable(retry_after: int = DB_RETRY_AFTER_SECONDS) -> Response:
    """503 with the contract's error shape: the database does not answer within its deadline."""
    return _error_response(503, ErrorCode.INTERNAL, INTERNAL_MESSAGE, {"Retry-After": str(retry_after)})


def _too_large(limit: int) -> Response:
    return _error_response(413, ErrorCode.BAD_USER_INPUT, f"request body over {limit} bytes")


def _wants_graphql_response(request: Request) -> bool:
    return GRAPHQL_RESPONSE_JSON in request.headers.get("accept", "")


_INTROSPECTION_HINT = re.compile(r"__schema|__type\b")
_SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


def introspection_refusal(viewer: Viewer, query: object) -> GraphQLError | None:
    """In production, anonymous clients may not introspect (`__schema`, `__type`; `__typename` is fine):
    the schema is for signed-in partners. None when the document may run."""
    if not get_settings().is_production or not viewer.is_anonymous or not isinstance(query, str) \
            or not _INTROSPECTION_HINT.search(query):
        return None
    try:
        document = parse(query, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return None  # the normal path reports the syntax error
    for definition in document.definitions:
        for node in _fields(definition):
            if node.name.value in ("__schema", "__type"):
                return GraphQLError("introspection needs a signed-in client in production",
                                    extensions={"code": ErrorCode.FORBIDDEN.value})
    return None


def _fields(node: Any) -> Iterator[FieldNode]:
    """Every field node under an operation or fragment definition (iteratively: no recursion limit)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, FieldNode):
            yield current
        selection_set = getattr(current, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)


def _hide_suggestions(data: object) -> None:
    """Drop graphql-core's "Did you mean ...?" hints (they reveal the schema) from outgoing errors, in
    place: HTTP bodies (`errors`) and graphql-transport-ws `next` and `error` messages."""
    if not isinstance(data, dict):
        return
    payload = data.get("payload")
    for errors in (data.get("errors"), payload, payload.get("errors") if isinstance(payload, dict) else None):
        if isinstance(errors, list):
            for error in errors:
                if isinstance(error, dict) and isinstance(error.get("message"), str):
                    error["message"] = _SUGGESTION.sub("", error["message"])


def _is_request_error(result: ExecutionResult) -> bool:
    """Execution never started (variable coercion failed): no data and no error tied to a field path."""
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors or [])


class _BodyTooLarge(Exception):
    pass


def _limited_receive(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLarge
        return message

    return wrapped


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's graphql-transport-ws handler, closing with 4400 on any malformed message (not only a
    missing key), coding the over-limit error, and re-checking the session of an open socket."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recheck_task: asyncio.Task | None = None
        self.adopted: dict[str, Callable[[], None]] = {}  # live subscriptions whose lifetime the socket holds
        self.slow_close: asyncio.Future | None = None
        # Live alerts are written here by the alert hub (gql/core/ws_frames.py), bounded like a subscriber's queue.
        ws = self.websocket.ws  # type: ignore[attr-defined]  # strawberry's ASGI adapter holds Starlette's WebSocket
        self.outlet = Outlet(ws.send_text, get_settings().subscriber_queue_size,
                             write_now=direct_text_writer(ws._send))  # the raw ASGI send (GraphQLSocketsFirst)

    async def handle_message(self, message: Any) -> None:
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.handle_invalid_message("a message must be a JSON object with a string `type`")
            return
        if message["type"] in ("subscribe", "complete") and not isinstance(message.get("id"), str):
            await self.handle_invalid_message("`id` must be a string")
            return
        if message["type"] == "subscribe":
            payload = message.get("payload")
            if (not isinstance(payload, dict) or not isinstance(payload.get("query"), str)
                    or not isinstance(payload.get("variables") or {}, dict)
                    or not isinstance(payload.get("operationName") or "", str)):
                await self.handle_invalid_message("`payload` must hold a string `query` and object `variables`")
                return
            if self.connection_acknowledged and message["id"] not in self.operations and \
                    ((refused := introspection_refusal(self.context.viewer, payload["query"])) is not None
                     or (refused := persisted.websocket_refusal(self.context.viewer, payload["query"])) is not None):
                await self.send_message({"id": message["id"], "type": "error", "payload": [refused.formatted]})
                return
        await super().handle_message(cast("TransportMessage", message))  # checked above: a well-formed message

    async def handle_connection_init(self, message: Any) -> None:
        try:
            await super().handle_connection_init(message)
        except PyMongoError as exc:
            # The session lookup could not reach the database: "try again later", not a refusal.
            log.warning("WebSocket init failed, database unavailable: %s", exc)
            await self.websocket.close(code=WS_TRY_AGAIN_LATER, reason="database unavailable; retry later")
            return
        if not self.connection_timed_out:
            # strawberry cancelled its init-timeout task but keeps it, and with it its CancelledError, traceback
            # and frames, for the life of the socket (~2 KB each): let it go.
            self.connection_init_timeout_task = None
        if self.connection_acknowledged and not self.context.viewer.is_anonymous and self.recheck_task is None:
            self.recheck_task = asyncio.create_task(self._recheck_session(), name="ws-session-recheck")

    async def handle_subscribe(self, message: Any) -> None:
        if (self.connection_acknowledged and message["id"] not in self.operations
                and self.max_subscriptions_per_connection is not None
                and len(self.operations) >= self.max_subscriptions_per_connection):
            # strawberry's own refusal carries no code; the contract wants one on every error.
            await self.send_message({"id": message["id"], "type": "error", "payload": [{
                "message": f"at most {self.max_subscriptions_per_connection} operations per connection; "
                           "complete one or open another connection",
                "extensions": {"code": ErrorCode.RATE_LIMITED.value,
                               "limit": self.max_subscriptions_per_connection}}]})
            return
        # The operation's task copies this context: its resolver finds the socket its live frames go to.
        link = current_socket.set((self, message["id"]))
        try:
            await super().handle_subscribe(message)
        finally:
            current_socket.reset(link)

    def adopt(self, op_id: str, end: Callable[[], None]) -> bool:
        operation = self.operations.get(op_id)
        if operation is None or operation.completed:
            return False
        # Its task is ending; holding it would keep its cancellation's traceback and every frame of the pipeline.
        operation.task = None
        self.adopted[op_id] = end
        return True

    def close_slow(self, code: int, reason: str) -> None:
        if self.slow_close is None:
            log.info("closing a socket whose subscriber fell %d events behind", self.outlet.maxsize)
            self.slow_close = asyncio.ensure_future(self._close_quietly(code, reason))

    async def _close_quietly(self, code: int, reason: str) -> None:
        with contextlib.suppress(Exception):  # already closed by the client or by a revocation
            await self.websocket.close(code=code, reason=reason)

    async def cleanup_operation(self, operation_id: str) -> None:
        end = self.adopted.pop(operation_id, None)
        if end is None:
            await super().cleanup_operation(operation_id)
            return
        self.operations.pop(operation_id, None)
        end()

    async def _recheck_session(self) -> None:
        """Close with 4403 once the socket's session is revoked (sign-out, refresh reuse), or its
        account or agency client disabled: its subscriptions must not outlive the session."""
        params = self.context.connection_params or {}
        authorization = params.get("Authorization") or params.get("authorization")
        interval = get_settings().ws_session_recheck_seconds
        # A random phase per socket spreads the look-ups of many sockets opened together (a reconnect storm).
        await asyncio.sleep(random.uniform(0, interval))
        while True:
            try:
                await viewer_from_authorization(authorization)
            except Unauthenticated:
                expires_at = self.context.viewer.expires_at
                if expires_at is not None and expires_at <= datetime.now(UTC):
                    continue  # expiry: the subscription itself ends with UNAUTHENTICATED
                log.info("closing a WebSocket whose session was revoked (%s)", self.context.viewer.actor)
                with contextlib.suppress(Exception):
                    await self.websocket.close(code=4403, reason="Forbidden: session revoked")
                return
            except PyMongoError as exc:
                log.warning("session re-check skipped, database unavailable: %s", exc)  # next tick
            except Exception:
                log.exception("session re-check failed")
            await asyncio.sleep(interval)

    async def send_message(self, message: Any) -> None:
        # A `next` of a result shared by an audience: its payload's JSON is encoded once for all its subscribers
        # (gql/core/ws_frames.py). Everything else (ack, pong, errors, complete) goes the usual way.
        frame = next_frame(message)
        if frame is None:
            await super().send_message(message)
            return
        try:
            await self.websocket.ws.send_text(frame)  # type: ignore[attr-defined]  # strawberry's ASGI adapter
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc

    async def shutdown(self) -> None:
        if self.recheck_task is not None:
            self.recheck_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.recheck_task
        await super().shutdown()


class QsradarGraphQL(GraphQL[Context, None]):
    """GraphQL over HTTP and over WebSocket (graphql-transport-ws only)."""

    graphql_transport_ws_handler_class = TransportWSHandler

    def __init__(self, graphiql: bool) -> None:
        super().__init__(schema, graphql_ide="graphiql" if graphiql else None, allow_queries_via_get=True,
                         subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,), multipart_uploads_enabled=False,
                         max_subscriptions_per_connection=MAX_OPERATIONS_PER_SOCKET,
                         connection_init_wait_timeout=timedelta(seconds=get_settings().ws_init_timeout_seconds))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            WEBSOCKETS.inc()
            try:
                await super().__call__(scope, receive, send)
            finally:
                WEBSOCKETS.dec()
            return
        WORKER_HTTP_REQUESTS.inc()
        limit = get_settings().max_body_bytes
        headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
        if int(headers.get("content-length") or 0) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        try:
            viewer = await viewer_from_authorization(headers.get("authorization"))
        except Unauthenticated as exc:
            await _error_response(401, ErrorCode.UNAUTHENTICATED, str(exc),
                                  {"WWW-Authenticate": 'Bearer error="invalid_token"'})(scope, receive, send)
            return
        except PyMongoError as exc:
            # The session lookup runs before GraphQL's error mapping: a stalled or lost database is a
            # 503 in the contract's shape (INTERNAL, no details), not a traceback.
            log.warning("viewer lookup failed, database unavailable: %s", exc)
            await database_unavailable()(scope, receive, send)
            return
        scope.setdefault("state", {})["viewer"] = viewer
        try:
            if viewer.is_anonymous and scope["method"] in ("GET", "POST"):
                await self._serve_public(scope, _limited_receive(receive, limit), send)
            else:
                await self._serve_http(scope, _limited_receive(receive, limit), send)
        except _BodyTooLarge:
            await _too_large(limit)(scope, receive, send)

    async def _serve_public(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Anonymous answers come from the public cache while public data is unchanged."""
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        headers = dict(scope.get("headers", []))
        key = b"\0".join([scope["method"].encode(), scope.get("query_string", b""),
                          headers.get(b"accept", b""), headers.get(b"content-type", b""), body])
        cacheable_key = len(key) <= MAX_BODY
        if cacheable_key and (hit := public_cache.get(key)) is not None:
            PUBLIC_CACHE.labels("hit").inc()
            # The key holds the Accept header, so the media type it was answered with follows from it.
            media_type = GRAPHQL_RESPONSE_JSON if GRAPHQL_RESPONSE_JSON.encode() in headers.get(b"accept", b"") \
                else "application/json"
            # Paid from this process's anonymous bucket of the address (no database call; gql/core/budget.py).
            hit, retry = charge_cached(hit, (scope.get("client") or ("",))[0])
            hit_headers = {"X-Cache": "hit"} if retry is None else {"Retry-After": str(retry)}
            await Response(hit, media_type=media_type, headers=hit_headers)(scope, receive, send)
            return
        PUBLIC_CACHE.labels("miss").inc()
        generation = public_cache.generation
        status = 0
        chunks: list[bytes] = []

        async def replay() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self._serve_http(scope, replay, capture)
        if cacheable_key and status == 200 and scope["state"].get("cacheable"):
            public_cache.put(key, generation, b"".join(chunks))

    async def _serve_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """strawberry's HTTP handling, with its plain-text refusals answered in the contract's error shape."""
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as exc:
            code = ErrorCode.NOT_FOUND if exc.status_code == 404 else ErrorCode.BAD_USER_INPUT
            status = 415 if exc.reason == "Unsupported content type" else exc.status_code
            response = _error_response(status, code, exc.reason)
        await response(scope, receive, send)

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A GET by persisted-query hash (APQ) carries `extensions` and no `query`: an operation, not the IDE.
        return super().should_render_graphql_ide(request) and request.query_params.get("extensions") is None

    def decode_json(self, data: str | bytes) -> object:
        # orjson refuses invalid UTF-8 and lone surrogates ("\udfff"), which the standard library lets
        # through to the database (INTERNAL); a refusal here is a 400 (HTTP) or close 4400 (WebSocket).
        return orjson.loads(data)

    def parse_json(self, data: str | bytes) -> object:
        value = self.decode_json(data)
        if not isinstance(value, dict | list):
            raise HTTPException(400, "the request body (and `variables`, `extensions`) must be a JSON object")
        return value

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        request.state.sub_response = sub_response
        return sub_response

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        processed = process_result(result)
        if isinstance(result, PreExecutionError) or _is_request_error(result):
            # Parse, validation and variable-coercion failures: no "data" key (GraphQL over HTTP); a client
            # that asks for application/graphql-response+json also gets a 4xx status.
            processed.pop("data", None)
            if _wants_graphql_response(request):
                request.state.sub_response.status_code = 400
        if _wants_graphql_response(request):
            request.state.sub_response.headers["content-type"] = GRAPHQL_RESPONSE_JSON
        errors = cast("list[dict[str, Any]]", processed.get("errors") or [])
        retry_after = [int(e["extensions"].get("retryAfter") or 1) for e in errors
                       if (e.get("extensions") or {}).get("code") == ErrorCode.RATE_LIMITED.value]
        if retry_after:
            # Clients and proxies that only read HTTP learn when to come back (RFC 9110 §10.2.3).
            request.state.sub_response.headers["Retry-After"] = str(max(1, max(retry_after)))
        return processed

    def create_response(self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
                        sub_response: Response) -> Response:
        media_type = sub_response.headers.get("content-type", "application/json")
        del sub_response.headers["content-type"]
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = media_type
        return response

    async def get_context(self, request: Request | WebSocket, response: Any = None) -> Context:
        viewer = request.scope.get("state", {}).get("viewer", ANONYMOUS)
        return Context(request=request, response=response, viewer=viewer)

    async def on_ws_connect(self, context: Context) -> Any:
        params = context.connection_params or {}
        authorization = params.get("Authorization") or params.get("authorization")
        if authorization is not None and not isinstance(authorization, str):
            raise ConnectionRejectionError()
        try:
            context.viewer = await viewer_from_authorization(authorization)
        except Unauthenticated as exc:
            raise ConnectionRejectionError() from exc
        return None

    def encode_json(self, data: object) -> str:
        # A str, not bytes: over WebSocket bytes would go out as binary frames, which
        # graphql-transport-ws clients reject.
        if get_settings().is_production:
            _hide_suggestions(data)
        return orjson.dumps(data).decode()

    async def execute_single(self, request: Request, request_adapter: Any, sub_response: Any, context: Context,
                             root_value: Any, request_data: Any) -> ExecutionResult:
        resolved = await persisted.resolve(request_data, context.viewer)  # APQ and trusted documents
        if isinstance(resolved, GraphQLError):
            return PreExecutionError(data=None, errors=[resolved])
        request_data = resolved
        refused = introspection_refusal(context.viewer, request_data.query)
        if refused is not None:
            return PreExecutionError(data=None, errors=[refused])
        return await super().execute_single(request, request_adapter, sub_response, context, root_value,
                                            request_data)
