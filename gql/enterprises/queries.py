"""Enterprise queries: `enterprise(uscc:)` and `enterprises(filter:)` (public credit lookup, 企业信用查询), and the
review queue of credit applications (信用修复与异议审核队列)."""

from __future__ import annotations

import re
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from auth.visibility import enterprises as visibility
from documents.enterprises.models import CreditApplication as ApplicationDoc
from documents.enterprises.models import Enterprise as EnterpriseDoc
from documents.enterprises.models import check_uscc, search_form
from documents.enums import ChangeTopic, CreditApplicationKind, CreditLevel, EnterpriseType, ReviewState
from gql.core.connections import (
    FEED_PAGE,
    AfterArg,
    Connection,
    FeedConnection,
    FirstArg,
    UpdatedAfterArg,
    changed_ids,
    connection,
    empty_connection,
    keyset_page,
    narrowed,
    tombstones_since,
)
from gql.core.errors import bad_input
from gql.core.permissions import forbid, viewer_of
from gql.enterprises.credit import CreditApplication
from gql.enterprises.types import Enterprise, enterprises_by_uscc

MAX_TEXT = 100
DIVISION_PREFIX = re.compile(r"^\d{2}(\d{2}){0,2}$")


@strawberry.input(description="Filters on enterprises (企业筛选); every field narrows.")
class EnterpriseFilter:
    text: str | None = strawberry.field(default=None, description="Part of the Chinese or English name, the USCC or "
                                                                  "the customs code (名称/代码模糊查询); spaces and "
                                                                  "punctuation are ignored.")
    levels: list[CreditLevel] | None = strawberry.field(default=None, description="Credit levels (信用等级); agencies "
                                                                                  "need credit:read.")
    region: str | None = strawberry.field(default=None, description="A division code (行政区划代码: 44 or 440000 for "
                                                                    "a province, 440300 for a city) or part of the "
                                                                    "region's name.")
    types: list[EnterpriseType] | None = strawberry.field(default=None, description="Enterprise types (企业类型): any "
                                                                                    "of them.")
    aeo: bool | None = strawberry.field(default=None, description="Only AEO enterprises (true) or only others (false); "
                                                                  "agencies need credit:read.")


def _division_prefix(code: str) -> str:
    """The prefix a division code stands for: 440000 -> 44 (a province), 440300 -> 440300 (a city)."""
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


def enterprise_query(info: Info, f: EnterpriseFilter | None) -> dict[str, Any]:
    """The MongoDB filter of an enterprise list for the viewer."""
    viewer = viewer_of(info)
    q: dict[str, Any] = dict(visibility.query_filter(viewer))
    if f is None:
        return q
    if (f.levels or f.aeo is not None) and not visibility.can_read_credit_level(viewer):
        raise forbid("scope credit:read is required to filter by credit level")
    levels = set(f.levels or CreditLevel)
    if f.aeo is not None:
        aeo = {CreditLevel.AEO_ADVANCED, CreditLevel.AEO_CERTIFIED}
        levels &= aeo if f.aeo else set(CreditLevel) - aeo
    if f.levels or f.aeo is not None:
        q["credit_level"] = {"$in": [lv.value for lv in CreditLevel if lv in levels]}
    if f.types:
        q["types"] = {"$in": [t.value for t in f.types]}
    if f.text is not None and f.text.strip():
        if len(f.text) > MAX_TEXT:
            raise bad_input(f"text is longer than {MAX_TEXT} characters", field="filter.text")
        words = search_form(f.text)
        if words:
            q["search_text"] = {"$regex": re.escape(words)}
    if f.region is not None and f.region.strip():
        region = f.region.strip()
        if len(region) > MAX_TEXT:
            raise bad_input(f"region is longer than {MAX_TEXT} characters", field="filter.region")
        if region.isdigit():
            if not DIVISION_PREFIX.match(region):
                raise bad_input("a division code has 2, 4 or 6 digits", field="filter.region")
            q["region_code"] = {"$regex": "^" + _division_prefix(region)}
        else:
            q["region"] = {"$regex": re.escape(region), "$options": "i"}
    return q


@strawberry.type(name="EnterpriseConnection", description="A page of enterprises (企业分页). " + FEED_PAGE)
class EnterpriseConnection(FeedConnection[Enterprise]):
    """Enterprises page with tombstones (the contract's EnterpriseConnection)."""


EnterpriseFilterArg = Annotated[EnterpriseFilter | None, strawberry.argument(
    description="Narrows the list by name, code, level, type or region (筛选).")]


@strawberry.type
class EnterpriseQuery:
    @strawberry.field(description="An enterprise by its unified social credit code (统一社会信用代码); null when none "
                                  "is registered; BAD_USER_INPUT for a code whose check character is wrong.")
    async def enterprise(self, info: Info, uscc: Annotated[str, strawberry.argument(
            description="Unified social credit code (统一社会信用代码), 18 characters, check character "
                        "verified.")]) -> Enterprise | None:
        found = await enterprises_by_uscc(info, [check_uscc(uscc)])
        return found[0] if found else None

    @strawberry.field(description="Enterprises (企业信用查询), most recently registered first: public like the GACC "
                                  "credit lookup; the credit level needs credit:read for agencies.")
    async def enterprises(self, info: Info, filter: EnterpriseFilterArg = None, first: FirstArg = None,
                          after: AfterArg = None, updated_after: UpdatedAfterArg = None) -> EnterpriseConnection:
        base = enterprise_query(info, filter)
        q = narrowed(base, await changed_ids(ChangeTopic.ENTERPRISE, updated_after))
        deleted = await tombstones_since(ChangeTopic.ENTERPRISE, "Enterprise", updated_after, base) \
            if updated_after is not None and not after else []
        coll = EnterpriseDoc.get_pymongo_collection()
        page = await keyset_page(coll, q, first, after)
        return EnterpriseConnection.of(connection(page, Enterprise.from_doc, coll, q), deleted)

    @strawberry.field(description="Credit-repair applications and objections (信用修复与异议), nearest review deadline "
                                  "first: the regulators' review queue; an enterprise sees its own, credit:read "
                                  "agencies all; FORBIDDEN for others.")
    async def credit_applications(
        self, info: Info,
        states: Annotated[list[ReviewState] | None, strawberry.argument(description="States (审核状态).")] = None,
        kinds: Annotated[list[CreditApplicationKind] | None,
                         strawberry.argument(description="REPAIR or OBJECTION (修复/异议).")] = None,
        uscc: Annotated[str | None, strawberry.argument(description="One enterprise's (统一社会信用代码).")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> Connection[CreditApplication]:
        viewer = viewer_of(info)
        if viewer.is_anonymous or not visibility.can_read_applications(viewer):
            raise forbid("credit applications are visible to regulators, credit:read agencies and the enterprise")
        base = visibility.application_filter(viewer)
        if base is None:
            return empty_connection(first, after)
        q = dict(base)
        if states:
            q["state"] = {"$in": [s.value for s in states]}
        if kinds:
            q["kind"] = {"$in": [k.value for k in kinds]}
        if uscc is not None:
            code = check_uscc(uscc)
            if q.get("enterprise_uscc", code) != code:
                raise forbid("another enterprise's credit applications are not visible")
            q["enterprise_uscc"] = code
        coll = ApplicationDoc.get_pymongo_collection()
        page = await keyset_page(coll, q, first, after, sort_field="queue_key")
        return connection(page, CreditApplication.from_doc, coll, q, sort_field="queue_key")
