"""Service settings, read once from the environment (names fixed by the public contract).

They live in the bottom layer so that documents, auth and gql all read the same object.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

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
    frontend_dir: Path = Field(Path(__file__).resolve().parent.parent / "frontend" / "dist",
                               alias="QSRADAR_FRONTEND_DIR")

    access_token_ttl_seconds: int = Field(900, alias="QSRADAR_ACCESS_TOKEN_TTL")
    refresh_token_ttl_seconds: int = Field(30 * 24 * 3600, alias="QSRADAR_REFRESH_TOKEN_TTL")
    agency_token_ttl_seconds: int = Field(3600, alias="QSRADAR_AGENCY_TOKEN_TTL")

    # Sign-in abuse limits: failed attempts in a sliding window.
    signin_window_seconds: int = Field(900, alias="QSRADAR_SIGNIN_WINDOW")
    signin_max_failures_per_account: int = Field(5, alias="QSRADAR_SIGNIN_MAX_FAILURES_PER_ACCOUNT")
    signin_max_failures_per_address: int = Field(30, alias="QSRADAR_SIGNIN_MAX_FAILURES_PER_ADDRESS")
    # Failed client authentications at /oauth/token, per client id and per address, in their own window.
    oauth_window_seconds: int = Field(900, alias="QSRADAR_OAUTH_WINDOW", ge=1)
    oauth_max_failures_per_client: int = Field(10, alias="QSRADAR_OAUTH_MAX_FAILURES_PER_CLIENT")
    oauth_max_failures_per_address: int = Field(30, alias="QSRADAR_OAUTH_MAX_FAILURES_PER_ADDRESS")
    # Seconds during which the refresh token just rotated may be presented again (two tabs refreshing at
    # once) without being taken for theft; 0 turns the tolerance off.
    refresh_reuse_grace_seconds: float = Field(10.0, alias="QSRADAR_REFRESH_REUSE_GRACE", ge=0)

    # Webhook deliveries to loopback/private addresses: tests and development only.
    webhook_allow_private: bool = Field(False, alias="QSRADAR_WEBHOOK_ALLOW_PRIVATE")
    # Public base URL (scheme://host[:port][/path]) used in absolute links: OAuth metadata, feeds.
    # Empty: http://HOST:PORT. Never taken from the request's Host header, which the client controls.
    public_url: str = Field("", alias="QSRADAR_PUBLIC_URL")

    max_body_bytes: int = Field(256 * 1024, alias="QSRADAR_MAX_BODY_BYTES")
    subscriber_queue_size: int = Field(256, alias="QSRADAR_SUBSCRIBER_QUEUE")
    # Seconds between server pings on idle WebSockets (keeps proxies from cutting them).
    ws_keepalive_seconds: float = Field(20.0, alias="QSRADAR_WS_KEEPALIVE")

    # Client-side deadline of every database operation (PyMongo timeoutMS): a stalled database
    # yields a clear error within this many milliseconds instead of hanging requests.
    # Above the change-stream watcher's maxAwaitTimeMS (1000 in gql/alerts/hub.py), which CSOT requires.
    db_timeout_ms: int = Field(5000, alias="QSRADAR_DB_TIMEOUT_MS", ge=1500)
    # Start-up (index builds, one-off upgrades, demo seeding) runs under this limit instead of db_timeout_ms.
    startup_timeout_seconds: float = Field(600.0, alias="QSRADAR_STARTUP_TIMEOUT", gt=0)
    # graphql-transport-ws: seconds a socket may stay open without connection_init (then 4408).
    ws_init_timeout_seconds: float = Field(10.0, alias="QSRADAR_WS_INIT_TIMEOUT", gt=0)
    # Largest WebSocket message accepted (bytes); a bigger one closes the socket with 1009.
    ws_max_size: int = Field(64 * 1024, alias="QSRADAR_WS_MAX_SIZE", ge=1024)
    # Seconds between re-checks of an open socket's session (sign-out, disabled account or client → 4403).
    ws_session_recheck_seconds: float = Field(15.0, alias="QSRADAR_WS_SESSION_RECHECK", gt=0)
    # Origins allowed to call the API from a browser, comma-separated (empty: no cross-origin access).
    cors_origins: str = Field("", alias="QSRADAR_CORS_ORIGINS")

    # Partner-agency API (issue 14). Cost budgets: a leaky bucket per agency client and per account (shared by all
    # workers, in the database) and per anonymous address (per process, restored at rate / WEB_CONCURRENCY);
    # a client's own values on its AgencyClient document win. One query may cost at most QSRADAR_MAX_QUERY_COST.
    budget_maximum: int = Field(1000, alias="QSRADAR_BUDGET_MAXIMUM", ge=1)
    budget_restore_rate: float = Field(50.0, alias="QSRADAR_BUDGET_RESTORE_RATE", gt=0)
    # People are not integrations: a phone's 20-warning page costs ~350 points, and many phones share one carrier
    # NAT address, so accounts and anonymous addresses get larger buckets than agency clients.
    account_budget_maximum: int = Field(5000, alias="QSRADAR_ACCOUNT_BUDGET_MAXIMUM", ge=1)
    account_budget_restore_rate: float = Field(250.0, alias="QSRADAR_ACCOUNT_BUDGET_RESTORE_RATE", gt=0)
    anonymous_budget_maximum: int = Field(20000, alias="QSRADAR_ANONYMOUS_BUDGET_MAXIMUM", ge=1)
    anonymous_budget_restore_rate: float = Field(2000.0, alias="QSRADAR_ANONYMOUS_BUDGET_RESTORE_RATE", gt=0)
    max_query_cost: int = Field(1000, alias="QSRADAR_MAX_QUERY_COST", ge=1)
    # Persisted queries: `off` (APQ open to all), `only` (only registered documents run, except for agency
    # clients); the manifest of the front end's documents (tools/persisted/extract.py writes it).
    trusted_documents: Literal["off", "only"] = Field("off", alias="QSRADAR_TRUSTED_DOCUMENTS")
    persisted_manifest: Path = Field(Path(__file__).resolve().parent.parent / "tools" / "persisted" / "manifest.json",
                                     alias="QSRADAR_PERSISTED_MANIFEST")
    # Webhook deliveries: timeout per attempt, first retry delay (then x4 per attempt, up to 24 h), poll interval.
    webhook_timeout_seconds: float = Field(10.0, alias="QSRADAR_WEBHOOK_TIMEOUT", gt=0)
    webhook_retry_base_seconds: float = Field(10.0, alias="QSRADAR_WEBHOOK_RETRY_BASE", gt=0)
    webhook_retry_window_seconds: float = Field(24 * 3600.0, alias="QSRADAR_WEBHOOK_RETRY_WINDOW", gt=0)
    webhook_poll_seconds: float = Field(1.0, alias="QSRADAR_WEBHOOK_POLL", gt=0)
    # Overdue recall duties → breaches, unclaimed uploads removed (gql/service/maintenance.py).
    maintenance_seconds: float = Field(600.0, alias="QSRADAR_MAINTENANCE_SECONDS", gt=0)

    @property
    def cors_origin_list(self) -> list[str]:
        """The CORS allowlist, without blanks or trailing slashes."""
        return [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def previous_secret_key_list(self) -> list[str]:
        """The retired keys, in order, without blanks."""
        return [k.strip() for k in self.previous_secret_keys.split(",") if k.strip()]

    @property
    def base_url(self) -> str:
        """The public base URL without a trailing slash (QSRADAR_PUBLIC_URL, else the listen address)."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    @model_validator(mode="after")
    def _check_public_url(self) -> Settings:
        if self.public_url:
            parts = urlsplit(self.public_url)
            if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
                raise ValueError("QSRADAR_PUBLIC_URL must be an http(s) URL without query or fragment")
        return self

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if not self.is_production:
            return self
        if _weak_key(self.secret_key):
            raise ValueError(
                "QSRADAR_ENV=production needs QSRADAR_SECRET_KEY set to a random value "
                f"of at least {MIN_SECRET_KEY_LENGTH} characters"
            )
        # A retired key still verifies tokens, so a weak one lets anyone forge them: same rules.
        if any(_weak_key(k) for k in self.previous_secret_key_list):
            raise ValueError(
                "QSRADAR_ENV=production refuses QSRADAR_PREVIOUS_SECRET_KEYS holding the development key "
                f"or a key shorter than {MIN_SECRET_KEY_LENGTH} characters"
            )
        if self.webhook_allow_private:
            raise ValueError("QSRADAR_ENV=production refuses QSRADAR_WEBHOOK_ALLOW_PRIVATE (deliveries to "
                             "loopback and private addresses)")
        return self


def _weak_key(key: str) -> bool:
    """The development key, or too short to resist guessing."""
    return key.strip() == DEFAULT_SECRET_KEY or len(key.strip()) < MIN_SECRET_KEY_LENGTH


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, parsed on first use."""
    return Settings()
