"""What look-ups read is written with the record: a warning's `enterprises` through EnterpriseKey and its `recalls`
through WarningRecalls (both by `_id`), productLookup's recall side through RecallCode, the warnings list's rare
enterprise, HS code and origin values through WarningKey; records stored before them get them once at start-up.
Look-ups by a scalar key take the cheaper shape on the embedded server and find the same documents either way."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator

import pytest
from bson import ObjectId
from stdnum import ean

from documents.db.query_shapes import equalities_cost_less
from documents.demo.data import HOME
from tests.stack import Stack
from tests.test_credit_api import new_uscc

TRACE = "8AB1234567890123456X"  # a trace code (追溯码): 16 to 64 letters and digits


def test_the_cheaper_shape_is_chosen() -> None:
    assert not equalities_cost_less(20, 2_000)  # a page's 20 keys over a small collection: one scan
    assert equalities_cost_less(20, 20_000)  # ... over 20 k documents: 20 indexed equalities
    assert equalities_cost_less(1, 1_000)
    assert not equalities_cost_less(40, 5_000)


def test_rare_values_are_read_as_candidates_up_to_what_a_walk_would_cost() -> None:
    from documents.db.query_shapes import matches_nothing, most_candidates

    assert most_candidates(3) == 21  # never fewer than a page
    assert 100 < most_candidates(10_000) < 150 and 1_100 < most_candidates(1_000_000) < 1_400
    assert most_candidates(4_000_000) == 2 * most_candidates(1_000_000)  # it grows as the square root
    assert matches_nothing({"status": "PUBLISHED", "_id": {"$in": []}})
    assert matches_nothing({"$and": [{"status": "PUBLISHED"}, {"_id": {"$in": []}, "kind": "NOTICE"}]})  # e.g. lifted
    assert not matches_nothing({"_id": {"$in": [ObjectId()]}}) and not matches_nothing({"status": "PUBLISHED"})
    assert not matches_nothing({"$and": [{"_id": {"$in": [ObjectId()]}}, {"status": "PUBLISHED"}]})


def test_the_first_field_of_every_compound_index_is_indexed_alone() -> None:
    """The embedded server serves a compound index only when a query names all its fields: look-ups by the first field
    (an owner's complaints, a code's entries) need it indexed alone (documents/db/query_shapes.py)."""
    from documents.db.query_shapes import FEW_VALUED_PREFIXES
    from documents.db.registry import all_documents

    missing, compound = [], 0
    for doc in all_documents():
        models = getattr(doc.Settings, "indexes", [])
        keys = [list(m.document["key"].items()) for m in models]
        alone = {k[0][0] for k in keys if len(k) == 1}
        for k in keys:
            if len(k) > 1:
                compound += 1
                if k[0][0] not in alone and k[0][0] not in FEW_VALUED_PREFIXES:
                    missing.append(f"{doc.__name__}: {k}")
    assert compound >= 10 and missing == []


@pytest.fixture
async def direct(live_server: Stack) -> AsyncIterator[str]:
    """A database of the test's own on the service's embedded server, reached directly."""
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.db.transactions import serialise_transactions

    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    name = f"lookup_keys_{uuid.uuid4().hex[:8]}"
    await database.connect(uri, name, all_documents())
    serialise_transactions(True, live_server.data_dir / "transactions.lock")  # the service's own lock
    try:
        yield name
    finally:
        serialise_transactions(False, live_server.data_dir / "transactions.lock")
        await database.disconnect()


async def test_both_shapes_find_the_same_documents(direct: str) -> None:
    from documents.db import client as database
    from documents.db import query_shapes

    coll = database.get_client()[direct]["keyed"]
    await coll.create_index("key")
    docs = [{"_id": ObjectId(), "key": k, "ref": ObjectId()} for k in ("91310000A", "6901234567892", "x", "x")]
    await coll.insert_many([*docs, {"_id": ObjectId(), "other": 1}])
    keys = ["x", "6901234567892", "missing", "x"]
    answers = []
    for size in (0, 10**9):  # the collection seen as tiny (`$in`) and as huge (equalities)
        query_shapes._sizes[coll.full_name] = (time.monotonic(), size)
        answers.append(sorted(d["_id"] for d in await query_shapes.find_keyed(coll, "key", keys)))
        # ObjectId keys outside `_id` always go as `$in` (equality never matches them there)
        found = await query_shapes.find_keyed(coll, "ref", [docs[0]["ref"]])
        assert [d["_id"] for d in found] == [docs[0]["_id"]]
    assert answers[0] == answers[1] == sorted(d["_id"] for d in docs[1:])

    # In a transaction's session (recall duties by cause key): both shapes, and what the transaction wrote itself.
    from documents.db.transactions import in_transaction

    written = {"_id": ObjectId(), "key": "missing"}
    in_session: list[list[ObjectId]] = []

    async def work(session: object) -> None:
        await coll.insert_one(written, session=session)
        for size in (0, 10**9):
            query_shapes._sizes[coll.full_name] = (time.monotonic(), size)
            found = await query_shapes.find_keyed(coll, "key", keys, session=session)
            in_session.append(sorted(d["_id"] for d in found))

    await in_transaction(work)
    assert in_session[0] == in_session[1] == sorted([*answers[0], written["_id"]])


async def test_recalls_stored_without_lookup_entries_get_them_once(direct: str) -> None:
    from documents.db import client as database
    from documents.enums import ProductCodeType
    from documents.products import actions as products
    from documents.products.codes import classify
    from documents.recalls.actions import index_lookup_keys, upgrade_lookup_keys
    from gql.recalls.loaders import recalls_by_warning

    db = database.get_client()[direct]
    gtin = "2027" + str(uuid.uuid4().int)[:8]
    gtin += str(ean.calc_check_digit(gtin))
    warning_id, older, newer = ObjectId(), ObjectId(), ObjectId()
    base = {"product_name": "示范牌电热水壶（虚构）", "type": "VOLUNTARY", "status": "ANNOUNCED", "enterprise_uscc": HOME,
            "units_affected": 10, "warning_id": warning_id}
    await db["recalls"].insert_many([
        {**base, "_id": older, "code": f"RC-T-{older}", "sort_key": "1", "gtins": [gtin], "trace_codes": [TRACE]},
        {**base, "_id": newer, "code": f"RC-T-{newer}", "sort_key": "2"},
    ])
    assert await recalls_by_warning().load(warning_id) == []  # stored without their entries
    assert await upgrade_lookup_keys() == 4  # two links, one GTIN, one trace code
    assert await index_lookup_keys(await db["recalls"].find({}).to_list(None)) == 0  # once
    kinds = {(d["key"], d["kind"]) async for d in db["recall_codes"].find({"recall_id": {"$in": [older]}})}
    assert kinds == {(gtin, ProductCodeType.GTIN.value), (TRACE, ProductCodeType.TRACE_CODE.value)}
    assert [d["_id"] for d in await recalls_by_warning().load(warning_id)] == [newer, older]  # newest first
    for code in (gtin, gtin.zfill(14), TRACE):
        assert [d["_id"] for d in await products.active_recalls(classify(code), [], {})] == [older]
    assert await products.active_recalls(classify(TRACE[:-1] + "9"), [], {}) == []


def test_a_recall_answering_a_warning_is_nested_under_it_at_once(live_server: Stack, tokens: dict[str, str]) -> None:
    issue = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
    order = "mutation($i: AnnounceRecallInput!) { orderRecall(input: $i) { code } }"
    nested = "query($id: ID!) { node(id: $id) { ... on Warning { recalls { code } } } }"
    regulator = tokens["regulator"]
    warning = live_server.gql(issue, {"i": {
        "title": f"橙色预警 {uuid.uuid4().hex[:6]}", "level": "ORANGE", "kind": "ANNOUNCEMENT", "hazards": ["PHYSICAL"],
        "productCategory": "lookup-keys-test", "summary": "test", "measures": ["DEFECT_RECALL"],
        "enterpriseUsccs": [HOME]}}, token=regulator)["data"]["issueWarning"]
    assert live_server.gql(nested, {"id": warning["id"]}, token=regulator)["data"]["node"]["recalls"] == []
    codes = []
    for _ in range(2):
        body = live_server.gql(order, {"i": {
            "uscc": HOME, "productName": f"测试产品 {uuid.uuid4().hex[:6]}", "hazard": "外壳过热 overheating",
            "remedy": "REFUND", "remedyInstructions": "停止使用并联系客服退款", "unitsAffected": 100,
            "contactPhone": "400-000-0000", "warningId": warning["id"]}}, token=regulator)
        assert "errors" not in body, body
        codes.append(body["data"]["orderRecall"]["code"])
    found = live_server.gql(nested, {"id": warning["id"]}, token=regulator)["data"]["node"]["recalls"]
    assert [r["code"] for r in found] == codes[::-1]  # newest first


async def test_enterprises_stored_without_keys_get_them_once(direct: str) -> None:
    from documents.db import client as database
    from documents.enterprises.actions import index_keys, upgrade_keys
    from gql.enterprises.loaders import enterprise_by_uscc

    db = database.get_client()[direct]
    first, second, unknown = new_uscc(), new_uscc(), new_uscc()
    await db["enterprises"].insert_many([{"_id": ObjectId(), "uscc": u, "name": "测试企业（虚构）"}
                                         for u in (first, second)])
    assert await enterprise_by_uscc().load_many([first, second]) == [None, None]  # stored without their keys
    assert await upgrade_keys() == 2
    assert await index_keys(await db["enterprises"].find({}).to_list(None)) == 0  # once
    found = await enterprise_by_uscc().load_many([second, unknown, first, second])
    assert [d and d["uscc"] for d in found] == [second, None, first, second]


def test_a_registered_enterprise_is_nested_under_a_warning_at_once(live_server: Stack,
                                                                   tokens: dict[str, str]) -> None:
    register = "mutation($i: RegisterEnterpriseInput!) { registerEnterprise(input: $i) { uscc } }"
    issue = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
    nested = "query($id: ID!) { node(id: $id) { ... on Warning { enterprises { uscc } } } }"
    registered, unregistered = new_uscc(), new_uscc()
    body = live_server.gql(register, {"i": {"uscc": registered, "name": f"键测试企业{registered[-4:]}（虚构）",
                                            "creditLevel": "REGULAR", "regionCode": "440300"}},
                           token=tokens["regulator"])
    assert "errors" not in body, body
    warning = live_server.gql(issue, {"i": {
        "title": f"黄色预警 {uuid.uuid4().hex[:6]}", "level": "YELLOW", "kind": "ANNOUNCEMENT", "hazards": ["PHYSICAL"],
        "productCategory": "lookup-keys-test", "summary": "test", "measures": [],
        "enterpriseUsccs": [unregistered, registered]}}, token=tokens["regulator"])["data"]["issueWarning"]
    found = live_server.gql(nested, {"id": warning["id"]}, token=tokens["regulator"])["data"]["node"]["enterprises"]
    assert found == [{"uscc": registered}]  # a code no enterprise is registered under is left out


def test_the_enterprise_filter_finds_what_each_warning_and_draft_edit_names(live_server: Stack,
                                                                            tokens: dict[str, str]) -> None:
    named, renamed = new_uscc(), new_uscc()
    issue = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
    edit = "mutation($id: ID!, $i: IssueWarningInput!) { updateDraftWarning(id: $id, input: $i) { id } }"
    listed = "query($u: String!, $since: DateTime) { warnings(filter: {enterpriseUscc: $u}, updatedAfter: $since) " \
             "{ edges { node { id } } } }"

    def content(uscc: str, draft: bool) -> dict:
        return {"title": f"黄色预警 {uuid.uuid4().hex[:6]}", "level": "YELLOW", "kind": "ANNOUNCEMENT",
                "hazards": ["PHYSICAL"], "productCategory": "lookup-keys-test", "summary": "test",
                "enterpriseUsccs": [uscc], "draft": draft}

    def ids(uscc: str, token: str | None, since: str | None = None) -> set[str]:
        body = live_server.gql(listed, {"u": uscc.lower(), "since": since}, token=token)
        assert "errors" not in body, body
        return {e["node"]["id"] for e in body["data"]["warnings"]["edges"]}

    regulator = tokens["regulator"]
    published = live_server.gql(issue, {"i": content(named, False)}, token=regulator)["data"]["issueWarning"]["id"]
    draft = live_server.gql(issue, {"i": content(named, True)}, token=regulator)["data"]["issueWarning"]["id"]
    assert ids(named, regulator) == {published, draft} and ids(named, None) == {published}  # drafts: staff only
    # The edited draft names another enterprise: found under it, no longer under the first (its entry stays).
    assert "errors" not in live_server.gql(edit, {"id": draft, "i": content(renamed, True)}, token=regulator)
    assert ids(named, regulator) == {published} and ids(renamed, regulator) == {draft}
    assert ids(named, regulator, "2000-01-01T00:00:00Z") == {published}  # the change feed under the same filter
    assert ids(new_uscc(), regulator) == set()


async def test_warnings_stored_without_keys_get_them_once(direct: str) -> None:
    from documents.db import client as database
    from documents.warnings.actions import index_keys, upgrade_keys, warnings_filed_under

    db = database.get_client()[direct]
    one, two, uscc = ObjectId(), ObjectId(), new_uscc()
    # What the enterprise-only entries of before looked like: they go with the upgrade.
    await db["warning_enterprises"].insert_one({"_id": f"{uscc}|{one}", "key": uscc, "warning_id": one})
    await db["warnings"].insert_many([
        {"_id": one, "enterprise_usccs": [uscc, uscc], "hs_codes": ["85076000"], "origin_countries": ["VN"]},
        {"_id": two, "hs_codes": ["85171300", "95030000"]}, {"_id": ObjectId(), "enterprise_usccs": [new_uscc()]}])
    assert await warnings_filed_under(f"uscc:{uscc}") == []
    assert await upgrade_keys() == 6
    assert await index_keys(await db["warnings"].find({}).to_list(None)) == 0  # once
    assert "warning_enterprises" not in await db.list_collection_names()
    assert await warnings_filed_under(f"uscc:{uscc}") == [one]
    assert await warnings_filed_under("origin:VN") == [one]
    assert await warnings_filed_under("hs:85", prefix=True) == [one, two]
    assert await warnings_filed_under("hs:8507", prefix=True) == [one]
    assert await warnings_filed_under("hs:85076000", prefix=True) == [one]
    assert await warnings_filed_under("hs:850760001", prefix=True) == []
    assert await warnings_filed_under("hs:9", prefix=True) == [two]
    assert await warnings_filed_under("hs:8", prefix=False) == []  # an equality is the whole key
    # More than `most` under a key: a frequent value, walked by the list instead of read as ids.
    assert await warnings_filed_under("hs:85", prefix=True, most=1) is None
    assert await warnings_filed_under("hs:85", prefix=True, most=2) == [one, two]


async def test_a_filter_reads_candidates_of_its_rare_values_only(direct: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from documents.db import client as database
    from documents.warnings import actions
    from gql.warnings.filters import WarningFilter, candidates

    db = database.get_client()[direct]
    one, two = ObjectId(), ObjectId()
    docs = [{"_id": one, "hs_codes": ["85076000"], "origin_countries": ["VN"]},
            {"_id": two, "hs_codes": ["85171300"], "origin_countries": ["DE"]}]
    await db["warnings"].insert_many(docs)
    await actions.index_keys(docs)
    monkeypatch.setattr(actions, "most_candidates", lambda documents: 1)  # chapter 85 is frequent now: two warnings
    assert await candidates(None) is None
    assert await candidates(WarningFilter(levels=None)) is None  # nothing looked up
    assert await candidates(WarningFilter(hs_code_prefix="85")) is None  # walked
    assert await candidates(WarningFilter(hs_code_prefix="85", origin_country="vn")) == [one]
    assert await candidates(WarningFilter(hs_code_prefix="8517", origin_country="VN")) == []  # intersected
    assert await candidates(WarningFilter(origin_country="FR")) == []


def test_hs_code_and_origin_filters_find_what_each_warning_and_draft_edit_files(live_server: Stack,
                                                                               tokens: dict[str, str]) -> None:
    """A rare HS code prefix or origin is read from WarningKey entries; the answers are the warnings' own fields."""
    issue = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
    edit = "mutation($id: ID!, $i: IssueWarningInput!) { updateDraftWarning(id: $id, input: $i) { id } }"
    listed = "query($f: WarningFilter!) { warnings(filter: $f, first: 50) { edges { node { id } } } }"
    # Codes of chapter 97 (works of art) with a random heading: found under no other test's warnings.
    heading = f"97{uuid.uuid4().int % 90 + 10:02d}"
    chapter_other = f"{heading}{uuid.uuid4().int % 7000 + 3000:04d}"

    def content(codes: list[str], origins: list[str], draft: bool) -> dict:
        return {"title": f"黄色预警 {uuid.uuid4().hex[:6]}", "level": "YELLOW", "kind": "ANNOUNCEMENT",
                "hazards": ["PHYSICAL"], "productCategory": "lookup-keys-test", "summary": "test",
                "hsCodes": codes, "originCountries": origins, "draft": draft}

    def ids(f: dict) -> set[str]:
        body = live_server.gql(listed, {"f": f}, token=tokens["regulator"])
        assert "errors" not in body, body
        return {e["node"]["id"] for e in body["data"]["warnings"]["edges"]}

    regulator = tokens["regulator"]
    first = live_server.gql(issue, {"i": content([f"{heading}.10.00"], ["NZ"], False)}, token=regulator)
    first_id = first["data"]["issueWarning"]["id"]
    draft = live_server.gql(issue, {"i": content([chapter_other], ["NZ"], True)}, token=regulator)
    draft_id = draft["data"]["issueWarning"]["id"]
    assert ids({"hsCodePrefix": heading}) == {first_id, draft_id}
    assert ids({"hsCodePrefix": f"{heading}.10"}) == {first_id}
    assert ids({"hsCodePrefix": f"{heading}1000", "originCountry": "nz"}) == {first_id}
    assert ids({"hsCodePrefix": f"{heading}1001"}) == set()
    # The draft moves to another heading and origin: found there, no longer under the first (its entries stay).
    moved = str(9710 + (int(heading) - 9710 + 1) % 90)  # the next heading of chapter 97
    assert "errors" not in live_server.gql(edit, {"id": draft_id, "i": content([f"{moved}0000"], ["IS"], True)},
                                           token=regulator)
    assert ids({"hsCodePrefix": heading}) == {first_id}
    assert draft_id in ids({"hsCodePrefix": moved, "originCountry": "IS"})
    assert draft_id not in ids({"hsCodePrefix": heading, "originCountry": "IS"})
