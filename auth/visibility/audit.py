"""Audit entries (审计日志): regulators and administrators read the whole trail; nobody else reads any of it
(not consumers, enterprises or agency clients, whatever their scopes)."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer


def query_filter(viewer: Viewer) -> dict[str, Any] | None:
    """The viewer's restriction on audit queries; None when nothing is visible."""
    return {} if viewer.is_staff else None


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The same rule for one loaded entry."""
    return viewer.is_staff
