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

Each registered tenant's row carries `schema_step` (platform m0008): the tenant steps last found
complete there, written by a migrator only after the tenant's steps and grants succeeded. A no-op
`yishi migrate` reads it for every tenant in one query and skips the tenants whose stored step is
the code's `schema_step()`; any other tenant costs one read of its own `yishi_migration` table
(the truth), is migrated if behind, and is marked. A failed tenant is never marked.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import inspect
import pkgutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from piccolo.columns import Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.errors import StorageSetupError, TenantNotFound
from core.tenancy.context import (
    BoundTenant,
    bind_tenant,
    lookup_tenant,
    stored_names,
    tenant_names,
)
from core.tenancy.storage import PLATFORM_SCHEMA, Storage, quote_ident

__all__ = [
    "MigrationReport",
    "drop_tenant_storage",
    "mark_current",
    "migrate_all",
    "migrate_platform",
    "migrate_tenant",
    "migration_lock",
    "names_for",
    "pending_migrations",
    "schema_behind",
    "schema_step",
    "step_names",
    "stored_steps",
]

PLATFORM = "platform"
TENANT = "tenant"
#: Advisory lock key of migrations ("yish"); advisory locks are per database.
LOCK_KEY = 0x79697368


@cache
def _found(stream: str) -> tuple[tuple[str, ModuleType], ...]:
    package = importlib.import_module(f"core.tenancy.migrations.{stream}")
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name[0] == "m")
    return tuple((n, importlib.import_module(f"{package.__name__}.{n}")) for n in names)


def _modules(stream: str) -> list[tuple[str, ModuleType]]:
    """The steps of `stream` in the order they apply (found once per process)."""
    return list(_found(stream))


def _migration_table(engine: Any) -> Any:
    class YishiMigration(Table, tablename="yishi_migration", db=engine):
        name = Varchar(length=200, unique=True)
        applied_at = Timestamptz(default=TimestamptzNow())

    return YishiMigration


# --- the lock ----------------------------------------------------------------------------------

#: Storages whose migration lock the current task holds (the lock is re-entered, never re-taken).
_held: ContextVar[frozenset[str]] = ContextVar("yishi_migration_lock", default=frozenset())
#: PostgreSQL: the connection holding the lock, which runs every owner statement of the run
#: (`_pg`), with a lock so that tasks sharing the context never use it at once.
_owner_conn: ContextVar[tuple[Any, asyncio.Lock] | None] = ContextVar(
    "yishi_owner_connection", default=None
)


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
            await storage.start_owner_pools()
            conn = await storage.admin_platform.get_new_connection()
            conn_token = _owner_conn.set((conn, asyncio.Lock()))
            try:
                await conn.execute("SELECT pg_advisory_lock($1)", LOCK_KEY)
                try:
                    yield
                finally:
                    await conn.execute("SELECT pg_advisory_unlock($1)", LOCK_KEY)
            finally:
                _owner_conn.reset(conn_token)
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
    """Apply pending steps of `stream` on `engine` (tenant already bound if a tenant stream).

    Each step commits with its record, so a failed step leaves nothing behind. On PostgreSQL a
    storage with no step applied yet (a new tenant) takes all its steps in one transaction, with
    their records in one statement: the same all-or-nothing, fewer round trips. (Not on SQLite:
    a step may work on a connection of its own, tenant m0002, which must see the steps before.)"""
    table = _migration_table(engine)
    await table.create_table(if_not_exists=True)
    done = {r["name"] for r in await table.select(table.name)}
    pending = [(n, m) for n, m in _modules(stream) if n not in done]
    if not pending:
        return []
    if not done and storage.backend == "postgres":
        async with engine.transaction():
            batch = _DDLBatch(engine)
            for _, module in pending:
                await _forwards(module, batch, storage)
            await batch.flush()
            await table.insert(*[table(name=name) for name, _ in pending])
        return [name for name, _ in pending]
    applied = []
    for name, module in pending:
        async with engine.transaction():
            await _forwards(module, engine, storage)
            await table.insert(table(name=name))
        applied.append(name)
    return applied


