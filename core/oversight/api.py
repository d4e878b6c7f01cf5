"""The oversight API: a municipal body reads the tenants it oversees."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get
from litestar.params import PathParameter

from core.access.permissions import OVERSIGHT_READ
from core.api import context_of
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
        """Checked by the app-wide guard against the body's own enforcer."""
        slugs = context_of(request).oversight_tenants or []
        return [OverseenTenant(**r) for r in await overseen_tenants(slugs)]
