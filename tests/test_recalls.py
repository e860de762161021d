"""Recalls: public list with the real 2025 power-bank figures; agencies need recalls:read."""

from __future__ import annotations

import pytest

from tests.stack import Stack, code_of

RECALLS = "query($f: RecallFilter) { recalls(filter: $f, first: 50) { totalCount edges { node { id code productName " \
          "brand type status unitsAffected unitsRecovered refundsCny completionRate enterprise { name } " \
          "warning { code level } } } } }"



@pytest.mark.parametrize("role", ["anonymous", "consumer", "enterprise", "regulator", "admin"])
def test_recalls_are_public(live_server: Stack, tokens: dict, role: str) -> None:
    body = live_server.gql(RECALLS, token=tokens.get(role))
    assert body["data"]["recalls"]["totalCount"] >= 6


def test_power_bank_figures(live_server: Stack) -> None:
    nodes = {e["node"]["code"]: e["node"] for e in live_server.gql(RECALLS)["data"]["recalls"]["edges"]}
    romoss, anker, xiaomi = nodes["RC-2025-000001"], nodes["RC-2025-000002"], nodes["RC-2025-000003"]
    assert (romoss["unitsRecovered"], romoss["completionRate"], romoss["refundsCny"]) == (167_000, 0.341, 22_837_000)
    assert (anker["unitsRecovered"], anker["completionRate"], anker["refundsCny"]) == (565_000, 0.787, 85_664_000)
    assert (xiaomi["unitsRecovered"], xiaomi["completionRate"], xiaomi["refundsCny"]) == (17_000, 0.12, 2_700_000)
    announced = romoss["unitsAffected"] + anker["unitsAffected"] + xiaomi["unitsAffected"]
    assert round(announced / 1_000_000, 2) == 1.35
    assert romoss["warning"]["code"] == "RW-2025-000001"


def test_recall_filters(live_server: Stack) -> None:
    ordered = live_server.gql(RECALLS, {"f": {"types": ["ORDERED"]}})["data"]["recalls"]["edges"]
    assert ordered and all(e["node"]["type"] == "ORDERED" for e in ordered)
    completed = live_server.gql(RECALLS, {"f": {"statuses": ["COMPLETED"]}})["data"]["recalls"]
    assert completed["totalCount"] == 1 and completed["edges"][0]["node"]["completionRate"] == 1.0


def test_agency_needs_recalls_read(live_server: Stack) -> None:
    allowed = live_server.agency_token("recalls:read").json()["access_token"]
    denied = live_server.agency_token("warnings:read").json()["access_token"]
    assert live_server.gql(RECALLS, token=allowed)["data"]["recalls"]["totalCount"] >= 6
    assert code_of(live_server.gql(RECALLS, token=denied)) == "FORBIDDEN"
    nested = live_server.gql('{ warnings(filter: {levels: [RED]}) { edges { node { recalls { code } } } } }', token=denied)
    assert all(e["node"]["recalls"] == [] for e in nested["data"]["warnings"]["edges"])


@pytest.mark.parametrize("f", [None, {"text": "充电宝"}, {"statuses": ["IN_PROGRESS", "ANNOUNCED"]}])
def test_change_feed_count_agrees_with_the_page(live_server: Stack, f: dict | None) -> None:
    """With updatedAfter the count is of the changed recalls the page lists (it was INTERNAL on the embedded server)."""
    body = live_server.gql("query($f: RecallFilter) { recalls(filter: $f, updatedAfter: \"2020-01-01T00:00:00Z\", "
                           "first: 100) { totalCount edges { node { id } } } }", {"f": f})
    assert "errors" not in body, body
    page = body["data"]["recalls"]
    assert page["totalCount"] == len(page["edges"])
    assert f is not None or page["totalCount"] > 0  # every demo recall was logged after 2020
