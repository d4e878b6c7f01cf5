"""Per-request context: who is calling, and for routes under `/t/{tenant}`, which tenant.

Runs after routing (Litestar route middleware), so `path_params` are known. The tenant is resolved
once here, checked against the caller (token scope, at least one role in that tenant) and bound in
the ContextVar for the rest of the request. A tenant that does not exist and one the caller has no
role in give the same answer, `tenant.not_found`.
"""

from __future__ import annotations

from dataclasses import dataclass
from http.cookies import SimpleCookie
from ipaddress import ip_address
from typing import Any

from litestar.types import ASGIApp, Receive, Scope, Send

from core.access.enforcers import ACCESS, TenantAccess
from core.accounts.services import Principal, authenticate_bearer, authenticate_session
from core.audit.actions import Actor
from core.errors import AuthRequired, CsrfFailed, TenantNotFound, TenantSuspended, TokenScope
from core.settings import get_settings
from core.tenancy.context import bind_tenant
from core.tenancy.registry import get_tenant
from core.tenancy.storage import get_storage
from core.tenancy.tables import Person

__all__ = ["RequestContext", "RequestContextMiddleware", "client_address"]

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_HEADER = "x-csrf-token"


@dataclass
class RequestContext:
    principal: Principal | None = None
    ip: str = ""
    client: str = ""
    tenant: dict[str, Any] | None = None
    access: TenantAccess | None = None
    roles: tuple[str, ...] = ()
    session_secret: str = ""
    #: For oversight routes: the tenants of the body this reader may read (set by the guard).
    oversight_tenants: list[str] | None = None

    def actor(self) -> Actor:
        p = self.principal
        if p is None:
            return Actor(account_id=None, login="anonymous", ip=self.ip, client=self.client)
        roles = self.roles or (("operator",) if p.is_operator else ())
        return Actor(
            account_id=p.account_id,
            login=p.login,
            roles=roles,
            ip=self.ip,
            client=self.client,
            is_operator=p.is_operator,
        )


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def client_address(scope: Scope, headers: dict[str, str]) -> str:
    """The peer address; `X-Forwarded-For` is believed only from configured trusted proxies."""
    peer = (scope.get("client") or ("", 0))[0] or ""
    trusted = get_settings().trusted_proxies
    forwarded = headers.get("x-forwarded-for")
    if forwarded and peer in trusted:
        candidate = forwarded.split(",")[0].strip()
        try:
            return str(ip_address(candidate))
        except ValueError:
            return peer
    return peer


async def _authenticate(headers: dict[str, str], ctx: RequestContext) -> None:
    auth = headers.get("authorization", "")
    if auth:
        kind, _, secret = auth.partition(" ")
        if kind.lower() != "bearer" or not secret.strip():
            raise AuthRequired()
        ctx.principal = await authenticate_bearer(secret.strip())
        return
    cookie_name = get_settings().auth.session_cookie
    if "cookie" in headers:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(headers["cookie"])
        except Exception:  # a malformed cookie header is the same as none
            return
        if cookie_name in jar and jar[cookie_name].value:
            ctx.session_secret = jar[cookie_name].value
            ctx.principal = await authenticate_session(ctx.session_secret)


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        ctx = RequestContext(
            ip=client_address(scope, headers), client=headers.get("user-agent", "")[:300]
        )
        scope.setdefault("state", {})["yishi"] = ctx
        await _authenticate(headers, ctx)
        p = ctx.principal
        if p is not None and p.via == "session" and scope.get("method", "GET") not in SAFE_METHODS:
            # Cookie sessions must echo the session's CSRF token; bearer tokens are not ambient
            # credentials and need no such check.
            if headers.get(CSRF_HEADER, "") != p.csrf_token:
                raise CsrfFailed()
        slug = scope.get("path_params", {}).get("tenant")
        if slug is None:
            await self.app(scope, receive, send)
            return
        if p is None:
            raise AuthRequired()
        if p.via != "session" and (p.via != "tenant" or p.scope != slug):
            # Compared before any lookup: the answer is the same whether `slug` exists or not.
            raise TokenScope(scope=p.scope_label)
        tenant = await get_tenant(slug)
        if tenant is None:
            raise TenantNotFound()
        with bind_tenant(slug, get_storage().role_prefix):
            access = await ACCESS.for_bound_tenant(tenant["plugin"])
            roles = tuple(access.roles_of(p.account_id))
            if not roles:
                raise TenantNotFound()
            if tenant["status"] != "active":
                raise TenantSuspended()
            ctx.tenant, ctx.access, ctx.roles = tenant, access, roles
            if scope.get("method", "GET") in SAFE_METHODS:
                # A read request sees one consistent snapshot through one connection (one
                # `SET LOCAL` on PostgreSQL, one file open on SQLite) instead of one per query.
                # Writes open their own transaction in their `do_*` service.
                async with Person._meta.db.transaction():
                    await self.app(scope, receive, send)
            else:
                await self.app(scope, receive, send)
