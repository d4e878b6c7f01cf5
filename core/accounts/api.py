"""Sign-in, tokens, sessions and the caller's own profile."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody, PathParameter

from core.access.permissions import PLATFORM_ACCOUNTS_WRITE, PUBLIC, SIGNED_IN
from core.accounts.ratelimit import FailureLimiter
from core.accounts.services import (
    do_change_password,
    do_create_session,
    do_end_session,
    do_issue_token,
    do_revoke_any_token,
    do_revoke_token,
    list_tokens,
    parse_scope,
    sign_in,
)
from core.api import context_of
from core.audit.actions import Actor
from core.settings import get_settings
from core.tenancy.membership import roles_in, tenants_of
from core.tenancy.tables import Tenant

__all__ = ["AuthController", "MeController", "PlatformTokensController"]

Login = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Password = Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]


class TokenRequest(msgspec.Struct, kw_only=True):
    """用账号密码换取访问令牌 Credentials exchanged for a bearer token."""

    #: 登录名 Login name.
    login: Login
    #: 密码 Password.
    password: Password
    #: 令牌范围 Where the token is valid: `tenant:<slug>`, `oversight:<slug>` or `platform`.
    scope: Annotated[str, msgspec.Meta(max_length=60)]
    #: 令牌名称，便于识别 A name to recognise the token by in the token list.
    name: Annotated[str, msgspec.Meta(max_length=100)] = ""
    #: 有效天数 Days until it expires.
    days: Annotated[int, msgspec.Meta(ge=1, le=366)] = 90


class TokenOut(msgspec.Struct):
    """访问令牌（不含密钥） A bearer token, without its secret."""

    #: 令牌编号 Token id.
    id: int
    #: 令牌名称 Its name.
    name: str
    #: 令牌开头几个字符，便于辨认 Its first characters, to recognise it.
    prefix: str
    #: 令牌范围 Where it is valid: `tenant:<slug>`, `oversight:<slug>` or `platform`.
    scope: str
    #: 签发时间（UTC） Issued at (UTC).
    created_at: datetime
    #: 过期时间（UTC） Expires at (UTC).
    expires_at: datetime
    #: 撤销时间；未撤销为 null Revoked at; null while valid.
    revoked_at: datetime | None
    #: 最近使用时间 Last used at.
    last_used_at: datetime | None


class TokenIssued(msgspec.Struct):
    """新签发的令牌 A newly issued token."""

    #: 令牌密钥，仅此一次显示，请求时放在 `Authorization: Bearer …` 中 The secret, shown only
    #: this once; send it as `Authorization: Bearer …`.
    token: str
    #: 令牌详情 The token's details.
    details: TokenOut


class LoginRequest(msgspec.Struct, kw_only=True):
    """网页登录 Sign-in for a cookie session."""

    #: 登录名 Login name.
    login: Login
    #: 密码 Password.
    password: Password


class PasswordChange(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    current_password: Password
    new_password: Password


class TenantRoles(msgspec.Struct):
    """本人在一个单位的角色 One's roles in one tenant."""

    #: 单位标识 Tenant slug.
    slug: str
    #: 单位名称 Tenant name.
    name: str
    #: 单位状态：active 或 suspended Tenant status: active or suspended.
    status: str
    #: 在该单位的角色 Roles held there (secretary, member, unit_admin, …).
    roles: list[str]


class Profile(msgspec.Struct):
    """本人资料 One's own profile."""

    #: 账号编号 Account id.
    id: int
    #: 登录名 Login name.
    login: str
    #: 姓名 Display name.
    display_name: str
    #: 是否平台运维 Whether a platform operator.
    is_operator: bool
    #: 登录方式：session 或令牌范围 How this request is signed in: `session` or the token scope.
    signed_in_via: str
    #: 有角色的单位（令牌只见其本单位） Tenants with a role (a tenant token sees only its own).
    tenants: list[TenantRoles]


class SessionStarted(msgspec.Struct):
    """网页会话已开始 A cookie session has started."""

    #: 写请求须在 `X-CSRF-Token` 头中带上此值 Send it as `X-CSRF-Token` on every write.
    csrf_token: str
    #: 本人资料 One's profile.
    profile: Profile


def _token_out(row: dict[str, Any]) -> TokenOut:
    scope = (
        row["scope_kind"]
        if row["scope_kind"] == "platform"
        else (f"{row['scope_kind']}:{row['scope']}")
    )
    return TokenOut(
        id=row["id"],
        name=row["name"],
        prefix=row["prefix"],
        scope=scope,
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        revoked_at=row["revoked_at"],
        last_used_at=row["last_used_at"],
    )


def _limiter(request: Request[Any, Any, Any]) -> FailureLimiter:
    limiter: FailureLimiter = request.app.state.limiter
    return limiter


