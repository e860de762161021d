"""Recall duties built by the actions' pure helpers (no database): deadlines in working days across National Day
2026 and its make-up Saturday, the Monday-Friday fallback past the holiday calendar, and the state filter."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from documents.enums import DutyKind, DutyState, Measure, RecallStatus, RecallType, WarningStatus
from documents.recalls import rules
from documents.recalls.actions import _opening_duties
from documents.recalls.duties import cause_key, state_query, to_document
from documents.recalls.models import Recall, RecallDuty, due_sort_key
from tests.stack import Stack

USCC = "91440300MA5DEM1X0R"


@pytest.fixture(scope="module", autouse=True)
async def registered_documents(live_server: Stack) -> None:
    """Beanie documents must be registered before one is built: on the session's embedded server, in a database of
    their own (as tests/test_warning_rules.py does); the helpers themselves never touch it."""
    from beanie import init_beanie
    from pymongo import AsyncMongoClient

    client: AsyncMongoClient = AsyncMongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/"
                                                "?directConnection=true")
    await init_beanie(database=client["rules"], document_models=[Recall, RecallDuty], skip_indexes=True)
# Tuesday 29 Sept 2026, 10:00 China time: National Day runs 1-7 Oct, Saturday 10 Oct is a make-up working day.
BEFORE_NATIONAL_DAY = datetime(2026, 9, 29, 2, 0, tzinfo=UTC)


def recall(recall_type: RecallType, at: datetime) -> Recall:
    r = Recall(code="RC-2026-000123", product_name="p", type=recall_type, enterprise_uscc=USCC, units_affected=10,
               announced_at=at)
    r.refresh_derived()
    return r


def test_ordered_recall_plan_deadline_across_national_day_2026_and_its_make_up_saturday() -> None:
    plan, first = _opening_duties(recall(RecallType.ORDERED, BEFORE_NATIONAL_DAY))
    # Working days after 29 Sept: 30 Sept, 8, 9, 10 (Saturday, made up), 12, 13, 14, 15, 16, 19 Oct.
    assert plan.kind is DutyKind.RECALL_PLAN and plan.due_day == "2026-10-19" and plan.calendar_exact
    assert plan.due_at == datetime(2026, 10, 19, 15, 59, 59, tzinfo=UTC)  # 23:59:59 China time
    assert first.kind is DutyKind.FIRST_PROGRESS_REPORT and first.due_day == "2026-11-02"
    assert {plan.cause_key, first.cause_key} == {f"RECALL_PLAN:{plan.recall_id}",
                                                 f"FIRST_PROGRESS_REPORT:{first.recall_id}"}


def test_voluntary_recall_owes_a_monthly_report_on_a_working_day() -> None:
    (monthly,) = _opening_duties(recall(RecallType.VOLUNTARY, datetime(2026, 9, 1, 2, 0, tzinfo=UTC)))
    # 1 Oct is National Day: the month ends on the first working day after the holiday.
    assert monthly.kind is DutyKind.PROGRESS_REPORT and monthly.due_day == "2026-10-08"
    assert monthly.cause_key.endswith(":0")


def test_deadline_past_the_calendar_falls_back_and_says_so() -> None:
    plan, _ = _opening_duties(recall(RecallType.ORDERED, datetime(2026, 12, 28, 2, 0, tzinfo=UTC)))
    assert not plan.calendar_exact and date.fromisoformat(plan.due_day).weekday() < 5


def test_warning_duty_per_named_enterprise() -> None:
    duties = rules.warning_recall_duties(WarningStatus.PUBLISHED, [Measure.DEFECT_RECALL], [USCC, "B", USCC],
                                         BEFORE_NATIONAL_DAY, "RW-2026-000009")
    docs = [to_document(d, cause_key(d.kind, "w1", d.enterprise_uscc), at=BEFORE_NATIONAL_DAY) for d in duties]
    assert [(d.enterprise_uscc, d.due_day) for d in docs] == [(USCC, "2026-10-19"), ("B", "2026-10-19")]
    assert docs[0].cause_key == f"RECALL_FOR_WARNING:w1:{USCC}"


def test_state_query_derives_open_and_overdue_from_now() -> None:
    now = datetime(2026, 11, 23, tzinfo=UTC)
    assert state_query([], now) is None and state_query(list(DutyState), now) is None
    assert state_query([DutyState.OVERDUE], now) == {"met_at": None, "due_at": {"$lt": now}}
    assert state_query([DutyState.OPEN], now) == {"met_at": None, "due_at": {"$gte": now}}
    assert state_query([DutyState.MET, DutyState.OVERDUE], now) == {
        "$or": [{"met_at": {"$ne": None}}, {"met_at": None, "due_at": {"$lt": now}}]}


def test_duties_page_soonest_deadline_first() -> None:
    early, late = datetime(2026, 10, 8, tzinfo=UTC), datetime(2026, 10, 9, tzinfo=UTC)
    assert due_sort_key(early, "b") > due_sort_key(late, "a")  # pages run descending on the key


def test_effectiveness_weighs_units() -> None:
    rows = rules.effectiveness([rules.EffectRow("A", 100, 50, 1.0), rules.EffectRow("A", 900, 0, 0.0),
                                rules.EffectRow("B", 10, 10, 0.0)])
    assert [(r.key, r.recalls, r.units_affected, r.completion_rate) for r in rows] == [
        ("A", 2, 1000, 0.05), ("B", 1, 10, 1.0)]
    assert RecallStatus.COMPLETED not in rules.REPORTABLE


def test_listing_duties_by_two_states_returns_the_rows_it_counts(live_server: Stack, tokens: dict[str, str]) -> None:
    """OPEN and OVERDUE together once counted 2 and listed none (the embedded server's `$and` with a null)."""
    query = "query($s: [DutyState!]) { recallDuties(filter: {states: $s}, first: 100) { totalCount edges { node { " \
            "id state } } } }"
    both = live_server.gql(query, {"s": ["OPEN", "OVERDUE"]}, token=tokens["regulator"])
    assert "errors" not in both, both
    page = both["data"]["recallDuties"]
    assert page["totalCount"] == len(page["edges"]) > 0
    assert {e["node"]["state"] for e in page["edges"]} <= {"OPEN", "OVERDUE"}
    one_by_one = sum(live_server.gql(query, {"s": [s]}, token=tokens["regulator"])["data"]["recallDuties"]["totalCount"]
                     for s in ("OPEN", "OVERDUE"))
    assert one_by_one == page["totalCount"]
