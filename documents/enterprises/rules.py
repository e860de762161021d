"""Credit rules under GACC Decree No. 282, pure: USCC check, tier order, downgrade, breaches, repair, objections.

Nothing here writes: thresholds return a proposal for a regulator to decide, reviews return the level to set.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import ValidationError

from documents.core.clock import aware
from documents.core.errors import RuleViolation, StateConflict
from documents.core.workdays import Deadline, add_working_days
from documents.enums import BreachGrade, CreditLevel, ReviewState

# Best first. Decree 282 (in force 2026-04-01) adds AEO_CERTIFIED between advanced AEO and regular firms.
TIERS: tuple[CreditLevel, ...] = (
    CreditLevel.AEO_ADVANCED,
    CreditLevel.AEO_CERTIFIED,
    CreditLevel.REGULAR,
    CreditLevel.DISHONEST,
    CreditLevel.SERIOUSLY_DISHONEST,
)
FLOOR = TIERS[-1]
DISHONEST_TIERS = frozenset({CreditLevel.DISHONEST, CreditLevel.SERIOUSLY_DISHONEST})

# An overdue duty becomes a GENERAL breach only after this grace, so a report filed a few hours late over a
# weekend is not a credit event. A product setting, passed in by the caller.
DEFAULT_OVERDUE_GRACE = timedelta(days=7)
OVERDUE_BREACH_GRADE = BreachGrade.GENERAL
# GENERAL breaches within the window that propose DISHONEST; one SERIOUS breach is enough.
DEFAULT_GENERAL_BREACH_THRESHOLD = 3
BREACH_WINDOW_MONTHS = 12
# Objections are reviewed within 20 working days; credit-repair applications on the same clock.
REVIEW_WORKING_DAYS = 20


def validate_uscc(code: str, field: str = "uscc") -> str:
    """The canonical unified social credit code (GB 32100-2015, check digit included) or RuleViolation on `field`."""
    try:
        # stdnum's compact() drops spaces and hyphens and upper-cases: what people paste from licences.
        return str(stdnum_uscc.validate(code))
    except ValidationError as exc:
        raise RuleViolation(f"{code!r} is not a valid unified social credit code: {exc}", field=field) from exc


def uscc_check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a code."""
    return str(stdnum_uscc.calc_check_digit(first17))


def rank(level: CreditLevel) -> int:
    """0 for AEO_ADVANCED (best) .. 4 for SERIOUSLY_DISHONEST."""
    return TIERS.index(level)


def is_better(a: CreditLevel, b: CreditLevel) -> bool:
    """True when `a` is a higher tier than `b`."""
    return rank(a) < rank(b)


def downgrade(level: CreditLevel) -> CreditLevel:
    """The CREDIT_DOWNGRADE measure: one tier lower, never below SERIOUSLY_DISHONEST."""
    return TIERS[min(rank(level) + 1, len(TIERS) - 1)]


def should_record_overdue_breach(overdue: timedelta, grace: timedelta = DEFAULT_OVERDUE_GRACE,
                                 already_recorded: bool = False) -> bool:
    """True when an overdue duty, late by more than `grace`, has not yet produced its one GENERAL breach."""
    if grace < timedelta(0):
        raise RuleViolation("the grace period cannot be negative", field="grace")
    return not already_recorded and overdue > grace


@dataclass(frozen=True)
class Breach:
    """A breach record (轻微/一般/严重) and when it was recorded."""

    grade: BreachGrade
    at: datetime


@dataclass(frozen=True)
class Proposal:
    """A suggested credit change for a regulator to approve; never applied by the rules."""

    from_level: CreditLevel
    to_level: CreditLevel
    reason: str
    breaches: tuple[Breach, ...]


def _months_before(moment: datetime, months: int) -> datetime:
    # Twelve calendar months back (29 Feb -> 28 Feb), not 365 days: "within 12 months" as people read it.
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def propose_dishonest(current: CreditLevel, breaches: Iterable[Breach], now: datetime,
                      general_threshold: int = DEFAULT_GENERAL_BREACH_THRESHOLD,
                      counted_after: datetime | None = None) -> Proposal | None:
    """Propose DISHONEST after a SERIOUS breach or `general_threshold` GENERAL ones within 12 months.

    `counted_after` (e.g. the last repair) excludes breaches already dealt with; dishonest firms get no proposal.
    """
    if general_threshold < 1:
        raise RuleViolation("the threshold must be at least 1", field="generalThreshold")
    if current in DISHONEST_TIERS:
        return None
    now = aware(now)
    start = _months_before(now, BREACH_WINDOW_MONTHS)
    if counted_after is not None:
        start = max(start, aware(counted_after))
    recent = tuple(b for b in breaches if start < aware(b.at) <= now)
    serious = tuple(b for b in recent if b.grade is BreachGrade.SERIOUS)
    if serious:
        return Proposal(current, CreditLevel.DISHONEST, "serious breach / 严重失信行为", serious)
    general = tuple(b for b in recent if b.grade is BreachGrade.GENERAL)
    if len(general) >= general_threshold:
        return Proposal(current, CreditLevel.DISHONEST,
                        f"{len(general)} general breaches within 12 months / "
                        f"12个月内{len(general)}次一般失信行为", general)
    return None


class LevelChange(Protocol):
    """A credit-history entry (documents.enterprises.models.CreditChange has this shape)."""

    @property
    def from_level(self) -> CreditLevel | None: ...

    @property
    def to_level(self) -> CreditLevel: ...


def repair_restores(current: CreditLevel, history: Sequence[LevelChange]) -> CreditLevel:
    """The level an approved credit repair restores: the one before the downgrade that set the current level."""
    last = history[-1] if history else None
    if last is None or last.to_level != current or last.from_level is None or not is_better(last.from_level, current):
        # Only a standing downgrade can be repaired; an initial rating or an upgrade has no previous tier to restore.
        raise StateConflict("there is no downgrade to repair")
    return last.from_level


def objection_reverses(current: CreditLevel, history: Sequence[LevelChange], index: int = -1) -> CreditLevel:
    """The level an upheld objection restores: the `from_level` of the change objected to, if still in force."""
    if not history:
        raise StateConflict("there is no rating change to object to")
    try:
        change = history[index]
    except IndexError:
        raise RuleViolation("no such credit change", field="change") from None
    if change is not history[-1] or change.to_level != current:
        # A later change superseded it: reversing an old step would silently undo the later decision too.
        raise StateConflict("a later credit change supersedes the one objected to")
    if change.from_level is None:
        raise StateConflict("an initial rating has no previous level to restore")
    return change.from_level


def review_result(state: ReviewState, current: CreditLevel, restored: CreditLevel) -> CreditLevel:
    """The level after a review: `restored` when APPROVED, unchanged when REJECTED; a PENDING one decides nothing."""
    if state is ReviewState.PENDING:
        raise StateConflict("the application is still under review")
    return restored if state is ReviewState.APPROVED else current


def review_deadline(submitted_at: date | datetime, working_days: int = REVIEW_WORKING_DAYS) -> Deadline:
    """When a repair application or an objection must be decided: 20 working days after submission."""
    return add_working_days(submitted_at, working_days)
