"""Isolated storage per tenant: the engines piccolo tables are bound to.

Two engines are bound once per process, at start-up (`configure`), never per request:

- the **platform engine** for the platform's own tables (tenants, accounts, tokens, platform
  audit): SQLite `platform.sqlite`, or the `platform` schema on PostgreSQL;
- the **tenant engine** for every tenant table. It routes by the `current_tenant` ContextVar:
  on SQLite each tenant is its own file; on PostgreSQL every query runs in a transaction that begins
  with `SET LOCAL ROLE <tenant role>; SET LOCAL search_path TO <tenant schema>, pg_temp`, so a
  query that forgets its tenant reaches nothing and one that names another tenant's schema is
  refused by the database itself. With no tenant bound, both raise `TenantNotBound` (fail closed).

Swapping `Table._meta.db` per request would leak rows between concurrent requests (STACK-NOTES), so
tables are bound here, once, and routing happens inside the engine.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from weakref import WeakKeyDictionary

import aiosqlite
from piccolo.engine.postgres import PostgresEngine, PostgresTransaction
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory
from piccolo.table import Table

from core.errors import OwnerNotHeld, TenantNotBound
from core.settings import DatabaseSettings
from core.tenancy.context import require_tenant
from core.tenancy.unbound import UNCONFIGURED, UnconfiguredEngine, discover_tables

__all__ = [
    "PLATFORM_SCHEMA",
    "UNCONFIGURED",
    "Storage",
    "UnconfiguredEngine",
    "configure",
    "for_update",
    "get_storage",
    "platform_tables",
    "quote_ident",
    "tenant_tables",
]

PLATFORM_SCHEMA = "platform"
PLATFORM_TAG = "platform"
TENANT_TAG = "tenant"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def platform_tables() -> list[type[Table]]:
    """Every table declared with `tags=["platform"]` in a domain's `tables.py` (core/tenancy/
    unbound.py finds them; nothing is listed by hand)."""
    return discover_tables(PLATFORM_TAG)


def tenant_tables() -> list[type[Table]]:
    """Every table declared with `tags=["tenant"]`."""
    return discover_tables(TENANT_TAG)


# --- SQLite ----------------------------------------------------------------------------------


class _PooledSQLiteTransaction(SQLiteTransaction):
    """Returns its connection to the engine's idle pool instead of closing it.

    A write transaction (`BEGIN IMMEDIATE`) first waits its turn among this process's writers
    of the same file, in order, on the event loop: SQLite lets one writer in at a time, and a
    writer refused by the file lock waits in SQLite's busy handler, which sleeps with growing
    pauses in the connection's thread (seconds at the tail under load). Writers of another
    process still meet at the file lock and its busy timeout.
    """

    _turn: asyncio.Lock | None = None

    async def __aenter__(self) -> SQLiteTransaction:
        if self._parent is not None:
            return self._parent
        engine = self.engine
        assert isinstance(engine, _QuietSQLiteEngine)
        if self.transaction_type != TransactionType.deferred:
            turn = engine.writers_turn(engine.connection_kwargs["database"])
            await turn.acquire()
            self._turn = turn
        try:
            return await super().__aenter__()
        except BaseException:
            self._end_turn()
            raise

    def _end_turn(self) -> None:
        if self._turn is not None:
            self._turn.release()
            self._turn = None

    async def __aexit__(self, exception_type: Any, exception: Any, traceback: Any) -> bool:
        if self._parent:
            return exception is None
        try:
            if exception:
                if not self._rolled_back:
                    await self.rollback()
            elif not self._committed and not self._rolled_back:
                await self.commit()
        finally:
            engine = self.engine
            assert isinstance(engine, _QuietSQLiteEngine)
            try:
                await engine.release(self.connection)
            finally:
                engine.current_transaction.reset(self.context)
                self._end_turn()
        return exception is None


class _QuietSQLiteEngine(SQLiteEngine):
    """SQLite with a few idle connections kept per file.

    aiosqlite runs each connection in its own thread, and piccolo opens one per query or
    transaction: reusing idle connections saves a thread start and a file open on every one.
    A connection is only ever used by one task at a time (checked out, then released); idle
    ones are closed on `close_idle()` (storage stop, tenant deletion). Their worker threads are
    daemons, so an idle connection never holds up the process at exit.
    """

    #: Idle connections kept per file (set to `YISHI_DATABASE_POOL_SIZE` by `configure`, as the
    #: PostgreSQL pool's size), and in all: with a thousand tenant files, a thread per idle
    #: connection of each would be thousands of threads.
    max_idle = 10
    max_idle_total = 40
    WAIT_SECONDS = 5.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._idle: dict[str, list[Any]] = {}
        self._idle_total = 0
        #: Connections open per file (idle or checked out), and who waits for one.
        self._open: dict[str, int] = {}
        self._waiters: dict[str, deque[asyncio.Future[Any]]] = {}
        self._turns: WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
            WeakKeyDictionary()
        )
        #: connection id → (file, generation); a file's generation moves on when it is removed,
        #: so a connection opened on the old file is never pooled for a new one of that name.
        self._origin: dict[int, tuple[str, int]] = {}
        self._generation: dict[str, int] = {}
        super().__init__(*args, **kwargs)

    async def check_version(self) -> None:
        return None

    def writers_turn(self, path: str) -> asyncio.Lock:
        """The lock this process's writers of `path` take in turn (one per event loop: a lock
        belongs to the loop it first waited on)."""
        locks = self._turns.setdefault(asyncio.get_running_loop(), {})
        lock = locks.get(path)
        if lock is None:
            lock = locks[path] = asyncio.Lock()
        return lock

    async def get_connection(self) -> Any:
        kwargs = self.connection_kwargs
        path = kwargs["database"]
        idle = self._idle.get(path)
        if idle:
            self._idle_total -= 1
            return idle.pop()
        if self._open.get(path, 0) >= self.max_idle:
            # As many open on this file as the pool's size: wait for one to come back (a thread
            # start and a file open per request is what the pool is for) — but never forever:
            # after `WAIT_SECONDS` a connection beyond the size is opened, so no caller can
            # deadlock on the cap.
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.setdefault(path, deque()).append(waiter)
            try:
                return await asyncio.wait_for(asyncio.shield(waiter), self.WAIT_SECONDS)
            except (TimeoutError, asyncio.CancelledError):
                if waiter.done() and not waiter.cancelled():
                    handed = waiter.result()
                    if not asyncio.current_task().cancelling():  # type: ignore[union-attr]
                        return handed
                    await self.release(handed)
                    raise
                waiter.cancel()
                if asyncio.current_task().cancelling():  # type: ignore[union-attr]
                    raise
        self._open[path] = self._open.get(path, 0) + 1
        try:
            pending = aiosqlite.connect(**kwargs)
            pending._thread.daemon = True  # see the class docstring
            connection: Any = await pending
            connection.row_factory = dict_factory
            try:
                await connection.execute("PRAGMA foreign_keys = 1")
            except Exception:
                await connection.close()
                raise
        except BaseException:
            self._open[path] -= 1
            raise
        self._origin[id(connection)] = (path, self._generation.get(path, 0))
        return connection

    async def release(self, connection: Any) -> None:
        path, generation = self._origin.get(id(connection), ("", -1))
        if connection.in_transaction:
            await connection.execute("ROLLBACK")
        current = generation == self._generation.get(path, 0)
        waiters = self._waiters.get(path)
        while current and waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                try:
                    waiter.set_result(connection)  # straight to the next in line
                    return
                except RuntimeError:  # its event loop is gone
                    continue
        idle = self._idle.setdefault(path, [])
        if current and len(idle) < self.max_idle and self._idle_total < self.max_idle_total:
            idle.append(connection)
            self._idle_total += 1
        else:
            self._closed(connection)
            await connection.close()

    def _closed(self, connection: Any) -> None:
        path, _ = self._origin.pop(id(connection), ("", -1))
        if self._open.get(path, 0) > 0:
            self._open[path] -= 1

    async def close_idle(self, path: str | None = None) -> None:
        """Close idle connections (of one file, or all); a removed file's generation moves on."""
        if path is not None:
            self._generation[path] = self._generation.get(path, 0) + 1
        for key in [k for k in self._idle if path is None or k == path]:
            for connection in self._idle.pop(key):
                self._idle_total -= 1
                self._closed(connection)
                await connection.close()

    async def _run_in_new_connection(
        self,
        query: str,
        args: list[Any] | None = None,
        query_type: str = "generic",
        table: Any = None,
    ) -> Any:
        connection = await self.get_connection()
        try:
            return await self._run_in_existing_connection(
                connection, query, args, query_type=query_type, table=table
            )
        finally:
            await self.release(connection)

    def transaction(
        self,
        transaction_type: TransactionType = TransactionType.deferred,
        allow_nested: bool = True,
    ) -> SQLiteTransaction:
        return _PooledSQLiteTransaction(
            engine=self, transaction_type=transaction_type, allow_nested=allow_nested
        )


