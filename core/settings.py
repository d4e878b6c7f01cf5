"""Typed settings, one class per concern, read once from the environment.

Every variable is prefixed `YISHI_`. With none set, the platform runs in embedded mode: SQLite files
in the data directory (`default_data_dir()`), an in-process worker, demo tenants onboarded on first
start.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "AuthSettings",
    "DatabaseSettings",
    "JobsSettings",
    "Settings",
    "default_data_dir",
    "get_settings",
    "load_settings",
]

#: The checkout this code runs from, when it runs from one (an editable install, `scripts/dev`).
CHECKOUT = Path(__file__).resolve().parent.parent


def default_data_dir(env: dict[str, str] | os._Environ[str] | None = None) -> Path:
    """Where embedded-mode data lives unless `YISHI_DATA_DIR` says otherwise; always absolute.

    In a checkout: its `var/` folder, found from the package's location, not the working directory,
    so `yishi` run from anywhere sees the data `scripts/dev serve` created. Installed as a package
    (no checkout around it): `$XDG_DATA_HOME/yishi`, by default `~/.local/share/yishi`.
    """
    if (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "core").is_dir():
        return CHECKOUT / "var"
    e = os.environ if env is None else env
    base = e.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).absolute() / "yishi"


# Used only in embedded mode; production refuses to start with it (see `Settings.check_production`).
EMBEDDED_SECRET = "yishi-embedded-insecure-secret"  # noqa: S105


@dataclass(frozen=True)
class DatabaseSettings:
    """Where data lives.

    `url` empty → SQLite files under `data_dir` (one file per tenant, `platform.sqlite` for the
    platform). `postgresql://…` → one schema and one role per tenant in that database.
    """

    url: str = ""
    #: Connection used for migrations and tenant creation (owns schemas, creates roles).
    #: Defaults to `url`; in production give it a role with CREATEROLE, and `url` a plain login.
    admin_url: str = ""
    #: Absolute, so that the CLI finds the same data from any working directory.
    data_dir: Path = field(default_factory=default_data_dir)
    #: Prefix of per-tenant PostgreSQL role names; roles are cluster-wide, so two databases on one
    #: server need different prefixes. Defaults to the database name (normalised); an explicit
    #: YISHI_DATABASE_ROLE_PREFIX must be `[a-z0-9_]`, 1–30 characters, not `pg_…`, or is refused.
    role_prefix: str = ""
    pool_max_size: int = 10

    @property
    def backend(self) -> str:
        return "postgres" if self.url.startswith(("postgres://", "postgresql://")) else "sqlite"

    @property
    def effective_admin_url(self) -> str:
        return self.admin_url or self.url

    @property
    def effective_role_prefix(self) -> str:
        """The prefix of tenant role names: explicit (checked, never altered) or derived from the
        database name (normalised to `[a-z0-9_]`, at most 30 characters, never `pg_…`)."""
        if self.role_prefix:
            if problem := role_prefix_problem(self.role_prefix):
                raise ValueError(problem)
            return self.role_prefix
        return normalise_role_prefix(urlsplit(self.url).path.lstrip("/"))

    def problems(self) -> list[str]:
        """What is wrong with these settings (empty when nothing)."""
        problem = role_prefix_problem(self.role_prefix) if self.role_prefix else None
        return [problem] if problem else []


#: Longest role prefix: the rest of the 63-byte role name holds the tenant's readable name and
#: digest (core/tenancy/context.py `tenant_names`).
ROLE_PREFIX_MAX = 30
#: A role prefix: lowercase letters, digits and `_`, 1–ROLE_PREFIX_MAX characters.
ROLE_PREFIX_RE = re.compile(rf"^[a-z0-9_]{{1,{ROLE_PREFIX_MAX}}}$")


def role_prefix_problem(prefix: str) -> str | None:
    """Why an explicit `YISHI_DATABASE_ROLE_PREFIX` is refused, or None when it is fine."""
    if not ROLE_PREFIX_RE.match(prefix):
        return (
            f"YISHI_DATABASE_ROLE_PREFIX={prefix!r}: 只能包含小写字母、数字和下划线，"
            f"1–{ROLE_PREFIX_MAX} 个字符 (lowercase letters, digits and underscores, "
            f"1–{ROLE_PREFIX_MAX} characters)"
        )
    if prefix == "pg" or prefix.startswith("pg_"):
        return (
            f"YISHI_DATABASE_ROLE_PREFIX={prefix!r}: pg_ 开头的角色名为 PostgreSQL 保留 "
            "(role names starting with pg_ are reserved by PostgreSQL)"
        )
    return None


def normalise_role_prefix(name: str) -> str:
    """A role prefix derived from a database name (the default when none is given)."""
    flat = "".join(c if c.isascii() and c.isalnum() else "_" for c in name.lower()) or "yishi"
    if flat == "pg" or flat.startswith("pg_"):
        flat = "y" + flat
    if len(flat) > ROLE_PREFIX_MAX:
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        flat = flat[: ROLE_PREFIX_MAX - 9] + "_" + digest
    return flat


@dataclass(frozen=True)
class AuthSettings:
    secret_key: str = EMBEDDED_SECRET
    session_cookie: str = "yishi_session"
    session_hours: int = 12
    token_default_days: int = 90
    token_max_days: int = 366
    #: Sign-in throttle (core/accounts/ratelimit.py). Per account: this many failures are free
    #: (YISHI_AUTH_FREE_FAILURES) …
    free_failures: int = 3
    #: … then each further failure locks the account for 1 s, 2 s, 4 s … (YISHI_AUTH_LOCK_SECONDS)
    lock_base_seconds: int = 1
    #: … at most this long (YISHI_AUTH_LOCK_MAX_SECONDS).
    lock_max_seconds: int = 900
    #: An account's failures are forgotten this long after its last one, or at a successful
    #: sign-in (YISHI_AUTH_FAILURE_MEMORY_SECONDS).
    failure_memory_seconds: int = 86400
    #: Per address: failures allowed within a window of `window_seconds`, then the address is
    #: refused until the window ends (YISHI_AUTH_ADDRESS_MAX_FAILURES, YISHI_AUTH_WINDOW_SECONDS).
    address_max_failures: int = 100
    window_seconds: int = 900


@dataclass(frozen=True)
class JobsSettings:
    """Background work (core/jobs): broker, worker, relay, scheduler, channels."""

    #: `amqp://…` (RabbitMQ, publisher confirms on), `redis://…`, or empty: the in-memory broker
    #: with the worker inside `yishi serve` (the outbox makes it durable) (YISHI_BROKER_URL).
    broker_url: str = ""
    #: Key prefix of the Redis broker (YISHI_BROKER_NAMESPACE).
    broker_namespace: str = "yishi-jobs"
    #: Redis broker: a dead worker's messages go back to the queue after this long
    #: (YISHI_BROKER_HEARTBEAT_MS).
    redis_heartbeat_ms: int = 60_000
    #: Worker threads (YISHI_WORKER_THREADS; embedded: 2).
    worker_threads: int = 4
    #: An actor is stopped after this long: below RabbitMQ's consumer_timeout (30 min), which
    #: would redeliver a message still running (YISHI_JOBS_TIME_LIMIT_MS).
    time_limit_ms: int = 5 * 60_000
    #: Retries of a failing effect, then dead-lettered (YISHI_JOBS_MAX_RETRIES) …
    max_retries: int = 8
    #: … with exponential backoff between these bounds (YISHI_JOBS_MIN_BACKOFF_MS, _MAX_).
    min_backoff_ms: int = 1_000
    max_backoff_ms: int = 10 * 60_000
    #: A published outbox row not done after this long is published again (doubled per attempt,
    #: at most 32×) (YISHI_JOBS_LEASE_SECONDS).
    lease_seconds: float = 300.0
    #: The relay gives a row up (dead) after this many publications (YISHI_JOBS_MAX_PUBLISH).
    max_publish: int = 20
    #: How often the relay reads the platform's pending marks when nothing woke it
    #: (YISHI_JOBS_POLL_SECONDS).
    poll_seconds: float = 1.0
    #: Delivered outbox rows and effect keys are deleted after this many days
    #: (YISHI_JOBS_RETENTION_DAYS).
    retention_days: int = 14
    #: SMTP (YISHI_SMTP_HOST, _PORT, _SECURITY = none|starttls|tls, _USER, _PASSWORD, _SENDER).
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_security: str = "starttls"
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_sender: str = ""
    #: `/metrics`: served only with the header `X-Yishi-Metrics-Token: <this>`
    #: (YISHI_METRICS_TOKEN); empty turns the route off (answers 404).
    metrics_token: str = ""

    @property
    def broker_kind(self) -> str:
        if self.broker_url.startswith(("amqp://", "amqps://")):
            return "rabbitmq"
        if self.broker_url.startswith(("redis://", "rediss://", "unix://")):
            return "redis"
        return "stub"


@dataclass(frozen=True)
class Settings:
    mode: str = "embedded"  # "embedded" | "production"
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    auth: AuthSettings = field(default_factory=AuthSettings)
    jobs: JobsSettings = field(default_factory=JobsSettings)
    #: Redis for shared counters (rate limits) across API replicas; empty → in-process counters.
    redis_url: str = ""
    redis_prefix: str = "yishi:"
    host: str = "127.0.0.1"
    port: int = 8000
    #: Only trust X-Forwarded-For from these proxies (comma-separated addresses).
    trusted_proxies: tuple[str, ...] = ()
    #: How long another process may go on using a cached token, session or tenant row after a
    #: change (revocation, disabling, suspension, roles); the changing process forgets at once
    #: (core/caching.py). `0` turns the caches off (YISHI_CACHE_SECONDS).
    cache_seconds: float = 5.0
    #: One line per request on the `yishi.access` logger (YISHI_ACCESS_LOG=0 turns it off).
    access_log: bool = True

    @property
    def production(self) -> bool:
        return self.mode == "production"

    def problems_for_production(self) -> list[str]:
        """Names of what is missing or unsafe for production; empty when ready."""
        problems = []
        if self.auth.secret_key in ("", EMBEDDED_SECRET) or len(self.auth.secret_key) < 32:
            problems.append("YISHI_SECRET_KEY (at least 32 characters, not the embedded default)")
        if self.database.backend != "postgres":
            problems.append("YISHI_DATABASE_URL (postgresql://…)")
        problems.extend(self.database.problems())
        return problems


def load_settings(env: dict[str, str] | None = None) -> Settings:
    e = os.environ if env is None else env
    url = e.get("YISHI_DATABASE_URL", "")
    mode = e.get("YISHI_MODE", "production" if url else "embedded")
    return Settings(
        mode=mode,
        database=DatabaseSettings(
            url=url,
            admin_url=e.get("YISHI_DATABASE_ADMIN_URL", ""),
            data_dir=Path(e["YISHI_DATA_DIR"]).absolute()
            if e.get("YISHI_DATA_DIR")
            else default_data_dir(e),
            role_prefix=e.get("YISHI_DATABASE_ROLE_PREFIX", ""),
            pool_max_size=int(e.get("YISHI_DATABASE_POOL_SIZE", "10")),
        ),
        auth=AuthSettings(
            secret_key=e.get("YISHI_SECRET_KEY", EMBEDDED_SECRET),
            free_failures=int(e.get("YISHI_AUTH_FREE_FAILURES", "3")),
            lock_base_seconds=int(e.get("YISHI_AUTH_LOCK_SECONDS", "1")),
            lock_max_seconds=int(e.get("YISHI_AUTH_LOCK_MAX_SECONDS", "900")),
            failure_memory_seconds=int(e.get("YISHI_AUTH_FAILURE_MEMORY_SECONDS", "86400")),
            address_max_failures=int(e.get("YISHI_AUTH_ADDRESS_MAX_FAILURES", "100")),
            window_seconds=int(e.get("YISHI_AUTH_WINDOW_SECONDS", "900")),
        ),
        jobs=_jobs_settings(e),
        redis_url=e.get("YISHI_REDIS_URL", ""),
        redis_prefix=e.get("YISHI_REDIS_PREFIX", "yishi:"),
        host=e.get("YISHI_HOST", "127.0.0.1"),
        port=int(e.get("YISHI_PORT", "8000")),
        trusted_proxies=tuple(
            p.strip() for p in e.get("YISHI_TRUSTED_PROXIES", "").split(",") if p.strip()
        ),
        cache_seconds=float(e.get("YISHI_CACHE_SECONDS", "5")),
        access_log=e.get("YISHI_ACCESS_LOG", "1").lower() not in ("0", "false", "no", "off"),
    )


def _jobs_settings(e: dict[str, str] | os._Environ[str]) -> JobsSettings:
    d = JobsSettings()
    return JobsSettings(
        broker_url=e.get("YISHI_BROKER_URL", ""),
        broker_namespace=e.get("YISHI_BROKER_NAMESPACE", d.broker_namespace),
        redis_heartbeat_ms=int(e.get("YISHI_BROKER_HEARTBEAT_MS", d.redis_heartbeat_ms)),
        worker_threads=int(e.get("YISHI_WORKER_THREADS", d.worker_threads)),
        time_limit_ms=int(e.get("YISHI_JOBS_TIME_LIMIT_MS", d.time_limit_ms)),
        max_retries=int(e.get("YISHI_JOBS_MAX_RETRIES", d.max_retries)),
        min_backoff_ms=int(e.get("YISHI_JOBS_MIN_BACKOFF_MS", d.min_backoff_ms)),
        max_backoff_ms=int(e.get("YISHI_JOBS_MAX_BACKOFF_MS", d.max_backoff_ms)),
        lease_seconds=float(e.get("YISHI_JOBS_LEASE_SECONDS", d.lease_seconds)),
        max_publish=int(e.get("YISHI_JOBS_MAX_PUBLISH", d.max_publish)),
        poll_seconds=float(e.get("YISHI_JOBS_POLL_SECONDS", d.poll_seconds)),
        retention_days=int(e.get("YISHI_JOBS_RETENTION_DAYS", d.retention_days)),
        smtp_host=e.get("YISHI_SMTP_HOST", ""),
        smtp_port=int(e.get("YISHI_SMTP_PORT", d.smtp_port)),
        smtp_security=e.get("YISHI_SMTP_SECURITY", d.smtp_security),
        smtp_user=e.get("YISHI_SMTP_USER", ""),
        smtp_password=e.get("YISHI_SMTP_PASSWORD", ""),
        smtp_sender=e.get("YISHI_SMTP_SENDER", ""),
        metrics_token=e.get("YISHI_METRICS_TOKEN", ""),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
