"""The authorization matrix: the contract's visibility table as one table of expectations, tried for every viewer
on every path. A new domain adds rows to VISIBLE (and a path to PATHS when it has a new kind of path), not code.

Viewers: every role, an agency client with each single scope and with all, plus forged, expired and revoked tokens
(which never become anonymous: every path answers 401 UNAUTHENTICATED). Paths follow the README's "one answer per
refusal": a root list shows only what is visible (FORBIDDEN when nothing of the class is), `node` gives null, a
nested list leaves the item out, a private field answers FORBIDDEN, the public feed shows only what anonymous sees,
the upload download route answers 401/403, the bulk export leaves the item out (403 when a field is refused), and
the `alerts` subscription never replays the event.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from auth.tokens import issue_access_token
from documents.demo.data import ANKER, CBEC, DEMO_USCC
from gql.alerts.subscription import encode_cursor
from tests.complaints_support import FILE, complaint_input, png_bytes, wait_for_demo_products
from tests.gqlws import GqlWs
from tests.stack import Stack, without_extensions

AGENCY_SCOPES = ["warnings:read", "circulars:read", "recalls:read", "credit:read"]
VIEWERS = ["anonymous", "consumer", "enterprise", "regulator", "admin", "agency:all",
           *(f"agency:{scope}" for scope in AGENCY_SCOPES)]
BAD_TOKENS = ["forged", "expired", "revoked"]

# Data classes: what each viewer may see (the contract's visibility table). "own" = the demo enterprise's own.
VISIBLE: dict[str, set[str]] = {
    "warning:ANNOUNCEMENT": {"anonymous", "consumer", "enterprise", "regulator", "admin", "agency:all",
                             "agency:warnings:read"},
    "warning:NOTICE": {"enterprise", "regulator", "admin", "agency:all", "agency:warnings:read"},
    "warning:CIRCULAR": {"regulator", "admin", "agency:all", "agency:circulars:read"},
    "warning:DRAFT": {"regulator", "admin"},
    "recall": {"anonymous", "consumer", "enterprise", "regulator", "admin", "agency:all", "agency:recalls:read"},
    "credit level": {"anonymous", "consumer", "enterprise", "regulator", "admin", "agency:all", "agency:credit:read"},
    "credit history (own)": {"enterprise", "regulator", "admin", "agency:all", "agency:credit:read"},
    "credit history (other)": {"regulator", "admin", "agency:all", "agency:credit:read"},
    "breaches (own)": {"enterprise", "regulator", "admin", "agency:all", "agency:credit:read"},
    "breaches (other)": {"regulator", "admin", "agency:all", "agency:credit:read"},
    "credit applications (own)": {"enterprise", "regulator", "admin", "agency:all", "agency:credit:read"},
    "credit applications (other)": {"regulator", "admin", "agency:all", "agency:credit:read"},
    "recall duties (own)": {"enterprise", "regulator", "admin"},
    "recall duties (other)": {"regulator", "admin"},
    "complaints": {"consumer", "enterprise", "regulator", "admin"},  # each sees its own share (tests/test_complaints*)
    "defect reports": {"consumer", "enterprise", "regulator", "admin"},  # each sees its own share
    "webhook endpoints": {"admin", "agency:all", *(f"agency:{scope}" for scope in AGENCY_SCOPES)},
    # A complaint photo uploaded by the (demo) consumer about the demo enterprise's product: its uploader and staff;
    # never the enterprise concerned (it sees the complaint, not the photo), never an agency.
    "uploads (complaint photo)": {"consumer", "regulator", "admin"},
    # An evidence file the demo enterprise attached to its defect report: its uploader and staff.
    "uploads (evidence file)": {"enterprise", "regulator", "admin"},
    "audit entries": {"regulator", "admin"},
}


def code_of(body: dict) -> str | None:
    errors = body.get("errors") or []
    return errors[0]["extensions"]["code"] if errors else None


@dataclass
class World:
    """The data the matrix reads: one warning of each kind plus a draft (tagged), a recall, two enterprises."""

    server: Stack
    tokens: dict[str, str | None]
    warnings: dict[str, dict]
    tag: str
    recall_id: str
    own_id: str
    other_id: str
    upload_id: str
    complaint_id: str
    audit_id: str
    evidence_id: str
    cursor_before: str  # the alert log's position before the world's warnings were published
    sentinels: list[str]  # published last: an ANNOUNCEMENT and a CIRCULAR that close each viewer's replay
    started: str  # ISO time before the world was made (export's updatedAfter)
    streamed: dict[str, set[str] | None] = field(default_factory=dict)  # viewer -> warning ids replayed to it

    def gql(self, viewer: str, query: str, variables: dict | None = None) -> dict:
        return self.server.gql(query, variables, token=self.tokens[viewer])


@pytest.fixture(scope="module")
def world(live_server: Stack, tokens: dict[str, str], db: Any) -> World:
    tag = f"matrix-{uuid.uuid4().hex[:8]}"
    started = (datetime.now(UTC) - timedelta(seconds=5)).isoformat()
    latest = db["alert_log"].find_one({}, sort=[("seq", -1)])
    cursor_before = encode_cursor(int(latest["seq"]) if latest else 0)
    issue = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
    made: dict[str, dict] = {}
    for kind in ("ANNOUNCEMENT", "NOTICE", "CIRCULAR", "DRAFT", "end:ANNOUNCEMENT", "end:CIRCULAR"):
        body = live_server.gql(issue, {"i": {
            "title": f"矩阵 {kind}", "level": "YELLOW", "kind": kind.removeprefix("end:").replace("DRAFT", "ANNOUNCEMENT"),
            "hazards": ["CHEMICAL"], "productCategory": tag, "summary": "授权矩阵 authorization matrix",
            "draft": kind == "DRAFT"}}, token=tokens["regulator"])
        assert "errors" not in body, body
        made[f"warning:{kind}"] = body["data"]["issueWarning"]
    sentinels = [made.pop("warning:end:ANNOUNCEMENT")["id"], made.pop("warning:end:CIRCULAR")["id"]]
    viewer_tokens: dict[str, str | None] = {"anonymous": None, **{r: tokens[r] for r in
                                                                 ("consumer", "enterprise", "regulator", "admin")}}
    viewer_tokens["agency:all"] = tokens["agency"]
    for scope in AGENCY_SCOPES:
        response = live_server.agency_token(scope)
        assert response.status_code == 200, response.text
        viewer_tokens[f"agency:{scope}"] = response.json()["access_token"]
    ids = live_server.gql("query($a: String!, $b: String!) { own: enterprise(uscc: $a) { id } "
                          "other: enterprise(uscc: $b) { id } }", {"a": DEMO_USCC, "b": CBEC})["data"]
    recall = live_server.gql("query($u: String!) { recalls(filter: {enterpriseUscc: $u}) { edges { node { id } } } }",
                             {"u": ANKER})["data"]["recalls"]["edges"][0]["node"]["id"]
    # The consumer's photo, filed with a complaint about the demo enterprise's power bank.
    wait_for_demo_products(live_server)
    # Bytes of its own (a colour from the tag): the same bytes uploaded again by the same person are the same upload.
    colour = tuple(int(tag[-6:][i:i + 2], 16) for i in (0, 2, 4))
    stored = httpx.post(f"{live_server.base_url}/uploads", files={"file": ("photo.png", png_bytes(color=colour),
                                                                                "image/png")},
                        headers={"Authorization": f"Bearer {tokens['consumer']}"}, timeout=60)
    assert stored.status_code == 201, stored.text
    upload_id = stored.json()["id"]
    filed = live_server.gql(FILE, {"i": complaint_input(photoIds=[upload_id]), "k": f"{tag}-photo"},
                            token=tokens["consumer"])
    assert "errors" not in filed, filed
    assert filed["data"]["fileComplaint"]["enterpriseUscc"] == DEMO_USCC
    entries = live_server.gql('{ auditEntries(first: 1, filter: {action: "sign_in"}) { edges { node { id } } } }',
                              token=tokens["admin"])
    assert "errors" not in entries, entries
    audit_id = entries["data"]["auditEntries"]["edges"][0]["node"]["id"]
    # The enterprise's evidence file, claimed by its defect report.
    evidence = httpx.post(f"{live_server.base_url}/uploads", files={"file": ("e.png", png_bytes(size=(41, 30),
                                                                                           color=colour), "image/png")},
                          headers={"Authorization": f"Bearer {tokens['enterprise']}"}, timeout=60)
    assert evidence.status_code == 201, evidence.text
    evidence_id = evidence.json()["id"]
    report = live_server.gql("mutation($i: DefectReportInput!) { submitDefectReport(input: $i) { evidenceIds } }",
                             {"i": {"productName": f"矩阵 {tag}", "description": "授权矩阵 evidence",
                                    "evidenceIds": [evidence_id]}}, token=tokens["enterprise"])
    assert "errors" not in report, report
    return World(live_server, viewer_tokens, made, tag, recall, ids["own"]["id"], ids["other"]["id"], upload_id,
                 filed["data"]["fileComplaint"]["id"], audit_id, evidence_id, cursor_before, sentinels, started)


# ---- paths: each answers True (seen), False (refused the way its path refuses), or fails the test ----------------

def warning_in_list(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, "query($c: String) { warnings(first: 100, filter: {productCategory: $c}) { totalCount "
                         "edges { node { id } } } }", {"c": w.tag})
    assert "errors" not in body, body
    ids = [e["node"]["id"] for e in body["data"]["warnings"]["edges"]]
    assert body["data"]["warnings"]["totalCount"] == len(ids)
    return w.warnings[cls]["id"] in ids


def warning_by_node(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, "query($id: ID!) { node(id: $id) { id } }", {"id": w.warnings[cls]["id"]})
    assert "errors" not in body, body
    return body["data"]["node"] is not None


def warning_in_feed(w: World, viewer: str, cls: str) -> bool:
    feed = httpx.get(f"{w.server.base_url}/feeds/warnings.json", timeout=30).json()
    return any(w.warnings[cls]["id"] in item["url"] for item in feed["items"])


def _exported(w: World, viewer: str, kind: str, since_world: bool = False) -> list[dict] | None:
    """The lines of GET /export/<kind>.ndjson (changed since the world was made, if asked), or None when the export
    is refused (403 FORBIDDEN)."""
    response = w.server.export(kind, w.tokens[viewer], **({"updatedAfter": w.started} if since_world else {}))
    if response.status_code == 403:
        assert code_of(response.json()) == "FORBIDDEN"
        return None
    assert response.status_code == 200, response.text
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert not any("errors" in line for line in lines), lines
    return lines


def warning_in_export(w: World, viewer: str, cls: str) -> bool:
    lines = _exported(w, viewer, "warnings", since_world=True)
    return lines is not None and any(line.get("id") == w.warnings[cls]["id"] for line in lines)


def warning_in_subscription(w: World, viewer: str, cls: str) -> bool:
    """The `alerts` replay after the world's first cursor: the warning's PUBLISHED event, or not."""
    if cls == "warning:DRAFT":
        pytest.skip("a draft is never published, so no event carries it to anyone")
    if viewer not in w.streamed:
        w.streamed[viewer] = asyncio.run(_replayed_warnings(w, viewer))
    seen = w.streamed[viewer]
    return seen is not None and w.warnings[cls]["id"] in seen


async def _replayed_warnings(w: World, viewer: str) -> set[str] | None:
    """Warning ids replayed to `viewer`, read up to the last sentinel it may see (or 3 s of silence when it may see
    none: a leak would still arrive first); None when the subscription is refused."""
    ends = {w.sentinels[0]} if viewer in VISIBLE["warning:ANNOUNCEMENT"] else set()
    ends |= {w.sentinels[1]} if viewer in VISIBLE["warning:CIRCULAR"] else set()
    client = await GqlWs.connect(w.server.ws_url, w.tokens[viewer])
    seen: set[str] = set()
    try:
        await client.subscribe("subscription($a: String) { alerts(minLevel: BLUE, after: $a) { type warning { id } } }",
                               {"a": w.cursor_before})
        while not ends <= seen or not ends:
            try:
                message = await client.receive(timeout=30 if ends else 3)
            except TimeoutError:
                assert not ends, f"{viewer}: the sentinel events never came"
                return seen
            if message["type"] == "error":
                assert message["payload"][0]["extensions"]["code"] in ("FORBIDDEN", "UNAUTHENTICATED"), message
                return None
            assert message["type"] == "next", message
            warning = message["payload"]["data"]["alerts"]["warning"]
            if warning is not None:
                seen.add(warning["id"])
    finally:
        await client.conn.close()
    return seen


def recall_in_export(w: World, viewer: str, cls: str) -> bool:
    lines = _exported(w, viewer, "recalls")
    return lines is not None and any(line.get("id") == w.recall_id for line in lines)


def credit_level_in_export(w: World, viewer: str, cls: str) -> bool:
    lines = _exported(w, viewer, "enterprises")
    if lines is None:
        return False
    other = next(line for line in lines if line.get("uscc") == CBEC)
    return other["creditLevel"] is not None


def recall_in_list(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, "query($u: String!) { recalls(first: 100, filter: {enterpriseUscc: $u}) { edges { node "
                         "{ id } } } }", {"u": ANKER})
    if code_of(body) == "FORBIDDEN":
        return False
    assert "errors" not in body, body
    return w.recall_id in [e["node"]["id"] for e in body["data"]["recalls"]["edges"]]


def recall_by_node(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, "query($id: ID!) { node(id: $id) { id } }", {"id": w.recall_id})
    assert "errors" not in body, body
    return body["data"]["node"] is not None


def recall_nested(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, "query($u: String!) { enterprise(uscc: $u) { recalls { id } } }", {"u": ANKER})
    assert "errors" not in body, body
    return w.recall_id in [r["id"] for r in body["data"]["enterprise"]["recalls"]]


def _private_field(w: World, viewer: str, query: str, variables: dict, pick: Callable[[dict], object]) -> bool:
    body = w.gql(viewer, query, variables)
    if code_of(body) == "FORBIDDEN":
        return False
    assert "errors" not in body, body
    assert pick(body["data"]) is not None
    return True


def credit_level_field(w: World, viewer: str, cls: str) -> bool:
    return _private_field(w, viewer, "query($u: String!) { enterprise(uscc: $u) { creditLevel } }", {"u": CBEC},
                          lambda d: d["enterprise"]["creditLevel"])


def credit_level_by_node(w: World, viewer: str, cls: str) -> bool:
    return _private_field(w, viewer, "query($id: ID!) { node(id: $id) { ... on Enterprise { creditLevel } } }",
                          {"id": w.other_id}, lambda d: d["node"]["creditLevel"])


def credit_history_field(w: World, viewer: str, cls: str) -> bool:
    uscc = DEMO_USCC if cls.endswith("(own)") else CBEC
    return _private_field(w, viewer, "query($u: String!) { enterprise(uscc: $u) { creditHistory { toLevel } } }",
                          {"u": uscc}, lambda d: d["enterprise"]["creditHistory"])


def credit_history_by_node(w: World, viewer: str, cls: str) -> bool:
    gid = w.own_id if cls.endswith("(own)") else w.other_id
    return _private_field(w, viewer, "query($id: ID!) { node(id: $id) { ... on Enterprise { creditHistory "
                                     "{ toLevel } } } }", {"id": gid}, lambda d: d["node"]["creditHistory"])


def credit_history_nested(w: World, viewer: str, cls: str) -> bool:
    if cls.endswith("(own)"):
        pytest.skip("the demo enterprise runs no recall to reach it through")
    return _private_field(w, viewer, "query($id: ID!) { node(id: $id) { ... on Recall { enterprise { "
                                     "creditHistory { toLevel } } } } }", {"id": w.recall_id},
                          lambda d: d["node"] and d["node"]["enterprise"]["creditHistory"])


def _readable(w: World, viewer: str, query: str, variables: dict, pick: Callable[[dict], object]) -> bool:
    """Read at all? A refusal is FORBIDDEN (UNAUTHENTICATED for anonymous) or, for `me`, a null."""
    body = w.gql(viewer, query, variables)
    if code_of(body) in ("FORBIDDEN", "UNAUTHENTICATED"):
        return False
    assert "errors" not in body, body
    return pick(body["data"]) is not None


def _of(cls: str) -> str:
    return DEMO_USCC if cls.endswith("(own)") else CBEC


def breaches_field(w: World, viewer: str, cls: str) -> bool:
    return _readable(w, viewer, "query($u: String!) { enterprise(uscc: $u) { breaches { grade } } }",
                     {"u": _of(cls)}, lambda d: d["enterprise"]["breaches"])


def applications_field(w: World, viewer: str, cls: str) -> bool:
    return _readable(w, viewer, "query($u: String!) { enterprise(uscc: $u) { creditApplications { id } } }",
                     {"u": _of(cls)}, lambda d: d["enterprise"]["creditApplications"])


def duties_field(w: World, viewer: str, cls: str) -> bool:
    return _readable(w, viewer, "query($u: String!) { enterprise(uscc: $u) { duties { totalCount } } }",
                     {"u": _of(cls)}, lambda d: d["enterprise"]["duties"])


def complaints_list(w: World, viewer: str, cls: str) -> bool:
    return _readable(w, viewer, "{ complaints(first: 1) { totalCount } }", {}, lambda d: d["complaints"])


def defect_reports_list(w: World, viewer: str, cls: str) -> bool:
    return _readable(w, viewer, "{ defectReports(first: 1) { totalCount } }", {}, lambda d: d["defectReports"])


def webhook_endpoints_list(w: World, viewer: str, cls: str) -> bool:
    return _readable(w, viewer, "{ webhookEndpoints { id } }", {}, lambda d: d["webhookEndpoints"])


def upload_download(w: World, viewer: str, cls: str) -> bool:
    token = w.tokens[viewer]
    upload_id = w.evidence_id if cls == "uploads (evidence file)" else w.upload_id
    response = httpx.get(f"{w.server.base_url}/uploads/{upload_id}", timeout=30,
                         headers={"Authorization": f"Bearer {token}"} if token else {})
    if response.status_code in (401, 403):
        assert code_of(response.json()) == ("UNAUTHENTICATED" if response.status_code == 401 else "FORBIDDEN")
        return False
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/"), response.text
    assert response.headers["cache-control"] == "private, no-store"
    return True


def upload_nested(w: World, viewer: str, cls: str) -> bool:
    """`Complaint.photos`: the photo is listed only for those who may download it (the complaint itself may be
    visible, as it is to the enterprise concerned, with its photos left out)."""
    body = w.gql(viewer, "query($id: ID!) { node(id: $id) { ... on Complaint { photos { id url } } } }",
                 {"id": w.complaint_id})
    assert "errors" not in body, body
    node = body["data"]["node"]
    return node is not None and any(p["id"] == w.upload_id and p["url"] == f"/uploads/{w.upload_id}"
                                    for p in node["photos"])


def audit_list(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, '{ auditEntries(first: 5, filter: {action: "sign_in"}) { totalCount edges { node { id '
                         'action actor at } } } }')
    if code_of(body) in ("FORBIDDEN", "UNAUTHENTICATED"):
        assert body["data"] is None, body
        return False
    assert "errors" not in body, body
    entries = body["data"]["auditEntries"]
    assert entries["edges"] and all(e["node"]["action"] == "sign_in" for e in entries["edges"])
    assert entries["totalCount"] >= len(entries["edges"])
    return True


def audit_by_node(w: World, viewer: str, cls: str) -> bool:
    body = w.gql(viewer, "query($id: ID!) { node(id: $id) { id ... on AuditEntry { action } } }", {"id": w.audit_id})
    assert "errors" not in body, body
    return body["data"]["node"] is not None


PATHS: dict[str, dict[str, Callable[[World, str, str], bool]]] = {
    "warning": {"list": warning_in_list, "node": warning_by_node, "export": warning_in_export,
                "subscription": warning_in_subscription},
    "recall": {"list": recall_in_list, "node": recall_by_node, "nested": recall_nested, "export": recall_in_export},
    "credit level": {"field": credit_level_field, "node": credit_level_by_node, "export": credit_level_in_export},
    "credit history": {"field": credit_history_field, "node": credit_history_by_node,
                       "nested": credit_history_nested},
    "breaches": {"field": breaches_field},
    "credit applications": {"field": applications_field},
    "recall duties": {"field": duties_field},
    "complaints": {"list": complaints_list},
    "defect reports": {"list": defect_reports_list},
    "webhook endpoints": {"list": webhook_endpoints_list},
    "uploads (complaint photo)": {"download": upload_download, "nested": upload_nested},
    "uploads (evidence file)": {"download": upload_download},
    "audit entries": {"list": audit_list, "node": audit_by_node},
}


def _paths(cls: str) -> dict[str, Callable[[World, str, str], bool]]:
    """The paths of a data class: those of the longest class-name prefix ("recall duties" is not "recall")."""
    return PATHS[max((prefix for prefix in PATHS if cls.startswith(prefix)), key=len)]


CELLS = [(cls, path, viewer) for cls in VISIBLE for path in _paths(cls) for viewer in VIEWERS]
# The public feed carries what an anonymous reader sees, whoever fetches it.
CELLS += [(cls, "feed", "anonymous") for cls in VISIBLE if cls.startswith("warning:")]
BAD_TOKEN_QUERIES = {
    "warnings list": "{ warnings(first: 1) { totalCount } }",
    "recalls list": "{ recalls(first: 1) { totalCount } }",
    "node": '{ node(id: "V2FybmluZzo2YjAwMDAwMDAwMDAwMDAwMDAwMDAwMDA") { id } }',
    "credit level": f'{{ enterprise(uscc: "{CBEC}") {{ creditLevel }} }}',
    "me": "{ me { role } }",
    "audit entries": "{ auditEntries(first: 1) { totalCount } }",
    "upload download": "GET /uploads/{upload}",  # not GraphQL: the route itself (gql/service/uploads.py)
}


@pytest.mark.parametrize("cls, path, viewer", CELLS)
def test_matrix_cell(world: World, cls: str, path: str, viewer: str) -> None:
    check = warning_in_feed if path == "feed" else _paths(cls)[path]
    # Agencies without recalls:read cannot see the recall that nested credit paths go through.
    if path == "nested" and cls.startswith("credit") and viewer.startswith("agency:") and viewer != "agency:all" \
            and viewer != "agency:recalls:read":
        pytest.skip("the nesting recall is itself invisible to this agency (its own cell covers that)")
    assert check(world, viewer, cls) is (viewer in VISIBLE[cls]), (cls, path, viewer)


def _bad_token(world: World, kind: str) -> str:
    if kind == "forged":
        return issue_access_token({"sub": "client:demo-agency", "role": "AGENCY", "scope": " ".join(AGENCY_SCOPES)},
                                  900)[:-4] + "AAAA"
    if kind == "expired":
        session = world.server.sign_in("consumer@demo.test")
        claims = {"sub": session["viewer"]["id"], "role": "CONSUMER"}
        return issue_access_token(claims, -60)
    session = world.server.sign_in("consumer@demo.test")
    signed_out = world.server.gql("mutation($t: String!) { signOut(refreshToken: $t) }", {"t": session["refreshToken"]})
    assert without_extensions(signed_out) == {"data": {"signOut": True}}
    return session["accessToken"]


@pytest.mark.parametrize("kind", BAD_TOKENS)
@pytest.mark.parametrize("path", sorted(BAD_TOKEN_QUERIES))
def test_bad_tokens_never_become_anonymous(world: World, kind: str, path: str) -> None:
    if BAD_TOKEN_QUERIES[path].startswith("GET "):
        response = httpx.get(f"{world.server.base_url}/uploads/{world.upload_id}", timeout=30,
                             headers={"Authorization": f"Bearer {_bad_token(world, kind)}"})
        assert response.status_code == 401 and code_of(response.json()) == "UNAUTHENTICATED", (kind, response.text)
        return
    response = world.server.post(BAD_TOKEN_QUERIES[path], token=_bad_token(world, kind))
    assert response.status_code == 401, (kind, path, response.text)
    assert code_of(response.json()) == "UNAUTHENTICATED"
    feed = httpx.get(f"{world.server.base_url}/feeds/warnings.json", timeout=30,
                     headers={"Authorization": f"Bearer {_bad_token(world, kind)}"})
    assert feed.status_code in (200, 401)  # the feed is public: a token there grants nothing more
    if feed.status_code == 200:
        assert not any(world.warnings["warning:NOTICE"]["id"] in item["url"] for item in feed.json()["items"])
