"""Starts the real service (`python -m gql`, embedded database) as a subprocess and speaks to it over the wire."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from documents.db.embedded_server import free_port

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "demo-pass-2026"



@dataclass
class Stack:
    """A running service: its URLs, data directory and process."""

    port: int
    data_dir: Path
    process: subprocess.Popen
    log_path: Path
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def embedded_db(self) -> dict[str, int]:
        """pid and port of the embedded database."""
        return json.loads((self.data_dir / "embedded-db.json").read_text())

    def post(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None,
             **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(kwargs.pop("headers", {}))
        return httpx.post(f"{self.base_url}/graphql", json={"query": query, "variables": variables or {}},
                          headers=headers, timeout=30, **kwargs)

    def gql(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None,
            **kwargs: Any) -> dict[str, Any]:
        """POST a GraphQL document; returns the JSON body (data and errors)."""
        return self.post(query, variables, token, **kwargs).json()

    def sign_in(self, email: str, password: str = DEMO_PASSWORD, **kwargs: Any) -> dict[str, Any]:
        body = self.gql("mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken expiresIn "
                        "viewer { id email role } } }", {"i": {"email": email, "password": password}}, **kwargs)
        assert "errors" not in body, body
        return body["data"]["signIn"]

    def export(self, kind: str, token: str | None = None, **params: str) -> httpx.Response:
        """GET /export/<kind>.ndjson (warnings, recalls, enterprises) for a bearer token (None: anonymous)."""
        return httpx.get(f"{self.base_url}/export/{kind}.ndjson", params=params,
                         headers={"Authorization": f"Bearer {token}"} if token else {}, timeout=120)

    def agency_token(self, scope: str | None = None, client_id: str = "demo-agency",
                     secret: str = DEMO_PASSWORD) -> httpx.Response:
        form = {"grant_type": "client_credentials"}
        if scope is not None:
            form["scope"] = scope
        return httpx.post(f"{self.base_url}/oauth/token", data=form, auth=(client_id, secret), timeout=30)


def without_extensions(body: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL answer without `extensions` (the cost report every answer carries), to compare data and errors."""
    return {k: v for k, v in body.items() if k != "extensions"}


def code_of(body: dict[str, Any]) -> str:
    """The contract code of the first error of a GraphQL answer (the answer must have one)."""
    assert body.get("errors"), body
    return str(body["errors"][0]["extensions"]["code"])


def field_of(body: dict[str, Any]) -> str | None:
    """The input field named by the first error of a GraphQL answer."""
    return body["errors"][0]["extensions"].get("field")


def wait_ready(base_url: str, process: subprocess.Popen, log_path: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"service exited ({process.returncode}):\n{log_path.read_text()[-4000:]}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"service not ready in {timeout}s:\n{log_path.read_text()[-4000:]}")


def start(data_dir: Path, port: int | None = None, **env: str) -> Stack:
    """Start the service on a free port with its own embedded database under `data_dir`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    full_env = {k: v for k, v in os.environ.items() if k not in ("MONGODB_URI", "PROMETHEUS_MULTIPROC_DIR")}
    full_env.update({"PORT": str(port), "QSRADAR_DATA_DIR": str(data_dir), "QSRADAR_ENV": "development",
                     "WEB_CONCURRENCY": "1", "QSRADAR_DEMO_PASSWORD": DEMO_PASSWORD,
                     # generous per-address limit: every test signs in from 127.0.0.1
                     "QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS": "1000",
                     # the session's shared tokens outlive a slow run (the default, 900 s, expired mid-suite)
                     "QSRADAR_ACCESS_TOKEN_TTL": "1200",
                     # every test shares a few identities and one address: cost budgets out of the way
                     # (tests/test_budgets.py sets its own)
                     **{f"QSRADAR_{who}BUDGET_MAXIMUM": "100000000" for who in ("", "ACCOUNT_", "ANONYMOUS_")},
                     # a 100 s window (maximum / rate), so requests that queue on a busy machine are never refused
                     **{f"QSRADAR_{who}BUDGET_RESTORE_RATE": "1000000" for who in ("", "ACCOUNT_", "ANONYMOUS_")},
                     # tests ask for 100-item pages with nested objects; the limit itself: tests/test_budgets.py
                     "QSRADAR_MAX_QUERY_COST": "1000000"})
    full_env.update(env)
    log_path = data_dir / "service.log"
    log = open(log_path, "ab")
    process = subprocess.Popen([sys.executable, "-m", "gql"], cwd=ROOT, env=full_env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    stack = Stack(port=port, data_dir=data_dir, process=process, log_path=log_path)
    try:
        wait_ready(stack.base_url, process, log_path)
    except Exception:
        stop(stack)
        raise
    return stack


def stop(stack: Stack) -> None:
    """Graceful stop (SIGTERM), as an orchestrator would do it."""
    if stack.process.poll() is None:
        os.killpg(stack.process.pid, signal.SIGTERM)
        try:
            stack.process.wait(timeout=60)  # the service bounds each shutdown step (documents/core/background.py)
        except subprocess.TimeoutExpired:
            os.killpg(stack.process.pid, signal.SIGKILL)
            stack.process.wait()


@contextmanager
def running(data_dir: Path, **env: str) -> Iterator[Stack]:
    stack = start(data_dir, **env)
    try:
        yield stack
    finally:
        stop(stack)
