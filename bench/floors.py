"""Floor servers: the least our stack can do for each measured endpoint, served the way
`yishi serve` serves (uvicorn, `proxy_headers=False`, `log_level="info"`, uvicorn's own access
log off, and by default the same batched access log of ours wrapped around the app).

    python -m bench.floors --port 8100 [--backend none|postgres|sqlite] [--no-access-log] …

Routes (all Litestar handlers, bodies encoded by Litestar with msgspec):

- `GET /bare`: a small JSON object, nothing else (the floor of `/healthz` and what-if);
- `GET /person/{id}`: one transaction binding the tenant (PostgreSQL: `SET LOCAL ROLE <tenant
  role>; SET LOCAL search_path TO <schema>, pg_temp` in one execute) and one SELECT of a person by
  primary key from the tenant's `person` table;
- `GET /people`: the same with the active roster (the rows `GET …/members` answers);
- `POST /write`: one write transaction (SQLite: `BEGIN IMMEDIATE`, as `do_*`) inserting one
  `person` row and one `audit_entry` row with the columns `tenant_action` writes.

PostgreSQL: an asyncpg pool of the same size as ours (`YISHI_DATABASE_POOL_SIZE`), connected as
the application login with the same start-up `search_path` and no reset query on release (as
core/tenancy/storage.py). SQLite: a fixed pool of aiosqlite connections on the tenant's file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import msgspec
from litestar import Litestar, get, post

__all__ = ["build_app", "main"]

#: The person columns both our roster query and the floors read.
_COLUMNS = "id, account_id, login, name, title, rank, areas, active"
_BY_KEY = f"SELECT {_COLUMNS} FROM person WHERE id = {{}}"
_ROSTER = f"SELECT {_COLUMNS} FROM person WHERE active = {{}} ORDER BY id"
_PERSON_INSERT = (
    "INSERT INTO person (account_id, login, name, title, rank, areas, active, manifest_state,"
    " created_at, updated_at) VALUES ({})"
)
_AUDIT_INSERT = (
    "INSERT INTO audit_entry (at, actor_account_id, actor_login, tenant, actor_roles, action,"
    " target, details, ip, client) VALUES ({})"
)


class PersonRow(msgspec.Struct):
    id: int
    account_id: int | None
    login: str
    name: str
    title: str
    rank: int
    areas: list[str]
    active: bool


class Written(msgspec.Struct):
    id: int


def _row(r: Any) -> PersonRow:
    areas = r[6]
    return PersonRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        msgspec.json.decode(areas) if isinstance(areas, str | bytes) else areas,
        bool(r[7]),
    )


def _pg(sql: str, n: int) -> str:
    return sql.format(", ".join(f"${i}" for i in range(1, n + 1)))


def _lite(sql: str, n: int) -> str:
    return sql.format(", ".join("?" for _ in range(n)))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def _person_values(n: int, now: Any) -> tuple[Any, ...]:
    # Inactive, so the rows never join the roster the read endpoints answer.
    return (None, f"floor.{os.getpid()}.{n}", "基准", f"floor {n}", 0, "[]", False, "{}", now, now)


def _audit_values(slug: str, now: Any, target: str) -> tuple[Any, ...]:
    details = msgspec.json.encode({"changes": {"title": {"old": "a", "new": "b"}}}).decode()
    return (now, 1, "nb.admin", slug, "unit_admin", "person.update", target, details, "", "wrk")


class PgFloor:
    def __init__(self, dsn: str, schema: str, role: str, slug: str, pool_size: int) -> None:
        self.dsn, self.slug, self.pool_size = dsn, slug, pool_size
        self.scope = (
            f"SET LOCAL ROLE {_quote(role)}; SET LOCAL search_path TO {_quote(schema)}, pg_temp"
        )
        self.by_key = _pg(_BY_KEY, 1)
        self.roster = _pg(_ROSTER, 1)
        self.person_insert = _pg(_PERSON_INSERT, 10) + " RETURNING id"
        self.audit_insert = _pg(_AUDIT_INSERT, 10)
        self.counter = _Counter()
        self.pool: Any = None

    async def start(self) -> None:
        import asyncpg

        async def no_reset(connection: Any) -> None:
            if connection.is_in_transaction():
                await connection.execute("ROLLBACK")

        self.pool = await asyncpg.create_pool(
            self.dsn,
            min_size=1,
            max_size=self.pool_size,
            reset=no_reset,
            server_settings={"search_path": "pg_catalog, pg_temp"},
        )

    async def stop(self) -> None:
        if self.pool is not None:
            await self.pool.close()

    async def person(self, person_id: int) -> PersonRow | None:
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(self.scope)
            r = await conn.fetchrow(self.by_key, person_id)
        return None if r is None else _row(r)

    async def people(self) -> list[PersonRow]:
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(self.scope)
            rows = await conn.fetch(self.roster, True)
        return [_row(r) for r in rows]

    async def write(self) -> int:
        now = datetime.now(UTC)
        n = self.counter.next()
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(self.scope)
            pid = await conn.fetchval(self.person_insert, *_person_values(n, now))
            await conn.execute(self.audit_insert, *_audit_values(self.slug, now, f"person:{pid}"))
        return int(pid)


class SqliteFloor:
    """A fixed pool of aiosqlite connections on the tenant's file (each one thread)."""

    def __init__(self, path: str, slug: str, pool_size: int) -> None:
        self.path, self.slug, self.pool_size = path, slug, pool_size
        self.by_key = _lite(_BY_KEY, 1)
        self.roster = _lite(_ROSTER, 1)
        self.person_insert = _lite(_PERSON_INSERT, 10)
        self.audit_insert = _lite(_AUDIT_INSERT, 10)
        self.counter = _Counter()
        self.idle: asyncio.Queue[Any] = asyncio.Queue()
        self.all: list[Any] = []

    async def start(self) -> None:
        import aiosqlite

        for _ in range(self.pool_size):
            # The connection arguments of core/tenancy/storage.py (SQLITE_KWARGS).
            conn = await aiosqlite.connect(
                self.path, timeout=30, detect_types=sqlite3.PARSE_DECLTYPES
            )
            await conn.execute("PRAGMA foreign_keys = 1")
            self.all.append(conn)
            self.idle.put_nowait(conn)

    async def stop(self) -> None:
        for conn in self.all:
            await conn.close()

    @asynccontextmanager
    async def _conn(self) -> AsyncIterator[Any]:
        conn = await self.idle.get()
        try:
            yield conn
        finally:
            self.idle.put_nowait(conn)

    async def person(self, person_id: int) -> PersonRow | None:
        async with self._conn() as conn:
            async with conn.execute(self.by_key, (person_id,)) as cur:
                r = await cur.fetchone()
        return None if r is None else _row(r)

    async def people(self) -> list[PersonRow]:
        async with self._conn() as conn:
            async with conn.execute(self.roster, (True,)) as cur:
                rows = await cur.fetchall()
        return [_row(r) for r in rows]

    async def write(self) -> int:
        now = datetime.now(UTC).isoformat()
        n = self.counter.next()
        async with self._conn() as conn:
            await conn.execute("BEGIN IMMEDIATE")
            try:
                cur = await conn.execute(self.person_insert, _person_values(n, now))
                pid = cur.lastrowid
                await conn.execute(
                    self.audit_insert, _audit_values(self.slug, now, f"person:{pid}")
                )
                await conn.commit()
            except BaseException:
                await conn.rollback()
                raise
        return int(pid or 0)


