"""The permission vocabulary: every route declares one of these in its `opt["permission"]`.

Tenant permissions are checked by casbin in the tenant's domain; platform permissions need an
operator; `PUBLIC` and `SIGNED_IN` need no role. A route that declares none is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ALL_PERMISSIONS",
    "AUDIT_READ",
    "MEMBERS_READ",
    "MEMBERS_WRITE",
    "OVERSIGHT_READ",
    "PLATFORM_ACCOUNTS_WRITE",
    "PLATFORM_TENANTS_READ",
    "PUBLIC",
    "ROLES",
    "SETTINGS_READ",
    "SETTINGS_WRITE",
    "SIGNED_IN",
    "TENANT_READ",
    "Permission",
]

#: Access roles a person can hold in a tenant (RULES.md vocabulary, plus the unit admin).
ROLES = (
    "secretary",
    "deputy_secretary",
    "member",
    "attendee",
    "inspector",
    "clerk",
    "unit_admin",
)
#: Roles that make a person one of the body's members (members expected, votes).
BODY_ROLES = ("secretary", "deputy_secretary", "member")


@dataclass(frozen=True, slots=True)
class Permission:
    scope: str  # "public" | "signed_in" | "platform" | "tenant"
    obj: str = ""
    act: str = ""
    zh: str = ""

    def __str__(self) -> str:
        return f"{self.scope}:{self.obj}.{self.act}" if self.obj else self.scope


PUBLIC = Permission("public", zh="公开")
SIGNED_IN = Permission("signed_in", zh="已登录")

PLATFORM_TENANTS_READ = Permission("platform", "tenants", "read", "查看单位列表")
PLATFORM_ACCOUNTS_WRITE = Permission("platform", "accounts", "write", "管理平台账号")

TENANT_READ = Permission("tenant", "tenant", "read", "查看本单位概况")
MEMBERS_READ = Permission("tenant", "members", "read", "查看成员与角色")
MEMBERS_WRITE = Permission("tenant", "members", "write", "管理成员与角色")
AUDIT_READ = Permission("tenant", "audit", "read", "查看审计记录")
SETTINGS_READ = Permission("tenant", "settings", "read", "查看规则设置")
SETTINGS_WRITE = Permission("tenant", "settings", "write", "修改规则设置")

#: Checked against the oversight body's own enforcer (core/oversight), not a tenant's.
OVERSIGHT_READ = Permission("oversight", "oversight", "read", "监督机构读取")

ALL_PERMISSIONS = tuple(p for p in list(globals().values()) if isinstance(p, Permission))
