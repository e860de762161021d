"""Recall rules without a database: status order, progress, completion rate, duties and their state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from documents.core.errors import RuleViolation, StateConflict
from documents.enums import (
    DutyKind,
    DutyState,
    Measure,
    RecallStatus,
    RecallType,
    WarningStatus,
)
from documents.recalls.rules import (
    NEXT_STATUS,
    Progress,
    TransitionRefused,
    check_transition,
    check_units_affected,
    completion_rate,
    duty_state,
    next_progress_report,
    ordered_recall_duties,
    overdue_by,
    progress_report_duty,
    report_progress,
    warning_recall_duties,
)

S = RecallStatus
ORDER = [S.ANNOUNCED, S.IN_PROGRESS, S.COMPLETED, S.CLOSED]
UTC_NOON = datetime(2026, 9, 25, 4, 0, tzinfo=UTC)  # Friday 25 Sept 2026, 12:00 CST


@pytest.mark.parametrize("current, target", [(a, b) for a in ORDER for b in ORDER])
def test_only_the_next_status_is_allowed(current: RecallStatus, target: RecallStatus) -> None:
    if ORDER.index(target) == ORDER.index(current) + 1:
        assert check_transition(current, target) is target
    else:
        with pytest.raises(TransitionRefused) as refused:
            check_transition(current, target)
        assert refused.value.field == "status" and isinstance(refused.value, StateConflict)


def test_first_progress_starts_the_recall_and_all_units_complete_it() -> None:
    update = report_progress(Progress(S.ANNOUNCED, 1_000), 10, 500.0)
    assert update.transitions == (S.IN_PROGRESS,) and update.progress == Progress(S.IN_PROGRESS, 1_000, 10, 500.0)
    done = report_progress(update.progress, 1_000)
    assert done.transitions == (S.COMPLETED,) and done.progress.refunds_cny == 500.0
    at_once = report_progress(Progress(S.ANNOUNCED, 5), 5)
    assert at_once.transitions == (S.IN_PROGRESS, S.COMPLETED)
    with pytest.raises(TransitionRefused):
        report_progress(done.progress, 1_000)


@pytest.mark.parametrize("units, refunds, field", [
    (-1, None, "unitsRecovered"), (99, None, "unitsRecovered"), (1_001, None, "unitsRecovered"),
    (100, -0.01, "refundsCny"), (100, 49.0, "refundsCny"), (100, float("nan"), "refundsCny")])
def test_bad_progress_names_its_field(units: int, refunds: float | None, field: str) -> None:
    with pytest.raises(RuleViolation) as bad:
        report_progress(Progress(S.IN_PROGRESS, 1_000, 100, 50.0), units, refunds)
    assert bad.value.field == field


def test_units_affected_at_least_one() -> None:
    assert check_units_affected(1) == 1
    with pytest.raises(RuleViolation) as bad:
        check_units_affected(0)
    assert bad.value.field == "unitsAffected"


def test_completion_rate_of_the_2025_power_bank_recalls() -> None:
    # SAMR, Sept 2025: Romoss 167,000 = 34.1 %, Anker 565,000 = 78.7 %, Xiaomi 17,000 = 12 %.
    assert completion_rate(167_000, 489_736) == 0.341
    assert completion_rate(565_000, 717_916) == 0.787
    assert completion_rate(17_000, 141_667) == 0.12
    assert completion_rate(5, 0) == 0.0 and completion_rate(10, 5) == 1.0
    assert completion_rate(99_999, 100_000) == 0.9999 and completion_rate(100_000, 100_000) == 1.0


def test_ordered_recall_owes_a_plan_in_ten_working_days_and_a_first_report() -> None:
    plan, first = ordered_recall_duties(RecallType.ORDERED, "USCC", UTC_NOON, "RC-2026-000001")
    # 28, 29, 30 Sept, the National Day holiday, then 8, 9, 10 (make-up Saturday), 12, 13, 14, 15 Oct.
    assert plan.kind is DutyKind.RECALL_PLAN and plan.deadline.day == date(2026, 10, 15)
    assert plan.due_at == datetime(2026, 10, 15, 15, 59, 59, tzinfo=UTC)
    assert first.kind is DutyKind.FIRST_PROGRESS_REPORT and first.due_at > plan.due_at
    assert ordered_recall_duties(RecallType.VOLUNTARY, "USCC", UTC_NOON, "RC-2026-000002") == []


def test_monthly_progress_report_until_completed() -> None:
    announced = datetime(2026, 1, 30, 2, 0, tzinfo=UTC)
    # 30 Jan + 1 month is 28 Feb (clamped to the month's end), a make-up working Saturday in 2026.
    assert next_progress_report(S.ANNOUNCED, announced).day == date(2026, 2, 28)
    # 31 Dec 2025 + 1 month is Saturday 31 Jan 2026, a day off: due Monday 2 Feb.
    assert next_progress_report(S.ANNOUNCED, datetime(2025, 12, 31, 2, 0, tzinfo=UTC)).day == date(2026, 2, 2)
    reported = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    assert next_progress_report(S.IN_PROGRESS, announced, reported).day == date(2026, 10, 8)  # 1 Oct is a holiday
    assert next_progress_report(S.COMPLETED, announced, reported) is None
    assert progress_report_duty(S.CLOSED, "USCC", "RC", announced) is None
    duty = progress_report_duty(S.IN_PROGRESS, "USCC", "RC", announced, reported)
    assert duty is not None and duty.kind is DutyKind.PROGRESS_REPORT


def test_warning_with_defect_recall_puts_a_duty_on_each_named_enterprise() -> None:
    duties = warning_recall_duties(WarningStatus.PUBLISHED, [Measure.DEFECT_RECALL, Measure.TAKE_DOWN],
                                   ["A", "B", "A"], UTC_NOON, "RW-2026-000001")
    assert [(d.enterprise_uscc, d.kind, d.warning_code) for d in duties] == [
        ("A", DutyKind.RECALL_FOR_WARNING, "RW-2026-000001"), ("B", DutyKind.RECALL_FOR_WARNING, "RW-2026-000001")]
    assert warning_recall_duties(WarningStatus.DRAFT, [Measure.DEFECT_RECALL], ["A"], None, "RW") == []
    assert warning_recall_duties(WarningStatus.PUBLISHED, [Measure.TAKE_DOWN], ["A"], UTC_NOON, "RW") == []


def test_duty_state() -> None:
    due = datetime(2026, 10, 14, 15, 59, 59, tzinfo=UTC)
    assert duty_state(due, None, due) is DutyState.OPEN
    assert duty_state(due, None, due + timedelta(seconds=1)) is DutyState.OVERDUE
    assert duty_state(due, due + timedelta(days=3), due + timedelta(days=9)) is DutyState.MET
    assert duty_state(due.replace(tzinfo=None), None, due - timedelta(hours=1)) is DutyState.OPEN
    assert overdue_by(due, due + timedelta(days=3), due + timedelta(days=9)) == timedelta(days=3)
    assert overdue_by(due, None, due - timedelta(days=1)) == timedelta(0)


# --- properties -------------------------------------------------------------------------------------------

@st.composite
def report_sequences(draw: st.DrawFn) -> tuple[int, list[tuple[int, float | None]]]:
    affected = draw(st.integers(min_value=1, max_value=10**7))
    reports = draw(st.lists(st.tuples(st.integers(min_value=-5, max_value=affected + 5),
                                      st.one_of(st.none(), st.floats(min_value=-10, max_value=1e9))), max_size=12))
    return affected, reports


@given(report_sequences())
def test_units_never_decrease_and_no_status_is_skipped(case: tuple[int, list[tuple[int, float | None]]]) -> None:
    affected, reports = case
    progress = Progress(S.ANNOUNCED, affected)
    for units, refunds in reports:
        try:
            update = report_progress(progress, units, refunds)
        except (RuleViolation, StateConflict):
            continue
        new = update.progress
        assert new.units_recovered >= progress.units_recovered and new.refunds_cny >= progress.refunds_cny
        assert 0 <= new.units_recovered <= affected
        chain = (progress.status, *update.transitions)
        assert all(NEXT_STATUS[a] is b for a, b in pairwise(chain))
        assert chain[-1] is new.status and (new.status is S.COMPLETED) == (new.units_recovered == affected)
        assert 0.0 <= new.completion_rate <= 1.0
        progress = new


@given(st.integers(min_value=-10, max_value=10**9), st.integers(min_value=-10, max_value=10**9))
def test_completion_in_unit_interval(recovered: int, affected: int) -> None:
    rate = completion_rate(recovered, affected)
    assert 0.0 <= rate <= 1.0 and (rate == 1.0) == (affected > 0 and recovered >= affected)


@given(st.datetimes(min_value=datetime(2005, 1, 1), max_value=datetime(2026, 10, 1)),
       st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=120)))
def test_next_report_is_a_working_day_a_month_on(announced: datetime, gap: timedelta) -> None:
    announced = announced.replace(tzinfo=UTC)
    deadline = next_progress_report(S.IN_PROGRESS, announced, announced + gap)
    assert deadline is not None
    assert timedelta(days=27) < deadline.due_at - (announced + gap) < timedelta(days=32 + 12)
