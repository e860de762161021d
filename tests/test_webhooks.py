"""Webhooks (issue 14): endpoints per agency client (and ADMIN), deliveries driven by the change log, signed per the
Standard Webhooks spec, filtered by types, level and the owner's visibility, retried after a failure with the same
webhook-id, never sent twice after a restart, disabled after failing for the whole retry window; outbound safety."""

from __future__ import annotations

import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from documents.core.errors import RuleViolation
from documents.db.embedded_server import free_port
from documents.webhooks import rules
from gql.core import cursors
from gql.core.node import decode_id
from tests import stack as stack_mod
from tests.stack import Stack

ENV = {"QSRADAR_WEBHOOK_ALLOW_PRIVATE": "1", "QSRADAR_WEBHOOK_RETRY_BASE": "0.3", "QSRADAR_WEBHOOK_POLL": "0.2",
       "QSRADAR_WEBHOOK_TIMEOUT": "5"}
CREATE = "mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { id url secret enabled eventTypes " \
         "minLevel } }"
DELETE = "mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }"
LIST = "{ webhookEndpoints { id url secret enabled } }"
NODE = "query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { id url enabled deliveries { id status attempts " \
       "log { statusCode error } } } } }"
ISSUE = "mutation($i: IssueWarningInput!) { issueWarning(input: $i) { id code } }"
REDELIVER = "mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id status } }"


# --- pure ------------------------------------------------------------------------------------------------------

def test_signature_follows_standard_webhooks() -> None:
    # The Standard Webhooks reference vector (github.com/standard-webhooks/standard-webhooks, libraries' tests).
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = '{"test": 2432232314}'
    assert rules.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == \
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    fresh = rules.new_secret()
    assert fresh.startswith("whsec_") and len(rules.secret_key(fresh)) == 24
    assert rules.verify(fresh, "m", 1, "b", "v1,bogus " + rules.sign(fresh, "m", 1, "b"))
    assert not rules.verify(fresh, "m", 1, "b2", rules.sign(fresh, "m", 1, "b"))


def test_outbound_addresses_and_urls() -> None:
    for private in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254", "::1", "fc00::1",
                    "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1"):
        assert not rules.is_public_address(private), private
    assert rules.is_public_address("8.8.8.8") and rules.is_public_address("2001:4860:4860::8888")
    for bad in ("ftp://x.test/", "http:///nohost", "https://user:pw@x.test/", "https://x.test/#frag"):
        with pytest.raises(RuleViolation):
            rules.check_url(bad, production=False)
    with pytest.raises(RuleViolation):
        rules.check_url("http://agency.example/hook", production=True)
    assert rules.check_url(" https://agency.example/hook ", production=True) == "https://agency.example/hook"


def test_back_off_is_exponential_over_a_day() -> None:
    delays = [rules.next_delay(n, 10) for n in range(1, 9)]
    assert delays[:3] == [10, 40, 160] and all(b == 4 * a for a, b in itertools.pairwise(delays))
    within = [d for i, d in enumerate(delays) if sum(delays[:i + 1]) <= 24 * 3600]
    assert len(within) == 7  # seven retries inside 24 h, the eighth would pass it


# --- receiver --------------------------------------------------------------------------------------------------

@dataclass
class Received:
    id: str
    timestamp: int
    signature: str
    body: str
    status: int


