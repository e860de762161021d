"""The persisted, ordered change log: one entry per change of public data (a warning published, its level
changed or lifted; a recall's progress; an enterprise's credit level) and per complaint signal raised, written in
the same transaction as the change.

Every server process tails it through a change stream: alert subscribers get the entries they may see, and the
public answer cache is dropped on any entry, whichever worker wrote it. Subscribers replay it after a cursor.
"""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from documents.core.clock import aware, utcnow
from documents.enums import AlertEventType, ChangeTopic, CreditLevel, SignalGroup, WarningKind, WarningLevel

# The collection and its counter keep their first names, so entries and cursors written before topics
# existed stay valid.
SEQUENCE_NAME = "alert_log"


class SignalEntry(BaseModel):
    """A complaint group that reached its threshold within the window (topic signal)."""

    group: SignalGroup
    key: str
    count: int
    threshold: int
    window_days: int
    first_at: datetime
    last_at: datetime
    complaint_ids: list[str] = Field(default_factory=list)


class ChangeEvent(Document):
    """One entry of the log. `seq` is allocated in the same transaction as the change."""

    seq: Indexed(int, unique=True)  # type: ignore[valid-type]
    topic: ChangeTopic = ChangeTopic.WARNING
    type: AlertEventType
    entity_id: PydanticObjectId | None = None
    # Warning entries carry what visibility and level filters need, so fan-out decides without loading.
    warning_id: PydanticObjectId | None = None
    level: WarningLevel | None = None
    previous_level: WarningLevel | None = None
    kind: WarningKind | None = None
    # Credit entries (topic enterprise) carry the enterprise and its tiers, so fan-out decides without loading;
    # entries written before these fields existed have none.
    enterprise_uscc: str | None = None
    credit_level: CreditLevel | None = None
    previous_credit_level: CreditLevel | None = None
    signal: SignalEntry | None = None  # topic signal
    # One entry per key (a complaint group's signal per window): concurrent writers or a retry never log it twice.
    dedupe_key: str | None = None
    at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "alert_log"
        indexes = [IndexModel("dedupe_key", name="dedupe_key_unique", unique=True,
                              partialFilterExpression={"dedupe_key": {"$type": "string"}})]


def topic_of(entry: dict) -> ChangeTopic:
    """The topic of a raw log entry (entries from before topics are warnings)."""
    return ChangeTopic(entry.get("topic", ChangeTopic.WARNING.value))


async def changed_since(topic: ChangeTopic, since: datetime) -> list[PydanticObjectId]:
    """Ids of the documents of `topic` with a change logged at or after `since` (the change feed's `updatedAfter`).

    A `find`, not an aggregation: the embedded server's `$match` compares dates wrongly (documents/db/query_shapes.py).
    """
    query: dict[str, object] = {"at": {"$gte": since}}
    if topic is not ChangeTopic.WARNING:  # entries written before topics existed are warnings and carry no topic
        query["topic"] = topic.value
    ids: set[PydanticObjectId] = set()
    bound = aware(since)
    async for entry in ChangeEvent.get_pymongo_collection().find(
            query, {"topic": 1, "entity_id": 1, "warning_id": 1, "at": 1}):
        # The bound again in Python, exact on both servers: the embedded one's date `$gte` has over-matched
        # (documents/changelog/tombstones.py), which put older changes in a feed.
        if topic_of(entry) is topic and (key := entry.get("entity_id") or entry.get("warning_id")) is not None \
                and isinstance(entry.get("at"), datetime) and aware(entry["at"]) >= bound:
            ids.add(key)
    return sorted(ids)
