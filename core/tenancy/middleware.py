"""Per-request context: who is calling, and for routes under `/t/{tenant}`, which tenant.

Runs after routing (Litestar route middleware), so `path_params` are known. The tenant is resolved
once here, checked against the caller (token scope, at least one role in that tenant) and bound in
the ContextVar for the rest of the request. A tenant that does not exist and one the caller has no
role in give the same answer, `tenant.not_found`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from http.cookies import SimpleCookie
from ipaddress import (
    IPv4Address,
    IPv4Network,
    IPv6Address,
    IPv6Network,
    ip_address,
    ip_network,
)
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Scope, Send

from core.access.enforcers import ACCESS, TenantAccess
from core.accounts.services import Principal, authenticate_bearer, authenticate_session
from core.audit.actions import Actor
from core.errors import AuthRequired, CsrfFailed, TenantNotFound, TenantSuspended, TokenScope
from core.settings import get_settings
from core.tenancy.context import bind_tenant
from core.tenancy.registry import request_tenant
from core.tenancy.tables import Person

__all__ = ["RequestContext", "RequestContextMiddleware", "client_address", "read_headers"]

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
        # Operator power only through a platform token or a cookie session (never a tenant token).
        operator = p.operator_power
        roles = self.roles or (("operator",) if operator else ())
        return Actor(
            account_id=p.account_id,
            login=p.login,
            roles=roles,
            ip=self.ip,
            client=self.client,
            is_operator=operator,
        )


#: The request headers this module reads; the others are never decoded.
_READ = frozenset({b"authorization", b"cookie", b"user-agent", b"x-csrf-token", b"x-forwarded-for"})


def read_headers(scope: Scope) -> dict[str, str]:
    """The headers read here, by lower-case name (the first of each; `X-Forwarded-For` is read
    in full from the scope by `client_address`)."""
    found: dict[str, str] = {}
    for k, v in scope["headers"]:
        name = k.lower()
        if name in _READ:
            found.setdefault(name.decode("latin-1"), v.decode("latin-1"))
    return found


@lru_cache(maxsize=8)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    """`YISHI_TRUSTED_PROXIES` as networks (an address or a CIDR range each); an entry that is
    neither is ignored, which trusts less, never more."""
    networks = []
    for entry in proxies:
        try:
            networks.append(ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return tuple(networks)


@lru_cache(maxsize=4096)
def _text(address: IPv4Address | IPv6Address) -> str:
    return str(address)


@lru_cache(maxsize=4096)
def _parse_ip(value: str) -> IPv4Address | IPv6Address | None:
    """Parsed once per distinct text (peers and proxies repeat; `ipaddress` is slow)."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    try:
        address = ip_address(value)
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_address(scope: Scope, headers: dict[str, str]) -> str:
    """The caller's address, decided by `YISHI_TRUSTED_PROXIES` alone.

    The peer is the address unless it is a trusted proxy. From a trusted proxy, `X-Forwarded-For`
    (every such header, in order) is walked from the right, past the trusted proxies: the first
    untrusted hop is the client. The leftmost values are whatever the client wrote, so they are
    never believed just for being there; an entry that is not an address stops the walk and
    never becomes the address (the last trusted hop does). The server's own proxy handling
    (uvicorn's `proxy_headers`) is turned off in `yishi serve`, so the peer is the real peer.
    """
    peer = (scope.get("client") or ("", 0))[0] or ""
    networks = _trusted_networks(get_settings().trusted_proxies)
    peer_ip = _parse_ip(peer)
    if peer_ip is None:
        return peer

    def trusted(address: IPv4Address | IPv6Address) -> bool:
        return any(address in network for network in networks)

    if not networks or not trusted(peer_ip):
        return _text(peer_ip)
    raw = [v.decode("latin-1") for k, v in scope["headers"] if k.lower() == b"x-forwarded-for"]
    if not raw and headers.get("x-forwarded-for"):
        raw = [headers["x-forwarded-for"]]
    hops = [hop for value in raw for hop in value.split(",")]
    address = peer_ip
    for hop in reversed(hops):
        hop_ip = _parse_ip(hop)
        if hop_ip is None:
            break
        address = hop_ip
        if not trusted(hop_ip):
            break
    return _text(address)


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


#: What every request is checked against once its context is known (`core.access.guards.authorize`,
#: given by the app: access sits above this module).
Authorize = Callable[[Scope, Receive, RequestContext], Awaitable[None]]


async def _no_checks(scope: Scope, receive: Receive, ctx: RequestContext) -> None:
    return None


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, authorize: Authorize = _no_checks) -> None:
        self.app = app
        self.authorize = authorize

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = read_headers(scope)
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
            await self.authorize(scope, receive, ctx)
            await self.app(scope, receive, send)
            return
        if p is None:
            raise AuthRequired()
        if p.via != "session" and (p.via != "tenant" or p.scope != slug):
            # Compared before any lookup: the answer is the same whether `slug` exists or not.
            raise TokenScope(scope=p.scope_label)
        tenant = await request_tenant(slug)
        if tenant is None:
            raise TenantNotFound()
        with bind_tenant(tenant):
            access = await ACCESS.for_bound_tenant(tenant["plugin"], tenant.get("access_version"))
            roles = tuple(access.roles_of(p.account_id))
            if not roles:
                raise TenantNotFound()
            if tenant["status"] != "active":
                raise TenantSuspended()
            ctx.tenant, ctx.access, ctx.roles = tenant, access, roles
            await self.authorize(scope, receive, ctx)
            if scope.get("method", "GET") in SAFE_METHODS:
                await _in_read_transaction(self.app, scope, receive, send)
            else:
                await self.app(scope, receive, send)


async def _in_read_transaction(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Run a read request in one transaction, ended as soon as its answer starts to go out.

    A read sees one consistent snapshot through one connection (one `SET LOCAL` on PostgreSQL,
    one file open on SQLite) instead of one per query. The connection goes back to the pool
    when the response starts, not after the body has been written to the socket: under load
    a connection held through the send waits on other requests' work, and the pool's queue
    with it. (Writes open their own transaction in their `do_*` service.)
    """
    transaction = Person._meta.db.transaction()
    await transaction.__aenter__()
    open_ = True

    async def end(exc: BaseException | None = None) -> None:
        nonlocal open_
        if open_:
            open_ = False
            await transaction.__aexit__(type(exc) if exc else None, exc, None)

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            await end()
        await send(message)

    try:
        await app(scope, receive, sending)
    except BaseException as exc:
        await end(exc)
        raise
    await end()
