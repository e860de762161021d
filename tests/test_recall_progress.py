"""Recall progress: the recalling enterprise or a regulator reports units and refunds; completion follows; every
other caller is refused; a change through one process reaches anonymous readers of another at once."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from documents.demo.data import AUTO
from tests import stack as stack_mod
from tests.stack import DEMO_PASSWORD, Stack, code_of

REPORT = "mutation($id: ID!, $u: Int!, $r: Float, $n: String) { reportRecallProgress(id: $id, unitsRecovered: $u, " \
         "refundsCny: $r, note: $n) { status unitsRecovered refundsCny completionRate progressReports { " \
         "unitsRecovered refundsCny note } } }"
BY_ENTERPRISE = "query($u: String!) { recalls(filter: {enterpriseUscc: $u}) { edges { node { id code status " \
                "unitsAffected unitsRecovered completionRate } } } }"



@pytest.fixture(scope="module")
def two_processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, Stack]]:
    """Two service processes on one database (the second shares the first's embedded server and lock file)."""
    data_dir = tmp_path_factory.mktemp("progress")
    first = stack_mod.start(data_dir)
    try:
        uri = f"mongodb://127.0.0.1:{first.embedded_db()['port']}/?directConnection=true"
        second = stack_mod.start(data_dir, MONGODB_URI=uri)
        try:
            yield first, second
        finally:
            stack_mod.stop(second)
    finally:
        stack_mod.stop(first)


@pytest.fixture(scope="module")
def people(two_processes: tuple[Stack, Stack]) -> dict[str, str]:
    """Tokens: the demo roles, and an account of the (fictional) enterprise that runs the brake-hose recall."""
    first, _ = two_processes
    out = {r: first.sign_in(f"{r}@demo.test")["accessToken"] for r in ("consumer", "enterprise", "regulator", "admin")}
    created = first.gql("mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }", {"i": {
        "email": "recalls@auto.test", "password": DEMO_PASSWORD, "role": "ENTERPRISE", "enterpriseUscc": AUTO}},
        token=out["admin"])
    assert "errors" not in created, created
    out["recaller"] = first.sign_in("recalls@auto.test")["accessToken"]
    out["agency"] = first.agency_token().json()["access_token"]
    return out


def brake_hose_recall(server: Stack) -> dict:
    return server.gql(BY_ENTERPRISE, {"u": AUTO})["data"]["recalls"]["edges"][0]["node"]


def test_progress_updates_completion_and_history(two_processes: tuple[Stack, Stack], people: dict) -> None:
    first, _ = two_processes
    recall = brake_hose_recall(first)
    body = first.gql(REPORT, {"id": recall["id"], "u": recall["unitsRecovered"] + 1000, "r": 120_000.5,
                              "n": "4S 店回收 dealer returns"}, token=people["recaller"])
    assert "errors" not in body, body
    out = body["data"]["reportRecallProgress"]
    assert out["unitsRecovered"] == recall["unitsRecovered"] + 1000
    assert out["completionRate"] == round(out["unitsRecovered"] / recall["unitsAffected"], 4) > recall["completionRate"]
    assert out["progressReports"][-1] == {"unitsRecovered": out["unitsRecovered"], "refundsCny": 120_000.5,
                                          "note": "4S 店回收 dealer returns"}
    assert out["status"] == "IN_PROGRESS"


@pytest.mark.parametrize("units, refunds, field", [
    (-1, None, "unitsRecovered"), (0, None, "unitsRecovered"), (10**9, None, "unitsRecovered"),
    (None, -5.0, "refundsCny"), (None, 0.0, "refundsCny")])  # 0.0: refunds already reported never shrink
def test_impossible_numbers_name_the_field(two_processes: tuple[Stack, Stack], people: dict, units: int | None,
                                           refunds: float | None, field: str) -> None:
    first, _ = two_processes
    recall = brake_hose_recall(first)
    body = first.gql(REPORT, {"id": recall["id"], "u": recall["unitsRecovered"] if units is None else units,
                              "r": refunds}, token=people["regulator"])
    assert code_of(body) == "BAD_USER_INPUT" and body["errors"][0]["extensions"]["field"] == field, body


@pytest.mark.parametrize("who, expected", [("anonymous", "UNAUTHENTICATED"), ("consumer", "FORBIDDEN"),
                                           ("enterprise", "FORBIDDEN"),  # the demo enterprise: another one ("admin", "FORBIDDEN"),
                                           ("agency", "FORBIDDEN")])
def test_only_the_recalling_enterprise_or_a_regulator_reports(two_processes: tuple[Stack, Stack], people: dict,
                                                              who: str, expected: str) -> None:
    first, _ = two_processes
    recall = brake_hose_recall(first)
    body = first.gql(REPORT, {"id": recall["id"], "u": recall["unitsRecovered"] + 1}, token=people.get(who))
    assert code_of(body) == expected, (who, body)
    assert brake_hose_recall(first)["unitsRecovered"] == recall["unitsRecovered"]


def test_all_units_back_completes_then_reports_are_refused(two_processes: tuple[Stack, Stack], people: dict) -> None:
    first, _ = two_processes
    recall = brake_hose_recall(first)
    done = first.gql(REPORT, {"id": recall["id"], "u": recall["unitsAffected"]}, token=people["recaller"])
    assert done["data"]["reportRecallProgress"]["status"] == "COMPLETED", done
    assert done["data"]["reportRecallProgress"]["completionRate"] == 1.0
    assert code_of(first.gql(REPORT, {"id": recall["id"], "u": recall["unitsAffected"]},
                             token=people["recaller"])) == "CONFLICT"
    unknown = "UmVjYWxsOjZiMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA"
    assert code_of(first.gql(REPORT, {"id": unknown, "u": 1}, token=people["regulator"])) == "NOT_FOUND"


def test_a_change_through_one_process_reaches_cached_anonymous_readers_of_another(
        two_processes: tuple[Stack, Stack], people: dict) -> None:
    first, second = two_processes
    query = {"query": "{ recalls(first: 50) { edges { node { code unitsRecovered } } } }"}

    def anonymous_view() -> dict[str, int]:
        answer = httpx.post(f"{first.base_url}/graphql", json=query, timeout=10)
        return {e["node"]["code"]: e["node"]["unitsRecovered"] for e in answer.json()["data"]["recalls"]["edges"]}

    before = anonymous_view()
    again = httpx.post(f"{first.base_url}/graphql", json=query, timeout=10)
    assert again.headers.get("x-cache") == "hit"  # the first process serves this answer from its public cache
    books = next(e["node"] for e in second.gql(
        "{ recalls(first: 50) { edges { node { id code unitsRecovered unitsAffected } } } }")["data"]["recalls"]["edges"]
        if e["node"]["code"] == "RC-2025-000005")
    written = second.gql(REPORT, {"id": books["id"], "u": books["unitsRecovered"] + 7}, token=people["regulator"])
    assert "errors" not in written, written
    # Nothing expires by time any more: only the change log read by the first process can refresh its cache.
    deadline = time.monotonic() + 15
    while anonymous_view()["RC-2025-000005"] == before["RC-2025-000005"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert anonymous_view()["RC-2025-000005"] == books["unitsRecovered"] + 7
