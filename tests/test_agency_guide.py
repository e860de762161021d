"""docs/agencies.md: every curl and Python example runs against the live service as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from documents.webhooks import rules
from tests.stack import DEMO_PASSWORD, Stack

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "agencies.md"
_BLOCK = re.compile(r"```(sh|python)\n(.*?)```", re.S)


def blocks(language: str) -> list[str]:
    return [code for lang, code in _BLOCK.findall(GUIDE.read_text(encoding="utf-8")) if lang == language]


@pytest.fixture
def env(live_server: Stack) -> dict[str, str]:
    return {**os.environ, "QSRADAR": live_server.base_url, "CLIENT_ID": "demo-agency", "CLIENT_SECRET": DEMO_PASSWORD}


def test_the_curl_examples_run(env: dict[str, str]) -> None:
    script = "set -euo pipefail\n" + "\n".join(blocks("sh"))
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("true") == 3  # each `jq -e` check held


def test_the_python_examples_run(env: dict[str, str], live_server: Stack) -> None:
    examples = blocks("python")
    assert len(examples) == 3
    for code in examples[:2]:
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    assert "warnings; budget left:" in subprocess.run([sys.executable, "-c", examples[0]], env=env,
                                                      capture_output=True, text=True, timeout=120).stdout
    # The endpoint the guide registered: there, with its secret masked; then removed again.
    token = live_server.agency_token().json()["access_token"]
    listed = live_server.gql("{ webhookEndpoints { id url secret } }", token=token)["data"]["webhookEndpoints"]
    mine = [e for e in listed if e["url"] == "https://agency.example/qsradar"]
    assert mine and all(e["secret"].startswith("whsec_…") for e in mine)
    for e in mine:
        live_server.gql("mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }", {"id": e["id"]}, token=token)
    # The receiver's verification accepts a genuine delivery and refuses a forged or replayed one.
    namespace: dict = {}
    exec(examples[2], namespace)
    verify = namespace["verify"]
    secret, body, now = rules.new_secret(), b'{"type":"PUBLISHED"}', int(time.time())
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(now),
               "webhook-signature": rules.sign(secret, "msg_1", now, body.decode())}
    assert verify(secret, headers, body)
    assert not verify(secret, headers, body + b" ")
    assert not verify(rules.new_secret(), headers, body)
    old = {**headers, "webhook-timestamp": str(now - 3600),
           "webhook-signature": rules.sign(secret, "msg_1", now - 3600, body.decode())}
    assert not verify(secret, old, body)
