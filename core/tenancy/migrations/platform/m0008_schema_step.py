"""tenant.schema_step: the tenant migration steps last found complete, kept on the registry row.

`yishi migrate` reads it for every tenant in one query and skips a tenant whose stored step is
the code's (core/tenancy/migrate.py `schema_step`), so a no-op run costs no query per tenant.
The tenant's own `yishi_migration` table stays the truth: a tenant whose stored step differs
(new steps, a tenant created before this column, or one never marked) is read and, when it turns
out current or has been migrated, marked.
"""

from typing import Any

from piccolo.columns import Varchar
from piccolo.table import Table

DESCRIPTION = "tenant.schema_step: a no-op migrate reads every tenant's state in one query"


async def forwards(engine: Any) -> None:
    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)

    await Tenant.alter().add_column("schema_step", Varchar(length=100, default=""))
