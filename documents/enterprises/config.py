"""Credit-rule settings (environment), read once: the thresholds and the overdue-duty grace."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from documents.enterprises import rules


class CreditSettings(BaseSettings):
    """`QSRADAR_CREDIT_GENERAL_BREACHES`: GENERAL breaches within 12 months that propose DISHONEST (default 3);
    `QSRADAR_OVERDUE_DUTY_GRACE_DAYS`: days an overdue recall duty may stay unmet before its GENERAL breach (7)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    general_breach_threshold: int = Field(rules.DEFAULT_GENERAL_BREACH_THRESHOLD,
                                          alias="QSRADAR_CREDIT_GENERAL_BREACHES", ge=1)
    overdue_grace_days: float = Field(rules.DEFAULT_OVERDUE_GRACE.days, alias="QSRADAR_OVERDUE_DUTY_GRACE_DAYS", ge=0)

    @property
    def overdue_grace(self) -> timedelta:
        return timedelta(days=self.overdue_grace_days)


@lru_cache(maxsize=1)
def credit_settings() -> CreditSettings:
    return CreditSettings()
