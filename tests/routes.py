"""Walking the application's registered routes, for the guard and isolation matrices."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.routes import HTTPRoute

from core.access.guards import required_permission
from core.access.permissions import Permission

PARAM = re.compile(r"\{(\w+):(\w+)\}")


@dataclass(frozen=True)
class RouteCase:
    method: str
    template: str
    permission: Permission | None
    handler_name: str

    @property
    def params(self) -> list[str]:
        return [name for name, _ in PARAM.findall(self.template)]

    def path(self, **values: Any) -> str:
        return PARAM.sub(lambda m: str(values[m.group(1)]), self.template)

    @property
    def is_tenant(self) -> bool:
        return "tenant" in self.params


def all_routes(app: Litestar) -> list[RouteCase]:
    cases = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            for method in sorted(handler.http_methods):
                if method in ("HEAD", "OPTIONS"):
                    continue
                cases.append(
                    RouteCase(
                        method, route.path, required_permission(handler), handler.handler_name
                    )
                )
    return cases


#: A well-formed body per route, so that a leak would show as success rather than a 400.
BODIES: dict[tuple[str, str], Any] = {
    ("PATCH", "/api/v1/t/{tenant:str}/members/{person_id:int}"): {"title": "改动"},
    ("PUT", "/api/v1/t/{tenant:str}/members/{person_id:int}/roles"): {"roles": ["member"]},
    ("POST", "/api/v1/t/{tenant:str}/members"): {"login": "x.new", "name": "新人"},
    ("PATCH", "/api/v1/t/{tenant:str}/settings"): {"values": {"major_funds_threshold_wan": 7}},
    ("POST", "/api/v1/t/{tenant:str}/rules/what-if"): {"expected": 5, "present": 5, "yes": 5},
}
