"""Tables of background work: effect keys, inbox, scans (tenant); wake-up marks, schedules
(platform). Times compared in SQL are epoch milliseconds (`BigInt`), the same on both engines."""

from __future__ import annotations

from piccolo.columns import BigInt, Boolean, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.tenancy.unbound import UNCONFIGURED

__all__ = [
    "ComplianceScan",
    "DeliveredEffect",
    "InboxItem",
    "OutboxPending",
    "ScheduledJob",
    "WebhookDelivery",
    "WebhookEndpoint",
]


class DeliveredEffect(Table, tablename="delivered_effect", tags=["tenant"], db=UNCONFIGURED):
    """An effect carried out: written in the effect's own transaction, so a redelivered message
    finds it and does nothing (exactly once for effects on the tenant's data; for mail and
    webhooks the key also goes to the receiver, which can drop a repeat)."""

    id: Serial
    key = Varchar(length=200, unique=True)
    outbox_id = Integer(null=True, default=None, index=True)
    at = Timestamptz(default=TimestamptzNow())


class InboxItem(Table, tablename="inbox_item", tags=["tenant"], db=UNCONFIGURED):
    """One in-app notice for one person of the tenant."""

    id: Serial
    person_id = Integer(index=True)
    topic = Varchar(length=80)
    title = Varchar(length=200)
    body = Text(default="")
    #: What it is about, e.g. "meeting:12" (ids only).
    about = Varchar(length=100, default="")
    #: The effect key that created it (one item per key).
    key = Varchar(length=200, default="", index=True)
    created_at = Timestamptz(default=TimestamptzNow())
    read_at = Timestamptz(null=True, default=None)


class ComplianceScan(Table, tablename="compliance_scan", tags=["tenant"], db=UNCONFIGURED):
    """A daily compliance scan of the tenant. PLACEHOLDER: until the meeting lifecycle exists
    the scan only records that it ran (findings 0); the scan itself comes with meetings."""

    id: Serial
    day = Varchar(length=10, unique=True)
    findings = Integer(default=0)
    note = Text(default="")
    at = Timestamptz(default=TimestamptzNow())


class WebhookEndpoint(Table, tablename="webhook_endpoint", tags=["tenant"], db=UNCONFIGURED):
    """Where this tenant's (or its oversight body's) events are posted, signed with `secret`."""

    id: Serial
    url = Varchar(length=500)
    secret = Varchar(length=200)
    #: Topics delivered ("*" = all), comma-separated.
    topics = Varchar(length=500, default="*")
    #: "" for the unit itself, or the oversight body's slug.
    audience = Varchar(length=40, default="")
    active = Boolean(default=True)


class WebhookDelivery(Table, tablename="webhook_delivery", tags=["tenant"], db=UNCONFIGURED):
    """The delivery log the unit admin reads: one row per attempt."""

    id: Serial
    endpoint_id = Integer(index=True)
    key = Varchar(length=200, index=True)
    topic = Varchar(length=80)
    status = Integer(default=0)
    error = Text(default="")
    at = Timestamptz(default=TimestamptzNow())


class OutboxPending(Table, tablename="outbox_pending", tags=["platform"], db=UNCONFIGURED):
    """A tenant whose outbox has work due at `due_ms`: the relay reads these, never every
    tenant's storage (an idle tenant has no row and costs nothing)."""

    id: Serial
    tenant = Varchar(length=40, unique=True)
    due_ms = BigInt(index=True)
    marked_ms = BigInt()


class ScheduledJob(Table, tablename="scheduled_job", tags=["platform"], db=UNCONFIGURED):
    """A periodic job due at `next_ms`, claimed by one scheduler (FOR UPDATE SKIP LOCKED)."""

    id: Serial
    name = Varchar(length=100, unique=True)
    kind = Varchar(length=80)
    interval_seconds = Integer()
    next_ms = BigInt(index=True)
    last_ms = BigInt(null=True, default=None)
    runs = Integer(default=0)
    last_error = Text(default="")
