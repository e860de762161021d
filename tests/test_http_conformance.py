"""GraphQL over HTTP: the graphql-http audit (npm `graphql-http`, `auditServer`) with 0 warnings and 0 errors.

The Node side lives in tests/node (package.json pinned, package-lock.json); `make test` installs it with
`npm ci --prefix tests/node`, and this test does the same when it is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import httpx
import pytest

from tests.stack import ROOT, Stack

NODE_DIR = ROOT / "tests" / "node"


def _ensure_node_tools() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("Node.js and npm are needed for the graphql-http audit")
    if not (NODE_DIR / "node_modules" / "graphql-http").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE_DIR, check=True,
                       timeout=300)


def _audit(url: str) -> dict:
    out = subprocess.run(["node", str(NODE_DIR / "graphql_http_audit.mjs"), url], capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_graphql_http_audit_has_no_warnings_or_errors(live_server: Stack) -> None:
    _ensure_node_tools()
    # Twice: the second run is answered from the public cache, which must keep the negotiated media type.
    for run in ("fresh", "cached"):
        report = _audit(f"{live_server.base_url}/graphql")
        print(f"graphql-http audit ({run}): {report['total']} audits, {report['warnings']} warnings, "
              f"{report['errors']} errors")
        assert report["total"] >= 50
        assert (report["warnings"], report["errors"]) == (0, 0), json.dumps(report["failed"], indent=1)


def test_a_cached_answer_keeps_the_graphql_response_json_media_type(live_server: Stack) -> None:
    accept = {"accept": "application/graphql-response+json"}
    answers = [live_server.post("query CachedMedia { __typename }", headers=accept) for _ in range(2)]
    assert answers[1].headers.get("x-cache") == "hit"
    for answer in answers:
        assert answer.headers["content-type"].startswith("application/graphql-response+json"), answer.headers


@pytest.mark.parametrize("params, status", [
    ({"query": "{"}, 400),                                                  # parse error
    ({"query": "{ noSuchField }"}, 400),                                    # validation error
    ({"query": "query($n: Int) { warnings(first: $n) { totalCount } }", "variables": '{"n": "x"}'}, 400),
    ({"query": "{ __typename }"}, 200),
])
def test_get_with_graphql_response_json_uses_4xx(live_server: Stack, params: dict, status: int) -> None:
    response = httpx.get(f"{live_server.base_url}/graphql", params=params,
                         headers={"accept": "application/graphql-response+json"}, timeout=30)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    if status == 400:
        assert "data" not in response.json() or response.json()["data"] is None
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
