"""Recall rules, pure: status order, progress validation, completion rate, enterprise duties and their state."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from documents.core.clock import aware
from documents.core.errors import RuleViolation, StateConflict
from documents.core.workdays import Deadline, add_working_days, cst_date
from documents.enums import (
    DutyKind,
    DutyState,
    Measure,
    RecallStatus,
    RecallType,
    WarningStatus,
)

# A recall only moves forward, one step at a time: effect evaluation needs every stage on record.
NEXT_STATUS: dict[RecallStatus, RecallStatus] = {
    RecallStatus.ANNOUNCED: RecallStatus.IN_PROGRESS,
    RecallStatus.IN_PROGRESS: RecallStatus.COMPLETED,
    RecallStatus.COMPLETED: RecallStatus.CLOSED,
}
# Progress can be reported while units are still coming back.
REPORTABLE = frozenset({RecallStatus.ANNOUNCED, RecallStatus.IN_PROGRESS})

# Deadlines in working days. The 10-day recall plan is the product's rule for ordered recalls; the first
# report leaves the enterprise 10 more working days to start the plan. Both are parameters of the functions.
RECALL_PLAN_WORKING_DAYS = 10
FIRST_REPORT_WORKING_DAYS = 20
WARNING_RECALL_WORKING_DAYS = 10
PROGRESS_REPORT_MONTHS = 1


class TransitionRefused(StateConflict):
    """A status change out of order; a StateConflict (CONFLICT) that also names the field."""

    def __init__(self, message: str, field: str = "status") -> None:
        super().__init__(message)
        self.field = field


def check_transition(current: RecallStatus, target: RecallStatus) -> RecallStatus:
    """Return `target` when it is the next status after `current`; raise TransitionRefused otherwise."""
    if NEXT_STATUS.get(current) != target:
        allowed = NEXT_STATUS.get(current)
        hint = f"only {allowed.value} may follow" if allowed else "it is final"
        raise TransitionRefused(f"recall cannot go from {current.value} to {target.value}: {hint}")
    return target


def path_to(current: RecallStatus, target: RecallStatus) -> tuple[RecallStatus, ...]:
    """The statuses passed through from `current` to `target`, each one step (empty when equal)."""
    steps: list[RecallStatus] = []
    status = current
    while status != target:
        status = check_transition(status, NEXT_STATUS.get(status, target))
        steps.append(status)
    return tuple(steps)


def completion_rate(units_recovered: int, units_affected: int) -> float:
    """Recovered / affected in [0, 1], 4 decimals; 0 when nothing is affected, below 1 until all are back."""
    if units_affected <= 0:
        return 0.0
    rate = min(max(round(units_recovered / units_affected, 4), 0.0), 1.0)
    # Rounding must not announce a complete recall while units are still out (99,999 of 100,000).
    return min(rate, 0.9999) if units_recovered < units_affected else rate


def check_units_affected(units_affected: int) -> int:
    """Units affected at announcement: at least 1 (a recall of nothing is a mistake)."""
    if units_affected < 1:
        raise RuleViolation("units affected must be at least 1", field="unitsAffected")
    return units_affected


@dataclass(frozen=True)
class Progress:
    """The figures a recall reports, with its status."""

    status: RecallStatus
    units_affected: int
    units_recovered: int = 0
    refunds_cny: float = 0.0

    @property
    def completion_rate(self) -> float:
        return completion_rate(self.units_recovered, self.units_affected)


@dataclass(frozen=True)
class ProgressUpdate:
    """A validated progress report: the new figures and the statuses passed through (in order)."""

    progress: Progress
    transitions: tuple[RecallStatus, ...]


def report_progress(current: Progress, units_recovered: int, refunds_cny: float | None = None) -> ProgressUpdate:
    """Validate a report: units only grow up to units affected, refunds >= 0 and never shrink; status follows."""
    if current.status not in REPORTABLE:
        raise TransitionRefused(f"recall is {current.status.value}; progress can no longer be reported")
    if units_recovered < 0:
        raise RuleViolation("units recovered cannot be negative", field="unitsRecovered")
    if units_recovered < current.units_recovered:
        raise RuleViolation("units recovered cannot decrease", field="unitsRecovered")
    if units_recovered > current.units_affected:
        raise RuleViolation("more units recovered than affected", field="unitsRecovered")
    refunds = current.refunds_cny
    if refunds_cny is not None:
        if refunds_cny != refunds_cny or refunds_cny < 0:  # NaN compares unequal to itself
            raise RuleViolation("refunds must be a number >= 0", field="refundsCny")
        if refunds_cny < current.refunds_cny:
            raise RuleViolation("refunds cannot decrease", field="refundsCny")
        refunds = refunds_cny
    # The first report shows the recall is under way; all units back completes it (through IN_PROGRESS).
    target = RecallStatus.COMPLETED if units_recovered == current.units_affected else RecallStatus.IN_PROGRESS
    transitions = path_to(current.status, target)
    return ProgressUpdate(Progress(target, current.units_affected, units_recovered, refunds), transitions)


@dataclass(frozen=True)
class Duty:
    """Something an enterprise owes the regulator by a deadline."""

    kind: DutyKind
    enterprise_uscc: str
    deadline: Deadline
    recall_code: str | None = None
    warning_code: str | None = None

    @property
    def due_at(self) -> datetime:
        return self.deadline.due_at


def ordered_recall_duties(recall_type: RecallType, enterprise_uscc: str, ordered_at: datetime, recall_code: str,
                          plan_days: int = RECALL_PLAN_WORKING_DAYS,
                          first_report_days: int = FIRST_REPORT_WORKING_DAYS) -> list[Duty]:
    """An ordered recall owes a recall plan and a first progress report; a voluntary one owes neither."""
    if recall_type is not RecallType.ORDERED:
        return []
    return [Duty(DutyKind.RECALL_PLAN, enterprise_uscc, add_working_days(ordered_at, plan_days), recall_code),
            Duty(DutyKind.FIRST_PROGRESS_REPORT, enterprise_uscc, add_working_days(ordered_at, first_report_days),
                 recall_code)]


def _add_months(day: date, months: int) -> date:
    # 31 Jan + 1 month is the last day of February, not 3 March: a month is a calendar month.
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def next_progress_report(status: RecallStatus, announced_at: datetime, last_report_at: datetime | None = None,
                         months: int = PROGRESS_REPORT_MONTHS) -> Deadline | None:
    """When the next periodic report is due (a month after the last one, or the announcement); None once completed."""
    if status not in REPORTABLE:
        return None
    since = max(aware(announced_at), aware(last_report_at)) if last_report_at else aware(announced_at)
    # A period ending on a day off ends on the next working day (Civil Code Art. 203).
    return add_working_days(_add_months(cst_date(since), months), 0)


def progress_report_duty(status: RecallStatus, enterprise_uscc: str, recall_code: str, announced_at: datetime,
                         last_report_at: datetime | None = None) -> Duty | None:
    """The open periodic progress-report duty of a recall, or None once it is completed."""
    deadline = next_progress_report(status, announced_at, last_report_at)
    return Duty(DutyKind.PROGRESS_REPORT, enterprise_uscc, deadline, recall_code) if deadline else None


def warning_recall_duties(status: WarningStatus, measures: Iterable[Measure], enterprise_usccs: Iterable[str],
                          published_at: datetime | None, warning_code: str,
                          days: int = WARNING_RECALL_WORKING_DAYS) -> list[Duty]:
    """A published warning ordering DEFECT_RECALL puts a recall duty on each enterprise it names (once each)."""
    if status is not WarningStatus.PUBLISHED or Measure.DEFECT_RECALL not in set(measures) or published_at is None:
        return []
    deadline = add_working_days(published_at, days)
    return [Duty(DutyKind.RECALL_FOR_WARNING, uscc, deadline, warning_code=warning_code)
            for uscc in dict.fromkeys(enterprise_usccs)]


def duty_state(due_at: datetime, met_at: datetime | None, now: datetime) -> DutyState:
    """MET once met (even late: lateness is `overdue_by`), OVERDUE after the deadline, OPEN before it."""
    if met_at is not None:
        return DutyState.MET
    return DutyState.OVERDUE if aware(now) > aware(due_at) else DutyState.OPEN


def overdue_by(due_at: datetime, met_at: datetime | None, now: datetime) -> timedelta:
    """How long the duty was or is late: to when it was met, or to now; zero when on time."""
    end = aware(met_at) if met_at is not None else aware(now)
    return max(end - aware(due_at), timedelta(0))


# ---- duty titles, closing and effectiveness ------------------------------------------------------------------

_DUTY_TITLES: dict[DutyKind, tuple[str, str]] = {
    DutyKind.RECALL_PLAN: ("提交召回计划", "Submit the recall plan"),
    DutyKind.FIRST_PROGRESS_REPORT: ("提交首次召回进展报告", "Submit the first recall progress report"),
    DutyKind.PROGRESS_REPORT: ("提交月度召回进展报告", "Submit the monthly recall progress report"),
    DutyKind.RECALL_FOR_WARNING: ("按风险警示实施缺陷召回", "Recall the defective products named by the warning"),
}


def duty_title(kind: DutyKind, recall_code: str | None, warning_code: str | None) -> tuple[str, str]:
    """The duty's title in Chinese and English, naming the recall or warning it is about."""
    zh, en = _DUTY_TITLES[kind]
    ref = recall_code or warning_code
    return (f"{zh}（{ref}）", f"{en} ({ref})") if ref else (zh, en)


