"""Credit rules on the documents, without a database (issue 12): breaches, proposals, repair and objection
reviews, CREDIT_DOWNGRADE, profile validation, the review queue's order and fuzzy search."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from documents.core.errors import RuleViolation, StateConflict
from documents.core.workdays import add_working_days
from documents.enterprises.models import (
    CreditApplication,
    Enterprise,
    apply_review,
    new_application,
    queue_key,
    search_form,
)
from documents.enterprises.rules import FLOOR, TIERS, downgrade, should_record_overdue_breach
from documents.enums import BreachGrade, BreachSource, CreditApplicationKind, CreditBasis, CreditLevel, ReviewState
from tests.stack import Stack

C = CreditLevel


@pytest.fixture(scope="module", autouse=True)
async def registered_documents(live_server: Stack) -> None:
    """Beanie documents must be registered before use (as in tests/test_warning_rules.py): on the session's embedded
    server, in a database of their own; the rules themselves never touch it."""
    from beanie import init_beanie
    from pymongo import AsyncMongoClient

    client: AsyncMongoClient = AsyncMongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/"
                                                "?directConnection=true")
    await init_beanie(database=client["credit_rules"], document_models=[Enterprise, CreditApplication],
                      skip_indexes=True)

NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
USCC = "91440300MA5DEM1X0R"


def firm(level: CreditLevel = C.REGULAR) -> Enterprise:
    e = Enterprise(uscc=USCC, name="测试（虚构）", credit_level=level)
    e.credit_history = []
    return e


def test_repair_restores_the_previous_tier_and_closes_its_breach_keeping_history() -> None:
    e = firm(C.AEO_CERTIFIED)
    breach = e.record_breach(BreachGrade.GENERAL, "查验不合格", "regulator", at=NOW)
    e.set_credit_level(C.REGULAR, "降级", "regulator", basis=CreditBasis.BREACH, basis_ref=breach.id)
    app = new_application(e, CreditApplicationKind.REPAIR, "已整改", "member", at=NOW)
    assert app.breach_id == breach.id and app.state is ReviewState.PENDING
    assert app.due_at == add_working_days(NOW, 20).due_at
    change = apply_review(e, app, True, "准予修复", "regulator", at=NOW + timedelta(days=3))
    assert change is not None and (change.from_level, change.to_level) == (C.REGULAR, C.AEO_CERTIFIED)
    assert (change.basis, change.basis_ref) == (CreditBasis.REPAIR, str(app.id))
    assert e.credit_level is C.AEO_CERTIFIED and len(e.credit_history) == 2
    assert e.breaches == [breach] and not breach.is_open and breach.closed_by == str(app.id)
    with pytest.raises(StateConflict):
        apply_review(e, app, False, "again", "regulator")  # a decided application is final


def test_repair_of_a_breach_without_a_downgrade_only_closes_it() -> None:
    e = firm()
    breach = e.record_breach(BreachGrade.MINOR, "标签", "regulator")
    app = new_application(e, CreditApplicationKind.REPAIR, "已整改", "member")
    assert apply_review(e, app, True, "ok", "regulator") is None
    assert e.credit_level is C.REGULAR and not breach.is_open
    with pytest.raises(StateConflict):
        new_application(e, CreditApplicationKind.REPAIR, "again", "member")  # nothing left to repair


def test_a_rejected_repair_changes_nothing() -> None:
    e = firm(C.AEO_ADVANCED)
    e.set_credit_level(C.AEO_CERTIFIED, "降级", "regulator")
    app = new_application(e, CreditApplicationKind.REPAIR, "已整改", "member")
    assert app.breach_id is None
    assert apply_review(e, app, False, "整改不到位", "regulator") is None
    assert app.state is ReviewState.REJECTED and app.pending_key is None and e.credit_level is C.AEO_CERTIFIED


def test_an_upheld_objection_reverses_only_the_change_still_in_force() -> None:
    e = firm()
    e.set_credit_level(C.DISHONEST, "认定", "regulator")
    app = new_application(e, CreditApplicationKind.OBJECTION, "有误", "member")
    assert app.change_index == 0
    change = apply_review(e, app, True, "成立", "regulator")
    assert change is not None and change.basis is CreditBasis.OBJECTION_UPHELD and e.credit_level is C.REGULAR
    e.set_credit_level(C.DISHONEST, "再次认定", "regulator")
    late = new_application(e, CreditApplicationKind.OBJECTION, "有误", "member")
    e.set_credit_level(C.SERIOUSLY_DISHONEST, "加重", "regulator")
    with pytest.raises(StateConflict):
        apply_review(e, late, True, "成立", "regulator")


def test_applications_are_checked() -> None:
    e = firm()
    with pytest.raises(StateConflict):
        new_application(e, CreditApplicationKind.OBJECTION, "x", "member")  # no change to object to
    with pytest.raises(StateConflict):
        new_application(e, CreditApplicationKind.REPAIR, "x", "member")  # nothing to repair
    e.record_breach(BreachGrade.MINOR, "x", "regulator")
    for kwargs, field in (({"reason": " "}, "reason"), ({"evidence_ids": ["a/b"]}, "evidenceIds"),
                          ({"evidence_ids": [f"e{i}" for i in range(21)]}, "evidenceIds"),
                          ({"breach_id": "nope"}, "breachId")):
        args = {"reason": "ok", **kwargs}
        with pytest.raises(RuleViolation) as bad:
            new_application(e, CreditApplicationKind.REPAIR, args.pop("reason"), "member", **args)
        assert bad.value.field == field


def test_breaches_count_once_per_source_and_closed_ones_propose_nothing() -> None:
    e = firm()
    e.record_breach(BreachGrade.GENERAL, "逾期", "rule", source=BreachSource.RECALL_DUTY, source_ref="duty-1", at=NOW)
    with pytest.raises(StateConflict):
        e.record_breach(BreachGrade.GENERAL, "逾期", "rule", source=BreachSource.RECALL_DUTY, source_ref="duty-1")
    e.record_breach(BreachGrade.GENERAL, "逾期", "rule", source=BreachSource.RECALL_DUTY, source_ref="duty-2", at=NOW)
    assert e.credit_proposal(NOW, general_threshold=3) is None
    third = e.record_breach(BreachGrade.GENERAL, "申报不实", "regulator", at=NOW)
    proposal = e.credit_proposal(NOW + timedelta(days=1), general_threshold=3)
    assert proposal is not None and proposal.to_level is C.DISHONEST and e.credit_level is C.REGULAR
    third.closed_at = NOW
    assert e.credit_proposal(NOW + timedelta(days=1), general_threshold=3) is None
    assert e.credit_proposal(NOW + timedelta(days=1), general_threshold=2) is not None


@pytest.mark.parametrize("level", list(TIERS))
def test_credit_downgrade_of_a_warning(level: CreditLevel) -> None:
    e = firm(level)
    change = e.downgrade_for_warning("6650f0000000000000000000", "RW-2026-000001", "regulator", NOW)
    if level is FLOOR:
        assert change is None and e.credit_history == []
    else:
        assert change is not None and e.credit_level is downgrade(level)
        assert (change.basis, change.basis_ref) == (CreditBasis.WARNING_MEASURE, "6650f0000000000000000000")
        assert "RW-2026-000001" in change.reason


def test_profile_validation() -> None:
    good = Enterprise(uscc=" 9144 0300 ma5d-em1x0r ", name=" 示范（虚构） ", customs_code="4403960001",
                      region_code="440300", credit_level=C.AEO_CERTIFIED, aeo_certificate_no="AEOCN1",
                      mutual_recognition=["eu", "SG", "EU"])
    good.validate_profile()
    assert (good.uscc, good.name, good.mutual_recognition) == (USCC, "示范（虚构）", ["EU", "SG"])
    assert "91440300ma5dem1x0r" in good.search_text
    for fields, field in (({"uscc": "91440300MA5DEM1X0S"}, "uscc"), ({"customs_code": "44039600"}, "customsCode"),
                          ({"region_code": "040300"}, "regionCode"), ({"name": ""}, "name"),
                          ({"aeo_certificate_no": "AEOCN1"}, "aeoCertificateNo")):
        e = Enterprise(**{"uscc": USCC, "name": "x", **fields})
        with pytest.raises(RuleViolation) as bad:
            e.validate_profile()
        assert bad.value.field == field


def test_fuzzy_search_form_ignores_case_spaces_and_punctuation() -> None:
    assert search_form("Shenzhen Demo Import & Export Co., Ltd. (fictional)") == \
        "shenzhendemoimportexportcoltdfictional"
    assert search_form("深圳市示范进出口贸易有限公司（虚构）") == "深圳市示范进出口贸易有限公司虚构"
    assert search_form("demo import") in search_form("Shenzhen Demo Import & Export")


@given(st.lists(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)),
                min_size=2, max_size=20))
def test_the_review_queue_key_orders_deadlines_ascending(moments: list[datetime]) -> None:
    moments = [m.replace(microsecond=m.microsecond // 1000 * 1000) for m in moments]
    keys = sorted(((queue_key(m, f"{i:024x}"), m) for i, m in enumerate(moments)), reverse=True)
    assert [m for _, m in keys] == sorted(moments)


def test_pending_applications_hold_the_unique_key() -> None:
    app = CreditApplication(enterprise_uscc=USCC, kind=CreditApplicationKind.REPAIR, reason="x", submitted_by="m",
                            due_at=NOW)
    assert app.pending_key == f"{USCC}|REPAIR"
    app.decide(True, "ok", "regulator")
    assert app.pending_key is None and app.state is ReviewState.APPROVED


def test_overdue_rule_grace() -> None:
    assert not should_record_overdue_breach(timedelta(days=7), timedelta(days=7))
    assert should_record_overdue_breach(timedelta(days=7, seconds=1), timedelta(days=7))
    assert not should_record_overdue_breach(timedelta(days=30), timedelta(days=7), already_recorded=True)
