"""Platform registry, accounts, tokens, sessions, oversight bodies, platform audit.

A migration is a frozen snapshot: tables are redeclared here as they were when it was written,
bound to the migration engine, so later changes to `tables.py` never alter what this step does.
"""

from typing import Any

from piccolo.columns import JSON, Boolean, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

DESCRIPTION = "platform registry, accounts, tokens, sessions, oversight bodies, audit"


async def forwards(engine: Any) -> None:
    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40, unique=True, index=True)
        name = Varchar(length=200)
        name_en = Varchar(length=200, default="")
        plugin = Varchar(length=60)
        settings = JSON(default="{}")
        status = Varchar(length=20, default="active")
        manifest = Varchar(length=300, default="")
        created_at = Timestamptz(default=TimestamptzNow())
        updated_at = Timestamptz(default=TimestamptzNow())

    class Account(Table, tablename="account", db=engine):
        login = Varchar(length=100, unique=True, index=True)
        display_name = Varchar(length=100)
        email = Varchar(length=200, default="")
        password_hash = Varchar(length=200, default="")
        password_is_demo = Boolean(default=False)
        is_operator = Boolean(default=False)
        disabled = Boolean(default=False)
        created_at = Timestamptz(default=TimestamptzNow())
        updated_at = Timestamptz(default=TimestamptzNow())

    class ApiToken(Table, tablename="api_token", db=engine):
        account = ForeignKey(references=Account)
        name = Varchar(length=100, default="")
        token_hash = Varchar(length=64, unique=True, index=True)
        prefix = Varchar(length=16)
        scope_kind = Varchar(length=20)
        scope = Varchar(length=40, default="")
        created_at = Timestamptz(default=TimestamptzNow())
        expires_at = Timestamptz()
        revoked_at = Timestamptz(null=True, default=None)
        last_used_at = Timestamptz(null=True, default=None)

    class WebSession(Table, tablename="web_session", db=engine):
        account = ForeignKey(references=Account)
        session_hash = Varchar(length=64, unique=True, index=True)
        csrf_token = Varchar(length=64)
        created_at = Timestamptz(default=TimestamptzNow())
        expires_at = Timestamptz()
        revoked_at = Timestamptz(null=True, default=None)
        ip = Varchar(length=64, default="")
        client = Varchar(length=300, default="")

    class OversightBody(Table, tablename="oversight_body", db=engine):
        slug = Varchar(length=40, unique=True, index=True)
        name = Varchar(length=200)
        tenants = JSON(default="[]")
        created_at = Timestamptz(default=TimestamptzNow())

    class OversightReader(Table, tablename="oversight_reader", db=engine):
        body = ForeignKey(references=OversightBody)
        account = ForeignKey(references=Account)
        granted_at = Timestamptz(default=TimestamptzNow())

    class PlatformAuditEntry(Table, tablename="platform_audit_entry", db=engine):
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

    for table in (
        Tenant,
        Account,
        ApiToken,
        WebSession,
        OversightBody,
        OversightReader,
        PlatformAuditEntry,
    ):
        await table.create_table(if_not_exists=True)
