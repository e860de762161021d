"""Background tasks that stop in bounded time: a shutdown must reach the database's own stop whatever a task does."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable

log = logging.getLogger("qsradar.shutdown")

STOP_TIMEOUT_SECONDS = 3.0  # six steps at most 18 s: within k8s/base/api/deployment.yaml grace period


async def cancel_and_wait(task: asyncio.Task | None, seconds: float = STOP_TIMEOUT_SECONDS) -> None:
    """Cancel `task` and wait at most `seconds` for it to end; one that will not end is logged and left."""
    if task is None or task.done():
        return
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if not done:
        log.warning("shutdown: task %s did not end within %.0f s of its cancellation; going on", task.get_name(),
                    seconds)


async def bounded(step: str, work: Awaitable[object], seconds: float = STOP_TIMEOUT_SECONDS) -> None:
    """Await one shutdown step for at most `seconds`; a step that overruns is cancelled and left (not awaited: a
    step stuck on something that ignores cancellation would hold the stop again), one that fails is logged, and
    the next runs."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if not done:
        task.cancel()
        log.warning("shutdown: %s did not finish within %.0f s; going on", step, seconds)
    elif not task.cancelled() and (error := task.exception()) is not None:
        log.error("shutdown: %s failed; going on", step, exc_info=error)
