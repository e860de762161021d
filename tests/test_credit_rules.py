"""Credit rules (GACC Decree No. 282) without a database: USCC, tiers, downgrade, breaches, repair, objections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from documents.core.errors import RuleViolation, StateConflict
from documents.enterprises.rules import (
    FLOOR,
    TIERS,
    Breach,
    downgrade,
    objection_reverses,
    propose_dishonest,
    rank,
    repair_restores,
    review_deadline,
    review_result,
    should_record_overdue_breach,
    uscc_check_character,
    validate_uscc,
)
from documents.enums import BreachGrade, CreditLevel, ReviewState

C = CreditLevel
G = BreachGrade
NOW = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Change:
    from_level: CreditLevel | None
    to_level: CreditLevel


def test_the_demo_uscc_is_valid_and_the_old_one_is_not() -> None:
    assert validate_uscc("91440300MA5DEM1X0R") == "91440300MA5DEM1X0R"
    assert validate_uscc(" 9144 0300 ma5d-em1x0r ") == "91440300MA5DEM1X0R"  # pasted with spaces, lower case
    assert uscc_check_character("91440300MA5DEM1X0") == "R"


@pytest.mark.parametrize("code", ["91440300MA5DEMO001",  # letter O is not in the GB 32100 alphabet
                                  "91440300MA5DEM1X0S",  # wrong check character
                                  "91440300MA5DEM1X0", "", "not a code"])
def test_invalid_uscc_names_the_field(code: str) -> None:
    with pytest.raises(RuleViolation) as bad:
        validate_uscc(code)
    assert bad.value.field == "uscc"
    with pytest.raises(RuleViolation) as named:
        validate_uscc(code, field="enterpriseUsccs.0")
    assert named.value.field == "enterpriseUsccs.0"


def test_tier_order_and_downgrade() -> None:
    assert TIERS == (C.AEO_ADVANCED, C.AEO_CERTIFIED, C.REGULAR, C.DISHONEST, C.SERIOUSLY_DISHONEST)
    assert [downgrade(t) for t in TIERS] == [C.AEO_CERTIFIED, C.REGULAR, C.DISHONEST, C.SERIOUSLY_DISHONEST,
                                             C.SERIOUSLY_DISHONEST]


def test_overdue_duty_records_one_general_breach_after_the_grace() -> None:
    grace = timedelta(days=7)
    assert not should_record_overdue_breach(timedelta(days=7), grace)
    assert should_record_overdue_breach(timedelta(days=7, seconds=1), grace)
    assert not should_record_overdue_breach(timedelta(days=30), grace, already_recorded=True)
    assert should_record_overdue_breach(timedelta(seconds=1), timedelta(0))
    with pytest.raises(RuleViolation):
        should_record_overdue_breach(timedelta(days=1), timedelta(days=-1))


def test_serious_breach_or_three_general_ones_propose_dishonest() -> None:
    serious = propose_dishonest(C.AEO_CERTIFIED, [Breach(G.SERIOUS, NOW - timedelta(days=3))], NOW)
    assert serious is not None and (serious.from_level, serious.to_level) == (C.AEO_CERTIFIED, C.DISHONEST)
    two = [Breach(G.GENERAL, NOW - timedelta(days=d)) for d in (10, 100)]
    assert propose_dishonest(C.REGULAR, two, NOW) is None
    three = [*two, Breach(G.GENERAL, NOW - timedelta(days=300))]
    proposal = propose_dishonest(C.REGULAR, three, NOW)
    assert proposal is not None and proposal.to_level is C.DISHONEST and len(proposal.breaches) == 3
    assert propose_dishonest(C.REGULAR, [*two, Breach(G.MINOR, NOW)], NOW) is None
    # 12 calendar months: 1 June 2025 is outside, 2 June 2025 inside.
    assert propose_dishonest(C.REGULAR, [*two, Breach(G.GENERAL, datetime(2025, 6, 1, 4, 0, tzinfo=UTC))], NOW) is None
    assert propose_dishonest(C.REGULAR, [*two, Breach(G.GENERAL, datetime(2025, 6, 2, tzinfo=UTC))], NOW) is not None
    assert propose_dishonest(C.REGULAR, three, NOW, general_threshold=4) is None
    # Breaches before a repair were dealt with; a dishonest firm gets no new proposal.
    assert propose_dishonest(C.REGULAR, three, NOW, counted_after=NOW - timedelta(days=50)) is None
    assert propose_dishonest(C.DISHONEST, three, NOW) is None


def test_repair_and_objection() -> None:
    history = [Change(None, C.AEO_CERTIFIED), Change(C.AEO_CERTIFIED, C.REGULAR), Change(C.REGULAR, C.DISHONEST)]
    assert repair_restores(C.DISHONEST, history) is C.REGULAR
    assert objection_reverses(C.DISHONEST, history) is C.REGULAR
    with pytest.raises(StateConflict):
        objection_reverses(C.DISHONEST, history, index=1)  # superseded by the later downgrade
    with pytest.raises(StateConflict):
        repair_restores(C.AEO_CERTIFIED, history[:1])  # an initial rating: nothing to repair
    with pytest.raises(StateConflict):
        repair_restores(C.AEO_CERTIFIED, [Change(C.REGULAR, C.AEO_CERTIFIED)])  # an upgrade is not repaired
    assert review_result(ReviewState.APPROVED, C.DISHONEST, C.REGULAR) is C.REGULAR
    assert review_result(ReviewState.REJECTED, C.DISHONEST, C.REGULAR) is C.DISHONEST
    with pytest.raises(StateConflict):
        review_result(ReviewState.PENDING, C.DISHONEST, C.REGULAR)


def test_review_deadline_is_twenty_working_days() -> None:
    # Submitted Friday 25 Sept 2026: the National Day week and the make-up Saturday 10 Oct are counted right.
    deadline = review_deadline(datetime(2026, 9, 25, 2, 0, tzinfo=UTC))
    assert deadline.day == date(2026, 10, 29) and deadline.calendar_exact


# --- properties -------------------------------------------------------------------------------------------

levels = st.sampled_from(list(CreditLevel))


@given(levels)
def test_downgrade_moves_at_most_one_tier_never_below_the_floor(level: CreditLevel) -> None:
    lower = downgrade(level)
    assert rank(lower) - rank(level) == (0 if level is FLOOR else 1)
    assert rank(lower) <= rank(FLOOR)


@given(levels, st.integers(min_value=0, max_value=10))
def test_repeated_downgrades_stop_at_the_floor(level: CreditLevel, times: int) -> None:
    for _ in range(times):
        level = downgrade(level)
    assert rank(level) <= rank(FLOOR)


@given(st.lists(levels, min_size=1, max_size=6), st.sampled_from(list(CreditLevel)[:-1]))
def test_downgrade_then_repair_or_objection_round_trips(path: list[CreditLevel], start: CreditLevel) -> None:
    history = [Change(None, path[0])] + [Change(a, b) for a, b in pairwise(path) if a != b]
    current = history[-1].to_level
    if current is FLOOR:  # nothing lower to round-trip through: a regulator first sets a tier that can move
        history.append(Change(current, start))
        current = start
    lower = downgrade(current)
    history.append(Change(current, lower))
    assert repair_restores(lower, history) is current
    assert objection_reverses(lower, history) is current
    assert review_result(ReviewState.REJECTED, lower, current) is lower


@given(st.lists(st.tuples(st.sampled_from(list(BreachGrade)), st.integers(min_value=0, max_value=800)), max_size=10),
       levels)
def test_proposals_only_ever_point_to_dishonest_and_never_upgrade(raw: list[tuple[BreachGrade, int]],
                                                                  level: CreditLevel) -> None:
    breaches = [Breach(g, NOW - timedelta(days=d)) for g, d in raw]
    proposal = propose_dishonest(level, breaches, NOW)
    if proposal is not None:
        assert proposal.to_level is C.DISHONEST and rank(proposal.from_level) < rank(C.DISHONEST)
        assert all(NOW - timedelta(days=366) < b.at <= NOW for b in proposal.breaches)


def test_demo_data_is_honest() -> None:
    """Every demo USCC is valid; real firms are REGULAR with no invented history; each tier has a fictional story."""
    from documents.demo import data as demo_data

    codes = [e["uscc"] for e in demo_data.ENTERPRISES]
    assert demo_data.DEMO_USCC == "91440300MA5DEM1X0R" and len(set(codes)) == len(codes)
    assert all(validate_uscc(code) == code for code in codes)
    by_code = {e["uscc"]: e for e in demo_data.ENTERPRISES}
    for code in demo_data.REAL_COMPANIES:
        assert by_code[code]["credit_level"] is C.REGULAR and code not in demo_data.HISTORIES
        assert "虚构" not in by_code[code]["name"]
    fictional = [e for e in demo_data.ENTERPRISES if e["uscc"] not in demo_data.REAL_COMPANIES]
    assert all("虚构" in e["name"] and "fictional" in e["name_en"] for e in fictional)
    assert {e["credit_level"] for e in fictional} == set(CreditLevel)
    for e in fictional:
        history = demo_data.HISTORIES[e["uscc"]]
        assert history[0][0] is None and history[-1][1] is e["credit_level"]
        assert all(a[1] == b[0] for a, b in pairwise(history))  # each change starts where the last ended
    # The power-bank recalls keep SAMR's published figures.
    recalls = {code: fields for code, _, fields in demo_data.RECALLS}
    assert [(recalls[c]["units_recovered"], recalls[c]["refunds_cny"]) for c in
            ("RC-2025-000001", "RC-2025-000002", "RC-2025-000003")] == [
        (167_000, 22_837_000.0), (565_000, 85_664_000.0), (17_000, 2_700_000.0)]
    assert {recalls[c]["enterprise_uscc"] for c in ("RC-2025-000001", "RC-2025-000002", "RC-2025-000003")} == \
        demo_data.REAL_COMPANIES
    assert set(demo_data.RENAMED_USCCS.values()) == set(codes)
