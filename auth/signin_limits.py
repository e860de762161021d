"""Brute-force limits on sign-in: failed attempts per account and per client address."""

from __future__ import annotations

import math
from datetime import timedelta

from auth.errors import RateLimited
from documents import rate_limit
from documents.clock import utcnow
from documents.settings import get_settings


def _keys(email: str, address: str | None) -> list[tuple[str, int]]:
    s = get_settings()
    keys = [(f"signin:account:{email}", s.signin_max_failures_per_account)]
    if address:
        keys.append((f"signin:address:{address}", s.signin_max_failures_per_address))
    return keys


async def check(email: str, address: str | None) -> None:
    """RateLimited (with seconds to wait) when either limit is reached; says nothing about the account."""
    window = timedelta(seconds=get_settings().signin_window_seconds)
    for key, limit in _keys(email, address):
        failures, window_end = await rate_limit.current_count(key, window)
        if failures >= limit and window_end is not None:
            retry_after = max(1, math.ceil((window_end - utcnow()).total_seconds()))
            raise RateLimited("too many failed sign-in attempts; try again later", retry_after)


async def record_failure(email: str, address: str | None) -> None:
    """Count a failed attempt against the account and the address."""
    window = timedelta(seconds=get_settings().signin_window_seconds)
    for key, _ in _keys(email, address):
        await rate_limit.add_failure(key, window)


async def record_success(email: str) -> None:
    """A correct password clears the account's failures (not the address's)."""
    await rate_limit.reset(f"signin:account:{email}")