class _DDLBatch:
    """Stands for the owner's tenant engine while a new tenant's steps run in one transaction
    (PostgreSQL): their DDL is collected and sent as one multi-statement string (one round trip,
    no prepared statement per DDL) in that transaction; any other query sends what was collected
    first, so the order of statements is kept. Everything else is the engine's."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._ddl: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    async def run_ddl(self, ddl: str, in_pool: bool = True) -> list[Any]:
        self._ddl.append(ddl)
        return []

    async def run_querystring(self, querystring: Any, in_pool: bool = True) -> Any:
        await self.flush()
        return await self._engine.run_querystring(querystring, in_pool=in_pool)

    async def flush(self) -> None:
        if self._ddl:
            sql, self._ddl = ";\n".join(self._ddl), []
            await self._engine.current_transaction.get().connection.execute(sql)


async def _forwards(module: ModuleType, engine: Any, storage: Storage) -> None:
    if _wants_storage(module):
        await module.forwards(engine, storage=storage)
    else:
        await module.forwards(engine)


@cache
def _wants_storage(module: ModuleType) -> bool:
    return "storage" in inspect.signature(module.forwards).parameters


def step_names(stream: str) -> list[str]:
    """The step names of `stream` ("platform" or "tenant"), in the order they apply."""
    return [n for n, _ in _modules(stream)]


def schema_step() -> str:
    """What `tenant.schema_step` holds for a tenant with every tenant step of this code applied:
    the last step's name and a digest of all the names, so that any change of the list (a step
    added, even one sorting before the last) makes every tenant be read again."""
    names = step_names(TENANT)
    digest = hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]
    return f"{names[-1] if names else ''}#{digest}"


#: The platform step that adds `tenant.schema_step`; before it, no tenant is ever marked.
STEP_COLUMN_STEP = "m0008_schema_step"
_CHUNK = 500


async def stored_steps(storage: Storage, slugs: list[str] | None = None) -> dict[str, Any]:
    """Registry rows (slug, schema_name, role_name, schema_step) of `slugs`, or of every tenant,
    by slug, in slug order: one query (per 500 slugs). Read with the table's own engine (the
    application's login may read it: `schema_behind`)."""
    from core.tenancy.tables import Tenant

    base = "SELECT slug, schema_name, role_name, schema_step FROM tenant"
    rows: list[dict[str, Any]] = []
    if slugs is None:
        rows = await Tenant.raw(base + " ORDER BY slug")
    else:
        for i in range(0, len(slugs), _CHUNK):
            part = slugs[i : i + _CHUNK]
            marks = ", ".join("{}" for _ in part)
            rows += await Tenant.raw(f"{base} WHERE slug IN ({marks})", *part)
        rows.sort(key=lambda r: r["slug"])
    return {r["slug"]: r for r in rows}


async def mark_current(storage: Storage, slugs: list[str]) -> None:
    """Record that the registered tenants `slugs` have every tenant step of this code applied
    (call only once their steps and grants succeeded). One statement per 500 tenants, as the
    owner on PostgreSQL (on the migration lock's connection when held)."""
    if not slugs:
        return
    step = schema_step()
    for i in range(0, len(slugs), _CHUNK):
        part = sorted(set(slugs[i : i + _CHUNK]))
        if storage.backend == "postgres":
            await _pg(
                storage,
                "UPDATE tenant SET schema_step = $1 WHERE slug = ANY($2::text[]) "
                "AND schema_step IS DISTINCT FROM $1",
                step,
                part,
                rows=True,
            )
        else:
            from piccolo.querystring import QueryString

            marks = ", ".join("{}" for _ in part)
            await storage.admin_platform.run_querystring(
                QueryString(
                    f"UPDATE tenant SET schema_step = {{}} WHERE slug IN ({marks})", step, *part
                )
            )


async def names_for(
    storage: Storage, tenant: str | BoundTenant, *, guess: bool = False
) -> BoundTenant:
    """A tenant's names: given, or stored on its registry row.

    A slug that is not registered raises `TenantNotFound` (a typo never provisions a schema and
    a role), unless `guess=True`: then the names a new tenant of that slug would get are derived,
    also when the registry cannot be read (a dry run before the platform is migrated)."""
    if isinstance(tenant, BoundTenant):
        return tenant
    try:
        found = await lookup_tenant(tenant)
    except Exception:
        if not guess:
            raise
        found = None
    if found is not None:
        return found
    if not guess:
        raise TenantNotFound()
    return tenant_names(tenant, storage.role_prefix)


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


def _exists(storage: Storage, bound: BoundTenant | None) -> bool:
    """Whether the storage could hold a migration table (SQLite: its file exists; reading a
    missing file would create it). Always True on PostgreSQL (the read itself tells)."""
    if storage.backend != "sqlite":
        return True
    if bound is None:
        return Path(storage.admin_platform.path).is_file()
    return storage.tenant_file(bound.schema).is_file()


async def pending_migrations(
    storage: Storage, tenant: str | BoundTenant | None = None, *, guess: bool = False
) -> list[str]:
    """Steps not yet applied to the platform (`tenant` None) or a tenant. Read-only: creates
    nothing, not even the migration table or a SQLite file."""
    if tenant is None:
        engine, stream, bound = storage.admin_platform, PLATFORM, None
    else:
        engine, stream = storage.admin_tenant, TENANT
        bound = await names_for(storage, tenant, guess=guess)
    done: set[str] | None = None
    if _exists(storage, bound):
        if bound is None:
            done = await _done(engine)
        else:
            with bind_tenant(bound):
                done = await _done(engine)
    return [n for n in step_names(stream) if n not in (done or set())]


