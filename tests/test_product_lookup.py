"""productLookup: a typed GTIN (check digit verified by python-stdnum), a trace code or text -> the product and its
active warnings and recalls, each under its own visibility rule; a recall announced with a GTIN is found by it and
makes its enterprise the one concerned by complaints about that GTIN."""

from __future__ import annotations

import uuid

import pytest
from stdnum import ean

from documents.demo.complaints import (
    CHILDREN_SHOES_GTIN,
    GAS_STOVE_GTIN,
    GAS_STOVE_TRACE_CODE,
    POP_UP_BOOK_GTIN,
    POWER_BANK_GTIN,
)
from documents.demo.data import DEMO_USCC
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


async def test_a_warnings_own_gtins_are_indexed_with_the_warning_and_leave_with_it(live_server: Stack) -> None:
    # No mutation sets a warning's own `gtins` yet (products link warnings by code; no stored warning has them, so
    # there is nothing to backfill). The warning actions keep the code index the lookup reads in step with them:
    # reading `gtins` itself would scan every warning on the embedded server.
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.db.transactions import serialise_transactions
    from documents.enums import HazardType, WarningKind, WarningLevel, WarningStatus
    from documents.products import actions as products
    from documents.products.codes import classify
    from documents.warnings import actions as warnings
    from documents.warnings.models import Warning

    gtin = "200000000123" + ean.calc_check_digit("200000000123")
    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    await database.connect(uri, f"lookup_{uuid.uuid4().hex[:8]}", all_documents())
    # the service's own lock: one transaction at a time on the embedded server, across processes
    serialise_transactions(True, live_server.data_dir / "transactions.lock")
    try:
        def about(code: str) -> Warning:
            return Warning(title=f"移动电源过热 {code}", level=WarningLevel.ORANGE, kind=WarningKind.ANNOUNCEMENT,
                           hazards=[HazardType.PHYSICAL], product_category="移动电源", summary="起火风险",
                           issued_by="海关总署", gtins=[code.zfill(14)])

        published, _ = await warnings.create(about(gtin), publish=True, by="test")
        draft, _ = await warnings.create(about(gtin), publish=False, by="test")
        public = {"status": {"$in": [WarningStatus.PUBLISHED.value]}}
        for spelling in (gtin, gtin.zfill(14)):  # any spelling of the code
            found = await products.active_warnings(classify(spelling), [], public)
            assert [d["_id"] for d in found] == [published.id]  # the draft is indexed, not shown
        await warnings.delete_draft(draft.id, by="test")
        codes = Warning.get_pymongo_collection().database["warning_codes"]
        assert [d["warning_id"] async for d in codes.find({"key": gtin.zfill(14)})] == [published.id]
    finally:
        serialise_transactions(False, live_server.data_dir / "transactions.lock")
        await database.disconnect()
