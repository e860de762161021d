"""The alert stream's events that carry no warning (contract visibility table): a credit change goes to the
enterprise's own members and the readers of its credit history (staff, `credit:read` agencies); a complaint signal
to regulators and administrators; a watchlist match to the consumer who watches the product, nobody else.
Events about a warning or a recall also obey auth/visibility/warnings.py and recalls.py."""

from __future__ import annotations

from auth.viewer import Viewer
from auth.visibility import complaints, enterprises, watchlist


def receives_credit_change(viewer: Viewer, uscc: str | None) -> bool:
    """CREDIT_CHANGED of `uscc`: its members, staff and `credit:read` agencies (the credit history's readers)."""
    return uscc is not None and enterprises.can_read_credit_history(viewer, uscc)


def receives_complaint_signal(viewer: Viewer) -> bool:
    """COMPLAINT_SIGNAL: regulators and administrators (signals name GTINs, brands and complaints)."""
    return complaints.can_read_signals(viewer)


def watchlist_owner(viewer: Viewer) -> str | None:
    """Whose watchlist matches this viewer receives: a signed-in consumer's own, nobody else's (None)."""
    if not watchlist.can_keep(viewer) or viewer.subject_id is None:
        return None
    return viewer.subject_id if watchlist.can_read(viewer, viewer.subject_id) else None
