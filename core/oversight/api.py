"""The oversight API: a municipal body reads the tenants it oversees."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get
from litestar.params import PathParameter

from core.access.guards import register_scope
from core.access.permissions import OVERSIGHT_READ, Permission
from core.api import context_of
from core.errors import NotFound, TokenScope
from core.oversight.services import overseen_tenants, readable_tenants

__all__ = ["OversightController", "check_oversight"]


async def check_oversight(connection: Any, ctx: Any, principal: Any, perm: Permission) -> None:
    """The guard's check for `oversight` permissions: the body's own enforcer decides, where a
    reader's domain is the body's set of tenants. No such body and not a reader: one answer."""
    body = connection.path_params.get("oversight_body", "")
    if principal.via not in ("session", "oversight") or (
        principal.via == "oversight" and principal.scope != body
    ):
        raise TokenScope(scope=principal.scope_label)
    tenants = await readable_tenants(body, principal.account_id)
    if not tenants:
        raise NotFound()
    ctx.oversight_tenants = tenants


register_scope("oversight", check_oversight)


class OverseenTenant(msgspec.Struct):
    slug: str
    name: str
    plugin: str
    status: str


class OversightController(Controller):
    path = "/api/v1/oversight/{oversight_body:str}"
    tags = ["oversight 监督"]

    @get(
        "/tenants",
        opt={"permission": OVERSIGHT_READ},
        summary="本机构监督的单位 Tenants this oversight body reads",
    )
    async def tenants(
        self,
        request: Request[Any, Any, Any],
        oversight_body: Annotated[str, PathParameter(max_length=40)],
    ) -> list[OverseenTenant]:
        """Checked by the app-wide guard against the body's own enforcer."""
        slugs = context_of(request).oversight_tenants or []
        return [OverseenTenant(**r) for r in await overseen_tenants(slugs)]
