"""Audit trails: one in each tenant's storage, one in the platform's. Append-only."""

from __future__ import annotations

from piccolo.columns import JSON, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.tenancy.storage import UNCONFIGURED

__all__ = ["PlatformAuditEntry", "TenantAuditEntry"]


class _AuditColumns:
    id: Serial  # declared for type checkers; piccolo adds the column
    at = Timestamptz(default=TimestamptzNow())
    actor_account_id = Integer(null=True, default=None)
    actor_login = Varchar(length=100, default="")
    #: The tenant the actor was acting for ("" for platform-wide actions).
    tenant = Varchar(length=40, default="", index=True)
    #: The actor's roles in that tenant at the time, comma-separated (or "operator", "system").
    actor_roles = Varchar(length=200, default="")
    action = Varchar(length=80)
    target = Varchar(length=200, default="")
    details = JSON(default="{}")
    ip = Varchar(length=64, default="")
    client = Varchar(length=300, default="")


class TenantAuditEntry(
    _AuditColumns, Table, tablename="audit_entry", tags=["tenant"], db=UNCONFIGURED
):
    pass


class PlatformAuditEntry(
    _AuditColumns, Table, tablename="platform_audit_entry", tags=["platform"], db=UNCONFIGURED
):
    pass
