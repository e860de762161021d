"""Lighthouse (mobile, default throttling) on the consumer home, a warning detail and the recall list, against the
live service: Performance ≥ 90, Accessibility 100, Best Practices 100, SEO ≥ 95, CLS ≤ 0.05 (scores, not timings).

The run takes about 45 s on two cores, so it runs only with QSRADAR_LIGHTHOUSE=1 (`make lighthouse`); with
QSRADAR_LIGHTHOUSE_JSON=<path> it checks an existing summary written by frontend/scripts/lighthouse.mjs instead.
QSRADAR_LIGHTHOUSE_RUNS=3 runs each page three times and keeps the median run (the Performance score moves with the
machine's load); CLS is checked on the worst run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "frontend" / "scripts" / "lighthouse.mjs"
SUMMARY = ROOT / "frontend" / "lighthouse" / "summary.json"
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 95}
MAX_CLS = 0.05


def run_lighthouse(base_url: str) -> dict[str, Any]:
    given = os.environ.get("QSRADAR_LIGHTHOUSE_JSON")
    if given:
        return json.loads(Path(given).read_text())
    if os.environ.get("QSRADAR_LIGHTHOUSE") != "1":
        pytest.skip("Lighthouse runs with QSRADAR_LIGHTHOUSE=1 (make lighthouse): about 45 s")
    if not shutil.which("node") or not (ROOT / "frontend" / "node_modules" / "lighthouse").exists():
        pytest.skip("node and frontend/node_modules/lighthouse are needed (npm ci in frontend/)")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is not installed")
    subprocess.run(["node", str(SCRIPT), "--base", base_url, "--out", str(SUMMARY),
                    "--reports", str(SUMMARY.parent / "reports")],
                   cwd=ROOT / "frontend", check=True, timeout=600)
    return json.loads(SUMMARY.read_text())


def test_lighthouse_scores_meet_the_targets(live_server: Any) -> None:
    summary = run_lighthouse(live_server.base_url)
    assert set(summary["pages"]) == {"home", "warning", "recalls"}
    short: list[str] = []
    for name, page in summary["pages"].items():
        assert not page.get("runtimeError"), (name, page["runtimeError"])
        for category, target in TARGETS.items():
            if page[category] < target:
                short.append(f"{name}: {category} {page[category]} < {target} (runs: {page.get('performanceRuns')}, "
                             f"not full: {page.get('notFull')})")
        cls = page.get("worstCls", page["cls"])
        if cls is None or cls > MAX_CLS:
            short.append(f"{name}: CLS {cls} > {MAX_CLS}")
    assert not short, "\n".join(short)
