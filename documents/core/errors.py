"""Rule violations raised by documents; the API layer maps them to its error codes."""

from __future__ import annotations


class RuleViolation(ValueError):
    """Input breaks a business rule (bad value for `field`, or a missing companion value)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StateConflict(RuntimeError):
    """The change is not allowed in the document's current state (e.g. adjusting a lifted warning).

    `reason` tells clients which conflict it is, so they can say it in the user's language: WRONG_STATUS (the
    object's state does not allow it), SAME_LEVEL (already at that level), STALE (changed by someone else: reload),
    EMAIL_TAKEN, DUPLICATE (a key or file already used for something else).
    """

    def __init__(self, message: str, reason: str = "WRONG_STATUS") -> None:
        super().__init__(message)
        self.reason = reason


class NotFound(LookupError):
    """The document does not exist."""
