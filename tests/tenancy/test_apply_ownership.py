"""Who owns a value after `tenants apply`: the three-way comparison, drift, --force, --dry-run.

The manifest gives initial values; a value the unit admin changed through the API is kept and
reported as drift; an untouched value follows the manifest; `force` makes the manifest win and is
audited; a dry run reports the same lines as the real run and writes nothing. Each test onboards
its own tenant (or restores alpha afterwards) so the shared world stays as the manifests say.
"""

from __future__ import annotations

import secrets
import shutil
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from core.accounts.services import account_by_login, do_set_password
from core.accounts.tables import Account
from core.audit.tables import PlatformAuditEntry, TenantAuditEntry
from core.tenancy.context import bind_slug, bind_tenant, schema_name
from core.tenancy.manifests import apply_manifests
from core.tenancy.tables import Person, RoleGrant, Tenant
from tests.world import PASSWORD, SYSTEM, World

OWN = """
slug = "{slug}"
name = "测试归属单位党组"
plugin = "ningbo"

[settings]
inquiry_reply_working_days = {days}
interview_notice_days = 2

[admin]
login = "{slug}.admin"
name = "归属管理员"

[[members]]
login = "{slug}.sec"
name = "归属书记"
role = "secretary"
rank = 1

[[members]]
login = "{slug}.mem"
name = "归属成员"
role = "member"
rank = 2
title = "{title}"
"""


class Own:
    """One tenant of this test, applied from its own folder."""

    def __init__(self, api: World, folder: Path) -> None:
        self.api = api
        self.slug = "own-" + secrets.token_hex(3)
        self.folder = folder
        self.has_password = False
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, days: int = 3, title: str = "成员", extra: str = "") -> None:
        text = textwrap.dedent(OWN).format(slug=self.slug, days=days, title=title) + extra
        (self.folder / "own.toml").write_text(text, encoding="utf-8")

    async def apply(self, **kw: Any) -> Any:
        return await apply_manifests(self.folder, actor=SYSTEM, **kw)

    async def admin(self) -> dict[str, str]:
        if not self.has_password:  # setting a password ends tokens: once per tenant
            account = await account_by_login(f"{self.slug}.admin")
            assert account is not None
            await do_set_password(account["id"], PASSWORD, actor=SYSTEM)
            self.has_password = True
        return await self.api.auth(f"{self.slug}.admin", self.slug)

    async def settings(self) -> dict[str, Any]:
        row = await Tenant.select(Tenant.settings).where(Tenant.slug == self.slug).first()
        raw = row["settings"]
        return msgspec.json.decode(raw) if isinstance(raw, str) else dict(raw)

    async def patch(self, values: dict[str, Any]) -> None:
        r = await self.api.api.patch(
            f"/api/v1/t/{self.slug}/settings", headers=await self.admin(), json={"values": values}
        )
        assert r.status_code == 200, r.text

    async def person(self, login: str) -> dict[str, Any]:
        r = await self.api.api.get(f"/api/v1/t/{self.slug}/members", headers=await self.admin())
        assert r.status_code == 200, r.text
        return next(p for p in r.json() if p["login"] == login)


@pytest.fixture
async def own(api: World, tmp_path: Path) -> Own:
    o = Own(api, tmp_path / "own")
    o.write()
    first = await o.apply()
    assert f"{o.slug}: 新建单位 created (ningbo)" in first.changes
    return o


async def test_setting_changed_by_the_unit_is_kept_and_reported(own: Own) -> None:
    await own.patch({"inquiry_reply_working_days": 5})
    report = await own.apply()
    assert (await own.settings())["inquiry_reply_working_days"] == 5
    assert report.changes == []
    [drift] = report.drift
    assert own.slug in drift and "inquiry_reply_working_days" in drift
    assert "manifest says 3" in drift and "tenant has 5" in drift
    assert "kept, changed by the unit" in drift
    # Reported again at every apply while it differs; still never reverted.
    again = await own.apply()
    assert again.drift == report.drift and again.changes == []
    assert (await own.settings())["inquiry_reply_working_days"] == 5


async def test_setting_the_manifest_leaves_blank_belongs_to_the_unit(own: Own) -> None:
    await own.patch({"rectification_max_months": 6})
    report = await own.apply()
    assert report.changes == [] and report.drift == []
    assert (await own.settings())["rectification_max_months"] == 6


