"""People who sign in: consumers, enterprise staff, regulators and administrators."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, Indexed
from pydantic import Field
from pymongo import IndexModel

from documents.core.clock import utcnow
from documents.core.errors import RuleViolation
from documents.enums import Role

MIN_PASSWORD_LENGTH = 10


class Account(Document):
    """A user account; `email` is stored lower-cased so uniqueness is case-insensitive."""

    email: Indexed(str, unique=True)  # type: ignore[valid-type]
    password_hash: str
    role: Role
    enterprise_uscc: str | None = None
    display_name: str | None = None
    locale: str = "zh-CN"
    disabled: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "accounts"
        indexes = [IndexModel("enterprise_uscc")]


def normalise_email(email: str) -> str:
    """Canonical form used for storage and look-up."""
    return email.strip().lower()


def check_email(email: str) -> str:
    """Return the canonical email or raise RuleViolation."""
    value = normalise_email(email)
    local, _, domain = value.partition("@")
    if not local or "." not in domain or " " in value or len(value) > 254:
        raise RuleViolation("email is not a valid address", field="email")
    return value


def check_password(password: str, email: str) -> None:
    """Password policy: at least 10 characters and not the email (nor its local part)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise RuleViolation(f"password must have at least {MIN_PASSWORD_LENGTH} characters", field="password")
    lowered = password.strip().lower()
    canonical = normalise_email(email)
    if lowered in (canonical, canonical.partition("@")[0]):
        raise RuleViolation("password must not be the email address", field="password")


def check_locale(locale: str | None) -> str:
    """Supported UI locales."""
    if locale in (None, "", "zh-CN"):
        return "zh-CN"
    if locale == "en":
        return "en"
    raise RuleViolation("locale must be zh-CN or en", field="locale")
