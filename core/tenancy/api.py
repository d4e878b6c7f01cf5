"""Tenant routes (`/api/v1/t/{tenant}/…`: profile, members and roles) and operator routes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, patch, post, put
from litestar.params import JSONBody, PathParameter, QueryParameter

from core.access.permissions import (
    MEMBERS_READ,
    MEMBERS_WRITE,
    PLATFORM_ACCOUNTS_WRITE,
    PLATFORM_TENANTS_READ,
    ROLES,
    TENANT_READ,
)
from core.accounts.services import LOGIN_PATTERN, do_disable_account, do_enable_account
from core.api import context_of
from core.errors import TenantNotFound
from core.rules.plugins import hooks_for, tenant_policy
from core.tenancy.enrolment import do_issue_member_password_code
from core.tenancy.people import (
    access_people,
    access_person,
    do_enrol_person,
    do_issue_invitation,
    do_set_roles,
    do_update_person,
)
from core.tenancy.registry import get_tenant, list_tenants, tenant_settings

__all__ = ["MembersController", "PlatformController", "TenantController"]

Id = Annotated[int, PathParameter(ge=1, le=2**31 - 1)]
Slug = Annotated[str, PathParameter(max_length=40)]
Text100 = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Role = Annotated[str, msgspec.Meta(max_length=40)]


class PersonOut(msgspec.Struct):
    id: int
    #: The platform account, once the person has accepted their invitation; else null.
    account_id: int | None
    login: str
    name: str
    title: str
    rank: int
    areas: list[str]
    active: bool
    #: "invited" (waiting for the person to accept) or "linked" (has an account).
    status: str
    roles: list[str]


class InvitationOut(msgspec.Struct):
    """Shown once: hand it to the person (mail delivery comes with background work)."""

    code: str
    expires_at: datetime
    accept_with: str = "POST /api/v1/auth/invitations/accept"


class PersonEnrolled(msgspec.Struct):
    person: PersonOut
    invitation: InvitationOut


class PasswordCodeOut(msgspec.Struct):
    """Shown once: the person sets their own password with it."""

    login: str
    code: str
    expires_at: datetime
    use_with: str = "POST /api/v1/auth/password-code"


class PersonIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    login: Annotated[str, msgspec.Meta(pattern=LOGIN_PATTERN)]
    name: Text100
    title: Annotated[str, msgspec.Meta(max_length=200)] = ""
    rank: Annotated[int, msgspec.Meta(ge=0, le=1000)] = 0
    areas: list[Annotated[str, msgspec.Meta(max_length=50)]] = []
    roles: list[Role] = []


class PersonPatch(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    name: Text100 | None = None
    title: Annotated[str, msgspec.Meta(max_length=200)] | None = None
    rank: Annotated[int, msgspec.Meta(ge=0, le=1000)] | None = None
    areas: list[Annotated[str, msgspec.Meta(max_length=50)]] | None = None
    active: bool | None = None


class RolesIn(msgspec.Struct, forbid_unknown_fields=True):
    roles: list[Role]


class RolePermissions(msgspec.Struct):
    role: str
    permissions: list[str]


class TenantOut(msgspec.Struct):
    slug: str
    name: str
    name_en: str
    plugin: str
    jurisdiction: str
    rules_version: str
    status: str
    your_roles: list[str]


class TenantAdminOut(msgspec.Struct):
    slug: str
    name: str
    name_en: str
    plugin: str
    settings: dict[str, Any]
    status: str
    manifest: str
    created_at: datetime
    updated_at: datetime


def _person(row: dict[str, Any]) -> PersonOut:
    return msgspec.convert(row, PersonOut)


class TenantController(Controller):
    path = "/api/v1/t/{tenant:str}"
    tags = ["tenant 单位"]

    @get("/", opt={"permission": TENANT_READ}, summary="本单位概况 This tenant")
    async def show(self, request: Request[Any, Any, Any]) -> TenantOut:
        ctx = context_of(request)
        t = ctx.tenant
        assert t is not None
        info = hooks_for(t["plugin"]).jurisdiction()
        return TenantOut(
            slug=t["slug"],
            name=t["name"],
            name_en=t["name_en"],
            plugin=t["plugin"],
            jurisdiction=info.body_zh,
            rules_version=info.rules_version,
            status=t["status"],
            your_roles=list(ctx.roles),
        )

    @get(
        "/roles",
        opt={"permission": MEMBERS_READ},
        summary="角色及其权限 Roles and their permissions",
    )
    async def roles(self, request: Request[Any, Any, Any]) -> list[RolePermissions]:
        t = context_of(request).tenant
        assert t is not None
        policy = tenant_policy(t["plugin"])
        return [RolePermissions(r, [str(p) for p in policy.get(r, ())]) for r in ROLES]


class MembersController(Controller):
    path = "/api/v1/t/{tenant:str}/members"
    tags = ["members 成员"]

    @get("/", opt={"permission": MEMBERS_READ}, summary="名册与角色 Roster and roles")
    async def index(
        self,
        request: Request[Any, Any, Any],
        include_inactive: Annotated[bool, QueryParameter()] = False,
    ) -> list[PersonOut]:
        actor = context_of(request).actor()
        rows = await access_people(actor, include_inactive=include_inactive)
        return [_person(r) for r in rows]

    @get("/{person_id:int}", opt={"permission": MEMBERS_READ}, summary="一名成员 One person")
    async def show(self, request: Request[Any, Any, Any], person_id: Id) -> PersonOut:
        return _person(await access_person(context_of(request).actor(), person_id))

    @post(
        "/",
        opt={"permission": MEMBERS_WRITE},
        status_code=201,
        summary="邀请加入名册 Enrol a person by invitation",
        description=(
            "名册条目、角色与一次性邀请码在同一事务中写入；本人接受邀请后才关联账号。"
            "无论该登录名是否已存在，回答都相同。 The roster entry, its roles and a one-time "
            "invitation code are written in one transaction; the account is linked only when the "
            "person accepts. The answer is the same whether or not the login exists."
        ),
    )
    async def add(
        self, request: Request[Any, Any, Any], data: JSONBody[PersonIn]
    ) -> PersonEnrolled:
        row, invitation = await do_enrol_person(
            login=data.login,
            name=data.name,
            title=data.title,
            rank=data.rank,
            areas=data.areas,
            roles=data.roles,
            actor=context_of(request).actor(),
        )
        return PersonEnrolled(_person(row), InvitationOut(invitation.code, invitation.expires_at))

    @post(
        "/{person_id:int}/invitation",
        opt={"permission": MEMBERS_WRITE},
        status_code=201,
        summary="重新发送邀请码 A new invitation code (earlier ones stop working)",
    )
    async def invite(self, request: Request[Any, Any, Any], person_id: Id) -> InvitationOut:
        invitation = await do_issue_invitation(person_id, actor=context_of(request).actor())
        return InvitationOut(invitation.code, invitation.expires_at)

    @post(
        "/{person_id:int}/password-code",
        opt={"permission": MEMBERS_WRITE},
        status_code=201,
        summary="发放密码重置码 A one-time code for the person to set a new password",
        description=(
            "仅限只属于本单位、非平台运维的账号；使用后结束其全部会话和令牌。 Only for an "
            "account that belongs to this unit alone and is not an operator; using the code "
            "ends all its sessions and tokens."
        ),
    )
    async def password_code(
        self, request: Request[Any, Any, Any], person_id: Id
    ) -> PasswordCodeOut:
        issued = await do_issue_member_password_code(person_id, actor=context_of(request).actor())
        return PasswordCodeOut(issued.login, issued.code, issued.expires_at)

    @patch(
        "/{person_id:int}",
        opt={"permission": MEMBERS_WRITE},
        summary="修改名册信息 Update a person",
    )
    async def update(
        self, request: Request[Any, Any, Any], person_id: Id, data: JSONBody[PersonPatch]
    ) -> PersonOut:
        changes = {
            f: getattr(data, f) for f in data.__struct_fields__ if getattr(data, f) is not None
        }
        row = await do_update_person(person_id, actor=context_of(request).actor(), **changes)
        return _person(row)

    @put(
        "/{person_id:int}/roles",
        opt={"permission": MEMBERS_WRITE},
        summary="设置角色 Set a person's roles",
    )
    async def set_roles(
        self, request: Request[Any, Any, Any], person_id: Id, data: JSONBody[RolesIn]
    ) -> PersonOut:
        row = await do_set_roles(person_id, data.roles, actor=context_of(request).actor())
        return _person(row)


def _tenant_admin(row: dict[str, Any]) -> TenantAdminOut:
    return TenantAdminOut(
        slug=row["slug"],
        name=row["name"],
        name_en=row["name_en"],
        plugin=row["plugin"],
        settings=tenant_settings(row),
        status=row["status"],
        manifest=row["manifest"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class PlatformController(Controller):
    path = "/api/v1/platform"
    tags = ["platform 平台运维"]

    @get("/tenants", opt={"permission": PLATFORM_TENANTS_READ}, summary="单位列表 Tenants")
    async def tenants(self) -> list[TenantAdminOut]:
        return [_tenant_admin(r) for r in await list_tenants()]

    @get(
        "/tenants/{slug:str}",
        opt={"permission": PLATFORM_TENANTS_READ},
        summary="单位详情 Tenant details",
    )
    async def tenant(self, slug: Slug) -> TenantAdminOut:
        row = await get_tenant(slug)
        if row is None:
            raise TenantNotFound()
        return _tenant_admin(row)

    @post(
        "/accounts/{account_id:int}/disable",
        opt={"permission": PLATFORM_ACCOUNTS_WRITE},
        status_code=204,
        summary="停用账号并终止其会话与令牌 Disable an account",
    )
    async def disable(self, request: Request[Any, Any, Any], account_id: Id) -> None:
        await do_disable_account(account_id, actor=context_of(request).actor())

    @post(
        "/accounts/{account_id:int}/enable",
        opt={"permission": PLATFORM_ACCOUNTS_WRITE},
        status_code=204,
        summary="恢复账号 Enable an account",
    )
    async def enable(self, request: Request[Any, Any, Any], account_id: Id) -> None:
        await do_enable_account(account_id, actor=context_of(request).actor())
