"""The watchlist: signed-in consumers watch products by code; only the owner reads the list (regulators neither);
each entry lists the warnings and recalls that match it now."""

from __future__ import annotations

import pytest

from documents.demo.complaints import GAS_STOVE_GTIN, POP_UP_BOOK_GTIN, POWER_BANK_GTIN
from tests.complaints_support import new_consumer, wait_for_demo_products
from tests.stack import Stack, code_of

WATCH = "mutation($c: String!, $l: String) { watchProduct(code: $c, label: $l) { code codeType label addedAt } }"
UNWATCH = "mutation($c: String!) { unwatchProduct(code: $c) { code } }"
MINE = "{ me { watchlist { code label matches { warnings { code kind } recalls { code } } } } }"


@pytest.fixture(scope="module")
def ready(live_server: Stack) -> Stack:
    wait_for_demo_products(live_server)
    return live_server


def test_watch_rename_and_unwatch(ready: Stack) -> None:
    me = new_consumer(ready)
    out = ready.gql(WATCH, {"c": POWER_BANK_GTIN, "l": "充电宝"}, token=me["token"])["data"]["watchProduct"]
    assert [(w["code"], w["codeType"], w["label"]) for w in out] == [(POWER_BANK_GTIN, "GTIN", "充电宝")]
    ready.gql(WATCH, {"c": POP_UP_BOOK_GTIN}, token=me["token"])
    again = ready.gql(WATCH, {"c": "0" + POWER_BANK_GTIN, "l": "客厅充电宝"}, token=me["token"])  # same GTIN-14
    assert len(again["data"]["watchProduct"]) == 2
    assert {w["label"] for w in again["data"]["watchProduct"]} == {"客厅充电宝", None}
    listed = ready.gql(MINE, token=me["token"])["data"]["me"]["watchlist"]
    by_code = {w["code"]: w["matches"] for w in listed}
    assert [w["kind"] for w in by_code[POWER_BANK_GTIN]["warnings"]] == ["ANNOUNCEMENT"]
    assert by_code[POP_UP_BOOK_GTIN]["warnings"] == []  # a NOTICE: not for consumers
    assert [r["code"] for r in by_code[POP_UP_BOOK_GTIN]["recalls"]] == ["RC-2025-000005"]
    left = ready.gql(UNWATCH, {"c": POWER_BANK_GTIN}, token=me["token"])["data"]["unwatchProduct"]
    assert [w["code"] for w in left] == [POP_UP_BOOK_GTIN]


WRONG_CHECK_DIGIT = POWER_BANK_GTIN[:-1] + str((int(POWER_BANK_GTIN[-1]) + 1) % 10)


@pytest.mark.parametrize("code, field", [(WRONG_CHECK_DIGIT, "code"), ("", "code"), ("x" * 201, "code")])
def test_bad_codes_name_the_field(ready: Stack, code: str, field: str) -> None:
    body = ready.gql(WATCH, {"c": code}, token=new_consumer(ready)["token"])
    assert code_of(body) == "BAD_USER_INPUT" and body["errors"][0]["extensions"]["field"] == field


def test_only_consumers_watch(ready: Stack, tokens: dict[str, str]) -> None:
    assert code_of(ready.gql(WATCH, {"c": GAS_STOVE_GTIN})) == "UNAUTHENTICATED"
    for role in ("enterprise", "regulator", "admin", "agency"):
        assert code_of(ready.gql(WATCH, {"c": GAS_STOVE_GTIN}, token=tokens[role])) == "FORBIDDEN", role
        assert code_of(ready.gql(UNWATCH, {"c": GAS_STOVE_GTIN}, token=tokens[role])) == "FORBIDDEN", role


def test_only_the_owner_reads_a_watchlist(ready: Stack, tokens: dict[str, str]) -> None:
    demo = ready.gql(MINE, token=tokens["consumer"])["data"]["me"]["watchlist"]
    assert len(demo) >= 3  # the demo consumer's watchlist
    # A regulator reaches the demo consumer's account through a complaint, but never the watchlist.
    complaints = ready.gql("{ complaints(first: 100) { edges { node { id complainant { email } } } } }",
                           token=tokens["regulator"])["data"]["complaints"]["edges"]
    cid = next(e["node"]["id"] for e in complaints
               if (e["node"]["complainant"] or {}).get("email") == "consumer@demo.test")
    nested = ready.gql("query($id: ID!) { node(id: $id) { ... on Complaint { complainant { email watchlist { code } "
                       "} } } }", {"id": cid}, token=tokens["regulator"])
    assert code_of(nested) == "FORBIDDEN" and nested["errors"][0]["path"][-1] == "watchlist"
    # Other accounts' own lists are their own (empty), never someone else's.
    for role in ("enterprise", "regulator"):
        assert ready.gql(MINE, token=tokens[role])["data"]["me"]["watchlist"] == []
    assert code_of(ready.gql("{ me { watchlist { code } } }", token=tokens["agency"])) == "FORBIDDEN"
