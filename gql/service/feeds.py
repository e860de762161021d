"""Public feeds of published announcements for readers that do not speak GraphQL: Atom and JSON Feed."""

from __future__ import annotations

from datetime import datetime

from feedgen.feed import FeedGenerator
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from auth.viewer import ANONYMOUS
from auth.visibility import warnings as visibility
from documents.enums import WarningStatus
from documents.settings import get_settings
from documents.warnings.models import Warning as WarningDoc
from gql.core.node import global_id

FEED_SIZE = 50
LEVEL_WORDS = {"RED": "I级 特别严重", "ORANGE": "II级 严重", "YELLOW": "III级 较重", "BLUE": "IV级 一般"}


async def _announcements() -> list[dict]:
    # The feeds are public: what an anonymous viewer may see, by the warning visibility rule.
    query = visibility.query_filter(ANONYMOUS)
    assert query is not None
    return await WarningDoc.get_pymongo_collection().find(query, {"search_text": 0}).sort("sort_key", -1) \
        .limit(FEED_SIZE).to_list(FEED_SIZE)


def _updated(doc: dict) -> datetime:
    history = doc.get("level_history") or []
    return max([doc["published_at"]] + [h["at"] for h in history])


def _title(doc: dict) -> str:
    lifted = "【已解除】" if doc["status"] == WarningStatus.LIFTED.value else ""
    return f"{lifted}[{LEVEL_WORDS[doc['level']]}] {doc['title']}"


async def atom_feed(request: Request) -> Response:
    """GET /feeds/warnings.atom"""
    base = get_settings().base_url  # configured, never the client-controlled Host header
    docs = await _announcements()
    fg = FeedGenerator()
    fg.id(f"{base}/feeds/warnings.atom")
    fg.title("qsradar 风险警示公告 Risk-warning announcements")
    fg.link(href=f"{base}/feeds/warnings.atom", rel="self")
    fg.link(href=f"{base}/", rel="alternate")
    fg.language("zh-CN")
    fg.updated(max((_updated(d) for d in docs), default=datetime.fromtimestamp(0).astimezone()))
    for d in reversed(docs):  # feedgen prepends entries
        entry = fg.add_entry()
        entry.id(f"urn:qsradar:warning:{d.get('code') or d['_id']}")
        entry.title(_title(d))
        entry.link(href=f"{base}/warnings/{global_id('Warning', d['_id'])}")
        entry.published(d["published_at"])
        entry.updated(_updated(d))
        entry.summary(d["summary"] + (f"\n\n{d['summary_en']}" if d.get("summary_en") else ""))
        entry.author({"name": d["issued_by"]})
        entry.category([{"term": d["level"]}, {"term": d["product_category"]}])
    return Response(fg.atom_str(pretty=True), media_type="application/atom+xml; charset=utf-8")


async def json_feed(request: Request) -> Response:
    """GET /feeds/warnings.json (JSON Feed 1.1)."""
    base = get_settings().base_url  # configured, never the client-controlled Host header
    docs = await _announcements()
    items = [{
        "id": d.get("code") or str(d["_id"]),
        "url": f"{base}/warnings/{global_id('Warning', d['_id'])}",
        "title": _title(d),
        "content_text": d["summary"],
        "summary": d.get("summary_en") or d["summary"][:200],
        "date_published": d["published_at"].isoformat(),
        "date_modified": _updated(d).isoformat(),
        "authors": [{"name": d["issued_by"]}],
        "tags": [d["level"], d["status"], d["product_category"]],
        "_qsradar": {"level": d["level"], "status": d["status"], "hsCodes": d.get("hs_codes", [])},
    } for d in docs]
    return JSONResponse({"version": "https://jsonfeed.org/version/1.1",
                         "title": "qsradar 风险警示公告 Risk-warning announcements", "language": "zh-CN",
                         "home_page_url": f"{base}/", "feed_url": f"{base}/feeds/warnings.json", "items": items},
                        media_type="application/feed+json")
