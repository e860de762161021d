"""Enterprise credit over the API (issue 12): registration and the public lookup, breach records and the
DISHONEST proposal, repair applications and objections with their review, CREDIT_DOWNGRADE from a warning, the
overdue-duty rule, and every refusal on every path (field, node, list, mutation).

Each test works on enterprises it registers itself (shared demo records stay as seeded)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from bson import ObjectId
from pymongo import MongoClient

from documents.core.workdays import add_working_days
from documents.enterprises.rules import uscc_check_character
from gql.core.node import decode_id, global_id
from tests.complaints_support import claimer_of, new_consumer, upload_evidence
from tests.stack import DEMO_PASSWORD, Stack, code_of, field_of

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 (no I, O, S, V, Z)
REGISTER = """mutation($i: RegisterEnterpriseInput!) { registerEnterprise(input: $i) { id uscc creditLevel isAeo
  types regionCode customsCode aeoCertificateNo mutualRecognition } }"""
PRIVATE = """query($u: String!) { enterprise(uscc: $u) { creditLevel creditHistory { fromLevel toLevel reason by basis
  basisRef } breaches { id grade reason source sourceRef open closedBy } creditApplications { id kind state } } }"""
BREACHES = "query($u: String!) { enterprise(uscc: $u) { breaches { id grade } } }"
APPLICATIONS = "query($u: String!) { enterprise(uscc: $u) { creditApplications { id } } }"
HISTORY = "query($u: String!) { enterprise(uscc: $u) { creditHistory { toLevel } } }"
PROPOSAL = "query($u: String!) { enterprise(uscc: $u) { creditLevel creditProposal { fromLevel toLevel reason " \
           "breaches { id grade } } } }"
RECORD = "mutation($u: String!, $g: BreachGrade!, $r: String!) { recordBreach(uscc: $u, grade: $g, reason: $r) " \
         "{ creditLevel breaches { id grade open } } }"
SET = "mutation($u: String!, $l: CreditLevel!, $b: String) { setCreditLevel(uscc: $u, level: $l, reason: \"认定\", " \
      "breachId: $b) { creditLevel creditHistory { fromLevel toLevel basis basisRef } } }"
REPAIR = "mutation($u: String!, $r: String!, $e: [String!]) { applyCreditRepair(uscc: $u, reason: $r, evidenceIds: $e) " \
         "{ id kind state reason dueAt uscc evidenceIds breachId submittedAt overdue } }"
OBJECT = "mutation($u: String!, $r: String!) { objectToRating(uscc: $u, reason: $r) { id kind state dueAt } }"
REVIEW = "mutation($id: ID!, $a: Boolean!, $r: String!) { reviewCreditApplication(id: $id, approve: $a, reason: $r) " \
         "{ id state decisionReason decidedAt enterprise { creditLevel } } }"
NODE = "query($id: ID!) { node(id: $id) { id ... on CreditApplication { kind state uscc } } }"
QUEUE = "query($s: [ReviewState!], $u: String, $f: Int, $a: String) { creditApplications(states: $s, uscc: $u, " \
        "first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id uscc kind state " \
        "dueAt } } } }"
LIST = "query($f: EnterpriseFilter, $n: Int, $a: String) { enterprises(filter: $f, first: $n, after: $a) { totalCount " \
       "pageInfo { hasNextPage endCursor } edges { node { uscc name nameEn } } } }"



def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


def new_uscc(region: str = "440300") -> str:
    body = "91" + region + "".join(secrets.choice(ALPHABET) for _ in range(9))
    return body + uscc_check_character(body)


def wrong_check(uscc: str) -> str:
    return uscc[:-1] + next(c for c in ALPHABET if c != uscc[-1])


@dataclass
class World:
    server: Stack
    tokens: dict[str, str]
    tag: str = field(default_factory=lambda: secrets.token_hex(3))

    def gql(self, query: str, variables: dict | None = None, who: str | None = "regulator") -> dict:
        return self.server.gql(query, variables, token=self.tokens.get(who) if who else None)

    def register(self, level: str = "REGULAR", name: str = "测试企业", region: str = "440300",
                 name_en: str | None = None, **extra: object) -> str:
        uscc = new_uscc(region)
        data = ok(self.gql(REGISTER, {"i": {"uscc": uscc, "name": f"{name}{self.tag}（虚构）",
                                            "nameEn": name_en or f"Test Enterprise {self.tag} (fictional)",
                                            "creditLevel": level,
                                            "regionCode": region, **extra}}))
        assert data["registerEnterprise"]["uscc"] == uscc
        return uscc

    def member(self, uscc: str) -> str:
        """A signed-in ENTERPRISE account of `uscc`; its token is stored under the code."""
        email = f"m{secrets.token_hex(4)}@credit.test"
        ok(self.gql("mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }", {"i": {
            "email": email, "password": DEMO_PASSWORD, "role": "ENTERPRISE", "enterpriseUscc": uscc}}, who="admin"))
        self.tokens[uscc] = self.server.sign_in(email)["accessToken"]
        return uscc


@pytest.fixture(scope="module")
def world(live_server: Stack, tokens: dict) -> World:
    out = dict(tokens)
    for scope in ("credit:read", "warnings:read"):
        out[scope] = live_server.agency_token(scope).json()["access_token"]
    return World(live_server, out)


@pytest.fixture(scope="module")
def pair(world: World) -> tuple[str, str]:
    """Enterprises A and B, each with a member, A with a breach and a repair application, B with an objection."""
    a, b = world.member(world.register("AEO_CERTIFIED", aeoCertificateNo="AEOCN-TEST")), world.member(world.register())
    ok(world.gql(RECORD, {"u": a, "g": "MINOR", "r": "标签不规范"}))
    ok(world.gql(REPAIR, {"u": a, "r": "已整改"}, who=a))
    ok(world.gql(SET, {"u": b, "l": "DISHONEST"}))
    ok(world.gql(OBJECT, {"u": b, "r": "认定有误"}, who=b))
    return a, b


# ---- USCC, registration, public lookup ----------------------------------------------------------------

def test_a_wrong_check_digit_is_bad_user_input_everywhere(world: World, pair: tuple[str, str]) -> None:
    a, _ = pair
    bad = wrong_check(a)
    cases = [
        (REGISTER, {"i": {"uscc": bad, "name": "x"}}, "regulator", "uscc"),
        (HISTORY, {"u": bad}, None, "uscc"),
        (SET, {"u": bad, "l": "REGULAR"}, "regulator", "uscc"),
        (RECORD, {"u": bad, "g": "MINOR", "r": "x"}, "regulator", "uscc"),
        (REPAIR, {"u": bad, "r": "x"}, a, "uscc"),
        (OBJECT, {"u": bad, "r": "x"}, a, "uscc"),
        (QUEUE, {"u": bad}, "regulator", "uscc"),
        ("mutation($u: String) { applyOverdueDutyRule(uscc: $u) { id } }", {"u": bad}, "regulator", "uscc"),
        ("mutation($u: String!) { issueWarning(input: {title: \"t\", level: BLUE, kind: NOTICE, hazards: [HEALTH], "
         "productCategory: \"c\", summary: \"s\", enterpriseUsccs: [$u]}) { id } }", {"u": bad}, "regulator",
         "enterpriseUsccs"),
    ]
    for query, variables, who, field_name in cases:
        body = world.gql(query, variables, who=who)
        assert code_of(body) == "BAD_USER_INPUT", (query, body)
        assert body["errors"][0]["extensions"].get("field") == field_name, body


def test_registration_is_checked_and_regulator_only(world: World) -> None:
    uscc = new_uscc()
    for who, code in ((None, "UNAUTHENTICATED"), ("consumer", "FORBIDDEN"), ("enterprise", "FORBIDDEN"),
                      ("admin", "FORBIDDEN"), ("credit:read", "FORBIDDEN")):
        assert code_of(world.gql(REGISTER, {"i": {"uscc": uscc, "name": "x"}}, who=who)) == code
    for extra, field_name in (({"customsCode": "12"}, "customsCode"), ({"regionCode": "4403"}, "regionCode"),
                              ({"name": " "}, "name"), ({"aeoCertificateNo": "AEO-1"}, "aeoCertificateNo"),
                              ({"mutualRecognition": ["europe"]}, "mutualRecognition")):
        body = world.gql(REGISTER, {"i": {"uscc": uscc, "name": "x", **extra}})
        assert code_of(body) == "BAD_USER_INPUT" and body["errors"][0]["extensions"]["field"] == field_name, body
    created = ok(world.gql(REGISTER, {"i": {
        "uscc": uscc.lower(), "name": f"海关测试企业{world.tag}（虚构）", "customsCode": "4403960099",
        "types": ["IMPORTER", "CROSS_BORDER_PLATFORM"], "regionCode": "440300", "creditLevel": "AEO_ADVANCED",
        "aeoCertificateNo": "AEOCN4403960099", "mutualRecognition": ["eu", "SG"]}}))["registerEnterprise"]
    assert created == {"id": created["id"], "uscc": uscc, "creditLevel": "AEO_ADVANCED", "isAeo": True,
                       "types": ["IMPORTER", "CROSS_BORDER_PLATFORM"], "regionCode": "440300",
                       "customsCode": "4403960099", "aeoCertificateNo": "AEOCN4403960099",
                       "mutualRecognition": ["EU", "SG"]}
    assert code_of(world.gql(REGISTER, {"i": {"uscc": uscc, "name": "again"}})) == "CONFLICT"
    history = ok(world.gql(PRIVATE, {"u": uscc}))["enterprise"]["creditHistory"]
    assert [(h["fromLevel"], h["toLevel"], h["basis"]) for h in history] == [(None, "AEO_ADVANCED", "MANUAL")]


def test_public_lookup_by_part_of_a_name_code_region_type_and_level(world: World) -> None:
    tag = secrets.token_hex(3)
    en = f"Lookup {tag} Trading Co., Ltd. (fictional)"
    sz = world.register("AEO_ADVANCED", name=f"深圳查询{tag}电子", region="440300", types=["EXPORTER"], name_en=en)
    gz = world.register("DISHONEST", name=f"广州查询{tag}食品", region="440100", types=["IMPORTER"], name_en=en)
    bj = world.register("REGULAR", name=f"北京查询{tag}玩具", region="110105", types=["IMPORTER", "WAREHOUSE"],
                        name_en=en)

    def found(f: dict, who: str | None = None) -> list[str]:
        data = ok(world.gql(LIST, {"f": {"text": tag, **f}, "n": 100}, who=who))["enterprises"]
        assert data["totalCount"] == len(data["edges"])
        return sorted(e["node"]["uscc"] for e in data["edges"])

    assert found({}) == sorted([sz, gz, bj])  # anonymous: the public credit lookup
    assert found({"text": f"查询{tag}食"}) == [gz]  # part of the Chinese name
    assert found({"text": f"LOOKUP {tag} trading"}) == sorted([sz, gz, bj])  # English name, case and spaces ignored
    assert found({"text": sz[4:14].lower()}) == [sz]  # part of the USCC
    assert found({"region": "44"}) == sorted([sz, gz]) == found({"region": "440000"})
    assert found({"region": "440100"}) == [gz]
    assert found({"types": ["IMPORTER"]}) == sorted([gz, bj])
    assert found({"levels": ["DISHONEST", "AEO_ADVANCED"]}) == sorted([sz, gz])
    assert found({"aeo": True}) == [sz]
    assert found({"levels": ["REGULAR"]}, who="credit:read") == [bj]
    assert code_of(world.gql(LIST, {"f": {"text": tag, "levels": ["REGULAR"]}}, who="warnings:read")) == "FORBIDDEN"
    assert code_of(world.gql(LIST, {"f": {"region": "4"}})) == "BAD_USER_INPUT"


def test_enterprise_list_pages_with_a_true_total(world: World) -> None:
    tag = secrets.token_hex(3)
    codes = {world.register(name=f"分页{tag}-{i}") for i in range(5)}
    seen: list[str] = []
    after = None
    while True:
        data = ok(world.gql(LIST, {"f": {"text": f"分页{tag}"}, "n": 2, "a": after}, who=None))["enterprises"]
        assert data["totalCount"] == 5
        seen += [e["node"]["uscc"] for e in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(codes) and len(seen) == 5
    assert code_of(world.gql(LIST, {"a": "garbage"}, who=None)) == "BAD_USER_INPUT"


# ---- visibility: enterprise A never sees B's history, breaches or applications ----------------------------

@pytest.mark.parametrize("who, sees_a, sees_b", [
    (None, False, False), ("consumer", False, False), ("enterprise", False, False), ("warnings:read", False, False),
    ("A", True, False), ("B", False, True), ("credit:read", True, True), ("regulator", True, True),
    ("admin", True, True)])
def test_private_credit_fields_by_field_and_node(world: World, pair: tuple[str, str], who: str | None,
                                                 sees_a: bool, sees_b: bool) -> None:
    a, b = pair
    viewer = {"A": a, "B": b}.get(who or "", who)
    for uscc, allowed in ((a, sees_a), (b, sees_b)):
        node_id = ok(world.gql("query($u: String!) { enterprise(uscc: $u) { id } }", {"u": uscc}))["enterprise"]["id"]
        for query in (HISTORY, BREACHES, APPLICATIONS):
            for q, v in ((query, {"u": uscc}),
                         (query.replace("query($u: String!) { enterprise(uscc: $u) {",
                                        "query($i: ID!) { node(id: $i) { ... on Enterprise {") + " }", {"i": node_id})):
                body = world.gql(q, v, who=viewer)
                if allowed:
                    ok(body)
                else:
                    assert code_of(body) == "FORBIDDEN", (who, uscc, q, body)
                    assert body["errors"][0]["path"][-1] in ("creditHistory", "breaches", "creditApplications")


def test_applications_of_another_enterprise_are_invisible_on_every_path(world: World, pair: tuple[str, str]) -> None:
    a, b = pair
    a_app = ok(world.gql(PRIVATE, {"u": a}, who=a))["enterprise"]["creditApplications"][0]["id"]
    b_app = ok(world.gql(PRIVATE, {"u": b}, who=b))["enterprise"]["creditApplications"][0]["id"]
    # node(id:): null for what the viewer may not see
    assert ok(world.gql(NODE, {"id": a_app}, who=b))["node"] is None
    assert ok(world.gql(NODE, {"id": a_app}, who=a))["node"]["uscc"] == a
    for who in (None, "consumer", "enterprise", "warnings:read"):
        assert ok(world.gql(NODE, {"id": a_app}, who=who))["node"] is None
    for who in ("regulator", "admin", "credit:read"):
        assert ok(world.gql(NODE, {"id": b_app}, who=who))["node"]["uscc"] == b
    # the root list: an enterprise sees its own only; asking for another's is FORBIDDEN; no reader at all: FORBIDDEN
    own = ok(world.gql(QUEUE, {"f": 100}, who=b))["creditApplications"]
    assert {e["node"]["uscc"] for e in own["edges"]} == {b} and own["totalCount"] == len(own["edges"])
    assert code_of(world.gql(QUEUE, {"u": a}, who=b)) == "FORBIDDEN"
    for who in (None, "consumer", "warnings:read"):
        assert code_of(world.gql(QUEUE, {}, who=who)) == "FORBIDDEN"
    # the nested list through the application's enterprise shows only public data to a stranger
    body = world.gql("query($i: ID!) { node(id: $i) { ... on CreditApplication { enterprise { breaches { id } } } } }",
                     {"i": a_app}, who=b)
    assert ok(body)["node"] is None
    # the proposal is the regulators' only
    for who in (a, b, "credit:read", "consumer", None):
        assert code_of(world.gql(PROPOSAL, {"u": a}, who=who)) == "FORBIDDEN"


def test_filing_is_for_the_own_enterprise_only(world: World, pair: tuple[str, str]) -> None:
    a, b = pair
    for query in (REPAIR, OBJECT):
        assert code_of(world.gql(query, {"u": a, "r": "x"}, who=None)) == "UNAUTHENTICATED"
        for who in ("consumer", "regulator", "admin", "credit:read"):
            assert code_of(world.gql(query, {"u": a, "r": "x"}, who=who)) == "FORBIDDEN", (query, who)
        assert code_of(world.gql(query, {"u": a, "r": "x"}, who=b)) == "FORBIDDEN"
        assert code_of(world.gql(query, {"u": a, "r": "x"}, who="enterprise")) == "FORBIDDEN"
    # a second open application of the same kind
    assert code_of(world.gql(REPAIR, {"u": a, "r": "再次申请"}, who=a)) == "CONFLICT"
    assert code_of(world.gql(OBJECT, {"u": b, "r": "再次异议"}, who=b)) == "CONFLICT"
    assert code_of(world.gql(REPAIR, {"u": b, "r": " "}, who=b)) == "BAD_USER_INPUT"
    assert code_of(world.gql(REPAIR, {"u": b, "r": "x", "e": ["../../etc"]}, who=b)) == "BAD_USER_INPUT"


def test_breaches_are_recorded_by_regulators_only(world: World, pair: tuple[str, str]) -> None:
    a, _ = pair
    for who, code in ((None, "UNAUTHENTICATED"), ("consumer", "FORBIDDEN"), (a, "FORBIDDEN"), ("admin", "FORBIDDEN"),
                      ("credit:read", "FORBIDDEN")):
        assert code_of(world.gql(RECORD, {"u": a, "g": "SERIOUS", "r": "x"}, who=who)) == code
    assert code_of(world.gql(RECORD, {"u": new_uscc(), "g": "MINOR", "r": "x"})) == "NOT_FOUND"
    assert code_of(world.gql(RECORD, {"u": a, "g": "MINOR", "r": ""})) == "BAD_USER_INPUT"


# ---- thresholds: a proposal, never an automatic change ------------------------------------------------------

def test_a_serious_breach_proposes_dishonest_and_only_a_regulator_confirms(world: World) -> None:
    uscc = world.register()
    assert ok(world.gql(PROPOSAL, {"u": uscc}))["enterprise"]["creditProposal"] is None
    after = ok(world.gql(RECORD, {"u": uscc, "g": "SERIOUS", "r": "伪报品名"}))["recordBreach"]
    assert after["creditLevel"] == "REGULAR"  # recorded, not applied
    proposal = ok(world.gql(PROPOSAL, {"u": uscc}))["enterprise"]
    assert proposal["creditLevel"] == "REGULAR"
    assert proposal["creditProposal"]["toLevel"] == "DISHONEST"
    breach_id = proposal["creditProposal"]["breaches"][0]["id"]
    assert proposal["creditProposal"]["breaches"] == [{"id": breach_id, "grade": "SERIOUS"}]
    confirmed = ok(world.gql(SET, {"u": uscc, "l": "DISHONEST", "b": breach_id}))["setCreditLevel"]
    assert confirmed["creditHistory"][-1] == {"fromLevel": "REGULAR", "toLevel": "DISHONEST", "basis": "BREACH",
                                              "basisRef": breach_id}
    assert ok(world.gql(PROPOSAL, {"u": uscc}))["enterprise"]["creditProposal"] is None  # already dishonest
    assert code_of(world.gql(SET, {"u": uscc, "l": "REGULAR", "b": "not-a-breach"})) == "BAD_USER_INPUT"


def test_three_general_breaches_within_twelve_months_propose_dishonest(world: World) -> None:
    uscc = world.register("AEO_CERTIFIED")
    for n in range(3):
        assert ok(world.gql(PROPOSAL, {"u": uscc}))["enterprise"]["creditProposal"] is None
        ok(world.gql(RECORD, {"u": uscc, "g": "GENERAL", "r": f"申报不实 {n}"}))
        ok(world.gql(RECORD, {"u": uscc, "g": "MINOR", "r": f"轻微 {n}"}))
    proposal = ok(world.gql(PROPOSAL, {"u": uscc}))["enterprise"]
    assert proposal["creditLevel"] == "AEO_CERTIFIED"
    assert proposal["creditProposal"]["fromLevel"] == "AEO_CERTIFIED"
    assert [b["grade"] for b in proposal["creditProposal"]["breaches"]] == ["GENERAL"] * 3


# ---- repair and objections --------------------------------------------------------------------------------

def test_an_approved_repair_restores_the_tier_and_closes_the_breach(world: World, db: object) -> None:
    uscc = world.member(world.register("AEO_ADVANCED", aeoCertificateNo="AEOCN-R"))
    breach = ok(world.gql(RECORD, {"u": uscc, "g": "GENERAL", "r": "查验不合格"}))["recordBreach"]["breaches"][0]
    ok(world.gql(SET, {"u": uscc, "l": "AEO_CERTIFIED", "b": breach["id"]}))
    before = datetime.now(UTC)
    evidence = [upload_evidence(world.server, world.tokens[uscc], (60, 90, n)) for n in (1, 2)]
    app = ok(world.gql(REPAIR, {"u": uscc, "r": "已完成整改", "e": evidence}, who=uscc))
    app = app["applyCreditRepair"]
    assert (app["kind"], app["state"], app["breachId"], app["evidenceIds"], app["overdue"]) == \
        ("REPAIR", "PENDING", breach["id"], evidence, False)
    # claimed by the application: the sweep of unclaimed uploads keeps them
    app_hex = str(decode_id(app["id"], "CreditApplication")[1])  # type: ignore[index]
    assert [claimer_of(db, e) for e in evidence] == [f"credit_application:{app_hex}"] * 2
    submitted = datetime.fromisoformat(app["submittedAt"])
    assert before - timedelta(seconds=5) <= submitted
    assert datetime.fromisoformat(app["dueAt"]) == add_working_days(submitted, 20).due_at
    # the regulators' queue shows it with its deadline; reviews are the regulator's
    queue = ok(world.gql(QUEUE, {"s": ["PENDING"], "u": uscc}))["creditApplications"]
    assert [e["node"]["id"] for e in queue["edges"]] == [app["id"]]
    for who, code in ((None, "UNAUTHENTICATED"), (uscc, "FORBIDDEN"), ("admin", "FORBIDDEN"),
                      ("credit:read", "FORBIDDEN")):
        assert code_of(world.gql(REVIEW, {"id": app["id"], "a": True, "r": "x"}, who=who)) == code
    assert code_of(world.gql(REVIEW, {"id": app["id"], "a": True, "r": ""})) == "BAD_USER_INPUT"
    reviewed = ok(world.gql(REVIEW, {"id": app["id"], "a": True, "r": "整改到位"}))["reviewCreditApplication"]
    assert (reviewed["state"], reviewed["decisionReason"], reviewed["enterprise"]["creditLevel"]) == \
        ("APPROVED", "整改到位", "AEO_ADVANCED")
    after = ok(world.gql(PRIVATE, {"u": uscc}, who=uscc))["enterprise"]
    assert after["creditHistory"][-1]["basis"] == "REPAIR" and after["creditHistory"][-1]["basisRef"] == app["id"]
    assert [(h["fromLevel"], h["toLevel"]) for h in after["creditHistory"]] == [
        (None, "AEO_ADVANCED"), ("AEO_ADVANCED", "AEO_CERTIFIED"), ("AEO_CERTIFIED", "AEO_ADVANCED")]
    assert after["breaches"][0]["open"] is False and after["breaches"][0]["closedBy"] == app["id"]  # kept, closed
    # a review past its state
    assert code_of(world.gql(REVIEW, {"id": app["id"], "a": False, "r": "再审"})) == "CONFLICT"
    assert ok(world.gql(QUEUE, {"s": ["PENDING"], "u": uscc}))["creditApplications"]["totalCount"] == 0
    # nothing left to repair
    assert code_of(world.gql(REPAIR, {"u": uscc, "r": "again"}, who=uscc)) == "CONFLICT"
    unknown = str(global_id("CreditApplication", ObjectId()))
    assert code_of(world.gql(REVIEW, {"id": unknown, "a": True, "r": "x"})) == "NOT_FOUND"


def test_an_upheld_objection_reverses_the_change_and_a_rejected_one_does_not(world: World) -> None:
    uscc = world.member(world.register())
    ok(world.gql(SET, {"u": uscc, "l": "DISHONEST"}))
    first = ok(world.gql(OBJECT, {"u": uscc, "r": "认定依据不足"}, who=uscc))["objectToRating"]
    rejected = ok(world.gql(REVIEW, {"id": first["id"], "a": False, "r": "依据充分"}))["reviewCreditApplication"]
    assert (rejected["state"], rejected["enterprise"]["creditLevel"]) == ("REJECTED", "DISHONEST")
    second = ok(world.gql(OBJECT, {"u": uscc, "r": "补充证据"}, who=uscc))["objectToRating"]
    upheld = ok(world.gql(REVIEW, {"id": second["id"], "a": True, "r": "异议成立"}))["reviewCreditApplication"]
    assert (upheld["state"], upheld["enterprise"]["creditLevel"]) == ("APPROVED", "REGULAR")
    last = ok(world.gql(PRIVATE, {"u": uscc}))["enterprise"]["creditHistory"][-1]
    assert (last["fromLevel"], last["toLevel"], last["basis"], last["basisRef"]) == \
        ("DISHONEST", "REGULAR", "OBJECTION_UPHELD", second["id"])


def test_an_objection_superseded_by_a_later_change_cannot_be_upheld(world: World) -> None:
    uscc = world.member(world.register())
    ok(world.gql(SET, {"u": uscc, "l": "DISHONEST"}))
    objection = ok(world.gql(OBJECT, {"u": uscc, "r": "有误"}, who=uscc))["objectToRating"]
    ok(world.gql(SET, {"u": uscc, "l": "SERIOUSLY_DISHONEST"}))
    assert code_of(world.gql(REVIEW, {"id": objection["id"], "a": True, "r": "成立"})) == "CONFLICT"
    assert ok(world.gql(REVIEW, {"id": objection["id"], "a": False, "r": "已被后续认定取代"}))[
        "reviewCreditApplication"]["state"] == "REJECTED"
    fresh = world.member(world.register())
    assert code_of(world.gql(OBJECT, {"u": fresh, "r": "x"}, who=fresh)) == "CONFLICT"  # only an initial rating


def test_the_review_queue_shows_the_nearest_deadline_first(world: World, pair: tuple[str, str]) -> None:
    seen: list[str] = []
    after = None
    for _ in range(50):
        data = ok(world.gql(QUEUE, {"s": ["PENDING"], "f": 3, "a": after}))["creditApplications"]
        seen += [e["node"]["dueAt"] for e in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert len(seen) == data["totalCount"] >= 2
    assert seen == sorted(seen)


# ---- tiers change only through regulators or rules ----------------------------------------------------------

def test_tiers_change_only_through_regulators_or_rules(world: World, pair: tuple[str, str]) -> None:
    a, b = pair
    for who in (a, "consumer", "admin", "credit:read"):
        assert code_of(world.gql(SET, {"u": a, "l": "AEO_ADVANCED"}, who=who)) == "FORBIDDEN"
    ok(world.gql(RECORD, {"u": a, "g": "SERIOUS", "r": "不改变等级"}))  # a breach alone changes nothing
    for uscc in (a, b):
        history = ok(world.gql(PRIVATE, {"u": uscc}))["enterprise"]["creditHistory"]
        regulator_actor = history[0]["by"]
        assert regulator_actor.startswith("account:")
        for previous, entry in pairwise(history):
            assert entry["fromLevel"] == previous["toLevel"]
        assert all(h["by"] == regulator_actor or h["by"].startswith("system:") for h in history)


# ---- CREDIT_DOWNGRADE from a warning --------------------------------------------------------------------------

ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id status code } }"


def warning_input(usccs: list[str], draft: bool = False, measures: list[str] | None = None) -> dict:
    return {"title": "降级测试预警", "level": "BLUE", "kind": "NOTICE", "hazards": ["HEALTH"],
            "productCategory": "测试", "summary": "CREDIT_DOWNGRADE test", "enterpriseUsccs": usccs, "draft": draft,
            "measures": measures if measures is not None else ["CREDIT_DOWNGRADE", "TIGHTENED_SUPERVISION"]}


def test_a_credit_downgrade_warning_lowers_each_named_enterprise_one_tier(world: World) -> None:
    best, floor, unknown = world.register("AEO_ADVANCED"), world.register("SERIOUSLY_DISHONEST"), new_uscc()
    warning = ok(world.gql(ISSUE, {"i": warning_input([best, floor, unknown])}))["issueWarning"]
    history = ok(world.gql(PRIVATE, {"u": best}))["enterprise"]["creditHistory"]
    assert ok(world.gql(PRIVATE, {"u": best}))["enterprise"]["creditLevel"] == "AEO_CERTIFIED"
    assert (history[-1]["fromLevel"], history[-1]["toLevel"], history[-1]["basis"], history[-1]["basisRef"]) == \
        ("AEO_ADVANCED", "AEO_CERTIFIED", "WARNING_MEASURE", warning["id"])
    assert warning["code"] in history[-1]["reason"]
    assert ok(world.gql("query($i: ID!) { node(id: $i) { ... on Warning { code } } }", {"i": history[-1]["basisRef"]}))[
        "node"]["code"] == warning["code"]
    floor_history = ok(world.gql(PRIVATE, {"u": floor}))["enterprise"]["creditHistory"]
    assert [h["toLevel"] for h in floor_history] == ["SERIOUSLY_DISHONEST"]  # never below the floor


def test_a_firm_downgraded_out_of_aeo_shows_no_certificate_in_force(world: World) -> None:
    aeo = world.register("AEO_CERTIFIED", aeoCertificateNo="AEOCN-D", mutualRecognition=["SG"])
    status = "query($u: String!) { enterprise(uscc: $u) { creditLevel isAeo aeoCertificateNo mutualRecognition } }"
    assert ok(world.gql(status, {"u": aeo}, who=None))["enterprise"] == {
        "creditLevel": "AEO_CERTIFIED", "isAeo": True, "aeoCertificateNo": "AEOCN-D", "mutualRecognition": ["SG"]}
    ok(world.gql(ISSUE, {"i": warning_input([aeo])}))
    assert ok(world.gql(status, {"u": aeo}, who=None))["enterprise"] == {
        "creditLevel": "REGULAR", "isAeo": False, "aeoCertificateNo": None, "mutualRecognition": []}
    assert code_of(world.gql(status, {"u": aeo}, who="warnings:read")) == "FORBIDDEN"


def test_the_downgrade_happens_at_publication_not_for_a_draft(world: World) -> None:
    uscc = world.register("REGULAR")
    draft = ok(world.gql(ISSUE, {"i": warning_input([uscc], draft=True)}))["issueWarning"]
    assert ok(world.gql(PRIVATE, {"u": uscc}))["enterprise"]["creditLevel"] == "REGULAR"
    ok(world.gql("mutation($i: ID!) { publishWarning(id: $i) { status } }", {"i": draft["id"]}))
    last = ok(world.gql(PRIVATE, {"u": uscc}))["enterprise"]["creditHistory"][-1]
    assert (last["toLevel"], last["basis"], last["basisRef"]) == ("DISHONEST", "WARNING_MEASURE", draft["id"])
    other = world.register("REGULAR")
    ok(world.gql(ISSUE, {"i": warning_input([other], measures=["TIGHTENED_SUPERVISION"])}))
    assert ok(world.gql(PRIVATE, {"u": other}))["enterprise"]["creditLevel"] == "REGULAR"


# ---- overdue recall duties ----------------------------------------------------------------------------------

@pytest.fixture
def duties_collection(live_server: Stack) -> Iterator[object]:
    client: MongoClient = MongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true",
                                      tz_aware=True)
    try:
        yield client["qsradar"]["recall_duties"]
    finally:
        client.close()


def _duty(uscc: str, due: datetime, met: bool = False) -> dict:
    oid = ObjectId()
    return {"_id": oid, "kind": "PROGRESS_REPORT", "cause_key": f"PROGRESS_REPORT:test:{oid}", "enterprise_uscc": uscc,
            "recall_code": "RC-TEST", "due_at": due, "due_day": due.date().isoformat(), "calendar_exact": True,
            "created_at": due - timedelta(days=30), "met_at": due if met else None, "revision": 0,
            "sort_key": f"{due:%Y%m%d%H%M%S}000000|{oid}"}


def test_an_overdue_duty_records_one_general_breach_after_the_grace(world: World, duties_collection) -> None:
    """A duty created directly in the database (the rule does not depend on how duties are made)."""
    uscc = world.register("AEO_CERTIFIED")
    now = datetime.now(UTC)
    late, recent, met = _duty(uscc, now - timedelta(days=10)), _duty(uscc, now - timedelta(days=3)), \
        _duty(uscc, now - timedelta(days=30), met=True)
    duties_collection.insert_many([late, recent, met])  # type: ignore[attr-defined]
    sweep = "mutation($u: String) { applyOverdueDutyRule(uscc: $u) { id grade source sourceRef } }"
    for who, code in ((None, "UNAUTHENTICATED"), ("enterprise", "FORBIDDEN"), ("admin", "FORBIDDEN")):
        assert code_of(world.gql(sweep, {"u": uscc}, who=who)) == code
    recorded = ok(world.gql(sweep, {"u": uscc}))["applyOverdueDutyRule"]
    assert [(b["grade"], b["source"], b["sourceRef"]) for b in recorded] == [("GENERAL", "RECALL_DUTY", str(late["_id"]))]
    assert ok(world.gql(sweep, {"u": uscc}))["applyOverdueDutyRule"] == []  # once
    e = ok(world.gql(PRIVATE, {"u": uscc}))["enterprise"]
    assert [b["sourceRef"] for b in e["breaches"]] == [str(late["_id"])]
    assert e["creditLevel"] == "AEO_CERTIFIED"  # a breach proposes at most; it never changes the tier


# ---- demo data ------------------------------------------------------------------------------------------------

def test_demo_credit_stories_are_on_fictional_firms_only(world: World) -> None:
    from documents.demo import credit as demo_credit
    from documents.demo import data as demo_data

    fictional = {_e["uscc"] for _e in demo_data.ENTERPRISES} - demo_data.REAL_COMPANIES
    assert all(body + uscc_check_character(body) in fictional for body in demo_credit._PROFILES)
    query = "query($u: String!) { enterprise(uscc: $u) { name creditLevel creditHistory { basis basisRef } " \
            "breaches { grade open } creditApplications { kind state } } }"
    for uscc in demo_data.REAL_COMPANIES:  # real firms: REGULAR, no history, breach or application
        e = ok(world.gql(query, {"u": uscc}))["enterprise"]
        assert (e["creditLevel"], e["creditHistory"], e["breaches"], e["creditApplications"]) == \
            ("REGULAR", [], [], [])
    demo = ok(world.gql(query, {"u": demo_data.DEMO_USCC}, who="enterprise"))["enterprise"]
    assert "虚构" in demo["name"] and any(h["basis"] == "BREACH" for h in demo["creditHistory"])
    assert {"grade": "GENERAL", "open": True} in demo["breaches"]
    assert {"kind": "REPAIR", "state": "PENDING"} in demo["creditApplications"]
    books = ok(world.gql(query, {"u": demo_data.BOOKS}))["enterprise"]
    assert {"kind": "REPAIR", "state": "PENDING"} in books["creditApplications"]
    auto = ok(world.gql(query, {"u": demo_data.AUTO}))["enterprise"]
    assert {"kind": "OBJECTION", "state": "APPROVED"} in auto["creditApplications"]
    assert auto["creditHistory"][-1]["basis"] == "OBJECTION_UPHELD" and auto["creditLevel"] == "REGULAR"
    food = ok(world.gql(LIST, {"f": {"text": "海韵食品"}}))["enterprises"]["edges"][0]["node"]
    assert "虚构" in food["name"]
    history = ok(world.gql(query, {"u": food["uscc"]}))["enterprise"]["creditHistory"]
    assert history[-1]["basis"] == "WARNING_MEASURE"
    warning = ok(world.gql("query($i: ID!) { node(id: $i) { ... on Warning { measures enterprises { uscc } } } }",
                           {"i": history[-1]["basisRef"]}))["node"]
    assert "CREDIT_DOWNGRADE" in warning["measures"] and warning["enterprises"] == [{"uscc": food["uscc"]}]


def test_evidence_must_be_the_applicants_own_unclaimed_uploads(world: World, db: object) -> None:
    """Repair and objection evidence: uploads of the signed-in member, claimed by nothing else; any other id is
    BAD_USER_INPUT naming evidenceIds and nothing is filed (a fake id would be swept, or leak another's file)."""
    uscc = world.member(world.register())
    ok(world.gql(RECORD, {"u": uscc, "g": "MINOR", "r": "标签不规范"}))
    ok(world.gql(SET, {"u": uscc, "l": "DISHONEST"}))  # a change to object to
    stranger = new_consumer(world.server)
    theirs = upload_evidence(world.server, stranger["token"], (61, 90, 1))
    mine = upload_evidence(world.server, world.tokens[uscc], (61, 90, 2))
    objection = "mutation($u: String!, $e: [String!]) { objectToRating(uscc: $u, reason: \"认定有误\", evidenceIds: $e) " \
                "{ id evidenceIds } }"
    for ids in (["upload-1"], [str(global_id("Upload", ObjectId()))], [theirs], [mine, theirs],
                [str(global_id("Warning", ObjectId()))]):
        for query, variables in ((REPAIR, {"u": uscc, "r": "已整改", "e": ids}), (objection, {"u": uscc, "e": ids})):
            body = world.gql(query, variables, who=uscc)
            assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds", (ids, body)
    assert ok(world.gql(APPLICATIONS, {"u": uscc}, who=uscc))["enterprise"]["creditApplications"] == []
    assert claimer_of(db, mine) is None and claimer_of(db, theirs) is None
    filed = ok(world.gql(REPAIR, {"u": uscc, "r": "已整改", "e": [mine]}, who=uscc))["applyCreditRepair"]
    assert filed["evidenceIds"] == [mine]
    # claimed now: another application (or a complaint, or a defect report) may not take it
    body = world.gql(objection, {"u": uscc, "e": [mine]}, who=uscc)
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds"
    assert len(ok(world.gql(APPLICATIONS, {"u": uscc}, who=uscc))["enterprise"]["creditApplications"]) == 1
