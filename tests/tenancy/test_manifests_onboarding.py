"""Onboarding new tenants from manifests, several at a time: each new tenant's accounts and
roster are written in one transaction each, with the same rows and audit entries as adding
people one by one; a login named by two manifests gets one account, reported once; the output
keeps manifest order; a tenant that fails writes no roster and stops the run."""

from __future__ import annotations

import textwrap
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from core.accounts.tables import Account
from core.audit.tables import PlatformAuditEntry, TenantAuditEntry
from core.errors import Conflict
from core.settings import DatabaseSettings
from core.tenancy.context import bind_slug
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import migrate_platform, schema_step, stored_steps
from core.tenancy.storage import Storage, configure
from core.tenancy.tables import Membership, Person, RoleGrant, Tenant
from tests.world import SYSTEM, World, create_pg_database, drop_pg_database


def manifest(slug: str, prefix: str, *, shared: bool = True, clash: bool = False) -> str:
    return textwrap.dedent(f"""
        slug = "{slug}"
        name = "{slug} 党组"
        plugin = "kunming"

        [admin]
        login = "{prefix}.admin"
        name = "{prefix} 管理员"

        [[members]]
        login = "{prefix}.sec"
        name = "{prefix} 书记"
        role = "secretary"
        rank = 1

        [[members]]
        login = "{prefix}.mem"
        name = "{prefix} 成员"
        role = "member"
        rank = {1 if clash else 2}
        title = "成员"
        areas = ["财务"]
        """) + (
        textwrap.dedent("""
        [[inspectors]]
        login = "shared.inspector"
        name = "共用纪检"
        """)
        if shared
        else ""
    )


@pytest.fixture
async def fresh(
    backend: str, pg_server_optional: str | None, tmp_path: Path, api: World
) -> AsyncIterator[Storage]:
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
        yield storage
    finally:
        await storage.stop()
        if db is not None:
            await drop_pg_database(db)
        api.rebind()


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for slug, text in files.items():
        (folder / f"{slug}.toml").write_text(text, encoding="utf-8")
    return folder


def _details(row: dict[str, Any]) -> Any:
    raw = row["details"]
    return msgspec.json.decode(raw) if isinstance(raw, str | bytes) else raw


async def _tenant_audit(slug: str, action: str) -> list[dict[str, Any]]:
    async with bind_slug(slug):
        rows = await TenantAuditEntry.select().where(TenantAuditEntry.action == action)
    return sorted(rows, key=lambda r: r["id"])


