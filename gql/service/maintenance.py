"""Periodic upkeep in every worker: overdue recall duties become breaches (once each) and unclaimed uploads go.

Both sweeps are idempotent, so several workers running them costs a few queries and changes nothing twice.
"""

from __future__ import annotations

import asyncio
import logging

from documents.core.background import cancel_and_wait
from documents.uploads.actions import sweep as sweep_uploads
from gql.enterprises.duty_rule import sweep_overdue_duties

log = logging.getLogger("qsradar.maintenance")


class Maintenance:
    """Runs the sweeps every `interval` seconds until stopped (the first one an interval after start, so a start
    never races the seeding of demo data or a migration)."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="maintenance")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)

    async def run_once(self) -> None:
        breaches = await sweep_overdue_duties()
        removed = await sweep_uploads()
        if breaches or removed:
            log.info("maintenance: %d overdue-duty breaches recorded, %d unclaimed uploads removed",
                     len(breaches), removed)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # a database outage must not end upkeep for the life of the process
                log.exception("maintenance sweep failed; trying again later")
