"""`python -m bench.index_shapes`: which index serves a look-up by the first field of a compound index, on the
embedded server (nx-27017), at 10 k and 100 k documents. The measurement behind documents/db/query_shapes.py's rule
(the first field of every compound index is indexed alone too). Prints p50 of 7 per shape; never asserts.

Shapes, one collection each, 1 owner in 500 (200 documents per owner at 100 k):
- `compound`: only `(owner, sort_key)`;
- `compound + sort_key`: that and `sort_key` alone (what complaints, recall duties and credit applications had);
- `compound + sort_key + owner`: and `owner` alone (what they have now).
Queries: an owner's newest 20 (`{owner} sort sort_key desc limit 20`), the next page (`sort_key < cursor`), a rare
owner's (1 document), a code look-up by the first field of `(key, kind, id)` (RecallCode, WarningCode), and a
complaint's idempotency check by the whole unique `(owner, key)` that finds nothing (4 owners), beside
`(owner, sort_key)`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pymongo import IndexModel, MongoClient

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000)
OWNERS = 500


def p50(coll: Any, query: dict, n: int = 7) -> float:
    """Median ms of `query`, newest first, 20 at most."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        coll.find(query).sort("sort_key", -1).limit(20).to_list()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from documents.db.embedded_server import EmbeddedServer

    server = EmbeddedServer(Path(tempfile.mkdtemp(prefix="qsradar-index-shapes-")))
    uri = server.start()
    try:
        db = MongoClient(uri)["qsradar"]
        shapes = {
            "compound": [IndexModel([("owner", 1), ("sort_key", -1)])],
            "compound + sort_key": [IndexModel([("owner", 1), ("sort_key", -1)]), IndexModel([("sort_key", -1)])],
            "compound + sort_key + owner": [IndexModel([("owner", 1), ("sort_key", -1)]),
                                            IndexModel([("sort_key", -1)]), IndexModel("owner")],
        }
        codes = {"compound (key, kind, id)": [IndexModel([("key", 1), ("kind", 1), ("rid", 1)], unique=True)],
                 "compound + key": [IndexModel([("key", 1), ("kind", 1), ("rid", 1)], unique=True), IndexModel("key")]}
        # A complaint's idempotency check: full equality on the unique (owner, key), usually a miss (a new key).
        keyed = {"unique (owner, key) + (owner, sort_key)": [IndexModel([("owner", 1), ("key", 1)], unique=True),
                                                             IndexModel([("owner", 1), ("sort_key", -1)])],
                 "the same + owner": [IndexModel([("owner", 1), ("key", 1)], unique=True),
                                      IndexModel([("owner", 1), ("sort_key", -1)]), IndexModel("owner")]}
        print(f"nx-27017 at {uri}; p50 of 7, ms", flush=True)
        loaded = 0
        for size in SIZES:
            batch = range(loaded, size)
            for name, indexes in shapes.items():
                coll = db[f"shape_{list(shapes).index(name)}"]
                if loaded == 0:
                    coll.create_indexes(indexes)
                docs = [{"owner": f"owner-{i % OWNERS}" if i != 7 else "rare", "sort_key": f"{i:020d}", "pad": "x" * 300}
                        for i in batch]
                for k in range(0, len(docs), 10_000):
                    coll.insert_many(docs[k:k + 10_000])
                cursor = f"{size // 2:020d}"
                newest = p50(coll, {"owner": "owner-9"})
                after = p50(coll, {"owner": "owner-9", "sort_key": {"$lt": cursor}})
                rare = p50(coll, {"owner": "rare"})
                print(f"{size:>7} {name:30s} newest 20: {newest:7.1f}   next page: {after:7.1f}   rare owner: {rare:7.1f}",
                      flush=True)
            for name, indexes in codes.items():
                coll = db[f"codes_{list(codes).index(name)}"]
                if loaded == 0:
                    coll.create_indexes(indexes)
                coll.insert_many([{"key": f"69{i:011d}", "kind": "GTIN", "rid": i} for i in batch])
                key = f"69{size // 3:011d}"
                print(f"{size:>7} {name:30s} by key: {p50(coll, {'key': key}):7.1f}", flush=True)
            for n, (name, indexes) in enumerate(keyed.items()):
                coll = db[f"keyed_{n}"]
                if loaded == 0:
                    coll.create_indexes(indexes)
                coll.insert_many([{"owner": f"consumer-{i % 4}", "key": f"k-{i}", "sort_key": f"{i:020d}"} for i in batch])
                miss = p50(coll, {"owner": "consumer-1", "key": "never-used"})
                print(f"{size:>7} {name:40s} key check, a miss: {miss:7.1f}", flush=True)
            loaded = size
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