# Duties met by a progress report; the others (a plan, a recall answering a warning) are met by their own act.
PROGRESS_DUTIES = frozenset({DutyKind.FIRST_PROGRESS_REPORT, DutyKind.PROGRESS_REPORT})
MAX_REASON = 1000


def check_reason(reason: str, field: str = "reason") -> str:
    """A required, bounded reason (audit and history keep it)."""
    value = reason.strip()
    if not value:
        raise RuleViolation("a reason is required", field=field)
    if len(value) > MAX_REASON:
        raise RuleViolation(f"{field} is longer than {MAX_REASON} characters", field=field)
    return value


@dataclass(frozen=True)
class EffectRow:
    """One recall as effectiveness statistics see it."""

    key: str
    units_affected: int
    units_recovered: int
    refunds_cny: float


@dataclass(frozen=True)
class Effectiveness:
    """Totals of one group: recalls, units, refunds and the completion rate of the summed units."""

    key: str
    recalls: int
    units_affected: int
    units_recovered: int
    refunds_cny: float

    @property
    def completion_rate(self) -> float:
        return completion_rate(self.units_recovered, self.units_affected)


def effectiveness(rows: Iterable[EffectRow]) -> list[Effectiveness]:
    """Group recalls by key; the rate is recovered / affected over the group's units (a big recall weighs more).
    Largest groups (by units affected) first, then by key."""
    totals: dict[str, list[float]] = {}
    for row in rows:
        t = totals.setdefault(row.key, [0, 0, 0, 0.0])
        t[0] += 1
        t[1] += row.units_affected
        t[2] += row.units_recovered
        t[3] += row.refunds_cny
    out = [Effectiveness(key, int(t[0]), int(t[1]), int(t[2]), round(t[3], 2)) for key, t in totals.items()]
    return sorted(out, key=lambda e: (-e.units_affected, e.key))
