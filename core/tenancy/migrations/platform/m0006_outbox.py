"""The platform's transactional outbox (side effects of platform actions)."""

from typing import Any

from piccolo.columns import JSON, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

DESCRIPTION = "platform_outbox: side effects of platform actions"


async def forwards(engine: Any) -> None:
    class PlatformOutbox(Table, tablename="platform_outbox", db=engine):
        topic = Varchar(length=80, index=True)
        payload = JSON(default="{}")
        action = Varchar(length=80, default="")
        created_at = Timestamptz(default=TimestamptzNow())
        delivered_at = Timestamptz(null=True, default=None, index=True)
        attempts = Integer(default=0)

    await PlatformOutbox.create_table(if_not_exists=True)
