"""WarningFilter and its MongoDB query; what the viewer may see comes from auth.visibility.warnings."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from typing import Any

import strawberry
from bson import ObjectId

from auth.viewer import Viewer
from auth.visibility import warnings as visibility
from documents.db.query_shapes import has_element
from documents.enums import HazardType, WarningKind, WarningLevel, WarningStatus
from documents.warnings.actions import warnings_filed_under
from documents.warnings.models import filing_key, normalise_country
from gql.core.errors import bad_input


@strawberry.input(description="Filters on warnings (预警筛选); every field narrows, none widens visibility.")
class WarningFilter:
    levels: list[WarningLevel] | None = strawberry.field(default=None, description="Any of these levels (预警级别).")
    kinds: list[WarningKind] | None = strawberry.field(
        default=None, description="Any of these kinds (预警类型), within those the viewer may see.")
    statuses: list[WarningStatus] | None = strawberry.field(
        default=None, description="Any of these states (状态); DRAFT only matches for regulators and admins.")
    hazards: list[HazardType] | None = strawberry.field(default=None,
                                                       description="At least one of these hazard types (危害类型).")
    product_category: str | None = strawberry.field(
        default=None, description="Part of the product category (产品类别), case-insensitive.")
    hs_code_prefix: str | None = strawberry.field(
        default=None, description="HS code prefix (商品编码前缀), 2-10 digits (dots allowed).")
    origin_country: str | None = strawberry.field(default=None,
                                                  description="Origin country (原产国), ISO 3166-1 alpha-2 code.")
    text: str | None = strawberry.field(default=None,
                                        description="Words in the Chinese or English title, summary or code.")
    published_after: datetime | None = strawberry.field(
        default=None, description="Published at or after this time (发布时间起).")
    published_before: datetime | None = strawberry.field(
        default=None, description="Published before this time (发布时间止).")
    enterprise_uscc: str | None = strawberry.field(
        default=None, description="Names this enterprise (涉及企业), by its unified social credit code (USCC).")


def warning_query(viewer: Viewer, f: WarningFilter | None, include_lifted: bool = True) -> dict[str, Any] | None:
    """The MongoDB filter for a viewer and a filter; None when nothing can match."""
    statuses = set(f.statuses) if f and f.statuses else set(WarningStatus)
    if not include_lifted:
        statuses.discard(WarningStatus.LIFTED)
    q = visibility.query_filter(viewer, kinds=f.kinds if f and f.kinds else None, statuses=statuses)
    if q is None or f is None:
        return q
    if f.levels:
        q["level"] = {"$in": [lv.value for lv in f.levels]}
    if f.hazards:
        q["hazards"] = {"$in": [h.value for h in f.hazards]}
    if f.product_category and f.product_category.strip():
        q["product_category"] = {"$regex": re.escape(f.product_category.strip()), "$options": "i"}
    if f.hs_code_prefix:
        q["hs_prefixes"] = has_element(_hs_prefix(f.hs_code_prefix))
    if f.origin_country:
        q["origin_countries"] = has_element(normalise_country(f.origin_country))
    if f.text and f.text.strip():
        q["search_text"] = {"$regex": re.escape(f.text.strip().lower())}
    if f.published_after or f.published_before:
        span: dict[str, datetime] = {}
        if f.published_after:
            span["$gte"] = f.published_after
        if f.published_before:
            span["$lt"] = f.published_before
        q["published_at"] = span
    if f.enterprise_uscc:
        q["enterprise_usccs"] = has_element(_uscc(f.enterprise_uscc))
    return q


def _uscc(typed: str) -> str:
    return typed.strip().upper()


def _hs_prefix(typed: str) -> str:
    prefix = typed.replace(".", "").strip()
    if not prefix.isdigit() or not 2 <= len(prefix) <= 10:
        raise bad_input("hsCodePrefix must be digits", field="hsCodePrefix")
    return prefix


async def candidates(f: WarningFilter | None) -> list[ObjectId] | None:
    """The ids a filter on an enterprise, an HS code prefix or an origin can only be among (WarningKey entries, one
    indexed look-up each, intersected); None when it has none of them or each value is frequent (the list then
    walks its own order). The query still checks each warning's own fields."""
    if f is None:
        return None
    looked_up = []
    if f.enterprise_uscc:
        looked_up.append(warnings_filed_under(filing_key("uscc", _uscc(f.enterprise_uscc))))
    if f.hs_code_prefix:
        looked_up.append(warnings_filed_under(filing_key("hs", _hs_prefix(f.hs_code_prefix)), prefix=True))
    if f.origin_country:
        looked_up.append(warnings_filed_under(filing_key("origin", normalise_country(f.origin_country))))
    found = [ids for ids in await asyncio.gather(*looked_up) if ids is not None]
    if not found:
        return None
    common = set(found[0]).intersection(*found[1:])
    return [i for i in found[0] if i in common]
