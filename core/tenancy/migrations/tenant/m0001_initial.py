"""A tenant's roster, role grants and audit trail (frozen snapshot, see the platform 0001)."""

from typing import Any

from piccolo.columns import JSON, Boolean, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

DESCRIPTION = "roster of people, role grants, audit trail"


async def forwards(engine: Any) -> None:
    class Person(Table, tablename="person", db=engine):
        account_id = Integer(unique=True, index=True)
        login = Varchar(length=100)
        name = Varchar(length=100)
        title = Varchar(length=200, default="")
        rank = Integer(default=0)
        areas = JSON(default="[]")
        active = Boolean(default=True)
        created_at = Timestamptz(default=TimestamptzNow())
        updated_at = Timestamptz(default=TimestamptzNow())

    class RoleGrant(Table, tablename="role_grant", db=engine):
        person = ForeignKey(references=Person)
        role = Varchar(length=40)
        granted_at = Timestamptz(default=TimestamptzNow())
        granted_by = Varchar(length=100, default="")

    class TenantAuditEntry(Table, tablename="audit_entry", db=engine):
        at = Timestamptz(default=TimestamptzNow())
        actor_account_id = Integer(null=True, default=None)
        actor_login = Varchar(length=100, default="")
        tenant = Varchar(length=40, default="", index=True)
        actor_roles = Varchar(length=200, default="")
        action = Varchar(length=80)
        target = Varchar(length=200, default="")
        details = JSON(default="{}")
        ip = Varchar(length=64, default="")
        client = Varchar(length=300, default="")

    for table in (Person, RoleGrant, TenantAuditEntry):
        await table.create_table(if_not_exists=True)
