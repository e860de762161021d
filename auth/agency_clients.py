"""Registering partner-agency clients and rotating their secrets (admin tasks): secrets are made and hashed here,
the documents are written by documents/accounts/agency_clients.py."""

from __future__ import annotations

import re
import secrets

from bson import ObjectId

from auth.passwords import hash_secret
from documents.accounts import agency_clients as clients
from documents.accounts.agency_clients import AgencyClient
from documents.core.errors import RuleViolation
from documents.enums import AgencyScope

CLIENT_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")


def new_secret() -> str:
    """A fresh client secret (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


async def register_client(client_id: str, name: str, scopes: list[AgencyScope], *, by: str,
                          country: str | None = None, secret: str | None = None, budget_maximum: int | None = None,
                          budget_restore_rate: float | None = None) -> tuple[AgencyClient, str]:
    """Create a client; returns it with its secret, which is shown once and stored only hashed."""
    if not CLIENT_ID_PATTERN.match(client_id):
        raise RuleViolation("clientId must be 3-64 lower-case letters, digits or dashes", field="clientId")
    country = country.strip().upper() if country and country.strip() else None
    if country is not None and not COUNTRY_PATTERN.match(country):
        raise RuleViolation("country must be an ISO 3166 alpha-2 code such as DE", field="country")
    clients.check_name(name)
    clients.check_scopes(scopes)
    clients.check_budget(budget_maximum, budget_restore_rate)
    secret = secret or new_secret()
    client = AgencyClient(client_id=client_id, secret_hash=await hash_secret(secret), name=name, scopes=scopes,
                          country=country, budget_maximum=budget_maximum, budget_restore_rate=budget_restore_rate)
    return await clients.create(client, by=by), secret


async def rotate_client_secret(object_id: ObjectId, grace_seconds: int, *, by: str) -> tuple[AgencyClient, str]:
    """A new secret (shown once); the previous one is still accepted for `grace_seconds`."""
    grace = clients.check_grace(grace_seconds)
    secret = new_secret()
    client = await clients.rotate_secret(object_id, await hash_secret(secret), grace, by=by)
    return client, secret
