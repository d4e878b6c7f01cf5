"""Migrating is a one-off job under one lock; production serving holds the app login only.

Before: two `serve`/`migrate` started at once collided ("tuple concurrently updated"), and
`yishi serve` migrated at start, so it needed the owner's URL (a CREATEROLE role).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.cli import main
from core.errors import OwnerNotHeld
from core.settings import DatabaseSettings, get_settings
from core.tenancy.migrate import _modules, migrate_all, pending_migrations, schema_behind
from core.tenancy.storage import configure
from tests.world import create_pg_database, drop_pg_database

SLUGS = [f"m{i:02d}" for i in range(6)]


@pytest.fixture
async def target(
    backend: str, pg_server_optional: str | None, tmp_path: Path
) -> AsyncIterator[DatabaseSettings]:
    if backend == "postgres":
        assert pg_server_optional is not None
        db = await create_pg_database(pg_server_optional)
        yield db.settings()
        await drop_pg_database(db)
    else:
        yield DatabaseSettings(data_dir=tmp_path / "data")


async def test_two_concurrent_migrators_both_succeed(target: DatabaseSettings) -> None:
    """Two migrators (two storages: two processes' worth of pools) on one fresh database."""
    first, second = configure(target), configure(target)
    try:
        reports = await asyncio.gather(
            migrate_all(first, SLUGS, guess=True), migrate_all(second, SLUGS, guess=True)
        )
        assert all(r.ok for r in reports), [r.failures for r in reports]
        platform_steps = [n for n, _ in _modules("platform")]
        tenant_steps = [n for n, _ in _modules("tenant")]
        # Each step ran exactly once, by whichever got the lock first.
        assert sorted(reports[0].platform + reports[1].platform) == platform_steps
        for slug in SLUGS:
            ran = reports[0].tenants[slug] + reports[1].tenants[slug]
            assert sorted(ran) == tenant_steps, slug
            assert await pending_migrations(second, slug, guess=True) == []
        assert await pending_migrations(first) == []
    finally:
        await first.stop()
        await second.stop()


async def test_serving_storage_never_holds_the_owner(pg_server: str) -> None:
    db = await create_pg_database(pg_server)
    try:
        bogus = DatabaseSettings(
            url=db.url(db.app_role, db.app_password),
            admin_url="postgresql://nobody:wrong@127.0.0.1:1/nowhere",
            role_prefix=db.name,
        )
        storage = configure(bogus, owner=False)
        await storage.start()
        try:
            with pytest.raises(OwnerNotHeld):
                _ = storage.admin_platform
            assert storage._admin is None  # never built
            # Read with the app login: a fresh database is behind by every platform step.
            behind = await schema_behind(storage)
            assert behind and behind[0].startswith("platform: m0001")
        finally:
            await storage.stop()
    finally:
        await drop_pg_database(db)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_production_serve_refuses_a_schema_behind_and_needs_no_admin_url(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, pg_server: str
) -> None:
    import asyncpg
    import uvicorn

    db = asyncio.run(create_pg_database(pg_server))
    started: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(a))
    try:
        app_url = db.url(db.app_role, db.app_password)
        for key, value in {
            "YISHI_DATABASE_URL": app_url,
            "YISHI_DATABASE_ROLE_PREFIX": db.name,
            "YISHI_SECRET_KEY": "s" * 40,
            "YISHI_MODE": "production",
        }.items():
            monkeypatch.setenv(key, value)
        monkeypatch.delenv("YISHI_DATABASE_ADMIN_URL", raising=False)
        get_settings.cache_clear()

        # Nothing migrated: one clear line, the command to run, exit code 2, nothing started.
        r = cli.invoke(main, ["serve", "--port", "0"])
        assert r.exit_code == 2, r.output
        assert "yishi migrate" in r.output and "Traceback" not in r.output
        assert started == []

        # `yishi migrate` is the job that holds the owner's URL.
        monkeypatch.setenv("YISHI_DATABASE_ADMIN_URL", db.url())
        get_settings.cache_clear()
        r = cli.invoke(main, ["migrate"])
        assert r.exit_code == 0, r.output

        # Serving with the app login only (no admin URL at all): starts.
        monkeypatch.delenv("YISHI_DATABASE_ADMIN_URL", raising=False)
        get_settings.cache_clear()
        r = cli.invoke(main, ["serve", "--port", "0"])
        assert r.exit_code == 0, r.output
        assert len(started) == 1

        # A bogus admin URL is never even read by serve.
        monkeypatch.setenv("YISHI_DATABASE_ADMIN_URL", "postgresql://x:y@127.0.0.1:1/none")
        get_settings.cache_clear()
        r = cli.invoke(main, ["serve", "--port", "0"])
        assert r.exit_code == 0, r.output
        assert len(started) == 2

        # One step behind (a new release's migration not run yet): refused again.
        async def forget_a_step() -> None:
            conn = await asyncpg.connect(db.url())
            try:
                last = _modules("platform")[-1][0]
                await conn.execute("DELETE FROM platform.yishi_migration WHERE name = $1", last)
            finally:
                await conn.close()

        asyncio.run(forget_a_step())
        monkeypatch.delenv("YISHI_DATABASE_ADMIN_URL", raising=False)
        get_settings.cache_clear()
        r = cli.invoke(main, ["serve", "--port", "0"])
        assert r.exit_code == 2, r.output
        assert "yishi migrate" in r.output and _modules("platform")[-1][0] in r.output
        assert len(started) == 2
    finally:
        asyncio.run(drop_pg_database(db))


def test_migrate_refuses_a_garbage_role_prefix(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("YISHI_DATABASE_URL", raising=False)
    monkeypatch.delenv("YISHI_MODE", raising=False)
    monkeypatch.setenv("YISHI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("YISHI_DATABASE_ROLE_PREFIX", "Prod-Cluster!")
    get_settings.cache_clear()
    r = cli.invoke(main, ["migrate"])
    assert r.exit_code == 2
    assert "YISHI_DATABASE_ROLE_PREFIX" in r.output and "Traceback" not in r.output
