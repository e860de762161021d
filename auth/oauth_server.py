"""OAuth 2 client-credentials token endpoint (RFC 6749 §4.4) for partner agencies, on Authlib.

Authlib's server is synchronous, so the endpoint loads the client first (async), then runs
the grant (Argon2 secret check included) in a worker thread. An unknown client id and a wrong
secret get the same answer after the same work, and failed client authentications are limited
per client id and per address.
"""

from __future__ import annotations

import asyncio
import base64
import os
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, unquote

from authlib.oauth2.rfc6749 import AuthorizationServer, ClientMixin, OAuth2Request
from authlib.oauth2.rfc6749.errors import InvalidScopeError
from authlib.oauth2.rfc6749.grants import ClientCredentialsGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6749.util import scope_to_list
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from auth import viewer
from auth.passwords import verify_secret_sync
from auth.signin_limits import bounded, seconds_until
from auth.tokens import issue_access_token
from documents.accounts import rate_limits as rate_limit
from documents.accounts.agency_clients import AgencyClient
from documents.audit import models as audit
from documents.enums import AgencyScope, Role
from documents.settings import get_settings

# TLS ends at the ingress; inside the pod the endpoint is plain HTTP.
os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")

SUPPORTED_SCOPES = [s.value for s in AgencyScope]
MAX_FORM_BYTES = 16 * 1024
# The one answer to every failed client authentication, known client or not (no enumeration).
INVALID_CLIENT = {"error": "invalid_client", "error_description": "client authentication failed"}
INVALID_CLIENT_HEADERS = {"WWW-Authenticate": 'Basic realm="qsradar", error="invalid_client"',
                          "Cache-Control": "no-store", "Pragma": "no-cache"}


