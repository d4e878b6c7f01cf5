"""The stored step of each tenant (`tenant.schema_step`): a no-op migrate trusts a current mark
and reads nothing of that tenant; a tenant behind is migrated and marked; a new step makes every
tenant run it; a tenant that fails is not marked and is tried again by the next run."""

from __future__ import annotations

import types
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import DatabaseSettings
from core.tenancy import migrate
from core.tenancy.context import bind_tenant, require_tenant, stored_names
from core.tenancy.migrate import (
    migrate_all,
    migrate_platform,
    schema_behind,
    schema_step,
    stored_steps,
)
from core.tenancy.registry import do_create_tenant
from core.tenancy.storage import Storage, configure
from tests.world import SYSTEM, World, create_pg_database, drop_pg_database

SLUGS = ["alpha", "beta", "gamma"]
PROBE = "m9999_probe"


@pytest.fixture
async def fresh(
    backend: str, pg_server_optional: str | None, tmp_path: Path, api: World
) -> AsyncIterator[Storage]:
    """A storage of its own with three registered tenants, migrated and marked."""
    db = None
    if backend == "postgres":
        assert pg_server_optional is not None
        db = await create_pg_database(pg_server_optional)
        storage = configure(db.settings())
    else:
        storage = configure(DatabaseSettings(data_dir=tmp_path / "data"))
    await storage.start()
    try:
        await migrate_platform(storage)
        for slug in SLUGS:
            await do_create_tenant(slug, slug, "ningbo", actor=SYSTEM)
        yield storage
    finally:
        await storage.stop()
        if db is not None:
            await drop_pg_database(db)
        api.rebind()


class Calls:
    """Counts the tenants `migrate_all` hands to `migrate_tenant` (the ones it does not skip)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.slugs: list[str] = []
        real = migrate.migrate_tenant

        async def counted(storage: Storage, tenant: Any, **kwargs: Any) -> list[str]:
            self.slugs.append(tenant["slug"] if isinstance(tenant, dict) else str(tenant))
            return await real(storage, tenant, **kwargs)

        monkeypatch.setattr(migrate, "migrate_tenant", counted)

    def take(self) -> list[str]:
        out, self.slugs = sorted(self.slugs), []
        return out


def add_probe_step(monkeypatch: pytest.MonkeyPatch, failing: set[str]) -> None:
    """A new release's tenant step: a table in each tenant; it fails for the slugs in `failing`
    (a set the test may change)."""
    probe = types.ModuleType(PROBE)

    async def forwards(engine: Any) -> None:
        if require_tenant().slug in failing:
            raise RuntimeError("probe step refused")
        await engine.run_ddl("CREATE TABLE IF NOT EXISTS probe_step (id INTEGER)")

    probe.forwards = forwards  # type: ignore[attr-defined]
    real = migrate._modules
    monkeypatch.setattr(
        migrate,
        "_modules",
        lambda stream: real(stream) + ([(PROBE, probe)] if stream == "tenant" else []),
    )


async def marks(storage: Storage) -> dict[str, str]:
    return {slug: row["schema_step"] for slug, row in (await stored_steps(storage)).items()}


async def test_a_current_tenant_is_skipped_and_one_behind_is_read(
    fresh: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(monkeypatch)
    first = await migrate_all(fresh)  # tenants made by do_create_tenant carry no mark yet
    assert first.ok and calls.take() == SLUGS
    assert await marks(fresh) == dict.fromkeys(SLUGS, schema_step())

    again = await migrate_all(fresh)
    assert again.ok and again.tenants == {s: [] for s in SLUGS}
    assert calls.take() == []  # marked current: not a single query into their storage
    assert await schema_behind(fresh) == []

    # A tenant whose mark is not the code's is read (one query), found current and marked.
    await _set_mark(fresh, "beta", "m0001_initial#stale")
    report = await migrate_all(fresh)
    assert report.ok and report.tenants["beta"] == [] and calls.take() == ["beta"]
    assert (await marks(fresh))["beta"] == schema_step()


async def test_a_new_step_runs_everywhere_and_a_failed_tenant_stays_unmarked(
    fresh: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    await migrate_all(fresh)
    before = schema_step()
    calls = Calls(monkeypatch)
    failing = {"beta"}
    add_probe_step(monkeypatch, failing)
    assert schema_step() != before  # the code's step moved on: every mark is stale
    assert sorted(await schema_behind(fresh)) == [f"{s}: {PROBE}" for s in SLUGS]

    report = await migrate_all(fresh)
    assert calls.take() == SLUGS
    assert set(report.failures) == {"beta"} and "probe step refused" in report.failures["beta"]
    assert report.tenants == {"alpha": [PROBE], "gamma": [PROBE]}
    assert await marks(fresh) == {"alpha": schema_step(), "beta": before, "gamma": schema_step()}
    assert await schema_behind(fresh) == [f"beta: {PROBE}"]

    failing.clear()  # fixed: the next run tries beta only, and marks it
    report = await migrate_all(fresh)
    assert report.ok and report.tenants["beta"] == [PROBE] and calls.take() == ["beta"]
    assert await marks(fresh) == dict.fromkeys(SLUGS, schema_step())

    # The mark is trusted: a current mark skips the tenant even if its own record says
    # otherwise; clearing the mark makes the next run read the record and run the step again.
    await _forget_record(fresh, "alpha", PROBE)
    assert (await migrate_all(fresh)).tenants["alpha"] == [] and calls.take() == []
    await _set_mark(fresh, "alpha", "")
    assert (await migrate_all(fresh)).tenants["alpha"] == [PROBE]
    assert calls.take() == ["alpha"]


async def test_dropping_a_tenants_storage_clears_its_mark(fresh: Storage) -> None:
    await migrate_all(fresh)
    await migrate.drop_tenant_storage(fresh, "gamma")
    assert (await marks(fresh))["gamma"] == ""
    report = await migrate_all(fresh)  # comes back: every step again, then marked
    assert report.tenants["gamma"] == migrate.step_names("tenant")
    assert (await marks(fresh))["gamma"] == schema_step()


async def _set_mark(storage: Storage, slug: str, value: str) -> None:
    from core.tenancy.tables import Tenant

    await Tenant.raw("UPDATE tenant SET schema_step = {} WHERE slug = {}", value, slug)


async def _forget_record(storage: Storage, slug: str, step: str) -> None:
    rows = await stored_steps(storage, [slug])
    with bind_tenant(stored_names(rows[slug])):
        async with storage.admin_tenant.transaction():
            await storage.admin_tenant.run_ddl(f"DELETE FROM yishi_migration WHERE name = '{step}'")
