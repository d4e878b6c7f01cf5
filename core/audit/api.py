"""The tenant's audit trail, for its unit admin and inspectors."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get
from litestar.params import QueryParameter

from core.access.permissions import AUDIT_READ
from core.api import context_of
from core.audit.tables import PlatformAuditEntry, TenantAuditEntry

__all__ = ["AuditController"]


class AuditEntryOut(msgspec.Struct):
    source: str  # "tenant" | "platform"
    id: int
    at: datetime
    actor_login: str
    actor_roles: str
    action: str
    target: str
    details: dict[str, Any]
    ip: str
    client: str


def _out(source: str, row: dict[str, Any]) -> AuditEntryOut:
    details = row["details"]
    return AuditEntryOut(
        source=source,
        id=row["id"],
        at=row["at"],
        actor_login=row["actor_login"],
        actor_roles=row["actor_roles"],
        action=row["action"],
        target=row["target"],
        details=msgspec.json.decode(details) if isinstance(details, str) else details,
        ip=row["ip"],
        client=row["client"],
    )


class AuditController(Controller):
    path = "/api/v1/t/{tenant:str}/audit"
    tags = ["audit 审计"]

    @get(
        "/",
        opt={"permission": AUDIT_READ},
        summary="本单位审计记录（含平台对本单位的操作） Audit trail of this tenant",
    )
    async def trail(
        self,
        request: Request[Any, Any, Any],
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
        action: Annotated[str | None, QueryParameter(max_length=80)] = None,
    ) -> list[AuditEntryOut]:
        """Newest first. Merges this tenant's own trail with platform actions about it
        (onboarding, token issue and revocation, settings changes)."""
        tenant = context_of(request).tenant
        assert tenant is not None
        q1 = TenantAuditEntry.select().order_by(TenantAuditEntry.id, ascending=False).limit(limit)
        q2 = (
            PlatformAuditEntry.select()
            .where(PlatformAuditEntry.tenant == tenant["slug"])
            .order_by(PlatformAuditEntry.id, ascending=False)
            .limit(limit)
        )
        if action:
            q1 = q1.where(TenantAuditEntry.action == action)
            q2 = q2.where(PlatformAuditEntry.action == action)
        rows = [_out("tenant", r) for r in await q1] + [_out("platform", r) for r in await q2]
        rows.sort(key=lambda e: e.at, reverse=True)
        return rows[:limit]
