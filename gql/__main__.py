"""`python -m gql`: start the embedded database when needed, then uvicorn with WEB_CONCURRENCY workers.

The embedded server is started here, once, before the workers, so every worker shares it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from pathlib import Path

import uvicorn
from pydantic import ValidationError
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from documents.db.embedded_server import EmbeddedServer
from documents.settings import Settings
from gql.service.logs import configure_logging
from gql.service.workers import run_workers

# Slowloris: uvicorn bounds idle keep-alive time but not how long a client may take to send its headers.
HEADER_TIMEOUT_SECONDS = 10.0


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, closing a connection whose request line and headers take longer than
    HEADER_TIMEOUT_SECONDS (nginx's client_header_timeout): slow senders cannot pile up for ever."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = self.loop.call_later(HEADER_TIMEOUT_SECONDS,
                                                                            self._headers_too_slow)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_timer is None:  # the next request on a kept-alive connection
            self._header_timer = self.loop.call_later(HEADER_TIMEOUT_SECONDS, self._headers_too_slow)

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main() -> int:
    configure_logging("info")
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"qsradar: refusing to start: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    embedded = None
    if not settings.mongodb_uri:
        embedded = EmbeddedServer(settings.data_dir)
        os.environ["MONGODB_URI"] = embedded.start()
    if settings.web_concurrency > 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Workers write their metrics here and /metrics sums them; stale files from a previous run go.
        metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or settings.data_dir.resolve() / "metrics")
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    # uvicorn drains, restores this handler and re-raises the signal: exit through `finally` so the
    # embedded database is stopped after the drain, not by the kernel when this process dies.
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        config = uvicorn.Config(
            "gql.service.app:create_app", factory=True, host=settings.host, port=settings.port,
            workers=settings.web_concurrency, log_level=settings.log_level, proxy_headers=True,
            ws_ping_interval=settings.ws_keepalive_seconds, ws_ping_timeout=settings.ws_keepalive_seconds,
            # Alerts are small JSON: compression cost ~20 KB and real CPU per socket for little gain.
            ws_per_message_deflate=False,
            # A frame or message over this closes the socket with 1009 (protocol messages are small).
            ws_max_size=settings.ws_max_size,
            timeout_graceful_shutdown=10,
            # uvicorn's supervisor kills a worker that misses its health ping for this long; 5 s (the default)
            # killed a worker busy fanning out to ~2,300 sockets, and all of them with it (bench.scale).
            timeout_worker_healthcheck=30,
            # Slow clients: headers within HEADER_TIMEOUT_SECONDS, idle keep-alive 5 s, and h11 (if
            # ever chosen) buffers at most 16 KB of an incomplete request line and headers.
            http="gql.__main__:HeaderTimeoutProtocol", timeout_keep_alive=5,
            h11_max_incomplete_event_size=16 * 1024)
        if settings.web_concurrency > 1:
            run_workers(config)  # a socket per worker: connections spread evenly (gql/service/workers.py)
        else:
            uvicorn.Server(config).run()
    finally:
        if embedded:
            embedded.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
