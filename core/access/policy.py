"""The default access policy (until a jurisdiction plugin supplies its own) and its casbin lines."""

from __future__ import annotations

from core.access.permissions import (
    AUDIT_READ,
    MEMBERS_READ,
    MEMBERS_WRITE,
    SETTINGS_READ,
    SETTINGS_WRITE,
    TENANT_READ,
    Permission,
)

__all__ = ["DEFAULT_POLICY", "policy_lines"]

_EVERYONE = (TENANT_READ, MEMBERS_READ)

#: role → tenant permissions. The unit admin configures; inspectors read the audit trail (纪检监察组
#: supervises); the secretary and clerk read settings because they run meetings under them.
DEFAULT_POLICY: dict[str, tuple[Permission, ...]] = {
    "secretary": (*_EVERYONE, SETTINGS_READ),
    "deputy_secretary": (*_EVERYONE, SETTINGS_READ),
    "member": _EVERYONE,
    "attendee": _EVERYONE,
    "inspector": (*_EVERYONE, AUDIT_READ, SETTINGS_READ),
    "clerk": (*_EVERYONE, SETTINGS_READ),
    "unit_admin": (*_EVERYONE, MEMBERS_WRITE, AUDIT_READ, SETTINGS_READ, SETTINGS_WRITE),
}


def policy_lines(policy: dict[str, tuple[Permission, ...]], domain: str) -> list[list[str]]:
    """casbin `p` lines `[role, domain, obj, act]` for one tenant."""
    return [[role, domain, p.obj, p.act] for role, perms in policy.items() for p in perms]
