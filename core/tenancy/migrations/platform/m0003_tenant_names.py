"""Each tenant's schema and role names, stored on its registry row and unique.

Before this step the names were computed at every binding: schema `t_<slug>`, role
`f"{prefix}_{schema}"[:63]`, and that cut gave two long slugs one role. Existing tenants get the
names they have now, so nothing moves; only a tenant whose role another tenant (earlier by slug)
already holds gets a new one, which the tenant migration then creates and grants, revoking the
shared role from its schema. New tenants get names from `core.tenancy.context.tenant_names`.
The computations are frozen here: later changes to the derivation never alter this step.
"""

import hashlib
from typing import Any
from urllib.parse import urlsplit

from piccolo.columns import Varchar
from piccolo.table import Table

DESCRIPTION = "tenant.schema_name, tenant.role_name: stored, unique storage names"


def _legacy_prefix(storage: Any) -> str:
    explicit = storage.settings.role_prefix
    if explicit:
        return str(explicit)
    name = urlsplit(storage.settings.url).path.lstrip("/") or "yishi"
    return "".join(c if c.isalnum() else "_" for c in name.lower())


def _fresh_role(slug: str, prefix: str) -> str:
    flat = slug.replace("-", "_")
    digest = hashlib.sha256(slug.encode()).hexdigest()[:12]
    room = 63 - len(prefix) - len("_t__") - 12
    return f"{prefix}_t_{flat[:room].rstrip('_')}_{digest}"


async def forwards(engine: Any, storage: Any) -> None:
    class Tenant(Table, tablename="tenant", db=engine):
        slug = Varchar(length=40)
        schema_name = Varchar(length=63, default="")
        role_name = Varchar(length=63, default="")

    await Tenant.alter().add_column("schema_name", Varchar(length=63, default=""))
    await Tenant.alter().add_column("role_name", Varchar(length=63, default=""))
    legacy = _legacy_prefix(storage)
    held: set[str] = set()
    for row in await Tenant.select(Tenant.slug).order_by(Tenant.slug):
        slug = row["slug"]
        schema = "t_" + slug.replace("-", "_")
        role = f"{legacy}_{schema}"[:63]
        if role in held:  # the collision this step exists for
            role = _fresh_role(slug, storage.role_prefix)
        held.add(role)
        await Tenant.update({Tenant.schema_name: schema, Tenant.role_name: role}).where(
            Tenant.slug == slug
        )
    await engine.run_ddl(
        'CREATE UNIQUE INDEX IF NOT EXISTS tenant_schema_name_key ON "tenant" ("schema_name")'
    )
    await engine.run_ddl(
        'CREATE UNIQUE INDEX IF NOT EXISTS tenant_role_name_key ON "tenant" ("role_name")'
    )
