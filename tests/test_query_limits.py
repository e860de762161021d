"""Query limits: every document is measured in linear time and refused with QUERY_TOO_COMPLEX over a limit.

The pure measure is tested without the service; the bombs then go to the running service, whose event loop
must stay free (a 40-level fragment bomb used to take 2^40 walks: the request would never come back).
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from graphql import parse

from gql.core.limits import MAX_SELECTIONS, complexity_errors
from tests.stack import Stack


def fragment_bomb(levels: int, fan_out: int = 2) -> str:
    spreads = lambda i: " ".join([f"...F{i + 1}"] * fan_out)  # noqa: E731
    body = "\n".join(f"fragment F{i} on Query {{ {spreads(i)} }}" for i in range(levels))
    return f"query {{ ...F0 }}\n{body}\nfragment F{levels} on Query {{ __typename }}"


BOMBS = {
    "fragment doubling, 40 levels": fragment_bomb(40),
    "fragment fan-out 10, 30 levels": fragment_bomb(30, fan_out=10),
    "inline fragments repeated": "{ " + " ".join(["... on Query { __typename }"] * 700) + " }",
    "one field repeated": "{ " + " ".join(["__typename"] * 4800) + " }",
    "nested field repeated": "{ warnings(first: 1) { edges { node { " + " ".join(["id"] * 4000) + " } } } }",
    "one fragment spread many times": "query { " + " ".join(["...F"] * 2300) + " }\nfragment F on Query { __typename }",
    "aliased introspection": "{ " + " ".join(f"a{i}: __schema {{ queryType {{ name }} }}" for i in range(100)) + " }",
    "introspection roots": "{ " + " ".join(["__schema { queryType { name } }"] * 3) + " }",
}


@pytest.mark.parametrize("name", BOMBS)
def test_bombs_are_measured_without_the_service(name: str) -> None:
    errors = complexity_errors(parse(BOMBS[name], max_tokens=6000))
    assert errors and errors[0].extensions == {"code": "QUERY_TOO_COMPLEX"}, name


def test_ordinary_documents_are_within_the_limits() -> None:
    graphiql_like = "{ __schema { types { name fields { name type { " + "name ofType { " * 8 + "name" + " }" * 8 + \
        " } } } } }"
    front_like = "query W($f: WarningFilter) { warnings(first: 20, filter: $f) { totalCount edges { cursor node { " \
        "...Card } } pageInfo { hasNextPage endCursor } } }\nfragment Card on Warning { id code title level kind }"
    for document in (graphiql_like, front_like):
        assert complexity_errors(parse(document)) == [], document
    assert MAX_SELECTIONS >= 500  # room for any real client document


def test_a_fragment_cycle_is_left_to_validation() -> None:
    document = parse("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }")
    assert complexity_errors(document) == []  # measured without looping; graphql-core refuses the cycle


@pytest.mark.parametrize("name", BOMBS)
async def test_bombs_are_refused_and_the_service_stays_responsive(live_server: Stack, name: str) -> None:
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=20) as client:
        bomb = client.post("/graphql", json={"query": BOMBS[name]})
        health = client.get("/healthz")
        bomb_answer, health_answer = await asyncio.gather(bomb, health)
    assert health_answer.status_code == 200
    assert bomb_answer.status_code < 500
    assert bomb_answer.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX", bomb_answer.text[:300]


def test_two_thousand_aliases_are_too_complex(live_server: Stack) -> None:
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(2000)) + " }"
    response = live_server.post(query)
    assert response.status_code < 500
    assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


def test_many_aliases_under_token_limit_are_too_complex(live_server: Stack) -> None:
    query = "{ " + " ".join(f"a{i}: warnings(first: 1) {{ totalCount }}" for i in range(60)) + " }"
    body = live_server.gql(query)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "aliases" in body["errors"][0]["message"]


def test_deep_query_is_too_complex(live_server: Stack) -> None:
    inner = "id"
    for _ in range(8):
        inner = f"recalls {{ warning {{ {inner} }} }}"
    body = live_server.gql(f"{{ warnings(first: 1) {{ edges {{ node {{ {inner} }} }} }} }}")
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


def test_costly_query_is_too_complex(live_server: Stack) -> None:
    node = "id title enterprises { id name recalls { id code warning { id title enterprises { id name } } } }"
    query = "{ " + " ".join(f"w{i}: warnings(first: 100) {{ edges {{ node {{ {node} }} }} }}" for i in range(10)) + " }"
    body = live_server.gql(query)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "cost" in body["errors"][0]["message"]
