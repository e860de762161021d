"""Warning type and the `warnings` query; visibility is part of the query, never a filter on pages."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from auth.viewer import Viewer
from auth.visibility import can_read_recalls, visible_warning_kinds
from documents.query_shapes import has_element
from documents.enums import HazardType, Measure, WarningKind, WarningLevel, WarningStatus
from documents.warning import Warning as WarningDoc
from documents.warning import normalise_country
from gql import global_id
from gql.node import Node
from gql.errors import bad_input
from gql.loaders import WARNING_LIST_PROJECTION
from gql.pagination import Connection, Page, connection, count, keyset_page
from gql.permissions import viewer_of

if TYPE_CHECKING:
    from gql.enterprises import Enterprise
    from gql.recalls import Recall


@strawberry.type
class LevelChange:
    """One entry of a warning's history; `fromLevel` is null at publication."""

    from_level: WarningLevel | None
    to_level: WarningLevel
    reason: str
    by: str
    at: datetime


@strawberry.type
class Warning(Node):
    """A risk warning (风险预警)."""

    db_id: strawberry.Private[object]
    enterprise_usccs: strawberry.Private[list[str]]
    code: str | None
    title: str
    title_en: str | None
    level: WarningLevel
    kind: WarningKind
    status: WarningStatus
    hazards: list[HazardType]
    product_category: str
    hs_codes: list[str]
    origin_countries: list[str]
    regions: list[str]
    summary: str
    summary_en: str | None
    measures: list[Measure]
    issued_by: str
    authorization_ref: str | None
    published_at: datetime | None
    lifted_at: datetime | None
    level_history: list[LevelChange]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_id.encode("Warning", self.db_id))  # type: ignore[arg-type]

    @strawberry.field(description="Enterprises concerned.")
    async def enterprises(self, info: Info) -> list[Annotated[Enterprise, strawberry.lazy("gql.enterprises")]]:
        from gql.enterprises import Enterprise

        docs = await info.context.loaders.enterprise_by_uscc.load_many(self.enterprise_usccs)
        return [Enterprise.from_doc(d) for d in docs if d]

    @strawberry.field(description="Recalls linked to this warning.")
    async def recalls(self, info: Info) -> list[Annotated[Recall, strawberry.lazy("gql.recalls")]]:
        from gql.recalls import Recall

        if not can_read_recalls(viewer_of(info)):
            return []
        return [Recall.from_doc(d) for d in await info.context.loaders.recalls_by_warning.load(self.db_id)]

    @classmethod
    def from_doc(cls, d: dict) -> Warning:
        return cls(
            db_id=d["_id"], enterprise_usccs=d.get("enterprise_usccs", []), code=d.get("code"), title=d["title"],
            title_en=d.get("title_en"), level=WarningLevel(d["level"]), kind=WarningKind(d["kind"]),
            status=WarningStatus(d["status"]), hazards=[HazardType(h) for h in d["hazards"]],
            product_category=d["product_category"], hs_codes=d.get("hs_codes", []),
            origin_countries=d.get("origin_countries", []), regions=d.get("regions", []), summary=d["summary"],
            summary_en=d.get("summary_en"), measures=[Measure(m) for m in d.get("measures", [])],
            issued_by=d["issued_by"], authorization_ref=d.get("authorization_ref"),
            published_at=d.get("published_at"), lifted_at=d.get("lifted_at"),
            level_history=[LevelChange(from_level=WarningLevel(h["from_level"]) if h.get("from_level") else None,
                                       to_level=WarningLevel(h["to_level"]), reason=h["reason"], by=h["by"],
                                       at=h["at"]) for h in d.get("level_history", [])],
        )


@strawberry.input
class WarningFilter:
    levels: list[WarningLevel] | None = None
    kinds: list[WarningKind] | None = None
    statuses: list[WarningStatus] | None = None
    hazards: list[HazardType] | None = None
    product_category: str | None = None
    hs_code_prefix: str | None = None
    origin_country: str | None = None
    text: str | None = strawberry.field(default=None, description="Words in the Chinese or English title, summary or code.")
    published_after: datetime | None = None
    published_before: datetime | None = None
    enterprise_uscc: str | None = None


_VISIBLE_STATUSES = {WarningStatus.PUBLISHED, WarningStatus.LIFTED}


def warning_query(viewer: Viewer, f: WarningFilter | None) -> dict | None:
    """The MongoDB filter for a viewer and a filter; None when nothing can match."""
    kinds = set(WarningKind) if viewer.is_staff else set(visible_warning_kinds(viewer))
    statuses = set(WarningStatus) if viewer.is_staff else set(_VISIBLE_STATUSES)
    q: dict = {}
    if f is not None:
        if f.kinds:
            kinds &= set(f.kinds)
        if f.statuses:
            statuses &= set(f.statuses)
        if f.levels:
            q["level"] = {"$in": [lv.value for lv in f.levels]}
        if f.hazards:
            q["hazards"] = {"$in": [h.value for h in f.hazards]}
        if f.product_category and f.product_category.strip():
            q["product_category"] = {"$regex": re.escape(f.product_category.strip()), "$options": "i"}
        if f.hs_code_prefix:
            prefix = f.hs_code_prefix.replace(".", "").strip()
            if not prefix.isdigit() or not 2 <= len(prefix) <= 10:
                raise bad_input("hsCodePrefix must be digits", field="hsCodePrefix")
            q["hs_prefixes"] = has_element(prefix)
        if f.origin_country:
            q["origin_countries"] = has_element(normalise_country(f.origin_country))
        if f.text and f.text.strip():
            q["search_text"] = {"$regex": re.escape(f.text.strip().lower())}
        if f.published_after or f.published_before:
            span: dict = {}
            if f.published_after:
                span["$gte"] = f.published_after
            if f.published_before:
                span["$lt"] = f.published_before
            q["published_at"] = span
        if f.enterprise_uscc:
            q["enterprise_usccs"] = has_element(f.enterprise_uscc.strip().upper())
    if not kinds or not statuses:
        return None
    if len(kinds) < len(WarningKind):
        q["kind"] = {"$in": sorted(k.value for k in kinds)}
    if len(statuses) < len(WarningStatus):
        q["status"] = {"$in": sorted(s.value for s in statuses)}
    return q


async def _zero() -> int:
    return 0


@strawberry.type
class WarningQuery:
    @strawberry.field(description="Warnings the viewer may see, newest first.")
    async def warnings(self, info: Info, filter: WarningFilter | None = None, first: int | None = None,
                       after: str | None = None) -> Connection[Warning]:
        q = warning_query(viewer_of(info), filter)
        coll = WarningDoc.get_pymongo_collection()
        if q is None:
            return connection(Page([], False), Warning.from_doc, _zero)
        page = await keyset_page(coll, q, first, after, projection=WARNING_LIST_PROJECTION)
        return connection(page, Warning.from_doc, lambda: count(coll, q))
