"""Deny by default: every route declares `opt={"permission": ...}`; one app-wide guard checks it."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from core.access.permissions import Permission
from core.errors import AuthRequired, NotFound, PermissionDenied, RouteUnguarded, TokenScope
from core.oversight.services import readable_tenants
from core.tenancy.middleware import RequestContext

__all__ = ["permission_guard", "required_permission"]


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
    if perm.scope == "oversight":
        body = connection.path_params.get("oversight_body", "")
        if principal.via not in ("session", "oversight") or (
            principal.via == "oversight" and principal.scope != body
        ):
            raise TokenScope(scope=principal.scope_label)
        # The body's own enforcer: a reader's domain is the body's set of tenants.
        tenants = await readable_tenants(body, principal.account_id)
        if not tenants:  # no such body, or not a reader of it: the same answer
            raise NotFound()
        ctx.oversight_tenants = tenants
        return
    if perm.scope == "tenant":
        if ctx.access is None or not ctx.access.allowed(principal.account_id, perm):
            raise PermissionDenied(permission=str(perm))
        return
    raise RouteUnguarded()
