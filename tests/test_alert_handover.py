"""A writer hands its committed entries to the alert hubs: delivered only where they continue the log, in the form
a read returns, and only once committed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from bson import ObjectId
from bson.codec_options import CodecOptions

from documents.changelog.actions import Appended
from gql.alerts.hub import AlertHub, decode_handed, handed_payload, handed_run
from tests.stack import Stack

CODEC: CodecOptions = CodecOptions(tz_aware=True, tzinfo=UTC)


def entry(seq: int, topic: str = "warning", type_: str = "PUBLISHED") -> dict:
    return {"_id": ObjectId(), "seq": seq, "topic": topic, "type": type_, "entity_id": ObjectId(),
            "at": datetime(2026, 12, 6, 8, 30, 1, 123456, tzinfo=UTC), "level": "RED", "kind": "ANNOUNCEMENT"}


def warning() -> dict:
    return {"_id": ObjectId(), "title": "移动电源过热", "level": "RED", "search_text": "移动电源过热 ...",
            "published_at": datetime(2026, 12, 6, 8, 30, 1, 123456, tzinfo=UTC)}


def test_a_run_starts_right_after_what_was_read_and_stops_at_a_gap() -> None:
    handed = {s: Appended(entry(s), warning()) for s in (11, 12, 14)}
    assert [a.entry["seq"] for a in handed_run(handed, 10)] == [11, 12]  # 13 is missing: the log is read for it
    assert handed_run(handed, 9) == []  # 10 was never handed
    assert [a.entry["seq"] for a in handed_run(handed, 13)] == [14]


def test_a_run_stops_at_an_event_it_cannot_deliver_from_what_was_handed() -> None:
    handed = {
        11: Appended(entry(11), warning()),
        12: Appended(entry(12, "recall", "RECALL_PROGRESS")),  # no subscriber gets it: read past
        13: Appended(entry(13), None),  # a warning event without the warning as written
        14: Appended(entry(14), warning()),
    }
    assert [a.entry["seq"] for a in handed_run(handed, 10)] == [11, 12]
    recall = {11: Appended(entry(11, "recall", "RECALL_ANNOUNCED"), None)}  # only warnings are handed with their doc
    assert handed_run(recall, 10) == []


def test_handed_entries_read_back_as_the_log_returns_them() -> None:
    written_entry, written_warning = entry(11), warning()
    payload = handed_payload([Appended(written_entry, written_warning)])
    assert payload is not None
    [got] = decode_handed(payload, CODEC)
    # BSON keeps milliseconds, in UTC, as a read of the log and the warning would; the search field is not sent.
    assert got.entry["at"] == datetime(2026, 12, 6, 8, 30, 1, 123000, tzinfo=UTC)
    assert got.entry["_id"] == written_entry["_id"] and got.entry["seq"] == 11
    assert got.warning is not None and "search_text" not in got.warning
    assert got.warning["published_at"].microsecond == 123000 and got.warning["title"] == "移动电源过热"
    assert handed_payload([Appended(entry(12, "recall", "RECALL_PROGRESS"))]) is None  # nothing any subscriber gets


def test_the_stream_wakes_the_reader_only_for_entries_not_delivered_or_handed() -> None:
    hub = AlertHub()
    hub.last_seq = 20
    hub._handed[22] = Appended(entry(22), warning())  # the writer handed it: its reader is already woken

    def change(seq: object) -> dict:
        return {"operationType": "insert", "fullDocument": {"seq": seq}}

    assert not hub._is_news(change(19)) and not hub._is_news(change(20))  # delivered
    assert not hub._is_news(change(22))
    assert hub._is_news(change(21)) and hub._is_news(change(23))  # committed elsewhere, or not handed: read
    assert hub._is_news({"operationType": "insert"}) and hub._is_news(change("x"))  # unknown shape: read


async def test_only_what_commits_is_handed_over(live_server: Stack) -> None:
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.db.transactions import in_transaction, on_commit, serialise_transactions

    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    name = f"commit_{uuid.uuid4().hex[:8]}"
    client = await database.connect(uri, name, all_documents())
    serialise_transactions(True, live_server.data_dir / "transactions.lock")
    try:
        calls: list[str] = []
        coll = client[name]["on_commit_probe"]

        async def fails(session: object) -> None:
            await coll.insert_one({"n": 1}, session=session)
            on_commit(lambda: calls.append("aborted"))
            raise RuntimeError("a business rule refused the write")

        with pytest.raises(RuntimeError):
            await in_transaction(fails)

        async def commits(session: object) -> None:
            await coll.insert_one({"n": 2}, session=session)
            on_commit(lambda: calls.append("committed"))
            assert calls == []  # not before the commit

        await in_transaction(commits)
        on_commit(lambda: calls.append("outside"))  # no transaction: at once
        assert calls == ["committed", "outside"]
        assert [d["n"] async for d in coll.find({})] == [2]
    finally:
        serialise_transactions(False, live_server.data_dir / "transactions.lock")
        await database.disconnect()


async def test_the_hub_is_told_of_a_logged_entry_at_commit_not_when_the_operation_answers(live_server: Stack) -> None:
    from bson import ObjectId as Oid

    from documents.changelog import actions as changelog
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.db.transactions import in_transaction, serialise_transactions
    from documents.enums import AlertEventType, ChangeTopic

    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    await database.connect(uri, f"listen_{uuid.uuid4().hex[:8]}", all_documents())
    serialise_transactions(True, live_server.data_dir / "transactions.lock")
    told: list[int] = []
    changelog.listen_to_commits(lambda a: told.append(int(a.entry["seq"])))
    try:
        at = datetime(2026, 12, 6, 8, 30, tzinfo=UTC)

        async def refused(session: object) -> None:
            await changelog.append(session, ChangeTopic.WARNING, AlertEventType.PUBLISHED, Oid(), at)
            raise RuntimeError("a business rule refused the write")

        with pytest.raises(RuntimeError):
            await in_transaction(refused)
        assert told == []  # rolled back: never happened

        async def logs_two(session: object) -> None:
            await changelog.append(session, ChangeTopic.WARNING, AlertEventType.PUBLISHED, Oid(), at)
            await changelog.append(session, ChangeTopic.WARNING, AlertEventType.LIFTED, Oid(), at)
            assert told == []  # not before the commit

        with changelog.tracking_appends() as operation:
            await in_transaction(logs_two)
            # Told as the transaction returns, while the operation has yet to answer; the operation keeps its list.
            assert len(told) == 2 and told[1] == told[0] + 1
            assert [int(a.entry["seq"]) for a in operation] == told
    finally:
        changelog.listen_to_commits(None)
        serialise_transactions(False, live_server.data_dir / "transactions.lock")
        await database.disconnect()