class PlatformSQLiteEngine(_QuietSQLiteEngine):
    pass


class TenantSQLiteEngine(_QuietSQLiteEngine):
    """One file per tenant: `<dir>/tenants/<schema>.sqlite`, chosen from the ContextVar."""

    def __init__(self, directory: Path, **kwargs: Any) -> None:
        self._directory = directory
        super().__init__(path=str(directory / "unbound.sqlite"), **kwargs)

    @property  # type: ignore[override]
    def connection_kwargs(self) -> dict[str, Any]:
        bound = require_tenant()
        return {**self._base_kwargs, "database": str(self._directory / f"{bound.schema}.sqlite")}

    @connection_kwargs.setter
    def connection_kwargs(self, value: dict[str, Any]) -> None:
        self._base_kwargs = value

    def file_for(self, schema: str) -> Path:
        return self._directory / f"{schema}.sqlite"


# --- PostgreSQL ------------------------------------------------------------------------------


class _ScopedPgTransaction(PostgresTransaction):
    """A tenant transaction opened with its scope in one round trip.

    `BEGIN` and the `SET LOCAL`s go to the server as one simple query (PostgreSQL runs the
    statements of one simple query in order; the `SET LOCAL`s then belong to the transaction
    just begun), and `COMMIT`/`ROLLBACK` are sent the same plain way. asyncpg's own transaction
    object would spend a round trip on `BEGIN` alone: a fifth of a read request's round trips.
    Savepoints (piccolo's nested transactions) run on the same connection as before.
    """

    async def begin(self) -> None:
        engine = self.engine
        assert isinstance(engine, TenantPostgresEngine)
        try:
            await self.connection.execute(f"BEGIN; {engine.scope_sql()}")
        except BaseException:
            # piccolo's `__aenter__` would keep the connection: it goes back now, reset by the
            # pool (which rolls back what was begun).
            if engine.pool is not None:
                await engine.pool.release(self.connection)
            else:
                await self.connection.close()
            raise

    async def commit(self) -> None:
        await self.connection.execute("COMMIT")
        self._committed = True

    async def rollback(self) -> None:
        await self.connection.execute("ROLLBACK")
        self._rolled_back = True


