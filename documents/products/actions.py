"""Reading and filling the product-code index. Lookups take the caller's visibility filters as plain query
dictionaries (auth/visibility decides them), so this module never decides who sees what."""

from __future__ import annotations

import re
from typing import Any

from pymongo.errors import DuplicateKeyError

from documents.core.clock import utcnow
from documents.db.query_shapes import find_keyed
from documents.enums import ProductCodeType, RecallStatus
from documents.products.codes import ProductCode, classify
from documents.products.models import Product
from documents.recalls import lookups as recall_lookups
from documents.recalls.models import Recall
from documents.warnings.models import Warning, WarningCode

ACTIVE_RECALL = [RecallStatus.ANNOUNCED.value, RecallStatus.IN_PROGRESS.value]
MAX_RESULTS = 20


def _from_recall(code: ProductCode, recall: dict) -> dict:
    """An index entry made from a recall that carries the code (not stored)."""
    return {"code": code.key, "code_type": code.type.value, "name": recall["product_name"],
            "name_en": recall.get("product_name_en"), "brand": recall.get("brand"), "model": recall.get("model"),
            "category": recall.get("category"), "enterprise_uscc": recall.get("enterprise_uscc"),
            "recall_codes": [recall["code"]], "warning_codes": []}


async def products_for(code: ProductCode) -> list[dict]:
    """Index entries for a code (one for a GTIN or trace code; name/brand matches for text). A code only a recall
    carries gets an entry made from that recall."""
    coll = Product.get_pymongo_collection()
    if code.type is ProductCodeType.TEXT:
        pattern = re.escape(code.key)
        return await coll.find({"search_text": {"$regex": pattern}}).limit(MAX_RESULTS).to_list(MAX_RESULTS)
    found = (await find_keyed(coll, "code", code.variants()))[:MAX_RESULTS]
    if found or not code.valid:
        return found
    carrying = await recall_lookups.carrying(code)
    recall = await Recall.get_pymongo_collection().find_one({"_id": {"$in": carrying}}, sort=[("sort_key", -1)]) \
        if carrying else None
    return [_from_recall(code, recall)] if recall else []


async def concerning(code: ProductCode) -> tuple[str | None, str | None]:
    """(enterprise USCC, category) of a GTIN or trace code: a registered product's, else a recall's carrying it."""
    if code.type is ProductCodeType.TEXT or not code.valid:
        return None, None
    for product in await products_for(code):
        if product.get("enterprise_uscc"):
            return str(product["enterprise_uscc"]), product.get("category")
    return None, None


async def active_recalls(code: ProductCode, products: list[dict], restriction: dict[str, Any]) -> list[dict]:
    """Active recalls (announced or in progress) carrying the code or linked from its index entries."""
    coll = Recall.get_pymongo_collection()
    linked = sorted({c for p in products for c in p.get("recall_codes", [])})
    alternatives: list[dict[str, Any]] = []
    if code.type is ProductCodeType.TEXT:
        alternatives.append({"search_text": {"$regex": re.escape(code.key)}})  # names, brand and model, lower-cased
    elif carrying := await recall_lookups.carrying(code):
        alternatives.append({"_id": {"$in": carrying}})
    # One equality per linked code (served from the unique index; `$in` scans on the embedded server).
    alternatives += [{"code": c} for c in linked]
    docs: dict[Any, dict] = {}
    for alternative in alternatives:  # one query per shape: `$or` over arrays is slow on the embedded server
        q = {**alternative, "status": {"$in": ACTIVE_RECALL}, **restriction}
        for doc in await coll.find(q).sort("sort_key", -1).limit(MAX_RESULTS).to_list(MAX_RESULTS):
            docs.setdefault(doc["_id"], doc)
    return sorted(docs.values(), key=lambda d: d.get("sort_key", ""), reverse=True)[:MAX_RESULTS]


async def active_warnings(code: ProductCode, products: list[dict], restriction: dict[str, Any],
                          projection: dict | None = None) -> list[dict]:
    """Warnings carrying the code (`gtins`) or linked from its index entries; `restriction` is the viewer's
    warning filter, narrowed by the caller to PUBLISHED (auth/visibility/warnings.py)."""
    coll = Warning.get_pymongo_collection()
    linked = sorted({c for p in products for c in p.get("warning_codes", [])})
    alternatives: list[dict[str, Any]] = []
    if code.type is ProductCodeType.TEXT:
        alternatives.append({"search_text": {"$regex": re.escape(code.key)}})
    else:
        # Through the code index, one equality per spelling, not `gtins` itself: on the embedded server `$in` scans
        # (on an array, and on any field but `_id`) where equality uses the index.
        codes = WarningCode.get_pymongo_collection()
        ids = [d["warning_id"] for v in code.variants() async for d in codes.find({"key": v}, {"warning_id": 1})]
        if ids:
            alternatives.append({"_id": {"$in": ids}})
    # One equality per linked code: the embedded server serves equality on `code` from its (partial) unique index
    # but scans every warning for `$in` (measured at 10 k warnings: 1 ms against 50 ms).
    alternatives += [{"code": c} for c in linked]
    docs: dict[Any, dict] = {}
    for alternative in alternatives:
        q = {**alternative, **restriction}
        for doc in await coll.find(q, projection).sort("sort_key", -1).limit(MAX_RESULTS).to_list(MAX_RESULTS):
            docs.setdefault(doc["_id"], doc)
    return sorted(docs.values(), key=lambda d: d.get("sort_key", ""), reverse=True)[:MAX_RESULTS]


async def register(product: Product) -> Product:
    """Insert or replace the index entry for `product.code` (the code normalised first)."""
    code = classify(product.code)
    product.code = code.key
    product.code_type = code.type
    product.updated_at = utcnow()
    product.refresh_derived()
    doc = product.model_dump(by_alias=True, mode="python", exclude={"id"})
    coll = Product.get_pymongo_collection()
    existing = await coll.find_one({"code": product.code}, {"_id": 1})
    if existing is None:
        await coll.insert_one({"_id": product.id, **doc})
    else:
        product.id = existing["_id"]
        await coll.replace_one({"_id": existing["_id"]}, doc)
    return product


async def refresh_from_recalls() -> int:
    """Add an index entry for every valid GTIN a recall carries (recalls gain `gtins`) that has none yet;
    returns how many were added. Whole documents are inserted (update operators store dates as strings on the
    embedded server, documents/db/query_shapes.py)."""
    coll = Product.get_pymongo_collection()
    added = 0
    # Every recall, filtered here: on the embedded server `{"gtins.0": {"$exists": true}}` matches nothing (measured).
    # One cursor for the whole pass: it runs while seeding, under the start-up time limit (gql/service/app.py).
    async for recall in Recall.get_pymongo_collection().find({}):
        for raw in recall.get("gtins") or []:
            code = classify(str(raw))
            if code.type is not ProductCodeType.GTIN or not code.valid:
                continue
            if await coll.find_one({"code": code.key}, {"_id": 1}):
                continue
            product = Product(code=code.key, code_type=code.type, name=recall["product_name"],
                              name_en=recall.get("product_name_en"), brand=recall.get("brand"),
                              model=recall.get("model"), enterprise_uscc=recall.get("enterprise_uscc"),
                              recall_codes=[recall["code"]], source=f"recall:{recall['code']}")
            product.refresh_derived()
            try:
                await coll.insert_one(product.model_dump(by_alias=True, mode="python"))
                added += 1
            except DuplicateKeyError:
                pass  # another worker indexed it meanwhile
    return added
