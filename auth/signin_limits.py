"""Brute-force limits on sign-in: attempts per account and per client address.

Each attempt is reserved before the password is hashed, so at most the limit's number of password
checks run per window however many requests arrive at once; a success gives its reservation back.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime, timedelta

from auth.errors import RateLimited
from documents.accounts import rate_limits as rate_limit
from documents.core.clock import utcnow
from documents.settings import get_settings

MESSAGE = "too many failed sign-in attempts; try again later"


def bounded(value: str) -> str:
    """`value`, or its SHA-256 when long: an attacker-chosen email or client id must not make huge keys."""
    return value if len(value) <= 128 else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def _account_key(email: str) -> str:
    return f"signin:account:{bounded(email)}"


def _address_key(address: str) -> str:
    return f"signin:address:{address}"


def _keys(email: str, address: str | None) -> list[tuple[str, int]]:
    s = get_settings()
    keys = [(_account_key(email), s.signin_max_failures_per_account)]
    if address:
        keys.append((_address_key(address), s.signin_max_failures_per_address))
    return keys


def seconds_until(moment: datetime) -> int:
    """Whole seconds to wait until `moment`, at least 1 (a Retry-After value)."""
    return max(1, math.ceil((moment - utcnow()).total_seconds()))


async def reserve_attempt(email: str, address: str | None) -> None:
    """Count this attempt against the account and the address, or raise RateLimited (seconds to wait).

    Says nothing about whether the account exists: unknown emails are counted the same way.
    """
    window = timedelta(seconds=get_settings().signin_window_seconds)
    refused_until = await rate_limit.reserve_all(_keys(email, address), window)
    if refused_until is not None:
        raise RateLimited(MESSAGE, seconds_until(refused_until))


async def record_success(email: str, address: str | None) -> None:
    """A correct password clears the account's attempts and gives the address its reservation back."""
    await rate_limit.reset(_account_key(email))
    if address:
        await rate_limit.release(_address_key(address))
