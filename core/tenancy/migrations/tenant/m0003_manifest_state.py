"""What `tenants apply` last applied to a person (name, title, rank, areas, active, roles)."""

from typing import Any

from piccolo.columns import JSON, Varchar
from piccolo.table import Table

DESCRIPTION = "person.manifest_state: what the manifest last applied to this person"


async def forwards(engine: Any) -> None:
    class Person(Table, tablename="person", db=engine):
        login = Varchar(length=100)

    await Person.alter().add_column("manifest_state", JSON(default="{}"))
