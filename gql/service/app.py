"""The Starlette application: lifespan (database, demo data, alert hub) and every HTTP route."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pymongo.errors import PyMongoError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute

from auth.demo_identities import seed_demo_identities
from auth.oauth_server import metadata_endpoint, token_endpoint
from documents.db import client as database
from documents.demo.data import seed_demo_data
from documents.db.embedded_server import EmbeddedServer
from documents.db import migrations
from documents.db.registry import all_documents
from documents.settings import Settings, get_settings
from documents.db.transactions import serialise_transactions
from gql.alerts.hub import start_hub, stop_hub
from gql.core.metrics import DB_COMMANDS
from gql.service.feeds import atom_feed, json_feed
from gql.service.frontend import frontend_app
from gql.service.health import DatabaseMonitor, healthz, readyz
from gql.service.logs import configure_logging
from gql.service.metrics import metrics_endpoint
from gql.service.public_cache import public_cache
from gql.core.errors import INTERNAL_MESSAGE
from gql.service.view import QsradarGraphQL, database_unavailable

log = logging.getLogger("qsradar")


def create_app(settings: Settings | None = None) -> Starlette:
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
        await database.connect(uri, settings.database_name, all_documents(), on_command=DB_COMMANDS.inc)
        serialise_transactions(await database.lacks_transaction_isolation(),
                               settings.data_dir / "transactions.lock")
        await migrations.upgrade()
        if not settings.is_production:
            await seed_demo_data()
            await seed_demo_identities()
        # Public answers are dropped on every change-log batch, whichever worker wrote it.
        await start_hub(settings.subscriber_queue_size, on_change=public_cache.invalidate)
        monitor = DatabaseMonitor()
        monitor.start()
        log.info("qsradar ready (%s mode)", settings.env)
        try:
            yield
        finally:
            await monitor.stop()
            await stop_hub()
            await database.disconnect()
            if embedded:
                await asyncio.to_thread(embedded.stop)

    graphql = QsradarGraphQL(graphiql=not settings.is_production)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/oauth/token", token_endpoint, methods=["POST"]),
        Route("/.well-known/oauth-authorization-server", metadata_endpoint),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint),
        Route("/feeds/warnings.atom", atom_feed),
        Route("/feeds/warnings.json", json_feed),
        Mount("/", app=frontend_app(settings.frontend_dir)),
    ]
    return Starlette(routes=routes, lifespan=lifespan,
                     exception_handlers={PyMongoError: database_error, Exception: unexpected_error})


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
