"""`python -m documents.db.migrate`: create every document's indexes and run the data upgrades, then exit.

The Kubernetes migration Job runs it before a rollout (k8s/base/api/migrate-job.yaml); the service still runs
the same upgrades at start, so skipping it is never wrong, only slower.
"""

from __future__ import annotations

import asyncio
import logging
import sys

import pymongo
from pydantic import ValidationError

from documents.db import client as database
from documents.db import migrations
from documents.db.registry import all_documents
from documents.settings import Settings


async def run(settings: Settings) -> None:
    # connect() → init_beanie creates the indexes of every registered document.
    assert settings.mongodb_uri  # main() refuses to start without one
    with pymongo.timeout(settings.startup_timeout_seconds):  # index builds and upgrade passes scan collections
        await database.connect(settings.mongodb_uri, settings.database_name, all_documents())
        try:
            await migrations.upgrade()
        finally:
            await database.disconnect()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"qsradar-migrate: refusing to start: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    if not settings.mongodb_uri:
        print("qsradar-migrate: MONGODB_URI is required (the embedded database migrates at service start)",
              file=sys.stderr)
        return 2
    asyncio.run(run(settings))
    logging.getLogger("qsradar.migrations").info("indexes and upgrades done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
