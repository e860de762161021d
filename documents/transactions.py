"""Multi-document transactions, so that a change and its alert event commit together."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from pymongo.asynchronous.client_session import AsyncClientSession

from documents.database import get_client

T = TypeVar("T")


async def in_transaction(work: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
    """Run `work(session)` in one transaction, retried by the driver on transient errors."""
    async with get_client().start_session() as session:
        return await session.with_transaction(work)
