"""Deny by default: every route declares `opt={"permission": ...}`; one app-wide guard checks it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from core.access.permissions import Permission
from core.errors import AuthRequired, PermissionDenied, RouteUnguarded, TokenScope
from core.tenancy.middleware import RequestContext

__all__ = ["SCOPE_CHECKS", "permission_guard", "register_scope", "required_permission"]

#: Checks for permission scopes that a domain above access owns (e.g. `oversight`, registered by
#: `core.oversight.api`): access stays below those domains and never imports them.
ScopeCheck = Callable[[Any, Any, Any, Permission], Awaitable[None]]
SCOPE_CHECKS: dict[str, ScopeCheck] = {}


def register_scope(scope: str, check: ScopeCheck) -> None:
    SCOPE_CHECKS[scope] = check


def required_permission(handler: BaseRouteHandler) -> Permission | None:
    perm = handler.opt.get("permission")
    return perm if isinstance(perm, Permission) else None


async def permission_guard(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    perm = required_permission(handler)
    if perm is None:
        raise RouteUnguarded()
    if perm.scope == "public":
        return
    ctx: RequestContext = connection.scope["state"]["yishi"]
    principal = ctx.principal
    if principal is None:
        raise AuthRequired()
    if perm.scope == "signed_in":
        return
    if perm.scope == "platform":
        if principal.via not in ("session", "platform"):
            raise TokenScope(scope=principal.scope_label)
        if not principal.is_operator:
            raise PermissionDenied(permission=str(perm))
        return
    if (check := SCOPE_CHECKS.get(perm.scope)) is not None:
        await check(connection, ctx, principal, perm)
        return
    if perm.scope == "tenant":
        if ctx.access is None or not ctx.access.allowed(principal.account_id, perm):
            raise PermissionDenied(permission=str(perm))
        return
    raise RouteUnguarded()
