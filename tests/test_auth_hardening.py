"""Issue 10 (outside security test): brute-force races, retired keys, OAuth client enumeration and body size,
refresh reuse grace, X-Forwarded-For trust, user enumeration, public URL. All against the running service."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests import stack as stack_mod
from tests.stack import DEMO_PASSWORD, ROOT, Stack, code_of

ME = "{ me { id email role } }"
SIGN_UP = "mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }"
SIGN_IN = "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { accessToken refreshToken } }"
REFRESH = "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }"
DEV_SECRET = "qsradar-development-secret-key-change-me-0000"
PUBLIC_URL = "https://radar.example.test"



def new_account(s: Stack, password: str = "right-password-1") -> tuple[str, dict[str, str]]:
    """A fresh consumer (sign-up is not rate-limited); returns its email and first token pair."""
    email = f"hard-{uuid.uuid4().hex[:10]}@example.test"
    body = s.gql(SIGN_UP, {"i": {"email": email, "password": password}})
    assert "errors" not in body, body
    return email, body["data"]["signUp"]


@pytest.fixture(scope="module")
def hardened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A service that trusts no proxy on 127.0.0.1, with small limits, a public URL and a long refresh grace."""
    with stack_mod.running(tmp_path_factory.mktemp("hardened"),
                           FORWARDED_ALLOW_IPS="10.255.255.1",
                           QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS="4",
                           QSRADAR_OAUTH_MAX_FAILURES_PER_CLIENT="3",
                           QSRADAR_OAUTH_MAX_FAILURES_PER_ADDRESS="5",
                           QSRADAR_PUBLIC_URL=PUBLIC_URL,
                           # long enough that no test step can outlast it (no timing assumption)
                           QSRADAR_REFRESH_REUSE_GRACE="3600") as s:
        yield s


# 1 + 9: brute force cannot race past the limit; every RATE_LIMITED says how long to wait

async def test_concurrent_wrong_passwords_check_at_most_the_limit(live_server: Stack) -> None:
    email, _ = new_account(live_server)
    payload = {"query": SIGN_IN, "variables": {"e": email, "p": "wrong-password-0"}}
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=120) as client:
        answers = await asyncio.gather(*(client.post("/graphql", json=payload) for _ in range(40)))
    codes = [code_of(a.json()) for a in answers]
    assert set(codes) <= {"UNAUTHENTICATED", "RATE_LIMITED"}, codes
    assert len([c for c in codes if c != "RATE_LIMITED"]) <= 5, codes
    for answer in answers:
        error = answer.json()["errors"][0]
        if error["extensions"]["code"] == "RATE_LIMITED":
            assert isinstance(error["extensions"]["retryAfter"], int) and error["extensions"]["retryAfter"] > 0
    right = live_server.gql(SIGN_IN, {"e": email, "p": "right-password-1"})
    assert code_of(right) == "RATE_LIMITED"
    assert right["errors"][0]["extensions"]["retryAfter"] > 0


# 2 + 8: production refuses weak retired keys and private webhook deliveries

