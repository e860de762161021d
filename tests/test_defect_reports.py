"""Defect reports (缺陷报告, issue 11): the reporter is null (not FORBIDDEN) for readers who may not see it, on the list,
node and mutation paths; evidence ids must be the submitter's own unclaimed uploads (else BAD_USER_INPUT naming
evidenceIds, nothing stored), and a submitted report claims them so the sweep of unclaimed uploads keeps them."""

from __future__ import annotations

from datetime import timedelta

from bson import ObjectId

from documents.demo.data import DEMO_USCC
from gql.core.node import decode_id, global_id
from tests.complaints_support import FILE, claimer_of, complaint_input, new_consumer, upload_evidence
from tests.stack import Stack, code_of, field_of

SUBMIT = ("mutation($i: DefectReportInput!) { submitDefectReport(input: $i) { id code reporter reporterKind "
          "evidenceIds } }")
BEGIN = "mutation($id: ID!) { beginDefectAssessment(id: $id) { id status reporter } }"
NODE = "query($id: ID!) { node(id: $id) { ... on DefectReport { id code reporter reporterKind } } }"
LIST = "{ defectReports(first: 100) { totalCount edges { node { id reporter reporterKind } } } }"


def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


def report_input(**extra: object) -> dict:
    return {"productName": "示范牌电热水壶（虚构）", "uscc": DEMO_USCC, "description": "壶底焊缝开裂漏电 / the base leaks",
            **extra}


def own_reports(stack: Stack, token: str) -> int:
    return int(ok(stack.gql(LIST, token=token))["defectReports"]["totalCount"])


def test_reporter_is_null_for_readers_who_may_not_see_it(live_server: Stack, tokens: dict[str, str]) -> None:
    consumer = new_consumer(live_server)
    filed = ok(live_server.gql(SUBMIT, {"i": report_input()}, token=consumer["token"]))["submitDefectReport"]
    assert filed["reporter"] and filed["reporterKind"] == "CONSUMER"  # the reporter sees itself
    # The enterprise the report is about: the list and node answer without errors, the reporter is null.
    listed = ok(live_server.gql(LIST, token=tokens["enterprise"]))["defectReports"]["edges"]
    mine = [e["node"] for e in listed if e["node"]["id"] == filed["id"]]
    assert mine == [{"id": filed["id"], "reporter": None, "reporterKind": "CONSUMER"}]
    node = ok(live_server.gql(NODE, {"id": filed["id"]}, token=tokens["enterprise"]))["node"]
    assert node["code"] == filed["code"] and node["reporter"] is None
    # The reporter and staff still see who reported, on the list, node and mutation paths.
    assert ok(live_server.gql(NODE, {"id": filed["id"]}, token=consumer["token"]))["node"]["reporter"] == \
        filed["reporter"]
    assert ok(live_server.gql(NODE, {"id": filed["id"]}, token=tokens["regulator"]))["node"]["reporter"] == \
        filed["reporter"]
    staff = [e["node"] for e in ok(live_server.gql(LIST, token=tokens["regulator"]))["defectReports"]["edges"]
             if e["node"]["id"] == filed["id"]]
    assert staff and staff[0]["reporter"] == filed["reporter"]
    begun = ok(live_server.gql(BEGIN, {"id": filed["id"]}, token=tokens["regulator"]))["beginDefectAssessment"]
    assert begun["status"] == "UNDER_ASSESSMENT" and begun["reporter"] == filed["reporter"]
    # A report the enterprise filed itself shows its own reporter to it.
    own = ok(live_server.gql(SUBMIT, {"i": report_input()}, token=tokens["enterprise"]))["submitDefectReport"]
    assert own["reporter"] and own["reporterKind"] == "ENTERPRISE"
    assert ok(live_server.gql(NODE, {"id": own["id"]}, token=tokens["enterprise"]))["node"]["reporter"] == \
        own["reporter"]


