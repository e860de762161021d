"""Appending to the change log, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.changelog.models import SEQUENCE_NAME, ChangeEvent
from documents.db.counters import next_value
from documents.db.transactions import on_commit
from documents.enums import AlertEventType, ChangeTopic

OPTIONAL_FIELDS = ("enterprise_uscc", "credit_level", "previous_credit_level", "signal", "dedupe_key")


@dataclass(frozen=True, slots=True)
class Appended:
    """An entry as committed, and the warning it is about as written in the same transaction when the writer
    passed it (the alert hub then renders the event without reading either back)."""

    entry: dict
    warning: dict | None = None


# The entries committed while serving one operation (a list shared by every task that serves it), so the service
# reads the log after a mutation only when the mutation wrote to it, and wakes other workers only for alerts.
_appended: ContextVar[list[Appended] | None] = ContextVar("changelog_appended", default=None)
# Told of each entry right after its transaction commits, in the committing task (the alert hub, which delivers it
# and hands it to the other workers from then, not from when the operation that wrote it is done: issue 16).
_committed_listener: Callable[[Appended], None] | None = None


def listen_to_commits(listener: Callable[[Appended], None] | None) -> None:
    """Call `listener` with every entry this process commits, right after the commit (None: nobody)."""
    global _committed_listener
    _committed_listener = listener


def _committed(entries: list[Appended] | None, appended: Appended) -> None:
    if entries is not None:
        entries.append(appended)
    if _committed_listener is not None:
        _committed_listener(appended)


@contextmanager
def tracking_appends() -> Iterator[list[Appended]]:
    """Collect the entries appended inside the block (by this task and the tasks it starts), once committed."""
    entries: list[Appended] = []
    token = _appended.set(entries)
    try:
        yield entries
    finally:
        _appended.reset(token)


async def append(session: AsyncClientSession, topic: ChangeTopic, type: AlertEventType,
                 entity_id: PydanticObjectId, at: datetime, *, written_warning: dict | None = None,
                 **fields: Any) -> ChangeEvent:
    """Write the next entry (its sequence number from the log's counter) in `session`'s transaction;
    `written_warning` is the warning document this transaction wrote, when the entry is about it."""
    seq = await next_value(SEQUENCE_NAME, session=session)
    event = ChangeEvent(seq=seq, topic=topic, type=type, entity_id=entity_id, at=at, **fields)
    doc = event.model_dump(by_alias=True, mode="python", exclude={"id"})
    for name in OPTIONAL_FIELDS:
        if doc.get(name) is None:
            doc.pop(name, None)  # entries of other topics stay as small as before these fields existed
    await ChangeEvent.get_pymongo_collection().insert_one(doc, session=session)
    # Only what commits: an aborted (or retried) attempt's entry never happened.
    entries = _appended.get()
    on_commit(lambda: _committed(entries, Appended(doc, written_warning)))
    return event


async def logged(session: AsyncClientSession, dedupe_key: str) -> bool:
    """Whether an entry with this dedupe key is in the log (read in `session`'s transaction)."""
    return await ChangeEvent.get_pymongo_collection().find_one({"dedupe_key": dedupe_key}, {"_id": 1},
                                                               session=session) is not None