@pytest.mark.parametrize("extra, named", [
    ({"QSRADAR_PREVIOUS_SECRET_KEYS": DEV_SECRET}, "QSRADAR_PREVIOUS_SECRET_KEYS"),
    ({"QSRADAR_PREVIOUS_SECRET_KEYS": f"{'o' * 40}, too-short-old-key"}, "QSRADAR_PREVIOUS_SECRET_KEYS"),
    ({"QSRADAR_WEBHOOK_ALLOW_PRIVATE": "1"}, "QSRADAR_WEBHOOK_ALLOW_PRIVATE"),
])
def test_production_refuses_unsafe_settings(fresh_dir: Path, extra: dict[str, str], named: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QSRADAR_") and k != "MONGODB_URI"}
    env.update({"QSRADAR_ENV": "production", "QSRADAR_DATA_DIR": str(fresh_dir),
                "QSRADAR_SECRET_KEY": "s" * 48, "PORT": str(stack_mod.free_port()), **extra})
    process = subprocess.Popen([sys.executable, "-m", "gql"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)  # it started: stop it and its embedded database
        process.communicate(timeout=30)
        pytest.fail(f"production started with {extra}")
    assert process.returncode != 0
    assert named in stderr and "refus" in stderr


# 3: /oauth/token answers unknown ids and wrong secrets alike, and limits failures

def _token(s: Stack, client_id: str, secret: str, *, basic: bool = True) -> httpx.Response:
    form = {"grant_type": "client_credentials"}
    if basic:
        return httpx.post(f"{s.base_url}/oauth/token", data=form, auth=(client_id, secret), timeout=30)
    return httpx.post(f"{s.base_url}/oauth/token", data={**form, "client_id": client_id, "client_secret": secret},
                      timeout=30)


def test_oauth_unknown_client_and_wrong_secret_answer_alike(live_server: Stack, tokens: dict[str, str]) -> None:
    client_id = f"hard-{uuid.uuid4().hex[:8]}"
    created = live_server.gql(
        'mutation($c: String!) { createAgencyClient(input: {clientId: $c, name: "Hardening", scopes: [WARNINGS_READ]}) '
        '{ clientSecret } }', {"c": client_id}, token=tokens["admin"])
    assert "errors" not in created, created
    for basic in (True, False):
        wrong = _token(live_server, client_id, "wrong-secret", basic=basic)
        unknown = _token(live_server, f"nobody-{uuid.uuid4().hex[:8]}", "wrong-secret", basic=basic)
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json() and wrong.json()["error"] == "invalid_client"
        assert wrong.headers.get("www-authenticate") == unknown.headers.get("www-authenticate")
    secret = created["data"]["createAgencyClient"]["clientSecret"]
    assert _token(live_server, client_id, secret).status_code == 200


def test_oauth_failures_are_limited_per_client_and_address(hardened: Stack) -> None:
    for _ in range(3):
        assert _token(hardened, "demo-agency", "wrong-secret").status_code == 401
    limited = _token(hardened, "demo-agency", "wrong-secret")
    assert limited.status_code == 429 and limited.json()["error"]
    assert int(limited.headers["retry-after"]) > 0
    # while limited, even the right secret is not checked
    assert _token(hardened, "demo-agency", DEMO_PASSWORD).status_code == 429
    # unknown ids count against the address too: 3 + 2 = the address limit of 5
    for name in ("ghost-a", "ghost-b"):
        assert _token(hardened, name, "guess").status_code == 401
    by_address = _token(hardened, "ghost-c", "guess")
    assert by_address.status_code == 429 and int(by_address.headers["retry-after"]) > 0


# 4: the token endpoint streams its body and stops at 16 KB

def test_oauth_body_is_capped_while_streaming(live_server: Stack) -> None:
    def megabyte() -> Iterator[bytes]:
        yield b"grant_type=client_credentials&pad="
        for _ in range(64):
            yield b"x" * 16384

    response = httpx.post(f"{live_server.base_url}/oauth/token", content=megabyte(), timeout=30,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert "content-length" not in response.request.headers  # really chunked, nothing declared
    assert response.status_code == 413 and response.json()["error"] == "invalid_request"
    declared = httpx.post(f"{live_server.base_url}/oauth/token", content=b"x" * 20000, timeout=30,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert declared.status_code == 413
    assert httpx.get(f"{live_server.base_url}/healthz").status_code == 200
    assert live_server.agency_token("warnings:read").status_code == 200


# 5: refresh rotation tolerates a second tab, not a replay

def test_refresh_reuse_within_grace_keeps_the_session(hardened: Stack) -> None:
    _, first = new_account(hardened)
    second = hardened.gql(REFRESH, {"t": first["refreshToken"]})["data"]["refreshToken"]
    # the other tab presents the token just rotated: a valid pair of the same session, no revocation
    again = hardened.gql(REFRESH, {"t": first["refreshToken"]})
    assert "errors" not in again, again
    third = again["data"]["refreshToken"]
    assert third["refreshToken"] not in (first["refreshToken"], second["refreshToken"])
    assert hardened.gql(ME, token=third["accessToken"])["data"]["me"]["role"] == "CONSUMER"
    assert hardened.gql(ME, token=second["accessToken"])["data"]["me"]["role"] == "CONSUMER"
    fourth = hardened.gql(REFRESH, {"t": second["refreshToken"]})["data"]["refreshToken"]
    # `first` is now two rotations old: presenting it is theft, the whole family dies
    assert code_of(hardened.gql(REFRESH, {"t": first["refreshToken"]})) == "UNAUTHENTICATED"
    assert code_of(hardened.gql(REFRESH, {"t": fourth["refreshToken"]})) == "UNAUTHENTICATED"
    assert code_of(hardened.gql(REFRESH, {"t": third["refreshToken"]})) == "UNAUTHENTICATED"
    assert hardened.post(ME, token=fourth["accessToken"]).status_code == 401


def test_refresh_reuse_after_grace_revokes_the_family(fresh_dir: Path) -> None:
    with stack_mod.running(fresh_dir, QSRADAR_REFRESH_REUSE_GRACE="0") as s:
        _, first = new_account(s)
        second = s.gql(REFRESH, {"t": first["refreshToken"]})["data"]["refreshToken"]
        assert code_of(s.gql(REFRESH, {"t": first["refreshToken"]})) == "UNAUTHENTICATED"
        assert code_of(s.gql(REFRESH, {"t": second["refreshToken"]})) == "UNAUTHENTICATED"
        assert s.post(ME, token=second["accessToken"]).status_code == 401


# 6: X-Forwarded-For from an untrusted peer changes nothing

def test_forwarded_for_from_untrusted_peer_does_not_dodge_the_address_limit(hardened: Stack) -> None:
    # successes give their reservation back: they do not eat into the address budget of 4
    for _ in range(3):
        hardened.sign_in("consumer@demo.test")
    for i in range(4):
        body = hardened.gql(SIGN_IN, {"e": f"xff-victim{i}@x.test", "p": "wrong-password"},
                            headers={"X-Forwarded-For": f"203.0.113.{i + 1}"})
        assert code_of(body) == "UNAUTHENTICATED"
    limited = hardened.gql(SIGN_IN, {"e": "xff-victim9@x.test", "p": "wrong-password"},
                           headers={"X-Forwarded-For": "198.51.100.77"})
    assert code_of(limited) == "RATE_LIMITED" and limited["errors"][0]["extensions"]["retryAfter"] > 0


# 7: an unknown email and a wrong password look the same

def test_unknown_email_and_wrong_password_fail_alike(live_server: Stack) -> None:
    email, _ = new_account(live_server)
    wrong = live_server.gql(SIGN_IN, {"e": email, "p": "wrong-password-1"})["errors"]
    unknown = live_server.gql(SIGN_IN, {"e": f"nobody-{uuid.uuid4().hex[:8]}@example.test",
                                        "p": "wrong-password-1"})["errors"]
    assert len(wrong) == len(unknown) == 1
    assert wrong[0]["message"] == unknown[0]["message"] == "email or password is incorrect"
    assert wrong[0]["extensions"] == unknown[0]["extensions"] == {"code": "UNAUTHENTICATED"}


# 8: OAuth metadata comes from the configured public URL, never the Host header

def test_oauth_metadata_ignores_a_forged_host(live_server: Stack, hardened: Stack) -> None:
    path = "/.well-known/oauth-authorization-server"
    forged = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
    meta = httpx.get(f"{live_server.base_url}{path}", headers=forged).json()
    assert meta["issuer"] == live_server.base_url
    assert meta["token_endpoint"] == f"{live_server.base_url}/oauth/token"
    configured = httpx.get(f"{hardened.base_url}{path}", headers=forged).json()
    assert configured["issuer"] == PUBLIC_URL and configured["token_endpoint"] == f"{PUBLIC_URL}/oauth/token"
