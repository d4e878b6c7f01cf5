"""Public routes that take a one-time code: accept an invitation, set a password."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, post
from litestar.params import JSONBody

from core.access.permissions import PUBLIC
from core.accounts.recovery import do_use_password_code
from core.accounts.services import LOGIN_PATTERN
from core.api import context_of
from core.tenancy.api import PersonOut
from core.tenancy.enrolment import do_accept_invitation

__all__ = ["CodesController"]

Code = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class AcceptIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    code: Code
    #: Not signed in: the login to use (default: the one proposed at enrolment). An existing
    #: account's login needs its password; a new login creates the account with `password`.
    login: Annotated[str, msgspec.Meta(pattern=LOGIN_PATTERN)] | None = None
    password: Annotated[str, msgspec.Meta(max_length=1000)] | None = None
    #: Create a new account with `login` and `password` (else: sign in to an existing one).
    create: bool = False


class Accepted(msgspec.Struct):
    tenant: str
    person: PersonOut
    #: Next: `POST /api/v1/auth/token` with scope `tenant:<tenant>`.
    scope: str


class PasswordCodeIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    code: Code
    new_password: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]


class CodesController(Controller):
    path = "/api/v1/auth"
    tags = ["auth 登录与令牌"]

    @post(
        "/invitations/accept",
        opt={"permission": PUBLIC},
        status_code=200,
        summary="接受邀请，关联或新建账号 Accept an invitation (link or create your account)",
    )
    async def accept(self, request: Request[Any, Any, Any], data: JSONBody[AcceptIn]) -> Accepted:
        ctx = context_of(request)
        p = ctx.principal
        # Only a cookie session counts as "signed in" here: a bearer token is limited to its
        # own scope (another tenant, a body, the platform) and is no consent for this one.
        signed_in = {"id": p.account_id, "login": p.login} if p and p.via == "session" else None
        slug, person = await do_accept_invitation(
            data.code,
            signed_in=signed_in,
            login=data.login,
            password=data.password,
            create=data.create,
            ip=ctx.ip,
            client=ctx.client,
            limiter=request.app.state.limiter,
        )
        return Accepted(slug, msgspec.convert(person, PersonOut), f"tenant:{slug}")

    @post(
        "/password-code",
        opt={"permission": PUBLIC},
        status_code=204,
        summary="用一次性设置码设置密码 Set your password with a one-time code",
    )
    async def use_code(
        self, request: Request[Any, Any, Any], data: JSONBody[PasswordCodeIn]
    ) -> None:
        ctx = context_of(request)
        await do_use_password_code(data.code, data.new_password, ip=ctx.ip, client=ctx.client)
