"""The one list of the service's Beanie documents, imported by the app at start-up (never by a model)."""

from __future__ import annotations

from beanie import Document

from documents.account import Account
from documents.agency_client import AgencyClient
from documents.alert_event import AlertEvent
from documents.audit import AuditEntry
from documents.db.counters import Counter
from documents.enterprise import Enterprise
from documents.rate_limit import RateCounter
from documents.recall import Recall
from documents.seed_marker import SeedMarker
from documents.token_family import RefreshToken, TokenFamily
from documents.warning import Warning


def all_documents() -> list[type[Document]]:
    """Every Beanie document of the service."""
    return [Account, AgencyClient, AlertEvent, AuditEntry, Counter, Enterprise, RateCounter, Recall,
            RefreshToken, SeedMarker, TokenFamily, Warning]
