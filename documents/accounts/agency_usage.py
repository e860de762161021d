"""Usage of each agency client per UTC day (requests, cost points, errors), without a database write per request.

Each process adds to counters in memory and flushes them every FLUSH_SECONDS (and at shutdown) with one `$inc`
upsert per (client, day). A crash loses at most the last FLUSH_SECONDS of counts of that process; a failed flush
keeps its counts for the next one. Documents: `_id` = "<client_id>|<YYYY-MM-DD>", so one client's days are one
`_id` range (served by the `_id` index) and every worker's upserts add to the same document.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from documents.accounts.agency_clients import AgencyClient
from documents.core.background import cancel_and_wait
from documents.core.clock import utcnow

FLUSH_SECONDS = 5.0
MAX_DAYS = 90
log = logging.getLogger("qsradar.agency_usage")


@dataclass(slots=True)
class UsageDay:
    """One client's usage on one UTC day."""

    day: date
    requests: int = 0
    cost: int = 0
    errors: int = 0


def _collection() -> Any:
    # Beside the clients, in the same database (counters only: no Beanie model to register).
    return AgencyClient.get_pymongo_collection().database["agency_usage"]


def _key(client_id: str, day: date) -> str:
    return f"{client_id}|{day.isoformat()}"


class UsageMeter:
    """This process's counts not yet flushed, per (client, day)."""

    def __init__(self) -> None:
        self._counts: defaultdict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0, 0])
        self._task: asyncio.Task[None] | None = None
        self._flush_lock = asyncio.Lock()

    def add(self, client_id: str, cost: int, error: bool, at: datetime | None = None) -> None:
        """Count one request (no I/O); starts the periodic flush on first use in a running loop."""
        counts = self._counts[(client_id, (at or utcnow()).date())]
        counts[0] += 1
        counts[1] += max(0, cost)
        counts[2] += int(error)
        self._ensure_flusher()

    def pending(self) -> int:
        """Requests counted but not yet written."""
        return sum(c[0] for c in self._counts.values())

    async def flush(self) -> int:
        """Write the pending counts (one `$inc` upsert per client and day); returns the requests written."""
        async with self._flush_lock:
            taken, self._counts = self._counts, defaultdict(lambda: [0, 0, 0])
            written = 0
            for (client_id, day), (requests, cost, errors) in taken.items():
                try:
                    await _collection().update_one(
                        {"_id": _key(client_id, day)},
                        {"$inc": {"requests": requests, "cost": cost, "errors": errors},
                         "$setOnInsert": {"client_id": client_id, "day": day.isoformat()}},
                        upsert=True)
                    written += requests
                except Exception:  # the database is away: keep the counts for the next flush
                    log.warning("agency usage flush failed; kept for the next one", exc_info=True)
                    kept = self._counts[(client_id, day)]
                    kept[0] += requests
                    kept[1] += cost
                    kept[2] += errors
            return written

    def _ensure_flusher(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._task = loop.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            await self.flush()

    async def stop(self) -> None:
        """At shutdown: stop the periodic flush and write what is pending (before the database disconnects)."""
        await cancel_and_wait(self._task)
        self._task = None
        await self.flush()


meter = UsageMeter()


async def usage_of(client_id: str, days: int, today: date | None = None) -> list[UsageDay]:
    """The last `days` UTC days of a client, oldest first, zeros where nothing was counted (flushed counts only)."""
    today = today or utcnow().date()
    first = today - timedelta(days=days - 1)
    found: dict[str, dict[str, Any]] = {}
    cursor = _collection().find({"_id": {"$gte": _key(client_id, first), "$lte": _key(client_id, today)}})
    async for doc in cursor:
        found[str(doc.get("day"))] = doc
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        doc = found.get(day.isoformat(), {})
        result.append(UsageDay(day=day, requests=int(doc.get("requests", 0)), cost=int(doc.get("cost", 0)),
                               errors=int(doc.get("errors", 0))))
    return result