async def schema_behind(storage: Storage) -> list[str]:
    """What `yishi migrate` has still to do, read with the application's login only (no DDL):
    `["platform: m0003_…", "alpha: m0002_…", …]`; empty when everything is current. A tenant
    whose stored `schema_step` is this code's is current without reading its storage."""
    platform_done = await _done(storage.platform)
    behind = [f"platform: {n}" for n in step_names(PLATFORM) if n not in (platform_done or set())]
    if behind:
        return behind  # the registry itself may not be readable yet
    steps, current = step_names(TENANT), schema_step()
    for row in (await stored_steps(storage)).values():
        if row["schema_step"] == current:
            continue  # marked by a migrator once every step and grant of this code succeeded
        with bind_tenant(row):
            done = await _done(storage.tenant) or set()
        behind.extend(f"{row['slug']}: {n}" for n in steps if n not in done)
    return behind


def _user(url: str) -> str | None:
    user = urlsplit(url).username
    return unquote(user) if user else None


def _app_user(storage: Storage) -> str | None:
    return _user(storage.settings.url)


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def _pg(storage: Storage, sql: str, *args: Any, rows: bool = False) -> Any:
    """Run an owner statement: on the migration lock's connection when this task holds the lock
    (one connection for the whole run), else on a connection of its own."""
    held = _owner_conn.get()
    if held is not None:
        conn, guard = held
        async with guard:
            return await (conn.fetch(sql, *args) if args or rows else conn.execute(sql))
    conn = await storage.admin_platform.get_new_connection()
    try:
        return await (conn.fetch(sql, *args) if args or rows else conn.execute(sql))
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
    elif not _exists(storage, None):  # WAL is a property of the file: set once, at creation
        await storage.admin_platform.run_ddl("PRAGMA journal_mode=WAL")
    applied = await _apply(storage.admin_platform, PLATFORM, storage)
    if storage.backend == "postgres":
        app = _app_user(storage)
        if app == _user(storage.settings.effective_admin_url):
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
    """The tenant's role and schema (if missing), the app login a member of the role: one
    statement (PostgreSQL runs a multi-statement string as one implicit transaction)."""
    s, r = quote_ident(bound.schema), quote_ident(bound.role)
    role_exists = f"SELECT 1 FROM pg_roles WHERE rolname = {quote_literal(bound.role)}"
    app = _app_user(storage)
    await _pg(
        storage,
        f"DO $$ BEGIN IF NOT EXISTS ({role_exists}) THEN CREATE ROLE {r} NOLOGIN; "
        f"END IF; END $$; "
        f"CREATE SCHEMA IF NOT EXISTS {s}; REVOKE ALL ON SCHEMA {s} FROM PUBLIC"
        + (f"; GRANT {r} TO {quote_ident(app)}" if app else ""),
    )


async def _grant_pg_tenant(storage: Storage, bound: BoundTenant) -> None:
    """The tenant role's privileges in its schema, in one statement."""
    s, r = quote_ident(bound.schema), quote_ident(bound.role)
    await _pg(
        storage,
        f"GRANT USAGE ON SCHEMA {s} TO {r}; "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}; "
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}; "
        # The audit trail is append-only for the application, enforced by the database.
        f"REVOKE UPDATE, DELETE ON {s}.audit_entry FROM {r}; "
        f"REVOKE INSERT, UPDATE, DELETE ON {s}.yishi_migration FROM {r}; "
        # The schema is reachable by its owner and its tenant's role only: a role that held it
        # before (two tenants once shared a cut name, platform m0003) loses it here.
        "DO $$ DECLARE other text; BEGIN "
        "FOR other IN SELECT DISTINCT g.rolname FROM pg_namespace n, aclexplode(n.nspacl) a "
        "JOIN pg_roles g ON g.oid = a.grantee "
        f"WHERE n.nspname = {quote_literal(bound.schema)} AND a.grantee <> n.nspowner "
        f"AND g.rolname <> {quote_literal(bound.role)} ORDER BY 1 LOOP "
        f"EXECUTE format('REVOKE ALL ON SCHEMA %I FROM %I', {quote_literal(bound.schema)}, other); "
        "END LOOP; END $$",
    )


