"""Account → tenants index, and one-time password codes.

`membership` is filled from every existing tenant's roster here, so `/me` and sign-in can rely on
it from the first request after this step.
"""

from typing import Any

import aiosqlite
from piccolo.columns import ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.table import Table

DESCRIPTION = "membership index (account → tenants); password set-up and reset codes"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def forwards(engine: Any, storage: Any) -> None:
    class Account(Table, tablename="account", db=engine):
        login = Varchar(length=100)

    class Membership(Table, tablename="membership", db=engine):
        account_id = Integer(index=True)
        tenant = Varchar(length=40, index=True)
        created_at = Timestamptz(default=TimestamptzNow())

    class PasswordReset(Table, tablename="password_reset", db=engine):
        account = ForeignKey(references=Account)
        code_hash = Varchar(length=64, unique=True, index=True)
        tenant = Varchar(length=40, default="")
        created_by = Varchar(length=100, default="")
        created_at = Timestamptz(default=TimestamptzNow())
        expires_at = Timestamptz()
        used_at = Timestamptz(null=True, default=None)

    await Membership.create_table(if_not_exists=True)
    await PasswordReset.create_table(if_not_exists=True)
    await engine.run_ddl(
        "CREATE UNIQUE INDEX IF NOT EXISTS membership_account_tenant "
        'ON "membership" ("account_id", "tenant")'
    )
    for slug, schema in await _tenants(engine):
        for account_id in await _account_ids(engine, storage, schema):
            await Membership.insert(Membership(account_id=account_id, tenant=slug))


async def _tenants(engine: Any) -> list[tuple[str, str]]:
    """(slug, schema) of every tenant: its stored names (platform m0003 ran before this step)."""

    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)
        schema_name = Varchar(length=63)

    rows = await Tenant.select(Tenant.slug, Tenant.schema_name).order_by(Tenant.slug)
    return [(r["slug"], r["schema_name"]) for r in rows]


async def _account_ids(engine: Any, storage: Any, schema: str) -> list[int]:
    """Accounts on a tenant's roster; none when its storage (or its roster table) does not
    exist yet: a registered tenant not migrated yet."""
    if isinstance(engine, SQLiteEngine):
        path = storage.tenant_file(schema)
        if not path.exists():
            return []
        async with aiosqlite.connect(path) as db:
            cursor = await db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person'"
            )
            if await cursor.fetchone() is None:
                return []
            cursor = await db.execute("SELECT account_id FROM person WHERE account_id IS NOT NULL")
            return [r[0] for r in await cursor.fetchall()]

    class Any_(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)

    table = f"{_quote(schema)}.person"
    found = await Any_.raw("SELECT to_regclass({}) AS t", table)
    if not found or found[0]["t"] is None:  # registered, storage not created yet
        return []
    rows = await Any_.raw(f"SELECT account_id FROM {table} WHERE account_id IS NOT NULL")
    return [r["account_id"] for r in rows]
