"""Recall queries: `recalls` (public, keyset-paged, newest first), `recallDuties` (the enterprise's own, all for
staff) and `recallEffectiveness` (public statistics)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from auth.visibility import recalls as visibility
from documents.enterprises.models import Enterprise as EnterpriseDoc
from documents.enterprises.rules import validate_uscc
from documents.enums import AgencyScope, ChangeTopic, EffectivenessGroup, RecallStatus, RecallType
from documents.products.codes import classify
from documents.recalls import lookups as recall_lookups
from documents.recalls import rules
from documents.recalls.models import Recall as RecallDoc
from documents.recalls.models import normalise_gtin
from documents.warnings.models import Warning as WarningDoc
from gql.core.connections import (
    FEED_PAGE,
    AfterArg,
    Connection,
    FeedConnection,
    FirstArg,
    IncludeLiftedArg,
    Tombstone,
    UpdatedAfterArg,
    changed_ids,
    connection,
    keyset_page,
    narrowed,
    tombstones_since,
)
from gql.core.errors import bad_input
from gql.core.permissions import forbid, has_scope, unauthenticated, viewer_of
from gql.recalls.types import Recall, RecallDuty, RecallDutyFilter, duty_page

MAX_TEXT = 100
UNCATEGORISED = "未分类 Uncategorised"
UNBRANDED = "未标明品牌 No brand"


GroupByArg = Annotated[EffectivenessGroup, strawberry.argument(
    description="Group by category, brand or enterprise (统计口径).")]
SinceArg = Annotated[datetime | None, strawberry.argument(
    description="Only recalls announced at or after this time (起始时间).")]


@strawberry.input(description="Filters on recalls (召回筛选).")
class RecallFilter:
    text: str | None = strawberry.field(default=None, description="Words in the code, product name (zh/en), brand, "
                                                                  "model or hazard (全文检索).")
    brand: str | None = strawberry.field(default=None, description="Brand, as stored (品牌).")
    product_category: str | None = strawberry.field(default=None, description="Product category, as stored (产品类别).")
    statuses: list[RecallStatus] | None = strawberry.field(default=None, description="Only these statuses.")
    types: list[RecallType] | None = strawberry.field(default=None, description="Only voluntary or ordered recalls.")
    uscc: str | None = strawberry.field(default=None, description="The recalling enterprise's USCC (企业).")
    enterprise_uscc: str | None = strawberry.field(
        default=None, description="Same as `uscc` (kept for existing clients).",
        deprecation_reason="Use `uscc`.")
    gtin: str | None = strawberry.field(default=None, description="A GTIN barcode on the product (商品条码): is my "
                                                                  "product recalled?")
    announced_after: datetime | None = strawberry.field(default=None, description="Announced at or after (起).")
    announced_before: datetime | None = strawberry.field(default=None, description="Announced before (止).")


async def carrying_gtin(f: RecallFilter | None) -> list[Any] | None:
    """The ids of the recalls carrying the filter's GTIN (any spelling), through their code index; None without one."""
    if f is None or f.gtin is None:
        return None
    return await recall_lookups.carrying(classify(normalise_gtin(f.gtin)))


def recall_query(f: RecallFilter | None, gtin_ids: list[Any] | None = None) -> dict[str, Any]:
    """The filter as a query; `gtin_ids` are the recalls carrying its GTIN (`carrying_gtin`)."""
    q: dict[str, Any] = {}
    if f is None:
        return q
    if f.statuses:
        q["status"] = {"$in": [s.value for s in f.statuses]}
    if f.types:
        q["type"] = {"$in": [t.value for t in f.types]}
    uscc = f.uscc or f.enterprise_uscc
    if uscc:
        q["enterprise_uscc"] = validate_uscc(uscc, field="uscc" if f.uscc else "enterpriseUscc")
    if f.brand and f.brand.strip():
        q["brand"] = f.brand.strip()
    if f.product_category and f.product_category.strip():
        q["product_category"] = f.product_category.strip()
    if f.gtin is not None:
        q["_id"] = {"$in": gtin_ids or []}
    dates: dict[str, datetime] = {}
    if f.announced_after is not None:
        dates["$gte"] = f.announced_after
    if f.announced_before is not None:
        dates["$lt"] = f.announced_before
    if dates:
        q["announced_at"] = dates
    if f.text is not None and f.text.strip():
        text = f.text.strip()
        if len(text) > MAX_TEXT:
            raise bad_input(f"text is longer than {MAX_TEXT} characters", field="text")
        # Code, names, brand, model and hazard, lower-cased one per line (Recall.filter_text): one `$regex` on one
        # field, walked in `sort_key` order (a `$or` over seven fields ran in Python on the embedded server).
        q["filter_text"] = {"$regex": re.escape(" ".join(text.split()).lower())}
    return q


@strawberry.type(description="Recall effect of one group (召回效果): recalls, units and the completion rate.")
class RecallEffectiveness:
    key: str = strawberry.field(description="The category, brand or enterprise USCC the row is about.")
    label: str | None = strawberry.field(description="A readable name for the key (the enterprise's name); null "
                                                     "when the key is readable.")
    recalls: int = strawberry.field(description="Number of recalls (召回次数).")
    units_affected: int = strawberry.field(description="Units concerned, summed (涉及数量).")
    units_recovered: int = strawberry.field(description="Units recovered, summed (已召回数量).")
    refunds_cny: float = strawberry.field(description="Refunds in CNY, summed (退款金额).")
    completion_rate: float = strawberry.field(description="Units recovered / units affected over the group, 0 to 1 "
                                                          "(完成率).")


