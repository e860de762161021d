"""Query shapes that work on both a real MongoDB and the embedded server (workarounds in one place).

Measured on nx-27017 0.8.1: `{field: ObjectId(...)}` (and `$eq`) never matches on a field other
than `_id`, while `{field: {"$in": [ObjectId(...)]}}` does. Both mean the same on MongoDB.
"""

from __future__ import annotations

from typing import Any


def same_id(value: Any) -> dict[str, list[Any]]:
    """Equality on an ObjectId-valued field other than `_id`."""
    return {"$in": [value]}


def has_element(value: Any) -> dict[str, list[Any]]:
    """An array field contains `value`."""
    return {"$in": [value]}