async def _profile(account: dict[str, Any], via: str, slugs: list[str] | None = None) -> Profile:
    """The account's profile with its roles in `slugs` (default: every tenant the platform index
    names). Only those tenants are read (one registry query) and opened, never every tenant's
    storage; each one's own storage says the roles (suspended tenants show their status)."""
    if slugs is None:
        slugs = await tenants_of(account["id"])
    rows = (
        await Tenant.select().where(Tenant.slug.is_in(slugs)).order_by(Tenant.slug) if slugs else []
    )
    tenants = []
    for t in rows:
        if roles := await roles_in(t, account["id"]):
            tenants.append(TenantRoles(t["slug"], t["name"], t["status"], roles))
    return Profile(
        id=account["id"],
        login=account["login"],
        display_name=account["display_name"],
        is_operator=account["is_operator"],
        signed_in_via=via,
        tenants=tenants,
    )


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ["auth 登录与令牌"]

    @post(
        "/token",
        opt={"permission": PUBLIC},
        status_code=201,
        summary="用账号密码换取访问令牌 Exchange credentials for a bearer token",
    )
    async def issue_token(
        self, request: Request[Any, Any, Any], data: JSONBody[TokenRequest]
    ) -> TokenIssued:
        ctx = context_of(request)
        kind, scope = parse_scope(data.scope)
        account = await sign_in(
            data.login, data.password, ip=ctx.ip, client=ctx.client, limiter=_limiter(request)
        )
        actor = Actor(
            account_id=account["id"],
            login=account["login"],
            ip=ctx.ip,
            client=ctx.client,
            is_operator=account["is_operator"],
        )
        secret, row = await do_issue_token(
            account,
            kind,
            scope,
            actor=actor,
            name=data.name,
            days=data.days,
        )
        return TokenIssued(token=secret, details=_token_out(row))

    @post(
        "/login",
        opt={"permission": PUBLIC},
        status_code=200,
        summary="网页登录（Cookie 会话） Sign in with a cookie session",
    )
    async def login(
        self, request: Request[Any, Any, Any], data: JSONBody[LoginRequest]
    ) -> Response[SessionStarted]:
        ctx = context_of(request)
        settings = get_settings()
        account = await sign_in(
            data.login, data.password, ip=ctx.ip, client=ctx.client, limiter=_limiter(request)
        )
        secret, csrf = await do_create_session(
            account, ip=ctx.ip, client=ctx.client, hours=settings.auth.session_hours
        )
        body = SessionStarted(csrf_token=csrf, profile=await _profile(account, "session"))
        cookie = Cookie(
            key=settings.auth.session_cookie,
            value=secret,
            httponly=True,
            samesite="lax",
            secure=settings.production,
            path="/",
            max_age=settings.auth.session_hours * 3600,
        )
        return Response(body, cookies=[cookie])

    @post(
        "/logout",
        opt={"permission": SIGNED_IN},
        status_code=204,
        summary="退出：结束网页会话或撤销所用令牌 Sign out: end the session or revoke this token",
    )
    async def logout(self, request: Request[Any, Any, Any]) -> Response[None]:
        ctx = context_of(request)
        if ctx.session_secret:
            await do_end_session(ctx.session_secret, actor=ctx.actor())
        elif ctx.principal is not None and ctx.principal.token_id is not None:
            # A bearer "logout" revokes the very token that made the request.
            await do_revoke_token(ctx.principal.token_id, actor=ctx.actor(), reason="logout")
        return Response(
            None,
            status_code=204,
            cookies=[Cookie(key=get_settings().auth.session_cookie, value="", max_age=0, path="/")],
        )


class MeController(Controller):
    path = "/api/v1/me"
    tags = ["me 本人"]

    @get(
        "/",
        opt={"permission": SIGNED_IN},
        summary="本人资料及在各单位的角色 Own profile and roles per tenant",
    )
    async def me(self, request: Request[Any, Any, Any]) -> Profile:
        p = context_of(request).principal
        assert p is not None
        account = {
            "id": p.account_id,
            "login": p.login,
            "display_name": p.display_name,
            "is_operator": p.is_operator,
        }
        # A tenant token sees only its own tenant; oversight and platform tokens none.
        slugs = None if p.via == "session" else [p.scope] if p.via == "tenant" else []
        return await _profile(account, p.scope_label, slugs)

    @get("/tokens", opt={"permission": SIGNED_IN}, summary="本人的访问令牌 Own tokens")
    async def tokens(self, request: Request[Any, Any, Any]) -> list[TokenOut]:
        p = context_of(request).principal
        assert p is not None
        return [_token_out(r) for r in await list_tokens(p.account_id)]

    @delete(
        "/tokens/{token_id:int}",
        opt={"permission": SIGNED_IN},
        status_code=204,
        summary="撤销本人的令牌 Revoke one of your tokens",
    )
    async def revoke(
        self,
        request: Request[Any, Any, Any],
        token_id: Annotated[int, PathParameter(ge=1, le=2**31 - 1)],
    ) -> None:
        await do_revoke_token(token_id, actor=context_of(request).actor())

    @post(
        "/password",
        opt={"permission": SIGNED_IN},
        status_code=204,
        summary="修改本人密码（其他会话与令牌随即失效） Change own password (ends other sessions)",
    )
    async def change_password(
        self, request: Request[Any, Any, Any], data: JSONBody[PasswordChange]
    ) -> None:
        ctx = context_of(request)
        p = ctx.principal
        assert p is not None
        await do_change_password(
            data.current_password,
            data.new_password,
            actor=ctx.actor(),
            limiter=_limiter(request),
            keep_token_id=p.token_id,
            keep_session_secret=ctx.session_secret,
        )


class PlatformTokensController(Controller):
    path = "/api/v1/platform/tokens"
    tags = ["platform 平台运维"]

    @delete(
        "/{token_id:int}",
        opt={"permission": PLATFORM_ACCOUNTS_WRITE},
        status_code=204,
        summary="撤销任一账号的令牌 Revoke any account's token",
    )
    async def revoke_any(
        self,
        request: Request[Any, Any, Any],
        token_id: Annotated[int, PathParameter(ge=1, le=2**31 - 1)],
    ) -> None:
        await do_revoke_any_token(token_id, actor=context_of(request).actor())
