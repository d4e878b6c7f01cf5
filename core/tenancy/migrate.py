"""Migrations of the platform and of every tenant, and provisioning of tenant storage.

Migrations are modules under `core/tenancy/migrations/{platform,tenant}/`, applied in name order,
each a frozen piccolo table snapshot with `async def forwards(engine)` (or `forwards(engine,
storage)` when the step needs the settings). Applied ids are recorded in a `yishi_migration` table
in the same storage, in the same transaction as the step, so a re-run is a no-op and a failed step
leaves nothing behind. piccolo's own migration manager finds its engine through a global
`piccolo_conf`, which cannot route per tenant; this runner binds the tenant first, then runs
piccolo DDL (STACK-NOTES: create the migration table per tenant ourselves).

Every run holds the migration lock (`migration_lock`): a PostgreSQL advisory lock on one
connection for the whole run, or an exclusive lock on `<data>/migrate.lock` with SQLite, so two
migrators (two `yishi migrate` jobs, or one and an embedded `serve`) wait for each other instead
of colliding on the same DDL and grants.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from piccolo.columns import Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.errors import StorageSetupError
from core.tenancy.context import BoundTenant, bind_tenant, lookup_tenant, tenant_names
from core.tenancy.storage import PLATFORM_SCHEMA, Storage, quote_ident

__all__ = [
    "MigrationReport",
    "drop_tenant_storage",
    "migrate_all",
    "migrate_platform",
    "migrate_tenant",
    "migration_lock",
    "names_for",
    "pending_migrations",
    "schema_behind",
]

PLATFORM = "platform"
TENANT = "tenant"
#: Advisory lock key of migrations ("yish"); advisory locks are per database.
LOCK_KEY = 0x79697368


def _modules(stream: str) -> list[tuple[str, ModuleType]]:
    package = importlib.import_module(f"core.tenancy.migrations.{stream}")
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name[0] == "m")
    return [(n, importlib.import_module(f"{package.__name__}.{n}")) for n in names]


def _migration_table(engine: Any) -> Any:
    class YishiMigration(Table, tablename="yishi_migration", db=engine):
        name = Varchar(length=200, unique=True)
        applied_at = Timestamptz(default=TimestamptzNow())

    return YishiMigration


# --- the lock ----------------------------------------------------------------------------------

#: Storages whose migration lock the current task holds (the lock is re-entered, never re-taken).
_held: ContextVar[frozenset[str]] = ContextVar("yishi_migration_lock", default=frozenset())


def _lock_key(storage: Storage) -> str:
    s = storage.settings
    return s.url if storage.backend == "postgres" else str(s.data_dir.resolve())


@asynccontextmanager
async def migration_lock(storage: Storage) -> AsyncIterator[None]:
    """Hold the one migration lock of this storage for the block (re-entrant per task)."""
    key = _lock_key(storage)
    if key in _held.get():
        yield
        return
    token = _held.set(_held.get() | {key})
    try:
        if storage.backend == "postgres":
            conn = await storage.admin_platform.get_new_connection()
            try:
                await conn.execute("SELECT pg_advisory_lock($1)", LOCK_KEY)
                try:
                    yield
                finally:
                    await conn.execute("SELECT pg_advisory_unlock($1)", LOCK_KEY)
            finally:
                await conn.close()
        else:
            import fcntl

            path = storage.settings.data_dir.resolve() / "migrate.lock"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a") as handle:
                await asyncio.to_thread(fcntl.flock, handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        _held.reset(token)


# --- steps -------------------------------------------------------------------------------------


async def _apply(engine: Any, stream: str, storage: Storage) -> list[str]:
    """Apply pending steps of `stream` on `engine` (tenant already bound if a tenant stream)."""
    table = _migration_table(engine)
    await table.create_table(if_not_exists=True)
    done = {r["name"] for r in await table.select(table.name)}
    applied = []
    for name, module in _modules(stream):
        if name in done:
            continue
        wants_storage = "storage" in inspect.signature(module.forwards).parameters
        async with engine.transaction():
            if wants_storage:
                await module.forwards(engine, storage=storage)
            else:
                await module.forwards(engine)
            await table.insert(table(name=name))
        applied.append(name)
    return applied


async def names_for(
    storage: Storage, tenant: str | BoundTenant, *, guess: bool = False
) -> BoundTenant:
    """A tenant's names: given, stored on its registry row, or (not registered yet) derived.

    `guess=True` (read-only looks, e.g. a dry run before the platform is migrated) derives the
    names when the registry cannot be read."""
    if isinstance(tenant, BoundTenant):
        return tenant
    try:
        found = await lookup_tenant(tenant)
    except Exception:
        if not guess:
            raise
        found = None
    return found or tenant_names(tenant, storage.role_prefix)


async def _done(engine: Any) -> set[str] | None:
    """Applied step names, or None when the migration table does not exist yet (read-only)."""
    table = _migration_table(engine)
    try:
        return {r["name"] for r in await table.select(table.name)}
    except Exception as exc:  # sqlite3.OperationalError, asyncpg UndefinedTable/Privilege
        text = str(exc)
        if "yishi_migration" in text or "no such table" in text or "permission denied" in text:
            return None  # not created, or not granted yet: nothing counts as done
        raise


async def pending_migrations(storage: Storage, slug: str | BoundTenant | None = None) -> list[str]:
    engine = storage.admin_platform if slug is None else storage.admin_tenant
    stream = PLATFORM if slug is None else TENANT
    if slug is None:
        table = _migration_table(engine)
        await table.create_table(if_not_exists=True)
        done = {r["name"] for r in await table.select(table.name)}
    else:
        with bind_tenant(await names_for(storage, slug)):
            table = _migration_table(engine)
            await table.create_table(if_not_exists=True)
            done = {r["name"] for r in await table.select(table.name)}
    return [n for n, _ in _modules(stream) if n not in done]


async def schema_behind(storage: Storage) -> list[str]:
    """What `yishi migrate` has still to do, read with the application's login only (no DDL):
    `["platform: m0003_…", "alpha: m0002_…", …]`; empty when everything is current."""
    platform_done = await _done(storage.platform)
    behind = [f"platform: {n}" for n, _ in _modules(PLATFORM) if n not in (platform_done or set())]
    if behind:
        return behind  # the registry itself may not be readable yet
    from core.tenancy.tables import Tenant

    steps = [n for n, _ in _modules(TENANT)]
    for row in await Tenant.select().order_by(Tenant.slug):
        with bind_tenant(row):
            done = await _done(storage.tenant) or set()
        behind.extend(f"{row['slug']}: {n}" for n in steps if n not in done)
    return behind


def _app_user(storage: Storage) -> str | None:
    user = urlsplit(storage.settings.url).username
    return unquote(user) if user else None


def _admin_user(storage: Storage) -> str | None:
    user = urlsplit(storage.settings.effective_admin_url).username
    return unquote(user) if user else None


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def _pg(storage: Storage, sql: str, *args: Any) -> Any:
    engine = storage.admin_platform
    conn = await engine.get_new_connection()
    try:
        if args:
            return await conn.fetch(sql, *args)
        await conn.execute(sql)
        return None
    finally:
        await conn.close()


async def _revoke_temporary(storage: Storage, app: str | None) -> None:
    """Nobody but the owner may create temporary objects in this database (STACK-NOTES)."""
    targets = ["PUBLIC"] + ([quote_ident(app)] if app else [])
    await _pg(
        storage,
        "DO $$ BEGIN "
        + " ".join(
            f"EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM {t}', current_database());"
            for t in (t.replace("'", "''").replace("%", "%%") for t in targets)
        )
        + " END $$",
    )
    if app:
        rows = await _pg(
            storage,
            "SELECT has_database_privilege($1, current_database(), 'TEMPORARY') AS temp",
            app,
        )
        if rows and rows[0]["temp"]:
            raise StorageSetupError(
                what=(
                    f"{app} 仍可创建临时表；请由数据库属主执行 REVOKE TEMPORARY ON DATABASE … "
                    f"FROM PUBLIC, {app} ({app} can still create temporary tables: have the "
                    "database owner revoke TEMPORARY from PUBLIC and from it)"
                )
            )


async def migrate_platform(storage: Storage) -> list[str]:
    async with migration_lock(storage):
        return await _migrate_platform(storage)


async def _migrate_platform(storage: Storage) -> list[str]:
    if storage.backend == "postgres":
        schema = quote_ident(PLATFORM_SCHEMA)
        await _pg(
            storage,
            f"CREATE SCHEMA IF NOT EXISTS {schema}; REVOKE ALL ON SCHEMA {schema} FROM PUBLIC",
        )
    else:
        await storage.admin_platform.run_ddl("PRAGMA journal_mode=WAL")
    applied = await _apply(storage.admin_platform, PLATFORM, storage)
    if storage.backend == "postgres":
        app = _app_user(storage)
        if app == _admin_user(storage):
            app = None
        await _revoke_temporary(storage, app)
        if app:
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


async def _provision_pg_tenant(storage: Storage, bound: BoundTenant) -> None:
    s, r = quote_ident(bound.schema), quote_ident(bound.role)
    role_exists = f"SELECT 1 FROM pg_roles WHERE rolname = {quote_literal(bound.role)}"
    await _pg(
        storage,
        f"DO $$ BEGIN IF NOT EXISTS ({role_exists}) THEN CREATE ROLE {r} NOLOGIN; "
        f"END IF; END $$; "
        f"CREATE SCHEMA IF NOT EXISTS {s}; REVOKE ALL ON SCHEMA {s} FROM PUBLIC",
    )
    app = _app_user(storage)
    if app:
        await _pg(storage, f"GRANT {r} TO {quote_ident(app)}")


async def _grant_pg_tenant(storage: Storage, bound: BoundTenant) -> None:
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
    # The schema is reachable by its owner and its tenant's role only: a role that held it
    # before (two tenants once shared a cut name, platform m0003) loses it here.
    others = await _pg(
        storage,
        "SELECT r.rolname FROM pg_namespace n, aclexplode(n.nspacl) a "
        "JOIN pg_roles r ON r.oid = a.grantee "
        "WHERE n.nspname = $1 AND a.grantee <> n.nspowner AND r.rolname <> $2",
        bound.schema,
        bound.role,
    )
    for name in sorted({row["rolname"] for row in others or []}):
        await _pg(storage, f"REVOKE ALL ON SCHEMA {s} FROM {quote_ident(name)}")


async def migrate_tenant(storage: Storage, tenant: str | BoundTenant) -> list[str]:
    """Create the tenant's storage if missing and apply its pending migrations.

    `tenant` is a slug (its stored names are used, or derived ones if it is not registered yet)
    or the names themselves (tenant creation)."""
    async with migration_lock(storage):
        bound = await names_for(storage, tenant)
        if storage.backend == "postgres":
            await _provision_pg_tenant(storage, bound)
        with bind_tenant(bound):
            if storage.backend == "sqlite":
                await storage.admin_tenant.run_ddl("PRAGMA journal_mode=WAL")
            applied = await _apply(storage.admin_tenant, TENANT, storage)
        if storage.backend == "postgres":
            await _grant_pg_tenant(storage, bound)
        return applied


async def drop_tenant_storage(storage: Storage, tenant: str | BoundTenant) -> None:
    """Remove a tenant's schema and role (PostgreSQL) or its file (SQLite). Irreversible."""
    async with migration_lock(storage):
        bound = await names_for(storage, tenant)
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
    tenant is reported, the rest go on. `progress(slug, outcome, total)` follows each tenant.
    The whole run holds the migration lock."""
    async with migration_lock(storage):
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
