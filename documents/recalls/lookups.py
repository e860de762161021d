"""Finding recalls by a code they carry, through their code index (RecallCode): on the embedded server `gtins` itself
is an array, where equality never matches digit strings and `$in` scans every recall (25–31 ms at 15 k recalls, ten
times that at 150 k); one indexed equality per spelling stays flat (README, embedded-server quirks)."""

from __future__ import annotations

from typing import Any

from documents.db.query_shapes import find_keyed
from documents.enums import ProductCodeType
from documents.products.codes import ProductCode
from documents.recalls.models import RecallCode


async def carrying(code: ProductCode) -> list[Any]:
    """The ids of the recalls carrying this GTIN (any spelling: GTIN-14, -13, -12, -8) or trace code (as typed or
    upper-case)."""
    spellings = code.variants() if code.type is ProductCodeType.GTIN else [code.code, code.raw.strip()]
    entries = await find_keyed(RecallCode.get_pymongo_collection(), "key", spellings, {"kind": 1, "recall_id": 1})
    return sorted({e["recall_id"] for e in entries if e["kind"] == code.type.value})
