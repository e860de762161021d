"""Failures of authentication and authorisation; the API maps each to its contract error code."""

from __future__ import annotations


class Unauthenticated(Exception):
    """No valid credentials (bad password, invalid/expired/revoked token)."""


class RateLimited(Exception):
    """Too many attempts; try again after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
