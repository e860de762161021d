"""Start-up data upgrades: each pass runs once per database, recorded in `upgrades`, so a restart at a million
warnings does not scan them again."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from bson import ObjectId

from tests.stack import Stack


async def test_each_upgrade_runs_once_per_database(live_server: Stack) -> None:
    from documents.db import client as database
    from documents.db import migrations
    from documents.db.registry import all_documents

    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    name = f"upgrades_{uuid.uuid4().hex[:8]}"
    client = await database.connect(uri, name, all_documents())
    try:
        recalls = client[name]["recalls"]
        old_key = {"sort_key": "2025-06-20T08:00:00.000000|x", "announced_at": datetime(2025, 6, 20, 8, tzinfo=UTC),
                   "product_name": "旧款电水壶 Old Kettle", "brand": "OldBrand"}
        await recalls.insert_one({"_id": "r1", **old_key})
        recall_id = ObjectId()
        await client[name]["recall_duties"].insert_many([{"_id": "d1", "recall_id": recall_id}, {"_id": "d2"}])
        await migrations.upgrade()
        # A recall's duties are found by the id as a string (ObjectId equality never matches there on the embedded
        # server); a duty owed for a warning has none.
        assert [(d["_id"], d.get("recall_key")) async for d in client[name]["recall_duties"].find({})] == \
            [("d1", str(recall_id)), ("d2", None)]
        first = await recalls.find_one({"_id": "r1"})
        assert first is not None and not first["sort_key"].startswith("2025-")  # rewritten to the digits-only form
        assert first["revision"] == 0  # the revisions pass ran too
        # What productLookup's text and the recalls list's text filter match, lower-cased.
        assert (first["search_text"], first["filter_text"]) == ("旧款电水壶 old kettle oldbrand", "旧款电水壶 old kettle\noldbrand")
        done = {d["_id"]: d["changed"] async for d in client[name]["upgrades"].find({})}
        assert done["sort-keys-digits"] == 1 and done["revisions"] == 1 and "enterprise-derived-fields" in done
        assert done["recall-search-fields"] == 1 and done["duty-recall-keys"] == 1
        # Recorded: a later start does not scan again (a document in the old form now would come from a restore
        # of an old backup, which brings its own `upgrades`).
        await recalls.insert_one({"_id": "r2", **old_key})
        await migrations.upgrade()
        second = await recalls.find_one({"_id": "r2"})
        assert second is not None and second["sort_key"] == old_key["sort_key"]
    finally:
        await database.disconnect()


async def test_a_database_written_in_the_current_shape_records_every_upgrade_as_done(live_server: Stack) -> None:
    from documents.db import client as database
    from documents.db import migrations
    from documents.db.registry import all_documents

    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    name = f"upgrades_{uuid.uuid4().hex[:8]}"
    client = await database.connect(uri, name, all_documents())
    try:
        await migrations.record_current()
        await migrations.record_current()  # twice: still one record each
        recorded = [d["_id"] async for d in client[name]["upgrades"].find({})]
        assert sorted(recorded) == sorted(n for n, _ in migrations.passes()) and "warning-keys" in recorded
        # None runs afterwards: a recall in the old form stays as it is.
        await client[name]["recalls"].insert_one({"_id": "r1", "sort_key": "2025-06-20T08:00:00.000000|x",
                                                   "announced_at": datetime(2025, 6, 20, 8, tzinfo=UTC)})
        await migrations.upgrade()
        kept = await client[name]["recalls"].find_one({"_id": "r1"})
        assert kept is not None and kept["sort_key"].startswith("2025-")
    finally:
        await database.disconnect()
