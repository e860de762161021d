"""Hardening: security headers, HSTS behind a trusted proxy, CORS allowlist, Retry-After on RATE_LIMITED,
and production mode (introspection only for signed-in clients, no "Did you mean" suggestions)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from pymongo import MongoClient

from tests import stack as stack_mod
from tests.gqlws import GqlWs
from tests.stack import Stack, without_extensions

SECRET = "p" * 48
ALLOWED_ORIGIN = "https://console.example.test"
INTROSPECTION = "{ __schema { queryType { name } } }"
TYPE_INTROSPECTION = "query { a: warnings(first: 1) { totalCount } ... on Query { __type(name: \"Warning\") { name } } }"


def _assert_security_headers(response: httpx.Response) -> None:
    h = response.headers
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert "camera=(self)" in h["permissions-policy"]  # the product scan, on our own pages only
    csp = h["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    sources = script_src.split()
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, csp  # 'wasm-unsafe-eval' is no eval


@pytest.mark.parametrize("method, path, kwargs", [
    ("GET", "/", {}),                                                       # the web front (HTML)
    ("GET", "/warnings/some-id", {}),                                       # client-side route
    ("POST", "/graphql", {"json": {"query": "{ __typename }"}}),            # JSON
    ("POST", "/graphql", {"content": b"{", "headers": {"content-type": "application/json"}}),  # 400
    ("POST", "/graphql", {"content": b"x", "headers": {"content-type": "text/plain"}}),         # 415
    ("GET", "/feeds/warnings.json", {}), ("GET", "/feeds/warnings.atom", {}),
    ("GET", "/healthz", {}), ("GET", "/readyz", {}),
    ("POST", "/oauth/token", {"data": {"grant_type": "client_credentials"}}),
    ("GET", "/assets/missing.js", {}),
])
def test_every_answer_has_security_headers(live_server: Stack, method: str, path: str, kwargs: dict) -> None:
    response = httpx.request(method, f"{live_server.base_url}{path}", timeout=30, **kwargs)
    _assert_security_headers(response)
    assert "strict-transport-security" not in response.headers  # plain http, no proxy


def test_the_front_pages_inline_scripts_are_allowed_by_hash_only(live_server: Stack) -> None:
    page = httpx.get(f"{live_server.base_url}/")
    csp = page.headers["content-security-policy"]
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page.text, re.S | re.I)
    for body in inline:  # the browser would refuse any inline script whose hash is not listed
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, (body[:80], csp)


def test_hsts_only_over_https_from_a_trusted_proxy(live_server: Stack) -> None:
    # The test client is 127.0.0.1, the default FORWARDED_ALLOW_IPS: its X-Forwarded-Proto is trusted.
    behind_tls = httpx.get(f"{live_server.base_url}/healthz", headers={"X-Forwarded-Proto": "https"})
    assert behind_tls.headers["strict-transport-security"].startswith("max-age=")
    assert "strict-transport-security" not in httpx.get(f"{live_server.base_url}/healthz").headers


def test_graphiql_page_loads_with_its_own_relaxed_policy(live_server: Stack) -> None:
    page = httpx.get(f"{live_server.base_url}/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    csp = page.headers["content-security-policy"]
    # Its inline bootstrap script and the unpkg bundles it loads are allowed on this page only.
    assert "https://unpkg.com" in csp and "frame-ancestors 'none'" in csp
    for src in ("https://unpkg.com/graphiql", "https://unpkg.com/react@"):
        assert src in page.text


def test_cross_origin_requests_need_the_allowlist(live_server: Stack) -> None:
    preflight = httpx.options(f"{live_server.base_url}/graphql", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert "access-control-allow-origin" not in preflight.headers
    simple = httpx.post(f"{live_server.base_url}/graphql", json={"query": "{ __typename }"},
                        headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_rate_limited_answers_carry_retry_after(live_server: Stack) -> None:
    email = f"retry-{uuid.uuid4().hex[:8]}@x.test"
    assert "errors" not in live_server.gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }',
                                           {"i": {"email": email, "password": "right-password-1"}})
    wrong = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }'
    for _ in range(10):
        response = live_server.post(wrong, {"i": {"email": email, "password": "wrong-password-1"}})
        codes = [e["extensions"]["code"] for e in response.json().get("errors", [])]
        if "RATE_LIMITED" in codes:
            break
        assert "retry-after" not in response.headers
    else:
        raise AssertionError("the sign-in limit never answered RATE_LIMITED")
    retry_after = response.json()["errors"][0]["extensions"]["retryAfter"]
    assert int(response.headers["retry-after"]) == max(1, int(retry_after))


# --- production mode ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with stack_mod.running(tmp_path_factory.mktemp("prod"), QSRADAR_ENV="production", QSRADAR_SECRET_KEY=SECRET,
                           QSRADAR_CORS_ORIGINS=f"{ALLOWED_ORIGIN}, https://other.example.test") as s:
        yield s


@pytest.fixture(scope="module")
def production_agency(production: Stack) -> str:
    """An agency token in production, where no demo client exists: the client is registered in the database."""
    from auth.passwords import hash_secret

    secret = "agency-secret-" + uuid.uuid4().hex
    db = production.embedded_db()
    with MongoClient(f"mongodb://127.0.0.1:{db['port']}/?directConnection=true") as mongo:
        mongo["qsradar"]["agency_clients"].insert_one({
            "client_id": "prod-agency", "secret_hash": asyncio.run(hash_secret(secret)), "name": "Prod agency",
            "scopes": ["warnings:read"], "disabled": False, "created_at": datetime.now(UTC)})
    response = production.agency_token("warnings:read", client_id="prod-agency", secret=secret)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.mark.parametrize("query", [INTROSPECTION, TYPE_INTROSPECTION,
                                   "query Q { ...F } fragment F on Query { __schema { types { name } } }"])
def test_production_refuses_introspection_to_anonymous_clients(production: Stack, query: str) -> None:
    response = production.post(query)
    body = response.json()
    assert "data" not in body and body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    asked = production.post(query, headers={"accept": "application/graphql-response+json"})
    assert asked.status_code == 400
    assert without_extensions(production.gql("{ __typename }")) == {"data": {"__typename": "Query"}}


def test_production_keeps_introspection_for_signed_in_agencies(production: Stack, production_agency: str) -> None:
    body = production.gql(INTROSPECTION, token=production_agency)
    assert without_extensions(body) == {"data": {"__schema": {"queryType": {"name": "Query"}}}}, body


async def test_production_refuses_introspection_over_websocket(production: Stack) -> None:
    ws = await GqlWs.connect(production.ws_url)
    op = await ws.subscribe(INTROSPECTION)
    message = await ws.receive()
    assert message["type"] == "error" and message["id"] == op, message
    assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
    await ws.close()


@pytest.mark.parametrize("query", ["{ warningz { totalCount } }",
                                   "{ warnings(filter: {levels: [REDD]}) { totalCount } }",
                                   "{ warnings(filtre: {}) { totalCount } }"])
def test_field_suggestions_only_outside_production(live_server: Stack, production: Stack, query: str) -> None:
    assert "Did you mean" in json.dumps(live_server.gql(query))  # development helps
    body = production.gql(query)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Did you mean" not in json.dumps(body), body


def test_cors_allowlist_in_production(production: Stack) -> None:
    allowed = httpx.options(f"{production.base_url}/graphql", headers={
        "Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    answer = httpx.post(f"{production.base_url}/graphql", json={"query": "{ __typename }"},
                        headers={"Origin": ALLOWED_ORIGIN})
    assert answer.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    refused = httpx.options(f"{production.base_url}/graphql", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert refused.status_code >= 400 and "access-control-allow-origin" not in refused.headers
    _assert_security_headers(answer)
