"""A tenant's own schedule of rule-set versions: `[{"version": …, "from": "YYYY-MM-DD"}]`."""

from typing import Any

from piccolo.columns import JSON, Varchar
from piccolo.table import Table

DESCRIPTION = "tenant.rule_versions: move a tenant to a new rule-set version from a date"


async def forwards(engine: Any) -> None:
    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)

    await Tenant.alter().add_column("rule_versions", JSON(default="[]"))
