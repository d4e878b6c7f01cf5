"""Audit trails: one in each tenant's storage, one in the platform's. Append-only."""

from __future__ import annotations

from piccolo.columns import JSON, BigInt, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.tenancy.unbound import UNCONFIGURED

__all__ = ["PlatformAuditEntry", "PlatformOutbox", "TenantAuditEntry", "TenantOutbox"]


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


class _OutboxColumns:
    """A side effect to carry out after commit, written in the same transaction as the change.

    `payload` holds ids and plain values only, never rows or objects: the worker reads what it
    needs under the tenant's binding when it runs. Delivery (relay, dramatiq, retries) is the
    background-work layer's; the door only writes the row.
    """

    id: Serial  # declared for type checkers; piccolo adds the column
    topic = Varchar(length=80, index=True)
    payload = JSON(default="{}")
    #: The action (audit verb) that emitted it.
    action = Varchar(length=80, default="")
    created_at = Timestamptz(default=TimestamptzNow())
    delivered_at = Timestamptz(null=True, default=None, index=True)
    attempts = Integer(default=0)


class TenantOutbox(_OutboxColumns, Table, tablename="outbox", tags=["tenant"], db=UNCONFIGURED):
    # Delivery state, kept by the relay and the worker (core/jobs; tenant migration m0005).
    #: Not before this time (epoch ms; reminders), null: at once.
    not_before = BigInt(null=True, default=None)
    #: Published; not published again before this time (epoch ms) unless it is done.
    leased_until = BigInt(null=True, default=None)
    #: Given up (retries exhausted, or published too often): `yishi jobs dead` re-queues it.
    dead_at = Timestamptz(null=True, default=None)
    last_error = Text(default="")


class PlatformOutbox(
    _OutboxColumns, Table, tablename="platform_outbox", tags=["platform"], db=UNCONFIGURED
):
    pass
