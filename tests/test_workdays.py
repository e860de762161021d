"""Working days in mainland China: holidays, make-up working days (调休), CST deadlines, fallback years."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from documents.core.workdays import (
    CST,
    add_working_days,
    is_working_day,
    working_days_between,
)

# The State Council schedules as shipped by chinesecalendar 1.11: weekend days that are working days.
MAKE_UP_2025 = [date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11)]
MAKE_UP_2026 = [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20),
                date(2026, 10, 10)]

covered_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 11, 30))


@pytest.mark.parametrize("day", MAKE_UP_2025 + MAKE_UP_2026)
def test_make_up_weekend_days_are_working_days(day: date) -> None:
    assert day.weekday() >= 5 and is_working_day(day) == (True, True)


def test_national_day_2026_and_its_make_up_saturday() -> None:
    assert all(is_working_day(date(2026, 10, d)) == (False, True) for d in range(1, 8))
    # Wednesday 30 Sept + 1 working day skips the whole holiday: Thursday 8 Oct.
    assert add_working_days(date(2026, 9, 30), 1).day == date(2026, 10, 8)
    # 8 Thu, 9 Fri, 10 Sat (make-up), 12 Mon.
    assert add_working_days(date(2026, 9, 30), 3).day == date(2026, 10, 10)
    assert add_working_days(date(2026, 9, 30), 4).day == date(2026, 10, 12)
    # Sunday 20 Sept is worked too.
    assert add_working_days(date(2026, 9, 18), 1).day == date(2026, 9, 20)


def test_spring_festival_2026() -> None:
    # Friday 13 Feb: Saturday 14 Feb is worked, then 15-23 Feb are off.
    assert add_working_days(date(2026, 2, 13), 1).day == date(2026, 2, 14)
    assert add_working_days(date(2026, 2, 13), 2).day == date(2026, 2, 24)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 24)).days == 2


def test_twenty_working_days_across_national_day_2025() -> None:
    deadline = add_working_days(date(2025, 9, 26), 20)
    assert deadline.day == date(2025, 10, 30) and deadline.calendar_exact and not deadline.fallback


def test_deadline_ends_at_midnight_china_time_of_the_cst_day() -> None:
    # 17:00 UTC on Tuesday 29 Sept 2026 is already Wednesday 30 Sept in China.
    deadline = add_working_days(datetime(2026, 9, 29, 17, 0, tzinfo=UTC), 1)
    assert deadline.day == date(2026, 10, 8)
    assert deadline.due_at == datetime(2026, 10, 8, 15, 59, 59, tzinfo=UTC)
    assert deadline.due_at.astimezone(CST).time().isoformat() == "23:59:59"
    # A naive datetime is UTC (what PyMongo returns without tz_aware).
    assert add_working_days(datetime(2026, 9, 29, 17, 0), 1) == deadline


def test_years_beyond_the_calendar_fall_back_to_monday_to_friday() -> None:
    deadline = add_working_days(date(2035, 9, 28), 5)  # Friday 28 Sept 2035; 1 Oct would be a holiday
    assert deadline.day == date(2035, 10, 5) and deadline.fallback and not deadline.calendar_exact
    count = working_days_between(date(2035, 1, 1), date(2035, 1, 8))
    assert (count.days, count.calendar_exact) == (5, False)
    # Crossing from a covered year into an uncovered one also says so.
    assert add_working_days(date(2026, 12, 30), 5).fallback


def test_zero_days_is_the_first_working_day_and_negative_is_refused() -> None:
    assert add_working_days(date(2026, 10, 1), 0).day == date(2026, 10, 8)
    assert add_working_days(date(2026, 10, 9), 0).day == date(2026, 10, 9)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 10, 9), -1)


@given(covered_days, st.integers(min_value=0, max_value=40))
def test_result_is_a_working_day_after_the_start(start: date, n: int) -> None:
    deadline = add_working_days(start, n)
    assert is_working_day(deadline.day)[0] and deadline.day >= start
    assert (deadline.day > start) if n else True


@given(covered_days, st.integers(min_value=0, max_value=40))
def test_monotone_in_n(start: date, n: int) -> None:
    # Strictly after the first working day; n=0 on a day off is the same day as n=1.
    before, after = add_working_days(start, n).day, add_working_days(start, n + 1).day
    assert before < after if n else before <= after


@given(covered_days, st.integers(min_value=1, max_value=40))
def test_between_inverts_add(start: date, n: int) -> None:
    deadline = add_working_days(start, n)
    assert working_days_between(start, deadline.day).days == n
    assert working_days_between(deadline.day, start).days == -n
    assert working_days_between(start, deadline.day - timedelta(days=1)).days == n - 1


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2099, 12, 1)), st.integers(min_value=0, max_value=30))
def test_fallback_years_count_weekdays(start: date, n: int) -> None:
    deadline = add_working_days(start, n)
    assert deadline.fallback and deadline.day.weekday() < 5
    assert working_days_between(start, deadline.day).days == (n or int(deadline.day != start))