async def test_untouched_setting_follows_a_changed_manifest(own: Own) -> None:
    await own.patch({"interview_notice_days": 4})  # the unit changes another one
    own.write(days=7)
    report = await own.apply()
    values = await own.settings()
    assert values["inquiry_reply_working_days"] == 7
    assert values["interview_notice_days"] == 4
    assert report.changes == [f"{own.slug}: 设置 setting inquiry_reply_working_days: 3 → 7"]
    assert len(report.drift) == 1 and "interview_notice_days" in report.drift[0]


async def test_force_reverts_and_is_audited(own: Own) -> None:
    await own.patch({"inquiry_reply_working_days": 5})
    before = await PlatformAuditEntry.count().where(
        (PlatformAuditEntry.tenant == own.slug)
        & (PlatformAuditEntry.action == "tenant.manifest_force")
    )
    report = await own.apply(force=[own.slug])
    assert (await own.settings())["inquiry_reply_working_days"] == 3
    assert report.drift == []
    [line] = report.changes
    assert "inquiry_reply_working_days: 5 → 3" in line and "forced" in line
    entries = (
        await PlatformAuditEntry.select()
        .where(
            (PlatformAuditEntry.tenant == own.slug)
            & (PlatformAuditEntry.action == "tenant.manifest_force")
        )
        .order_by(PlatformAuditEntry.id)
    )
    assert len(entries) == before + 1
    details = entries[-1]["details"]
    details = msgspec.json.decode(details) if isinstance(details, str) else details
    assert details["overridden"] == {
        "settings.inquiry_reply_working_days": {"unit": 5, "manifest": 3}
    }
    # The ordinary settings entry records the old and new values as well.
    settings_entry = (
        await PlatformAuditEntry.select()
        .where(
            (PlatformAuditEntry.tenant == own.slug)
            & (PlatformAuditEntry.action == "tenant.settings")
        )
        .order_by(PlatformAuditEntry.id)
    )[-1]
    assert settings_entry["actor_login"] == SYSTEM.login
    # Forcing another tenant does not touch this one.
    await own.patch({"inquiry_reply_working_days": 5})
    other = await own.apply(force=["alpha"])
    assert other.changes == [] and len(other.drift) == 1
    assert (await own.settings())["inquiry_reply_working_days"] == 5


async def test_person_changed_by_the_unit_is_kept_and_forced_back(own: Own) -> None:
    member = await own.person(f"{own.slug}.mem")
    headers = await own.admin()
    r = await own.api.api.patch(
        f"/api/v1/t/{own.slug}/members/{member['id']}",
        headers=headers,
        json={"title": "副主任", "rank": 5, "areas": ["财务"], "active": False},
    )
    assert r.status_code == 200, r.text
    r = await own.api.api.put(
        f"/api/v1/t/{own.slug}/members/{member['id']}/roles",
        headers=headers,
        json={"roles": ["member", "clerk"]},
    )
    assert r.status_code == 200, r.text
    own.write(title="主任")  # the manifest changes the title as well: still the unit's value
    report = await own.apply()
    assert report.changes == []
    drifted = {line.split(": ")[2].split(" ", 1)[1] for line in report.drift}
    assert drifted == {"title", "rank", "areas", "active", "roles"}
    async with bind_slug(own.slug):
        row = await Person.select().where(Person.id == member["id"]).first()
        roles = {g["role"] for g in await RoleGrant.select().where(RoleGrant.person == row["id"])}
    assert (row["title"], row["rank"], row["active"]) == ("副主任", 5, False)
    assert roles == {"member", "clerk"}

    forced = await own.apply(force=True)
    assert forced.drift == [] and len(forced.changes) == 5
    assert all("forced" in line for line in forced.changes)
    async with bind_slug(own.slug):
        row = await Person.select().where(Person.id == member["id"]).first()
        roles = {g["role"] for g in await RoleGrant.select().where(RoleGrant.person == row["id"])}
        audit = (
            await TenantAuditEntry.select()
            .where(TenantAuditEntry.action == "person.manifest_force")
            .order_by(TenantAuditEntry.id)
        )
    assert (row["title"], row["rank"], row["active"]) == ("主任", 2, True)
    assert roles == {"member"}
    details = audit[-1]["details"]
    details = msgspec.json.decode(details) if isinstance(details, str) else details
    assert details["overridden"]["title"] == {"unit": "副主任", "manifest": "主任"}
    assert details["overridden"]["roles"] == {"unit": ["clerk", "member"], "manifest": ["member"]}
    assert (await own.apply()).changes == []


