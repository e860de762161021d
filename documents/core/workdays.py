"""Working days in mainland China: public holidays and make-up working days (调休), for service deadlines.

Deadlines follow the Civil Code's counting of periods: the start day is not counted (Art. 201), and a period
ends at 24:00 of its last day (Art. 203). Days are those of China Standard Time, where the regulator works.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

import chinese_calendar

# China Standard Time has had no daylight saving since 1991, so a fixed offset is exact.
CST = timezone(timedelta(hours=8), "CST")
# The last second of a day: a deadline "within N working days" is still met at 23:59:59 CST of day N.
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class Deadline:
    """The last working day of a period (CST calendar) and the instant it ends, as a UTC-aware datetime."""

    day: date
    due_at: datetime
    calendar_exact: bool  # False when a year outside the holiday data was counted as Monday-Friday

    @property
    def fallback(self) -> bool:
        """True when part of the count used the Monday-Friday fallback."""
        return not self.calendar_exact


@dataclass(frozen=True)
class WorkingDayCount:
    """A number of working days, and whether the holiday calendar covered every day counted."""

    days: int
    calendar_exact: bool

    def __int__(self) -> int:
        return self.days


def cst_date(moment: date | datetime) -> date:
    """The China Standard Time calendar day of `moment` (a naive datetime is read as UTC, like PyMongo's)."""
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(CST).date()
    return moment


def end_of_day(day: date) -> datetime:
    """23:59:59 CST of `day`, as a UTC-aware datetime (how the rest of the codebase stores times)."""
    return datetime.combine(day, END_OF_DAY, tzinfo=CST).astimezone(UTC)


def is_working_day(day: date) -> tuple[bool, bool]:
    """(is a working day, the holiday calendar knows this year); unknown years fall back to Monday-Friday."""
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:
        # The package only ships the State Council schedules already published (one year ahead at most);
        # Monday-Friday is the best guess until the next schedule is released, and callers are told so.
        return day.weekday() < 5, False


def add_working_days(start: date | datetime, n: int) -> Deadline:
    """The deadline `n` working days after `start`, not counting the start day; n=0 is the first working day from it."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day = cst_date(start)
    exact = True
    if n == 0:
        working, exact = is_working_day(day)
        while not working:
            day += timedelta(days=1)
            working, known = is_working_day(day)
            exact &= known
    remaining = n
    while remaining:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        exact &= known
        remaining -= working
    return Deadline(day=day, due_at=end_of_day(day), calendar_exact=exact)


def working_days_between(a: date | datetime, b: date | datetime) -> WorkingDayCount:
    """Working days after `a` up to and including `b` (CST days); negative when `b` is before `a`."""
    first, last = cst_date(a), cst_date(b)
    sign = 1
    if last < first:
        first, last, sign = last, first, -1
    count, exact = 0, True
    day = first
    while day < last:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        count += working
        exact &= known
    return WorkingDayCount(days=sign * count, calendar_exact=exact)
