"""Risk warnings: life cycle with history, validation, visibility per role, pagination, filters, feeds."""

from __future__ import annotations

import asyncio
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from bson import SON
from pymongo import AsyncMongoClient

from documents.demo.data import DEMO_USCC
from documents.warnings.models import Warning as WarningDoc
from tests import stack as stack_mod
from tests.stack import Stack, code_of, without_extensions

FIELDS = "id code title titleEn level kind status hazards productCategory hsCodes originCountries summary measures " \
         "issuedBy authorizationRef publishedAt liftedAt levelHistory { fromLevel toLevel reason by at }"
ISSUE = f"mutation($i: IssueWarningInput!) {{ issueWarning(input: $i) {{ {FIELDS} }} }}"
ADJUST = f"mutation($id: ID!, $l: WarningLevel!, $r: String!) {{ adjustWarningLevel(id: $id, level: $l, reason: $r) {{ {FIELDS} }} }}"
LIFT = f"mutation($id: ID!, $r: String!) {{ liftWarning(id: $id, reason: $r) {{ {FIELDS} }} }}"
LIST = "query($f: WarningFilter, $n: Int, $a: String) { warnings(filter: $f, first: $n, after: $a) { totalCount " \
       "edges { cursor node { id code title level kind status } } pageInfo { hasNextPage endCursor } } }"
NODE = "query($id: ID!) { node(id: $id) { id ... on Warning { code kind status } } }"

ROLES = ["anonymous", "consumer", "enterprise", "regulator", "admin", "agency", "agency_warnings", "agency_circulars",
         "agency_none"]
# The contract's visibility table for warnings, per kind (published or lifted) and for drafts.
VISIBLE = {
    "ANNOUNCEMENT": {"anonymous", "consumer", "enterprise", "regulator", "admin", "agency", "agency_warnings"},
    "NOTICE": {"enterprise", "regulator", "admin", "agency", "agency_warnings"},
    "CIRCULAR": {"regulator", "admin", "agency", "agency_circulars"},
    "DRAFT": {"regulator", "admin"},
}



def warning_input(**overrides: object) -> dict:
    base = {"title": f"测试预警 {uuid.uuid4().hex[:6]}", "titleEn": "Test warning", "level": "ORANGE",
            "kind": "ANNOUNCEMENT", "hazards": ["PHYSICAL"], "productCategory": "移动电源 Power banks",
            "hsCodes": ["8507.60"], "originCountries": ["cn"], "summary": "过热起火风险 overheating", "measures":
            ["DEFECT_RECALL"], "enterpriseUsccs": ["91440300MA5DEM1X0R"]}
    base.update(overrides)
    return base


