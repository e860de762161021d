"""Cost budgets (issue 14): costed before execution, a leaky bucket per client/account (shared by every worker, in the
database) and per anonymous address (per process, cached answers included), `extensions.cost` on every answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pymongo
import pytest
from graphql import parse
from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request

from auth.viewer import ANONYMOUS, Viewer
from documents.accounts import buckets
from documents.enums import Role
from documents.settings import get_settings
from gql.core import budget
from gql.core.budget import Limits, LocalBuckets, actual_cost, request_cost_fields
from gql.core.context import Context
from tests import stack as stack_mod
from tests.stack import Stack

MAXIMUM = 300
RATE = 20.0
# 1 + 20 × (edges 1 + node 1 + 10 fields) = 241 requested points.
PAGE = "{ warnings(first: 20) { edges { node { id code title titleEn level kind status productCategory " \
       "publishedAt hazards } } } }"
OVER = "{ warnings(first: 100) { totalCount edges { cursor node { id code title level kind status } } } }"


# --- pure ------------------------------------------------------------------------------------------------------

def test_costs_follow_the_rules() -> None:
    assert list(request_cost_fields(parse(PAGE))) == [241]
    assert list(request_cost_fields(parse(OVER))) == [1001]
    # A variable page size is taken from the variables; omitted, the default page of 20.
    doc = parse("query($n: Int) { warnings(first: $n) { edges { node { id } } } }")
    assert list(request_cost_fields(doc, variables={"n": 5})) == [1 + 5 * 3]
    assert list(request_cost_fields(doc, variables={})) == [1 + 20 * 3]
    assert list(request_cost_fields(parse("{ warnings { edges { node { id } } } }"))) == [1 + 20 * 3]
    # A mutation field costs 10 plus what it selects.
    assert list(request_cost_fields(parse("mutation { liftWarning(id: \"x\", reason: \"r\") { id } }"))) == [11]
    assert actual_cost({"warnings": {"edges": [{"node": {"id": 1}}, {"node": {"id": 2}}]}}) == 1 + 1 + 2 * 2


@given(tat=st.floats(0, 1000), now=st.floats(0, 1000), cost=st.integers(1, 500),
       maximum=st.integers(1, 500), rate=st.floats(0.1, 100))
def test_bucket_arithmetic(tat: float, now: float, cost: int, maximum: int, rate: float) -> None:
    allowed, new_tat = buckets.decide(tat, now, cost, maximum, rate)
    available = buckets.available_at(tat, now, maximum, rate)
    assert 0 <= available <= maximum
    if allowed:
        assert buckets.available_at(new_tat, now, maximum, rate) >= 0
        assert available >= cost - 1  # floor of a float
    elif cost <= maximum:
        wait = buckets.retry_after(tat, now, cost, maximum, rate)
        assert wait > 0
        assert buckets.decide(tat, now + wait + 1e-6, cost, maximum, rate)[0]


def test_anonymous_share_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each process holds a full bucket per address, restored at rate / WEB_CONCURRENCY: with 2 workers, an
    address drained in both regains points at the configured rate in total."""
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    get_settings.cache_clear()
    try:
        limits = budget.anonymous_limits()
        assert limits == Limits(get_settings().anonymous_budget_maximum,
                                get_settings().anonymous_budget_restore_rate / 2)
        workers = [LocalBuckets(), LocalBuckets()]
        for local in workers:
            assert local.take("a", limits.maximum, limits, now=100.0).allowed
            assert not local.take("a", 1, limits, now=100.0).allowed
        regained = sum(local.take("a", 1, limits, now=110.0).available + 1 for local in workers)
        assert regained == pytest.approx(10 * get_settings().anonymous_budget_restore_rate, abs=2)
    finally:
        get_settings.cache_clear()


def test_over_the_maximum_before_any_database_call() -> None:
    """Refused with no database at all (Beanie is not even initialised here): nothing was read."""
    from gql.schema import schema

    request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": [], "query_string": b"",
                       "client": ("192.0.2.1", 1)})
    agency = Viewer(kind="client", role=Role.AGENCY, subject_id="nobody", scopes=frozenset({"warnings:read"}))
    for viewer in (ANONYMOUS, agency):
        result = asyncio.run(schema.execute(OVER, context_value=Context(request=request, viewer=viewer)))
        assert result.data is None
        assert [e.extensions["code"] for e in result.errors or []] == ["QUERY_TOO_COMPLEX"]
        assert result.extensions["cost"]["requested"] == 1001


# --- live, two processes on one database --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, Stack]]:
    env = {f"QSRADAR_{who}BUDGET_{what}": str(value) for who in ("", "ACCOUNT_", "ANONYMOUS_")
           for what, value in (("MAXIMUM", MAXIMUM), ("RESTORE_RATE", RATE))}
    env["QSRADAR_MAX_QUERY_COST"] = "1000"  # the default, which tests/stack.py raises for the other suites
    data_dir = tmp_path_factory.mktemp("budgets")
    first = stack_mod.start(data_dir, **env)
    try:
        uri = f"mongodb://127.0.0.1:{first.embedded_db()['port']}/?directConnection=true"
        second = stack_mod.start(data_dir, MONGODB_URI=uri, **env)
        try:
            yield first, second
        finally:
            stack_mod.stop(second)
    finally:
        stack_mod.stop(first)


