"""Registering partner-agency clients (an admin task)."""

from __future__ import annotations

import re
import secrets

from pymongo.errors import DuplicateKeyError

from auth.passwords import hash_secret
from documents.accounts.agency_clients import AgencyClient
from documents.audit import models as audit
from documents.core.errors import RuleViolation, StateConflict
from documents.enums import AgencyScope

CLIENT_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")


async def register_client(client_id: str, name: str, scopes: list[AgencyScope], *, by: str,
                          country: str | None = None, secret: str | None = None) -> tuple[AgencyClient, str]:
    """Create a client; returns it with its secret, which is shown once and stored only hashed."""
    if not CLIENT_ID_PATTERN.match(client_id):
        raise RuleViolation("clientId must be 3-64 lower-case letters, digits or dashes", field="clientId")
    if not name.strip():
        raise RuleViolation("name must not be empty", field="name")
    secret = secret or secrets.token_urlsafe(32)
    client = AgencyClient(client_id=client_id, secret_hash=await hash_secret(secret), name=name.strip(),
                          scopes=list(dict.fromkeys(scopes)), country=country)
    try:
        await client.insert()
    except DuplicateKeyError as exc:
        raise StateConflict("a client with this id already exists") from exc
    await audit.record("agency_client_created", actor=by, target=f"client:{client_id}",
                       scopes=[s.value for s in client.scopes])
    return client, secret
