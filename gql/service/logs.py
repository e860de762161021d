"""Log set-up shared by the entry point and every worker process (uvicorn only configures its own loggers).

`QSRADAR_LOG_FORMAT=json` writes one JSON object per line with the request's id, operation, viewer role and
duration when a request is being served (set by RequestIds and gql.core.metrics.measuring_operation).
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gql.core.context import request_context

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"
REQUEST_FIELDS = ("request_id", "operation", "role", "duration_ms")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, pid, msg, the request's fields, and the exception if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {"ts": self.formatTime(record), "level": record.levelname, "logger": record.name,
                                 "pid": record.process, "msg": record.getMessage()}
        entry.update(request_context.get() or {})
        entry.update({k: getattr(record, k) for k in REQUEST_FIELDS if hasattr(record, k)})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def configure_logging(level: str) -> None:
    """Send the `qsradar.*` loggers to stderr once per process, as text or (QSRADAR_LOG_FORMAT=json) JSON lines."""
    logger = logging.getLogger("qsradar")
    if not logger.handlers:
        handler = logging.StreamHandler()
        json_lines = os.environ.get("QSRADAR_LOG_FORMAT", "text").lower() == "json"
        handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(LOG_FORMAT))
        logger.addHandler(handler)
        logger.setLevel(level.upper())
        logger.propagate = False
        # One line per GraphQL operation in JSON mode (for log search); text mode has uvicorn's access log.
        logging.getLogger("qsradar.requests").setLevel(logging.INFO if json_lines else logging.WARNING)


class RequestIds:
    """Gives every HTTP request an id (the client's `X-Request-ID` when it is a sane token), echoed in the answer
    and carried by every log line written while serving it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers", [])).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_context.set({"request_id": request_id})

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_context.reset(token)
