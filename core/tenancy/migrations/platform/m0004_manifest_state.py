"""What `tenants apply` last applied to a tenant's registry entry and settings (three-way apply)."""

from typing import Any

from piccolo.columns import JSON, Varchar
from piccolo.table import Table

DESCRIPTION = "tenant.manifest_state: what the manifest last applied (name, plugin, settings)"


async def forwards(engine: Any) -> None:
    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)

    await Tenant.alter().add_column("manifest_state", JSON(default="{}"))
