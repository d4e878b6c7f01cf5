"""The tenant bound to the current request or job.

Resolved once (by the ASGI middleware, the CLI or a job middleware) and read by the data layer.
Nothing reads tenant storage without it: the tenant engine raises `TenantNotBound` instead.

A tenant's schema (PostgreSQL; the SQLite file stem) and database role are derived once, when the
tenant is created (`tenant_names`), stored on its registry row, and bound from there
(`bind_tenant(row)`, or `async with bind_slug(slug)` when only the slug is at hand). Binding never
re-derives names, so a change of derivation never moves an existing tenant.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from core.errors import TenantNotBound, TenantNotFound
from core.settings import ROLE_PREFIX_MAX

__all__ = [
    "NAME_MAX",
    "ROLE_PREFIX_MAX",
    "SLUG_RE",
    "BoundTenant",
    "bind_slug",
    "bind_tenant",
    "current_tenant",
    "lookup_tenant",
    "require_tenant",
    "schema_name",
    "stored_names",
    "tenant_names",
]

#: Lowercase letters, digits and single hyphens; 2–40 characters; starts with a letter.
SLUG_RE = re.compile(r"^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$")
#: PostgreSQL cuts identifiers at 63 bytes (NAMEDATALEN - 1), silently.
NAME_MAX = 63
DIGEST_CHARS = 12


@dataclass(frozen=True, slots=True)
class BoundTenant:
    slug: str
    schema: str
    role: str


_current: ContextVar[BoundTenant | None] = ContextVar("yishi_current_tenant", default=None)


def schema_name(slug: str) -> str:
    """PostgreSQL schema (and SQLite file stem) of a new tenant: `t_` + slug with `-` → `_`.

    One-to-one (a slug has no `_`) and at most 42 bytes (a slug has at most 40 characters).
    """
    if not SLUG_RE.match(slug):
        raise ValueError(f"not a tenant slug: {slug!r}")
    return "t_" + slug.replace("-", "_")


def tenant_names(slug: str, role_prefix: str) -> BoundTenant:
    """Schema and role names for a new tenant; both within 63 bytes, never shared by two slugs.

    The role is `<prefix>_t_<readable start of the slug>_<12 hex of SHA-256(slug)>`: the digest
    separates slugs that share their start, and the readable part is cut so the whole fits.
    """
    schema = schema_name(slug)
    if not role_prefix or len(role_prefix) > ROLE_PREFIX_MAX:
        raise ValueError(f"role prefix must have 1–{ROLE_PREFIX_MAX} characters: {role_prefix!r}")
    digest = hashlib.sha256(slug.encode()).hexdigest()[:DIGEST_CHARS]
    room = NAME_MAX - len(role_prefix) - len("_t__") - DIGEST_CHARS
    readable = schema[2:][:room].rstrip("_")
    role = f"{role_prefix}_t_{readable}_{digest}"
    assert len(role.encode()) <= NAME_MAX and len(schema.encode()) <= NAME_MAX
    return BoundTenant(slug=slug, schema=schema, role=role)


def stored_names(tenant: Mapping[str, Any] | BoundTenant) -> BoundTenant:
    """The names recorded on a tenant's registry row (never derived again)."""
    if isinstance(tenant, BoundTenant):
        return tenant
    if isinstance(tenant, str):
        raise TypeError("bind_tenant takes the tenant's row; with only a slug use bind_slug(slug)")
    schema, role = tenant.get("schema_name") or "", tenant.get("role_name") or ""
    if not schema or not role:
        raise TenantNotBound(
            "单位 {slug} 缺少存储名称，请先运行 yishi migrate。",
            "Tenant {slug} has no storage names recorded: run `yishi migrate`.",
            slug=tenant.get("slug", "?"),
        )
    return BoundTenant(slug=tenant["slug"], schema=schema, role=role)


def current_tenant() -> BoundTenant | None:
    return _current.get()


def require_tenant() -> BoundTenant:
    bound = _current.get()
    if bound is None:
        raise TenantNotBound()
    return bound


@contextmanager
def bind_tenant(tenant: Mapping[str, Any] | BoundTenant) -> Iterator[BoundTenant]:
    """Bind a tenant, given its registry row (or its names), for the duration of the block."""
    bound = stored_names(tenant)
    token = _current.set(bound)
    try:
        yield bound
    finally:
        _current.reset(token)


async def lookup_tenant(slug: str) -> BoundTenant | None:
    """The stored names of registered tenant `slug`, or None."""
    from core.tenancy.tables import Tenant  # the registry table; imported when first needed

    if not SLUG_RE.match(slug):
        return None
    row = (
        await Tenant.select(Tenant.slug, Tenant.schema_name, Tenant.role_name)
        .where(Tenant.slug == slug)
        .first()
    )
    return None if row is None else stored_names(row)


@asynccontextmanager
async def bind_slug(slug: str) -> AsyncIterator[BoundTenant]:
    """`async with bind_slug("alpha"):` binds a registered tenant by its slug (one lookup)."""
    bound = await lookup_tenant(slug)
    if bound is None:
        raise TenantNotFound()
    with bind_tenant(bound):
        yield bound
