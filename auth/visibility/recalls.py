"""Recalls are public, except to an agency client without `recalls:read`."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role


def can_read(viewer: Viewer) -> bool:
    """Whether the viewer may see recalls at all (a root list answers FORBIDDEN otherwise)."""
    return viewer.role is not Role.AGENCY or viewer.has_scope(AgencyScope.RECALLS_READ)


def query_filter(viewer: Viewer) -> dict[str, Any] | None:
    """The viewer's restriction on recall queries; None when no recall is visible."""
    return {} if can_read(viewer) else None


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The same rule for one loaded recall."""
    return can_read(viewer)


def can_report_progress(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """Progress is reported by the recalling enterprise's members or by a regulator."""
    if viewer.role is Role.REGULATOR:
        return True
    return viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == doc.get("enterprise_uscc")
