"""The Starlette application: lifespan (database, demo data, alert hub) and every HTTP route."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pymongo
from pymongo.errors import PyMongoError
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from auth.demo_identities import seed_demo_identities
from auth.oauth_server import metadata_endpoint, token_endpoint
from documents.accounts import agency_usage
from documents.core.background import bounded
from documents.db import client as database
from documents.db import migrations
from documents.db.embedded_server import EmbeddedServer
from documents.db.registry import all_documents
from documents.db.transactions import serialise_transactions
from documents.demo.data import seed_demo_data
from documents.settings import Settings, get_settings
from gql.alerts.hub import start_hub, stop_hub
from gql.alerts.siblings import wake_directory
from gql.core.errors import INTERNAL_MESSAGE
from gql.core.metrics import count_db_command
from gql.service.compression import add_compression
from gql.service.export import export_endpoint
from gql.service.feeds import atom_feed, json_feed
from gql.service.frontend import frontend_app
from gql.service.health import DatabaseMonitor, healthz, readyz
from gql.service.logs import RequestIds, configure_logging
from gql.service.maintenance import Maintenance
from gql.service.metrics import metrics_endpoint
from gql.service.persisted import register_manifest
from gql.service.public_cache import public_cache
from gql.service.sdl import schema_sdl
from gql.service.tracing import add_tracing
from gql.service.uploads import UPLOAD_ROUTES
from gql.service.view import QsradarGraphQL, database_unavailable
from gql.service.webhooks import WebhookWorker

log = logging.getLogger("qsradar")


def create_app(settings: Settings | None = None) -> ASGIApp:
    """Assemble the service (uvicorn factory: `gql.service.app:create_app`)."""
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        embedded: EmbeddedServer | None = None
        uri = settings.mongodb_uri
        if not uri:
            embedded = EmbeddedServer(settings.data_dir)
            uri = await asyncio.to_thread(embedded.start)
        # Start-up passes (index builds, upgrades, seeding) may scan whole collections, and the other worker's
        # commands queue behind them on the embedded server: a start-up time limit, not the per-request timeoutMS
        # (at a million warnings the service did not start). Background tasks start after this block, so they keep
        # the per-request limit.
        with pymongo.timeout(settings.startup_timeout_seconds):
            await database.connect(uri, settings.database_name, all_documents(), on_command=count_db_command)
            serialise_transactions(database.is_embedded(),
                                   settings.data_dir / "transactions.lock")
            await migrations.upgrade()
            if not settings.is_production:
                await seed_demo_data()
                await seed_demo_identities()
            await register_manifest()  # the front end's documents, by hash (gql/service/persisted.py)
        # Public answers are dropped on every change-log batch, whichever worker wrote it.
        # Workers on this host wake each other after a write (gql/alerts/siblings.py), keyed by data and database.
        await start_hub(settings.subscriber_queue_size, on_change=public_cache.invalidate,
                        wake_dir=wake_directory(str(settings.data_dir.resolve()), uri, settings.database_name))
        monitor = DatabaseMonitor()
        monitor.start()
        upkeep = Maintenance(settings.maintenance_seconds)
        upkeep.start()
        webhook_worker = WebhookWorker()  # deliveries from the change log (gql/service/webhooks.py)
        webhook_worker.start()
        log.info("qsradar ready (%s mode)", settings.env)
        try:
            yield
        finally:
            # Each step is bounded: a stuck one is logged by name and the database is still closed and stopped
            # within the orchestrator's grace period (a CI run once saw a shutdown hang for 30 s, then SIGKILL).
            await bounded("webhook worker", webhook_worker.stop())
            # agency usage counted in memory, written before the database goes
            await bounded("agency usage flush", agency_usage.meter.stop())
            await bounded("maintenance", upkeep.stop())
            await bounded("database monitor", monitor.stop())
            await bounded("alert hub", stop_hub())
            await bounded("database client", database.disconnect())
            if embedded:
                await asyncio.to_thread(embedded.stop)
            log.info("qsradar stopped")

    graphql = QsradarGraphQL(graphiql=not settings.is_production)
    routes = [
        Route("/graphql/schema.graphql", schema_sdl),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/oauth/token", token_endpoint, methods=["POST"]),
        Route("/.well-known/oauth-authorization-server", metadata_endpoint),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint),
        Route("/feeds/warnings.atom", atom_feed),
        Route("/feeds/warnings.json", json_feed),
        Route("/export/{kind}.ndjson", export_endpoint),
        *UPLOAD_ROUTES,  # POST /uploads, GET /uploads/{id}
        Mount("/", app=frontend_app(settings.frontend_dir)),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={PyMongoError: database_error, Exception: unexpected_error})
    # Added last, so outermost: preflights and every answer (errors included) get the headers.
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origin_list, allow_methods=["GET", "POST"],
                       allow_headers=["Authorization", "Content-Type", "Accept"], max_age=600)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.frontend_dir))
    add_compression(app)  # GraphQL JSON over HTTP when asked for; assets come precompressed (frontend.py)
    add_tracing(app)  # QSRADAR_OTEL=otlp|console: OpenTelemetry spans for requests and database commands
    app.add_middleware(RequestIds)  # every answer and every log line of the request carries its id
    return GraphQLSocketsFirst(app, graphql)


class GraphQLSocketsFirst:
    """Outermost: a WebSocket on /graphql goes straight to the GraphQL view. The HTTP layers (request ids,
    compression, security headers, CORS, error pages, router) pass WebSockets through anyway, but each one's
    suspended call stays alive as long as the socket does: a few KB for each of thousands of idle subscriptions."""

    def __init__(self, app: ASGIApp, graphql: ASGIApp, path: str = "/graphql") -> None:
        self.app, self.graphql, self.path = app, graphql, path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == self.path:
            await self.graphql(scope, receive, send)
            return
        await self.app(scope, receive, send)


# No inline scripts except the built page's own (allowed by hash), no framing, nothing from other
# origins: the front end is same-origin bundles (its inline <style> and Vant's style attributes need
# 'unsafe-inline' for styles only). 'wasm-unsafe-eval' lets our own barcode reader (ZXing, WebAssembly)
# compile; it allows no JavaScript eval.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
       "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def content_security_policy(frontend_dir: Path) -> str:
    """The CSP, allowing exactly the inline scripts of the built index.html by their SHA-256 (CSP3 hashes)."""
    try:
        html = (frontend_dir / "index.html").read_text(encoding="utf-8")
    except OSError:
        html = ""
    hashes = "".join(f" 'sha256-{base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()}'"
                     for m in _INLINE_SCRIPT.finditer(html))
    return CSP.format(hashes=hashes)
# GraphiQL (development only) is one HTML page with an inline bootstrap script and React/GraphiQL from
# unpkg: only that page gets a relaxed policy.
GRAPHIQL_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
                "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https:; "
                "font-src 'self' data: https://unpkg.com; connect-src 'self'; object-src 'none'; "
                "base-uri 'self'; frame-ancestors 'none'")
COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(self), microphone=(), geolocation=(), payment=(), usb=()"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeaders:
    """Security headers on every HTTP answer; HSTS only when the request came over https (directly, or
    per X-Forwarded-Proto from a proxy in FORWARDED_ALLOW_IPS, which uvicorn applies to the scope)."""

    def __init__(self, app: ASGIApp, csp: str = CSP.format(hashes="")) -> None:
        self.app = app
        self.csp = csp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in COMMON_HEADERS:
                    headers.setdefault(name.decode(), value.decode())
                graphiql = scope["path"] == "/graphql" and headers.get("content-type", "").startswith("text/html")
                headers.setdefault("content-security-policy", GRAPHIQL_CSP if graphiql else self.csp)
                if scope.get("scheme") == "https":
                    headers.setdefault(HSTS[0].decode(), HSTS[1].decode())
            await send(message)

        await self.app(scope, receive, with_headers)


async def database_error(request: Request, exc: Exception) -> Response:
    """A database error outside GraphQL (feeds, /oauth/token): 503 in the contract's shape, no traceback."""
    log.warning("%s %s: database unavailable: %s", request.method, request.url.path, exc)
    response = database_unavailable()
    if request.url.path.startswith("/oauth/"):
        # RFC 6749 clients read `error`; the contract's `errors` stays for everyone else.
        response = JSONResponse({"error": "temporarily_unavailable",
                                 "error_description": "the service cannot reach its database; retry later",
                                 "errors": [{"message": INTERNAL_MESSAGE, "extensions": {"code": "INTERNAL"}}]},
                                status_code=503, headers={"Retry-After": response.headers["Retry-After"],
                                                          "Cache-Control": "no-store"})
    return response


async def unexpected_error(request: Request, exc: Exception) -> Response:
    """Any other unhandled error: logged with its traceback here, answered as INTERNAL without details."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"errors": [{"message": INTERNAL_MESSAGE, "extensions": {"code": "INTERNAL"}}]},
                        status_code=500)
