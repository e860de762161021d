"""Recalls are public, except to an agency client without `recalls:read`; changing one is for its own enterprise or a
regulator. Recall duties are for the enterprise that owes them and for staff."""

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


def can_manage(viewer: Viewer, uscc: str) -> bool:
    """Completing a recall, announcing one for an enterprise: its own members, or a regulator."""
    if viewer.role is Role.REGULATOR:
        return True
    return viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == uscc


def can_announce_voluntary(viewer: Viewer, uscc: str) -> bool:
    """A voluntary recall (主动召回) is announced by a member of the recalling enterprise, for its own enterprise."""
    return viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == uscc


# ---- recall duties (召回义务): the enterprise's own members, and staff --------------------------------------


def can_read_duties(viewer: Viewer, uscc: str) -> bool:
    """The duties of enterprise `uscc`: its own members and staff."""
    return viewer.is_staff or (viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == uscc)


def duty_filter(viewer: Viewer) -> dict[str, Any] | None:
    """The viewer's restriction on duty queries: staff every enterprise's, an enterprise member its own; None
    (nothing visible) for everyone else."""
    if viewer.is_staff:
        return {}
    if viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc:
        return {"enterprise_uscc": viewer.enterprise_uscc}
    return None


def can_see_duty(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The same rule for one loaded duty."""
    return can_read_duties(viewer, doc.get("enterprise_uscc", ""))


def can_fulfil_duty(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """A plan is handed in by the enterprise that owes it; a regulator may record its receipt."""
    return can_manage(viewer, doc.get("enterprise_uscc", ""))
