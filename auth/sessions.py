"""Sign-up, sign-in, refresh-token rotation with reuse detection, and sign-out."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from beanie import PydanticObjectId
from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from auth import signin_limits
from auth.errors import Unauthenticated
from auth.passwords import hash_secret, verify_secret
from auth.tokens import issue_access_token
from documents.accounts.models import (
    Account,
    check_email,
    check_locale,
    check_password,
    normalise_email,
)
from documents.accounts.token_families import RefreshToken, TokenFamily
from documents.audit import models as audit
from documents.core.clock import utcnow
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.db.query_shapes import same_id
from documents.enterprises.models import Enterprise, check_uscc
from documents.enums import Role
from documents.settings import get_settings

GENERIC_FAILURE = "email or password is incorrect"


@dataclass(frozen=True)
class TokenPair:
    """What a successful sign-in or refresh hands out."""

    access_token: str
    refresh_token: str
    expires_in: int
    account: Account


def _hash_refresh(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def access_claims(account: Account, family_id: PydanticObjectId) -> dict[str, object]:
    """Claims of an account's access token."""
    claims: dict[str, object] = {"sub": str(account.id), "role": account.role.value, "fam": str(family_id)}
    if account.enterprise_uscc:
        claims["ent"] = account.enterprise_uscc
    return claims


async def _issue_pair(account: Account, family_id: PydanticObjectId) -> tuple[TokenPair, str]:
    """A new access token and refresh token of the family; also returns the refresh token's hash."""
    s = get_settings()
    refresh = secrets.token_urlsafe(32)
    refresh_hash = _hash_refresh(refresh)
    await RefreshToken(token_hash=refresh_hash, family_id=family_id, account_id=account.id,
                       expires_at=utcnow() + timedelta(seconds=s.refresh_token_ttl_seconds)).insert()
    access = issue_access_token(access_claims(account, family_id), s.access_token_ttl_seconds)
    return TokenPair(access, refresh, s.access_token_ttl_seconds, account), refresh_hash


async def _start_session(account: Account) -> TokenPair:
    family = await TokenFamily(account_id=account.id).insert()
    assert family.id is not None  # inserted
    pair, _ = await _issue_pair(account, family.id)
    return pair


async def create_account(email: str, password: str, role: Role, *, display_name: str | None = None,
                         locale: str | None = None, enterprise_uscc: str | None = None) -> Account:
    """Validate and store a new account; StateConflict when the email is taken."""
    canonical = check_email(email)
    check_password(password, canonical)
    account = Account(email=canonical, password_hash=await hash_secret(password), role=role,
                      display_name=(display_name or "").strip() or None, locale=check_locale(locale),
                      enterprise_uscc=enterprise_uscc)
    try:
        await account.insert()
    except DuplicateKeyError as exc:
        raise StateConflict("an account with this email already exists", "EMAIL_TAKEN") from exc
    return account


async def admin_create_account(email: str, password: str, role: Role, *, by: str, display_name: str | None = None,
                               locale: str | None = None, enterprise_uscc: str | None = None) -> Account:
    """An administrator creates an account of any role but AGENCY (agencies are OAuth clients); audited."""
    uscc = None
    if role is Role.AGENCY:
        raise RuleViolation("agencies are OAuth clients: use createAgencyClient", field="role")
    if role is Role.ENTERPRISE:
        if not enterprise_uscc:
            raise RuleViolation("enterprise accounts need enterpriseUscc", field="enterpriseUscc")
        uscc = check_uscc(enterprise_uscc, field="enterpriseUscc")
        if await Enterprise.find_one(Enterprise.uscc == uscc) is None:
            raise NotFound("no enterprise with this USCC")
    account = await create_account(email, password, role, display_name=display_name, locale=locale,
                                   enterprise_uscc=uscc)
    await audit.record("account_created", actor=by, target=f"account:{account.id}", role=account.role.value)
    return account


async def sign_up(email: str, password: str, *, display_name: str | None, locale: str | None,
                  address: str | None) -> TokenPair:
    """A consumer creates their own account and is signed in."""
    account = await create_account(email, password, Role.CONSUMER, display_name=display_name, locale=locale)
    await audit.record("sign_up", actor=f"account:{account.id}", address=address)
    return await _start_session(account)


