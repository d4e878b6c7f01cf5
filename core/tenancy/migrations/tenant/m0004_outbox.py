"""The tenant's transactional outbox: side effects written with the change that causes them."""

from typing import Any

from piccolo.columns import JSON, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

DESCRIPTION = "outbox: side effects written in the same transaction as their change"


async def forwards(engine: Any) -> None:
    class TenantOutbox(Table, tablename="outbox", db=engine):
        topic = Varchar(length=80, index=True)
        payload = JSON(default="{}")
        action = Varchar(length=80, default="")
        created_at = Timestamptz(default=TimestamptzNow())
        delivered_at = Timestamptz(null=True, default=None, index=True)
        attempts = Integer(default=0)

    await TenantOutbox.create_table(if_not_exists=True)