class TenantPostgresEngine(PostgresEngine):
    """Routes by ContextVar with `SET LOCAL`, and never runs a query outside a transaction.

    `as_role=False` is the owner's engine used by migrations: it scopes the search_path only, so the
    tables it creates are owned by the migration role, never by the tenant role.
    """

    def __init__(self, config: dict[str, Any], *, as_role: bool = True) -> None:
        self.as_role = as_role
        super().__init__(config=config, extensions=())

    async def check_version(self) -> None:
        return None

    async def prep_database(self) -> None:
        return None

    def scope_sql(self) -> str:
        bound = require_tenant()
        parts = []
        if self.as_role:
            parts.append(f"SET LOCAL ROLE {quote_ident(bound.role)}")
        # pg_temp named last: otherwise it is searched first, and a temporary table planted on
        # a pooled connection would shadow the tenant's own (STACK-NOTES).
        parts.append(f"SET LOCAL search_path TO {quote_ident(bound.schema)}, pg_temp")
        return "; ".join(parts)

    def transaction(self, allow_nested: bool = True) -> PostgresTransaction:
        require_tenant()
        return _ScopedPgTransaction(engine=self, allow_nested=allow_nested)

    async def run_querystring(self, querystring: Any, in_pool: bool = True) -> Any:
        if self.current_transaction.get() is None:
            async with self.transaction():
                return await super().run_querystring(querystring, in_pool=in_pool)
        return await super().run_querystring(querystring, in_pool=in_pool)

    async def run_ddl(self, ddl: str, in_pool: bool = True) -> Any:
        if self.current_transaction.get() is None:
            async with self.transaction():
                return await super().run_ddl(ddl, in_pool=in_pool)
        return await super().run_ddl(ddl, in_pool=in_pool)