async def _categories(docs: list[dict]) -> dict[Any, str]:
    """The product category of each recall's warning, for recalls that record none themselves."""
    ids = list({d["warning_id"] for d in docs if not d.get("product_category") and d.get("warning_id")})
    if not ids:
        return {}
    cursor = WarningDoc.get_pymongo_collection().find({"_id": {"$in": ids}}, {"product_category": 1})
    return {w["_id"]: w["product_category"] async for w in cursor}


@strawberry.type(name="RecallConnection", description="A page of recalls (召回分页). " + FEED_PAGE)
class RecallConnection(FeedConnection[Recall]):
    """Recalls page with tombstones (the contract's RecallConnection)."""


RecallFilterArg = Annotated[RecallFilter | None, strawberry.argument(
    description="Narrows the list (筛选); never widens what the viewer may see.")]
DutyFilterArg = Annotated[RecallDutyFilter | None, strawberry.argument(
    description="Narrows the list by state, enterprise or kind (筛选).")]


@strawberry.type
class RecallQuery:
    @strawberry.field(description="Recalls, newest first (召回列表).",
                      permission_classes=[has_scope(AgencyScope.RECALLS_READ)])
    async def recalls(self, info: Info, filter: RecallFilterArg = None, first: FirstArg = None,
                      after: AfterArg = None, updated_after: UpdatedAfterArg = None,
                      include_lifted: IncludeLiftedArg = True) -> RecallConnection:
        restriction = visibility.query_filter(viewer_of(info))
        assert restriction is not None  # the permission class refused every viewer who sees none
        base = {**recall_query(filter, await carrying_gtin(filter)), **restriction}
        changed = await changed_ids(ChangeTopic.RECALL, updated_after)
        q = narrowed(base, changed)
        if not include_lifted:  # a closed recall is no longer in force
            q = {"$and": [q, {"status": {"$ne": RecallStatus.CLOSED.value}}]}
        coll = RecallDoc.get_pymongo_collection()
        deleted: list[Tombstone] = []
        if updated_after is not None and not after:
            closed: list[tuple[Any, datetime]] = []
            if not include_lifted:  # closed since: withdrawn from this list
                closed = [(r["_id"], r["closed_at"]) async for r in coll.find(
                    {"$and": [base, {"status": {"$in": [RecallStatus.CLOSED.value]},
                                     "closed_at": {"$gte": updated_after}}]}, {"closed_at": 1})]
            deleted = await tombstones_since(ChangeTopic.RECALL, "Recall", updated_after, base, closed)
        page = await keyset_page(coll, q, first, after)
        return RecallConnection.of(connection(page, Recall.from_doc, coll, q), deleted)

    @strawberry.field(description="Recall duties, soonest deadline first (召回义务): an enterprise sees its own, "
                                  "regulators every enterprise's (e.g. states: [OVERDUE]); FORBIDDEN for others.")
    async def recall_duties(self, info: Info, filter: DutyFilterArg = None, first: FirstArg = None,
                            after: AfterArg = None) -> Connection[RecallDuty]:
        viewer = viewer_of(info)
        restriction = visibility.duty_filter(viewer)
        if restriction is None:
            if viewer.is_anonymous:
                raise unauthenticated()
            raise forbid("recall duties are visible to the enterprise itself and to regulators")
        return await duty_page(info, restriction, filter, first, after)

    @strawberry.field(description="Recall effectiveness (召回效果评估) grouped by category, brand or enterprise, over "
                                  "recalls announced since `since` (all when null): public; agencies need "
                                  "recalls:read.",
                      permission_classes=[has_scope(AgencyScope.RECALLS_READ)])
    async def recall_effectiveness(
            self, info: Info, group_by: GroupByArg,
            since: SinceArg = None
    ) -> list[RecallEffectiveness]:
        restriction = visibility.query_filter(viewer_of(info))
        assert restriction is not None
        # `find`, not an aggregation: the embedded server's `$match` compares dates wrongly (query_shapes.py).
        q: dict[str, Any] = {**restriction, **({"announced_at": {"$gte": since}} if since else {})}
        fields = {"enterprise_uscc": 1, "brand": 1, "product_category": 1, "warning_id": 1, "units_affected": 1,
                  "units_recovered": 1, "refunds_cny": 1}
        docs = await RecallDoc.get_pymongo_collection().find(q, fields).to_list(None)
        categories = await _categories(docs) if group_by is EffectivenessGroup.CATEGORY else {}

        def key(d: dict) -> str:
            if group_by is EffectivenessGroup.BRAND:
                return d.get("brand") or UNBRANDED
            if group_by is EffectivenessGroup.ENTERPRISE:
                return str(d["enterprise_uscc"])
            return d.get("product_category") or categories.get(d.get("warning_id")) or UNCATEGORISED

        rows = rules.effectiveness(rules.EffectRow(key(d), int(d["units_affected"]), int(d.get("units_recovered", 0)),
                                                   float(d.get("refunds_cny") or 0.0)) for d in docs)
        names: dict[str, str] = {}
        if group_by is EffectivenessGroup.ENTERPRISE and rows:
            cursor = EnterpriseDoc.get_pymongo_collection().find({"uscc": {"$in": [r.key for r in rows]}},
                                                                 {"uscc": 1, "name": 1})
            names = {e["uscc"]: e["name"] async for e in cursor}
        return [RecallEffectiveness(key=r.key, label=names.get(r.key), recalls=r.recalls,
                                    units_affected=r.units_affected, units_recovered=r.units_recovered,
                                    refunds_cny=r.refunds_cny, completion_rate=r.completion_rate) for r in rows]


