"""Staying in sync: `updatedAfter` on the connections, and the NDJSON export that equals the paginated query for the
same caller (visibility included), resumes after a cursor and is gzip-compressed when asked; deleted or withdrawn
items come back as tombstones to those who could see them; a page walk skips and repeats nothing under writes."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import orjson

from tests.stack import Stack, code_of

ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id } }"
ADJUST = "mutation($id: ID!) { adjustWarningLevel(id: $id, level: BLUE, reason: \"更新 update\") { id } }"
PAGE = "query($a: String, $u: DateTime) { warnings(first: 100, after: $a, updatedAfter: $u) { edges { cursor node " \
       "{ id } } pageInfo { hasNextPage endCursor } } }"


def _issue(s: Stack, token: str, kind: str = "ANNOUNCEMENT", draft: bool = False) -> str:
    body = s.gql(ISSUE, {"i": {"title": f"同步 sync {uuid.uuid4().hex[:6]}", "level": "YELLOW", "kind": kind,
                                "hazards": ["PHYSICAL"], "productCategory": "sync-test", "summary": "sync",
                                "draft": draft}},
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
    response = s.export("warnings", token, **params)
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
    bad = live_server.export("warnings", updatedAfter="yesterday")
    assert bad.status_code == 400 and code_of(bad.json()) == "BAD_USER_INPUT"
    unknown = live_server.export("accounts")
    assert unknown.status_code == 404 and code_of(unknown.json()) == "NOT_FOUND"
    forged = live_server.export("warnings", "not-a-token")
    assert forged.status_code == 401 and code_of(forged.json()) == "UNAUTHENTICATED"
    no_scope = live_server.agency_token("credit:read").json()["access_token"]
    refused = live_server.export("recalls", no_scope)
    assert refused.status_code == 403 and code_of(refused.json()) == "FORBIDDEN"


def test_a_draft_saved_since_is_in_staffs_feed_and_nobody_elses(live_server: Stack, tokens: dict[str, str]) -> None:
    """Drafts send no alert (so no change-log entry): the feed finds them by their last save, for staff only."""
    reg = tokens["regulator"]
    since = datetime.now(UTC).isoformat()
    draft = _issue(live_server, reg, draft=True)
    assert draft in _paged_ids(live_server, reg, since)
    assert draft in [line["id"] for line in _export(live_server, reg, updatedAfter=since)]
    for token in (None, tokens["consumer"], tokens["enterprise"], tokens["agency"]):
        assert draft not in _paged_ids(live_server, token, since)
    after_save = datetime.now(UTC).isoformat()
    assert draft not in _paged_ids(live_server, reg, after_save)  # unchanged since
    edit = ("mutation($id: ID!, $i: IssueWarningInput!) { updateDraftWarning(id: $id, input: $i) { id } }")
    body = live_server.gql(edit, {"id": draft, "i": {"title": "改稿 edited", "level": "YELLOW", "kind": "ANNOUNCEMENT",
                                                     "hazards": ["PHYSICAL"], "productCategory": "sync-test",
                                                     "summary": "sync"}}, token=reg)
    assert "errors" not in body, body
    assert draft in _paged_ids(live_server, reg, after_save)  # edited since


FEED = "query($u: DateTime, $l: Boolean!, $f: WarningFilter) { warnings(first: 100, updatedAfter: $u, " \
       "includeLifted: $l, filter: $f) { edges { node { id } } deleted { id deletedAt } } }"
DELETE = "mutation($id: ID!) { deleteDraftWarning(id: $id) }"
LIFT = "mutation($id: ID!) { liftWarning(id: $id, reason: \"解除 lifted\") { id } }"


def _feed(s: Stack, token: str | None, since: str | None, include_lifted: bool = True,
          f: dict | None = None) -> tuple[list[str], list[str]]:
    """(item ids, tombstone ids) of the first page of the warnings feed."""
    body = s.gql(FEED, {"u": since, "l": include_lifted, "f": f}, token=token)
    assert "errors" not in body, body
    page = body["data"]["warnings"]
    return [e["node"]["id"] for e in page["edges"]], [t["id"] for t in page["deleted"]]


def test_a_deleted_draft_is_a_tombstone_only_for_who_could_see_it(live_server: Stack,
                                                                  tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    agency = live_server.agency_token("warnings:read circulars:read").json()["access_token"]
    since = datetime.now(UTC).isoformat()
    draft = _issue(live_server, reg, kind="CIRCULAR", draft=True)
    assert draft in _paged_ids(live_server, reg)  # staff saw it in a full sync
    assert live_server.gql(DELETE, {"id": draft}, token=reg)["data"]["deleteDraftWarning"] is True

    items, gone = _feed(live_server, reg, since)
    assert draft in gone and draft not in items
    body = live_server.gql(FEED, {"u": since, "l": True, "f": None}, token=reg)
    tombstone = next(t for t in body["data"]["warnings"]["deleted"] if t["id"] == draft)
    assert datetime.fromisoformat(tombstone["deletedAt"]) >= datetime.fromisoformat(since)
    # A draft is for staff only: no one else ever learns it existed, not even an agency that reads circulars.
    for token in (None, tokens["consumer"], tokens["enterprise"], agency):
        assert draft not in _feed(live_server, token, since)[1]
    # The same filter as the list: a tombstone the regulator's filter would not have matched stays out.
    assert draft not in _feed(live_server, reg, since, f={"levels": ["RED"]})[1]
    assert draft in _feed(live_server, reg, since, f={"levels": ["YELLOW"], "kinds": ["CIRCULAR"]})[1]
    # Without updatedAfter there are no tombstones; before the deletion, none either.
    assert _feed(live_server, reg, None)[1] == []
    just_after = datetime.fromisoformat(tombstone["deletedAt"]) + timedelta(milliseconds=1)  # the server's clock
    assert draft not in _feed(live_server, reg, just_after.isoformat())[1]

    exported = _export(live_server, reg, updatedAfter=since)
    lines = [line for line in exported if line["id"] == draft]
    assert lines == [{"id": draft, "deletedAt": tombstone["deletedAt"]}]
    assert "cursor" not in lines[0]
    assert all(line["id"] != draft for line in _export(live_server, agency, updatedAfter=since))
    assert all(line["id"] != draft for line in _export(live_server, None, updatedAfter=since))
    assert all("deletedAt" not in line for line in _export(live_server, reg))  # a snapshot has no tombstones


def test_a_lifted_warning_is_a_tombstone_when_lifted_ones_are_left_out(live_server: Stack,
                                                                       tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    circulars = live_server.agency_token("circulars:read").json()["access_token"]
    announcement = _issue(live_server, reg)
    circular = _issue(live_server, reg, kind="CIRCULAR")
    since = datetime.now(UTC).isoformat()
    for oid in (announcement, circular):
        assert "errors" not in live_server.gql(LIFT, {"id": oid}, token=reg)

    items, gone = _feed(live_server, None, since, include_lifted=False)
    assert announcement in gone and announcement not in items
    assert circular not in gone  # the public never saw the circular
    items, gone = _feed(live_server, None, since, include_lifted=True)
    assert announcement in items and announcement not in gone  # still listed: it is an item, not a tombstone
    _, gone = _feed(live_server, circulars, since, include_lifted=False)
    assert circular in gone and announcement not in gone  # this agency reads circulars only
    _, gone = _feed(live_server, reg, datetime.now(UTC).isoformat(), include_lifted=False)
    assert announcement not in gone  # lifted before that time


def _walk(s: Stack, token: str, since: str, size: int, page_read: threading.Event | None = None,
          step: threading.Event | None = None, done: threading.Event | None = None) -> list[str]:
    """Every id of one walk through `warnings(updatedAfter:, first: size)`; with the events, after each page but the
    last the walk lets the writer make one change and waits for it (the writes interleave with the walk)."""
    ids: list[str] = []
    after = None
    query = "query($a: String, $u: DateTime, $n: Int) { warnings(first: $n, after: $a, updatedAfter: $u) { " \
            "edges { node { id } } pageInfo { hasNextPage endCursor } } }"
    while True:
        body = s.gql(query, {"a": after, "u": since, "n": size}, token=token)
        assert "errors" not in body, body
        page = body["data"]["warnings"]
        ids += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]
        if page_read is not None and step is not None and done is not None and not done.is_set():
            page_read.set()
            assert step.wait(60), "the writer made no progress"
            step.clear()


def test_a_page_walk_skips_and_repeats_nothing_while_items_change(live_server: Stack,
                                                                   tokens: dict[str, str]) -> None:
    reg = tokens["regulator"]
    reader = live_server.agency_token("warnings:read").json()["access_token"]
    since = datetime.now(UTC).isoformat()
    existing = [_issue(live_server, reg) for _ in range(16)]  # newest last: the walk meets them in reverse
    walk_start = datetime.now(UTC).isoformat()
    published: list[str] = []
    adjusted: list[str] = []
    errors: list[object] = []
    page_read, step, done, walk_over = threading.Event(), threading.Event(), threading.Event(), threading.Event()

    def writer() -> None:
        # Between two pages, one level change (alternately of an item already paged and of one not yet paged) and
        # one new warning.
        levels = ("ORANGE", "BLUE")  # each target changes once, from YELLOW
        targets = [existing[-1], existing[0], existing[-2], existing[1], existing[8], existing[7]]
        try:
            for n, target in enumerate(targets):
                while not page_read.wait(1):
                    if walk_over.is_set():
                        return
                page_read.clear()
                if walk_over.is_set():
                    return
                body = live_server.gql("mutation($id: ID!, $l: WarningLevel!) { adjustWarningLevel(id: $id, "
                                       "level: $l, reason: \"动态调整 adjusted\") { id } }",
                                       {"id": target, "l": levels[n % 2]}, token=reg)
                if "errors" in body:
                    errors.append(body)
                adjusted.append(target)
                published.append(_issue(live_server, reg))
                step.set()
        except Exception as exc:  # reported by the test thread
            errors.append(exc)
        finally:
            done.set()
            step.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        walked = _walk(live_server, reader, since, 5, page_read, step, done)
    finally:
        walk_over.set()
        thread.join(120)
    assert not thread.is_alive() and errors == []
    assert len(adjusted) >= 3  # the writes did interleave with the walk (16 items: 4 pages)

    assert len(walked) == len(set(walked)), "an item came twice in one walk"
    assert set(existing) <= set(walked), "an item that changed after `since` was skipped"
    catch_up = _walk(live_server, reader, walk_start, 100)
    assert len(catch_up) == len(set(catch_up))
    assert set(published) | set(adjusted) <= set(catch_up)  # changed during the walk: the next sync has them
    # Nothing that changed after `since` escapes the walk plus the catch-up from the walk's start.
    assert set(_walk(live_server, reader, since, 100)) <= set(walked) | set(catch_up)


def test_a_closed_recall_is_a_tombstone_when_closed_ones_are_left_out(live_server: Stack,
                                                                      tokens: dict[str, str]) -> None:
    ent, reg = tokens["enterprise"], tokens["regulator"]
    recall_input = {"uscc": "91440300MA5DEM1X0R", "productName": f"同步产品 {uuid.uuid4().hex[:6]}",
                    "hazard": "外壳过热 overheating", "remedy": "REFUND", "remedyInstructions": "联系客服退款",
                    "unitsAffected": 10}
    body = live_server.gql("mutation($i: AnnounceRecallInput!) { announceRecall(input: $i) { id } }",
                           {"i": recall_input}, token=ent)
    assert "errors" not in body, body
    recall = body["data"]["announceRecall"]["id"]
    body = live_server.gql("mutation($id: ID!) { reportRecallProgress(id: $id, unitsRecovered: 10) { status } }",
                           {"id": recall}, token=ent)
    assert body["data"]["reportRecallProgress"]["status"] == "COMPLETED", body
    since = datetime.now(UTC).isoformat()
    body = live_server.gql("mutation($id: ID!) { closeRecall(id: $id, reason: \"效果评估 evaluated\") { status } }",
                           {"id": recall}, token=reg)
    assert "errors" not in body, body
    feed = "query($u: DateTime, $l: Boolean!) { recalls(first: 100, updatedAfter: $u, includeLifted: $l) { " \
           "edges { node { id } } deleted { id deletedAt } } }"
    for token in (None, tokens["consumer"], reg):
        page = live_server.gql(feed, {"u": since, "l": False}, token=token)["data"]["recalls"]
        assert recall in [t["id"] for t in page["deleted"]]
        assert recall not in [e["node"]["id"] for e in page["edges"]]
        page = live_server.gql(feed, {"u": since, "l": True}, token=token)["data"]["recalls"]
        assert recall in [e["node"]["id"] for e in page["edges"]] and page["deleted"] == []
    page = live_server.gql(feed, {"u": datetime.now(UTC).isoformat(), "l": False}, token=reg)["data"]["recalls"]
    assert page["deleted"] == []  # closed before that time
    # Enterprises are never deleted today: their feed answers an empty `deleted`.
    body = live_server.gql("query($u: DateTime) { enterprises(first: 5, updatedAfter: $u) { deleted { id } } }",
                           {"u": since}, token=reg)
    assert body["data"]["enterprises"]["deleted"] == [], body
