"""The oversight API: a municipal body reads the tenants it oversees."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get
from litestar.params import PathParameter

from core.access.permissions import OVERSIGHT_READ
from core.api import context_of
from core.errors import NotFound, TokenScope
from core.oversight.services import overseen_tenants

__all__ = ["OversightController"]


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
        p = context_of(request).principal
        assert p is not None
        if p.via not in ("session", "oversight") or (
            p.via == "oversight" and p.scope != oversight_body
        ):
            raise TokenScope(scope=p.scope_label)
        rows = await overseen_tenants(oversight_body, p.account_id)
        if rows is None:  # no such body, or not a reader of it: the same answer
            raise NotFound()
        return [OverseenTenant(**r) for r in rows]
