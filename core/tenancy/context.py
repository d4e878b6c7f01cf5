"""The tenant bound to the current request or job.

Resolved once (by the ASGI middleware, the CLI or a job middleware) and read by the data layer.
Nothing reads tenant storage without it: the tenant engine raises `TenantNotBound` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from core.errors import TenantNotBound

__all__ = [
    "SLUG_RE",
    "BoundTenant",
    "bind_tenant",
    "current_tenant",
    "require_tenant",
    "schema_name",
]

#: Lowercase letters, digits and single hyphens; 2–40 characters; starts with a letter.
SLUG_RE = re.compile(r"^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$")


@dataclass(frozen=True, slots=True)
class BoundTenant:
    slug: str
    schema: str
    role: str


_current: ContextVar[BoundTenant | None] = ContextVar("yishi_current_tenant", default=None)


def schema_name(slug: str) -> str:
    """PostgreSQL schema (and SQLite file stem) of a tenant: `t_` + slug with `-` → `_`."""
    return "t_" + slug.replace("-", "_")


def current_tenant() -> BoundTenant | None:
    return _current.get()


def require_tenant() -> BoundTenant:
    bound = _current.get()
    if bound is None:
        raise TenantNotBound()
    return bound


@contextmanager
def bind_tenant(slug: str, role_prefix: str = "") -> Iterator[BoundTenant]:
    """Bind `slug` for the duration of the block (request, job, CLI step)."""
    if not SLUG_RE.match(slug):
        raise ValueError(f"not a tenant slug: {slug!r}")
    schema = schema_name(slug)
    bound = BoundTenant(slug=slug, schema=schema, role=f"{role_prefix}_{schema}"[:63])
    token = _current.set(bound)
    try:
        yield bound
    finally:
        _current.reset(token)