async def test_new_tenants_get_their_rosters_as_one_by_one_would(
    fresh: Storage, tmp_path: Path
) -> None:
    folder = _write(
        tmp_path / "m", {"gamma": manifest("gamma", "g"), "delta": manifest("delta", "d")}
    )
    report = await apply_manifests(folder, actor=SYSTEM)

    # Manifest order (delta before gamma), each tenant's lines together; the shared login is
    # created once, by the first tenant naming it.
    slugs = [line.split(":")[0] for line in report.changes]
    assert slugs == sorted(slugs, key=["delta", "gamma"].index)
    shared = [c for c in report.changes if "account shared.inspector" in c]
    assert shared == ["delta: 新建账号 account shared.inspector"]
    assert await Account.count().where(Account.login == "shared.inspector") == 1
    account = await Account.select().where(Account.login == "shared.inspector").first()
    index = await Membership.select(Membership.tenant).where(Membership.account_id == account["id"])
    assert sorted(r["tenant"] for r in index) == ["delta", "gamma"]

    # Each new account audited in the platform, tagged with the tenant that created it.
    created = await PlatformAuditEntry.select().where(PlatformAuditEntry.action == "account.create")
    by_target = {r["target"]: r for r in created}
    for row in await Account.select(Account.id, Account.login, Account.display_name):
        entry = by_target[f"account:{row['id']}"]
        assert entry["actor_login"] == SYSTEM.login and entry["actor_roles"] == "system"
        assert entry["tenant"] == ("delta" if row["login"][0] in "ds" else "gamma")
        assert _details(entry) == {"display_name": row["display_name"], "is_operator": False}
        assert row["login"]  # no password: a manifest gives none outside --demo
    assert await Account.count().where(Account.password_hash != "") == 0

    # Roster, roles, the manifest's record and a person.add entry per person.
    async with bind_slug("gamma"):
        people = {p["login"]: p for p in await Person.select()}
        grants = await RoleGrant.select(RoleGrant.person, RoleGrant.role)
    assert set(people) == {"g.admin", "g.sec", "g.mem", "shared.inspector"}
    roles = {people_id: [] for people_id in (p["id"] for p in people.values())}
    for g in grants:
        roles[g["person"]].append(g["role"])
    assert roles[people["g.mem"]["id"]] == ["member"]
    assert roles[people["g.admin"]["id"]] == ["unit_admin"]
    mem = people["g.mem"]
    assert (mem["name"], mem["title"], mem["rank"]) == ("g 成员", "成员", 2)
    assert msgspec.json.decode(mem["areas"]) == ["财务"]
    state = mem["manifest_state"]
    assert (msgspec.json.decode(state) if isinstance(state, str) else state)["roles"] == ["member"]
    added = await _tenant_audit("gamma", "person.add")
    assert {r["target"] for r in added} == {f"person:{p['id']}" for p in people.values()}
    assert _details(next(r for r in added if r["target"] == f"person:{mem['id']}")) == {
        "login": "g.mem",
        "name": "g 成员",
        "roles": ["member"],
    }
    tenant = await Tenant.select(Tenant.access_version).where(Tenant.slug == "gamma").first()
    assert tenant["access_version"] > 0  # every process sees the new roles at once
    marks = await stored_steps(fresh, ["delta", "gamma"])
    assert {r["schema_step"] for r in marks.values()} == {schema_step()}

    # A person added later to an existing tenant goes one by one (do_add_person): the same
    # entry and the same columns as the ones written together.
    text = manifest("gamma", "g") + textwrap.dedent("""
        [[clerks]]
        login = "g.clerk"
        name = "g 文书"
        """)
    _write(folder, {"gamma": text})
    again = await apply_manifests(folder, actor=SYSTEM)
    assert again.changes == [
        "gamma: 新建账号 account g.clerk",
        "gamma: 加入名册 added g.clerk (clerk)",
    ]
    late = (await _tenant_audit("gamma", "person.add"))[-1]
    first = added[0]
    same = ("actor_account_id", "actor_login", "tenant", "actor_roles", "ip", "client")
    assert {k: late[k] for k in same} == {k: first[k] for k in same}
    assert set(_details(late)) == set(_details(first))
    assert (await apply_manifests(folder, actor=SYSTEM)).changes == []


async def test_a_tenant_that_fails_writes_no_roster_and_is_completed_by_the_next_run(
    fresh: Storage, tmp_path: Path
) -> None:
    folder = _write(tmp_path / "m", {"eps": manifest("eps", "e", shared=False, clash=True)})
    with pytest.raises(Conflict):
        await apply_manifests(folder, actor=SYSTEM)
    async with bind_slug("eps"):
        assert await Person.count() == 0  # the roster is one transaction: nothing of it
        assert await TenantAuditEntry.count().where(TenantAuditEntry.action == "person.add") == 0

    _write(folder, {"eps": manifest("eps", "e", shared=False)})
    report = await apply_manifests(folder, actor=SYSTEM)
    assert [c for c in report.changes if "added" in c] == [
        "eps: 加入名册 added e.sec (secretary)",
        "eps: 加入名册 added e.mem (member)",
        "eps: 加入名册 added e.admin (unit_admin)",
    ]
    async with bind_slug("eps"):
        assert await Person.count() == 3