def test_evidence_must_be_the_submitters_own_unclaimed_uploads(live_server: Stack, db: object) -> None:
    me, other = new_consumer(live_server), new_consumer(live_server)
    theirs = upload_evidence(live_server, other["token"], (10, 120, 30))
    before = own_reports(live_server, me["token"])
    refused = [
        ["not-an-upload-id"],
        [str(global_id("Upload", ObjectId()))],  # no such upload
        [theirs],  # someone else's upload
        [str(global_id("Warning", ObjectId()))],  # an id of another type
    ]
    for ids in refused:
        body = live_server.gql(SUBMIT, {"i": report_input(evidenceIds=ids)}, token=me["token"])
        assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds", (ids, body)
    assert own_reports(live_server, me["token"]) == before  # nothing stored
    assert claimer_of(db, theirs) is None
    # An upload another thing (a complaint) claimed is refused as evidence too.
    photo = upload_evidence(live_server, me["token"], (10, 120, 31))
    ok(live_server.gql(FILE, {"i": complaint_input(photoIds=[photo]), "k": "defect-evidence-k1"}, token=me["token"]))
    body = live_server.gql(SUBMIT, {"i": report_input(evidenceIds=[photo])}, token=me["token"])
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds"
    assert own_reports(live_server, me["token"]) == before
    # One good and one bad id: refused as a whole, the good one stays unclaimed.
    mine = upload_evidence(live_server, me["token"], (10, 120, 32))
    body = live_server.gql(SUBMIT, {"i": report_input(evidenceIds=[mine, theirs])}, token=me["token"])
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds"
    assert claimer_of(db, mine) is None and own_reports(live_server, me["token"]) == before
    # Own, unclaimed uploads are accepted (a repeated id counts once) and claimed by the report.
    second = upload_evidence(live_server, me["token"], (10, 120, 33))
    filed = ok(live_server.gql(SUBMIT, {"i": report_input(evidenceIds=[mine, second, mine])},
                               token=me["token"]))["submitDefectReport"]
    assert filed["evidenceIds"] == [mine, second]
    report_hex = str(decode_id(filed["id"], "DefectReport")[1])  # type: ignore[index]
    assert claimer_of(db, mine) == claimer_of(db, second) == f"defect_report:{report_hex}"
    assert own_reports(live_server, me["token"]) == before + 1
    # Claimed now: neither another report nor a complaint may take them.
    body = live_server.gql(SUBMIT, {"i": report_input(evidenceIds=[second])}, token=me["token"])
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds"
    assert code_of(live_server.gql(FILE, {"i": complaint_input(photoIds=[second]), "k": "defect-evidence-k2"},
                                   token=me["token"])) == "CONFLICT"
    # An agency client owns no uploads: any evidence id is refused.
    agency = live_server.agency_token().json()["access_token"]
    body = live_server.gql(SUBMIT, {"i": report_input(evidenceIds=[mine])}, token=agency)
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "evidenceIds"


async def test_claimed_evidence_survives_the_sweep_of_unclaimed_uploads(live_server: Stack, db: object) -> None:
    from documents.core.clock import utcnow
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.uploads import actions

    me = new_consumer(live_server)
    evidence = upload_evidence(live_server, me["token"], (90, 1, 2))
    loose = upload_evidence(live_server, me["token"], (90, 1, 3))
    ok(live_server.gql(SUBMIT, {"i": report_input(evidenceIds=[evidence])}, token=me["token"]))
    records = db["upload_records"]  # type: ignore[index]
    for gid in (evidence, loose):  # both uploaded 25 hours ago (whole documents: documents/db/query_shapes.py)
        oid = decode_id(gid, "Upload")[1]  # type: ignore[index]
        doc = records.find_one({"_id": oid})
        records.replace_one({"_id": oid}, {**doc, "created_at": utcnow() - timedelta(hours=25)})
    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    await database.connect(uri, "qsradar", all_documents())
    try:
        assert await actions.sweep() >= 1
    finally:
        await database.disconnect()
    owner = str(decode_id(me["id"], "Account")[1])  # type: ignore[index]
    remaining = {str(d["_id"]) for d in records.find({"owner_id": owner})}
    assert remaining == {str(decode_id(evidence, "Upload")[1])}  # type: ignore[index]
