"""Deny by default: every route declares `opt={"permission": ...}`; one app-wide guard checks it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection, Request
from litestar.handlers.base import BaseRouteHandler

from core.access.permissions import Permission
from core.errors import AuthRequired, PermissionDenied, RouteUnguarded, TokenScope
from core.tenancy.middleware import RequestContext
from core.web.inputs import BODY_METHODS, body_check, check_body

__all__ = [
    "SCOPE_CHECKS",
    "authorize",
    "check_permission",
    "permission_guard",
    "register_scope",
    "required_permission",
]

#: Checks for permission scopes that a domain above access owns (e.g. `oversight`, registered by
#: `core.oversight.api`): access stays below those domains and never imports them.
ScopeCheck = Callable[[Any, Any, Any, Permission], Awaitable[None]]
SCOPE_CHECKS: dict[str, ScopeCheck] = {}


def register_scope(scope: str, check: ScopeCheck) -> None:
    SCOPE_CHECKS[scope] = check


def required_permission(handler: BaseRouteHandler) -> Permission | None:
    perm = handler.opt.get("permission")
    return perm if isinstance(perm, Permission) else None


async def check_permission(
    scope: Any, receive: Any, ctx: RequestContext, handler: BaseRouteHandler
) -> None:
    """Deny unless the caller of this request holds the route's declared permission."""
    perm = required_permission(handler)
    if perm is None:
        raise RouteUnguarded()
    if perm.scope == "public":
        return
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
        await check(Request(scope, receive), ctx, principal, perm)
        return
    if perm.scope == "tenant":
        if ctx.access is None or not ctx.access.allowed(principal.account_id, perm):
            raise PermissionDenied(permission=str(perm))
        return
    raise RouteUnguarded()


async def authorize(scope: Any, receive: Any, ctx: RequestContext) -> None:
    """Every request's checks before its handler, in this order: the permission (401/403), then
    the JSON body (415, 413, 400; core/web/inputs.py).

    Run by the request-context middleware for every route of the app, once the caller and the
    tenant are known and before a read transaction opens, so no layer can leave them out and a
    refused request costs no tenant query. (Litestar guards would do the same, but copy the
    route handler for every guard on every request: a tenth of a `/healthz`.)
    """
    handler = scope["route_handler"]
    await check_permission(scope, receive, ctx, handler)
    if scope.get("method") in BODY_METHODS and body_check(handler).takes_body:
        await check_body(Request(scope, receive), handler)


async def permission_guard(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """`check_permission` as a Litestar guard (for apps built without the request middleware)."""
    await check_permission(
        connection.scope, connection.receive, connection.scope["state"]["yishi"], handler
    )
