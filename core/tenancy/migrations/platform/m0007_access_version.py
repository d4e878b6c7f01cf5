"""tenant.access_version: bumped after every change of roles, read with the tenant per request."""

from typing import Any

from piccolo.columns import Integer, Varchar
from piccolo.table import Table

DESCRIPTION = "tenant.access_version: every API process sees role changes at its next request"


async def forwards(engine: Any) -> None:
    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)

    await Tenant.alter().add_column("access_version", Integer(default=0))
