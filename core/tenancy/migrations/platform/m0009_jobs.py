"""Background work on the platform: which tenants have outbox work due; periodic jobs."""

from typing import Any

from piccolo.columns import BigInt, Integer, Text, Varchar
from piccolo.table import Table

DESCRIPTION = "jobs: outbox wake-up marks per tenant, scheduled jobs"


async def forwards(engine: Any) -> None:
    class OutboxPending(Table, tablename="outbox_pending", db=engine):
        tenant = Varchar(length=40, unique=True)
        due_ms = BigInt(index=True)
        marked_ms = BigInt()

    class ScheduledJob(Table, tablename="scheduled_job", db=engine):
        name = Varchar(length=100, unique=True)
        kind = Varchar(length=80)
        interval_seconds = Integer()
        next_ms = BigInt(index=True)
        last_ms = BigInt(null=True, default=None)
        runs = Integer(default=0)
        last_error = Text(default="")

    await OutboxPending.create_table(if_not_exists=True)
    await ScheduledJob.create_table(if_not_exists=True)
