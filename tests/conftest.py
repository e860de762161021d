"""Session fixtures: one real service (subprocess + embedded database in a temp dir), signed-in identities."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pymongo import MongoClient

from tests import stack as stack_mod
from tests.stack import Stack

ROLES = ["consumer", "enterprise", "regulator", "admin"]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The service under test, shared by the session."""
    with stack_mod.running(tmp_path_factory.mktemp("qsradar")) as stack:
        yield stack


class TokenBook(dict[str, str]):
    """An access token per demo identity and the demo agency, renewed when older than RENEW_SECONDS (a slow run
    outlives a token's lifetime)."""

    RENEW_SECONDS = 600

    def __init__(self, stack: Stack) -> None:
        super().__init__()
        self.stack = stack
        self.issued = 0.0
        self.renew()

    def renew(self) -> None:
        fresh = {role: self.stack.sign_in(f"{role}@demo.test")["accessToken"] for role in ROLES}
        response = self.stack.agency_token()
        assert response.status_code == 200, response.text
        fresh["agency"] = response.json()["access_token"]
        self.update(fresh)
        self.issued = time.monotonic()

    def __getitem__(self, key: str) -> str:
        if time.monotonic() - self.issued > self.RENEW_SECONDS:
            self.renew()
        return super().__getitem__(key)


@pytest.fixture(scope="session")
def tokens(live_server: Stack) -> dict[str, str]:
    """An access token per demo identity, plus the demo agency with every scope."""
    return TokenBook(live_server)


@pytest.fixture(scope="module")
def db(live_server: Stack) -> Iterator[object]:
    """The shared service's database, read directly (to check what was stored, never to arrange a result)."""
    client: MongoClient = MongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true")
    try:
        yield client["qsradar"]
    finally:
        client.close()


@pytest.fixture
def fresh_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how large the authorization matrix was (tests/test_authorization_matrix.py)."""
    import sys

    matrix = sys.modules.get("tests.test_authorization_matrix")
    if matrix is not None:
        cells = len(matrix.CELLS) + len(matrix.BAD_TOKENS) * len(matrix.BAD_TOKEN_QUERIES)
        terminalreporter.write_line(f"authorization matrix: {cells} cells ({len(matrix.VISIBLE)} data classes, "
                                    f"{len(matrix.VIEWERS)} viewers + {len(matrix.BAD_TOKENS)} bad tokens)")