@pytest.fixture(scope="module")
def viewers(live_server: Stack, tokens: dict[str, str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {"anonymous": None, **{r: tokens[r] for r in ("consumer", "enterprise", "regulator", "admin", "agency")}}
    out["agency_warnings"] = live_server.agency_token("warnings:read").json()["access_token"]
    out["agency_circulars"] = live_server.agency_token("circulars:read").json()["access_token"]
    out["agency_none"] = live_server.agency_token("recalls:read").json()["access_token"]
    return out


@pytest.fixture(scope="module")
def one_of_each(live_server: Stack, tokens: dict[str, str]) -> dict[str, dict]:
    """A fresh warning of each kind, plus a draft, tagged with a unique category."""
    tag = f"vis-{uuid.uuid4().hex[:8]}"
    out = {}
    for kind in ("ANNOUNCEMENT", "NOTICE", "CIRCULAR"):
        body = live_server.gql(ISSUE, {"i": warning_input(kind=kind, productCategory=tag)}, token=tokens["regulator"])
        out[kind] = body["data"]["issueWarning"]
    body = live_server.gql(ISSUE, {"i": warning_input(kind="ANNOUNCEMENT", productCategory=tag, draft=True)},
                           token=tokens["regulator"])
    out["DRAFT"] = body["data"]["issueWarning"]
    out["tag"] = {"category": tag}  # type: ignore[assignment]
    return out


def test_issue_publishes_with_code_and_history(live_server: Stack, tokens: dict[str, str]) -> None:
    w = live_server.gql(ISSUE, {"i": warning_input()}, token=tokens["regulator"])["data"]["issueWarning"]
    assert w["status"] == "PUBLISHED" and w["code"].startswith("RW-2026-")
    assert w["hsCodes"] == ["850760"] and w["originCountries"] == ["CN"]
    assert w["levelHistory"] == [{"fromLevel": None, "toLevel": "ORANGE", "reason": "published",
                                  "by": w["levelHistory"][0]["by"], "at": w["publishedAt"]}]
    nxt = live_server.gql(ISSUE, {"i": warning_input()}, token=tokens["regulator"])["data"]["issueWarning"]
    assert int(nxt["code"].rsplit("-", 1)[1]) == int(w["code"].rsplit("-", 1)[1]) + 1


def test_life_cycle_adjust_then_lift(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    w = live_server.gql(ISSUE, {"i": warning_input(level="YELLOW")}, token=reg)["data"]["issueWarning"]
    up = live_server.gql(ADJUST, {"id": w["id"], "l": "ORANGE", "r": "更多伤害报告"}, token=reg)["data"]["adjustWarningLevel"]
    assert up["level"] == "ORANGE"
    assert [(h["fromLevel"], h["toLevel"]) for h in up["levelHistory"]] == [(None, "YELLOW"), ("YELLOW", "ORANGE")]
    assert up["levelHistory"][1]["reason"] == "更多伤害报告"
    # RED needs its State Council authorisation
    red = live_server.gql(ADJUST, {"id": w["id"], "l": "RED", "r": "worse"}, token=reg)
    assert code_of(red) == "BAD_USER_INPUT" and red["errors"][0]["extensions"]["field"] == "authorizationRef"
    same = live_server.gql(ADJUST, {"id": w["id"], "l": "ORANGE", "r": "again"}, token=reg)
    assert code_of(same) == "CONFLICT"
    lifted = live_server.gql(LIFT, {"id": w["id"], "r": "风险已消除"}, token=reg)["data"]["liftWarning"]
    assert lifted["status"] == "LIFTED" and lifted["liftedAt"] and len(lifted["levelHistory"]) == 3
    # LIFTED is final
    assert code_of(live_server.gql(ADJUST, {"id": w["id"], "l": "BLUE", "r": "x"}, token=reg)) == "CONFLICT"
    assert code_of(live_server.gql(LIFT, {"id": w["id"], "r": "x"}, token=reg)) == "CONFLICT"
    missing = live_server.gql(LIFT, {"id": "V2FybmluZzo2YjA0MDczYTQwMzIzMTZiNzYzMTg4YjA", "r": "x"}, token=reg)
    assert code_of(missing) == "NOT_FOUND"


def test_drafts_do_not_change_level_but_publish(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    d = live_server.gql(ISSUE, {"i": warning_input(draft=True)}, token=reg)["data"]["issueWarning"]
    assert d["status"] == "DRAFT" and d["code"] is None and d["levelHistory"] == []
    assert code_of(live_server.gql(ADJUST, {"id": d["id"], "l": "RED", "r": "x"}, token=reg)) == "CONFLICT"
    pub = live_server.gql("mutation($id: ID!) { publishWarning(id: $id) { status code } }", {"id": d["id"]}, token=reg)
    assert pub["data"]["publishWarning"]["status"] == "PUBLISHED"


def test_many_drafts_coexist_and_codes_are_unique_only_when_set(live_server: Stack, tokens: dict[str, str]) -> None:
    """Drafts have no code: a plain unique index (which MongoDB applies to null) refused the second one."""
    reg = tokens["regulator"]
    drafts = [live_server.gql(ISSUE, {"i": warning_input(draft=True)}, token=reg) for _ in range(2)]
    assert all("errors" not in d and d["data"]["issueWarning"]["code"] is None for d in drafts), drafts
    # What MongoDB is asked for: unique over string codes only (a plain unique index refuses a second null).
    declared = [m.document for m in WarningDoc.Settings.indexes if list(m.document["key"]) == ["code"]]
    assert declared == [{"key": SON([("code", 1)]), "name": "code_unique", "unique": True,
                         "partialFilterExpression": {"code": {"$type": "string"}}}]
    # What the server built. nx-27017 reports neither names nor partial filters in index_information()
    # (README, embedded-server notes); a real MongoDB reports the filter, which is checked when it does.
    indexes = asyncio.run(_warning_indexes(live_server))
    code_indexes = [spec for spec in indexes.values() if spec["key"] == [("code", 1)]]
    assert len(code_indexes) == 1 and code_indexes[0].get("unique") is True, indexes
    if "partialFilterExpression" in code_indexes[0] or not live_server.embedded_db():
        assert code_indexes[0]["partialFilterExpression"] == {"code": {"$type": "string"}}


async def _warning_indexes(live_server: Stack) -> dict:
    client: AsyncMongoClient = AsyncMongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/"
                                                "?directConnection=true")
    try:
        return await client["qsradar"]["warnings"].index_information()
    finally:
        await client.close()


@pytest.mark.parametrize("overrides, field", [
    ({"title": "   "}, "title"),
    ({"summary": ""}, "summary"),
    ({"hazards": []}, "hazards"),
    ({"originCountries": ["XX"]}, "originCountries"),
    ({"originCountries": ["China"]}, "originCountries"),
    ({"hsCodes": ["85A7"]}, "hsCodes"),
    ({"hsCodes": ["850"]}, "hsCodes"),
    ({"level": "RED"}, "authorizationRef"),
    ({"enterpriseUsccs": ["123"]}, "enterpriseUsccs"),
    ({"titleEn": "x" * 201}, "titleEn"),
    ({"summaryEn": "x" * 5001}, "summaryEn"),
])
def test_validation_names_the_field(live_server: Stack, tokens: dict[str, str], overrides: dict, field: str) -> None:
    body = live_server.gql(ISSUE, {"i": warning_input(**overrides)}, token=tokens["regulator"])
    assert code_of(body) == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["field"] == field


def test_red_with_authorisation_is_accepted(live_server: Stack, tokens: dict[str, str]) -> None:
    body = live_server.gql(ISSUE, {"i": warning_input(level="RED", authorizationRef="国务院授权〔2026〕第1号")},
                           token=tokens["regulator"])
    assert body["data"]["issueWarning"]["authorizationRef"] == "国务院授权〔2026〕第1号"


@pytest.mark.parametrize("role", ["anonymous", "consumer", "enterprise", "admin", "agency"])
def test_only_regulators_issue_adjust_and_lift(live_server: Stack, tokens: dict[str, str], role: str) -> None:
    token = tokens.get(role)
    expected = "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"
    assert code_of(live_server.gql(ISSUE, {"i": warning_input()}, token=token)) == expected
    target = live_server.gql(ISSUE, {"i": warning_input()}, token=tokens["regulator"])["data"]["issueWarning"]
    assert code_of(live_server.gql(ADJUST, {"id": target["id"], "l": "BLUE", "r": "x"}, token=token)) == expected
    assert code_of(live_server.gql(LIFT, {"id": target["id"], "r": "x"}, token=token)) == expected


@pytest.mark.parametrize("role", ROLES)
def test_visibility_in_lists_counts_and_node(live_server: Stack, viewers: dict, one_of_each: dict, role: str) -> None:
    token = viewers[role]
    body = live_server.gql(LIST, {"f": {"productCategory": one_of_each["tag"]["category"]}, "n": 50}, token=token)
    seen = {e["node"]["id"] for e in body["data"]["warnings"]["edges"]}
    expected = {one_of_each[k]["id"] for k, roles in VISIBLE.items() if role in roles}
    assert seen == expected
    assert body["data"]["warnings"]["totalCount"] == len(expected)
    for key in VISIBLE:
        node = live_server.gql(NODE, {"id": one_of_each[key]["id"]}, token=token)["data"]["node"]
        assert (node is not None) == (role in VISIBLE[key]), key


@pytest.mark.parametrize("role", ["anonymous", "consumer", "agency_none"])
def test_filters_cannot_widen_visibility(live_server: Stack, viewers: dict, one_of_each: dict, role: str) -> None:
    f = {"productCategory": one_of_each["tag"]["category"], "kinds": ["CIRCULAR", "NOTICE"],
         "statuses": ["DRAFT", "PUBLISHED"]}
    body = live_server.gql(LIST, {"f": f}, token=viewers[role])
    assert body["data"]["warnings"]["totalCount"] == 0 and body["data"]["warnings"]["edges"] == []


def test_keyset_pagination_is_complete_and_ordered(live_server: Stack, tokens: dict[str, str]) -> None:
    tag = f"page-{uuid.uuid4().hex[:8]}"
    issued = [live_server.gql(ISSUE, {"i": warning_input(productCategory=tag)}, token=tokens["regulator"])
              ["data"]["issueWarning"]["id"] for _ in range(7)]
    seen, after, pages = [], None, 0
    while True:
        conn = live_server.gql(LIST, {"f": {"productCategory": tag}, "n": 3, "a": after})["data"]["warnings"]
        assert conn["totalCount"] == 7
        seen += [e["node"]["id"] for e in conn["edges"]]
        pages += 1
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert pages == 3 and seen == list(reversed(issued))


def test_first_is_capped_at_100(fresh_dir: Path) -> None:
    """With more than 100 warnings, `first: 500` gives exactly 100 and says there is more."""
    with stack_mod.running(fresh_dir) as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]
        for i in range(100):
            assert "errors" not in s.gql(ISSUE, {"i": warning_input(title=f"上限 cap {i}")}, token=token)
        body = s.gql("{ warnings(first: 500) { totalCount edges { cursor } pageInfo { hasNextPage } } }")
    page = body["data"]["warnings"]
    assert page["totalCount"] > 100
    assert len(page["edges"]) == 100 and page["pageInfo"]["hasNextPage"] is True


@pytest.mark.parametrize("f, expect_code", [
    ({"levels": ["RED"]}, "RW-2025-000001"),
    ({"hazards": ["CHEMICAL"], "text": "邻苯二甲酸酯"}, "RW-2025-000009"),
    ({"text": "PHTHALATES"}, "RW-2025-000009"),
    ({"hsCodePrefix": "8507"}, "RW-2025-000001"),
    ({"originCountry": "gb", "kinds": ["ANNOUNCEMENT"]}, None),
    ({"statuses": ["LIFTED"]}, "RW-2024-000001"),
    ({"publishedAfter": "2025-10-01T00:00:00+00:00", "publishedBefore": "2025-10-31T00:00:00+00:00"}, "RW-2025-000007"),
])
def test_filters_on_demo_data(live_server: Stack, f: dict, expect_code: str | None) -> None:
    edges = live_server.gql(LIST, {"f": f, "n": 100})["data"]["warnings"]["edges"]
    codes = [e["node"]["code"] for e in edges]
    if expect_code is None:
        assert codes == []
    else:
        assert expect_code in codes


@pytest.mark.parametrize("f", [
    {"levels": ["RED", "ORANGE"]}, {"kinds": ["ANNOUNCEMENT"]}, {"statuses": ["LIFTED"]}, {"hazards": ["CHEMICAL"]},
    {"productCategory": "玩具"}, {"hsCodePrefix": "85"}, {"originCountry": "CN"}, {"text": "power"},
    {"publishedAfter": "2030-01-01T00:00:00Z"}, {"publishedAfter": "2025-03-01T00:00:00Z"},
    {"publishedBefore": "2025-03-01T00:00:00Z"},
    {"publishedAfter": "2025-01-01T00:00:00Z", "publishedBefore": "2025-06-01T00:00:00Z", "levels": ["RED"]},
    {"enterpriseUscc": DEMO_USCC},
])
@pytest.mark.parametrize("role", ["anonymous", "regulator"])
@pytest.mark.parametrize("since", [None, "2020-01-01T00:00:00Z"])
def test_total_count_agrees_with_the_pages(live_server: Stack, viewers: dict, f: dict, role: str,
                                           since: str | None) -> None:
    """totalCount equals what paging through returns, for every filter field, with and without the change feed's
    updatedAfter (it once ignored publishedAfter; with updatedAfter it was INTERNAL, or 0 beside a full page)."""
    query = ("query($f: WarningFilter, $a: String, $u: DateTime) { warnings(filter: $f, first: 7, after: $a, "
             "updatedAfter: $u) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }")
    seen: list[str] = []
    after = None
    while True:
        body = live_server.gql(query, {"f": f, "a": after, "u": since}, token=viewers[role])
        assert "errors" not in body, body
        page = body["data"]["warnings"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert page["totalCount"] == len(seen) == len(set(seen)), f


def test_bad_filters_are_bad_input(live_server: Stack) -> None:
    assert code_of(live_server.gql(LIST, {"f": {"originCountry": "Mars"}})) == "BAD_USER_INPUT"
    assert code_of(live_server.gql(LIST, {"f": {"hsCodePrefix": "85.x"}})) == "BAD_USER_INPUT"
    assert code_of(live_server.gql(LIST, {"f": {"levels": ["PURPLE"]}})) == "BAD_USER_INPUT"


def test_nested_enterprises_and_recalls(live_server: Stack) -> None:
    body = live_server.gql('{ warnings(filter: {hsCodePrefix: "850760", levels: [RED]}, first: 5) { edges { node { code '
                           'enterprises { uscc name creditLevel } recalls { code unitsAffected unitsRecovered '
                           'refundsCny completionRate enterprise { name } } } } } }')
    node = next(e["node"] for e in body["data"]["warnings"]["edges"] if e["node"]["code"] == "RW-2025-000001")
    assert len(node["enterprises"]) == 3
    anker = next(r for r in node["recalls"] if "Anker" in r["enterprise"]["name"] or "安克" in r["enterprise"]["name"])
    assert anker["unitsRecovered"] == 565_000 and anker["completionRate"] == 0.787 and anker["refundsCny"] == 85_664_000


def test_atom_and_json_feeds(live_server: Stack, tokens: dict[str, str], one_of_each: dict) -> None:
    atom = httpx.get(f"{live_server.base_url}/feeds/warnings.atom")
    assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(atom.content).findall("a:entry", ns)
    titles = [e.find("a:title", ns).text for e in entries]
    assert any(one_of_each["ANNOUNCEMENT"]["title"] in t for t in titles)
    assert not any(one_of_each["NOTICE"]["title"] in t or one_of_each["CIRCULAR"]["title"] in t for t in titles)
    assert not any(one_of_each["DRAFT"]["title"] in t for t in titles)
    assert all(e.find("a:updated", ns) is not None and e.find("a:published", ns) is not None for e in entries)
    feed = httpx.get(f"{live_server.base_url}/feeds/warnings.json").json()
    assert feed["version"].startswith("https://jsonfeed.org/version/1")
    assert all(item["date_published"] for item in feed["items"])
    assert {i["title"] for i in feed["items"]} == set(titles)


def test_public_answers_are_cached_until_a_warning_changes(live_server: Stack, tokens: dict[str, str]) -> None:
    query = {"query": "{ warnings(first: 5) { totalCount edges { node { id title } } } }"}
    url = f"{live_server.base_url}/graphql"
    first = httpx.post(url, json=query)
    second = httpx.post(url, json=query)
    assert second.headers.get("x-cache") == "hit"
    assert without_extensions(second.json()) == without_extensions(first.json())  # the cost report is per answer
    # signed-in viewers are never served from the public cache
    assert live_server.post(query["query"], token=tokens["consumer"]).headers.get("x-cache") is None
    new = live_server.gql(ISSUE, {"i": warning_input()}, token=tokens["regulator"])["data"]["issueWarning"]
    third = httpx.post(url, json=query)
    assert third.headers.get("x-cache") is None
    assert third.json()["data"]["warnings"]["edges"][0]["node"]["id"] == new["id"]
    assert third.json()["data"]["warnings"]["totalCount"] == first.json()["data"]["warnings"]["totalCount"] + 1


def test_staff_pages_through_everything_without_a_filter(live_server: Stack, tokens: dict[str, str]) -> None:
    seen, after = [], None
    while True:
        conn = live_server.gql(LIST, {"n": 7, "a": after}, token=tokens["regulator"])["data"]["warnings"]
        seen += [e["node"]["id"] for e in conn["edges"]]
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == conn["totalCount"] > 7


async def test_concurrent_writes_lose_nothing(live_server: Stack, tokens: dict[str, str]) -> None:
    """Racing level changes (some refused as conflicts), publications and sign-ups: every accepted write stays."""
    import asyncio
    import random

    from gql.alerts.subscription import encode_cursor
    from tests.gqlws import GqlWs

    reg = {"Authorization": f"Bearer {tokens['regulator']}"}
    target = live_server.gql(ISSUE, {"i": warning_input()}, token=tokens["regulator"])["data"]["issueWarning"]
    issued: list[str] = []
    codes: list[str] = []
    adjusted = 0
    signed_up: list[str] = []
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=60) as client:
        async def adjust(level: str) -> None:
            nonlocal adjusted
            body = (await client.post("/graphql", headers=reg, json={
                "query": ADJUST, "variables": {"id": target["id"], "l": level, "r": "race"}})).json()
            if "errors" in body:
                assert code_of(body) == "CONFLICT", body
            else:
                adjusted += 1

        async def issue() -> None:
            body = (await client.post("/graphql", headers=reg, json={
                "query": ISSUE, "variables": {"i": warning_input(level="YELLOW")}})).json()
            assert "errors" not in body, body
            issued.append(body["data"]["issueWarning"]["id"])
            codes.append(body["data"]["issueWarning"]["code"])

        async def sign_up() -> None:
            email = f"race-{uuid.uuid4().hex[:10]}@example.com"
            body = (await client.post("/graphql", json={"query": "mutation($i: SignUpInput!) { signUp(input: $i) "
                    "{ accessToken } }", "variables": {"i": {"email": email, "password": "correct-horse-1"}}})).json()
            assert "errors" not in body, body
            signed_up.append(email)

        for _ in range(3):
            work = [adjust(random.choice(["YELLOW", "BLUE", "ORANGE"])) for _ in range(12)]
            work += [issue() for _ in range(12)] + [sign_up() for _ in range(6)]
            random.shuffle(work)
            await asyncio.gather(*work)

    for warning_id in issued:
        assert live_server.gql(NODE, {"id": warning_id}, token=tokens["regulator"])["data"]["node"], warning_id
    history = live_server.gql("query($id: ID!) { node(id: $id) { ... on Warning { levelHistory { reason } } } }",
                              {"id": target["id"]}, token=tokens["regulator"])["data"]["node"]["levelHistory"]
    assert len(history) == 1 + adjusted
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # unique and without gaps
    for email in signed_up:
        live_server.sign_in(email, "correct-horse-1")
    # Every accepted change has its event in the log: replay the whole log and keep this test's events.
    ws = await GqlWs.connect(live_server.ws_url, tokens["regulator"])
    await ws.subscribe("subscription($after: String) { alerts(minLevel: BLUE, after: $after) { type warning { id } } }",
                       {"after": encode_cursor(0)})
    ours = {target["id"], *issued}
    got: list[dict] = []
    while len(got) < 1 + len(issued) + adjusted:
        event = (await ws.next_payloads(1, timeout=30))[0]["data"]["alerts"]
        if event["warning"]["id"] in ours:
            got.append(event)
    await ws.expect_silence(1.0)  # and nothing twice
    assert sorted(e["warning"]["id"] for e in got if e["type"] == "PUBLISHED") == sorted(ours)
    assert sum(e["type"] == "LEVEL_CHANGED" for e in got) == adjusted
    await ws.close()


UPDATE_DRAFT = "mutation($id: ID!, $i: IssueWarningInput!) { updateDraftWarning(id: $id, input: $i) { id title status } }"
DELETE_DRAFT = "mutation($id: ID!) { deleteDraftWarning(id: $id) }"


def test_drafts_are_edited_and_deleted_only_while_drafts(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    draft = live_server.gql(ISSUE, {"i": warning_input(draft=True)}, token=reg)["data"]["issueWarning"]
    edited = live_server.gql(UPDATE_DRAFT, {"id": draft["id"], "i": warning_input(title="改后的标题 edited")}, token=reg)
    assert edited["data"]["updateDraftWarning"] == {"id": draft["id"], "title": "改后的标题 edited", "status": "DRAFT"}
    bad = live_server.gql(UPDATE_DRAFT, {"id": draft["id"], "i": warning_input(title="  ")}, token=reg)
    assert (code_of(bad), bad["errors"][0]["extensions"]["field"]) == ("BAD_USER_INPUT", "title")
    for role in ("consumer", "enterprise", "admin", "agency"):
        assert code_of(live_server.gql(DELETE_DRAFT, {"id": draft["id"]}, token=tokens[role])) == "FORBIDDEN"
    assert without_extensions(live_server.gql(DELETE_DRAFT, {"id": draft["id"]}, token=reg)) == {"data": {"deleteDraftWarning": True}}
    assert without_extensions(live_server.gql("query($id: ID!) { node(id: $id) { id } }", {"id": draft["id"]},
                                              token=reg)) == {"data": {"node": None}}
    published = live_server.gql(ISSUE, {"i": warning_input()}, token=reg)["data"]["issueWarning"]
    for mutation, variables in ((UPDATE_DRAFT, {"id": published["id"], "i": warning_input()}),
                                (DELETE_DRAFT, {"id": published["id"]})):
        refused = live_server.gql(mutation, variables, token=reg)
        assert (code_of(refused), refused["errors"][0]["extensions"]["reason"]) == ("CONFLICT", "WRONG_STATUS")


def test_raising_to_red_brings_its_authorisation(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    w = live_server.gql(ISSUE, {"i": warning_input()}, token=reg)["data"]["issueWarning"]
    refused = live_server.gql(ADJUST, {"id": w["id"], "l": "RED", "r": "升级 escalated"}, token=reg)
    assert (code_of(refused), refused["errors"][0]["extensions"]["field"]) == ("BAD_USER_INPUT", "authorizationRef")
    adjust = "mutation($id: ID!, $a: String) { adjustWarningLevel(id: $id, level: RED, reason: \"升级 escalated\", " \
             "authorizationRef: $a) { level authorizationRef } }"
    done = live_server.gql(adjust, {"id": w["id"], "a": "国务院授权〔2026〕测试"}, token=reg)
    assert done["data"]["adjustWarningLevel"] == {"level": "RED", "authorizationRef": "国务院授权〔2026〕测试"}
    same = live_server.gql(adjust, {"id": w["id"], "a": None}, token=reg)
    assert (code_of(same), same["errors"][0]["extensions"]["reason"]) == ("CONFLICT", "SAME_LEVEL")


def test_history_says_what_happened_and_who_acted(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    w = live_server.gql(ISSUE, {"i": warning_input()}, token=reg)["data"]["issueWarning"]
    live_server.gql(ADJUST, {"id": w["id"], "l": "YELLOW", "r": "降级 evidence weaker"}, token=reg)
    live_server.gql(LIFT, {"id": w["id"], "r": "风险消除 risk gone"}, token=reg)
    history = "query($id: ID!) { node(id: $id) { ... on Warning { issuedBy levelHistory { kind byName } } } }"
    staff = live_server.gql(history, {"id": w["id"]}, token=reg)["data"]["node"]
    me = live_server.gql("{ me { displayName email } }", token=reg)["data"]["me"]
    assert [e["kind"] for e in staff["levelHistory"]] == ["PUBLISHED", "ADJUSTED", "LIFTED"]
    assert {e["byName"] for e in staff["levelHistory"]} == {me["displayName"] or me["email"].split("@")[0]}
    public = live_server.gql(history, {"id": w["id"]})["data"]["node"]  # people behind public warnings stay unnamed
    assert {e["byName"] for e in public["levelHistory"]} == {public["issuedBy"]}


def test_a_taken_email_says_so(live_server: Stack) -> None:
    sign_up = "mutation { signUp(input: {email: \"consumer@demo.test\", password: \"long-enough-1\"}) { accessToken } }"
    taken = live_server.gql(sign_up)
    assert (code_of(taken), taken["errors"][0]["extensions"]["reason"]) == ("CONFLICT", "EMAIL_TAKEN")
