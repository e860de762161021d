"""`auditEntries` (审计日志): newest-first keyset pages over the append-only trail, filters by target and action,
typed refusals for bad cursors and ids. Who may read it at all is in tests/test_authorization_matrix.py."""

from __future__ import annotations

import httpx

from tests.complaints_support import png_bytes
from tests.stack import Stack, code_of, field_of

PAGE = ("query($first: Int, $after: String, $f: AuditEntryFilter) { auditEntries(first: $first, after: $after, "
        "filter: $f) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id action actor target "
        "at detail { name value } } } } }")


def page(s: Stack, token: str, **variables: object) -> dict:
    body = s.gql(PAGE, variables, token=token)
    assert "errors" not in body, body
    return body["data"]["auditEntries"]


def test_pages_follow_each_other_newest_first_without_overlap(live_server: Stack, tokens: dict[str, str]) -> None:
    for _ in range(5):
        live_server.sign_in("consumer@demo.test")
    seen: list[dict] = []
    after = None
    for _ in range(3):
        got = page(live_server, tokens["regulator"], first=2, after=after, f={"action": "sign_in"})
        assert len(got["edges"]) == 2 and got["pageInfo"]["hasNextPage"]
        seen.extend(e["node"] for e in got["edges"])
        after = got["pageInfo"]["endCursor"]
        assert after == got["edges"][-1]["cursor"]
    assert len({n["id"] for n in seen}) == 6  # no entry twice across pages
    assert all(n["action"] == "sign_in" for n in seen)
    assert [n["at"] for n in seen] == sorted((n["at"] for n in seen), reverse=True)
    assert got["totalCount"] >= 6


def test_filter_by_target_id_or_recorded_target(live_server: Stack, tokens: dict[str, str]) -> None:
    stored = httpx.post(f"{live_server.base_url}/uploads", files={"file": ("a.png", png_bytes(), "image/png")},
                        headers={"Authorization": f"Bearer {tokens['consumer']}"}, timeout=60)
    assert stored.status_code == 201, stored.text
    upload_id = stored.json()["id"]
    by_id = page(live_server, tokens["admin"], f={"targetId": upload_id})
    assert by_id["totalCount"] == 1 and [e["node"]["action"] for e in by_id["edges"]] == ["upload_stored"]
    entry = by_id["edges"][0]["node"]
    assert entry["target"].startswith("upload:") and entry["actor"].startswith("account:")
    assert page(live_server, tokens["admin"], f={"target": entry["target"]})["edges"] == by_id["edges"]
    assert page(live_server, tokens["admin"], f={"targetId": upload_id, "action": "sign_in"})["totalCount"] == 0
    assert page(live_server, tokens["admin"], f={"targetId": upload_id, "target": "upload:other"})["edges"] == []
    node = live_server.gql("query($id: ID!) { node(id: $id) { ... on AuditEntry { action target } } }",
                           {"id": entry["id"]}, token=tokens["regulator"])
    assert node["data"]["node"] == {"action": "upload_stored", "target": entry["target"]}


def test_bad_cursors_and_ids_are_bad_user_input(live_server: Stack, tokens: dict[str, str]) -> None:
    warnings_cursor = live_server.gql("{ warnings(first: 1) { pageInfo { endCursor } } }")["data"]["warnings"][
        "pageInfo"]["endCursor"]
    for cursor in ("garbage", warnings_cursor):
        body = live_server.gql(PAGE, {"after": cursor}, token=tokens["admin"])
        assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "after", body
    recall = live_server.gql("{ recalls(first: 1) { edges { node { id } } } }")["data"]["recalls"]["edges"][0]["node"]
    body = live_server.gql(PAGE, {"f": {"targetId": recall["id"]}}, token=tokens["admin"])
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "filter.targetId", body
    body = live_server.gql(PAGE, {"first": -1}, token=tokens["admin"])
    assert code_of(body) == "BAD_USER_INPUT" and field_of(body) == "first", body
