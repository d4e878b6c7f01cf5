"""Platform accounts, API tokens, cookie sessions and oversight bodies (platform storage)."""

from __future__ import annotations

from piccolo.columns import JSON, Boolean, ForeignKey, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.tenancy.unbound import UNCONFIGURED

__all__ = [
    "Account",
    "ApiToken",
    "OversightBody",
    "OversightReader",
    "PasswordReset",
    "WebSession",
]


class Account(Table, tablename="account", tags=["platform"], db=UNCONFIGURED):
    id: Serial  # declared for type checkers; piccolo adds the column
    login = Varchar(length=100, unique=True, index=True)
    display_name = Varchar(length=100)
    email = Varchar(length=200, default="")
    #: argon2id hash; empty means the account cannot sign in with a password yet.
    password_hash = Varchar(length=200, default="")
    #: Set for accounts given the well-known demo password; production refuses to start with any.
    password_is_demo = Boolean(default=False)
    is_operator = Boolean(default=False)
    disabled = Boolean(default=False)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class ApiToken(Table, tablename="api_token", tags=["platform"], db=UNCONFIGURED):
    id: Serial  # declared for type checkers; piccolo adds the column
    account = ForeignKey(references=Account)
    name = Varchar(length=100, default="")
    #: SHA-256 of the secret part; the token itself is shown once, at issue.
    token_hash = Varchar(length=64, unique=True, index=True)
    #: First characters of the token, to recognise it in lists.
    prefix = Varchar(length=16)
    scope_kind = Varchar(length=20)  # tenant | oversight | platform
    scope = Varchar(length=40, default="")
    created_at = Timestamptz(default=TimestamptzNow())
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    last_used_at = Timestamptz(null=True, default=None)


class WebSession(Table, tablename="web_session", tags=["platform"], db=UNCONFIGURED):
    id: Serial  # declared for type checkers; piccolo adds the column
    account = ForeignKey(references=Account)
    session_hash = Varchar(length=64, unique=True, index=True)
    csrf_token = Varchar(length=64)
    created_at = Timestamptz(default=TimestamptzNow())
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    ip = Varchar(length=64, default="")
    client = Varchar(length=300, default="")


class OversightBody(Table, tablename="oversight_body", tags=["platform"], db=UNCONFIGURED):
    """A municipal oversight body: reads the tenants in `tenants` through the oversight API."""

    id: Serial  # declared for type checkers; piccolo adds the column
    slug = Varchar(length=40, unique=True, index=True)
    name = Varchar(length=200)
    tenants = JSON(default="[]")
    created_at = Timestamptz(default=TimestamptzNow())


class OversightReader(Table, tablename="oversight_reader", tags=["platform"], db=UNCONFIGURED):
    id: Serial  # declared for type checkers; piccolo adds the column
    body = ForeignKey(references=OversightBody)
    account = ForeignKey(references=Account)
    granted_at = Timestamptz(default=TimestamptzNow())


class PasswordReset(Table, tablename="password_reset", tags=["platform"], db=UNCONFIGURED):
    """A one-time code that lets a person set their own password (first set-up or reset).

    Issued by a unit admin for a member of their unit only, or by the operator (CLI, in bulk for
    accounts onboarded without a password). Only the code's SHA-256 is kept.
    """

    id: Serial  # declared for type checkers; piccolo adds the column
    account = ForeignKey(references=Account)
    code_hash = Varchar(length=64, unique=True, index=True)
    #: The tenant whose admin issued it ("" for the operator).
    tenant = Varchar(length=40, default="")
    created_by = Varchar(length=100, default="")
    created_at = Timestamptz(default=TimestamptzNow())
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