class PlatformPostgresEngine(PostgresEngine):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config=config, extensions=())

    async def check_version(self) -> None:
        return None

    async def prep_database(self) -> None:
        return None


def pg_config(url: str, **extra: Any) -> dict[str, Any]:
    parts = urlsplit(url)
    config: dict[str, Any] = {
        "host": parts.hostname or "localhost",
        "port": parts.port or 5432,
        "database": unquote(parts.path.lstrip("/")) or "yishi",
    }
    if parts.username:
        config["user"] = unquote(parts.username)
    if parts.password:
        config["password"] = unquote(parts.password)
    config.update(extra)
    return config


@dataclass
class Storage:
    settings: DatabaseSettings
    platform: SQLiteEngine | PostgresEngine
    tenant: SQLiteEngine | PostgresEngine
    #: Whether this process may hold the owner's connection (migrations, tenant creation).
    #: False for production serving: the owner engines are then never built, and asking for them
    #: raises `OwnerNotHeld`.
    owner: bool = True
    _admin: tuple[Any, Any] | None = None

    @property
    def backend(self) -> str:
        return self.settings.backend

    @property
    def role_prefix(self) -> str:
        return self.settings.effective_role_prefix

    def _owner_engines(self) -> tuple[Any, Any]:
        if not self.owner:
            raise OwnerNotHeld()
        if self._admin is None:
            if self.backend == "postgres":
                url = self.settings.effective_admin_url
                self._admin = (
                    PlatformPostgresEngine(pg_config(url, **_platform_search())),
                    TenantPostgresEngine(pg_config(url, **_tenant_search()), as_role=False),
                )
            else:  # one file per storage: the same engines serve both sides
                self._admin = (self.platform, self.tenant)
        return self._admin

    @property
    def admin_platform(self) -> Any:
        """Owner-side platform engine (built on first use; the same object as `platform` on
        SQLite)."""
        return self._owner_engines()[0]

    @property
    def admin_tenant(self) -> Any:
        """Owner-side tenant engine: scopes the search_path only, never the tenant role."""
        return self._owner_engines()[1]

    async def start_owner_pools(self) -> None:
        """PostgreSQL: a small pool for each owner engine (once), so the queries of a migration
        run reuse a few connections instead of opening one each; closed by `stop()`. Up to 16:
        `tenants apply` creates that many tenants at once (core/tenancy/manifests.py)."""
        if self.backend != "postgres":
            return
        for engine in self._owner_engines():
            if engine.pool is None:
                await engine.start_connection_pool(min_size=1, max_size=16, reset=_no_reset)

    def engines(self) -> Iterable[Any]:
        seen: list[Any] = []
        for e in (self.platform, self.tenant, *(self._admin or ())):
            if all(e is not s for s in seen):
                seen.append(e)
        return seen

    async def start(self) -> None:
        if self.backend == "postgres":
            for engine in (self.platform, self.tenant):
                assert isinstance(engine, PostgresEngine)
                if engine.pool is None:
                    await engine.start_connection_pool(
                        min_size=1, max_size=self.settings.pool_max_size, reset=_no_reset
                    )

    async def stop(self) -> None:
        for engine in self.engines():
            if isinstance(engine, _QuietSQLiteEngine):
                await engine.close_idle()
        if self.backend == "postgres":
            for engine in self.engines():
                if engine.pool is not None:
                    await engine.close_connection_pool()

    def tenant_file(self, schema: str) -> Path:
        assert isinstance(self.tenant, TenantSQLiteEngine)
        return self.tenant.file_for(schema)

    def bind_tables(self, platform_engine: Any, tenant_engine: Any) -> None:
        for table in platform_tables():
            table._meta.db = platform_engine
        for table in tenant_tables():
            table._meta.db = tenant_engine

    def use_request_engines(self) -> None:
        self.bind_tables(self.platform, self.tenant)


