"""Which tenants an account belongs to, and its roles there.

`tenant_roles(account_id, slug)` is the one question every door asks ("has this account a role in
this tenant?"): token issue, sign-in scoping, `/me`. It opens only the tenant asked about.
"""

from __future__ import annotations

from core.access.enforcers import ACCESS
from core.tenancy.context import bind_tenant
from core.tenancy.registry import get_tenant
from core.tenancy.storage import get_storage

__all__ = ["tenant_roles"]


async def tenant_roles(account_id: int, slug: str, *, active_only: bool = True) -> list[str]:
    """The account's roles in tenant `slug`; empty when the tenant is missing (or, with
    `active_only`, suspended) or the account has no role there."""
    tenant = await get_tenant(slug)
    if tenant is None or (active_only and tenant["status"] != "active"):
        return []
    with bind_tenant(slug, get_storage().role_prefix):
        access = await ACCESS.for_bound_tenant(tenant["plugin"])
        return access.roles_of(account_id)
