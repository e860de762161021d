"""Admins manage agency clients (issue 14): list, rotate the secret with a grace, revoke, update scopes and budget,
usage per day and webhook health; every other role is refused."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pymongo
import pytest

from documents.accounts import agency_clients as rules
from documents.accounts.agency_usage import UsageMeter
from documents.core.clock import utcnow
from documents.core.errors import RuleViolation
from documents.enums import AgencyScope
from documents.settings import get_settings
from tests import stack as stack_mod
from tests.stack import Stack, code_of, field_of

CREATE = "mutation($i: CreateAgencyClientInput!) { createAgencyClient(input: $i) { clientId clientSecret " \
         "client { id revision } } }"
ROTATE = "mutation($id: ID!, $g: Int!) { rotateAgencyClientSecret(id: $id, graceSeconds: $g) { clientSecret " \
         "previousSecretExpiresAt client { id secretRotatedAt previousSecretExpiresAt revision } } }"
REVOKE = "mutation($id: ID!) { revokeAgencyClient(id: $id) { id disabled revokedAt } }"
UPDATE = "mutation($id: ID!, $i: UpdateAgencyClientInput!) { updateAgencyClient(id: $id, input: $i) { id name " \
         "scopes revision budget { maximum restoreRate custom } } }"
LIST = "query($n: Int, $a: String) { agencyClients(first: $n, after: $a) { totalCount pageInfo { hasNextPage " \
       "endCursor } edges { node { id clientId name scopes disabled revokedAt createdAt budget { maximum " \
       "restoreRate custom } } } } }"
USAGE = "query($id: ID!) { node(id: $id) { ... on AgencyClient { clientId usage(days: 3) { day requests cost " \
        "errors } webhookHealth { endpoints enabled disabled pendingDeliveries failedDeliveries lastSuccessAt } } } }"
WAIT_SECONDS = 40.0  # usage is flushed every 5 s; generous under a loaded machine


# --- pure rules -------------------------------------------------------------------------------------------------

def test_rules_name_the_field() -> None:
    for call, field in ((lambda: rules.check_budget(9, None), "budgetMaximum"),
                        (lambda: rules.check_budget(None, 0.0), "budgetRestoreRate"),
                        (lambda: rules.check_budget(None, float("nan")), "budgetRestoreRate"),
                        (lambda: rules.check_grace(-1), "graceSeconds"),
                        (lambda: rules.check_scopes([]), "scopes"),
                        (lambda: rules.check_name(" "), "name")):
        with pytest.raises(RuleViolation) as caught:
            call()
        assert caught.value.field == field
    rules.check_budget(None, None)
    rules.check_budget(10, 0.1)
    assert rules.check_scopes([AgencyScope.WARNINGS_READ, AgencyScope.WARNINGS_READ]) == [AgencyScope.WARNINGS_READ]
    assert rules.check_grace(0).total_seconds() == 0


def test_previous_secret_valid_only_during_its_grace() -> None:
    client = rules.AgencyClient.model_construct(previous_secret_hash="h", previous_secret_expires_at=None)
    assert not client.previous_secret_valid()
    now = utcnow()
    client.previous_secret_expires_at = now + rules.check_grace(60)
    assert client.previous_secret_valid(now) and not client.previous_secret_valid(now + rules.check_grace(61))
    client.previous_secret_expires_at = (now + rules.check_grace(60)).replace(tzinfo=None)  # as BSON returns it
    assert client.previous_secret_valid(now)


def test_meter_adds_in_memory_per_client_and_day() -> None:
    meter = UsageMeter()  # no running loop here: nothing is scheduled and nothing written
    at = utcnow()
    meter.add("a", 5, False, at)
    meter.add("a", 7, True, at)
    meter.add("b", -3, False, at)  # a negative cost never lowers the count
    assert meter.pending() == 3
    assert meter._counts[("a", at.date())] == [2, 12, 1] and meter._counts[("b", at.date())] == [1, 0, 0]


def _audit_actions(stack: Stack, client_id: str) -> list[str]:
    uri = f"mongodb://127.0.0.1:{stack.embedded_db()['port']}/?directConnection=true"
    db: pymongo.MongoClient[dict[str, Any]] = pymongo.MongoClient(uri)
    with db:
        entries = db[get_settings().database_name]["audit_log"].find({"target": f"client:{client_id}"})
        return sorted(e["action"] for e in entries)


def _create(stack: Stack, admin: str, client_id: str, scopes: list[str] | None = None) -> dict[str, Any]:
    body = stack.gql(CREATE, {"i": {"clientId": client_id, "name": f"{client_id} (fictional agency)",
                                    "scopes": scopes or ["WARNINGS_READ"]}}, token=admin)
    assert "errors" not in body, body
    return body["data"]["createAgencyClient"]


def _token(stack: Stack, client_id: str, secret: str) -> httpx.Response:
    return stack.agency_token(client_id=client_id, secret=secret)


def _poll(check: Any, what: str) -> Any:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, f"not within {WAIT_SECONDS} s: {what}"
        time.sleep(0.3)


@pytest.mark.parametrize("role", ["anonymous", "consumer", "enterprise", "regulator", "agency"])
def test_only_admins_manage_agency_clients(live_server: Stack, tokens: dict[str, str], role: str) -> None:
    made = _create(live_server, tokens["admin"], f"refuse-{role}")
    gid = made["client"]["id"]
    token = None if role == "anonymous" else tokens[role]
    expected = "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"
    attempts = [
        (LIST, {}),
        (CREATE, {"i": {"clientId": f"refuse-{role}-2", "name": "x", "scopes": ["WARNINGS_READ"]}}),
        (ROTATE, {"id": gid, "g": 60}),
        (REVOKE, {"id": gid}),
        (UPDATE, {"id": gid, "i": {"name": "taken over"}}),
    ]
    for query, variables in attempts:
        body = live_server.gql(query, variables, token=token)
        assert code_of(body) == expected, (query, body)
    # node(id:) answers null for anyone but an admin, as if it did not exist.
    if role != "anonymous":
        assert live_server.gql(USAGE, {"id": gid}, token=token)["data"]["node"] is None
    # Nothing changed: the secret still works and the name is the same.
    assert _token(live_server, f"refuse-{role}", made["clientSecret"]).status_code == 200
    listed = live_server.gql(USAGE, {"id": gid}, token=tokens["admin"])["data"]["node"]
    assert listed["clientId"] == f"refuse-{role}"


def test_list_is_paged_newest_first(live_server: Stack, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    for n in range(3):
        _create(live_server, admin, f"list-page-{n}")
    first = live_server.gql(LIST, {"n": 2}, token=admin)["data"]["agencyClients"]
    assert first["totalCount"] >= 4  # these three and the demo agency
    assert first["pageInfo"]["hasNextPage"]
    seen: list[str] = []
    created: list[str] = []
    after = None
    while True:
        page = live_server.gql(LIST, {"n": 2, "a": after}, token=admin)["data"]["agencyClients"]
        seen += [e["node"]["clientId"] for e in page["edges"]]
        created += [e["node"]["createdAt"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == first["totalCount"]
    assert created == sorted(created, reverse=True)  # newest first
    assert seen.index("list-page-2") < seen.index("list-page-1") < seen.index("list-page-0")
    assert "demo-agency" in seen and {"list-page-0", "list-page-1", "list-page-2"} <= set(seen)
    demo = next(e["node"] for e in live_server.gql(LIST, {"n": 100}, token=admin)["data"]["agencyClients"]["edges"]
                if e["node"]["clientId"] == "demo-agency")
    assert demo["budget"]["custom"] is False and demo["disabled"] is False and demo["revokedAt"] is None
    assert code_of(live_server.gql(LIST, {"a": "not-a-cursor"}, token=admin)) == "BAD_USER_INPUT"


def test_rotate_keeps_the_old_secret_for_the_grace_only(live_server: Stack, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    made = _create(live_server, admin, "rotate-grace")
    old = made["clientSecret"]
    rotated = live_server.gql(ROTATE, {"id": made["client"]["id"], "g": 4}, token=admin)
    assert "errors" not in rotated, rotated
    answer = rotated["data"]["rotateAgencyClientSecret"]
    new = answer["clientSecret"]
    assert new != old and answer["previousSecretExpiresAt"] is not None
    assert answer["client"]["secretRotatedAt"] is not None and answer["client"]["revision"] == 1
    # During the grace both secrets get a token...
    assert _token(live_server, "rotate-grace", new).status_code == 200
    assert _token(live_server, "rotate-grace", old).status_code == 200
    # ...after it only the new one.
    _poll(lambda: _token(live_server, "rotate-grace", old).status_code == 401, "the old secret refused")
    assert _token(live_server, "rotate-grace", new).status_code == 200
    assert _token(live_server, "rotate-grace", "a-wrong-secret").status_code == 401
    # graceSeconds 0: the replaced secret is refused at once.
    again = live_server.gql(ROTATE, {"id": made["client"]["id"], "g": 0}, token=admin)["data"]
    newest = again["rotateAgencyClientSecret"]["clientSecret"]
    assert again["rotateAgencyClientSecret"]["previousSecretExpiresAt"] is None
    assert _token(live_server, "rotate-grace", new).status_code == 401
    assert _token(live_server, "rotate-grace", newest).status_code == 200
    for grace in (-1, 31 * 86400):
        bad = live_server.gql(ROTATE, {"id": made["client"]["id"], "g": grace}, token=admin)
        assert code_of(bad) == "BAD_USER_INPUT" and field_of(bad) == "graceSeconds"
    assert _audit_actions(live_server, "rotate-grace").count("agency_client_secret_rotated") == 2
    unknown = live_server.gql(ROTATE, {"id": "bm90LWFuLWlk", "g": 5}, token=admin)
    assert code_of(unknown) == "NOT_FOUND"


def test_revoke_refuses_new_and_issued_tokens(live_server: Stack, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    made = _create(live_server, admin, "revoke-me")
    issued = _token(live_server, "revoke-me", made["clientSecret"])
    assert issued.status_code == 200
    access = issued.json()["access_token"]
    query = "{ warnings(first: 1) { edges { node { id } } } }"
    assert "errors" not in live_server.gql(query, token=access)
    revoked = live_server.gql(REVOKE, {"id": made["client"]["id"]}, token=admin)
    assert "errors" not in revoked, revoked
    node = revoked["data"]["revokeAgencyClient"]
    assert node["disabled"] is True and node["revokedAt"] is not None
    # The issued token stops at once on this process (its cached grant is dropped), no new token is issued.
    assert code_of(live_server.gql(query, token=access)) == "UNAUTHENTICATED"
    assert _token(live_server, "revoke-me", made["clientSecret"]).status_code in (400, 401)
    assert _audit_actions(live_server, "revoke-me") == ["agency_client_created", "agency_client_revoked"]
    for query_, variables in ((REVOKE, {"id": made["client"]["id"]}), (ROTATE, {"id": made["client"]["id"], "g": 5}),
                              (UPDATE, {"id": made["client"]["id"], "i": {"name": "back"}})):
        assert code_of(live_server.gql(query_, variables, token=admin)) == "CONFLICT"


def test_update_scopes_and_budget_with_validation(live_server: Stack, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    made = _create(live_server, admin, "update-me")
    gid = made["client"]["id"]
    access = _token(live_server, "update-me", made["clientSecret"]).json()["access_token"]
    recalls = "{ recalls(first: 1) { edges { node { id } } } }"
    assert code_of(live_server.gql(recalls, token=access)) == "FORBIDDEN"
    changed = live_server.gql(UPDATE, {"id": gid, "i": {"name": "Renamed agency", "scopes": ["WARNINGS_READ",
                                                                                             "RECALLS_READ"],
                                                        "budgetMaximum": 120, "budgetRestoreRate": 2.5}},
                              token=admin)
    assert "errors" not in changed, changed
    node = changed["data"]["updateAgencyClient"]
    assert node["name"] == "Renamed agency" and node["scopes"] == ["WARNINGS_READ", "RECALLS_READ"]
    assert node["budget"] == {"maximum": 120, "restoreRate": 2.5, "custom": True} and node["revision"] == 1
    # The budget applies to the client's next request (this process's cache of it is dropped).
    small = live_server.gql("{ warnings(first: 1) { edges { node { id } } } }", token=access)
    assert small["extensions"]["cost"]["throttleStatus"]["maximum"] == 120
    assert small["extensions"]["cost"]["throttleStatus"]["restoreRate"] == 2.5
    # A new token may ask for the new scope.
    fresh = live_server.agency_token(scope="recalls:read", client_id="update-me", secret=made["clientSecret"])
    assert fresh.status_code == 200 and fresh.json()["scope"] == "recalls:read"
    for field, value in (("budgetMaximum", 0), ("budgetMaximum", 10**9), ("budgetRestoreRate", -1.0),
                         ("scopes", []), ("name", "  ")):
        bad = live_server.gql(UPDATE, {"id": gid, "i": {field: value}}, token=admin)
        assert code_of(bad) == "BAD_USER_INPUT" and field_of(bad) == field, (field, bad)
    stale = live_server.gql(UPDATE, {"id": gid, "i": {"name": "late", "expectedRevision": 0}}, token=admin)
    assert code_of(stale) == "CONFLICT" and stale["errors"][0]["extensions"]["reason"] == "STALE"
    reset = live_server.gql(UPDATE, {"id": gid, "i": {"resetBudget": True, "expectedRevision": 1}}, token=admin)
    assert reset["data"]["updateAgencyClient"]["budget"]["custom"] is False
    assert _audit_actions(live_server, "update-me") == ["agency_client_created", "agency_client_updated",
                                                        "agency_client_updated"]
    bad_create = live_server.gql(CREATE, {"i": {"clientId": "x", "name": "n", "scopes": ["WARNINGS_READ"]}},
                                 token=admin)
    assert code_of(bad_create) == "BAD_USER_INPUT" and field_of(bad_create) == "clientId"
    taken = live_server.gql(CREATE, {"i": {"clientId": "update-me", "name": "n", "scopes": ["WARNINGS_READ"]}},
                            token=admin)
    assert code_of(taken) == "CONFLICT"


def test_usage_per_day_and_webhook_health(live_server: Stack, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    made = _create(live_server, admin, "usage-count")
    gid = made["client"]["id"]
    access = _token(live_server, "usage-count", made["clientSecret"]).json()["access_token"]
    for _ in range(3):
        assert "errors" not in live_server.gql("{ warnings(first: 2) { edges { node { id } } } }", token=access)
    assert code_of(live_server.gql("{ recalls(first: 1) { edges { node { id } } } }", token=access)) == "FORBIDDEN"

    def today() -> dict[str, Any] | None:
        node = live_server.gql(USAGE, {"id": gid}, token=admin)["data"]["node"]
        last = node["usage"][-1]
        return last if last["requests"] >= 4 else None

    counted = _poll(today, "usage flushed")
    assert counted["requests"] == 4 and counted["errors"] == 1 and counted["cost"] > 0
    node = live_server.gql(USAGE, {"id": gid}, token=admin)["data"]["node"]
    assert len(node["usage"]) == 3 and [u["requests"] for u in node["usage"][:2]] == [0, 0]
    assert node["webhookHealth"] == {"endpoints": 0, "enabled": 0, "disabled": 0, "pendingDeliveries": 0,
                                     "failedDeliveries": 0, "lastSuccessAt": None}
    hook = live_server.gql("mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { id } }",
                           {"i": {"url": "https://hooks.example.org/qsradar"}}, token=access)
    assert "errors" not in hook, hook
    health = live_server.gql(USAGE, {"id": gid}, token=admin)["data"]["node"]["webhookHealth"]
    assert health["endpoints"] == 1 and health["enabled"] == 1 and health["disabled"] == 0
    for days in (0, 91):
        bad = live_server.gql("query($id: ID!, $d: Int!) { node(id: $id) { ... on AgencyClient { usage(days: $d) "
                              "{ day } } } }", {"id": gid, "d": days}, token=admin)
        assert code_of(bad) == "BAD_USER_INPUT" and field_of(bad) == "days"


def test_usage_counted_in_memory_is_written_at_shutdown(fresh_dir: Path) -> None:
    # Requests made just before a graceful stop (well inside the 5 s flush period) are not lost.
    with stack_mod.running(fresh_dir) as stack:
        admin = stack.sign_in("admin@demo.test")["accessToken"]
        made = _create(stack, admin, "usage-shutdown")
        access = _token(stack, "usage-shutdown", made["clientSecret"]).json()["access_token"]
        for _ in range(2):
            assert "errors" not in stack.gql("{ warnings(first: 1) { edges { node { id } } } }", token=access)
    with stack_mod.running(fresh_dir) as stack:
        admin = stack.sign_in("admin@demo.test")["accessToken"]
        node = stack.gql(USAGE, {"id": made["client"]["id"]}, token=admin)["data"]["node"]
        assert node["usage"][-1]["requests"] == 2 and node["usage"][-1]["errors"] == 0


def test_a_client_stored_before_the_admin_list_is_listed_and_changed(live_server: Stack,
                                                                     tokens: dict[str, str]) -> None:
    # As stored before issue 14: no sort key, no revision.
    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    db: pymongo.MongoClient[dict[str, Any]] = pymongo.MongoClient(uri)
    with db:
        db[get_settings().database_name]["agency_clients"].insert_one(
            {"client_id": "stored-before", "secret_hash": "x", "name": "Stored before (fictional)",
             "country": None, "scopes": ["warnings:read"], "disabled": False, "created_at": utcnow()})
    admin = tokens["admin"]
    listed = live_server.gql(LIST, {"n": 100}, token=admin)["data"]["agencyClients"]["edges"]
    node = next(e["node"] for e in listed if e["node"]["clientId"] == "stored-before")
    changed = live_server.gql(UPDATE, {"id": node["id"], "i": {"name": "Renamed", "expectedRevision": 0}},
                              token=admin)
    assert "errors" not in changed, changed
    assert changed["data"]["updateAgencyClient"]["revision"] == 1
