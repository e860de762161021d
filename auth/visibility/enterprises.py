"""Enterprises and credit: an enterprise and its credit level are public (agencies need `credit:read`);
its credit history is for its own members, staff and `credit:read` agencies."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """An enterprise's identity (name, USCC, region) is public to everyone."""
    return True


def can_read_credit_level(viewer: Viewer) -> bool:
    """The credit level is public, except to an agency client without `credit:read`."""
    return viewer.role is not Role.AGENCY or viewer.has_scope(AgencyScope.CREDIT_READ)


def can_read_credit_history(viewer: Viewer, uscc: str) -> bool:
    """Credit history: staff, `credit:read` agencies, and the enterprise's own members."""
    if viewer.is_staff or viewer.has_scope(AgencyScope.CREDIT_READ):
        return True
    return is_member(viewer, uscc)


def is_member(viewer: Viewer, uscc: str) -> bool:
    """The viewer acts for this enterprise."""
    return viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == uscc
