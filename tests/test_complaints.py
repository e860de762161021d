"""Complaints against the running service: exactly-once filing (100 concurrent retries -> one complaint), CONFLICT
for a reused key, the status flow with its timeline and deadlines, the enterprise concerned (found from the product
code, assigned at triage) that never receives personal data on any path, and who may read what."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from documents.demo.data import DEMO_USCC, HOME
from tests.complaints_support import ALL_FIELDS, FILE, complaint_input, new_consumer, wait_for_demo_products
from tests.stack import Stack, code_of, field_of

LIST = "query($f: ComplaintFilter) { complaints(filter: $f, first: 100) { totalCount edges { node { %s } } } }"
NODE = "query($id: ID!) { node(id: $id) { ... on Complaint { %s } } }"
TRIAGE = ("mutation($id: ID!, $s: ComplaintStatus!, $r: String, $u: String) { triageComplaint(id: $id, status: $s, "
          "reason: $r, uscc: $u) { status reason enterpriseUscc deadlines { acceptedAt acceptMet mediationBy dueAt } "
          "timeline { kind status note } } }")
ME_COMPLAINTS = "{ me { complaints { edges { node { %s } } } } }"
ANSWER = "mutation($id: ID!, $a: String!) { answerComplaint(id: $id, answer: $a) { %s } }"


@pytest.fixture(scope="module")
def ready(live_server: Stack) -> Stack:
    wait_for_demo_products(live_server)
    return live_server


def file(stack: Stack, token: str, key: str, **overrides: object) -> dict:
    return stack.gql(FILE, {"i": complaint_input(**overrides), "k": key}, token=token)


async def test_100_concurrent_calls_with_one_key_store_one_complaint(ready: Stack) -> None:
    me = new_consumer(ready)
    payload = {"query": FILE, "variables": {"i": complaint_input(), "k": "burst-key-0001"}}
    limits = httpx.Limits(max_connections=100)
    async with httpx.AsyncClient(base_url=ready.base_url, timeout=120, limits=limits,
                                 headers={"Authorization": f"Bearer {me['token']}"}) as client:
        answers = await asyncio.gather(*(client.post("/graphql", json=payload) for _ in range(100)))
    bodies = [a.json() for a in answers]
    assert all("errors" not in b for b in bodies), [b for b in bodies if "errors" in b][:3]
    assert len({b["data"]["fileComplaint"]["id"] for b in bodies}) == 1
    assert len({b["data"]["fileComplaint"]["code"] for b in bodies}) == 1
    mine = ready.gql("{ me { complaints { totalCount } } }", token=me["token"])
    assert mine["data"]["me"]["complaints"]["totalCount"] == 1


def test_a_retry_returns_the_stored_complaint_and_another_input_is_a_conflict(ready: Stack) -> None:
    me = new_consumer(ready)
    first = file(ready, me["token"], "retry-key-0001")
    assert "errors" not in first, first
    again = file(ready, me["token"], "retry-key-0001")
    assert again["data"]["fileComplaint"]["id"] == first["data"]["fileComplaint"]["id"]
    changed = file(ready, me["token"], "retry-key-0001", description="something else entirely happened")
    assert code_of(changed) == "CONFLICT"
    # Keys belong to their complainant: another consumer may use the same key for their own complaint.
    other = new_consumer(ready)
    theirs = file(ready, other["token"], "retry-key-0001")
    assert theirs["data"]["fileComplaint"]["id"] != first["data"]["fileComplaint"]["id"]


def test_filing_finds_the_enterprise_from_the_product_code_and_sets_deadlines(ready: Stack) -> None:
    me = new_consumer(ready)
    out = file(ready, me["token"], "enterprise-key-01")["data"]["fileComplaint"]
    assert out["status"] == "RECEIVED" and out["code"].startswith("CP-")
    assert out["enterpriseUscc"] == DEMO_USCC  # the demo power bank is a registered product of the demo enterprise
    assert out["contactPhone"] == "13912345678" and out["complainant"]["email"] == me["email"]
    assert out["deadlines"]["dueAt"] == out["deadlines"]["acceptBy"] and out["deadlines"]["overdue"] is False
    assert out["timeline"] == [{"kind": "FILED", "status": "RECEIVED", "note": None}]
    unknown = file(ready, me["token"], "enterprise-key-02", productCode=None, productName="无码商品")
    assert unknown["data"]["fileComplaint"]["enterpriseUscc"] is None


@pytest.mark.parametrize("overrides, field", [
    ({"productName": ""}, "productName"), ({"description": "short"}, "description"),
    ({"productCode": "6901234567891"}, "productCode"), ({"region": "000000"}, "region"),
    ({"contactPhone": "12"}, "contactPhone"), ({"contactEmail": "nope"}, "contactEmail"),
    ({"orderNumber": "<script>"}, "orderNumber"), ({"brand": "b" * 101}, "brand"),
    ({"photoIds": ["not-an-upload"]}, "photoIds"), ({"pseudonymous": True}, "contactName")])
def test_impossible_input_is_bad_user_input_naming_the_field(ready: Stack, overrides: dict, field: str) -> None:
    me = new_consumer(ready)
    body = file(ready, me["token"], "bad-input-key-1", **overrides)
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == field, body


def test_bad_idempotency_key(ready: Stack) -> None:
    body = file(ready, new_consumer(ready)["token"], "short")
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "idempotencyKey"


def test_only_signed_in_consumers_file(ready: Stack, tokens: dict[str, str]) -> None:
    assert code_of(file(ready, "", "anon-key-00001")) == "UNAUTHENTICATED"
    for role in ("enterprise", "regulator", "admin", "agency"):
        assert code_of(file(ready, tokens[role], "role-key-00001")) == "FORBIDDEN", role


def test_pseudonymous_complaint_is_followed_in_the_app_and_hides_the_account_from_staff(
        ready: Stack, tokens: dict[str, str]) -> None:
    me = new_consumer(ready)
    out = file(ready, me["token"], "pseudo-key-0001", pseudonymous=True, contactName=None, contactPhone=None,
               contactEmail=None)["data"]["fileComplaint"]
    assert out["complainant"]["email"] == me["email"]  # the complainant sees it as theirs
    seen = ready.gql(NODE % "pseudonymous complainant { email } contactName", {"id": out["id"]},
                     token=tokens["regulator"])["data"]["node"]
    assert seen == {"pseudonymous": True, "complainant": None, "contactName": None}


def test_status_flow_timeline_reason_and_conflicts(ready: Stack, tokens: dict[str, str]) -> None:
    me = new_consumer(ready)
    cid = file(ready, me["token"], "flow-key-000001")["data"]["fileComplaint"]["id"]
    reg = tokens["regulator"]
    out_of_order = ready.gql(TRIAGE, {"id": cid, "s": "RESOLVED", "r": "done"}, token=reg)
    assert code_of(out_of_order) == "CONFLICT"
    triaged = ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED"}, token=reg)["data"]["triageComplaint"]
    assert triaged["status"] == "TRIAGED" and triaged["deadlines"]["acceptMet"] is True
    assert triaged["deadlines"]["mediationBy"] == triaged["deadlines"]["dueAt"] is not None
    assert code_of(ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED"}, token=reg)) == "CONFLICT"
    ready.gql(TRIAGE, {"id": cid, "s": "INVESTIGATING"}, token=reg)
    no_reason = ready.gql(TRIAGE, {"id": cid, "s": "REJECTED"}, token=reg)
    assert code_of(no_reason) == "BAD_USER_INPUT" and field_of(no_reason) == "reason"
    rejected = ready.gql(TRIAGE, {"id": cid, "s": "REJECTED", "r": "不属于受理范围 / out of scope"}, token=reg)
    assert rejected["data"]["triageComplaint"]["deadlines"]["dueAt"] is None
    assert code_of(ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED"}, token=reg)) == "CONFLICT"
    # The complainant sees the timeline and the reason.
    mine = ready.gql(NODE % "status reason timeline { kind status note }", {"id": cid}, token=me["token"])
    node = mine["data"]["node"]
    assert node["status"] == "REJECTED" and node["reason"] == "不属于受理范围 / out of scope"
    assert [(e["kind"], e["status"]) for e in node["timeline"]] == [
        ("FILED", "RECEIVED"), ("STATUS_CHANGED", "TRIAGED"), ("STATUS_CHANGED", "INVESTIGATING"),
        ("STATUS_CHANGED", "REJECTED")]
    assert node["timeline"][-1]["note"] == "不属于受理范围 / out of scope"


def test_triage_is_for_regulators_and_checks_the_uscc(ready: Stack, tokens: dict[str, str]) -> None:
    me = new_consumer(ready)
    cid = file(ready, me["token"], "triage-key-0001", productCode=None)["data"]["fileComplaint"]["id"]
    for token, expected in (("", "UNAUTHENTICATED"), (me["token"], "FORBIDDEN"), (tokens["enterprise"], "FORBIDDEN"),
                            (tokens["agency"], "FORBIDDEN")):
        assert code_of(ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED"}, token=token)) == expected
    bad = ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED", "u": "91440300MA5DEM1X0X"}, token=tokens["regulator"])
    assert code_of(bad) == "BAD_USER_INPUT" and field_of(bad) == "uscc"
    assigned = ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED", "u": HOME}, token=tokens["regulator"])
    out = assigned["data"]["triageComplaint"]
    assert out["enterpriseUscc"] == HOME
    assert [e["kind"] for e in out["timeline"]] == ["FILED", "ASSIGNED", "STATUS_CHANGED"]
    # The demo enterprise is not concerned: it does not see it and cannot answer it.
    assert ready.gql(NODE % "id", {"id": cid}, token=tokens["enterprise"])["data"]["node"] is None
    refused = ready.gql(ANSWER % "id", {"id": cid, "a": "not ours"}, token=tokens["enterprise"])
    assert code_of(refused) == "FORBIDDEN"


def _leaks(text: str) -> list[str]:
    return [secret for secret in ("13912345678", "zed.private@test.example", "测试姓名Zed", "ORDER-77881234")
            if secret in text]


def test_the_enterprise_never_receives_personal_data_on_any_path(ready: Stack, tokens: dict[str, str]) -> None:
    me = new_consumer(ready, name="测试姓名Zed")
    filed = file(ready, me["token"], "privacy-key-001")["data"]["fileComplaint"]
    cid = filed["id"]
    assert _leaks(json.dumps(filed, ensure_ascii=False)) != []  # the complainant sees their own data
    ready.gql(TRIAGE, {"id": cid, "s": "TRIAGED"}, token=tokens["regulator"])
    ent = tokens["enterprise"]
    paths = {
        "list": ready.post(LIST % ALL_FIELDS, {"f": {"uscc": DEMO_USCC}}, token=ent),
        "node": ready.post(NODE % ALL_FIELDS, {"id": cid}, token=ent),
        "answer": ready.post(ANSWER % ALL_FIELDS, {"id": cid, "a": "已联系处理 / we are on it"}, token=ent),
        "me": ready.post(ME_COMPLAINTS % ALL_FIELDS, token=ent),
        "overdue": ready.post(LIST % ALL_FIELDS, {"f": {"overdue": False, "statuses": ["TRIAGED"]}}, token=ent),
    }
    for path, response in paths.items():
        text = response.content.decode()
        assert not _leaks(text), (path, _leaks(text))
    listed = paths["list"].json()["data"]["complaints"]["edges"]
    ours = next(e["node"] for e in listed if e["node"]["id"] == cid)
    assert ours["complainant"] is None and ours["photos"] == [] and ours["contactPhone"] is None
    assert ours["description"] == filed_description()
    answered = paths["answer"].json()["data"]["answerComplaint"]
    assert answered["answers"][-1]["text"] == "已联系处理 / we are on it" and answered["complainant"] is None
    # The complainant sees the answer; the regulator sees everything.
    mine = ready.gql(NODE % "answers { text }", {"id": cid}, token=me["token"])["data"]["node"]
    assert mine["answers"][-1]["text"] == "已联系处理 / we are on it"
    staff = ready.post(NODE % ALL_FIELDS, {"id": cid}, token=tokens["regulator"]).content.decode()
    assert len(_leaks(staff)) == 4


def filed_description() -> str:
    return complaint_input()["description"]


def test_answer_needs_an_accepted_open_complaint(ready: Stack, tokens: dict[str, str]) -> None:
    me = new_consumer(ready)
    cid = file(ready, me["token"], "answer-key-00001")["data"]["fileComplaint"]["id"]
    early = ready.gql(ANSWER % "id", {"id": cid, "a": "early"}, token=tokens["enterprise"])
    assert code_of(early) == "CONFLICT"
    assert code_of(ready.gql(ANSWER % "id", {"id": cid, "a": "x"}, token=me["token"])) == "FORBIDDEN"
    assert code_of(ready.gql(ANSWER % "id", {"id": cid, "a": "x"}, token=tokens["regulator"])) == "FORBIDDEN"


def test_who_reads_which_complaints(ready: Stack, tokens: dict[str, str]) -> None:
    alice, bob = new_consumer(ready), new_consumer(ready)
    a = file(ready, alice["token"], "scope-key-00001")["data"]["fileComplaint"]["id"]
    b = file(ready, bob["token"], "scope-key-00001")["data"]["fileComplaint"]["id"]
    ids = lambda body: {e["node"]["id"] for e in body["data"]["complaints"]["edges"]}  # noqa: E731
    assert ids(ready.gql(LIST % "id", token=alice["token"])) == {a}
    assert ready.gql(NODE % "id", {"id": b}, token=alice["token"])["data"]["node"] is None
    assert {a, b} <= ids(ready.gql(LIST % "id", token=tokens["regulator"]))
    assert {a, b} <= ids(ready.gql(LIST % "id", token=tokens["enterprise"]))  # both about its power bank
    assert code_of(ready.gql(LIST % "id")) == "UNAUTHENTICATED"
    assert code_of(ready.gql(LIST % "id", token=tokens["agency"])) == "FORBIDDEN"
    assert ready.gql(NODE % "id", {"id": a}, token=tokens["agency"])["data"]["node"] is None
    assert ready.gql(NODE % "id", {"id": a})["data"]["node"] is None
    # Nested: the regulator reaches Alice's account through her complaint, but not her watchlist.
    nested = ready.gql(NODE % "complainant { complaints { totalCount } watchlist { code } }", {"id": a},
                       token=tokens["regulator"])
    assert nested["data"]["node"]["complainant"] is None and code_of(nested) == "FORBIDDEN"


def test_regulators_see_what_is_overdue(ready: Stack, tokens: dict[str, str]) -> None:
    body = ready.gql(LIST % "code status deadlines { overdue dueAt }", {"f": {"overdue": True}},
                     token=tokens["regulator"])
    nodes = [e["node"] for e in body["data"]["complaints"]["edges"]]
    assert nodes and all(n["deadlines"]["overdue"] for n in nodes)
    assert {n["status"] for n in nodes} <= {"RECEIVED", "TRIAGED", "INVESTIGATING"}
    total = body["data"]["complaints"]["totalCount"]
    assert total == len(nodes)


def test_counts_only_for_aggregate_agencies_and_signals_for_regulators(ready: Stack, tokens: dict[str, str]) -> None:
    stats = "{ complaintStats { total overdue byStatus { key count } byCategory { key count } byProvince { key count } } }"
    agency = ready.gql(stats, token=tokens["agency"])
    assert "errors" not in agency, agency
    out = agency["data"]["complaintStats"]
    assert out["total"] >= 8 and sum(s["count"] for s in out["byStatus"]) == out["total"] and out["overdue"] >= 2
    narrow = ready.agency_token(scope="warnings:read")
    assert code_of(ready.gql(stats, token=narrow.json()["access_token"])) == "FORBIDDEN"
    for token in (tokens["consumer"], tokens["enterprise"]):
        assert code_of(ready.gql(stats, token=token)) == "FORBIDDEN"
    signals = "{ complaintSignals { group key count threshold complaints { code } } }"
    found = ready.gql(signals, token=tokens["regulator"])["data"]["complaintSignals"]
    assert any(s["group"] == "GTIN" and s["key"] == "02026000000114" and s["count"] >= s["threshold"] for s in found)
    for token in (tokens["agency"], tokens["enterprise"], tokens["consumer"]):
        assert code_of(ready.gql(signals, token=token)) == "FORBIDDEN"
    assert code_of(ready.gql(signals)) == "UNAUTHENTICATED"


def test_demo_consumer_has_two_complaints_one_answered(ready: Stack, tokens: dict[str, str]) -> None:
    body = ready.gql("{ me { complaints { edges { node { code status answers { text } } } } } }",
                     token=tokens["consumer"])
    nodes = [e["node"] for e in body["data"]["me"]["complaints"]["edges"]]
    demo = [n for n in nodes if n["code"] in ("CP-2026-000001", "CP-2026-000002")] or nodes
    assert len(nodes) >= 2 and any(n["answers"] for n in demo)
