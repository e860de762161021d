"""Platform: endpoints, limits, bad input, persistence, the embedded database's life cycle."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from pymongo import MongoClient

from tests import stack as stack_mod
from tests.stack import ROOT, Stack, without_extensions


def test_typename_answers(live_server: Stack) -> None:
    assert without_extensions(live_server.gql("{ __typename }")) == {"data": {"__typename": "Query"}}


def test_health_ready_metrics_and_front(live_server: Stack) -> None:
    assert httpx.get(f"{live_server.base_url}/healthz").status_code == 200
    assert httpx.get(f"{live_server.base_url}/readyz").json() == {"status": "ready"}
    live_server.gql("query CountMe { __typename }")
    metrics = httpx.get(f"{live_server.base_url}/metrics").text
    assert 'qsradar_graphql_requests_total{operation="CountMe",outcome="ok",type="query"}' in metrics
    assert "qsradar_graphql_request_seconds_bucket" in metrics
    live_server.gql("{ warnings(first: 1) { totalCount } }")  # reads the database: counted per operation
    metrics = httpx.get(f"{live_server.base_url}/metrics").text
    counted = [line for line in metrics.splitlines() if line.startswith("qsradar_db_round_trips_per_request_sum")]
    assert counted and float(counted[0].rsplit(" ", 1)[1]) >= 1
    assert "qsradar_websocket_connections" in metrics
    front = httpx.get(f"{live_server.base_url}/")
    assert front.status_code == 200 and "<html" in front.text.lower()
    # client-side routes fall back to the app shell
    assert httpx.get(f"{live_server.base_url}/warnings/some-id").status_code == 200
    assert httpx.get(f"{live_server.base_url}/assets/missing.js").status_code == 404


def test_client_operation_names_do_not_grow_the_metrics(fresh_dir: Path) -> None:
    from gql.core.metrics import MAX_OPERATION_LABELS

    with stack_mod.running(fresh_dir) as server:
        before = len(httpx.get(f"{server.base_url}/metrics").content)
        for i in range(10):
            name = f"N{i}" + "x" * 10_000
            assert without_extensions(server.gql(f"query {name} {{ __typename }}")) == {"data": {"__typename": "Query"}}
        grown = len(httpx.get(f"{server.base_url}/metrics").content) - before
        assert grown < 20_000  # ten 10 KB names once made /metrics 1.6 MB
        for i in range(MAX_OPERATION_LABELS + 20):  # more distinct short names than the label set holds
            server.post(f"query Short{i} {{ __typename }}")
        metrics = httpx.get(f"{server.base_url}/metrics").text
    assert "x" * 100 not in metrics
    assert 'operation="other"' in metrics
    labels = {line.split('operation="')[1].split('"')[0] for line in metrics.splitlines()
              if line.startswith("qsradar_graphql_requests_total{")}
    assert len(labels) <= MAX_OPERATION_LABELS + 2  # plus "other" and "anonymous"


@pytest.mark.parametrize("query, variables", [
    ("{ warnings(first: 1) { edges { node { id } }", {}),                       # syntax error
    ("{ warnings(first: 1) { noSuchField } }", {}),                            # unknown field
    ("query($n: Int) { warnings(first: $n) { totalCount } }", {"n": "many"}),  # wrong variable type
    ("{ warnings(first: -1) { totalCount } }", {}),                            # bad argument value
    ("{ warnings(after: \"%%%\") { totalCount } }", {}),                       # malformed cursor
])
def test_bad_input_is_a_typed_error_not_a_500(live_server: Stack, query: str, variables: dict) -> None:
    response = live_server.post(query, variables)
    assert response.status_code < 500
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Traceback" not in response.text


def test_oversized_body_is_refused(live_server: Stack) -> None:
    response = live_server.post("{ __typename }", {"pad": "x" * 400_000})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("body", [b"null", b"123", b'"x"', b"[]", b'[{"query": "{ __typename }"}]', b"{",
                                  b'{"query": "\xff\xfe"}', b'{"query": "{ __typename }", "variables": "x"}',
                                  b'{"query": "{ __typename }", "operationName": "Nope"}'])
def test_malformed_bodies_get_400_with_a_code(live_server: Stack, body: bytes) -> None:
    response = httpx.post(f"{live_server.base_url}/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "data" not in response.json()


def test_unsupported_content_type_is_415_with_a_code(live_server: Stack) -> None:
    response = httpx.post(f"{live_server.base_url}/graphql", content=b"{ __typename }",
                          headers={"content-type": "application/graphql"})
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("query, variables", [
    ("query($t: String) { warnings(filter: {text: $t}) { totalCount } }", {"t": "\udfff"}),
    ("mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }",
     {"i": {"email": "lone\udfff@x.test", "password": "long-enough-1"}}),
    ("mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }",
     {"i": {"email": "consumer@demo.test", "password": "\ud800"}}),
    ('{ warnings(filter: {text: "\\udfff"}) { totalCount } }', {}),
])
def test_lone_surrogates_are_bad_input(live_server: Stack, query: str, variables: dict) -> None:
    # json.dumps writes a lone surrogate as the escape "\udfff" (orjson, the service's parser, refuses it).
    body = json.dumps({"query": query, "variables": variables}).encode()
    response = httpx.post(f"{live_server.base_url}/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code < 500
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", response.text


def test_validation_errors_have_no_data_and_4xx_for_graphql_response_json(live_server: Stack) -> None:
    plain = live_server.post("{ noSuchField }")
    assert plain.status_code == 200 and "data" not in plain.json()
    asked = live_server.post("{ noSuchField }", headers={"accept": "application/graphql-response+json"})
    assert asked.status_code == 400
    assert asked.headers["content-type"].startswith("application/graphql-response+json")
    assert asked.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    ok = live_server.post("{ __typename }", headers={"accept": "application/graphql-response+json"})
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("application/graphql-response+json")


def test_get_never_runs_mutations(live_server: Stack) -> None:
    response = httpx.get(f"{live_server.base_url}/graphql", params={
        "query": 'mutation { signUp(input: {email: "get@x.test", password: "long-enough-1"}) { accessToken } }'})
    assert response.status_code in (400, 405)
    assert live_server.gql('mutation { signIn(input: {email: "get@x.test", password: "long-enough-1"}) '
                           '{ accessToken } }')["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_mutation_is_not_accepted_as_a_simple_cors_request(live_server: Stack, content_type: str) -> None:
    email = f"cors-{content_type.split('/')[1][:5]}@x.test"
    mutation = f'{{"query": "mutation {{ signUp(input: {{email: \\"{email}\\", password: \\"long-enough-1\\"}}) {{ accessToken }} }}"}}'
    response = httpx.post(f"{live_server.base_url}/graphql", content=mutation,
                          headers={"Content-Type": content_type, "Origin": "https://evil.example"})
    assert response.status_code >= 400
    assert "accessToken" not in response.text
    again = live_server.sign_in  # the account must not exist
    with pytest.raises(AssertionError):
        again(email, "long-enough-1")


def test_unknown_node_types_are_null(live_server: Stack) -> None:
    # A node id whose ObjectId is valid but whose type is unknown is not an error, just null.
    assert without_extensions(live_server.gql('{ node(id: "bm9wZTo2YjA0MDczYTQwMzIzMTZiNzYzMTg4Yjc") { id } }')) == {"data": {"node": None}}


def test_unexpected_errors_are_internal_without_details(fresh_dir: Path) -> None:
    """A fault the test injects: a stored warning whose level no code knows (written around the service)."""
    with stack_mod.running(fresh_dir) as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]
        issued = s.gql("mutation { issueWarning(input: {title: \"故障注入 fault\", level: BLUE, kind: ANNOUNCEMENT, "
                       "hazards: [PHYSICAL], productCategory: \"fault-injection\", summary: \"x\"}) { id } }",
                       token=token)["data"]["issueWarning"]["id"]
        client = MongoClient(f"mongodb://127.0.0.1:{s.embedded_db()['port']}/?directConnection=true")
        try:
            changed = client.qsradar.warnings.update_one({"product_category": "fault-injection"},
                                                         {"$set": {"level": "PURPLE"}})
            assert changed.modified_count == 1
        finally:
            client.close()
        response = s.post("query($id: ID!) { node(id: $id) { ... on Warning { level } } }", {"id": issued},
                          token=token)
        log = s.log()
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "INTERNAL"}
    assert error["message"] == "Internal error; it has been logged."
    assert "PURPLE" not in response.text and "Traceback" not in response.text
    assert "PURPLE" in log and "Traceback" in log  # the details go to the log, not to the client


def test_an_account_survives_a_restart(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir) as s:
        body = s.gql('mutation { signUp(input: {email: "durable@x.test", password: "durable-pass-1"}) { accessToken } }')
        assert "errors" not in body, body
    # SIGTERM went to the service's whole process group: the database must outlive the service's drain.
    first_run = s.log()
    assert "embedded database stopped" in first_run and "restarting" not in first_run
    with stack_mod.running(fresh_dir) as s:
        assert s.sign_in("durable@x.test", "durable-pass-1")["viewer"]["email"] == "durable@x.test"
        # seeding is idempotent: the demo data is there once
        # 6 from documents/demo/data.py + 4 run through the actions by documents/demo/recalls.py
        assert s.gql("{ recalls { totalCount } }")["data"]["recalls"]["totalCount"] == 10


async def test_writes_accepted_while_stopping_survive_the_restart(fresh_dir: Path) -> None:
    """SIGTERM with sign-ups in flight: whatever was answered as accepted is there after a restart."""
    s = stack_mod.start(fresh_dir)
    accepted: list[str] = []
    refused = 0

    async def sign_up(client: httpx.AsyncClient) -> None:
        nonlocal refused
        email = f"inflight-{uuid.uuid4().hex[:10]}@x.test"
        try:
            r = await client.post("/graphql", json={"query": "mutation($i: SignUpInput!) { signUp(input: $i) "
                                  "{ accessToken } }", "variables": {"i": {"email": email, "password": "durable-pass-1"}}})
        except httpx.HTTPError:
            refused += 1  # the connection was closed: nothing was promised
            return
        if r.status_code == 200 and "errors" not in r.json():
            accepted.append(email)
        else:
            refused += 1

    async with httpx.AsyncClient(base_url=s.base_url, timeout=30) as client:
        tasks = [asyncio.create_task(sign_up(client)) for _ in range(40)]
        await asyncio.sleep(0.3)  # some answered, many in flight
        await asyncio.to_thread(stack_mod.stop, s)
        await asyncio.gather(*tasks)
    assert accepted, "nothing was accepted before the stop"
    with stack_mod.running(fresh_dir) as again:
        for email in accepted:
            again.sign_in(email, "durable-pass-1")


def test_embedded_database_death_is_reported_and_recovered(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir) as s:
        db = s.embedded_db()
        os.kill(db["pid"], signal.SIGKILL)
        saw_503 = False
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            status = httpx.get(f"{s.base_url}/readyz", timeout=5).status_code
            saw_503 |= status == 503
            if saw_503 and status == 200:
                break
            time.sleep(0.1)
        assert saw_503, "readyz never reported the dead database"
        assert httpx.get(f"{s.base_url}/readyz", timeout=5).status_code == 200
        assert "embedded database exited" in s.log()
        deadline = time.monotonic() + 10
        while s.embedded_db()["pid"] == db["pid"] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert s.embedded_db()["port"] == db["port"] and s.embedded_db()["pid"] != db["pid"]
        assert s.gql("{ warnings { totalCount } }")["data"]["warnings"]["totalCount"] > 0


def _nx_processes(data_dir: Path) -> list[str]:
    out = subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "nx_27017" in line and str(data_dir) in line]


def test_two_workers_share_one_embedded_server(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir, WEB_CONCURRENCY="2") as s:
        assert len(_nx_processes(fresh_dir)) == 1
        for _ in range(10):
            assert s.gql("{ __typename }")["data"]["__typename"] == "Query"
    assert _nx_processes(fresh_dir) == []  # stopped with the service


def _worker_requests(base_url: str) -> dict[str, float]:
    text = httpx.get(f"{base_url}/metrics", timeout=10).text
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r'^qsradar_worker_http_requests\{pid="(\d+)"\} (\S+)$', text, re.M)}


def test_new_connections_go_to_both_workers_in_turn_and_each_counts_its_requests(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir, WEB_CONCURRENCY="2") as s:
        # The service answers once one worker is ready; the other gets connections once it says it is ready too.
        deadline = time.monotonic() + 60
        while sum(1 for n in _worker_requests(s.base_url).values() if n > 0) < 2:
            assert time.monotonic() < deadline, "the second worker never took a connection"
            for _ in range(2):  # two between readings: with the reading's own connection, each worker gets one
                httpx.post(f"{s.base_url}/graphql", json={"query": "{ __typename }"}, timeout=30)
        before = _worker_requests(s.base_url)
        for _ in range(40):  # a new connection each (top-level httpx), handed by the supervisor to a worker
            assert httpx.post(f"{s.base_url}/graphql", json={"query": "{ __typename }"}, timeout=30).status_code == 200
        after = _worker_requests(s.base_url)
    served = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    assert len(served) == 2 and sum(served.values()) == 40  # one count per live worker, nothing else counted
    assert sorted(served.values()) == [20, 20]  # handed in turn (a hash of the addresses split 20/20 one time in 8)


def test_a_given_mongodb_uri_is_used_and_nothing_is_started(fresh_dir: Path) -> None:
    from pymongo import MongoClient

    from documents.db.embedded_server import EmbeddedServer

    given = EmbeddedServer(fresh_dir / "given")  # stands in for a MongoDB the operator runs
    uri = given.start()
    try:
        service_dir = fresh_dir / "service"
        with stack_mod.running(service_dir, MONGODB_URI=uri, QSRADAR_DB_NAME="operated") as s:
            assert _nx_processes(service_dir) == [] and not (service_dir / "embedded-db.json").exists()
            body = s.gql('mutation { signUp(input: {email: "Given@X.test", password: "durable-pass-1"}) { accessToken } }')
            assert "errors" not in body, body
        with MongoClient(uri) as client:
            assert client["operated"]["accounts"].find_one({"email": "given@x.test"}) is not None
    finally:
        given.stop()


def test_production_refuses_default_secret(fresh_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QSRADAR_SECRET_KEY"}
    env.update({"QSRADAR_ENV": "production", "QSRADAR_DATA_DIR": str(fresh_dir)})
    result = subprocess.run([sys.executable, "-m", "gql"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0
    assert "QSRADAR_SECRET_KEY" in result.stderr


def test_production_seeds_no_demo_data(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir, QSRADAR_ENV="production", QSRADAR_SECRET_KEY="p" * 48) as s:
        assert s.gql("{ warnings { totalCount } }")["data"]["warnings"]["totalCount"] == 0
        body = s.gql('mutation { signIn(input: {email: "admin@demo.test", password: "demo-pass-2026"}) { accessToken } }')
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert httpx.get(f"{s.base_url}/graphql", headers={"Accept": "text/html"}).status_code != 200 or \
            "graphiql" not in httpx.get(f"{s.base_url}/graphql", headers={"Accept": "text/html"}).text.lower()


def test_opentelemetry_traces_requests_and_database_commands_when_asked(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir, QSRADAR_OTEL="console") as s:
        assert "errors" not in s.gql("{ warnings(first: 1) { totalCount } }")
        time.sleep(0.5)  # the console exporter writes each span as it ends
        log = s.log()
    assert '"name": "POST /graphql' in log
    assert '"db.system": "mongodb"' in log or '"db.system.name": "mongodb"' in log


def test_no_traces_unless_asked(live_server: Stack) -> None:
    live_server.gql("{ __typename }")
    assert '"trace_id"' not in live_server.log()
