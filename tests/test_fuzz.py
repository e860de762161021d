"""schemathesis against /graphql, anonymously and with each role's token: no 5xx, no traceback, no INTERNAL,
no answer that breaks the schema (tests/graphql_response_check.py).

Cases per identity: QSRADAR_FUZZ_EXAMPLES (default 90: 6 identities, 540 cases in `make test`);
`make fuzz` sets it to 1000 (6,000 cases). The service is a fresh one of its own, since the fuzzer's
mutations (sign-ups, warnings, agency clients) must not disturb the other tests' data.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
import requests
import schemathesis
from graphql import build_client_schema, get_introspection_query
from hypothesis import HealthCheck, Phase, given, settings

from tests import stack as stack_mod
from tests.graphql_response_check import problems
from tests.stack import Stack

EXAMPLES = int(os.environ.get("QSRADAR_FUZZ_EXAMPLES", "90"))
IDENTITIES = ["anonymous", "consumer", "enterprise", "regulator", "admin", "agency"]
totals: Counter[str] = Counter()


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with stack_mod.running(tmp_path_factory.mktemp("fuzz"), QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS="100000",
                           QSRADAR_OAUTH_MAX_FAILURES_PER_ADDRESS="100000") as s:
        yield s
    print(f"\nfuzz: {sum(totals.values())} cases in all ({dict(totals)})")


@pytest.fixture(scope="module")
def fuzz_tokens(fuzz_server: Stack) -> dict[str, str | None]:
    """Like conftest's `tokens`, on the fuzzing service, plus anonymous."""
    out: dict[str, str | None] = {"anonymous": None}
    for role in ("consumer", "enterprise", "regulator", "admin"):
        out[role] = fuzz_server.sign_in(f"{role}@demo.test")["accessToken"]
    out["agency"] = fuzz_server.agency_token().json()["access_token"]
    return out


@pytest.mark.parametrize("identity", IDENTITIES)
def test_fuzzed_operations_never_break_the_contract(fuzz_server: Stack, fuzz_tokens: dict[str, str | None],
                                                    identity: str) -> None:
    url = f"{fuzz_server.base_url}/graphql"
    api = schemathesis.graphql.from_url(url)
    introspection = httpx.post(url, json={"query": get_introspection_query()}, timeout=30).json()
    schema = build_client_schema(introspection["data"])
    token = fuzz_tokens[identity]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    session = requests.Session()
    failures: list[str] = []
    operations: Counter[str] = Counter()

    # Generation only (no shrinking): every case runs once and every failure is collected, not just the first.
    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(api.as_strategy())
    def run(case: schemathesis.Case) -> None:
        operations[case.operation.label] += 1
        response = case.call(session=session, headers=headers, timeout=30)
        for problem in problems(schema, case.body, response.status_code, response.text):
            failures.append(f"{case.operation.label}: {problem}\n  query: {case.body}\n  answer: "
                            f"{response.text[:300]}")

    run()
    cases = sum(operations.values())
    totals[identity] = cases
    print(f"\nfuzz as {identity}: {cases} cases over {len(operations)} operations, {len(failures)} failures")
    assert cases >= EXAMPLES // 2
    assert not failures, "\n".join(failures[:10])


def test_the_response_check_catches_broken_answers() -> None:
    from graphql import build_schema

    schema = build_schema("type Query { a: Int!  b: [String!]  e: E  n: N }  enum E { X }  type N { x: Int! }")
    query = "{ a b e n { x } }"
    assert problems(schema, query, 200, '{"data": {"a": 1, "b": ["s"], "e": "X", "n": {"x": 2}}}') == []
    for body, expected in [
        ('{"data": {"a": null, "b": null, "e": null, "n": null}}', "null in non-null a"),
        ('{"data": {"a": 1, "b": [null], "e": null, "n": null}}', "null in non-null b.0"),
        ('{"data": {"a": "1", "b": null, "e": null, "n": null}}', "is not a Int at a"),
        ('{"data": {"a": 1, "b": null, "e": "Y", "n": null}}', "is not a E at e"),
        ('{"data": {"a": 1, "b": null, "e": null}}', "missing field n"),
        ('{"data": {"a": 1, "b": null, "e": null, "n": {}}}', "missing field n.x"),
        ('{"errors": [{"message": "x", "extensions": {"code": "INTERNAL"}}]}', "INTERNAL"),
        ('{"errors": [{"message": "x"}]}', "without a contract code"),
        ("Internal Server Error", "not JSON"),
    ]:
        found = problems(schema, query, 200, body)
        assert any(expected in p for p in found), (body, found)
    assert "HTTP 500" in problems(schema, query, 500, '{"data": {"a": 1, "b": null, "e": null, "n": null}}')
