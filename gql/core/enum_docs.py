"""Descriptions of the contract's enums (documents/enums.py stays free of strawberry): one helper for every domain."""

from __future__ import annotations

from enum import Enum

import strawberry


def describe_enum(cls: type[Enum], description: str, values: dict[str, str]) -> None:
    """Register `cls` with strawberry with a description for the enum and each value (in place when already
    registered, so the schema holds one definition); a value left out stays undescribed (the docs test lists it)."""
    definition = getattr(cls, "__strawberry_definition__", None)
    if definition is None:
        strawberry.enum(cls, description=description)
        definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    else:
        definition.description = description
    for value in definition.values:
        # A value added later by another domain must not break the import; tests/test_schema_docs.py reports it.
        value.description = values.get(value.name, value.description)
