"""pg_temp planting: a temporary table left on a pooled connection never answers a later request.

Before: the app login could `CREATE TEMP TABLE`, and pg_temp (searched first unless named) made a
planted `person` shadow the tenant's own in a later, ordinary request of another tenant.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from core.tenancy.context import bind_slug
from core.tenancy.migrate import migrate_platform
from core.tenancy.registry import do_create_tenant
from core.tenancy.storage import Storage, configure
from core.tenancy.tables import Person
from tests.world import SYSTEM, PgDatabase, create_pg_database, drop_pg_database

PLANT = "CREATE TEMP TABLE person (id int, login text, name text); "
PLANT_ROW = "INSERT INTO person VALUES (1, 'planted', '植入'); GRANT SELECT ON person TO PUBLIC"


@pytest.fixture
async def pg(pg_server: str) -> AsyncIterator[tuple[Storage, PgDatabase]]:
    db = await create_pg_database(pg_server)
    storage = configure(db.settings())
    await storage.start()
    await migrate_platform(storage)
    await do_create_tenant("victim", "受害单位", "ningbo", actor=SYSTEM)
    async with bind_slug("victim"):
        await Person.insert(Person(account_id=7, login="v.real", name="真"))
    yield storage, db
    await storage.stop()
    await drop_pg_database(db)


async def _pool_connections(storage: Storage) -> list[Any]:
    engine: Any = storage.tenant
    return list(
        await asyncio.gather(
            *(engine.pool.acquire() for _ in range(storage.settings.pool_max_size))
        )
    )


async def test_app_login_cannot_create_temp_tables(pg: tuple[Storage, PgDatabase]) -> None:
    storage, db = pg
    engine: Any = storage.tenant
    conn = await engine.pool.acquire()
    try:
        assert await conn.fetchval("SELECT session_user") == db.app_role
        with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
            await conn.execute(PLANT)
    finally:
        await engine.pool.release(conn)
    for path in ("platform", "tenant"):
        engine = storage.platform if path == "platform" else storage.tenant
        conn = await engine.pool.acquire()  # type: ignore[union-attr]
        try:
            assert (await conn.fetchval("SHOW search_path")).endswith("pg_temp"), path
        finally:
            await engine.pool.release(conn)  # type: ignore[union-attr]


async def test_planted_temp_table_is_never_read(pg: tuple[Storage, PgDatabase]) -> None:
    """Even with TEMPORARY granted back, a temp `person` on every pooled connection is not
    what the tenant's queries read: the tenant's schema comes first, pg_temp last."""
    storage, db = pg
    admin = await asyncpg.connect(db.url())
    try:
        await admin.execute(f'GRANT TEMPORARY ON DATABASE "{db.name}" TO "{db.app_role}"')
    finally:
        await admin.close()
    engine: Any = storage.tenant
    connections = await _pool_connections(storage)
    try:
        for conn in connections:
            await conn.execute(PLANT + PLANT_ROW)
    finally:
        for conn in connections:
            await engine.pool.release(conn)
    for _ in range(3 * storage.settings.pool_max_size):
        async with bind_slug("victim"):
            logins = [r["login"] for r in await Person.select(Person.login)]
            raw = [r["login"] for r in await Person.raw("SELECT login FROM person")]
        assert logins == raw == ["v.real"]
    # The planted tables are still there (nothing cleaned them): they were simply not read.
    conn = await engine.pool.acquire()
    try:
        assert await conn.fetchval("SELECT login FROM pg_temp.person") == "planted"
    finally:
        await engine.pool.release(conn)
