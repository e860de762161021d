"""Recalls end to end against a service of this module's own (own database): announce and order, progress and
duties, complete and close, defect reports confirmed into ordered recalls, RECALL_ORDERED alerts, and every
permission rule tried on each path (list, node, nested, mutation)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from documents.core.workdays import cst_date, is_working_day
from documents.demo.data import CLOTH, DEMO_USCC, HOME
from tests import stack as stack_mod
from tests.gqlws import GqlWs
from tests.stack import DEMO_PASSWORD, Stack, code_of

RECALL_FIELDS = "id code type status unitsAffected unitsRecovered completionRate remedy { type instructions " \
                "contactPhone } gtins batches hazard duties { id kind state dueAt workingDaysLeft calendarExact }"
ANNOUNCE = "mutation($i: AnnounceRecallInput!) { announceRecall(input: $i) { FIELDS } }".replace("FIELDS", RECALL_FIELDS)
ORDER = "mutation($i: AnnounceRecallInput!, $d: ID) { orderRecall(input: $i, defectReportId: $d) { FIELDS " \
        "warning { code } } }".replace("FIELDS", RECALL_FIELDS)
REPORT = "mutation($id: ID!, $u: Int!, $r: Float) { reportRecallProgress(id: $id, unitsRecovered: $u, " \
         "refundsCny: $r) { FIELDS } }".replace("FIELDS", RECALL_FIELDS)
COMPLETE = "mutation($id: ID!) { completeRecall(id: $id) { status completedAt duties { kind state } } }"
CLOSE = "mutation($id: ID!, $r: String!) { closeRecall(id: $id, reason: $r) { status closedAt closeReason } }"
SUBMIT = "mutation($i: DefectReportInput!) { submitDefectReport(input: $i) { id code status reporterKind } }"
ASSESS = "mutation($id: ID!, $c: Boolean!, $r: String!, $o: AnnounceRecallInput) { assessDefectReport(id: $id, " \
         "confirmed: $c, reason: $r, recall: $o) { id status assessment recall { FIELDS } } }".replace("FIELDS", RECALL_FIELDS)
DUTIES = "query($f: RecallDutyFilter) { recallDuties(filter: $f, first: 100) { totalCount edges { node { id kind " \
         "state enterprise { uscc } recall { code } } } } }"
ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id code level } }"



def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


def recall_input(uscc: str = DEMO_USCC, **extra: object) -> dict:
    return {"uscc": uscc, "productName": f"测试产品 {uuid.uuid4().hex[:6]}", "productNameEn": "Test product",
            "brand": "测试 Test", "hazard": "外壳过热 overheating", "remedy": "REFUND",
            "remedyInstructions": "停止使用并联系客服退款", "unitsAffected": 1000, "gtins": ["6901234567892"],
            "batches": ["B-2026-01"], "contactPhone": "400-000-0000", **extra}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = stack_mod.start(tmp_path_factory.mktemp("recalls"))
    try:
        yield stack
    finally:
        stack_mod.stop(stack)


@pytest.fixture(scope="module")
def people(server: Stack) -> dict[str, str]:
    """Tokens: the demo roles, a member of another (fictional) enterprise, and agencies with and without recalls."""
    out = {r: server.sign_in(f"{r}@demo.test")["accessToken"] for r in ("consumer", "enterprise", "regulator", "admin")}
    for name, uscc in (("garments", CLOTH), ("appliances", HOME)):
        ok(server.gql("mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }", {"i": {
            "email": f"{name}@fictional.test", "password": DEMO_PASSWORD, "role": "ENTERPRISE",
            "enterpriseUscc": uscc}}, token=out["admin"]))
        out[name] = server.sign_in(f"{name}@fictional.test")["accessToken"]
    out["agency"] = server.agency_token().json()["access_token"]
    out["agency_no_recalls"] = server.agency_token("warnings:read").json()["access_token"]
    return out


def test_voluntary_recall_progress_updates_completion_and_duties(server: Stack, people: dict) -> None:
    recall = ok(server.gql(ANNOUNCE, {"i": recall_input()}, token=people["enterprise"]))["announceRecall"]
    assert recall["type"] == "VOLUNTARY" and recall["status"] == "ANNOUNCED" and recall["code"].startswith("RC-20")
    assert recall["remedy"] == {"type": "REFUND", "instructions": "停止使用并联系客服退款", "contactPhone": "400-000-0000"}
    assert [(d["kind"], d["state"]) for d in recall["duties"]] == [("PROGRESS_REPORT", "OPEN")]
    first = ok(server.gql(REPORT, {"id": recall["id"], "u": 250, "r": 5000.0}, token=people["enterprise"]))
    out = first["reportRecallProgress"]
    assert out["status"] == "IN_PROGRESS" and out["completionRate"] == 0.25
    # The report met the open monthly duty and opened the next one.
    assert sorted((d["kind"], d["state"]) for d in out["duties"]) == [("PROGRESS_REPORT", "MET"),
                                                                      ("PROGRESS_REPORT", "OPEN")]
    second = ok(server.gql(REPORT, {"id": recall["id"], "u": 600}, token=people["regulator"]))
    assert second["reportRecallProgress"]["completionRate"] == 0.6
    done = ok(server.gql(COMPLETE, {"id": recall["id"]}, token=people["enterprise"]))["completeRecall"]
    assert done["status"] == "COMPLETED" and all(d["state"] == "MET" for d in done["duties"])
    assert code_of(server.gql(CLOSE, {"id": recall["id"], "r": "effect evaluated"}, token=people["enterprise"])) \
        == "FORBIDDEN"
    assert code_of(server.gql(CLOSE, {"id": recall["id"], "r": " "}, token=people["regulator"])) == "BAD_USER_INPUT"
    closed = ok(server.gql(CLOSE, {"id": recall["id"], "r": "effect evaluated"}, token=people["regulator"]))
    assert closed["closeRecall"]["status"] == "CLOSED" and closed["closeRecall"]["closeReason"] == "effect evaluated"
    assert code_of(server.gql(CLOSE, {"id": recall["id"], "r": "again"}, token=people["regulator"])) == "CONFLICT"


def test_out_of_order_transitions_and_impossible_input(server: Stack, people: dict) -> None:
    recall = ok(server.gql(ANNOUNCE, {"i": recall_input()}, token=people["enterprise"]))["announceRecall"]
    assert code_of(server.gql(COMPLETE, {"id": recall["id"]}, token=people["enterprise"])) == "CONFLICT"
    assert code_of(server.gql(CLOSE, {"id": recall["id"], "r": "too early"}, token=people["regulator"])) == "CONFLICT"
    for bad, field in (({"unitsAffected": 0}, "unitsAffected"), ({"gtins": ["6901234567890"]}, "gtins"),
                       ({"hazard": "  "}, "hazard"), ({"contactPhone": "call me"}, "contactPhone"),
                       ({"uscc": "91440300MA5DEM1X0A"}, "uscc"), ({"warningId": "bm9wZTox"}, "warningId")):
        body = server.gql(ANNOUNCE, {"i": recall_input(**bad)}, token=people["enterprise"])
        assert code_of(body) == "BAD_USER_INPUT" and body["errors"][0]["extensions"]["field"] == field, (bad, body)


def test_enterprise_a_cannot_announce_or_report_on_b(server: Stack, people: dict) -> None:
    b_recall = ok(server.gql(ANNOUNCE, {"i": recall_input(CLOTH)}, token=people["garments"]))["announceRecall"]
    assert b_recall["type"] == "VOLUNTARY"
    assert code_of(server.gql(ANNOUNCE, {"i": recall_input(CLOTH)}, token=people["enterprise"])) == "FORBIDDEN"
    assert code_of(server.gql(REPORT, {"id": b_recall["id"], "u": 1}, token=people["enterprise"])) == "FORBIDDEN"
    assert code_of(server.gql(COMPLETE, {"id": b_recall["id"]}, token=people["enterprise"])) == "FORBIDDEN"
    duty_id = b_recall["duties"][0]["id"]
    fulfil = 'mutation($id: ID!) { fulfilRecallDuty(id: $id, note: "plan") { state } }'
    assert code_of(server.gql(fulfil, {"id": duty_id}, token=people["enterprise"])) == "FORBIDDEN"
    # A progress duty is met by reporting, not by declaring it met.
    assert code_of(server.gql(fulfil, {"id": duty_id}, token=people["garments"])) == "CONFLICT"
    for who, expected in (("anonymous", "UNAUTHENTICATED"), ("consumer", "FORBIDDEN"), ("agency", "FORBIDDEN"),
                          ("admin", "FORBIDDEN")):
        assert code_of(server.gql(ANNOUNCE, {"i": recall_input()}, token=people.get(who))) == expected, who
        assert code_of(server.gql(ORDER, {"i": recall_input()}, token=people.get(who))) == expected, who
    assert code_of(server.gql(ORDER, {"i": recall_input()}, token=people["enterprise"])) == "FORBIDDEN"
    after = server.gql('query($id: ID!) { node(id: $id) { ... on Recall { unitsRecovered status } } }',
                       {"id": b_recall["id"]})
    assert after["data"]["node"] == {"unitsRecovered": 0, "status": "ANNOUNCED"}


def test_overdue_duty_visible_to_regulators_not_to_another_enterprise(server: Stack, people: dict) -> None:
    # The demo enterprise's announced recall has an overdue monthly report (documents/demo/recalls.py).
    overdue = ok(server.gql(DUTIES, {"f": {"states": ["OVERDUE"]}}, token=people["regulator"]))["recallDuties"]
    mine = [e["node"] for e in overdue["edges"] if e["node"]["enterprise"]["uscc"] == DEMO_USCC]
    assert mine and all(d["state"] == "OVERDUE" for d in mine) and overdue["totalCount"] == len(overdue["edges"])
    duty_id = mine[0]["id"]
    recall_code = mine[0]["recall"]["code"]
    # The enterprise itself sees it, on every path.
    own = ok(server.gql(DUTIES, {"f": {"states": ["OVERDUE"]}}, token=people["enterprise"]))["recallDuties"]
    assert duty_id in {e["node"]["id"] for e in own["edges"]}
    me = ok(server.gql("{ me { duties(states: [OVERDUE]) { edges { node { id } } } } }", token=people["enterprise"]))
    assert duty_id in {e["node"]["id"] for e in me["me"]["duties"]["edges"]}
    # Another enterprise: not in its lists, null as a node, empty nested, FORBIDDEN on Enterprise.duties.
    other = ok(server.gql(DUTIES, {"f": {"states": ["OVERDUE"]}}, token=people["garments"]))["recallDuties"]
    assert all(e["node"]["enterprise"]["uscc"] == CLOTH for e in other["edges"])
    assert ok(server.gql(DUTIES, {"f": {"uscc": DEMO_USCC}}, token=people["garments"]))["recallDuties"] == {
        "totalCount": 0, "edges": []}
    me_other = ok(server.gql("{ me { duties { edges { node { id } } } } }", token=people["garments"]))
    assert duty_id not in {e["node"]["id"] for e in me_other["me"]["duties"]["edges"]}
    node = 'query($id: ID!) { node(id: $id) { ... on RecallDuty { id state } } }'
    assert ok(server.gql(node, {"id": duty_id}, token=people["regulator"]))["node"] == {"id": duty_id,
                                                                                         "state": "OVERDUE"}
    for who in ("garments", "consumer", "anonymous", "agency"):
        assert ok(server.gql(node, {"id": duty_id}, token=people.get(who)))["node"] is None, who
    nested = 'query($f: RecallFilter) { recalls(filter: $f) { edges { node { code duties { id } } } } }'
    rows = ok(server.gql(nested, {"f": {"text": recall_code}}, token=people["garments"]))["recalls"]["edges"]
    assert rows and rows[0]["node"]["duties"] == []
    rows = ok(server.gql(nested, {"f": {"text": recall_code}}, token=people["enterprise"]))["recalls"]["edges"]
    assert duty_id in {d["id"] for d in rows[0]["node"]["duties"]}
    ent = 'query($u: String!) { enterprise(uscc: $u) { duties(states: [OVERDUE]) { totalCount } } }'
    assert ok(server.gql(ent, {"u": DEMO_USCC}, token=people["regulator"]))["enterprise"]["duties"]["totalCount"] >= 1
    assert ok(server.gql(ent, {"u": DEMO_USCC}, token=people["enterprise"]))["enterprise"]["duties"]["totalCount"] >= 1
    for who in ("garments", "consumer", "anonymous", "agency"):
        assert code_of(server.gql(ent, {"u": DEMO_USCC}, token=people.get(who))) == "FORBIDDEN", who
    assert code_of(server.gql(DUTIES, token=people["consumer"])) == "FORBIDDEN"
    assert code_of(server.gql(DUTIES, token=people["agency"])) == "FORBIDDEN"
    assert code_of(server.gql(DUTIES)) == "UNAUTHENTICATED"


def test_demo_enterprise_has_real_work(server: Stack, people: dict) -> None:
    query = "{ me { duties { edges { node { state workingDaysLeft recall { status type progressReports { at } } } } } } }"
    duties = [e["node"] for e in ok(server.gql(query, token=people["enterprise"]))["me"]["duties"]["edges"]]
    assert any(d["state"] == "OPEN" and d["workingDaysLeft"] == 3 and d["recall"]["status"] == "IN_PROGRESS"
               and len(d["recall"]["progressReports"]) == 2 for d in duties)
    assert any(d["state"] == "OVERDUE" and d["recall"]["status"] == "ANNOUNCED" for d in duties)
    reports = ok(server.gql("{ defectReports { edges { node { status uscc } } } }", token=people["enterprise"]))
    assert {"status": "UNDER_ASSESSMENT", "uscc": DEMO_USCC} in [e["node"] for e in reports["defectReports"]["edges"]]
    statuses = {e["node"]["status"] for e in ok(server.gql("{ recalls(first: 100) { edges { node { status } } } }"))[
        "recalls"]["edges"]}
    assert {"ANNOUNCED", "IN_PROGRESS", "COMPLETED", "CLOSED"} <= statuses


def test_confirmed_defect_report_orders_a_recall_and_its_duties_appear(server: Stack, people: dict) -> None:
    report = ok(server.gql(SUBMIT, {"i": {"productName": "浦江燃气灶 PJ-Z9（虚构）", "uscc": HOME,
                                           "description": "熄火后未断气 gas not cut off"}},
                           token=people["consumer"]))["submitDefectReport"]
    assert report["status"] == "SUBMITTED" and report["reporterKind"] == "CONSUMER"
    assert code_of(server.gql(ASSESS, {"id": report["id"], "c": True, "r": "ok"}, token=people["appliances"])) == \
        "FORBIDDEN"
    ok(server.gql('mutation($id: ID!) { beginDefectAssessment(id: $id) { status } }', {"id": report["id"]},
                  token=people["regulator"]))
    assessed = ok(server.gql(ASSESS, {"id": report["id"], "c": True, "r": "检测确认 confirmed by testing",
                                      "o": recall_input(HOME, unitsAffected=500)}, token=people["regulator"]))
    out = assessed["assessDefectReport"]
    assert out["status"] == "CONFIRMED" and out["recall"]["type"] == "ORDERED"
    assert sorted(d["kind"] for d in out["recall"]["duties"]) == ["FIRST_PROGRESS_REPORT", "RECALL_PLAN"]
    assert all(d["state"] == "OPEN" for d in out["recall"]["duties"])
    # Exact where the holiday calendar knows the year of the deadline (a deadline in a year whose State Council
    # schedule is not out yet is counted Monday-Friday and says so); the date decides, not the day the test runs.
    for duty in out["recall"]["duties"]:
        due_day = cst_date(datetime.fromisoformat(duty["dueAt"]))
        assert duty["calendarExact"] is is_working_day(due_day)[1], duty
    # The duties appear for the enterprise that owes them, and the plan is handed in.
    mine = ok(server.gql(DUTIES, {"f": {"states": ["OPEN"]}}, token=people["appliances"]))["recallDuties"]
    plan = next(e["node"] for e in mine["edges"] if e["node"]["kind"] == "RECALL_PLAN"
                and e["node"]["recall"]["code"] == out["recall"]["code"])
    met = ok(server.gql('mutation($id: ID!) { fulfilRecallDuty(id: $id, note: "计划已提交") { state metNote } }',
                        {"id": plan["id"]}, token=people["appliances"]))
    assert met["fulfilRecallDuty"] == {"state": "MET", "metNote": "计划已提交"}
    assert code_of(server.gql(ASSESS, {"id": report["id"], "c": False, "r": "again"}, token=people["regulator"])) \
        == "CONFLICT"
    # orderRecall with a report under assessment confirms it in the same transaction.
    second = ok(server.gql(SUBMIT, {"i": {"productName": "x", "uscc": HOME, "description": "y"}},
                           token=people["appliances"]))["submitDefectReport"]
    assert second["reporterKind"] == "ENTERPRISE"
    ordered = ok(server.gql(ORDER, {"i": recall_input(HOME), "d": second["id"]}, token=people["regulator"]))
    assert ordered["orderRecall"]["type"] == "ORDERED" and len(ordered["orderRecall"]["duties"]) == 2
    linked = ok(server.gql('query($id: ID!) { node(id: $id) { ... on DefectReport { status assessment recall { code } } } }',
                           {"id": second["id"]}, token=people["regulator"]))["node"]
    assert linked["status"] == "CONFIRMED" and linked["recall"]["code"] == ordered["orderRecall"]["code"]
    # And back, nested: Recall.defectReport follows the report's own visibility (reporter hidden from the enterprise
    # a consumer reported; no report at all for anonymous readers of the public recall).
    back = 'query($id: ID!) { node(id: $id) { ... on Recall { defectReport { id reporter reporterKind } } } }'
    from_consumer = {"id": out["recall"]["id"]}
    assert ok(server.gql(back, from_consumer, token=people["regulator"]))["node"]["defectReport"]["id"] == report["id"]
    seen = ok(server.gql(back, from_consumer, token=people["appliances"]))["node"]["defectReport"]
    assert seen == {"id": report["id"], "reporter": None, "reporterKind": "CONSUMER"}
    assert ok(server.gql(back, from_consumer))["node"]["defectReport"] is None
    own = ok(server.gql(back, {"id": ordered["orderRecall"]["id"]}, token=people["appliances"]))["node"]["defectReport"]
    assert own["id"] == second["id"] and own["reporter"]
    assert code_of(server.gql(ORDER, {"i": recall_input(HOME), "d": second["id"]}, token=people["regulator"])) \
        == "CONFLICT"
    assert code_of(server.gql(ORDER, {"i": recall_input(CLOTH), "d": report["id"]}, token=people["regulator"])) \
        == "BAD_USER_INPUT"


def test_defect_reports_are_scoped_by_role(server: Stack, people: dict) -> None:
    about_demo = ok(server.gql(SUBMIT, {"i": {"productName": "p", "uscc": DEMO_USCC, "description": "d"}},
                               token=people["consumer"]))["submitDefectReport"]
    by_garments = ok(server.gql(SUBMIT, {"i": {"productName": "p", "description": "d"}},
                                token=people["garments"]))["submitDefectReport"]
    lst = "{ defectReports(first: 100) { totalCount edges { node { id } } } }"

    def ids(who: str) -> set[str]:
        return {e["node"]["id"] for e in ok(server.gql(lst, token=people[who]))["defectReports"]["edges"]}

    assert about_demo["id"] in ids("consumer") and by_garments["id"] not in ids("consumer")
    assert about_demo["id"] in ids("enterprise") and by_garments["id"] not in ids("enterprise")
    assert by_garments["id"] in ids("garments") and about_demo["id"] not in ids("garments")
    assert {about_demo["id"], by_garments["id"]} <= ids("regulator")
    assert code_of(server.gql(lst, token=people["agency"])) == "FORBIDDEN"
    assert code_of(server.gql(lst)) == "UNAUTHENTICATED"
    node = 'query($id: ID!) { node(id: $id) { ... on DefectReport { id reporterKind } } }'
    assert ok(server.gql(node, {"id": about_demo["id"]}, token=people["garments"]))["node"] is None
    assert ok(server.gql(node, {"id": about_demo["id"]}, token=people["agency"]))["node"] is None
    assert ok(server.gql(node, {"id": about_demo["id"]}, token=people["enterprise"]))["node"]["id"] == about_demo["id"]
    reporter = 'query($id: ID!) { node(id: $id) { ... on DefectReport { reporter } } }'
    assert ok(server.gql(reporter, {"id": about_demo["id"]}, token=people["enterprise"]))["node"]["reporter"] is None
    assert ok(server.gql(reporter, {"id": about_demo["id"]}, token=people["consumer"]))["node"]["reporter"]
    assert code_of(server.gql(SUBMIT, {"i": {"productName": "p", "description": "d"}})) == "UNAUTHENTICATED"
    agency = ok(server.gql(SUBMIT, {"i": {"productName": "p", "description": "d"}}, token=people["agency"]))
    assert agency["submitDefectReport"]["reporterKind"] == "AGENCY"
    bad = server.gql(SUBMIT, {"i": {"productName": "p", "description": "d", "gtin": "123"}}, token=people["consumer"])
    assert code_of(bad) == "BAD_USER_INPUT" and bad["errors"][0]["extensions"]["field"] == "gtin"
    bad = server.gql(SUBMIT, {"i": {"productName": "p", "description": "d", "reporterKind": "INSPECTION_BODY"}},
                     token=people["consumer"])
    assert code_of(bad) == "BAD_USER_INPUT" and bad["errors"][0]["extensions"]["field"] == "reporterKind"


def test_recall_filters_and_effectiveness(server: Stack, people: dict) -> None:
    gtin = "4006381333931"
    created = ok(server.gql(ANNOUNCE, {"i": recall_input(gtins=[gtin], productName="独特名称 Unique kettle",
                                                         model="UKX-9")},
                            token=people["enterprise"]))["announceRecall"]
    # productLookup's text finds it by its names, brand or model, in any case (one search field, lower-cased).
    lookup = "query($c: String!) { productLookup(code: $c) { codeType recalls { code } } }"
    for text in ("unique KETTLE", "独特名称", "ukx-9", "测试 TEST"):
        found = ok(server.gql(lookup, {"c": text}))["productLookup"]
        assert found["codeType"] == "TEXT" and created["code"] in [r["code"] for r in found["recalls"]], text
    assert ok(server.gql(lookup, {"c": "外壳过热"}))["productLookup"]["recalls"] == []  # the hazard is not the product
    query = "query($f: RecallFilter) { recalls(filter: $f) { totalCount edges { node { code } } } }"
    # The GTIN is found through the recalls' code index, in any spelling (here its GTIN-14 form, leading zero).
    for f in ({"gtin": gtin}, {"gtin": f"0{gtin}"}, {"text": "unique KETTLE"}, {"text": "独特"},
              {"text": f" {created['code'].lower()} "}, {"text": "UKX-9"}, {"uscc": DEMO_USCC, "gtin": gtin}):
        found = ok(server.gql(query, {"f": f}))["recalls"]
        assert [e["node"]["code"] for e in found["edges"]] == [created["code"]] and found["totalCount"] == 1, f
    assert ok(server.gql(query, {"f": {"gtin": "96385074"}}))["recalls"]["totalCount"] == 0  # valid, carried by none
    # A text matches within one field: the name's end and the brand's start are not one phrase.
    assert ok(server.gql(query, {"f": {"text": "kettle 测试"}}))["recalls"]["totalCount"] == 0
    changed = "query($f: RecallFilter, $u: DateTime) { recalls(filter: $f, updatedAfter: $u) { edges { node { code } } } }"
    since = ok(server.gql(changed, {"f": {"gtin": gtin}, "u": "2000-01-01T00:00:00Z"}, token=people["agency"]))
    assert [e["node"]["code"] for e in since["recalls"]["edges"]] == [created["code"]]
    bad = server.gql(query, {"f": {"gtin": "12345"}})
    assert code_of(bad) == "BAD_USER_INPUT" and bad["errors"][0]["extensions"]["field"] == "gtins"
    assert ok(server.gql(query, {"f": {"announcedAfter": "2100-01-01T00:00:00Z"}}))["recalls"]["totalCount"] == 0
    eff = "query($g: EffectivenessGroup!, $s: DateTime) { recallEffectiveness(groupBy: $g, since: $s) { key label " \
          "recalls unitsAffected unitsRecovered completionRate } }"
    rows = ok(server.gql(eff, {"g": "BRAND"}))["recallEffectiveness"]
    anker = next(r for r in rows if r["key"] == "安克 Anker")
    assert (anker["unitsRecovered"], anker["completionRate"]) == (565_000, 0.787)
    by_enterprise = ok(server.gql(eff, {"g": "ENTERPRISE"}, token=people["agency"]))["recallEffectiveness"]
    assert any(r["key"] == DEMO_USCC and "虚构" in r["label"] for r in by_enterprise)
    assert ok(server.gql(eff, {"g": "CATEGORY", "s": "2100-01-01T00:00:00Z"}))["recallEffectiveness"] == []
    assert code_of(server.gql(eff, {"g": "CATEGORY"}, token=people["agency_no_recalls"])) == "FORBIDDEN"


def test_deep_recall_warning_cycle_is_refused(server: Stack) -> None:
    inner = "code"
    for _ in range(12):
        inner = f"recalls {{ warning {{ {inner} }} }}"
    body = server.gql(f"{{ warnings(first: 1) {{ edges {{ node {{ {inner} }} }} }} }}")
    assert code_of(body) == "QUERY_TOO_COMPLEX" and "data" not in body


ALERTS = "subscription($after: String) { alerts(minLevel: ORANGE, after: $after) { cursor type level " \
         "warning { id code } recall { id code type } } }"


async def test_recall_ordered_for_a_red_warning_reaches_alert_subscribers(server: Stack, people: dict) -> None:
    anon = await GqlWs.connect(server.ws_url)
    no_recalls = await GqlWs.connect(server.ws_url, people["agency_no_recalls"])
    await anon.subscribe(ALERTS)
    await no_recalls.subscribe(ALERTS)
    await asyncio.sleep(0.3)
    red = {"title": f"红色预警 {uuid.uuid4().hex[:6]}", "level": "RED", "kind": "ANNOUNCEMENT", "hazards": ["PHYSICAL"],
           "productCategory": "recall-alert-test", "summary": "test", "authorizationRef": "国务院授权 test",
           "measures": ["DEFECT_RECALL"], "enterpriseUsccs": [HOME]}
    yellow = {**red, "level": "YELLOW", "authorizationRef": None}
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30,
                                 headers={"Authorization": f"Bearer {people['regulator']}"}) as client:
        async def gql(query: str, variables: dict) -> dict:
            return ok((await client.post("/graphql", json={"query": query, "variables": variables})).json())

        warning = (await gql(ISSUE, {"i": red}))["issueWarning"]
        low = (await gql(ISSUE, {"i": yellow}))["issueWarning"]
        await gql(ORDER, {"i": recall_input(HOME, warningId=low["id"])})  # YELLOW: no alert
        ordered = (await gql(ORDER, {"i": recall_input(HOME, warningId=warning["id"])}))["orderRecall"]
    got = [p["data"]["alerts"] for p in await anon.next_payloads(2)]
    assert [(e["type"], e["warning"]["id"]) for e in got] == [("PUBLISHED", warning["id"]),
                                                              ("RECALL_ORDERED", warning["id"])]
    assert got[1]["recall"] == {"id": ordered["id"], "code": ordered["code"], "type": "ORDERED"}
    assert got[1]["level"] == "RED" and got[0]["recall"] is None
    await anon.expect_silence(1.0)
    # Without recalls:read the agency sees the warning but not the ordered recall.
    seen = [p["data"]["alerts"]["type"] for p in await no_recalls.next_payloads(1)]
    assert seen == ["PUBLISHED"]
    await no_recalls.expect_silence(0.5)
    await anon.close()
    await no_recalls.close()
    # Replay after the publication's cursor gives the order again, exactly once.
    again = await GqlWs.connect(server.ws_url)
    await again.subscribe(ALERTS, {"after": got[0]["cursor"]})
    replayed = [p["data"]["alerts"] for p in await again.next_payloads(1)]
    assert replayed[0]["type"] == "RECALL_ORDERED" and replayed[0]["cursor"] == got[1]["cursor"]
    await again.expect_silence(0.5)
    await again.close()
    # The warning's DEFECT_RECALL duty on the enterprise was met by the order.
    duties = ok(server.gql(DUTIES, {"f": {"kinds": ["RECALL_FOR_WARNING"]}}, token=people["appliances"]))
    for_red = [e["node"] for e in duties["recallDuties"]["edges"] if e["node"]["recall"] is None]
    assert for_red and any(d["state"] == "MET" for d in for_red)