def build_app(db: PgFloor | SqliteFloor | None = None) -> Litestar:
    @get("/bare", sync_to_thread=False)
    def bare() -> dict[str, str]:
        return {"status": "ok"}

    handlers: list[Any] = [bare]
    if db is not None:

        @get("/person/{person_id:int}")
        async def person(person_id: int) -> PersonRow | None:
            return await db.person(person_id)

        @get("/people")
        async def people() -> list[PersonRow]:
            return await db.people()

        @post("/write", status_code=200)
        async def write() -> Written:
            return Written(await db.write())

        handlers += [person, people, write]
    return Litestar(
        route_handlers=handlers,
        on_startup=[db.start] if db is not None else [],
        on_shutdown=[db.stop] if db is not None else [],
    )


def main(argv: list[str] | None = None) -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description="A floor server of the same stack.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backend", choices=("none", "postgres", "sqlite"), default="none")
    parser.add_argument("--dsn", default="", help="PostgreSQL: the application login's URL")
    parser.add_argument("--schema", default="", help="PostgreSQL: the tenant's schema")
    parser.add_argument("--role", default="", help="PostgreSQL: the tenant's role")
    parser.add_argument("--file", default="", help="SQLite: the tenant's file")
    parser.add_argument("--slug", default="ningbo-hrss")
    parser.add_argument(
        "--pool-size", type=int, default=int(os.environ.get("YISHI_DATABASE_POOL_SIZE", "10"))
    )
    parser.add_argument("--sqlite-pool", type=int, default=4)
    parser.add_argument(
        "--no-access-log",
        dest="access_log",
        action="store_false",
        help="serve without our access log (yishi serve writes one unless YISHI_ACCESS_LOG=0)",
    )
    args = parser.parse_args(argv)
    db: PgFloor | SqliteFloor | None = None
    if args.backend == "postgres":
        db = PgFloor(args.dsn, args.schema, args.role, args.slug, args.pool_size)
    elif args.backend == "sqlite":
        db = SqliteFloor(args.file, args.slug, args.sqlite_pool)
    app: Any = build_app(db)
    if args.access_log:
        from core.web.accesslog import AccessLog

        app = AccessLog(app)
    try:
        # As core/cli.py `serve` runs uvicorn.
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="info",
            access_log=False,
            proxy_headers=False,
        )
    finally:
        if hasattr(app, "flush"):
            app.flush()


if __name__ == "__main__":
    main()
