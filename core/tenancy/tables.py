"""Tenancy tables: the platform registry, and each tenant's roster of people and role grants."""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    Serial,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from core.tenancy.unbound import UNCONFIGURED

__all__ = ["Invitation", "Membership", "Person", "RoleGrant", "Tenant"]


class Tenant(Table, tablename="tenant", tags=["platform"], db=UNCONFIGURED):
    """One onboarded body (a bureau's Party group). Lives in the platform storage."""

    id: Serial  # declared for type checkers; piccolo adds the column
    slug = Varchar(length=40, unique=True, index=True)
    name = Varchar(length=200)
    name_en = Varchar(length=200, default="")
    plugin = Varchar(length=60)
    #: Values for the plugin's declared settings (the sources' blanks, "XX" and "x").
    settings = JSON(default="{}")
    #: The tenant's own schedule of rule-set versions, `[{"version": …, "from": "YYYY-MM-DD"}]`;
    #: empty → the plugin's effective dates decide (core/rules/engine.py).
    rule_versions = JSON(default="[]")
    #: Where the tenant's data lives: PostgreSQL schema (SQLite file stem) and database role,
    #: derived once at creation (core/tenancy/context.py `tenant_names`), unique, bound from here.
    schema_name = Varchar(length=63, default="")
    role_name = Varchar(length=63, default="")
    status = Varchar(length=20, default="active")  # active | suspended
    #: Bumped after every change of roles or of who is active: each API process compares it with
    #: its cached enforcer on every request, so a change is seen at once in every process.
    access_version = Integer(default=0)
    #: Folder-relative path of the manifest this tenant was applied from, if any.
    manifest = Varchar(length=300, default="")
    #: What `tenants apply` last applied (name, name_en, plugin, settings); {} = no record.
    manifest_state = JSON(default="{}")
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class Person(Table, tablename="person", tags=["tenant"], db=UNCONFIGURED):
    """A person's place in one tenant: the roster entry (tenant storage).

    The account (sign-in) is a platform record; one account may have a Person in several tenants.
    """

    id: Serial  # declared for type checkers; piccolo adds the column
    #: The platform account; null while the person has not accepted their invitation yet.
    account_id = Integer(unique=True, index=True, null=True, default=None)
    #: The login the person signs in with (proposed at enrolment, the account's once linked).
    login = Varchar(length=100)
    name = Varchar(length=100)
    title = Varchar(length=200, default="")
    #: Rank order among body members (1 = secretary); used for speaking and position order.
    rank = Integer(default=0)
    #: Areas in charge (分管领域), e.g. ["人事", "财务"]; decides who must be present for an item.
    areas = JSON(default="[]")
    active = Boolean(default=True)
    #: What `tenants apply` last applied to this person (fields and roles); {} = no record.
    manifest_state = JSON(default="{}")
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class RoleGrant(Table, tablename="role_grant", tags=["tenant"], db=UNCONFIGURED):
    """One access role of a person in this tenant (casbin `g` line, domain = tenant)."""

    id: Serial  # declared for type checkers; piccolo adds the column
    person = ForeignKey(references=Person)
    role = Varchar(length=40)
    granted_at = Timestamptz(default=TimestamptzNow())
    granted_by = Varchar(length=100, default="")


class Invitation(Table, tablename="invitation", tags=["tenant"], db=UNCONFIGURED):
    """A one-time code with which an enrolled person links their account to the roster entry.

    Only the SHA-256 of the code is kept; the code itself is shown once, to the unit admin who
    enrolled the person (and, with the background-work issue, mailed to the person).
    """

    id: Serial  # declared for type checkers; piccolo adds the column
    person = ForeignKey(references=Person)
    code_hash = Varchar(length=64, unique=True, index=True)
    created_by = Varchar(length=100, default="")
    created_at = Timestamptz(default=TimestamptzNow())
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    revoked_at = Timestamptz(null=True, default=None)
    #: The account that accepted it.
    account_id = Integer(null=True, default=None)


class Membership(Table, tablename="membership", tags=["platform"], db=UNCONFIGURED):
    """Platform-side index: the tenants where an account has a roster entry.

    A superset, never a subset: a row is written before the tenant transaction that links the
    person and left in place when the person is deactivated, so `/me` and sign-in open only these
    tenants and still ask each one for the roles (the tenant's own storage decides).
    """

    id: Serial  # declared for type checkers; piccolo adds the column
    account_id = Integer(index=True)
    tenant = Varchar(length=40, index=True)
    created_at = Timestamptz(default=TimestamptzNow())
