"""`python -m gql`: start the embedded database when needed, then uvicorn with WEB_CONCURRENCY workers.

The embedded server is started here, once, before the workers, so every worker shares it.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import uvicorn
from pydantic import ValidationError

from documents.db.embedded_server import EmbeddedServer
from documents.settings import Settings
from gql.service.logs import configure_logging


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
        uvicorn.run("gql.service.app:create_app", factory=True, host=settings.host, port=settings.port,
                    workers=settings.web_concurrency, log_level=settings.log_level, proxy_headers=True,
                    ws_ping_interval=settings.ws_keepalive_seconds, ws_ping_timeout=settings.ws_keepalive_seconds,
                    # Alerts are small JSON: compression cost ~20 KB and real CPU per socket for little gain.
                    ws_per_message_deflate=False,
                    # A frame or message over this closes the socket with 1009 (protocol messages are small).
                    ws_max_size=settings.ws_max_size,
                    timeout_graceful_shutdown=10)
    finally:
        if embedded:
            embedded.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
