"""Complaint rules without the service: content limits naming the field, the status flow, deadlines in working
days across the National Day holiday, signals, and product-code classification (python-stdnum)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean

from documents.complaints import rules
from documents.core.errors import RuleViolation, StateConflict
from documents.core.workdays import CST
from documents.enums import ComplaintStatus, ProductCodeType, SignalGroup
from documents.products.codes import classify, normalise_gtin, with_check_digit

S = ComplaintStatus


def test_accept_deadline_skips_the_national_day_holiday_and_counts_the_make_up_saturday() -> None:
    # Filed Tuesday 29 Sept 2026, 10:00 CST: Sept 30 is day 1; Oct 1-7 are holidays; Sat Oct 10 is a make-up
    # working day (调休); so day 7 is Wednesday Oct 14, ending 23:59:59 CST.
    filed = datetime(2026, 9, 29, 10, 0, tzinfo=CST)
    deadline = rules.accept_deadline(filed)
    assert deadline.day == date(2026, 10, 14)
    assert deadline.due_at == datetime(2026, 10, 14, 23, 59, 59, tzinfo=CST)
    assert deadline.calendar_exact


def test_a_filing_after_midnight_cst_counts_from_the_next_day() -> None:
    # 17:00 UTC on Sept 29 is 01:00 CST on Sept 30: the filing day is Sept 30, so day 7 is Oct 15.
    assert rules.accept_deadline(datetime(2026, 9, 29, 17, 0, tzinfo=UTC)).day == date(2026, 10, 15)


def test_mediation_deadline_is_45_working_days_after_acceptance() -> None:
    deadline = rules.mediation_deadline(datetime(2026, 9, 30, 10, 0, tzinfo=CST))
    assert deadline.day == date(2026, 12, 8)


def test_deadline_met_late_and_open() -> None:
    due = datetime(2026, 10, 14, 15, 59, 59, tzinfo=UTC)
    assert rules.met(due, due, due + timedelta(days=9)) is True
    assert rules.met(due, due + timedelta(seconds=1), due) is False
    assert rules.met(due, None, due - timedelta(days=1)) is None
    assert rules.met(due, None, due + timedelta(seconds=1)) is False
    assert rules.open_deadline(S.RECEIVED, due, None) == due
    assert rules.open_deadline(S.TRIAGED, due, due + timedelta(days=60)) == due + timedelta(days=60)
    assert rules.open_deadline(S.REJECTED, due, None) is None


@pytest.mark.parametrize("current, target", [
    (S.RECEIVED, S.TRIAGED), (S.RECEIVED, S.REJECTED), (S.TRIAGED, S.INVESTIGATING), (S.TRIAGED, S.RESOLVED),
    (S.TRIAGED, S.REJECTED), (S.INVESTIGATING, S.RESOLVED), (S.INVESTIGATING, S.REJECTED)])
def test_allowed_steps(current: ComplaintStatus, target: ComplaintStatus) -> None:
    rules.check_transition(current, target)


@pytest.mark.parametrize("current, target", [
    (S.RECEIVED, S.INVESTIGATING), (S.RECEIVED, S.RESOLVED), (S.TRIAGED, S.RECEIVED), (S.INVESTIGATING, S.TRIAGED),
    (S.RESOLVED, S.REJECTED), (S.REJECTED, S.TRIAGED), (S.RESOLVED, S.INVESTIGATING)])
def test_out_of_order_steps_are_conflicts(current: ComplaintStatus, target: ComplaintStatus) -> None:
    with pytest.raises(StateConflict):
        rules.check_transition(current, target)


def _content(**overrides: object) -> rules.Content:
    fields: dict = dict(product_name="燃气灶", description="熄火保护装置失效，火焰熄灭后仍在出气")
    fields.update(overrides)
    return rules.check_content(**fields)


@pytest.mark.parametrize("overrides, field", [
    (dict(product_name="  "), "productName"), (dict(product_name="x" * 201), "productName"),
    (dict(description="short"), "description"), (dict(description="x" * 5001), "description"),
    (dict(brand="b" * 101), "brand"), (dict(product_code="6901234567891"), "productCode"),
    (dict(region="999999"), "region"), (dict(region="4403"), "region"), (dict(contact_phone="12345"), "contactPhone"),
    (dict(contact_email="not-an-email"), "contactEmail"), (dict(order_number="#$%^&*"), "orderNumber"),
    (dict(pseudonymous=True, contact_phone="13800138000"), "contactPhone"),
    (dict(photo_ids=[f"{i:024x}" for i in range(7)]), "photoIds"), (dict(platform="p" * 101), "platform")])
def test_impossible_content_names_the_field(overrides: dict, field: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        _content(**overrides)
    assert refused.value.field == field


def test_content_is_normalised_and_repeated_photos_count_once() -> None:
    c = _content(brand="  示范  Demo ", product_code="690-1234-567892", contact_phone="+86 138 0013 8000",
                 photo_ids=["a" * 24, "b" * 24, "a" * 24], region="440305")
    assert c.brand == "示范 Demo"
    assert c.product_code_type is ProductCodeType.GTIN and c.product_key == "06901234567892"
    assert c.contact_phone == "+8613800138000"
    assert c.photo_ids == ("a" * 24, "b" * 24)


def test_fingerprint_tells_a_retry_from_a_different_complaint() -> None:
    a = _content(photo_ids=["a" * 24, "b" * 24])
    assert a.fingerprint() == _content(photo_ids=["b" * 24, "a" * 24, "a" * 24]).fingerprint()
    assert a.fingerprint() != _content(photo_ids=["a" * 24]).fingerprint()
    assert a.fingerprint() != _content(photo_ids=["a" * 24, "b" * 24], brand="X").fingerprint()


@pytest.mark.parametrize("key", ["short", "x" * 129, "has space in it", "emoji-🙂-key"])
def test_bad_idempotency_keys(key: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        rules.check_idempotency_key(key)
    assert refused.value.field == "idempotencyKey"


def test_signals_group_by_gtin_brand_and_category_within_the_window() -> None:
    now = datetime(2026, 11, 20, tzinfo=UTC)

    def c(i: int, days: int, **fields: object) -> dict:
        return {"_id": f"{i:024x}", "created_at": now - timedelta(days=days), "status": "RECEIVED", **fields}

    docs = [c(1, 1, product_key="02026000000114", product_code_type="GTIN", brand="Demo", category="Power banks"),
            c(2, 5, product_key="02026000000114", product_code_type="GTIN", brand="demo ", category="power banks"),
            c(3, 29, product_key="02026000000114", product_code_type="GTIN", brand="DEMO"),
            c(4, 31, product_key="02026000000114", product_code_type="GTIN", brand="Demo"),  # outside the window
            c(5, 2, product_key="02026000000114", product_code_type="GTIN", brand="Demo", status="REJECTED"),
            c(6, 2, brand="Other", category="Power banks")]
    found = {(s.group, s.key): s.count for s in rules.signals(docs, now, timedelta(days=30), 3)}
    assert found == {(SignalGroup.GTIN, "02026000000114"): 3, (SignalGroup.BRAND, "demo"): 3,
                     (SignalGroup.CATEGORY, "power banks"): 3}
    assert rules.signals(docs, now, timedelta(days=30), 4) == []


@pytest.mark.parametrize("raw, kind, valid, key", [
    ("6901234567892", ProductCodeType.GTIN, True, "06901234567892"),
    ("6901234567891", ProductCodeType.GTIN, False, "06901234567891"),
    ("036000291452", ProductCodeType.GTIN, True, "00036000291452"),  # UPC-A
    ("96385074", ProductCodeType.GTIN, True, "00000096385074"),  # EAN-8
    ("(01)06901234567892", ProductCodeType.GTIN, True, "06901234567892"),  # GS1 element string from a scanner
    ("pjz2trace2025000017", ProductCodeType.TRACE_CODE, True, "PJZ2TRACE2025000017"),
    ("充电宝 Demo", ProductCodeType.TEXT, True, "充电宝 demo"),
])
def test_codes_are_classified(raw: str, kind: ProductCodeType, valid: bool, key: str) -> None:
    code = classify(raw)
    assert (code.type, code.valid, code.key) == (kind, valid, key)


def test_gtin_variants_cover_every_length() -> None:
    assert classify("036000291452").variants() == ["00036000291452", "0036000291452", "036000291452"]


@pytest.mark.parametrize("raw", ["", "   ", "x" * 201])
def test_empty_or_long_codes_are_bad_input(raw: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        classify(raw)
    assert refused.value.field == "code"


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_check_digits_agree_with_stdnum(body: str) -> None:
    gtin = with_check_digit(body)
    assert ean.is_valid(gtin)
    assert classify(gtin).valid and normalise_gtin(gtin) == gtin.zfill(14)
    wrong = gtin[:-1] + str((int(gtin[-1]) + 1) % 10)
    assert not classify(wrong).valid
