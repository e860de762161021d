"""The webhook delivery worker (one per process; started and stopped by the app's lifespan).

- **Fan-out from the change log**: each enabled endpoint keeps its position in the log (`position`, persisted);
  a worker reads the alert entries after it (`gql.alerts.hub.read_log`, the subscriptions' own reader), keeps those
  the endpoint's owner may see (auth/visibility/webhooks.py → warnings.py, recalls.py), of its event types and
  level, and inserts one delivery per (event, endpoint) with a stable id (`webhook-id`), then moves the position
  only if no other worker moved it first. A restart resumes from the persisted position: nothing is lost, and a
  racing or repeated fan-out inserts the same ids, never a second delivery.
- **Sending**: every worker sends, but each delivery is **claimed atomically** (`find_one_and_update` pushes its
  due time by a lease) so one worker sends it; a worker that dies mid-send leaves it due again when the lease ends
  (at least once). Standard Webhooks headers and signature; httpx with a timeout and no redirects; the host's
  addresses are checked first (no loopback/private/link-local targets unless QSRADAR_WEBHOOK_ALLOW_PRIVATE).
- **Retries**: exponential back-off (QSRADAR_WEBHOOK_RETRY_BASE × 4^n) until QSRADAR_WEBHOOK_RETRY_WINDOW (24 h);
  then the delivery FAILED and the endpoint is disabled (audit entry `webhook_endpoint_disabled`, warning logged).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson
from pymongo.errors import PyMongoError

from auth.visibility import recalls as recall_visibility
from auth.visibility import warnings as warning_visibility
from auth.visibility import webhooks as visibility
from documents.accounts.agency_clients import AgencyClient
from documents.changelog.models import ChangeEvent
from documents.core.background import cancel_and_wait
from documents.enums import AlertEventType, WarningLevel, WebhookDeliveryStatus
from documents.settings import get_settings
from documents.webhooks import actions, rules
from documents.webhooks.models import WebhookEndpoint
from gql.alerts.hub import Delivery, event_matches_level, read_log
from gql.core import cursors
from gql.core.metrics import WEBHOOK_ENDPOINTS_DISABLED
from gql.core.node import global_id

log = logging.getLogger("qsradar.webhooks")
PARALLEL_SENDS = 8
USER_AGENT = "qsradar-webhooks/1 (+Standard Webhooks)"


def _iso(value: Any) -> str | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_body(d: Delivery) -> str:
    """The JSON body of one event: {"type", "timestamp", "data"} (Standard Webhooks)."""
    e, w = d.event, d.warning
    assert w is not None  # webhooks send warning alerts only (`Delivery.is_alert`)
    data: dict[str, Any] = {
        "cursor": cursors.encode("alert", int(e["seq"])), "type": e["type"], "level": e.get("level"),
        "previousLevel": e.get("previous_level"), "at": _iso(e.get("at")),
        "warning": {"id": global_id("Warning", w["_id"]), "code": w.get("code"), "title": w.get("title"),
                    "titleEn": w.get("title_en"), "level": w.get("level"), "kind": w.get("kind"),
                    "status": w.get("status"), "hazards": w.get("hazards", []),
                    "productCategory": w.get("product_category"), "hsCodes": w.get("hs_codes", []),
                    "originCountries": w.get("origin_countries", []), "publishedAt": _iso(w.get("published_at")),
                    "liftedAt": _iso(w.get("lifted_at"))},
        "recall": None,
    }
    if d.recall is not None:
        r = d.recall
        data["recall"] = {"id": global_id("Recall", r["_id"]), "code": r.get("code"),
                          "productName": r.get("product_name"), "type": r.get("type"), "status": r.get("status")}
    return orjson.dumps({"type": e["type"], "timestamp": _iso(e.get("at")), "data": data}).decode()


def wanted(endpoint: dict[str, Any], viewer: Any, d: Delivery) -> bool:
    """Whether an endpoint receives an event: its types, its level floor, its owner's visibility."""
    types = endpoint.get("event_types") or []
    if types and d.event["type"] not in types:
        return False
    if endpoint.get("min_level") and not event_matches_level(d.event, WarningLevel(endpoint["min_level"])):
        return False
    return d.warning is not None and warning_visibility.can_see(viewer, d.warning) and (
        d.recall is None or recall_visibility.can_see(viewer, d.recall))


