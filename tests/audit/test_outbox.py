"""The door writes a change, its audit entry and its outbox messages together, or nothing."""

from __future__ import annotations

import secrets

import msgspec
import pytest

from core.audit.actions import Actor, platform_action, tenant_action
from core.audit.tables import PlatformAuditEntry, PlatformOutbox, TenantAuditEntry, TenantOutbox
from core.tenancy.context import bind_slug
from tests.world import World

ACTOR = Actor.system("outbox-test")


class Boom(Exception):
    pass


async def test_tenant_action_commits_change_audit_and_outbox_together(api: World) -> None:
    verb = f"test.emit.{secrets.token_hex(3)}"
    async with bind_slug("alpha"):
        async with tenant_action(ACTOR, verb, "meeting:1") as act:
            act.emit("notice.send", meeting=1, people=[3, 4])
        rows = await TenantOutbox.select().where(TenantOutbox.action == verb)
        assert [(r["topic"], r["delivered_at"]) for r in rows] == [("notice.send", None)]
        payload = rows[0]["payload"]
        payload = msgspec.json.decode(payload) if isinstance(payload, str) else payload
        assert payload == {"meeting": 1, "people": [3, 4]}
        audit = await TenantAuditEntry.select().where(TenantAuditEntry.action == verb).first()
        details = audit["details"]
        details = msgspec.json.decode(details) if isinstance(details, str) else details
        assert details["emitted"] == ["notice.send"]
    async with bind_slug("beta"):  # the other tenant's outbox holds nothing of it
        assert not await TenantOutbox.exists().where(TenantOutbox.action == verb)


async def test_a_failed_action_leaves_no_outbox_row_and_no_audit(api: World) -> None:
    verb = f"test.fail.{secrets.token_hex(3)}"
    async with bind_slug("alpha"):
        with pytest.raises(Boom):
            async with tenant_action(ACTOR, verb) as act:
                act.emit("notice.send", meeting=1)
                raise Boom
        assert not await TenantOutbox.exists().where(TenantOutbox.action == verb)
        assert not await TenantAuditEntry.exists().where(TenantAuditEntry.action == verb)
    with pytest.raises(Boom):
        async with platform_action(ACTOR, verb) as act:
            act.emit("webhook.send", body=1)
            raise Boom
    assert not await PlatformOutbox.exists().where(PlatformOutbox.action == verb)
    assert not await PlatformAuditEntry.exists().where(PlatformAuditEntry.action == verb)


async def test_messages_carry_ids_never_objects(api: World) -> None:
    verb = f"test.object.{secrets.token_hex(3)}"
    async with bind_slug("alpha"):
        with pytest.raises(TypeError, match="ids only"):
            async with tenant_action(ACTOR, verb) as act:
                act.emit("notice.send", meeting=object())
        assert not await TenantAuditEntry.exists().where(TenantAuditEntry.action == verb)
