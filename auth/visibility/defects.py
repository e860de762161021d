"""Defect reports (缺陷报告): a consumer sees the ones it submitted, an enterprise those it submitted and those about
its products, staff all; agencies none (they may submit, not read)."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import Role


def can_list(viewer: Viewer) -> bool:
    """Whether the `defectReports` list answers at all (anonymous: UNAUTHENTICATED; agencies: FORBIDDEN)."""
    return viewer.role in (Role.CONSUMER, Role.ENTERPRISE, Role.REGULATOR, Role.ADMIN)


def query_filter(viewer: Viewer) -> dict[str, Any] | None:
    """The viewer's restriction on defect-report queries; None when nothing is visible."""
    if viewer.is_staff:
        return {}
    if viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc:
        return {"$or": [{"reporter_uscc": viewer.enterprise_uscc}, {"uscc": viewer.enterprise_uscc},
                        {"reporter": viewer.actor}]}
    if viewer.role in (Role.CONSUMER, Role.ENTERPRISE):
        return {"reporter": viewer.actor}
    return None


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The same rule for one loaded report."""
    if viewer.is_staff:
        return True
    if viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc and viewer.enterprise_uscc in (
            doc.get("reporter_uscc"), doc.get("uscc")):
        return True
    return viewer.role in (Role.CONSUMER, Role.ENTERPRISE) and doc.get("reporter") == viewer.actor


def can_submit(viewer: Viewer) -> bool:
    """Any signed-in role reports a defect (a risk-information source)."""
    return not viewer.is_anonymous


def can_assess(viewer: Viewer) -> bool:
    """Assessment (and ordering the recall it leads to) is the regulator's."""
    return viewer.role is Role.REGULATOR


def can_see_reporter(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """Who reported (an account id) is for staff and the reporter; every other reader (e.g. the enterprise a report
    is about) gets null and sees the kind of reporter only (a consumer's identity is personal data)."""
    return viewer.is_staff or doc.get("reporter") == viewer.actor
