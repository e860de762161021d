"""Identity and access: accounts, tokens, refresh rotation, agency clients, abuse limits, audit."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid

import httpx
import pytest
import websockets
from joserfc import jwt
from joserfc.jwk import OctKey
from pymongo import MongoClient

from tests.gqlws import PROTOCOL, GqlWs
from tests.stack import Stack, code_of, without_extensions

ME = "{ me { id email role scopes enterprise { uscc creditLevel } } }"
SIGN_UP = "mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken expiresIn viewer { email role } } }"
REFRESH = "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }"
DEV_SECRET = "qsradar-development-secret-key-change-me-0000"



def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@Example.test"


def db(stack: Stack) -> MongoClient:
    return MongoClient(f"mongodb://127.0.0.1:{stack.embedded_db()['port']}/?directConnection=true", tz_aware=True)


def test_sign_up_then_me(live_server: Stack) -> None:
    email = unique_email()
    body = live_server.gql(SIGN_UP, {"i": {"email": email, "password": "correct-horse-1", "locale": "en"}})
    payload = body["data"]["signUp"]
    assert payload["viewer"] == {"email": email.lower(), "role": "CONSUMER"}
    assert 600 <= payload["expiresIn"] <= 1200
    me = live_server.gql(ME, token=payload["accessToken"])["data"]["me"]
    assert me["email"] == email.lower() and me["role"] == "CONSUMER"
    # case-insensitive uniqueness
    again = live_server.gql(SIGN_UP, {"i": {"email": email.upper(), "password": "correct-horse-1"}})
    assert code_of(again) == "CONFLICT"


@pytest.mark.parametrize("email, password, field", [
    ("short@x.test", "short", "password"),
    ("samename@x.test", "samename@x.test", "password"),
    ("not-an-email", "long-enough-pass", "email"),
])
def test_sign_up_policy(live_server: Stack, email: str, password: str, field: str) -> None:
    body = live_server.gql(SIGN_UP, {"i": {"email": email, "password": password}})
    assert code_of(body) == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["field"] == field


def test_anonymous_me_is_null(live_server: Stack) -> None:
    assert without_extensions(live_server.gql(ME)) == {"data": {"me": None}}


def test_enterprise_viewer_has_its_enterprise(live_server: Stack, tokens: dict[str, str]) -> None:
    me = live_server.gql(ME, token=tokens["enterprise"])["data"]["me"]
    assert me["role"] == "ENTERPRISE" and me["enterprise"]["uscc"] == "91440300MA5DEM1X0R"


def _forged_tokens(valid: str) -> dict[str, str]:
    header, payload, _ = valid.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    none_header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode()).decode().rstrip("=")
    escalated = dict(claims, role="REGULATOR")
    escalated_payload = base64.urlsafe_b64encode(json.dumps(escalated).encode()).decode().rstrip("=")
    other_key = OctKey.import_key("some-other-service-secret-key-value-0123456789")
    expired = dict(claims, exp=int(time.time()) - 60, iat=int(time.time()) - 1000)
    dev_key = OctKey.import_key(DEV_SECRET)
    return {
        "alg_none": f"{none_header}.{escalated_payload}.",
        "tampered_payload": f"{header}.{escalated_payload}.{valid.split('.')[2]}",
        "wrong_signature": jwt.encode({"alg": "HS256"}, escalated, other_key),
        "expired": jwt.encode({"alg": "HS256", "kid": json.loads(base64.urlsafe_b64decode(header + "==="))["kid"]},
                              expired, dev_key),
        "garbage": "not.a.token",
    }


def test_forged_and_expired_tokens_are_refused_not_anonymous(live_server: Stack, tokens: dict[str, str]) -> None:
    for name, token in _forged_tokens(tokens["consumer"]).items():
        response = live_server.post("{ warnings { totalCount } }", token=token)
        assert response.status_code == 401, name
        assert code_of(response.json()) == "UNAUTHENTICATED", name
    bad_scheme = live_server.post("{ __typename }", headers={"Authorization": "Basic Zm9vOmJhcg=="})
    assert bad_scheme.status_code == 401


def test_refresh_rotates_and_reuse_revokes_the_family(live_server: Stack) -> None:
    first = live_server.sign_in("consumer@demo.test")
    second = live_server.gql(REFRESH, {"t": first["refreshToken"]})["data"]["refreshToken"]
    assert second["refreshToken"] != first["refreshToken"]
    assert live_server.gql(ME, token=second["accessToken"])["data"]["me"]["role"] == "CONSUMER"
    third = live_server.gql(REFRESH, {"t": second["refreshToken"]})["data"]["refreshToken"]
    # presenting a token two rotations old is theft (the previous one has a short two-tab grace,
    # tests/test_auth_hardening.py): the whole family dies
    assert code_of(live_server.gql(REFRESH, {"t": first["refreshToken"]})) == "UNAUTHENTICATED"
    assert code_of(live_server.gql(REFRESH, {"t": third["refreshToken"]})) == "UNAUTHENTICATED"
    revoked = live_server.post(ME, token=third["accessToken"])
    assert revoked.status_code == 401 and code_of(revoked.json()) == "UNAUTHENTICATED"
    # other sessions of the same account are untouched
    assert live_server.gql(ME, token=live_server.sign_in("consumer@demo.test")["accessToken"])["data"]["me"]


def test_sign_out_revokes_the_session(live_server: Stack) -> None:
    session = live_server.sign_in("consumer@demo.test")
    body = live_server.gql("mutation($t: String!) { signOut(refreshToken: $t) }", {"t": session["refreshToken"]})
    assert without_extensions(body) == {"data": {"signOut": True}}
    assert live_server.post(ME, token=session["accessToken"]).status_code == 401
    assert code_of(live_server.gql(REFRESH, {"t": session["refreshToken"]})) == "UNAUTHENTICATED"


def test_a_rotated_key_still_verifies_old_tokens(fresh_dir) -> None:  # type: ignore[no-untyped-def]
    from tests import stack as stack_mod

    old_key, new_key = "k" * 40, "n" * 40
    with stack_mod.running(fresh_dir, QSRADAR_SECRET_KEY=old_key) as s:
        old = s.sign_in("regulator@demo.test")["accessToken"]
    with stack_mod.running(fresh_dir, QSRADAR_SECRET_KEY=new_key, QSRADAR_PREVIOUS_SECRET_KEYS=old_key) as s:
        assert s.gql(ME, token=old)["data"]["me"]["role"] == "REGULATOR"
        new = s.sign_in("regulator@demo.test")["accessToken"]
        assert json.loads(base64.urlsafe_b64decode(new.split(".")[0] + "==="))["kid"] != \
            json.loads(base64.urlsafe_b64decode(old.split(".")[0] + "==="))["kid"]
    with stack_mod.running(fresh_dir, QSRADAR_SECRET_KEY=new_key) as s:
        assert s.post(ME, token=old).status_code == 401  # once the old key is retired


def test_sign_in_is_rate_limited_per_account_without_revealing_accounts(live_server: Stack) -> None:
    real, ghost = unique_email("limited").lower(), f"ghost-{uuid.uuid4().hex[:6]}@demo.test"
    live_server.gql(SIGN_UP, {"i": {"email": real, "password": "right-password-1"}})
    mutation = "mutation($e: String!) { signIn(input: {email: $e, password: \"wrong-password\"}) { accessToken } }"
    for email in (real, ghost):
        messages = set()
        for _ in range(5):
            body = live_server.gql(mutation, {"e": email})
            assert code_of(body) == "UNAUTHENTICATED"
            messages.add(body["errors"][0]["message"])
        limited = live_server.gql(mutation, {"e": email})
        assert code_of(limited) == "RATE_LIMITED"
        assert limited["errors"][0]["extensions"]["retryAfter"] > 0
        assert messages == {"email or password is incorrect"}
    # even the right password is refused while the account is limited
    right = live_server.gql('mutation($e: String!) { signIn(input: {email: $e, password: "right-password-1"}) '
                            '{ accessToken } }', {"e": real})
    assert code_of(right) == "RATE_LIMITED"


def test_sign_in_is_rate_limited_per_address(fresh_dir) -> None:  # type: ignore[no-untyped-def]
    from tests import stack as stack_mod

    with stack_mod.running(fresh_dir, QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS="4") as s:
        attacker = {"X-Forwarded-For": "203.0.113.7"}
        mutation = "mutation($e: String!) { signIn(input: {email: $e, password: \"wrong-password\"}) { accessToken } }"
        for i in range(4):
            assert code_of(s.gql(mutation, {"e": f"victim{i}@x.test"}, headers=attacker)) == "UNAUTHENTICATED"
        assert code_of(s.gql(mutation, {"e": "victim9@x.test"}, headers=attacker)) == "RATE_LIMITED"
        # another address is not affected
        assert s.sign_in("consumer@demo.test", headers={"X-Forwarded-For": "198.51.100.1"})["accessToken"]


def test_agency_client_credentials(live_server: Stack) -> None:
    response = live_server.agency_token("warnings:read credit:read")
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer" and body["scope"] == "warnings:read credit:read"
    me = live_server.gql(ME, token=body["access_token"])["data"]["me"]
    assert me["role"] == "AGENCY" and sorted(me["scopes"]) == ["credit:read", "warnings:read"]
    assert live_server.agency_token(secret="wrong-secret").json()["error"] == "invalid_client"
    assert live_server.agency_token(client_id="nobody").json()["error"] == "invalid_client"
    assert live_server.agency_token("warnings:write").json()["error"] == "invalid_scope"
    bad_grant = httpx.post(f"{live_server.base_url}/oauth/token", data={"grant_type": "password"},
                           auth=("demo-agency", "demo-pass-2026"))
    assert bad_grant.status_code == 400 and bad_grant.json()["error"] == "unsupported_grant_type"
    meta = httpx.get(f"{live_server.base_url}/.well-known/oauth-authorization-server").json()
    assert meta["token_endpoint"].endswith("/oauth/token") and "circulars:read" in meta["scopes_supported"]


def test_agency_token_carries_only_granted_scopes(live_server: Stack, tokens: dict[str, str]) -> None:
    created = live_server.gql(
        'mutation { createAgencyClient(input: {clientId: "eu-rapex-test", name: "EU Safety Gate", '
        'scopes: [WARNINGS_READ], country: "BE"}) { clientId clientSecret scopes } }', token=tokens["admin"])
    creds = created["data"]["createAgencyClient"]
    token = live_server.agency_token("warnings:read circulars:read", client_id="eu-rapex-test",
                                     secret=creds["clientSecret"]).json()
    assert token["scope"] == "warnings:read"
    assert live_server.agency_token("circulars:read", client_id="eu-rapex-test",
                                    secret=creds["clientSecret"]).json()["error"] == "invalid_scope"


def test_admin_mutations_are_admin_only(live_server: Stack, tokens: dict[str, str]) -> None:
    mutation = ('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id email role } }')
    new = {"email": unique_email("reg"), "password": "regulator-pass-1", "role": "REGULATOR"}
    assert code_of(live_server.gql(mutation, {"i": new})) == "UNAUTHENTICATED"
    for role in ("consumer", "enterprise", "regulator", "agency"):
        assert code_of(live_server.gql(mutation, {"i": new}, token=tokens[role])) == "FORBIDDEN", role
    created = live_server.gql(mutation, {"i": new}, token=tokens["admin"])["data"]["createAccount"]
    assert created["role"] == "REGULATOR"
    session = live_server.sign_in(new["email"], new["password"])
    disable = 'mutation($id: ID!) { setAccountDisabled(id: $id, disabled: true) { id } }'
    assert code_of(live_server.gql(disable, {"id": created["id"]}, token=tokens["regulator"])) == "FORBIDDEN"
    assert "errors" not in live_server.gql(disable, {"id": created["id"]}, token=tokens["admin"])
    assert live_server.post(ME, token=session["accessToken"]).status_code == 401
    assert code_of(live_server.gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) '
                                   '{ accessToken } }', {"e": new["email"], "p": new["password"]})) == "UNAUTHENTICATED"


def test_signup_cannot_choose_a_role(live_server: Stack) -> None:
    body = live_server.gql('mutation { signUp(input: {email: "x@y.test", password: "long-enough-1", role: ADMIN}) '
                           '{ accessToken } }')
    assert code_of(body) == "BAD_USER_INPUT"


def test_audit_log_records_security_events(live_server: Stack, tokens: dict[str, str]) -> None:
    """Each entry checked here is one this test caused (a unique account, after a marker time)."""
    email = f"audit-{uuid.uuid4().hex[:8]}@x.test"
    with db(live_server) as client:
        since = client.qsradar.audit_log.find_one({}, sort=[("at", -1)])["at"]
    signed_up = live_server.gql("mutation($e: String!) { signUp(input: {email: $e, password: \"audit-pass-123\"}) "
                                "{ viewer { id } } }", {"e": email})
    assert "errors" not in signed_up, signed_up
    live_server.gql("mutation($e: String!) { signIn(input: {email: $e, password: \"wrong-pass-123\"}) { accessToken } }",
                    {"e": email})
    live_server.sign_in(email, "audit-pass-123")
    assert live_server.agency_token("warnings:read").status_code == 200
    with db(live_server) as client:
        mine = list(client.qsradar.audit_log.find({"at": {"$gte": since}}))
    by_action: dict[str, list[dict]] = {}
    for entry in mine:
        by_action.setdefault(entry["action"], []).append(entry)
    failed = [e for e in by_action.get("sign_in_failed", []) if e["actor"] == email]
    assert len(failed) == 1 and failed[0]["address"] == "127.0.0.1" and failed[0]["at"] is not None
    account = [e for e in by_action.get("sign_up", []) if e["address"] == "127.0.0.1"]
    assert account and any(e["actor"] in {s["actor"] for s in by_action.get("sign_in", [])} for e in account)
    assert any(e["actor"] == "client:demo-agency" or "demo-agency" in str(e.get("actor"))
               for e in by_action.get("agency_token_issued", []))


async def test_websocket_auth_on_connection_init(live_server: Stack, tokens: dict[str, str]) -> None:
    ok = await GqlWs.connect(live_server.ws_url, tokens["regulator"])
    await ok.close()
    anonymous = await GqlWs.connect(live_server.ws_url)
    await anonymous.close()
    for bad in _forged_tokens(tokens["consumer"]).values():
        conn = await websockets.connect(live_server.ws_url, subprotocols=[PROTOCOL])
        await conn.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {bad}"}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(conn.recv(), 10)
        assert closed.value.rcvd.code == 4403


async def test_only_graphql_transport_ws_is_spoken(live_server: Stack) -> None:
    conn = await websockets.connect(live_server.ws_url, subprotocols=["graphql-ws"])  # the legacy protocol
    assert conn.subprotocol is None
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(conn.recv(), 10)
    assert closed.value.rcvd.code == 4406
