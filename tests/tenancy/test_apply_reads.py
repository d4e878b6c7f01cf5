"""What apply, a dry run and tenant deletion read and write: a dry run writes nothing, even for
a tenant whose storage is gone; a typo never provisions storage; a deletion's audit entry names
the storage it drops."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import msgspec
import pytest

from core.audit.tables import PlatformAuditEntry
from core.errors import TenantNotFound
from core.settings import DatabaseSettings
from core.tenancy.context import stored_names, tenant_names
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import migrate_platform, names_for, pending_migrations
from core.tenancy.registry import do_delete_tenant, get_tenant
from core.tenancy.storage import Storage, configure
from tests.tenancy.test_manifests import GAMMA
from tests.world import SYSTEM, World, create_pg_database, drop_pg_database, write_manifests


@pytest.fixture
async def fresh(
    backend: str, pg_server_optional: str | None, tmp_path: Path, api: World
) -> AsyncIterator[tuple[Storage, Path]]:
    """A storage of its own with alpha and beta applied (the shared world is rebound after)."""
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
        folder = write_manifests(tmp_path / "manifests")
        await apply_manifests(folder, actor=SYSTEM)
        yield storage, folder
    finally:
        await storage.stop()
        if db is not None:
            await drop_pg_database(db)
        api.rebind()


async def test_a_typo_is_not_a_tenant(fresh: tuple[Storage, Path]) -> None:
    storage, _ = fresh
    with pytest.raises(TenantNotFound):
        await names_for(storage, "alpah")
    with pytest.raises(TenantNotFound):
        await pending_migrations(storage, "alpah")
    assert await names_for(storage, "alpah", guess=True) == tenant_names(
        "alpah", storage.role_prefix
    )
    row = await get_tenant("alpha")
    assert row is not None
    assert await names_for(storage, "alpha") == stored_names(row)


async def test_dry_run_on_a_tenant_whose_file_is_gone_writes_nothing(
    fresh: tuple[Storage, Path], backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("a SQLite file")
    storage, folder = fresh
    row = await get_tenant("alpha")
    assert row is not None
    path = storage.tenant_file(stored_names(row).schema)
    await storage.tenant.close_idle(str(path))  # type: ignore[attr-defined]
    path.unlink()
    before = sorted(p.name for p in path.parent.iterdir())

    report = await apply_manifests(folder, actor=SYSTEM, dry_run=True)

    assert sorted(p.name for p in path.parent.iterdir()) == before  # no file created
    assert any(line.startswith("alpha: 待迁移 would migrate: m0001") for line in report.notes)
    assert any(line.startswith("alpha: 加入名册 added") for line in report.changes)
    assert not any(line.startswith("beta:") for line in report.changes)  # beta is current


async def test_second_apply_reads_and_changes_nothing(fresh: tuple[Storage, Path]) -> None:
    _, folder = fresh
    report = await apply_manifests(folder, actor=SYSTEM)
    assert report.changes == [] and report.notes == []


async def test_deletion_audit_names_the_storage_it_drops(fresh: tuple[Storage, Path]) -> None:
    row = await get_tenant("beta")
    assert row is not None
    await do_delete_tenant("beta", actor=SYSTEM)
    entry = (
        await PlatformAuditEntry.select(PlatformAuditEntry.details)
        .where(PlatformAuditEntry.action == "tenant.delete")
        .first()
    )
    assert entry is not None
    details = msgspec.json.decode(entry["details"])
    assert details["schema"] == row["schema_name"]
    assert details["role"] == row["role_name"]


async def test_settings_are_stored_in_their_cleaned_form(
    fresh: tuple[Storage, Path], tmp_path: Path
) -> None:
    """The API and a manifest store the same value for "50.0", 50.0 and 50."""
    from core.tenancy.registry import do_patch_settings, tenant_settings

    key = "major_funds_threshold_wan"
    await do_patch_settings("beta", actor=SYSTEM, values={key: "50.0"})
    row = await get_tenant("beta")
    assert row is not None
    by_api = tenant_settings(row)[key]
    folder = tmp_path / "gamma"
    folder.mkdir()
    (folder / "gamma.toml").write_text(
        GAMMA.replace('plugin = "kunming"', f'plugin = "kunming"\n\n[settings]\n{key} = 50.0'),
        encoding="utf-8",
    )
    await apply_manifests(folder, actor=SYSTEM)
    gamma = await get_tenant("gamma")
    assert gamma is not None
    assert by_api == tenant_settings(gamma)[key] == 50
    assert isinstance(by_api, int)
