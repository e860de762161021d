"""Webhook endpoints and their delivery logs: an agency client sees and manages its own, ADMIN all, nobody else
any. What an endpoint receives is decided as for its owner: an agency's current scopes (warnings.py, recalls.py),
an administrator's staff view."""

from __future__ import annotations

from typing import Any

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role


def may_manage(viewer: Viewer) -> bool:
    """Whether the viewer may have webhook endpoints at all."""
    return viewer.role in (Role.AGENCY, Role.ADMIN)


def owner_of(viewer: Viewer) -> str:
    """The owner key of endpoints this viewer creates."""
    return f"client:{viewer.subject_id}" if viewer.role is Role.AGENCY else f"admin:{viewer.subject_id}"


def query_filter(viewer: Viewer) -> dict[str, Any] | None:
    """Endpoints the viewer may see; None when none."""
    if viewer.role is Role.ADMIN:
        return {}
    if viewer.role is Role.AGENCY:
        return {"owner": owner_of(viewer)}
    return None


def can_see(viewer: Viewer, endpoint: dict[str, Any]) -> bool:
    """The same rule for one endpoint (and its deliveries): also the right to delete and redeliver."""
    q = query_filter(viewer)
    return q is not None and all(endpoint.get(k) == v for k, v in q.items())


def recipient(endpoint: dict[str, Any], granted_scopes: frozenset[str] | None) -> Viewer | None:
    """The viewer whose visibility filters an endpoint's events; None when its owner sees nothing any more
    (a disabled or deleted client). `granted_scopes`: the client's current scopes (None for admins)."""
    owner = str(endpoint.get("owner", ""))
    if owner.startswith("admin:"):
        return Viewer(kind="account", role=Role.ADMIN, subject_id=owner.removeprefix("admin:"))
    if owner.startswith("client:") and granted_scopes:
        scopes = frozenset(s for s in granted_scopes if s in {a.value for a in AgencyScope})
        return Viewer(kind="client", role=Role.AGENCY, subject_id=owner.removeprefix("client:"), scopes=scopes)
    return None
