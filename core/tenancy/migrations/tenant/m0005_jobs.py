"""Background work in the tenant: outbox delivery state, effect keys, inbox, scans, webhooks."""

from typing import Any

from piccolo.columns import BigInt, Boolean, Integer, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

DESCRIPTION = "jobs: outbox leases, delivered effects, inbox, compliance scans, webhooks"


async def forwards(engine: Any) -> None:
    class Outbox(Table, tablename="outbox", db=engine):
        topic = Varchar(length=80)

    await Outbox.alter().add_column("not_before", BigInt(null=True, default=None))
    await Outbox.alter().add_column("leased_until", BigInt(null=True, default=None))
    await Outbox.alter().add_column("dead_at", Timestamptz(null=True, default=None))
    await Outbox.alter().add_column("last_error", Text(default=""))

    class DeliveredEffect(Table, tablename="delivered_effect", db=engine):
        key = Varchar(length=200, unique=True)
        outbox_id = Integer(null=True, default=None, index=True)
        at = Timestamptz(default=TimestamptzNow())

    class InboxItem(Table, tablename="inbox_item", db=engine):
        person_id = Integer(index=True)
        topic = Varchar(length=80)
        title = Varchar(length=200)
        body = Text(default="")
        about = Varchar(length=100, default="")
        key = Varchar(length=200, default="", index=True)
        created_at = Timestamptz(default=TimestamptzNow())
        read_at = Timestamptz(null=True, default=None)

    class ComplianceScan(Table, tablename="compliance_scan", db=engine):
        day = Varchar(length=10, unique=True)
        findings = Integer(default=0)
        note = Text(default="")
        at = Timestamptz(default=TimestamptzNow())

    class WebhookEndpoint(Table, tablename="webhook_endpoint", db=engine):
        url = Varchar(length=500)
        secret = Varchar(length=200)
        topics = Varchar(length=500, default="*")
        audience = Varchar(length=40, default="")
        active = Boolean(default=True)

    class WebhookDelivery(Table, tablename="webhook_delivery", db=engine):
        endpoint_id = Integer(index=True)
        key = Varchar(length=200, index=True)
        topic = Varchar(length=80)
        status = Integer(default=0)
        error = Text(default="")
        at = Timestamptz(default=TimestamptzNow())

    for table in (DeliveredEffect, InboxItem, ComplianceScan, WebhookEndpoint, WebhookDelivery):
        await table.create_table(if_not_exists=True)
    # The relay's query: undelivered rows in id order (the delivered_at index exists).
