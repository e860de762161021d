"""The overdue-duty rule (逾期召回义务记失信): a recall duty still unmet `QSRADAR_OVERDUE_DUTY_GRACE_DAYS` after its
deadline records one GENERAL breach on its enterprise. RecallDuty documents belong to documents/recalls and the
credit actions to documents/enterprises (independent domains), so the two meet here.

Called by the regulator's `applyOverdueDutyRule` mutation; a periodic sweep in the service should call
`sweep_overdue_duties()` (idempotent: the breach's source reference is the duty id).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from documents.core.clock import utcnow
from documents.enterprises import actions
from documents.enterprises.config import credit_settings
from documents.enterprises.models import Breach
from documents.recalls.models import RecallDuty


async def sweep_overdue_duties(now: datetime | None = None, uscc: str | None = None) -> list[Breach]:
    """Record the GENERAL breach of every duty overdue past the grace (of one enterprise when `uscc` is given)."""
    settings = credit_settings()
    now = now or utcnow()
    query: dict[str, Any] = {"met_at": None, "due_at": {"$lt": now - settings.overdue_grace}}
    if uscc is not None:
        query["enterprise_uscc"] = uscc
    duties = [actions.OverdueDuty(duty_id=str(d["_id"]), uscc=d["enterprise_uscc"], due_at=d["due_at"],
                                  title=" ".join(str(p) for p in (d.get("kind"), d.get("recall_code")
                                                                   or d.get("warning_code")) if p))
              async for d in RecallDuty.get_pymongo_collection().find(query)]
    return await actions.record_overdue_duty_breaches(duties, now=now, grace=settings.overdue_grace)
