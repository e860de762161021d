"""A consumer's watchlist: its owner only (not enterprises, agencies, regulators or administrators)."""

from __future__ import annotations

from auth.viewer import Viewer
from documents.enums import Role


def can_keep(viewer: Viewer) -> bool:
    """Signed-in consumers keep a watchlist."""
    return viewer.kind == "account" and viewer.role is Role.CONSUMER and viewer.subject_id is not None


def can_read(viewer: Viewer, owner_id: str) -> bool:
    """Only the owner reads a watchlist."""
    return viewer.kind == "account" and viewer.subject_id == owner_id
