"""The contract's error codes, mapped in one place for every error the schema returns.

Resolvers raise domain exceptions (documents.core.errors, auth.errors) or ApiError; `classify`
turns each into `extensions.code`; anything unexpected becomes INTERNAL with a bland message.
"""

from __future__ import annotations

import logging
from enum import Enum
from typing import Any

from graphql import GraphQLError
from pydantic import ValidationError
from pymongo.errors import PyMongoError

from auth.errors import RateLimited, Unauthenticated
from documents.core.errors import NotFound, RuleViolation, StateConflict

log = logging.getLogger("qsradar.errors")


class ErrorCode(str, Enum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    CONFLICT = "CONFLICT"
    RATE_LIMITED = "RATE_LIMITED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    INTERNAL = "INTERNAL"


INTERNAL_MESSAGE = "Internal error; it has been logged."
STORAGE_FULL_MESSAGE = ("The database has no space left to write (存储空间已满): this change was not "
                        "confirmed. Reads go on; retry once space has been freed.")
# How a full disk shows up: MongoDB's OutOfDiskSpace (14031) and the embedded server's SQLite
# ("database or disk is full"), or the OS errors ENOSPC / EFBIG in the message.
_STORAGE_FULL_CODES = {14031}
_STORAGE_FULL_TEXT = ("disk is full", "no space left on device", "file too large", "outofdiskspace")


class ApiError(Exception):
    """An expected failure with its code, raised from resolvers."""

    def __init__(self, code: ErrorCode, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.code = code
        self.extensions = extensions


def bad_input(message: str, field: str | None = None) -> ApiError:
    """BAD_USER_INPUT naming the input field."""
    return ApiError(ErrorCode.BAD_USER_INPUT, message, **({"field": field} if field else {}))


def is_storage_full(exc: BaseException) -> bool:
    """True when a database error says the storage is full (the write could not be stored)."""
    if not isinstance(exc, PyMongoError):
        return False
    if getattr(exc, "code", None) in _STORAGE_FULL_CODES:
        return True
    details = getattr(exc, "details", None) or {}
    texts = [str(exc), *(str(e.get("errmsg", "")) for e in details.get("writeErrors", []) if isinstance(e, dict))]
    return any(marker in text.lower() for text in texts for marker in _STORAGE_FULL_TEXT)


def _from_exception(exc: BaseException) -> tuple[ErrorCode, str, dict[str, Any]] | None:
    if isinstance(exc, ApiError):
        return exc.code, str(exc), exc.extensions
    if isinstance(exc, RuleViolation):
        return ErrorCode.BAD_USER_INPUT, str(exc), ({"field": exc.field} if exc.field else {})
    if isinstance(exc, ValidationError):
        details = exc.errors()
        field = ".".join(str(p) for p in details[0]["loc"]) if details else None
        message = details[0]["msg"] if details else "invalid input"
        return ErrorCode.BAD_USER_INPUT, message, ({"field": field} if field else {})
    if isinstance(exc, StateConflict):
        extra: dict[str, Any] = {"reason": exc.reason}
        conflict_field = getattr(exc, "field", None)  # e.g. a refused recall transition names "status"
        if conflict_field:
            extra["field"] = conflict_field
        return ErrorCode.CONFLICT, str(exc), extra
    if isinstance(exc, NotFound):
        return ErrorCode.NOT_FOUND, str(exc), {}
    if isinstance(exc, Unauthenticated):
        return ErrorCode.UNAUTHENTICATED, str(exc), {}
    if isinstance(exc, RateLimited):
        return ErrorCode.RATE_LIMITED, str(exc), {"retryAfter": exc.retry_after}
    return None


def classify(error: GraphQLError) -> None:
    """Set `extensions.code` on an outgoing error (in place), masking unexpected ones."""
    existing = (error.extensions or {}).get("code")
    original = error.original_error
    if original is None:
        if existing in ErrorCode.__members__:
            return
        # Parse and validation errors (syntax, unknown field, wrong variable type) are the client's.
        code = ErrorCode.QUERY_TOO_COMPLEX if "tokens" in error.message and "more than" in error.message \
            else ErrorCode.BAD_USER_INPUT
        error.extensions = {**(error.extensions or {}), "code": code.value}
        return
    mapped = _from_exception(original)
    if mapped is None and isinstance(original, GraphQLError):
        # A GraphQLError raised inside execution (e.g. a permission class) keeps its own code.
        if existing in ErrorCode.__members__:
            return
        mapped = (ErrorCode.BAD_USER_INPUT, original.message, {})
    if mapped is None and is_storage_full(original):
        # Expected in operation and actionable: say so plainly (still INTERNAL, the contract's code for
        # failures that are not the client's), with a machine-readable reason.
        log.warning("database storage full at %s: %s", error.path, original)
        error.message = STORAGE_FULL_MESSAGE
        error.extensions = {"code": ErrorCode.INTERNAL.value, "reason": "STORAGE_FULL"}
        return
    if mapped is None and isinstance(original, PyMongoError):
        # A stalled or lost database (timeoutMS, network): expected in operation, so one line, no traceback.
        log.warning("database unavailable at %s: %s", error.path, original)
    elif mapped is None:
        log.error("unexpected error at %s", error.path, exc_info=original)
    if mapped is None:
        error.message = INTERNAL_MESSAGE
        error.extensions = {"code": ErrorCode.INTERNAL.value}
        return
    code, message, extra = mapped
    error.message = message
    error.extensions = {"code": code.value, **extra}
