"""Audiences: viewers who see exactly the same data under every visibility module."""

from __future__ import annotations

from auth.viewer import Viewer
from documents.enums import Role


def audience_key(viewer: Viewer) -> tuple[object, ...]:
    """Viewers with the same key see the same data (an alert is resolved once per audience, not per subscriber).

    Every visibility module decides only from role, scopes and enterprise, so these are the key.
    """
    if viewer.is_staff:
        return ("staff",)
    if viewer.role is Role.AGENCY:
        return ("agency", tuple(sorted(viewer.scopes)))
    if viewer.role is Role.ENTERPRISE:
        return ("enterprise", viewer.enterprise_uscc)
    return ("public",)
