"""productLookup: a typed GTIN (check digit verified by python-stdnum), a trace code or text -> the product and its
active warnings and recalls, each under its own visibility rule; a recall announced with a GTIN is found by it and
makes its enterprise the one concerned by complaints about that GTIN."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pymongo import MongoClient
from stdnum import ean

from documents.demo.complaints import (
    CHILDREN_SHOES_GTIN,
    GAS_STOVE_GTIN,
    GAS_STOVE_TRACE_CODE,
    POP_UP_BOOK_GTIN,
    POWER_BANK_GTIN,
)
from documents.demo.data import DEMO_USCC
from tests import stack as stack_mod
from tests.complaints_support import FILE, complaint_input, new_consumer, wait_for_demo_products
from tests.stack import Stack, code_of

LOOKUP = ("query($c: String!) { productLookup(code: $c) { code codeType valid gtin14 product { code name brand "
          "category enterprise { uscc name } } products { name } warnings { code title kind status } "
          "recalls { code productName status gtins } } }")


@pytest.fixture(scope="module")
def ready(live_server: Stack) -> Stack:
    wait_for_demo_products(live_server)
    return live_server


def lookup(stack: Stack, code: str, token: str | None = None) -> dict:
    body = stack.gql(LOOKUP, {"c": code}, token=token)
    assert "errors" not in body, body
    return body["data"]["productLookup"]


def test_demo_codes_have_valid_check_digits() -> None:
    for gtin in (POWER_BANK_GTIN, GAS_STOVE_GTIN, CHILDREN_SHOES_GTIN, POP_UP_BOOK_GTIN):
        assert ean.is_valid(gtin) and gtin.startswith("2")  # GS1 restricted circulation: never a real product


def test_a_typed_gtin_finds_the_product_and_its_warning(ready: Stack) -> None:
    typed = f"{POWER_BANK_GTIN[:4]} {POWER_BANK_GTIN[4:8]}-{POWER_BANK_GTIN[8:]}"  # spaces and dashes as typed
    out = lookup(ready, typed)
    assert (out["codeType"], out["valid"], out["gtin14"]) == ("GTIN", True, POWER_BANK_GTIN.zfill(14))
    assert out["product"]["enterprise"]["uscc"] == DEMO_USCC and "（虚构）" in out["product"]["name"]
    assert [w["kind"] for w in out["warnings"]] == ["ANNOUNCEMENT"]
    assert all(w["status"] == "PUBLISHED" for w in out["warnings"])
    assert out["recalls"] == []


def test_a_wrong_check_digit_is_reported_and_nothing_is_looked_up(ready: Stack) -> None:
    wrong = POWER_BANK_GTIN[:-1] + str((int(POWER_BANK_GTIN[-1]) + 1) % 10)
    out = lookup(ready, wrong)
    assert (out["codeType"], out["valid"], out["product"], out["warnings"], out["recalls"]) == \
        ("GTIN", False, None, [], [])


def test_a_trace_code_and_text(ready: Stack) -> None:
    traced = lookup(ready, GAS_STOVE_TRACE_CODE.lower())
    assert traced["codeType"] == "TRACE_CODE" and traced["product"]["category"] == "燃气灶具 Gas stoves"
    assert len(traced["warnings"]) == 1
    text = lookup(ready, "燃气灶")
    assert text["codeType"] == "TEXT" and text["valid"]
    assert any("燃气灶" in p["name"] for p in text["products"]) and text["warnings"]


def test_each_result_follows_its_own_visibility(ready: Stack, tokens: dict[str, str]) -> None:
    # The pop-up book is under a NOTICE (enterprises, staff) and an in-progress recall (public).
    public = lookup(ready, POP_UP_BOOK_GTIN)
    assert public["warnings"] == [] and [r["code"] for r in public["recalls"]] == ["RC-2025-000005"]
    assert [w["kind"] for w in lookup(ready, POP_UP_BOOK_GTIN, tokens["enterprise"])["warnings"]] == ["NOTICE"]
    assert lookup(ready, POP_UP_BOOK_GTIN, tokens["regulator"])["warnings"]
    narrow = ready.agency_token(scope="warnings:read").json()["access_token"]
    assert lookup(ready, POP_UP_BOOK_GTIN, narrow)["recalls"] == []  # no recalls:read


@pytest.mark.parametrize("code", ["", "   ", "x" * 201])
def test_empty_or_long_codes_are_bad_input(ready: Stack, code: str) -> None:
    body = ready.gql(LOOKUP, {"c": code})
    assert code_of(body) == "BAD_USER_INPUT" and body["errors"][0]["extensions"]["field"] == "code"


def test_a_recall_announced_with_a_gtin_is_found_and_routes_complaints(ready: Stack, tokens: dict[str, str]) -> None:
    gtin = "2027" + str(uuid.uuid4().int)[:8]
    gtin += str(ean.calc_check_digit(gtin))
    announced = ready.gql(
        "mutation($i: AnnounceRecallInput!) { announceRecall(input: $i) { code status gtins } }",
        {"i": {"uscc": DEMO_USCC, "productName": "示范牌电热水壶 DM-K1（虚构）", "gtins": [gtin],
               "hazard": "底座过热 / base overheats", "remedy": "REFUND", "remedyInstructions": "停止使用并退货",
               "unitsAffected": 120}}, token=tokens["enterprise"])
    assert "errors" not in announced, announced
    out = lookup(ready, gtin)
    assert [r["code"] for r in out["recalls"]] == [announced["data"]["announceRecall"]["code"]]
    assert out["product"]["name"] == "示范牌电热水壶 DM-K1（虚构）"  # identity from the recall
    me = new_consumer(ready)
    filed = ready.gql(FILE, {"i": complaint_input(productCode=gtin, productName="电热水壶"), "k": "kettle-key-001"},
                      token=me["token"])
    assert filed["data"]["fileComplaint"]["enterpriseUscc"] == DEMO_USCC


def test_a_warnings_own_gtins_are_found_through_the_code_index_built_at_start_up(fresh_dir: Path) -> None:
    # No mutation sets a warning's own `gtins` yet (products link warnings by code); data imported or stored by an
    # earlier version may carry them. The lookup reads the code index (a scan of `gtins` on the embedded server),
    # which the start-up upgrade builds once for warnings stored without their entries.
    gtin = "200000000123" + ean.calc_check_digit("200000000123")
    with stack_mod.running(fresh_dir) as s:
        client: MongoClient = MongoClient(f"mongodb://127.0.0.1:{s.embedded_db()['port']}/?directConnection=true")
        db = client["qsradar"]
        announcement = db.warnings.find_one({"status": "PUBLISHED", "kind": "ANNOUNCEMENT"})
        assert announcement is not None
        # Whole-document writes, as the service writes (the embedded server's `$set` mangles some values).
        db.warnings.replace_one({"_id": announcement["_id"]}, {**announcement, "gtins": [gtin.zfill(14)]})
        db.counters.delete_one({"_id": "migrated:warning_codes"})  # as a database from before the index
        client.close()
        assert lookup(s, gtin)["warnings"] == []  # not in the index: the lookup does not scan `gtins`
    with stack_mod.running(fresh_dir) as s:
        assert [w["code"] for w in lookup(s, gtin)["warnings"]] == [announcement["code"]]
        assert [w["code"] for w in lookup(s, gtin.zfill(14))["warnings"]] == [announcement["code"]]  # any spelling