async def _tenant_done(storage: Storage, bound: BoundTenant) -> set[str] | None:
    """A tenant's applied steps (None: no migration table): on PostgreSQL one statement on the
    owner's connection, naming the schema (no transaction, no search_path to set)."""
    if storage.backend != "postgres":
        with bind_tenant(bound):
            return await _done(storage.admin_tenant)
    try:
        found = await _pg(
            storage, f"SELECT name FROM {quote_ident(bound.schema)}.yishi_migration", rows=True
        )
    except Exception as exc:  # asyncpg UndefinedTableError: schema or table not created yet
        if "does not exist" in str(exc):
            return None
        raise
    return {r["name"] for r in found}


async def migrate_tenant(
    storage: Storage,
    tenant: str | BoundTenant | dict[str, Any],
    *,
    guess: bool = False,
    check_first: bool = False,
) -> list[str]:
    """Create the tenant's storage if missing and apply its pending migrations.

    `tenant` is its registry row, its names (tenant creation), or a registered slug (`guess=True`:
    or a slug not registered, with derived names). `check_first`: read the applied steps first
    (one query) and, when nothing is pending, skip provisioning and grants altogether (what
    `migrate_all` does for a no-op run); grants are always re-done after a step was applied."""
    async with migration_lock(storage):
        if isinstance(tenant, dict):
            bound = stored_names(tenant)
        else:
            bound = await names_for(storage, tenant, guess=guess)
        exists = _exists(storage, bound)
        if check_first and exists:
            done = await _tenant_done(storage, bound)
            if done is not None and all(n in done for n in step_names(TENANT)):
                return []
        if storage.backend == "postgres":
            await _provision_pg_tenant(storage, bound)
        with bind_tenant(bound):
            if not exists:  # a new SQLite file: WAL is set once, at creation
                await storage.admin_tenant.run_ddl("PRAGMA journal_mode=WAL")
            applied = await _apply(storage.admin_tenant, TENANT, storage)
        if storage.backend == "postgres":
            await _grant_pg_tenant(storage, bound)
        return applied


async def drop_tenant_storage(
    storage: Storage, tenant: str | BoundTenant, *, guess: bool = False
) -> None:
    """Remove a tenant's schema and role (PostgreSQL) or its file (SQLite). Irreversible."""
    async with migration_lock(storage):
        bound = await names_for(storage, tenant, guess=guess)
        await _unmark(storage, bound)
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


async def _unmark(storage: Storage, bound: BoundTenant) -> None:
    """A tenant whose storage is dropped is no longer current (its row, if any, says so)."""
    try:
        if storage.backend == "postgres":
            await _pg(
                storage, "UPDATE tenant SET schema_step = '' WHERE schema_name = $1", bound.schema
            )
        else:
            from piccolo.querystring import QueryString

            await storage.admin_platform.run_querystring(
                QueryString(
                    "UPDATE tenant SET schema_step = '' WHERE schema_name = {}", bound.schema
                )
            )
    except Exception as exc:  # no registry or no column yet: nothing is marked
        if "no such" in str(exc) or "does not exist" in str(exc):
            return
        raise


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
    *,
    guess: bool = False,
) -> MigrationReport:
    """Migrate the platform, then each tenant (`slugs`, or every registered one); a failing
    tenant is reported, the rest go on. `progress(slug, outcome, total)` follows each tenant.
    The whole run holds the migration lock, and runs its owner statements on its connection.

    The registry is read once, with each tenant's stored `schema_step`. A tenant marked current
    costs nothing more; any other one costs one query (its applied steps), and provisioning and
    grants only when a step is pending. When this run applied a platform step (one may have
    changed a tenant's names, platform m0003), every tenant is provisioned and granted again.
    Tenants found or made current are marked in one statement at the end; a failed one is not.
    An unregistered slug in `slugs` fails with `TenantNotFound`, unless `guess=True` (it is then
    migrated under derived names, and never marked: it has no row)."""
    async with migration_lock(storage):
        report = MigrationReport(platform=await migrate_platform(storage))
        rows: dict[str, dict[str, Any]] = {}
        if slugs is None or slugs:
            rows = await stored_steps(storage, slugs)
        order = list(rows) if slugs is None else slugs
        current, fresh = schema_step(), not report.platform
        marks: list[str] = []
        for slug in order:
            try:
                row = rows.get(slug)
                if fresh and row is not None and row["schema_step"] == current:
                    report.tenants[slug] = []
                else:
                    report.tenants[slug] = await migrate_tenant(
                        storage,
                        row if row is not None else slug,
                        guess=guess,
                        check_first=fresh,
                    )
                    if row is not None:
                        marks.append(slug)
                if progress:
                    progress(slug, "ok", len(order))
            except Exception as exc:  # one tenant's failure must not stop the others
                report.failures[slug] = f"{type(exc).__name__}: {exc}"
                if progress:
                    progress(slug, "failed", len(order))
        await mark_current(storage, marks)
        return report
