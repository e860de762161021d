"""Periodic upkeep: each worker sweeps overdue recall duties into GENERAL breaches (once each), unprompted."""

from __future__ import annotations

import time
from pathlib import Path

from documents.demo.data import DEMO_USCC
from tests import stack as stack_mod

BREACHES = "query($u: String!) { enterprise(uscc: $u) { breaches { grade source sourceRef } } }"


def test_overdue_duties_become_breaches_once_without_anyone_asking(fresh_dir: Path) -> None:
    # The demo enterprise has a progress report overdue (documents/demo/recalls.py); no grace, a sweep a second.
    with stack_mod.running(fresh_dir, QSRADAR_MAINTENANCE_SECONDS="1", QSRADAR_OVERDUE_DUTY_GRACE_DAYS="0") as s:
        token = s.sign_in("regulator@demo.test")["accessToken"]

        def duty_breaches() -> list[dict]:
            body = s.gql(BREACHES, {"u": DEMO_USCC}, token=token)
            assert "errors" not in body, body
            return [b for b in body["data"]["enterprise"]["breaches"] if b["source"] == "RECALL_DUTY"]

        deadline = time.monotonic() + 30
        while not duty_breaches() and time.monotonic() < deadline:
            time.sleep(0.5)
        first = duty_breaches()
        assert first and all(b["grade"] == "GENERAL" for b in first)
        time.sleep(3)  # three more sweeps
        assert duty_breaches() == first  # each duty recorded once
