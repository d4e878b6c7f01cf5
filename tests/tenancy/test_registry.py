"""The tenant registry: settings validated against the plugin's declared bounds, changes audited."""

from __future__ import annotations

import pytest

from core.audit.tables import PlatformAuditEntry
from core.errors import Conflict, InvalidInput
from core.tenancy.registry import do_create_tenant, do_update_tenant, get_tenant, tenant_settings
from tests.world import SYSTEM, World


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
