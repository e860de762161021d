"""The benchmark instrument runs end to end (tiny data) and reports every scenario; no timing is asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.stack import ROOT

SCENARIOS = {"cold_list", "hot_list", "nested", "nested_recalls", "recall_progress", "complaint_burst", "fanout_1000",
             "fanout_5000", "subscriber_memory"}


def test_quick_bench_reports_every_scenario_without_loss(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    env = {**os.environ, "BENCH_QUICK": "1", "BENCH_RESULTS": str(results)}
    env.pop("MONGODB_URI", None)
    run = subprocess.run([sys.executable, "-m", "bench"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    scenarios = json.loads(results.read_text())["scenarios"]
    assert set(scenarios) >= SCENARIOS
    for name in ("cold_list", "hot_list", "nested", "nested_recalls", "recall_progress", "complaint_burst",
                 "fanout_1000", "fanout_5000"):
        s = scenarios[name]
        assert s["throughput"] > 0 and s["floor_throughput"] > 0 and s["ratio"] > 0, name
    for name in ("fanout_1000", "fanout_5000", "complaint_burst"):
        assert scenarios[name]["lost"] == 0 and scenarios[name]["duplicated"] == 0, name
    assert scenarios["nested_recalls"]["db_round_trips_per_request"] > 0
    # The write paths: every report and every filing answered (a CONFLICT is retried, never an error), retried keys
    # answered from the stored complaint, and the service's answers match the floor's on the recall pages.
    for name in ("recall_progress", "complaint_burst"):
        assert scenarios[name]["service"]["errors"] == 0, scenarios[name]["service"]["first_error"]
        assert scenarios[name]["floor"]["errors"] == 0, scenarios[name]["floor"]["first_error"]
    assert "conflicts" in scenarios["recall_progress"] and "floor_conflicts" in scenarios["recall_progress"]
    assert scenarios["complaint_burst"]["retries_answered"] > 0
    assert scenarios["complaint_burst"]["service"]["stored"] == scenarios["complaint_burst"]["service"]["acked_keys"]
    assert not [m for m in json.loads(results.read_text())["meta"]["answer_mismatches"] if "recalls" in m]
    assert scenarios["subscriber_memory"]["kb_per_subscription"] > 0
    assert "floor" in run.stdout  # the table prints every floor beside its scenario
