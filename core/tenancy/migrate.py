"""Migrations of the platform and of every tenant, and provisioning of tenant storage.

Migrations are modules under `core/tenancy/migrations/{platform,tenant}/`, applied in name order,
each a frozen piccolo table snapshot with `async def forwards(engine)`. Applied ids are recorded in
a `yishi_migration` table in the same storage, in the same transaction as the step, so a re-run is a
no-op and a failed step leaves nothing behind. piccolo's own migration manager finds its engine
through a global `piccolo_conf`, which cannot route per tenant; this runner binds the tenant first,
then runs piccolo DDL (STACK-NOTES: create the migration table per tenant ourselves).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from piccolo.columns import Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.tenancy.context import bind_tenant
from core.tenancy.storage import PLATFORM_SCHEMA, Storage, quote_ident

__all__ = [
    "MigrationReport",
    "drop_tenant_storage",
    "migrate_all",
    "migrate_platform",
    "migrate_tenant",
    "pending_migrations",
]

PLATFORM = "platform"
TENANT = "tenant"


def _modules(stream: str) -> list[tuple[str, ModuleType]]:
    package = importlib.import_module(f"core.tenancy.migrations.{stream}")
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name[0] == "m")
    return [(n, importlib.import_module(f"{package.__name__}.{n}")) for n in names]


def _migration_table(engine: Any) -> Any:
    class YishiMigration(Table, tablename="yishi_migration", db=engine):
        name = Varchar(length=200, unique=True)
        applied_at = Timestamptz(default=TimestamptzNow())

    return YishiMigration


async def _apply(engine: Any, stream: str) -> list[str]:
    """Apply pending steps of `stream` on `engine` (tenant already bound if a tenant stream)."""
    table = _migration_table(engine)
    await table.create_table(if_not_exists=True)
    done = {r["name"] for r in await table.select(table.name)}
    applied = []
    for name, module in _modules(stream):
        if name in done:
            continue
        async with engine.transaction():
            await module.forwards(engine)
            await table.insert(table(name=name))
        applied.append(name)
    return applied


async def pending_migrations(storage: Storage, slug: str | None = None) -> list[str]:
    engine = storage.admin_platform if slug is None else storage.admin_tenant
    stream = PLATFORM if slug is None else TENANT
    if slug is None:
        table = _migration_table(engine)
        await table.create_table(if_not_exists=True)
        done = {r["name"] for r in await table.select(table.name)}
    else:
        with bind_tenant(slug, storage.role_prefix):
            table = _migration_table(engine)
            await table.create_table(if_not_exists=True)
            done = {r["name"] for r in await table.select(table.name)}
    return [n for n, _ in _modules(stream) if n not in done]


def _app_user(storage: Storage) -> str | None:
    user = urlsplit(storage.settings.url).username
    return unquote(user) if user else None


def _admin_user(storage: Storage) -> str | None:
    user = urlsplit(storage.settings.effective_admin_url).username
    return unquote(user) if user else None


async def _pg(storage: Storage, sql: str) -> None:
    engine = storage.admin_platform
    conn = await engine.get_new_connection()  # type: ignore[union-attr]
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def migrate_platform(storage: Storage) -> list[str]:
    if storage.backend == "postgres":
        schema = quote_ident(PLATFORM_SCHEMA)
        await _pg(
            storage,
            f"CREATE SCHEMA IF NOT EXISTS {schema}; REVOKE ALL ON SCHEMA {schema} FROM PUBLIC",
        )
    else:
        await storage.admin_platform.run_ddl("PRAGMA journal_mode=WAL")
    applied = await _apply(storage.admin_platform, PLATFORM)
    if storage.backend == "postgres":
        app = _app_user(storage)
        if app and app != _admin_user(storage):
            a, s = quote_ident(app), quote_ident(PLATFORM_SCHEMA)
            await _pg(
                storage,
                f"GRANT USAGE ON SCHEMA {s} TO {a}; "
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {a}; "
                f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {a}; "
                f"REVOKE UPDATE, DELETE ON {s}.platform_audit_entry FROM {a}; "
                f"REVOKE INSERT, UPDATE, DELETE ON {s}.yishi_migration FROM {a}",
            )
    return applied


async def _provision_pg_tenant(storage: Storage, slug: str) -> None:
    with bind_tenant(slug, storage.role_prefix) as bound:
        s, r = quote_ident(bound.schema), quote_ident(bound.role)
        role_exists = f"SELECT 1 FROM pg_roles WHERE rolname = '{bound.role}'"
        await _pg(
            storage,
            f"DO $$ BEGIN IF NOT EXISTS ({role_exists}) THEN CREATE ROLE {r} NOLOGIN; "
            f"END IF; END $$; "
            f"CREATE SCHEMA IF NOT EXISTS {s}; REVOKE ALL ON SCHEMA {s} FROM PUBLIC",
        )
        app = _app_user(storage)
        if app:
            await _pg(storage, f"GRANT {r} TO {quote_ident(app)}")


async def _grant_pg_tenant(storage: Storage, slug: str) -> None:
    with bind_tenant(slug, storage.role_prefix) as bound:
        s, r = quote_ident(bound.schema), quote_ident(bound.role)
        await _pg(
            storage,
            f"GRANT USAGE ON SCHEMA {s} TO {r}; "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}; "
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}; "
            # The audit trail is append-only for the application, enforced by the database.
            f"REVOKE UPDATE, DELETE ON {s}.audit_entry FROM {r}; "
            f"REVOKE INSERT, UPDATE, DELETE ON {s}.yishi_migration FROM {r}",
        )


async def migrate_tenant(storage: Storage, slug: str) -> list[str]:
    """Create the tenant's storage if missing and apply its pending migrations."""
    if storage.backend == "postgres":
        await _provision_pg_tenant(storage, slug)
    with bind_tenant(slug, storage.role_prefix):
        if storage.backend == "sqlite":
            await storage.admin_tenant.run_ddl("PRAGMA journal_mode=WAL")
        applied = await _apply(storage.admin_tenant, TENANT)
    if storage.backend == "postgres":
        await _grant_pg_tenant(storage, slug)
    return applied


