"""Tenant storage names: bounded, never shared by two tenants, stored on the row, bound from it.

Before: the role was `f"{prefix}_{schema}"[:63]`; with a 24-character prefix two 40-character
slugs that share their start got one role, and tenant A's transaction read tenant B's schema.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from core.errors import TenantNameTaken
from core.settings import DatabaseSettings, normalise_role_prefix, role_prefix_problem
from core.tenancy.context import bind_slug, tenant_names
from core.tenancy.migrate import _migration_table, _modules, migrate_platform
from core.tenancy.registry import do_create_tenant, get_tenant
from core.tenancy.storage import Storage, configure
from core.tenancy.tables import Person, Tenant
from tests.world import SYSTEM, PgDatabase, create_pg_database, drop_pg_database

A = "city-housing-and-urban-rural-bureau-0001"
B = "city-housing-and-urban-rural-bureau-0002"


@pytest.fixture
async def fresh(
    backend: str, pg_server_optional: str | None, tmp_path: Path
) -> AsyncIterator[tuple[Storage, PgDatabase | None]]:
    """A new, unmigrated storage; on PostgreSQL with a 24-character role prefix."""
    if backend == "postgres":
        assert pg_server_optional is not None
        db = await create_pg_database(pg_server_optional)
        prefix = f"{db.name}_prod"  # 24 characters, like `yishi_production_cluster`
        assert len(prefix) == 24
        storage = configure(
            DatabaseSettings(
                url=db.url(db.app_role, db.app_password), admin_url=db.url(), role_prefix=prefix
            )
        )
        await storage.start()
        yield storage, db
        await storage.stop()
        await drop_pg_database(db)
    else:
        storage = configure(
            DatabaseSettings(data_dir=tmp_path / "data", role_prefix="yishi_production_cluster")
        )
        yield storage, None
        await storage.stop()


def test_names_are_bounded_and_distinct() -> None:
    for prefix in ("yishi_production_cluster", "p" * 30, "y"):
        a, b = tenant_names(A, prefix), tenant_names(B, prefix)
        assert a.role != b.role and a.schema != b.schema
        assert all(len(n.encode()) <= 63 for n in (a.role, b.role, a.schema, b.schema))
        assert a.role.startswith(f"{prefix}_t_")
    # The pre-fix derivation gave both one role: this is what the digest is for.
    old = [f"yishi_production_cluster_t_{s.replace('-', '_')}"[:63] for s in (A, B)]
    assert old[0] == old[1]
    with pytest.raises(ValueError):
        tenant_names(A, "p" * 31)


def test_role_prefix_is_checked_or_normalised() -> None:
    for bad in ("Yishi", "yishi-prod", "x" * 31, "pg_yishi", "pg", "", "yi shi", "ü"):
        if bad:
            assert role_prefix_problem(bad), bad
            with pytest.raises(ValueError):
                _ = DatabaseSettings(
                    url="postgresql://a@h/db", role_prefix=bad
                ).effective_role_prefix
    assert role_prefix_problem("yishi_production_cluster") is None
    assert DatabaseSettings(role_prefix="Bad!").problems()
    # Derived from the database name: normalised, bounded, never reserved.
    assert normalise_role_prefix("Yishi-Prod") == "yishi_prod"
    assert normalise_role_prefix("pg_main") == "ypg_main"
    long = normalise_role_prefix("a" * 60)
    assert len(long) <= 30 and long != normalise_role_prefix("a" * 59 + "b")
    url = "postgresql://app@db/" + "Ünïcode-" * 5
    derived = DatabaseSettings(url=url).effective_role_prefix
    assert role_prefix_problem(derived) is None


async def test_two_long_slugs_get_two_roles_and_stay_apart(
    fresh: tuple[Storage, PgDatabase | None],
) -> None:
    storage, db = fresh
    await migrate_platform(storage)
    await do_create_tenant(A, "甲局", "ningbo", actor=SYSTEM)
    await do_create_tenant(B, "乙局", "nantong", actor=SYSTEM)
    rows = [await get_tenant(s) for s in (A, B)]
    assert all(r is not None for r in rows)
    names = [(r["schema_name"], r["role_name"]) for r in rows if r]
    assert names[0] != names[1] and names[0][1] != names[1][1]
    assert names == [
        (t.schema, t.role) for t in (tenant_names(s, storage.role_prefix) for s in (A, B))
    ]
    async with bind_slug(B):
        await Person.insert(Person(account_id=2, login="b.secret", name="乙"))
    async with bind_slug(A) as bound:
        assert bound.role == names[0][1]
        assert await Person.select(Person.login) == []
        if storage.backend == "postgres":
            with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
                await Person.raw(f'SELECT login FROM "{names[1][0]}".person')
    if db is not None:
        conn = await asyncpg.connect(db.url())
        try:
            members = await conn.fetch(
                "SELECT r.rolname FROM pg_roles r WHERE r.rolname = ANY($1::text[])",
                [n[1] for n in names],
            )
            assert len(members) == 2
            # Each schema is reachable by its own tenant role only.
            for schema, role in names:
                grantees = await conn.fetch(
                    "SELECT r.rolname FROM pg_namespace n, aclexplode(n.nspacl) a "
                    "JOIN pg_roles r ON r.oid = a.grantee "
                    "WHERE n.nspname = $1 AND a.grantee <> n.nspowner",
                    schema,
                )
                assert {g["rolname"] for g in grantees} == {role}
        finally:
            await conn.close()


async def test_creation_refuses_a_name_another_tenant_holds(
    fresh: tuple[Storage, PgDatabase | None],
) -> None:
    storage, _ = fresh
    await migrate_platform(storage)
    await do_create_tenant("holder", "占用者", "ningbo", actor=SYSTEM)
    # Another tenant somehow holds the role the new slug would get (e.g. recorded by m0003).
    taken = tenant_names("newcomer", storage.role_prefix).role
    await Tenant.update({Tenant.role_name: taken}).where(Tenant.slug == "holder")
    with pytest.raises(TenantNameTaken) as caught:
        await do_create_tenant("newcomer", "新来者", "ningbo", actor=SYSTEM)
    assert caught.value.params["other"] == "holder"
    assert await get_tenant("newcomer") is None


async def test_existing_tenants_keep_their_names(fresh: tuple[Storage, PgDatabase | None]) -> None:
    """Platform m0003 records the names tenants have now; only a shared role is replaced."""
    storage, _ = fresh
    if storage.backend == "postgres":
        conn = await storage.admin_platform.get_new_connection()
        try:
            await conn.execute("CREATE SCHEMA IF NOT EXISTS platform")
        finally:
            await conn.close()
    engine = storage.admin_platform
    steps = _migration_table(engine)
    await steps.create_table(if_not_exists=True)
    for name, module in _modules("platform"):
        if name >= "m0003":
            break
        await module.forwards(engine)
        await steps.insert(steps(name=name))
    for slug in (A, B, "short"):
        await engine.run_ddl(
            "INSERT INTO tenant (slug, name, name_en, plugin, settings, status, manifest, "
            f"created_at, updated_at, rule_versions) VALUES ('{slug}', 'x', '', 'ningbo', '{{}}', "
            "'active', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '[]')"
        )
    m0003 = dict(_modules("platform"))["m0003_tenant_names"]
    async with engine.transaction():
        await m0003.forwards(engine, storage=storage)
    prefix = storage.role_prefix
    # Read as the owner: the application has no grant on the platform before migration ends.
    found = await steps.raw("SELECT slug, schema_name, role_name FROM tenant")
    rows = {r["slug"]: r for r in found}
    legacy = {s: f"{prefix}_t_{s.replace('-', '_')}"[:63] for s in rows}
    assert rows["short"]["role_name"] == legacy["short"] == f"{prefix}_t_short"
    assert rows[A]["role_name"] == legacy[A]  # first by slug keeps the (cut) name it had
    assert rows[B]["role_name"] == tenant_names(B, prefix).role  # the second gets its own
    assert all(r["schema_name"] == "t_" + s.replace("-", "_") for s, r in rows.items())
