"""Partner-agency OAuth 2 clients (foreign and domestic authorities) and the admin's changes to them.

Every change (create, update, rotate the secret, revoke) writes the whole document guarded by its revision and
its audit entry in one transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from beanie import Document, Indexed
from bson import ObjectId
from pydantic import Field
from pymongo import IndexModel
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from documents.audit import models as audit
from documents.core.clock import sort_key, utcnow
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.db.transactions import in_transaction
from documents.enums import AgencyScope

# Bounds an admin may set (a budget must let at least a small query through; a huge one is a typo).
MIN_BUDGET_MAXIMUM, MAX_BUDGET_MAXIMUM = 10, 1_000_000
MIN_RESTORE_RATE, MAX_RESTORE_RATE = 0.1, 100_000.0
MAX_GRACE_SECONDS = 30 * 86_400
MAX_NAME_LENGTH = 200


class AgencyClient(Document):
    """A client-credentials client; the secret is stored only as an Argon2 hash."""

    client_id: Indexed(str, unique=True)  # type: ignore[valid-type]
    secret_hash: str
    name: str
    country: str | None = None  # ISO 3166 alpha-2 of a foreign authority
    scopes: list[AgencyScope] = Field(default_factory=list)
    disabled: bool = False
    # Its cost budget (issue 14): bucket size in points and restore rate per second; None = the service defaults
    # (QSRADAR_BUDGET_MAXIMUM, QSRADAR_BUDGET_RESTORE_RATE). Optional, so no migration.
    budget_maximum: int | None = None
    budget_restore_rate: float | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Secret rotation: the previous hash is still accepted until previous_secret_expires_at (the grace).
    secret_rotated_at: datetime | None = None
    previous_secret_hash: str | None = None
    previous_secret_expires_at: datetime | None = None
    revoked_at: datetime | None = None  # revoked for good (disabled too); no token is issued or accepted after
    revision: int = 0
    sort_key: str = ""  # "<created digits>|<id>" for the admin's keyset list; filled by ensure_keys when missing

    class Settings:
        name = "agency_clients"
        indexes = [IndexModel([("sort_key", -1)])]

    def previous_secret_valid(self, now: datetime | None = None) -> bool:
        """True while the secret replaced by the last rotation is still accepted."""
        if self.previous_secret_hash is None or self.previous_secret_expires_at is None:
            return False
        expires = self.previous_secret_expires_at
        if expires.tzinfo is None:  # BSON dates come back naive (UTC)
            expires = expires.replace(tzinfo=UTC)
        return (now or utcnow()) < expires


# --- pure rules --------------------------------------------------------------------------------------------------

def check_name(name: str) -> str:
    """The trimmed name; RuleViolation naming `name` when empty or too long."""
    name = name.strip()
    if not name:
        raise RuleViolation("name must not be empty", field="name")
    if len(name) > MAX_NAME_LENGTH:
        raise RuleViolation(f"name must be at most {MAX_NAME_LENGTH} characters", field="name")
    return name


def check_scopes(scopes: list[AgencyScope]) -> list[AgencyScope]:
    """The scopes without duplicates; at least one (a client without scopes can do nothing)."""
    unique = list(dict.fromkeys(scopes))
    if not unique:
        raise RuleViolation("a client needs at least one scope", field="scopes")
    return unique


def check_budget(maximum: int | None, rate: float | None) -> None:
    """RuleViolation naming the field when a budget value is out of bounds (None keeps the service default)."""
    if maximum is not None and not MIN_BUDGET_MAXIMUM <= maximum <= MAX_BUDGET_MAXIMUM:
        raise RuleViolation(f"budgetMaximum must be between {MIN_BUDGET_MAXIMUM} and {MAX_BUDGET_MAXIMUM} points",
                            field="budgetMaximum")
    if rate is not None and not (MIN_RESTORE_RATE <= rate <= MAX_RESTORE_RATE):  # also refuses NaN
        raise RuleViolation(f"budgetRestoreRate must be between {MIN_RESTORE_RATE} and {MAX_RESTORE_RATE} points "
                            "per second", field="budgetRestoreRate")


def check_grace(seconds: int) -> timedelta:
    """The grace of the previous secret: 0 (refused at once) up to MAX_GRACE_SECONDS."""
    if not 0 <= seconds <= MAX_GRACE_SECONDS:
        raise RuleViolation(f"graceSeconds must be between 0 and {MAX_GRACE_SECONDS}", field="graceSeconds")
    return timedelta(seconds=seconds)


# --- actions (the only writers) ----------------------------------------------------------------------------------

def _collection() -> Any:
    return AgencyClient.get_pymongo_collection()


async def ensure_keys() -> int:
    """Clients stored before the admin list existed get their sort key and revision 0 (idempotent)."""
    changed = 0
    async for doc in _collection().find({"sort_key": {"$exists": False}}, {"created_at": 1}):
        at = doc.get("created_at") or utcnow()
        result = await _collection().update_one(
            {"_id": doc["_id"], "sort_key": {"$exists": False}},
            {"$set": {"sort_key": sort_key(at, str(doc["_id"])), "revision": int(doc.get("revision", 0))}})
        changed += int(result.modified_count)
    return changed


async def create(client: AgencyClient, *, by: str) -> AgencyClient:
    """Insert a new client and its audit entry in one transaction; CONFLICT when the client id is taken."""
    client.name = check_name(client.name)
    client.scopes = check_scopes(client.scopes)
    check_budget(client.budget_maximum, client.budget_restore_rate)
    client.id = ObjectId()  # type: ignore[assignment]
    client.sort_key = sort_key(client.created_at, str(client.id))
    client.revision = 0

    async def precheck() -> None:
        if await _collection().find_one({"client_id": client.client_id}, {"_id": 1}) is not None:
            raise StateConflict("a client with this id already exists", reason="DUPLICATE")

    async def write(session: AsyncClientSession) -> None:
        await _collection().insert_one(client.model_dump(by_alias=True, mode="python"), session=session)
        await audit.record("agency_client_created", actor=by, target=f"client:{client.client_id}",
                           scopes=[s.value for s in client.scopes], session=session)

    try:
        await in_transaction(write, precheck=precheck)
    except DuplicateKeyError as exc:
        raise StateConflict("a client with this id already exists", reason="DUPLICATE") from exc
    return client


async def load(object_id: ObjectId) -> AgencyClient:
    """The client with this `_id`; NotFound otherwise."""
    await ensure_keys()  # a client stored before revisions existed gets revision 0 before it is changed
    client = await AgencyClient.get(object_id)
    if client is None:
        raise NotFound("no such agency client")
    return client


async def _save(client: AgencyClient, revision: int, action: str, by: str, **detail: Any) -> AgencyClient:
    """Replace the whole document if still at `revision` (else CONFLICT/STALE), with its audit entry."""
    client.revision = revision + 1

    async def precheck() -> None:
        current = await _collection().find_one({"_id": client.id}, {"revision": 1})
        if current is None:
            raise NotFound("no such agency client")
        if current.get("revision", 0) != revision:
            raise StateConflict("the client was changed meanwhile: reload it", reason="STALE")

    async def write(session: AsyncClientSession) -> None:
        # The whole document (update operators would store the dates as strings on the embedded server).
        result = await _collection().replace_one({"_id": client.id, "revision": revision},
                                                 client.model_dump(by_alias=True, mode="python"), session=session)
        if result.matched_count != 1:
            raise StateConflict("the client was changed meanwhile: reload it", reason="STALE")
        await audit.record(action, actor=by, target=f"client:{client.client_id}", session=session, **detail)

    await in_transaction(write, precheck=precheck)
    return client


def _not_revoked(client: AgencyClient) -> None:
    if client.revoked_at is not None:
        raise StateConflict("the client is revoked")


async def update(object_id: ObjectId, *, by: str, expected_revision: int | None = None, name: str | None = None,
                 scopes: list[AgencyScope] | None = None, budget_maximum: int | None = None,
                 budget_restore_rate: float | None = None, clear_budget: bool = False) -> AgencyClient:
    """Change the name, scopes or budget (only the values given); `clear_budget` returns to the defaults."""
    client = await load(object_id)
    _not_revoked(client)
    revision = client.revision if expected_revision is None else expected_revision
    changed: dict[str, Any] = {}
    if name is not None:
        client.name = changed["name"] = check_name(name)
    if scopes is not None:
        client.scopes = check_scopes(scopes)
        changed["scopes"] = [s.value for s in client.scopes]
    check_budget(budget_maximum, budget_restore_rate)
    if clear_budget:
        client.budget_maximum = client.budget_restore_rate = None
        changed["budget"] = "default"
    if budget_maximum is not None:
        client.budget_maximum = changed["budgetMaximum"] = budget_maximum
    if budget_restore_rate is not None:
        client.budget_restore_rate = changed["budgetRestoreRate"] = budget_restore_rate
    if not changed:
        raise RuleViolation("nothing to change: give name, scopes, budgetMaximum or budgetRestoreRate",
                            field="input")
    return await _save(client, revision, "agency_client_updated", by, **changed)


async def rotate_secret(object_id: ObjectId, new_hash: str, grace: timedelta, *, by: str) -> AgencyClient:
    """The new secret's hash replaces the current one, which stays accepted for `grace` (0: refused at once)."""
    client = await load(object_id)
    _not_revoked(client)
    now = utcnow()
    client.previous_secret_hash = client.secret_hash if grace.total_seconds() > 0 else None
    client.previous_secret_expires_at = now + grace if grace.total_seconds() > 0 else None
    client.secret_hash = new_hash
    client.secret_rotated_at = now
    return await _save(client, client.revision, "agency_client_secret_rotated", by,
                       graceSeconds=int(grace.total_seconds()))


async def revoke(object_id: ObjectId, *, by: str) -> AgencyClient:
    """Revoke for good: no token is issued any more and issued ones are refused; both secrets are dropped."""
    client = await load(object_id)
    _not_revoked(client)
    client.revoked_at = utcnow()
    client.disabled = True
    client.previous_secret_hash = None
    client.previous_secret_expires_at = None
    return await _save(client, client.revision, "agency_client_revoked", by)
