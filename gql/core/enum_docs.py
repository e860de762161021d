"""Descriptions of the contract's enums (documents/enums.py stays free of strawberry): one helper for every domain."""

from __future__ import annotations

from enum import Enum

import strawberry


def describe_enum(cls: type[Enum], description: str, values: dict[str, str]) -> None:
    """Register `cls` with strawberry with a description for the enum and each value (in place when it is already
    registered, so the schema holds one definition); a value left out of `values` fails at import."""
    definition = getattr(cls, "__strawberry_definition__", None)
    if definition is None:
        strawberry.enum(cls, description=description)
        definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    else:
        definition.description = description
    for value in definition.values:
        value.description = values[value.name]
