"""Adding and removing watched products (the owner's own list only; the caller checks who may)."""

from __future__ import annotations

from pymongo.errors import DuplicateKeyError

from documents.audit import models as audit
from documents.core.errors import RuleViolation
from documents.products.codes import classify
from documents.watchlist.models import MAX_LABEL, MAX_WATCHED, WatchedProduct


async def list_for(owner_id: str) -> list[dict]:
    """The owner's watched products, newest first."""
    coll = WatchedProduct.get_pymongo_collection()
    return await coll.find({"owner_id": owner_id}).sort("added_at", -1).limit(MAX_WATCHED).to_list(MAX_WATCHED)


async def watch(owner_id: str, raw_code: str, label: str | None) -> list[dict]:
    """Watch a code (a GTIN must have a valid check digit); watching it again updates the label."""
    code = classify(raw_code, field="code")
    if not code.valid:
        raise RuleViolation("code is a GTIN with a wrong check digit", field="code")
    text = " ".join((label or "").split()) or None
    if text and len(text) > MAX_LABEL:
        raise RuleViolation(f"label is longer than {MAX_LABEL} characters", field="label")
    coll = WatchedProduct.get_pymongo_collection()
    existing = await coll.find_one({"owner_id": owner_id, "key": code.key})
    if existing is not None:
        if text is not None and text != existing.get("label"):
            await coll.update_one({"_id": existing["_id"]}, {"$set": {"label": text}})
        return await list_for(owner_id)
    held = await coll.find({"owner_id": owner_id}, {"_id": 1}).limit(MAX_WATCHED).to_list(MAX_WATCHED)
    if len(held) >= MAX_WATCHED:
        raise RuleViolation(f"a watchlist holds at most {MAX_WATCHED} products", field="code")
    entry = WatchedProduct(owner_id=owner_id, code=code.code, key=code.key, code_type=code.type, label=text)
    try:
        await coll.insert_one(entry.model_dump(by_alias=True, mode="python"))
        await audit.record("product_watched", actor=f"account:{owner_id}", target=f"code:{code.key}")
    except DuplicateKeyError:
        pass  # a concurrent watch of the same code: one entry
    return await list_for(owner_id)


async def unwatch(owner_id: str, raw_code: str) -> list[dict]:
    """Stop watching a code (nothing happens when it was not watched)."""
    code = classify(raw_code, field="code")
    await WatchedProduct.get_pymongo_collection().delete_one({"owner_id": owner_id, "key": code.key})
    return await list_for(owner_id)
