"""Fixtures: every test that touches data runs on SQLite, and on PostgreSQL when one answers.

PostgreSQL is found through `YISHI_TEST_POSTGRES_URL` (a superuser URL to a maintenance database),
or at the default local port. Under `CI=true` it is mandatory: its absence fails the run.
Each run creates its own database and roles with a random name and drops them afterwards.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from click.testing import CliRunner

from core.settings import get_settings
from tests.world import World, app_for, build_world, create_pg_database, drop_pg_database

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


def postgres_server() -> str | None:
    url = os.environ.get("YISHI_TEST_POSTGRES_URL", DEFAULT_PG)

    async def probe() -> bool:
        try:
            conn = await asyncpg.connect(url, timeout=3)
        except Exception:
            return False
        await conn.close()
        return True

    return url if asyncio.run(probe()) else None


_PG = postgres_server()


def pytest_report_header() -> str:
    return f"yishi backends: sqlite, postgres={'yes' if _PG else 'no'}"


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres" and _PG is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true: PostgreSQL is mandatory but none answers (set YISHI_TEST_POSTGRES_URL)"
            )
        pytest.skip("no PostgreSQL server answers; set YISHI_TEST_POSTGRES_URL")
    return str(request.param)


@pytest.fixture(scope="session")
def pg_server_optional() -> str | None:
    return _PG


@pytest.fixture(scope="session")
def pg_server() -> str:
    if _PG is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: PostgreSQL is mandatory but none answers")
        pytest.skip("no PostgreSQL server answers")
    return _PG


@pytest.fixture(scope="session")
async def world(backend: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    tmp = tmp_path_factory.mktemp(f"world-{backend}")
    if backend == "postgres":
        assert _PG is not None
        db = await create_pg_database(_PG)
        w = await build_world(backend, db.settings(), tmp)
    else:
        from core.settings import DatabaseSettings

        db = None
        w = await build_world(backend, DatabaseSettings(data_dir=tmp / "data"), tmp)
    # Same event loop as the tests (the database pools belong to it); no lifespan needed since
    # the world has started the storage itself.
    await w.storage.start()
    app = app_for(w)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        w.client = client
        w.app = app
        yield w
    await w.storage.stop()
    if db is not None:
        await drop_pg_database(db)


@pytest.fixture
async def api(world: World) -> AsyncIterator[World]:
    """The world, re-bound in case a previous test configured another storage."""
    world.rebind()
    yield world


@pytest.fixture
def tmp_data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """The `yishi` command line in-process, on an embedded data folder of its own."""
    for key in ("YISHI_DATABASE_URL", "YISHI_MODE", "YISHI_SECRET_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("YISHI_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()
