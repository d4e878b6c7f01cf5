"""Migrations: many tenants, re-runs are no-ops, a broken tenant does not stop the others."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest

from core.settings import DatabaseSettings
from core.tenancy.context import bind_tenant, tenant_names
from core.tenancy.migrate import _modules, migrate_all, names_for, pending_migrations
from core.tenancy.storage import Storage, configure
from core.tenancy.tables import Person
from tests.world import create_pg_database, drop_pg_database

SLUGS = [f"t{i:02d}" for i in range(50)]


@pytest.fixture
async def fresh(
    backend: str, pg_server_optional: str | None, tmp_path: Path
) -> AsyncIterator[tuple[Storage, object]]:
    if backend == "postgres":
        assert pg_server_optional is not None
        db = await create_pg_database(pg_server_optional)
        storage = configure(db.settings())
        yield storage, db
        await storage.stop()
        await drop_pg_database(db)
    else:
        storage = configure(DatabaseSettings(data_dir=tmp_path / "data"))
        yield storage, None


@asynccontextmanager
async def bind_slug_or_new(storage: Storage, slug: str) -> AsyncIterator[None]:
    """Bind a tenant migrated by slug only (never registered): its derived names."""
    with bind_tenant(await names_for(storage, slug, guess=True)):
        yield


async def _break(storage: Storage, db: object, slug: str) -> None:
    """Plant a table that contradicts migration 0001 in the tenant's storage."""
    with bind_tenant(tenant_names(slug, storage.role_prefix)) as bound:
        if storage.backend == "postgres":
            conn = await asyncpg.connect(db.url())  # type: ignore[attr-defined]
            try:
                await conn.execute(
                    f'CREATE SCHEMA "{bound.schema}"; '
                    f'CREATE TABLE "{bound.schema}".audit_entry (id int)'
                )
            finally:
                await conn.close()
        else:
            storage.tenant_file(bound.schema).write_bytes(b"this is not a database" * 100)


async def test_fifty_tenants_rerun_and_one_broken(fresh: tuple[Storage, object]) -> None:
    storage, db = fresh
    await _break(storage, db, "t13")
    report = await migrate_all(storage, SLUGS, guess=True)
    assert report.platform == [n for n, _ in _modules("platform")]
    assert set(report.failures) == {"t13"}
    assert len(report.tenants) == 49
    tenant_steps = [n for n, _ in _modules("tenant")]
    assert all(steps == tenant_steps for steps in report.tenants.values())
    # Every healthy tenant is usable, and holds only its own rows.
    for slug in ("t00", "t49"):
        async with bind_slug_or_new(storage, slug):
            await Person.insert(Person(account_id=1, login=f"{slug}.x", name=slug))
    async with bind_slug_or_new(storage, "t49"):
        assert [r["login"] for r in await Person.select(Person.login)] == ["t49.x"]

    again = await migrate_all(storage, [s for s in SLUGS if s != "t13"], guess=True)
    assert again.platform == [] and again.ok
    assert all(steps == [] for steps in again.tenants.values())
    assert await pending_migrations(storage, "t00", guess=True) == []
    assert await pending_migrations(storage) == []


async def test_deleted_tenant_comes_back_empty(fresh: tuple[Storage, object]) -> None:
    """Pooled connections (SQLite) and schemas (PostgreSQL) never outlive a deleted tenant."""
    from core.tenancy.migrate import drop_tenant_storage

    storage, _ = fresh
    await migrate_all(storage, ["again"], guess=True)
    await storage.start()
    async with bind_slug_or_new(storage, "again"):
        await Person.insert(Person(account_id=1, login="old", name="旧"))
        assert len(await Person.select()) == 1
    await drop_tenant_storage(storage, "again", guess=True)
    await migrate_all(storage, ["again"], guess=True)
    async with bind_slug_or_new(storage, "again"):
        assert await Person.select() == []
