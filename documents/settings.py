"""Service settings, read once from the environment (names fixed by the public contract).

They live in the bottom layer so that documents, auth and gql all read the same object.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Development-only key; production refuses to start with it (or with anything short).
DEFAULT_SECRET_KEY = "qsradar-development-secret-key-change-me-0000"
MIN_SECRET_KEY_LENGTH = 32


class Settings(BaseSettings):
    """Every knob of the service; see the contract's "Running" table."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    env: Literal["development", "production"] = Field("development", alias="QSRADAR_ENV")
    mongodb_uri: str | None = Field(None, alias="MONGODB_URI")
    database_name: str = Field("qsradar", alias="QSRADAR_DB_NAME")
    data_dir: Path = Field(Path("./var"), alias="QSRADAR_DATA_DIR")
    secret_key: str = Field(DEFAULT_SECRET_KEY, alias="QSRADAR_SECRET_KEY")
    # Keys that still verify tokens after a rotation, comma-separated.
    previous_secret_keys: str = Field("", alias="QSRADAR_PREVIOUS_SECRET_KEYS")
    demo_password: str = Field("demo-pass-2026", alias="QSRADAR_DEMO_PASSWORD")
    host: str = Field("127.0.0.1", alias="HOST")
    port: int = Field(8000, alias="PORT")
    web_concurrency: int = Field(1, alias="WEB_CONCURRENCY", ge=1, le=64)
    log_level: str = Field("info", alias="QSRADAR_LOG_LEVEL")
    frontend_dir: Path = Field(Path(__file__).resolve().parent.parent / "frontend" / "dist", alias="QSRADAR_FRONTEND_DIR")

    access_token_ttl_seconds: int = Field(900, alias="QSRADAR_ACCESS_TOKEN_TTL")
    refresh_token_ttl_seconds: int = Field(30 * 24 * 3600, alias="QSRADAR_REFRESH_TOKEN_TTL")
    agency_token_ttl_seconds: int = Field(3600, alias="QSRADAR_AGENCY_TOKEN_TTL")

    # Sign-in abuse limits: failed attempts in a sliding window.
    signin_window_seconds: int = Field(900, alias="QSRADAR_SIGNIN_WINDOW")
    signin_max_failures_per_account: int = Field(5, alias="QSRADAR_SIGNIN_MAX_FAILURES_PER_ACCOUNT")
    signin_max_failures_per_address: int = Field(30, alias="QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS")

    max_body_bytes: int = Field(256 * 1024, alias="QSRADAR_MAX_BODY_BYTES")
    subscriber_queue_size: int = Field(256, alias="QSRADAR_SUBSCRIBER_QUEUE")
    # Seconds between server pings on idle WebSockets (keeps proxies from cutting them).
    ws_keepalive_seconds: float = Field(20.0, alias="QSRADAR_WS_KEEPALIVE")

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @model_validator(mode="after")
    def _refuse_default_secret_in_production(self) -> Settings:
        if self.is_production and (
            self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < MIN_SECRET_KEY_LENGTH
        ):
            raise ValueError(
                "QSRADAR_ENV=production needs QSRADAR_SECRET_KEY set to a random value "
                f"of at least {MIN_SECRET_KEY_LENGTH} characters"
            )
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, parsed on first use."""
    return Settings()
