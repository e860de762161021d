"""Complaints: the complainant sees their own; the enterprise concerned sees those about its products without
the complainant's personal data; regulators and administrators see all; agencies with `complaints:aggregate`
get counts only (never a complaint); nobody else sees any."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role


def query_filter(viewer: Viewer) -> dict[str, Any] | None:
    """The viewer's restriction on complaint queries; None when no complaint is visible (a list is FORBIDDEN)."""
    if viewer.is_staff:
        return {}
    if viewer.kind == "account" and viewer.role is Role.CONSUMER and viewer.subject_id:
        return {"complainant_id": viewer.subject_id}
    if viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc:
        return {"enterprise_uscc": viewer.enterprise_uscc}
    return None


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The same rule for one loaded complaint."""
    if viewer.is_staff:
        return True
    if is_complainant(viewer, doc):
        return True
    return is_enterprise_concerned(viewer, doc)


def is_complainant(viewer: Viewer, doc: dict[str, Any]) -> bool:
    return viewer.kind == "account" and viewer.subject_id is not None and doc.get("complainant_id") == viewer.subject_id


def is_enterprise_concerned(viewer: Viewer, doc: dict[str, Any]) -> bool:
    return (viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc is not None
            and doc.get("enterprise_uscc") == viewer.enterprise_uscc)


def sees_personal_data(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """Name, phone, email, order number and photos: the complainant and staff only (never the enterprise).

    A pseudonymous complaint carries no name or contact at all; staff still see the photos and order number."""
    return is_complainant(viewer, doc) or viewer.is_staff


def sees_complainant(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The complainant's account: themselves, and staff unless the complaint is pseudonymous."""
    return is_complainant(viewer, doc) or (viewer.is_staff and not doc.get("pseudonymous"))


def can_file(viewer: Viewer) -> bool:
    """Signed-in consumers file complaints (follow-up and exactly-once need an account)."""
    return viewer.kind == "account" and viewer.role is Role.CONSUMER


def can_answer(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The enterprise concerned answers."""
    return is_enterprise_concerned(viewer, doc)


def can_read_aggregates(viewer: Viewer) -> bool:
    """Counts and signals without individual complaints: staff and `complaints:aggregate` agencies."""
    return viewer.is_staff or viewer.has_scope(AgencyScope.COMPLAINTS_AGGREGATE)


def can_read_signals(viewer: Viewer) -> bool:
    """Signals name GTINs, brands and complaint ids: regulators and administrators."""
    return viewer.is_staff
