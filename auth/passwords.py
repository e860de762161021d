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


async def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """True when `secret` matches; with no stored hash, burns the same time and returns False."""
    def check() -> bool:
        try:
            return _hasher.verify(stored_hash or _DUMMY_HASH, secret) and stored_hash is not None
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(check)
