"""One casbin enforcer per tenant, loaded with that tenant's policy only, decisions cached.

The `p` lines come from the tenant's jurisdiction plugin (or the core default); the `g` lines from
the tenant's own `role_grant` table, read under the tenant's binding. Role changes invalidate the
tenant's entry in the changing process after their transaction commits and bump the tenant's
`access_version` (platform registry); every other process compares that version, read with the
tenant's registry row (cached for at most `YISHI_CACHE_SECONDS`, core/caching.py), and reloads an
entry whose version differs. An entry also expires after `ttl` seconds: the bound should a bump
ever be lost (it is written just after the tenant's commit).
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import casbin

from core.access.permissions import Permission
from core.access.policy import policy_lines
from core.rules.plugins import tenant_policy
from core.tenancy.context import require_tenant
from core.tenancy.tables import RoleGrant

__all__ = ["ACCESS", "AccessRegistry", "TenantAccess", "casbin_model"]

MODEL_PATH = Path(__file__).with_name("model.conf")


@lru_cache(maxsize=1)
def _model_text() -> str:
    return MODEL_PATH.read_text()


def casbin_model() -> casbin.model.Model:
    model = casbin.model.Model()
    model.load_model_from_text(_model_text())
    return model


class TenantAccess:
    def __init__(
        self,
        slug: str,
        p_lines: list[list[str]],
        g_lines: list[list[str]],
        version: int | None = None,
    ) -> None:
        self.slug = slug
        self.version = version
        self.enforcer = casbin.Enforcer(casbin_model())
        if p_lines:
            self.enforcer.add_policies(p_lines)
        if g_lines:
            self.enforcer.add_grouping_policies(g_lines)
        self._decisions: dict[tuple[int, str, str], bool] = {}
        self._roles: dict[int, tuple[str, ...]] = {}
        self.loaded_at = time.monotonic()

    def roles_of(self, account_id: int) -> list[str]:
        """The account's roles here, sorted (asked on every request: remembered per account for
        the life of this entry, which is replaced whenever roles change)."""
        roles = self._roles.get(account_id)
        if roles is None:
            found = self.enforcer.get_roles_for_user_in_domain(str(account_id), self.slug)
            roles = self._roles[account_id] = tuple(sorted(found))
        return list(roles)

    def allowed(self, account_id: int, permission: Permission) -> bool:
        key = (account_id, permission.obj, permission.act)
        decision = self._decisions.get(key)
        if decision is None:
            decision = bool(
                self.enforcer.enforce(str(account_id), self.slug, permission.obj, permission.act)
            )
            self._decisions[key] = decision
        return decision


class AccessRegistry:
    def __init__(self, ttl: float = 30.0) -> None:
        self.ttl = ttl
        self._tenants: dict[str, TenantAccess] = {}

    async def for_bound_tenant(self, plugin: str, version: int | None = None) -> TenantAccess:
        """The enforcer of the tenant bound to this context (loading it if needed).

        `version` is the tenant's `access_version` as just read from the registry: an entry
        loaded under another version is stale and reloaded.
        """
        slug = require_tenant().slug
        entry = self._tenants.get(slug)
        if (
            entry is not None
            and (version is None or entry.version == version)
            and time.monotonic() - entry.loaded_at < self.ttl
        ):
            return entry
        rows = await RoleGrant.select(RoleGrant.role, RoleGrant.person.account_id).where(
            cast(Any, RoleGrant.person).active.eq(True)
        )
        # A person who has not accepted their invitation has no account yet, hence no access.
        g_lines = [
            [str(r["person.account_id"]), r["role"], slug]
            for r in rows
            if r["person.account_id"] is not None
        ]
        entry = TenantAccess(slug, policy_lines(tenant_policy(plugin), slug), g_lines, version)
        self._tenants[slug] = entry
        return entry

    def invalidate(self, slug: str) -> None:
        self._tenants.pop(slug, None)

    def clear(self) -> None:
        self._tenants.clear()


ACCESS = AccessRegistry()
