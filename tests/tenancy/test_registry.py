"""The tenant registry: settings validated against the plugin's declared bounds, changes audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.accounts.services import account_by_login, do_set_password
from core.audit.tables import PlatformAuditEntry
from core.errors import Conflict, InvalidInput
from core.tenancy.manifests import apply_manifests
from core.tenancy.registry import (
    do_create_tenant,
    do_set_status,
    do_update_tenant,
    get_tenant,
    tenant_settings,
)
from tests.world import PASSWORD, SYSTEM, World


async def test_settings_change_is_validated_and_audited(api: World) -> None:
    if await get_tenant("delta") is None:
        await do_create_tenant("delta", "测试丁单位党组", "heilongjiang", actor=SYSTEM)
    with pytest.raises(Conflict):
        await do_create_tenant("delta", "重复", "heilongjiang", actor=SYSTEM)
    await do_update_tenant("delta", actor=SYSTEM, settings={"regular_meetings_per_month": 2})
    await do_update_tenant("delta", actor=SYSTEM, settings={"regular_meetings_per_month": 3})
    row = await get_tenant("delta")
    assert row is not None and tenant_settings(row) == {"regular_meetings_per_month": 3}
    entry = (
        await PlatformAuditEntry.select()
        .where(
            (PlatformAuditEntry.tenant == "delta")
            & (PlatformAuditEntry.action == "tenant.settings")
        )
        .order_by(PlatformAuditEntry.id, ascending=False)
        .first()
    )
    assert entry is not None
    assert '"old":{"regular_meetings_per_month":2}' in entry["details"].replace(" ", "")
    for bad in ({"regular_meetings_per_month": 99}, {"regular_meetings_per_month": "2"}, {"x": 1}):
        with pytest.raises(InvalidInput) as caught:
            await do_update_tenant("delta", actor=SYSTEM, settings=bad)
        assert caught.value.fields
    row = await get_tenant("delta")
    assert row is not None and tenant_settings(row) == {"regular_meetings_per_month": 3}


async def test_create_refuses_bad_slug_and_unknown_plugin(api: World) -> None:
    with pytest.raises(InvalidInput) as caught:
        await do_create_tenant("Bad Slug", "x", "atlantis", actor=SYSTEM)
    assert set(caught.value.fields) == {"slug", "plugin"}
    assert await get_tenant("bad-slug") is None


async def test_suspended_tenant_refuses_its_members(api: World, tmp_path: Path) -> None:
    folder = tmp_path / "e"
    folder.mkdir()
    (folder / "epsilon.toml").write_text(
        'slug = "epsilon"\nname = "测试戊单位党组"\nplugin = "kunming"\n'
        '[admin]\nlogin = "e.admin"\nname = "戊管理员"\n'
        '[[members]]\nlogin = "e.sec"\nname = "戊书记"\nrole = "secretary"\nrank = 1\n',
        encoding="utf-8",
    )
    await apply_manifests(folder, actor=SYSTEM)
    account = await account_by_login("e.sec")
    assert account is not None
    await do_set_password(account["id"], PASSWORD, actor=SYSTEM)
    headers = await api.auth("e.sec", "epsilon")
    assert (await api.api.get("/api/v1/t/epsilon/members", headers=headers)).status_code == 200
    await do_set_status("epsilon", "suspended", actor=SYSTEM)
    try:
        r = await api.api.get("/api/v1/t/epsilon/members", headers=headers)
        assert r.status_code == 423 and r.json()["error"]["code"] == "tenant.suspended"
        # Somebody without a role there still gets "not found", not "suspended".
        r = await api.api.get("/api/v1/t/epsilon/members", headers=await api.session("a.mem"))
        assert r.status_code == 404
    finally:
        await do_set_status("epsilon", "active", actor=SYSTEM)
    assert (await api.api.get("/api/v1/t/epsilon/members", headers=headers)).status_code == 200
