"""Rule violations raised by documents; the API layer maps them to its error codes."""

from __future__ import annotations


class RuleViolation(ValueError):
    """Input breaks a business rule (bad value for `field`, or a missing companion value)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StateConflict(RuntimeError):
    """The change is not allowed in the document's current state (e.g. adjusting a lifted warning)."""


class NotFound(LookupError):
    """The document does not exist."""
