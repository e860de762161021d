"""The contract's visibility table as query filters, so pages stay full and counts stay true."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role, WarningKind, WarningStatus

_PUBLISHED = [WarningStatus.PUBLISHED.value, WarningStatus.LIFTED.value]


def visible_warning_kinds(viewer: Viewer) -> frozenset[WarningKind]:
    """Kinds of published warnings the viewer may see (DRAFTs are for staff only)."""
    if viewer.is_staff:
        return frozenset(WarningKind)
    if viewer.role is Role.ENTERPRISE:
        return frozenset({WarningKind.ANNOUNCEMENT, WarningKind.NOTICE})
    if viewer.role is Role.AGENCY:
        kinds: set[WarningKind] = set()
        if viewer.has_scope(AgencyScope.WARNINGS_READ):
            kinds |= {WarningKind.ANNOUNCEMENT, WarningKind.NOTICE}
        if viewer.has_scope(AgencyScope.CIRCULARS_READ):
            kinds.add(WarningKind.CIRCULAR)
        return frozenset(kinds)
    return frozenset({WarningKind.ANNOUNCEMENT})


def warning_filter(viewer: Viewer) -> dict[str, Any]:
    """MongoDB filter of the warnings the viewer may see; merged into every warning query."""
    if viewer.is_staff:
        return {}
    kinds = sorted(k.value for k in visible_warning_kinds(viewer))
    return {"status": {"$in": _PUBLISHED}, "kind": {"$in": kinds}}


def can_see_warning(viewer: Viewer, kind: WarningKind, status: WarningStatus) -> bool:
    """The same rule for one loaded warning or alert event."""
    if viewer.is_staff:
        return True
    return status is not WarningStatus.DRAFT and kind in visible_warning_kinds(viewer)


def audience_key(viewer: Viewer) -> tuple[object, ...]:
    """Viewers with the same key see exactly the same data under every rule of this module
    (used to resolve an alert once per audience rather than once per subscriber)."""
    if viewer.is_staff:
        return ("staff",)
    if viewer.role is Role.AGENCY:
        return ("agency", tuple(sorted(viewer.scopes)))
    if viewer.role is Role.ENTERPRISE:
        return ("enterprise", viewer.enterprise_uscc)
    return ("public",)


def can_read_recalls(viewer: Viewer) -> bool:
    """Recalls are public, except to an agency client without `recalls:read`."""
    return viewer.role is not Role.AGENCY or viewer.has_scope(AgencyScope.RECALLS_READ)


def can_read_credit_level(viewer: Viewer) -> bool:
    """An enterprise's credit level is public, except to an agency client without `credit:read`."""
    return viewer.role is not Role.AGENCY or viewer.has_scope(AgencyScope.CREDIT_READ)


def can_read_credit_history(viewer: Viewer, uscc: str) -> bool:
    """Credit history and recall duties: staff, `credit:read` agencies, and the enterprise's own members."""
    if viewer.is_staff or viewer.has_scope(AgencyScope.CREDIT_READ):
        return True
    return viewer.role is Role.ENTERPRISE and viewer.enterprise_uscc == uscc
