"""Shared helpers for the HTTP API handlers."""

from __future__ import annotations

from typing import Any

from litestar import Request

from core.tenancy.middleware import RequestContext

__all__ = ["context_of"]


def context_of(request: Request[Any, Any, Any]) -> RequestContext:
    ctx: RequestContext = request.scope["state"]["yishi"]
    return ctx