async def drop_tenant_storage(storage: Storage, slug: str) -> None:
    """Remove a tenant's schema and role (PostgreSQL) or its file (SQLite). Irreversible."""
    with bind_tenant(slug, storage.role_prefix) as bound:
        if storage.backend == "postgres":
            s, r = quote_ident(bound.schema), quote_ident(bound.role)
            await _pg(storage, f"DROP SCHEMA IF EXISTS {s} CASCADE")
            await _pg(storage, f"DROP ROLE IF EXISTS {r}")
        else:
            engine: Any = storage.tenant
            await engine.close_idle(str(storage.tenant_file(bound.schema)))
            for suffix in ("", "-wal", "-shm"):
                path = storage.tenant_file(bound.schema)
                p = path.with_name(path.name + suffix)
                if p.exists():
                    p.unlink()


@dataclass
class MigrationReport:
    platform: list[str] = field(default_factory=list)
    tenants: dict[str, list[str]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


async def migrate_all(
    storage: Storage,
    slugs: list[str] | None = None,
    progress: Callable[[str, str, int], None] | None = None,
) -> MigrationReport:
    """Migrate the platform, then each tenant (`slugs`, or every registered one); a failing
    tenant is reported, the rest go on. `progress(slug, outcome, total)` follows each tenant."""
    report = MigrationReport(platform=await migrate_platform(storage))
    if slugs is None:
        from core.tenancy.tables import Tenant

        slugs = [r["slug"] for r in await Tenant.select(Tenant.slug).order_by(Tenant.slug)]
    for slug in slugs:
        try:
            report.tenants[slug] = await migrate_tenant(storage, slug)
            if progress:
                progress(slug, "ok", len(slugs))
        except Exception as exc:  # one tenant's failure must not stop the others
            report.failures[slug] = f"{type(exc).__name__}: {exc}"
            if progress:
                progress(slug, "failed", len(slugs))
    return report