@dataclass
class Receiver:
    """A tiny webhook receiver in a thread: records every request, answers what `answer(id, nth)` says."""

    port: int
    server: ThreadingHTTPServer
    seen: list[Received] = field(default_factory=list)
    answer: Callable[[str, int], int] = lambda msg_id, nth: 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def ids(self) -> list[str]:
        return [r.id for r in self.seen]

    def wait_for(self, predicate: Callable[[], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, f"timed out waiting for {what}: {self.seen}"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    port = free_port()
    holder: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"])).decode()
            rec = holder["r"]
            msg_id = self.headers["webhook-id"]
            status = rec.answer(msg_id, sum(r.id == msg_id for r in rec.seen))
            rec.seen.append(Received(msg_id, int(self.headers["webhook-timestamp"]), self.headers["webhook-signature"],
                                     body, status))
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    holder["r"] = rec = Receiver(port, server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield rec
    server.shutdown()


@dataclass
class World:
    stack: Stack
    data_dir: Path
    tokens: dict[str, str]

    def gql(self, query: str, variables: dict | None = None, who: str = "regulator") -> dict:
        return self.stack.gql(query, variables, token=self.tokens.get(who))

    def restart(self) -> None:
        stack_mod.stop(self.stack)
        self.stack = stack_mod.start(self.data_dir, **ENV)


def _agency(stack: Stack, admin: str, client_id: str, scopes: list[str]) -> str:
    made = stack.gql("mutation($i: CreateAgencyClientInput!) { createAgencyClient(input: $i) { clientSecret } }",
                     {"i": {"clientId": client_id, "name": f"{client_id} (fictional)", "scopes": scopes}}, token=admin)
    assert "errors" not in made, made
    return stack.agency_token(client_id=client_id, secret=made["data"]["createAgencyClient"]["clientSecret"]) \
        .json()["access_token"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    data_dir = tmp_path_factory.mktemp("webhooks")
    stack = stack_mod.start(data_dir, **ENV)
    w = World(stack, data_dir, {})
    try:
        for role in ("consumer", "enterprise", "regulator", "admin"):
            w.tokens[role] = stack.sign_in(f"{role}@demo.test")["accessToken"]
        w.tokens["agency"] = _agency(stack, w.tokens["admin"], "hooks-full",
                                     ["WARNINGS_READ", "CIRCULARS_READ", "RECALLS_READ"])
        w.tokens["public-agency"] = _agency(stack, w.tokens["admin"], "hooks-public", ["WARNINGS_READ"])
        yield w
    finally:
        stack_mod.stop(w.stack)


def issue(world: World, **overrides: object) -> dict:
    data = {"title": f"推送测试 {uuid.uuid4().hex[:6]}", "titleEn": "Webhook test", "level": "ORANGE",
            "kind": "ANNOUNCEMENT", "hazards": ["PHYSICAL"], "productCategory": "测试 Test", "summary": "webhook test"}
    data.update(overrides)
    body = world.gql(ISSUE, {"i": data})
    assert "errors" not in body, body
    return body["data"]["issueWarning"]


def create(world: World, who: str, url: str, **fields: object) -> dict:
    body = world.gql(CREATE, {"i": {"url": url, **fields}}, who=who)
    assert "errors" not in body, body
    return body["data"]["createWebhookEndpoint"]


def bodies_for(receiver: Receiver, endpoint: dict, warning_code: str) -> list[Received]:
    return [r for r in receiver.seen if r.id.startswith(f"msg_{oid(endpoint)}_")
            and json.loads(r.body)["data"]["warning"]["code"] == warning_code]


# --- permissions -----------------------------------------------------------------------------------------------

def test_who_may_manage_endpoints(world: World, receiver: Receiver) -> None:
    anonymous = world.stack.gql(CREATE, {"i": {"url": receiver.url}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    for who in ("consumer", "enterprise", "regulator"):
        body = world.gql(CREATE, {"i": {"url": receiver.url}}, who=who)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", who
        assert world.gql(LIST, who=who)["errors"][0]["extensions"]["code"] == "FORBIDDEN", who
    assert world.stack.gql(LIST)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    mine = create(world, "agency", receiver.url + "?perm")
    assert mine["secret"].startswith("whsec_") and len(rules.secret_key(mine["secret"])) == 24
    # Another client: not in its list, null through node, FORBIDDEN to delete; ADMIN sees and may delete it.
    assert mine["id"] not in [e["id"] for e in world.gql(LIST, who="public-agency")["data"]["webhookEndpoints"]]
    assert world.gql(NODE, {"id": mine["id"]}, who="public-agency")["data"]["node"] is None
    assert world.gql(NODE, {"id": mine["id"]}, who="regulator")["data"]["node"] is None
    refused = world.gql(DELETE, {"id": mine["id"]}, who="public-agency")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    listed = {e["id"]: e for e in world.gql(LIST, who="agency")["data"]["webhookEndpoints"]}
    assert listed[mine["id"]]["secret"] != mine["secret"] and listed[mine["id"]]["secret"].startswith("whsec_…")
    assert mine["id"] in [e["id"] for e in world.gql(LIST, who="admin")["data"]["webhookEndpoints"]]
    assert world.gql(DELETE, {"id": mine["id"]}, who="admin")["data"]["deleteWebhookEndpoint"] is True
    assert world.gql(NODE, {"id": mine["id"]}, who="agency")["data"]["node"] is None


def test_bad_urls_are_refused_with_the_field(world: World) -> None:
    body = world.gql(CREATE, {"i": {"url": "ftp://agency.example/x"}}, who="agency")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "url"}


# --- deliveries ------------------------------------------------------------------------------------------------

def test_signed_delivery_retried_after_a_500_with_the_same_id(world: World, receiver: Receiver) -> None:
    endpoint = create(world, "agency", receiver.url + "?retry", eventTypes=["PUBLISHED"])
    receiver.answer = lambda msg_id, nth: 500 if nth == 0 else 200
    try:
        warning = issue(world)
        receiver.wait_for(lambda: len([r for r in bodies_for(receiver, endpoint, warning["code"])
                                       if r.status == 200]) == 1, "a successful retry")
    finally:
        receiver.answer = lambda msg_id, nth: 200
    attempts = bodies_for(receiver, endpoint, warning["code"])
    assert [a.status for a in attempts] == [500, 200]
    assert attempts[0].id == attempts[1].id  # one webhook-id per (event, endpoint), on every attempt
    for a in attempts:
        assert rules.verify(endpoint["secret"], a.id, a.timestamp, a.body, a.signature)
    payload = json.loads(attempts[1].body)
    assert payload["type"] == "PUBLISHED" and payload["timestamp"] and payload["data"]["warning"]["level"] == "ORANGE"
    log = world.gql(NODE, {"id": endpoint["id"]}, who="agency")["data"]["node"]["deliveries"]
    mine = next(d for d in log if d["id"] == attempts[0].id)
    assert mine["status"] == "SUCCEEDED" and mine["attempts"] == 2 and mine["log"][0]["statusCode"] == 500
    world.gql(DELETE, {"id": endpoint["id"]}, who="agency")


def oid(endpoint: dict) -> str:
    decoded = decode_id(endpoint["id"], "WebhookEndpoint")
    assert decoded is not None
    return str(decoded[1])


def codes_at(receiver: Receiver, endpoint: dict, status: int = 200) -> list[str]:
    """Warning codes delivered to an endpoint (successful attempts), in log order: deliveries are sent in parallel
    and may arrive in any order, so a receiver orders them by `data.cursor` (docs/agencies.md)."""
    bodies = [json.loads(r.body)["data"] for r in receiver.seen
              if r.id.startswith(f"msg_{oid(endpoint)}_") and r.status == status]
    return [b["warning"]["code"] for b in sorted(bodies, key=lambda b: int(cursors.decode_as(b["cursor"], "alert") or 0))]


def test_filters_and_visibility(world: World, receiver: Receiver) -> None:
    public = create(world, "public-agency", receiver.url + "?public")  # warnings:read only: no CIRCULARs
    orange_up = create(world, "agency", receiver.url + "?orange", minLevel="ORANGE")
    lifted_only = create(world, "agency", receiver.url + "?types", eventTypes=["LIFTED"])
    circular = issue(world, kind="CIRCULAR", level="ORANGE")
    blue = issue(world, kind="ANNOUNCEMENT", level="BLUE")
    last = issue(world, kind="ANNOUNCEMENT", level="ORANGE")
    lifted = world.gql("mutation($id: ID!) { liftWarning(id: $id, reason: \"test\") { id } }", {"id": last["id"]})
    assert "errors" not in lifted, lifted
    receiver.wait_for(lambda: codes_at(receiver, lifted_only) == [last["code"]], "the lift")
    receiver.wait_for(lambda: len(codes_at(receiver, public)) == 3 and len(codes_at(receiver, orange_up)) == 3,
                      "the other endpoints")
    assert codes_at(receiver, public) == [blue["code"], last["code"], last["code"]]  # no CIRCULAR
    assert codes_at(receiver, orange_up) == [circular["code"], last["code"], last["code"]]  # no BLUE
    for who, endpoint in (("public-agency", public), ("agency", orange_up), ("agency", lifted_only)):
        world.gql(DELETE, {"id": endpoint["id"]}, who=who)


def test_no_duplicate_after_a_restart_and_nothing_lost(world: World, receiver: Receiver) -> None:
    endpoint = create(world, "admin", receiver.url + "?restart")
    before = issue(world)
    receiver.wait_for(lambda: codes_at(receiver, endpoint) == [before["code"]], "the first event")
    world.restart()
    world.tokens["regulator"] = world.stack.sign_in("regulator@demo.test")["accessToken"]
    world.tokens["admin"] = world.stack.sign_in("admin@demo.test")["accessToken"]
    after = issue(world)
    receiver.wait_for(lambda: after["code"] in codes_at(receiver, endpoint), "the event after the restart")
    assert codes_at(receiver, endpoint) == [before["code"], after["code"]]
    ids = [r.id for r in receiver.seen if r.status == 200]
    assert len(ids) == len(set(ids)), "a webhook-id was delivered twice"
    # A redelivery sends the same webhook-id again, on request only.
    first_id = next(r.id for r in receiver.seen if r.id.startswith(f"msg_{oid(endpoint)}_"))
    redone = world.gql(REDELIVER, {"d": first_id}, who="admin")
    assert redone["data"]["redeliverWebhook"]["status"] == "PENDING", redone
    receiver.wait_for(lambda: receiver.ids().count(first_id) == 2, "the redelivery")
    assert world.gql(REDELIVER, {"d": first_id}, who="public-agency")["errors"][0]["extensions"]["code"] == \
        "FORBIDDEN"
    world.gql(DELETE, {"id": endpoint["id"]}, who="admin")


def test_an_endpoint_failing_for_the_whole_window_is_disabled(tmp_path: Path, receiver: Receiver) -> None:
    with stack_mod.running(tmp_path / "d", **{**ENV, "QSRADAR_WEBHOOK_RETRY_WINDOW": "1"}) as stack:
        admin = stack.sign_in("admin@demo.test")["accessToken"]
        regulator = stack.sign_in("regulator@demo.test")["accessToken"]
        made = stack.gql(CREATE, {"i": {"url": receiver.url + "?dead"}}, token=admin)["data"]["createWebhookEndpoint"]
        receiver.answer = lambda msg_id, nth: 503 if msg_id.startswith(f"msg_{oid(made)}_") else 200
        try:
            stack.gql(ISSUE, {"i": {"title": "停用测试", "level": "ORANGE", "kind": "ANNOUNCEMENT", "hazards": ["HEALTH"],
                                     "productCategory": "测试", "summary": "disable test"}}, token=regulator)
            deadline = time.monotonic() + 30
            while True:
                node = stack.gql(NODE, {"id": made["id"]}, token=admin)["data"]["node"]
                if not node["enabled"]:
                    break
                assert time.monotonic() < deadline, node
                time.sleep(0.2)
        finally:
            receiver.answer = lambda msg_id, nth: 200
        assert node["deliveries"][0]["status"] == "FAILED" and node["deliveries"][0]["attempts"] >= 2
        # The admin is alerted through the QsradarWebhookEndpointDisabled rule on this counter.
        metrics = httpx.get(f"{stack.base_url}/metrics", timeout=30).text
        assert "qsradar_webhook_endpoints_disabled_total 1.0" in metrics
        # Deliveries to a disabled endpoint are not redelivered until it is enabled again.
        refused = stack.gql(REDELIVER, {"d": node["deliveries"][0]["id"]}, token=admin)
        assert refused["errors"][0]["extensions"]["code"] == "CONFLICT"


def test_private_targets_refused_without_the_setting(tmp_path: Path, receiver: Receiver) -> None:
    with stack_mod.running(tmp_path / "p", QSRADAR_WEBHOOK_POLL="0.2", QSRADAR_WEBHOOK_RETRY_BASE="30") as stack:
        admin = stack.sign_in("admin@demo.test")["accessToken"]
        regulator = stack.sign_in("regulator@demo.test")["accessToken"]
        made = stack.gql(CREATE, {"i": {"url": receiver.url + "?private"}}, token=admin)["data"]["createWebhookEndpoint"]
        stack.gql(ISSUE, {"i": {"title": "内网测试", "level": "ORANGE", "kind": "ANNOUNCEMENT", "hazards": ["HEALTH"],
                                 "productCategory": "测试", "summary": "ssrf test"}}, token=regulator)
        deadline = time.monotonic() + 30
        while True:
            deliveries = stack.gql(NODE, {"id": made["id"]}, token=admin)["data"]["node"]["deliveries"]
            if deliveries and deliveries[0]["attempts"]:
                break
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert "loopback" in deliveries[0]["log"][0]["error"] and deliveries[0]["log"][0]["statusCode"] is None
        assert not any(r.id.startswith(f"msg_{oid(made)}_") for r in receiver.seen)
