"""Faults against the real embedded database: a frozen (SIGSTOP) and a killed (SIGKILL) server, slowloris.

No timed assertions: every wait is bounded by a client timeout or a deadline loop, and a request that
does not answer within (database deadline + margin) fails by its own timeout.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests import stack as stack_mod
from tests.gqlws import GqlWs
from tests.stack import Stack

DB_TIMEOUT_MS = 2000
# A request during a stall must answer within the database deadline plus this margin (client timeout).
MARGIN_SECONDS = 6.0
ANSWER_TIMEOUT = DB_TIMEOUT_MS / 1000 + MARGIN_SECONDS


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `predicate` until true; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout} s: {what}")


def readyz(s: Stack) -> int:
    return httpx.get(f"{s.base_url}/readyz", timeout=ANSWER_TIMEOUT).status_code


def assert_contract_error(response: httpx.Response) -> None:
    """A JSON answer in the contract's error shape (INTERNAL), never a plain-text 500 or a traceback."""
    assert "Traceback" not in response.text
    assert response.status_code in (200, 503), (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json"), response.text
    errors = response.json()["errors"]
    assert errors[0]["extensions"]["code"] == "INTERNAL", errors
    assert set(errors[0]["extensions"]) <= {"code"}  # no details


def post(s: Stack, query: str, token: str | None = None) -> httpx.Response:
    """POST a query with the stall-bounded client timeout."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(f"{s.base_url}/graphql", json={"query": query}, headers=headers, timeout=ANSWER_TIMEOUT)


@contextmanager
def frozen(pid: int) -> Iterator[None]:
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def test_a_frozen_database_gives_clear_errors_within_the_deadline_then_recovers(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir, QSRADAR_DB_TIMEOUT_MS=str(DB_TIMEOUT_MS)) as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]
        agency = s.agency_token().json()["access_token"]
        query = "{ me { email } warnings(first: 1) { totalCount } }"
        with frozen(s.embedded_db()["pid"]):
            wait_for(lambda: readyz(s) == 503, 15, "/readyz reports 503 for a frozen database")
            # authenticated: the token-family lookup runs before GraphQL and must be mapped too
            assert_contract_error(post(s, query, token))
            assert_contract_error(post(s, "{ warnings(first: 1) { totalCount } }", agency))
            assert_contract_error(post(s, "mutation { signIn(input: {email: \"consumer@demo.test\", "
                                            "password: \"demo-pass-2026\"}) { accessToken } }"))
            oauth = httpx.post(f"{s.base_url}/oauth/token", data={"grant_type": "client_credentials"},
                               auth=("demo-agency", stack_mod.DEMO_PASSWORD), timeout=ANSWER_TIMEOUT)
            assert oauth.status_code == 503 and oauth.json()["error"] == "temporarily_unavailable", oauth.text
            assert "Retry-After" in oauth.headers
            for feed in ("/feeds/warnings.json", "/feeds/warnings.atom"):
                answer = httpx.get(f"{s.base_url}{feed}", timeout=ANSWER_TIMEOUT)
                assert answer.status_code == 503, answer.text
                assert_contract_error(answer)
            assert httpx.get(f"{s.base_url}/healthz", timeout=ANSWER_TIMEOUT).status_code == 200
        wait_for(lambda: readyz(s) == 200, 30, "/readyz is 200 again after SIGCONT")
        wait_for(lambda: "errors" not in s.gql(query, token=token), 30, "authenticated queries answer again")
        assert s.gql(query, token=token)["data"]["me"]["email"] == "regulator@demo.test"
        assert s.agency_token().status_code == 200
        assert httpx.get(f"{s.base_url}/feeds/warnings.json", timeout=10).status_code == 200
        assert "Traceback" not in s.log()
