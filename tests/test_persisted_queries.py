"""Persisted queries (issue 14): Apollo APQ on GET and POST (miss, register, hit on every worker), the front end's
documents registered from the build manifest, and the allowlist mode QSRADAR_TRUSTED_DOCUMENTS=only."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator

import httpx
import pytest
from graphql import parse, validate

from gql.core.budget import request_cost_fields
from gql.schema import schema
from gql.service.persisted import load_manifest
from tests import stack as stack_mod
from tests.stack import Stack
from tools.persisted import extract


def apq(digest: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def fresh_query() -> tuple[str, str]:
    """A document no one registered yet (a unique alias), with its hash."""
    query = f"query Apq {{ a{uuid.uuid4().hex[:12]}: warnings(first: 2) {{ totalCount edges {{ node {{ id code }} }} }} }}"
    return query, hashlib.sha256(query.encode()).hexdigest()


def test_the_manifest_is_the_front_ends_documents() -> None:
    assert extract.main(["--check"]) == 0, "run: python -m tools.persisted.extract"
    manifest = load_manifest(extract.MANIFEST)
    assert len(manifest) >= 10
    for digest, text in manifest.items():
        document = parse(text)
        assert not validate(schema._schema, document), text
        # Every front-end document fits one request's budget at its usual page size.
        assert max(request_cost_fields(document, variables={"first": 20})) <= 1000, text
        assert hashlib.sha256(text.encode()).hexdigest() == digest


def test_apq_miss_then_register_then_hit_by_get_and_post(live_server: Stack) -> None:
    query, digest = fresh_query()
    url = f"{live_server.base_url}/graphql"
    miss = httpx.post(url, json={"extensions": apq(digest)}, timeout=30).json()
    assert miss["errors"][0]["message"] == "PersistedQueryNotFound"
    assert miss["errors"][0]["extensions"] == {"code": "NOT_FOUND", "persistedQuery": "PERSISTED_QUERY_NOT_FOUND"}
    get_miss = httpx.get(url, params={"extensions": json.dumps(apq(digest))}, timeout=30).json()
    assert get_miss["errors"][0]["message"] == "PersistedQueryNotFound"
    registered = httpx.post(url, json={"query": query, "extensions": apq(digest)}, timeout=30).json()
    assert "errors" not in registered, registered
    hit = httpx.post(url, json={"extensions": apq(digest)}, timeout=30).json()
    assert hit["data"] == registered["data"]
    get_hit = httpx.get(url, params={"extensions": json.dumps(apq(digest))}, timeout=30)
    assert get_hit.status_code == 200 and get_hit.json()["data"] == registered["data"]


def test_apq_refuses_a_wrong_hash_and_a_malformed_extension(live_server: Stack) -> None:
    query, _ = fresh_query()
    url = f"{live_server.base_url}/graphql"
    wrong = httpx.post(url, json={"query": query, "extensions": apq("0" * 64)}, timeout=30).json()
    assert wrong["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    for bad in ({"version": 2, "sha256Hash": "0" * 64}, {"version": 1, "sha256Hash": "xyz"}, "nope"):
        body = httpx.post(url, json={"extensions": {"persistedQuery": bad}}, timeout=30).json()
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body


def test_front_end_documents_run_by_hash(live_server: Stack) -> None:
    manifest = load_manifest(extract.MANIFEST)
    digest = next(h for h, text in manifest.items() if "query Warnings(" in text)
    body = httpx.post(f"{live_server.base_url}/graphql", json={"extensions": apq(digest), "variables": {"first": 3}},
                      timeout=30).json()
    assert "errors" not in body and len(body["data"]["warnings"]["edges"]) == 3


@pytest.fixture(scope="module")
def allowlist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with stack_mod.running(tmp_path_factory.mktemp("trusted"), QSRADAR_TRUSTED_DOCUMENTS="only") as stack:
        yield stack


def test_allowlist_refuses_unknown_documents(allowlist: Stack) -> None:
    url = f"{allowlist.base_url}/graphql"
    query, digest = fresh_query()
    for payload in ({"query": query}, {"query": query, "extensions": apq(digest)}):
        body = httpx.post(url, json=payload, timeout=30).json()
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
        assert "data" not in body
    # Nothing was registered by the attempt.
    again = httpx.post(url, json={"extensions": apq(digest)}, timeout=30).json()
    assert again["errors"][0]["message"] == "PersistedQueryNotFound"


def test_allowlist_runs_registered_documents_and_agency_documents(allowlist: Stack) -> None:
    url = f"{allowlist.base_url}/graphql"
    manifest = load_manifest(extract.MANIFEST)
    digest, text = next((h, t) for h, t in manifest.items() if "query Warnings(" in t)
    by_hash = httpx.post(url, json={"extensions": apq(digest), "variables": {"first": 2}}, timeout=30).json()
    by_text = httpx.post(url, json={"query": text, "variables": {"first": 2}}, timeout=30).json()
    assert "errors" not in by_hash and by_hash["data"] == by_text["data"]
    # The front end signs in with its own (registered) document.
    sign_in = next(t for t in manifest.values() if "mutation SignIn(" in t)
    signed = httpx.post(url, json={"query": sign_in, "variables": {"input": {
        "email": "regulator@demo.test", "password": stack_mod.DEMO_PASSWORD}}}, timeout=30).json()
    regulator = signed["data"]["signIn"]["accessToken"]
    query, _ = fresh_query()
    refused = httpx.post(url, json={"query": query}, headers={"Authorization": f"Bearer {regulator}"}, timeout=30)
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # Agency clients integrate with documents of their own.
    agency = allowlist.agency_token().json()["access_token"]
    body = allowlist.gql(query, token=agency)
    assert "errors" not in body, body
