"""Argon2id password and client-secret hashing."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified when an email is unknown, so a miss costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("qsradar-timing-equaliser")


async def hash_secret(secret: str) -> str:
    """Argon2id hash, computed off the event loop."""
    return await asyncio.to_thread(_hasher.hash, secret)


def verify_secret_sync(stored_hash: str | None, secret: str) -> bool:
    """True when `secret` matches; with no stored hash, verifies against the dummy hash and returns False."""
    try:
        matched = bool(_hasher.verify(stored_hash or _DUMMY_HASH, secret))
    except (VerificationError, InvalidHashError):
        return False
    return matched and stored_hash is not None


async def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """`verify_secret_sync` off the event loop."""
    return await asyncio.to_thread(verify_secret_sync, stored_hash, secret)
