"""Complaint photos and evidence files: their uploader, and regulators/administrators. Never the enterprise
concerned (photos can show people), never an agency."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer


def can_upload(viewer: Viewer) -> bool:
    """Any signed-in account uploads (a consumer's photos, an enterprise's evidence); not agency clients."""
    return viewer.kind == "account" and viewer.subject_id is not None


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """One upload record (or a photo of a complaint)."""
    if viewer.is_staff:
        return True
    return viewer.kind == "account" and viewer.subject_id is not None and doc.get("owner_id") == viewer.subject_id
