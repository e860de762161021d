"""Liveness, readiness, and a monitor that logs when the database goes away and comes back."""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from documents.core.background import cancel_and_wait
from documents.db import client as database

log = logging.getLogger("qsradar.health")
MONITOR_INTERVAL_SECONDS = 2.0


async def healthz(request: Request) -> JSONResponse:
    """200 while the process runs."""
    return JSONResponse({"status": "alive"})


async def readyz(request: Request) -> JSONResponse:
    """200 only when the database answers."""
    if await database.ping():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "unavailable", "reason": "database does not answer"}, status_code=503)


class DatabaseMonitor:
    """Pings the database in the background and logs each change of state."""

    def __init__(self) -> None:
        self.ready = True
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="database-monitor")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(MONITOR_INTERVAL_SECONDS)
            ok = await database.ping()
            if ok != self.ready:
                if ok:
                    log.warning("database answers again; ready")
                else:
                    log.error("database does not answer; /readyz reports 503 until it is back")
                self.ready = ok