async def refused_target(url: str) -> str | None:
    """Why a URL may not be reached now (its host resolves to a non-public address), or None."""
    if get_settings().webhook_allow_private:
        return None
    host = urlsplit(url).hostname or ""
    port = urlsplit(url).port or (443 if url.startswith("https") else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return f"cannot resolve {host}: {exc}"
    addresses = {str(info[4][0]) for info in infos}
    if not addresses or not all(rules.is_public_address(a) for a in addresses):
        return f"{host} resolves to a loopback, private or reserved address"
    return None


class WebhookWorker:
    """Fans out the change log to endpoints and sends due deliveries, every QSRADAR_WEBHOOK_POLL seconds."""

    def __init__(self) -> None:
        self.settings = get_settings()
        self._task: asyncio.Task | None = None
        self._client: httpx.AsyncClient | None = None

    def start(self) -> None:
        self._client = httpx.AsyncClient(timeout=self.settings.webhook_timeout_seconds, follow_redirects=False,
                                         headers={"user-agent": USER_AGENT}, trust_env=False)
        self._task = asyncio.create_task(self._run(), name="webhook-worker")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        if self._client:
            await self._client.aclose()

    async def _run(self) -> None:
        while True:
            try:
                await self.fan_out()
                await self.send_due()
            except asyncio.CancelledError:
                raise
            except PyMongoError as exc:
                log.warning("webhook worker: database unavailable (%s)", exc)
            except Exception:
                log.exception("webhook worker failed; continuing")
            await asyncio.sleep(self.settings.webhook_poll_seconds)

    async def fan_out(self) -> None:
        latest = await ChangeEvent.get_pymongo_collection().find_one({}, {"seq": 1}, sort=[("seq", -1)])
        if latest is None:
            return
        endpoints = WebhookEndpoint.get_pymongo_collection().find({"enabled": True, "position": {"$lt": latest["seq"]}})
        async for endpoint in endpoints:
            await self._fan_out_one(endpoint)

    async def _fan_out_one(self, endpoint: dict[str, Any]) -> None:
        scopes = None
        if endpoint.get("client_id"):
            client = await AgencyClient.find_one(AgencyClient.client_id == endpoint["client_id"])
            scopes = frozenset(s.value for s in client.scopes) if client and not client.disabled else frozenset()
        viewer = visibility.recipient(endpoint, scopes)
        position = int(endpoint["position"])
        more = True
        while more:
            deliveries, last, more = await read_log(position)
            # Warning alerts only: events without a warning (credit changes, complaint signals, watchlist matches)
            # stay on the `alerts` subscription.
            events = [(d.seq, AlertEventType(d.event["type"]), event_body(d)) for d in deliveries
                      if d.is_alert and viewer is not None and wanted(endpoint, viewer, d)]
            if not await actions.add_deliveries(endpoint["_id"], position, last, events):
                return  # another worker moved this endpoint on; it carries on from there
            position = last

    async def send_due(self) -> None:
        lease = self.settings.webhook_timeout_seconds + 30
        while True:
            claimed = []
            for _ in range(PARALLEL_SENDS):
                delivery = await actions.claim_due(lease)
                if delivery is None:
                    break
                claimed.append(delivery)
            if not claimed:
                return
            await asyncio.gather(*(self.send(d) for d in claimed))

    async def send(self, delivery: dict[str, Any]) -> None:
        endpoint = await WebhookEndpoint.get_pymongo_collection().find_one({"_id": delivery["endpoint_id"]})
        if endpoint is None or not endpoint.get("enabled", True):
            return  # deleted (its deliveries go with it) or disabled: stays pending until redelivered
        started = time.monotonic()
        status: int | None = None
        error = await refused_target(endpoint["url"])
        if error is None:
            timestamp = int(time.time())
            headers = {"content-type": "application/json", "webhook-id": delivery["_id"],
                       "webhook-timestamp": str(timestamp),
                       "webhook-signature": rules.sign(endpoint["secret"], delivery["_id"], timestamp,
                                                       delivery["body"])}
            try:
                assert self._client is not None
                response = await self._client.post(endpoint["url"], content=delivery["body"].encode(), headers=headers)
                status = response.status_code
                if not 200 <= status < 300:
                    error = f"HTTP {status}" + (" (redirects are not followed)" if 300 <= status < 400 else "")
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:300]
        elapsed_ms = int((time.monotonic() - started) * 1000)
        outcome = await actions.record_attempt(
            delivery, ok=error is None, status=status, error=error, elapsed_ms=elapsed_ms,
            retry_base=self.settings.webhook_retry_base_seconds,
            retry_window=self.settings.webhook_retry_window_seconds)
        if outcome["status"] == WebhookDeliveryStatus.FAILED.value:
            log.warning("webhook endpoint %s disabled: delivery %s failed for the whole retry window (%s)",
                        endpoint["_id"], delivery["_id"], error)
            await actions.disable_endpoint(endpoint["_id"], f"delivery {delivery['_id']} failed: {error}")
            WEBHOOK_ENDPOINTS_DISABLED.inc()  # QsradarWebhookEndpointDisabled tells the admin