async def sign_in(email: str, password: str, *, address: str | None) -> TokenPair:
    """Check the password under the brute-force limits; the failure never says whether the email exists."""
    canonical = normalise_email(email)
    # Reserved before hashing: concurrent guesses cannot all slip past the limit while others hash.
    await signin_limits.reserve_attempt(canonical, address)
    account = await Account.find_one(Account.email == canonical)
    # An unknown email is verified against a dummy hash, so it costs what a wrong password costs.
    ok = await verify_secret(account.password_hash if account else None, password)
    if not ok or account is None or account.disabled:
        await audit.record("sign_in_failed", actor=canonical, address=address)
        raise Unauthenticated(GENERIC_FAILURE)
    await signin_limits.record_success(canonical, address)
    await audit.record("sign_in", actor=f"account:{account.id}", address=address)
    return await _start_session(account)


async def revoke_family(family_id: PydanticObjectId, reason: str) -> None:
    """Revoke every token of a session."""
    await TokenFamily.get_pymongo_collection().update_one(
        {"_id": family_id, "revoked_at": None}, {"$set": {"revoked_at": utcnow(), "revoked_reason": reason}})


async def _reuse_is_tolerated(reused: dict[str, Any], now: datetime) -> bool:
    """True for the token rotated less than the grace ago whose successor has not been used yet:
    two tabs refreshing at once, not a replayed stolen token."""
    grace = get_settings().refresh_reuse_grace_seconds
    rotated_epoch = reused.get("rotated_epoch")
    if grace <= 0 or not isinstance(rotated_epoch, int | float) or now.timestamp() - rotated_epoch >= grace:
        return False
    successor_hash = reused.get("replaced_by")
    if successor_hash is None:
        return True  # its rotation is still being written: the successor cannot have been used
    successor = await RefreshToken.get_pymongo_collection().find_one({"token_hash": successor_hash})
    return successor is not None and successor.get("rotated_at") is None


async def refresh(refresh_token: str, *, address: str | None) -> TokenPair:
    """Rotate a refresh token. Presenting an already-rotated one revokes its whole family, except the
    one rotated within the grace period while its successor is unused (that gets a fresh pair)."""
    coll = RefreshToken.get_pymongo_collection()
    token_hash = _hash_refresh(refresh_token)
    now = utcnow()
    claimed = await coll.find_one_and_update(
        {"token_hash": token_hash, "rotated_at": None}, {"$set": {"rotated_at": now, "rotated_epoch": now.timestamp()}},
        return_document=ReturnDocument.BEFORE)
    tolerated = False
    if claimed is None:
        reused = await coll.find_one({"token_hash": token_hash})
        if reused is None:
            raise Unauthenticated("refresh token is invalid")
        if not await _reuse_is_tolerated(reused, now):
            await revoke_family(reused["family_id"], "refresh token reuse")
            await audit.record("refresh_token_reuse", actor=f"account:{reused['account_id']}", address=address,
                               family=str(reused["family_id"]))
            raise Unauthenticated("refresh token is invalid")
        claimed, tolerated = reused, True
    family = await TokenFamily.get(claimed["family_id"])
    account = await Account.get(claimed["account_id"])
    if (family is None or family.revoked_at is not None or claimed["expires_at"] <= now
            or account is None or account.disabled):
        raise Unauthenticated("refresh token is invalid")
    pair, successor_hash = await _issue_pair(account, family.id)  # type: ignore[arg-type]
    if tolerated:
        # The first successor stays the one that decides: once it is used, this token's reuse is theft.
        await audit.record("refresh_token_reuse_tolerated", actor=f"account:{account.id}", address=address,
                           family=str(family.id))
    else:
        await coll.update_one({"token_hash": token_hash}, {"$set": {"replaced_by": successor_hash}})
    return pair


async def sign_out(refresh_token: str, *, address: str | None) -> bool:
    """Revoke the session the refresh token belongs to; True when there was one."""
    found = await RefreshToken.get_pymongo_collection().find_one({"token_hash": _hash_refresh(refresh_token)})
    if found is None:
        return False
    await revoke_family(found["family_id"], "signed out")
    await audit.record("sign_out", actor=f"account:{found['account_id']}", address=address)
    return True


async def set_disabled(account_id: ObjectId, disabled: bool, *, by: str) -> Account:
    """Disable (and sign out everywhere) or re-enable an account."""
    account = await Account.get(account_id)
    if account is None:
        from documents.core.errors import NotFound

        raise NotFound("no such account")
    account.disabled = disabled
    account.updated_at = utcnow()
    await account.save()
    if disabled:
        await TokenFamily.get_pymongo_collection().update_many(
            {"account_id": same_id(account.id), "revoked_at": None},
            {"$set": {"revoked_at": utcnow(), "revoked_reason": "account disabled"}})
    await audit.record("account_disabled" if disabled else "account_enabled", actor=by, target=f"account:{account.id}")
    return account