def _client(first: Stack, client_id: str, **budget_fields: object) -> str:
    admin = first.sign_in("admin@demo.test")["accessToken"]
    made = first.gql("mutation($i: CreateAgencyClientInput!) { createAgencyClient(input: $i) { clientSecret } }",
                     {"i": {"clientId": client_id, "name": f"{client_id} (fictional)", "scopes": ["WARNINGS_READ"]}},
                     token=admin)
    assert "errors" not in made, made
    if budget_fields:
        with pymongo.MongoClient(f"mongodb://127.0.0.1:{first.embedded_db()['port']}/?directConnection=true") as db:
            db[get_settings().database_name]["agency_clients"].update_one({"client_id": client_id},
                                                                          {"$set": budget_fields})
    token = first.agency_token(client_id=client_id, secret=made["data"]["createAgencyClient"]["clientSecret"])
    assert token.status_code == 200, token.text
    return token.json()["access_token"]


def test_every_answer_reports_its_cost(two: tuple[Stack, Stack]) -> None:
    first, _ = two
    token = _client(first, "cost-report")
    body = first.gql(PAGE, token=token)
    cost = body["extensions"]["cost"]
    assert cost["requested"] == 241 and 0 < cost["actual"] <= 241
    assert cost["throttleStatus"]["maximum"] == MAXIMUM and cost["throttleStatus"]["restoreRate"] == RATE
    assert 0 <= cost["throttleStatus"]["currentlyAvailable"] <= MAXIMUM - cost["actual"]
    over = first.gql(OVER, token=token)
    assert over["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX" and "data" not in over


def test_drained_bucket_is_refused_on_every_worker_then_allowed(two: tuple[Stack, Stack]) -> None:
    first, second = two
    token = _client(first, "cost-drain")
    refused = None
    for _ in range(10):  # 300 points at 20/s: the second or third 241-point query is refused
        response = first.post(PAGE, token=token)
        if "errors" in response.json():
            refused = response
            break
    assert refused is not None
    # The other worker sees the same bucket.
    other = second.post(PAGE, token=token)
    body = other.json()
    assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED", body
    retry = body["errors"][0]["extensions"]["retryAfter"]
    assert retry >= 1 and other.headers["Retry-After"] == str(retry)
    assert body["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] < 241
    time.sleep(retry)
    again = second.gql(PAGE, token=token)
    assert "errors" not in again, again


def test_a_client_has_its_own_budget(two: tuple[Stack, Stack]) -> None:
    first, second = two
    token = _client(first, "cost-small", budget_maximum=100, budget_restore_rate=1.0)
    body = second.gql(PAGE, token=token)  # 241 > its 100-point bucket: never allowed, says so
    assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert body["extensions"]["cost"]["throttleStatus"] == {"maximum": 100, "currentlyAvailable": 100,
                                                            "restoreRate": 1.0}
    small = second.gql("{ warnings(first: 2) { edges { node { id } } } }", token=token)
    assert "errors" not in small and small["extensions"]["cost"]["throttleStatus"]["maximum"] == 100


def test_anonymous_cached_answers_are_paid_per_address(two: tuple[Stack, Stack]) -> None:
    first, _ = two
    query = "{ warnings(first: 20) { edges { node { id code title level kind status productCategory hazards } } } }"
    seen = []
    refused = None
    for _ in range(12):
        response = httpx.post(f"{first.base_url}/graphql", json={"query": query}, timeout=30)
        body = response.json()
        if "errors" in body:
            refused = response
            break
        seen.append((response.headers.get("X-Cache"), body["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"]))
    assert refused is not None, seen
    assert any(hit == "hit" for hit, _ in seen)  # cached answers were charged too
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert int(refused.headers["Retry-After"]) >= 1


# --- the shared bucket itself, on the real database ------------------------------------------------------------------

async def test_racing_takes_never_overdraw_a_bucket(live_server: Stack) -> None:
    # One command on the common path (an idle or a busy bucket, whichever this process saw last); every race of
    # creating, taking and guessing wrong still takes exactly the points that are there.
    import uuid

    from documents.db import client as database
    from documents.db.registry import all_documents

    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    await database.connect(uri, f"buckets_{uuid.uuid4().hex[:8]}", all_documents())
    try:
        slow = 0.001  # points per second: nothing comes back during the test

        async def race(key: str, n: int, cost: int, maximum: int) -> list[buckets.Taken]:
            return list(await asyncio.gather(*(buckets.take(key, cost, maximum, slow) for _ in range(n))))

        created = await race("test:new", 20, 10, 50)  # 20 first takes on a bucket that does not exist yet
        assert sum(t.allowed for t in created) == 5
        assert all(t.retry_after > 0 for t in created if not t.allowed)
        buckets._last_tat.clear()  # another process: its guess of idle is wrong for this busy bucket
        assert not (await buckets.take("test:new", 10, 50, slow)).allowed
        busy = await race("test:busy", 1, 10, 100)  # then busy: the next takes move it on
        busy += await race("test:busy", 30, 10, 100)
        assert sum(t.allowed for t in busy) == 10 and min(t.available for t in busy) == 0
        too_big = await buckets.take("test:busy", 101, 100, slow)  # more than the bucket holds: never
        assert not too_big.allowed and too_big.available == 0
        fresh = await buckets.take("test:big", 101, 100, slow)
        assert not fresh.allowed and fresh.available == 100
        # An idle bucket (its time passed) is taken from in one step, whatever was guessed.
        await buckets.CostBucket.get_pymongo_collection().insert_one({"_id": "test:idle", "tat": time.time() - 60})
        buckets._last_tat["test:idle"] = time.time() + 60  # a wrong guess: busy first
        idle = await buckets.take("test:idle", 10, 100, 1.0)
        assert idle.allowed and 89 <= idle.available <= 90  # the floor of a float (epoch seconds minus epoch seconds)
    finally:
        await database.disconnect()
