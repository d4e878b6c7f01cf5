"""Which tenants an account belongs to, and its roles there.

The platform keeps an index, `membership` (account → tenants where it has a roster entry). It is a
superset: a row is written before the tenant transaction that links a person and stays when the
person is deactivated, so a crash between the two storages can only make the index say "maybe",
never hide a tenant. Every answer about roles still comes from the tenant's own storage.

The index row and the `access_version` bump are bookkeeping of the action that caused them (its
audit entry records the change itself), written just outside that action's transaction because
they live in the other storage; neither is audited on its own.

`roles_in(tenant_row, account_id)` is the one question every door asks ("has this account a role
in this tenant?"): token issue, `/me`. It opens only the tenant asked about; `/me` and sign-in open
only the tenants in the index, never every tenant's storage.
"""

from __future__ import annotations

from typing import Any

from core.access.enforcers import ACCESS
from core.caching import announce, forget_tenant
from core.tenancy.context import bind_tenant
from core.tenancy.tables import Membership, Tenant

__all__ = [
    "access_changed",
    "index_membership",
    "roles_in",
    "tenants_of",
]


async def index_membership(account_id: int, slug: str) -> None:
    """Record that `account_id` has (or is about to have) a roster entry in `slug`; a pair
    already there (the unique index) is left as it is."""
    await Membership.insert(Membership(account_id=account_id, tenant=slug)).on_conflict(
        action="DO NOTHING"
    )


async def tenants_of(account_id: int) -> list[str]:
    rows = await Membership.select(Membership.tenant).where(Membership.account_id == account_id)
    return sorted(r["tenant"] for r in rows)


async def roles_in(tenant: dict[str, Any], account_id: int) -> list[str]:
    """The account's roles in the tenant of registry row `tenant` (whatever its status), from
    that tenant's enforcer at the row's access version."""
    with bind_tenant(tenant):
        access = await ACCESS.for_bound_tenant(tenant["plugin"], tenant.get("access_version"))
        return access.roles_of(account_id)


async def access_changed(slug: str) -> None:
    """After a change of roles (or of who is active) committed in `slug`'s storage: drop this
    process's enforcer and bump the tenant's version, which every other process compares on its
    next request. Registered with `after_commit` by every action that changes access."""
    ACCESS.invalidate(slug)
    forget_tenant(slug)
    await Tenant.update({Tenant.access_version: Tenant.access_version + 1}).where(
        Tenant.slug == slug
    )
    await announce("tenant", slug)