class _Client(ClientMixin):
    """A stored client, or a stand-in for an unknown id that fails authentication after the same work."""

    def __init__(self, client_id: str, doc: AgencyClient | None) -> None:
        self.client_id = client_id
        self.doc = doc

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str | None) -> str:
        granted = [s.value for s in self.doc.scopes] if self.doc else []
        if not scope:
            return " ".join(granted)
        allowed = [s for s in scope_to_list(scope) if s in granted]
        if not allowed:
            raise InvalidScopeError(description="none of the requested scopes is granted to this client")
        return " ".join(allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        # Without a stored client this verifies against the dummy hash: an unknown id costs the same.
        if verify_secret_sync(self.doc.secret_hash if self.doc else None, client_secret):
            return True
        # After a rotation the previous secret is still accepted until its grace ends (then refused).
        return bool(self.doc and self.doc.previous_secret_valid()
                    and verify_secret_sync(self.doc.previous_secret_hash, client_secret))

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint == "token" and method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return False

    def check_grant_type(self, grant_type: str) -> bool:
        return (grant_type == "client_credentials" and self.doc is not None and not self.doc.disabled
                and self.doc.revoked_at is None)


class _Grant(ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ("client_secret_basic", "client_secret_post")


class _Request(OAuth2Request):
    def __init__(self, method: str, uri: str, headers: Mapping[str, str], form: dict[str, str]) -> None:
        super().__init__(method=method, uri=uri, headers=headers)
        self._form = form
        self.payload = BasicOAuth2Payload(form)

    @property
    def args(self) -> dict[str, str]:
        return {}

    @property
    def form(self) -> dict[str, str]:
        return self._form


class _Server(AuthorizationServer):
    def __init__(self, client_id: str | None, client: AgencyClient | None) -> None:
        super().__init__(scopes_supported=SUPPORTED_SCOPES)
        self._client = _Client(client_id, client) if client_id else None
        self.issued: list[dict[str, Any]] = []
        self.register_grant(_Grant)
        self.register_token_generator("default", self._generate)

    def query_client(self, client_id: str) -> _Client | None:
        if self._client and self._client.get_client_id() == client_id:
            return self._client
        return None

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        self.issued.append(token)

    def create_oauth2_request(self, request: _Request) -> _Request:
        return request

    def handle_response(self, status: int, body: Any, headers: Any) -> tuple[int, Any, Any]:
        return status, body, headers

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None

    def _generate(self, grant_type: str, client: _Client, user: Any = None, scope: str | None = None,
                  expires_in: int | None = None, include_refresh_token: bool = False) -> dict[str, Any]:
        ttl = get_settings().agency_token_ttl_seconds
        scope = client.get_allowed_scope(scope)  # only what was both asked for and granted
        claims = {"sub": client.get_client_id(), "role": Role.AGENCY.value, "scope": scope or ""}
        return {"access_token": issue_access_token(claims, ttl), "token_type": "Bearer", "expires_in": ttl,
                "scope": scope or ""}


def _client_id_of(headers: Mapping[str, str], form: dict[str, str]) -> str | None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(auth[6:].strip()).decode()
        except Exception:
            return None
        return unquote(decoded.partition(":")[0])
    return form.get("client_id")


async def _read_form_body(request: Request) -> bytes | None:
    """The body, read as a stream and abandoned past MAX_FORM_BYTES (None): a huge body never sits in memory."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _limit_keys(client_id: str | None, address: str | None) -> list[tuple[str, int]]:
    s = get_settings()
    keys: list[tuple[str, int]] = []
    if client_id:
        keys.append((f"oauth:client:{bounded(client_id)}", s.oauth_max_failures_per_client))
    if address:
        keys.append((f"oauth:address:{address}", s.oauth_max_failures_per_address))
    return keys


async def token_endpoint(request: Request) -> Response:
    """POST /oauth/token: form-encoded client-credentials grant; errors per RFC 6749 §5.2."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return JSONResponse({"error": "invalid_request", "error_description": "form-encoded body required"},
                            status_code=400)
    raw = await _read_form_body(request)
    if raw is None:
        # The unread rest of the body stays on the connection: close it rather than read it.
        return JSONResponse({"error": "invalid_request", "error_description": f"body over {MAX_FORM_BYTES} bytes"},
                            status_code=413, headers={"Connection": "close"})
    form = dict(parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True))
    headers = request.headers  # case-insensitive, as Authlib reads "Authorization"
    client_id = _client_id_of(headers, form) or None
    address = request.client.host if request.client else None
    # Reserved before the Argon2 check, so concurrent guesses cannot overrun the limit.
    keys = _limit_keys(client_id, address)
    refused_until = await rate_limit.reserve_all(keys, timedelta(seconds=get_settings().oauth_window_seconds))
    if refused_until is not None:
        wait = seconds_until(refused_until)
        return JSONResponse({"error": "slow_down", "error_description": "too many failed client authentications; "
                             f"retry after {wait} s"}, status_code=429,
                            headers={"Retry-After": str(wait), "Cache-Control": "no-store"})
    client_doc = await AgencyClient.find_one(AgencyClient.client_id == client_id) if client_id else None
    server = _Server(client_id, client_doc)
    oauth_request = _Request("POST", str(request.url), headers, form)
    status, body, extra_headers = await asyncio.to_thread(server.create_token_response, oauth_request)
    actor = f"client:{bounded(client_id or '')}"
    if server.issued:
        if client_id:
            await rate_limit.reset(keys[0][0])
        if address:
            await rate_limit.release(keys[-1][0])
        await audit.record("agency_token_issued", actor=actor, address=address,
                           scope=server.issued[0].get("scope", ""))
        return JSONResponse(body, status_code=status, headers=dict(extra_headers or []))
    error = (body or {}).get("error")
    if error != "invalid_client":
        # Not a failed authentication (bad grant type, scope...): the reservation goes back.
        for key, _ in keys:
            await rate_limit.release(key)
    await audit.record("agency_token_refused", actor=actor, address=address, error=error)
    if error == "invalid_client":
        return JSONResponse(INVALID_CLIENT, status_code=401, headers=INVALID_CLIENT_HEADERS)
    return JSONResponse(body, status_code=status, headers=dict(extra_headers or []))


async def metadata_endpoint(request: Request) -> Response:
    """RFC 8414 authorisation-server metadata, from the configured public URL (never the Host header)."""
    base = get_settings().base_url
    return JSONResponse({
        "issuer": base,
        "token_endpoint": f"{base}/oauth/token",
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": SUPPORTED_SCOPES,
    })


def forget_client(client_id: str) -> None:
    """Drop this process's cached grant of a client (revoked or changed): its tokens are re-checked at once here;
    other processes re-read it within auth.viewer.CLIENT_CACHE_SECONDS."""
    viewer._client_grants.pop(client_id, None)
