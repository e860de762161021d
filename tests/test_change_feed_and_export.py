"""Staying in sync: `updatedAfter` on the connections, and the NDJSON export that equals the paginated query for the
same caller (visibility included), resumes after a cursor and is gzip-compressed when asked."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import orjson

from tests.stack import Stack, code_of

ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
ADJUST = "mutation($id: ID!) { adjustWarningLevel(id: $id, level: BLUE, reason: \"更新 update\") { id } }"
PAGE = "query($a: String, $u: DateTime) { warnings(first: 100, after: $a, updatedAfter: $u) { edges { cursor node " \
       "{ id } } pageInfo { hasNextPage endCursor } } }"


def _issue(s: Stack, token: str, kind: str = "ANNOUNCEMENT") -> str:
    body = s.gql(ISSUE, {"i": {"title": f"同步 sync {uuid.uuid4().hex[:6]}", "level": "YELLOW", "kind": kind,
                                "hazards": ["PHYSICAL"], "productCategory": "sync-test", "summary": "sync"}},
                 token=token)
    assert "errors" not in body, body
    return body["data"]["issueWarning"]["id"]


def _paged_ids(s: Stack, token: str | None, updated_after: str | None = None) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        body = s.gql(PAGE, {"a": after, "u": updated_after}, token=token)
        assert "errors" not in body, body
        page = body["data"]["warnings"]
        ids += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]


def _export(s: Stack, token: str | None, **params: str) -> list[dict]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.get(f"{s.base_url}/export/warnings.ndjson", params=params, headers=headers, timeout=60)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    return [orjson.loads(line) for line in response.content.splitlines() if line]


def test_updated_after_returns_exactly_what_changed(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    old = _issue(live_server, reg)
    since = datetime.now(UTC).isoformat()
    changed = _issue(live_server, reg)
    live_server.gql(ADJUST, {"id": old}, token=reg)  # an old warning changes after `since`
    circular = _issue(live_server, reg, kind="CIRCULAR")
    assert sorted(_paged_ids(live_server, reg, since)) == sorted([old, changed, circular])
    assert sorted(_paged_ids(live_server, None, since)) == sorted([old, changed])  # the feed keeps visibility


def test_export_equals_the_paginated_query_for_each_caller(live_server: Stack, tokens: dict[str, str]) -> None:
    agency = live_server.agency_token("warnings:read").json()["access_token"]
    for token in (None, agency, tokens["regulator"]):
        exported = _export(live_server, token)
        assert [line["id"] for line in exported] == _paged_ids(live_server, token)
        assert all(line["cursor"] for line in exported)


def test_export_resumes_after_a_cursor_and_follows_updated_after(live_server: Stack, tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    everything = _export(live_server, reg)
    assert len(everything) > 5
    resumed = _export(live_server, reg, after=everything[4]["cursor"])
    assert [line["id"] for line in resumed] == [line["id"] for line in everything[5:]]
    since = datetime.now(UTC).isoformat()
    fresh = _issue(live_server, reg)
    assert [line["id"] for line in _export(live_server, reg, updatedAfter=since)] == [fresh]


def test_export_is_gzipped_when_asked_and_refuses_bad_input(live_server: Stack, tokens: dict[str, str]) -> None:
    response = httpx.get(f"{live_server.base_url}/export/warnings.ndjson", timeout=60,
                         headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"
    assert response.content.count(b"\n") >= 1  # httpx inflated it: the lines are there
    bad = httpx.get(f"{live_server.base_url}/export/warnings.ndjson", params={"updatedAfter": "yesterday"}, timeout=30)
    assert bad.status_code == 400 and code_of(bad.json()) == "BAD_USER_INPUT"
    unknown = httpx.get(f"{live_server.base_url}/export/accounts.ndjson", timeout=30)
    assert unknown.status_code == 404 and code_of(unknown.json()) == "NOT_FOUND"
    forged = httpx.get(f"{live_server.base_url}/export/warnings.ndjson", timeout=30,
                       headers={"Authorization": "Bearer not-a-token"})
    assert forged.status_code == 401 and code_of(forged.json()) == "UNAUTHENTICATED"
    no_scope = live_server.agency_token("credit:read").json()["access_token"]
    refused = httpx.get(f"{live_server.base_url}/export/recalls.ndjson", timeout=30,
                        headers={"Authorization": f"Bearer {no_scope}"})
    assert refused.status_code == 403 and code_of(refused.json()) == "FORBIDDEN"
