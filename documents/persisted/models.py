"""Persisted GraphQL documents (Apollo APQ): a document registered once by its SHA-256, then sent by hash only."""

from __future__ import annotations

from beanie import Document


class PersistedDocument(Document):
    """One registered document; `_id` is the SHA-256 (hex) of its text, so every worker finds what any registered."""

    id: str  # type: ignore[assignment]
    query: str
    trusted: bool = False  # from the front end's build manifest (tools/persisted/manifest.json)

    class Settings:
        name = "persisted_documents"
