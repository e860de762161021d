"""The one list of the service's Beanie documents, imported by the app at start-up (never by a model)."""

from __future__ import annotations

from beanie import Document

from documents.accounts.agency_clients import AgencyClient
from documents.accounts.buckets import CostBucket
from documents.accounts.models import Account
from documents.accounts.rate_limits import RateCounter
from documents.accounts.token_families import RefreshToken, TokenFamily
from documents.audit.models import AuditEntry
from documents.changelog.models import ChangeEvent
from documents.complaints.models import Complaint
from documents.db.counters import Counter
from documents.db.migrations import Upgrade
from documents.defects.models import DefectReport
from documents.demo.seed_marker import SeedMarker
from documents.enterprises.models import CreditApplication, Enterprise, EnterpriseKey
from documents.persisted.models import PersistedDocument
from documents.products.models import Product
from documents.recalls.models import Recall, RecallCode, RecallDuty, WarningRecalls
from documents.uploads.models import Upload
from documents.warnings.models import Warning, WarningCode, WarningKey
from documents.watchlist.models import WatchedProduct
from documents.webhooks.models import WebhookDelivery, WebhookEndpoint


def all_documents() -> list[type[Document]]:
    """Every Beanie document of the service."""
    return [Account, AgencyClient, AuditEntry, ChangeEvent, Counter, CreditApplication, DefectReport, Enterprise,
            EnterpriseKey, RateCounter, Recall, RecallCode, RecallDuty, RefreshToken, SeedMarker, TokenFamily,
            Warning, WarningCode, WarningKey, WarningRecalls, Complaint, Product, Upload, WatchedProduct,
            CostBucket, PersistedDocument, WebhookEndpoint, WebhookDelivery, Upgrade]
