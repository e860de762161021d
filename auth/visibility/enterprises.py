"""Enterprises and credit (contract visibility table): an enterprise's identity and credit level are public
(agencies need `credit:read` for the level); its credit history, breach records and credit applications
(repairs and objections) are for its own members, staff and `credit:read` agencies; the DISHONEST proposal of
the thresholds is for regulators and administrators only."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """An enterprise's identity (name, USCC, region) is public to everyone."""
    return True


def query_filter(viewer: Viewer) -> dict[str, Any]:
    """The restriction on enterprise list queries: none (identities are public)."""
    return {}


def can_read_credit_level(viewer: Viewer) -> bool:
    """The credit level is public, except to an agency client without `credit:read`."""
    return viewer.role is not Role.AGENCY or viewer.has_scope(AgencyScope.CREDIT_READ)


def can_read_credit_history(viewer: Viewer, uscc: str) -> bool:
    """Credit history: staff, `credit:read` agencies, and the enterprise's own members."""
    if viewer.is_staff or viewer.has_scope(AgencyScope.CREDIT_READ):
        return True
    return is_member(viewer, uscc)


def can_read_breaches(viewer: Viewer, uscc: str) -> bool:
    """Breach records: the same readers as the credit history."""
    return can_read_credit_history(viewer, uscc)


def can_read_proposal(viewer: Viewer) -> bool:
    """The thresholds' DISHONEST proposal is a regulator's work item (staff only)."""
    return viewer.is_staff


def is_member(viewer: Viewer, uscc: str) -> bool:
    """The viewer acts for this enterprise."""
    return viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == uscc


# ---- credit-repair applications and objections ---------------------------------------------------------

def can_read_applications(viewer: Viewer) -> bool:
    """Whether the viewer may list credit applications at all (a root list answers FORBIDDEN otherwise)."""
    return viewer.is_staff or viewer.has_scope(AgencyScope.CREDIT_READ) or (
        viewer.role is Role.ENTERPRISE and bool(viewer.enterprise_uscc))


def application_filter(viewer: Viewer) -> dict[str, Any] | None:
    """The viewer's restriction on credit-application queries; None when none is visible."""
    if viewer.is_staff or viewer.has_scope(AgencyScope.CREDIT_READ):
        return {}
    if viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc:
        return {"enterprise_uscc": viewer.enterprise_uscc}
    return None


def can_see_application(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """One credit application: the same readers as its enterprise's breach records."""
    return can_read_breaches(viewer, str(doc.get("enterprise_uscc")))


def can_file_for(viewer: Viewer, uscc: str) -> bool:
    """Repairs and objections are filed by the enterprise's own members only."""
    return is_member(viewer, uscc)
