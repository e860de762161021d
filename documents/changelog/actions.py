"""Appending to the change log, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.asynchronous.client_session import AsyncClientSession

from documents.changelog.models import SEQUENCE_NAME, ChangeEvent
from documents.db.counters import next_value
from documents.enums import AlertEventType, ChangeTopic


async def append(session: AsyncClientSession, topic: ChangeTopic, type: AlertEventType,
                 entity_id: PydanticObjectId, at: datetime, **fields: Any) -> ChangeEvent:
    """Write the next entry (its sequence number from the log's counter) in `session`'s transaction."""
    seq = await next_value(SEQUENCE_NAME, session=session)
    event = ChangeEvent(seq=seq, topic=topic, type=type, entity_id=entity_id, at=at, **fields)
    await ChangeEvent.get_pymongo_collection().insert_one(
        event.model_dump(by_alias=True, mode="python", exclude={"id"}), session=session)
    return event
