"""Deny by default: every route declares a permission; the role × route matrix follows policy."""

from __future__ import annotations

from litestar import get

from core.access.permissions import ALL_PERMISSIONS, Permission
from core.access.policy import DEFAULT_POLICY
from tests.routes import all_routes
from tests.world import World

#: One person per role in tenant alpha (tests/world.py).
ROLE_HOLDERS = {
    "secretary": "a.sec",
    "deputy_secretary": "a.dep",
    "member": "a.mem",
    "attendee": "a.att",
    "inspector": "a.insp",
    "clerk": "a.clerk",
    "unit_admin": "a.admin",
}


async def test_every_route_declares_a_known_permission(api: World) -> None:
    routes = all_routes(api.app)
    assert len(routes) >= 15
    undeclared = [(r.method, r.template) for r in routes if r.permission is None]
    assert undeclared == []
    unknown = [(r.method, r.template) for r in routes if r.permission not in ALL_PERMISSIONS]
    assert unknown == []


async def test_route_without_permission_is_refused(api: World) -> None:
    @get("/api/v1/undeclared-probe", sync_to_thread=False)
    def probe() -> dict[str, str]:
        return {"leaked": "yes"}

    from tests.world import app_for

    app = app_for(api)
    app.register(probe)
    import httpx

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        r = await client.get("/api/v1/undeclared-probe")
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "access.undeclared"
    assert "leaked" not in r.text


def _allowed(role: str, perm: Permission) -> bool:
    return perm in DEFAULT_POLICY[role]


async def test_role_route_matrix_matches_policy(api: World) -> None:
    cases = [
        c
        for c in all_routes(api.app)
        if c.is_tenant and c.permission is not None and c.permission.scope == "tenant"
    ]
    assert cases
    checked = 0
    me = {}
    for role, login in ROLE_HOLDERS.items():
        headers = await api.auth(login, "alpha")
        r = await api.api.get("/api/v1/me", headers=headers)
        me[role] = r.json()["tenants"][0]["roles"]
        assert me[role] == [role]
        for case in cases:
            assert case.permission is not None
            # Empty bodies: an allowed write fails validation (400) and changes nothing.
            path = case.path(tenant="alpha", person_id=1)
            body = {} if case.method in ("POST", "PUT", "PATCH") else None
            r = await api.api.request(case.method, path, headers=headers, json=body)
            if _allowed(role, case.permission):
                assert r.status_code != 403, (role, case, r.text)
            else:
                assert r.status_code == 403, (role, case, r.text)
                assert r.json()["error"]["code"] == "access.denied"
            checked += 1
    assert checked == len(cases) * len(ROLE_HOLDERS)


async def test_platform_routes_need_an_operator(api: World) -> None:
    member = await api.session("a.mem")
    operator = await api.session("op")
    for case in [
        c
        for c in all_routes(api.app)
        if c.permission is not None and c.permission.scope == "platform" and c.method == "GET"
    ]:
        path = case.path(slug="alpha")
        r = await api.api.get(path, headers=member)
        assert r.status_code == 403 and r.json()["error"]["code"] == "access.denied"
        r = await api.api.get(path, headers=operator)
        assert r.status_code == 200, r.text
    # A tenant-scoped token cannot reach platform routes even for an operator's account.
    r = await api.api.get("/api/v1/platform/tenants", headers=await api.auth("a.admin", "alpha"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.token_scope"


async def test_operator_without_role_cannot_read_tenant(api: World) -> None:
    operator = await api.session("op")
    r = await api.api.get("/api/v1/t/alpha/members", headers=operator)
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "tenant.not_found"


async def test_role_change_takes_effect_and_is_audited(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    clerk = await api.auth("a.clerk", "alpha")
    people = (await api.api.get("/api/v1/t/alpha/members", headers=admin)).json()
    clerk_id = next(p["id"] for p in people if p["login"] == "a.clerk")
    assert (await api.api.get("/api/v1/t/alpha/audit", headers=clerk)).status_code == 403
    r = await api.api.put(
        f"/api/v1/t/alpha/members/{clerk_id}/roles",
        headers=admin,
        json={"roles": ["clerk", "inspector"]},
    )
    assert r.status_code == 200 and r.json()["roles"] == ["clerk", "inspector"]
    try:
        r = await api.api.get("/api/v1/t/alpha/audit?action=roles.set", headers=clerk)
        assert r.status_code == 200, r.text
        entry = r.json()[0]
        assert entry["action"] == "roles.set"
        assert entry["actor_login"] == "a.admin"
        assert entry["actor_roles"] == "unit_admin"
        assert entry["details"]["granted"] == ["inspector"]
        assert entry["ip"] == "127.0.0.1"
    finally:
        r = await api.api.put(
            f"/api/v1/t/alpha/members/{clerk_id}/roles", headers=admin, json={"roles": ["clerk"]}
        )
        assert r.status_code == 200
    assert (await api.api.get("/api/v1/t/alpha/audit", headers=clerk)).status_code == 403
