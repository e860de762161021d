"""Pure webhook rules: URLs, secrets, signatures (Standard Webhooks), retry schedule."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

from documents.core.errors import RuleViolation

SECRET_PREFIX = "whsec_"
MAX_URL_LENGTH = 2048
BACKOFF_FACTOR = 4  # delays base, 4·base, 16·base, ... (10 s base: 10 s, 40 s, 2.7 min, 11 min, 43 min, 2.8 h, 11 h)
MAX_ERROR_LOG = 20  # attempts kept in a delivery's log


def new_secret() -> str:
    """whsec_ + base64 of 24 random bytes; the bytes are the HMAC key."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def secret_key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, msg_id: str, timestamp: int, body: str) -> str:
    """The webhook-signature header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`."""
    digest = hmac.new(secret_key(secret), f"{msg_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secret: str, msg_id: str, timestamp: int, body: str, header: str) -> bool:
    """What a receiver does: any of the space-separated `v1,` signatures matches."""
    expected = sign(secret, msg_id, timestamp, body)
    return any(hmac.compare_digest(expected, s) for s in header.split())


def masked(secret: str) -> str:
    """How a secret is shown after creation."""
    return f"{SECRET_PREFIX}…{secret[-4:]}"


def check_url(url: str, production: bool) -> str:
    """A delivery URL: http(s) with a host, no credentials or fragment; https only in production."""
    url = url.strip()
    parts = urlsplit(url)
    if len(url) > MAX_URL_LENGTH or parts.scheme not in ("http", "https") or not parts.hostname:
        raise RuleViolation("url must be an http(s) URL with a host", field="url")
    if parts.username or parts.password or parts.fragment:
        raise RuleViolation("url must not carry credentials or a fragment", field="url")
    if production and parts.scheme != "https":
        raise RuleViolation("url must use https", field="url")
    return url


def is_public_address(address: str) -> bool:
    """Whether a resolved address may be reached: not loopback, private, link-local, reserved, multicast or
    unspecified (IPv4-mapped IPv6 judged by its IPv4)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local
                                 or ip.is_private or ip.is_unspecified)


def next_delay(attempts: int, base: float) -> float:
    """Seconds before the attempt after `attempts` failed ones (exponential)."""
    return base * BACKOFF_FACTOR ** max(0, attempts - 1)