@pytest.fixture
async def alpha_restored(api: World) -> AsyncIterator[World]:
    yield api
    report = await apply_manifests(api.manifests, actor=SYSTEM, force=["alpha"])
    assert report.drift == [] or all(not d.startswith("alpha") for d in report.drift)


async def test_roles_set_through_the_api_survive_apply(alpha_restored: World) -> None:
    api = alpha_restored
    headers = await api.auth("a.admin", "alpha")
    r = await api.api.get("/api/v1/t/alpha/members", headers=headers)
    mem = next(p for p in r.json() if p["login"] == "a.mem")
    r = await api.api.put(
        f"/api/v1/t/alpha/members/{mem['id']}/roles",
        headers=headers,
        json={"roles": ["deputy_secretary"]},
    )
    assert r.status_code == 200, r.text
    report = await apply_manifests(api.manifests, actor=SYSTEM)
    assert report.changes == []
    assert report.drift == [
        "alpha: 保留单位的修改 kept, changed by the unit: a.mem roles: "
        '清单为 manifest says ["member"]，单位现为 tenant has ["deputy_secretary"]'
    ]
    r = await api.api.get(f"/api/v1/t/alpha/members/{mem['id']}", headers=headers)
    assert r.json()["roles"] == ["deputy_secretary"]


async def _snapshot(api: World, slugs: list[str]) -> Any:
    tenants = await Tenant.select().order_by(Tenant.slug)
    platform = (await Account.count(), await PlatformAuditEntry.count())
    per_tenant = []
    for t in tenants:
        if t["slug"] not in slugs:
            continue
        with bind_tenant(t):
            per_tenant.append(
                (
                    await Person.select().order_by(Person.id),
                    await RoleGrant.select().order_by(RoleGrant.id),
                    await TenantAuditEntry.count(),
                )
            )
    return tenants, platform, per_tenant


async def _storage_exists(api: World, slug: str) -> bool:
    schema = schema_name(slug)
    if api.backend == "sqlite":
        return api.storage.tenant_file(schema).exists()
    rows = await Tenant.raw("SELECT nspname FROM pg_namespace WHERE nspname = {}", schema)
    return bool(rows)


async def test_dry_run_changes_nothing_and_reports_what_a_real_run_does(
    own: Own, tmp_path: Path
) -> None:
    api = own.api
    await own.patch({"inquiry_reply_working_days": 5})  # drift
    newcomer = textwrap.dedent(f"""
        [[attendees]]
        login = "{own.slug}.new"
        name = "新列席"
        """)
    own.write(title="主任", extra=newcomer)  # a manifest change and a new person
    fresh = "new-" + secrets.token_hex(3)
    text = textwrap.dedent(OWN).format(slug=fresh, days=3, title="成员")
    (own.folder / "fresh.toml").write_text(text, encoding="utf-8")

    before = await _snapshot(api, [own.slug])
    dry = await own.apply(dry_run=True)
    assert dry.dry_run
    assert await _snapshot(api, [own.slug]) == before
    assert not await _storage_exists(api, fresh)
    assert await Tenant.count().where(Tenant.slug == fresh) == 0
    assert f"{fresh}: 新建单位 created (ningbo)" in dry.changes
    assert f"{own.slug}: 加入名册 added {own.slug}.new (attendee)" in dry.changes
    assert f'{own.slug}: {own.slug}.mem title: "成员" → "主任"' in dry.changes
    assert len(dry.drift) == 1

    real = await own.apply()
    assert real.changes == dry.changes
    assert real.drift == dry.drift
    assert real.kept == dry.kept
    assert await _storage_exists(api, fresh)
    again = await own.apply(dry_run=True)
    assert again.changes == [] and again.drift == real.drift


async def test_dry_run_of_a_copy_of_the_world_reports_nothing(api: World, tmp_path: Path) -> None:
    folder = tmp_path / "w"
    shutil.copytree(api.manifests, folder)
    report = await apply_manifests(folder, actor=SYSTEM, dry_run=True)
    assert report.changes == [] and report.notes == []