def _platform_search() -> dict[str, Any]:
    # pg_temp last, explicitly: unnamed it would be searched first (STACK-NOTES).
    return {"server_settings": {"search_path": f"{PLATFORM_SCHEMA}, pg_temp"}}


def _tenant_search() -> dict[str, Any]:
    # Tenant connections start with no tenant on the path: an unscoped query finds no table.
    return {"server_settings": {"search_path": "pg_catalog, pg_temp"}}


async def _no_reset(connection: Any) -> None:
    """Skip asyncpg's reset query on release (one round trip per request saved).

    Safe only because nothing here sets session state: tenant scoping is `SET LOCAL` (undone at
    commit or rollback), and search_path defaults are connection start-up parameters. A
    transaction still open on release is rolled back, as asyncpg's own reset would.
    """
    if connection.is_in_transaction():
        await connection.execute("ROLLBACK")


_storage: Storage | None = None

SQLITE_KWARGS: dict[str, Any] = {"timeout": 30, "detect_types": sqlite3.PARSE_DECLTYPES}


def configure(settings: DatabaseSettings, *, owner: bool = True) -> Storage:
    """Create the engines for `settings` and bind every table to them (once per process).

    `owner=False` (production serving) builds the application's engines only: the owner's
    connection (`admin_url`) is never read, and migrations or tenant creation raise
    `OwnerNotHeld`.
    """
    global _storage
    if settings.backend == "postgres":
        platform = PlatformPostgresEngine(pg_config(settings.url, **_platform_search()))
        tenant = TenantPostgresEngine(pg_config(settings.url, **_tenant_search()))
        storage = Storage(settings, platform, tenant, owner=owner)
    else:
        data = settings.data_dir.resolve()
        (data / "tenants").mkdir(parents=True, exist_ok=True)
        platform_s = PlatformSQLiteEngine(path=str(data / "platform.sqlite"), **SQLITE_KWARGS)
        tenant_s = TenantSQLiteEngine(data / "tenants", **SQLITE_KWARGS)
        for lite in (platform_s, tenant_s):
            lite.max_idle = settings.pool_max_size
            lite.max_idle_total = 4 * settings.pool_max_size
        storage = Storage(settings, platform_s, tenant_s, owner=owner)
    storage.use_request_engines()
    _storage = storage
    return storage


def get_storage() -> Storage:
    if _storage is None:
        raise TenantNotBound("存储尚未配置。", "Storage is not configured (call configure()).")
    return _storage


def for_update(query: Any, *of: Any) -> Any:
    """`query` locking the rows it reads until the write transaction ends (`FOR UPDATE`).

    On PostgreSQL the rows are locked; SQLite has no row locks, and needs none: every write
    transaction here is `BEGIN IMMEDIATE` (`write_transaction`), which already serialises
    writers, so a `do_*` that reads then writes inside it sees no concurrent change.
    """
    if get_storage().backend == "postgres":
        return query.lock_rows(of=of) if of else query.lock_rows()
    return query
