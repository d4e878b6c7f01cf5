"""A world of its own for the jobs tests (two tenants, alpha and beta), on SQLite and PostgreSQL.

Its own database (or data folder), so outbox rows of other tests never reach these relays; built
without passwords but two (argon2 is the slow part of the shared world).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.access.enforcers import ACCESS
from core.accounts.services import account_by_login, do_set_password
from core.app import create_app
from core.caching import clear_all
from core.settings import AuthSettings, DatabaseSettings, JobsSettings, Settings
from core.tenancy.context import lookup_tenant
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import migrate_platform
from core.tenancy.storage import Storage, configure
from tests.world import PASSWORD, SYSTEM, PgDatabase, create_pg_database, drop_pg_database
from tests.world import write_manifests as _write


@dataclass
class JobsWorld:
    backend: str
    db: DatabaseSettings
    storage: Storage
    pg: PgDatabase | None
    data_dir: Path
    client: httpx.AsyncClient | None = None
    people: dict[str, dict[str, int]] = field(default_factory=dict)

    def rebind(self) -> None:
        import core.tenancy.storage as st

        self.storage.use_request_engines()
        st._storage = self.storage
        ACCESS.clear()
        clear_all()

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for a `yishi` subprocess on this world."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("YISHI_")}
        env["YISHI_DATA_DIR"] = str(self.data_dir)
        if self.pg is not None:
            env["YISHI_DATABASE_URL"] = self.db.url
            env["YISHI_DATABASE_ROLE_PREFIX"] = self.db.role_prefix
            env["YISHI_SECRET_KEY"] = "s" * 40
        env.update(extra)
        return env

    async def token(self, login: str, tenant: str) -> dict[str, str]:
        assert self.client is not None
        r = await self.client.post(
            "/api/v1/auth/token",
            json={"login": login, "password": PASSWORD, "scope": f"tenant:{tenant}"},
        )
        assert r.status_code == 201, r.text
        return {"Authorization": f"Bearer {r.json()['token']}"}


def jobs_settings(**changes: Any) -> JobsSettings:
    base: dict[str, Any] = {
        "lease_seconds": 2.0,
        "poll_seconds": 0.1,
        "max_retries": 2,
        "min_backoff_ms": 50,
        "max_backoff_ms": 200,
        "worker_threads": 2,
    }
    base.update(changes)
    return JobsSettings(**base)


@pytest.fixture(scope="module")
async def jobs_world(
    backend: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[JobsWorld]:
    tmp = tmp_path_factory.mktemp(f"jobs-{backend}")
    pg = None
    if backend == "postgres":
        from tests.conftest import _PG

        assert _PG is not None
        pg = await create_pg_database(_PG)
        db = pg.settings()
    else:
        db = DatabaseSettings(data_dir=tmp / "data")
    storage = configure(db)
    ACCESS.clear()
    clear_all()
    await migrate_platform(storage)
    await apply_manifests(_write(tmp / "manifests"), actor=SYSTEM)
    for login in ("a.admin", "b.admin", "a.mem"):
        account = await account_by_login(login)
        assert account is not None
        await do_set_password(account["id"], PASSWORD, actor=SYSTEM)
    await storage.start()
    world = JobsWorld(backend, db, storage, pg, db.data_dir)
    from core.tenancy.context import bind_tenant
    from core.tenancy.tables import Person

    for slug in ("alpha", "beta"):
        bound = await lookup_tenant(slug)
        assert bound is not None
        with bind_tenant(bound):
            rows = await Person.select(Person.id, Person.login)
        world.people[slug] = {r["login"]: r["id"] for r in rows}
    settings = Settings(mode="embedded", database=db, auth=AuthSettings(window_seconds=60))
    app = create_app(settings, storage)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50001))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        world.client = client
        yield world
    world.rebind()
    await storage.stop()
    if pg is not None:
        await drop_pg_database(pg)


@pytest.fixture
async def jw(jobs_world: JobsWorld) -> AsyncIterator[JobsWorld]:
    jobs_world.rebind()
    yield jobs_world
