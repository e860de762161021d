"""Warnings: ANNOUNCEMENTs are public, NOTICEs for enterprises and `warnings:read`, CIRCULARs for
`circulars:read`; DRAFTs for staff only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role, WarningKind, WarningStatus

_PUBLISHED = frozenset({WarningStatus.PUBLISHED, WarningStatus.LIFTED})


def visible_kinds(viewer: Viewer) -> frozenset[WarningKind]:
    """Kinds of published warnings the viewer may see."""
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


def visible_statuses(viewer: Viewer) -> frozenset[WarningStatus]:
    """Statuses the viewer may see: drafts are for staff only."""
    return frozenset(WarningStatus) if viewer.is_staff else _PUBLISHED


def query_filter(viewer: Viewer, kinds: Iterable[WarningKind] | None = None,
                 statuses: Iterable[WarningStatus] | None = None) -> dict[str, Any] | None:
    """The viewer's restriction, narrowed to `kinds`/`statuses` when given; None when nothing is visible.

    One `$in` per field (the intersection), the shape both stores serve from the (status, kind, sort_key) index.
    """
    allowed_kinds = visible_kinds(viewer) & frozenset(kinds if kinds is not None else WarningKind)
    allowed_statuses = visible_statuses(viewer) & frozenset(statuses if statuses is not None else WarningStatus)
    if not allowed_kinds or not allowed_statuses:
        return None
    q: dict[str, Any] = {}
    if len(allowed_statuses) < len(WarningStatus):
        q["status"] = {"$in": sorted(s.value for s in allowed_statuses)}
    if len(allowed_kinds) < len(WarningKind):
        q["kind"] = {"$in": sorted(k.value for k in allowed_kinds)}
    return q


def can_see(viewer: Viewer, doc: dict[str, Any]) -> bool:
    """The same rule for one loaded warning (or an alert event carrying `kind` and `status`)."""
    return (WarningStatus(doc.get("status", WarningStatus.PUBLISHED.value)) in visible_statuses(viewer)
            and WarningKind(doc["kind"]) in visible_kinds(viewer))
