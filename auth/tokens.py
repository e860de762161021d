"""Signed access tokens (JWT, HS256 via joserfc, the JOSE library of the Authlib project).

Every token names its signing key (`kid`), so a key can be rotated: new tokens use the new
key while tokens signed with a previous key (QSRADAR_PREVIOUS_SECRET_KEYS) still verify.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OctKey

from auth.errors import Unauthenticated
from documents.settings import Settings, get_settings

ISSUER = "qsradar"
ALGORITHM = "HS256"


def key_id(secret: str) -> str:
    """Public identifier of a signing secret (a hash prefix, never the secret)."""
    return hashlib.sha256(secret.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class KeyRing:
    """The current signing key and every key that still verifies."""

    current: OctKey
    verifying: KeySet


@lru_cache(maxsize=4)
def _key_ring(secret: str, previous: str) -> KeyRing:
    secrets_ = [secret] + [s.strip() for s in previous.split(",") if s.strip()]
    keys = [OctKey.import_key(s, {"kid": key_id(s), "alg": ALGORITHM}) for s in secrets_]
    return KeyRing(current=keys[0], verifying=KeySet(list[Any](keys)))


def key_ring(settings: Settings | None = None) -> KeyRing:
    """The key ring built from the settings."""
    s = settings or get_settings()
    return _key_ring(s.secret_key, s.previous_secret_keys)


def issue_access_token(claims: dict[str, Any], ttl_seconds: int) -> str:
    """Sign an access token with the current key; adds iss, iat, exp, jti and typ."""
    ring = key_ring()
    now = int(time.time())
    body = {**claims, "iss": ISSUER, "iat": now, "exp": now + ttl_seconds, "jti": secrets.token_urlsafe(12),
            "typ": "access"}
    return jwt.encode({"alg": ALGORITHM, "kid": ring.current.kid}, body, ring.current)


_claims_registry = jwt.JWTClaimsRegistry(
    iss={"essential": True, "value": ISSUER},
    exp={"essential": True},
    sub={"essential": True},
    typ={"essential": True, "value": "access"},
)


def verify_access_token(token: str) -> dict[str, Any]:
    """Claims of a valid token; Unauthenticated for a forged, malformed, unknown-key or expired one."""
    ring = key_ring()
    try:
        decoded = jwt.decode(token, ring.verifying, algorithms=[ALGORITHM])
        _claims_registry.validate(decoded.claims)
    except (JoseError, ValueError, KeyError, TypeError) as exc:
        raise Unauthenticated("invalid or expired token") from exc
    return dict(decoded.claims)
