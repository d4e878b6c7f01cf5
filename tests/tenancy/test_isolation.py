"""Isolation: tenant B's slug and ids, tried in every place an id can go, answer like nothing."""

from __future__ import annotations

from typing import Any

import pytest

from core.tenancy.context import bind_slug
from core.tenancy.people import list_people
from core.tenancy.tables import Person
from tests.routes import BODIES, all_routes
from tests.world import World

MISSING_ID = 2_000_000_000
BETA_MARKERS = ('"b.', "乙")


def _leaks(text: str) -> bool:
    return any(m in text for m in BETA_MARKERS)


async def _ids(world: World, slug: str) -> set[int]:
    async with bind_slug(slug):
        return {p["id"] for p in await list_people(include_inactive=True)}


async def _call(
    world: World, method: str, path: str, headers: dict[str, str], body: Any
) -> tuple[int, str, str]:
    r = await world.api.request(
        method, path, headers=headers, json=body if method in ("POST", "PUT", "PATCH") else None
    )
    code = (
        r.json().get("error", {}).get("code", "")
        if r.headers.get("content-type", "").startswith("application/json") and r.status_code >= 400
        else ""
    )
    return r.status_code, code, r.text


async def test_cross_tenant_matrix(api: World, capsys: pytest.CaptureFixture[str]) -> None:
    app = api.app
    routes = [c for c in all_routes(app) if c.is_tenant]
    assert routes, "no tenant routes found"
    beta_only = sorted((await _ids(api, "beta")) - (await _ids(api, "alpha")))
    beta_all = sorted(await _ids(api, "beta"))
    assert beta_only, "beta must have ids that alpha does not"
    token = await api.auth("a.admin", "alpha")
    session = await api.session("a.admin")
    tried = leaked = 0
    mismatches = []

    for case in routes:
        body = BODIES.get((case.method, case.template), {})
        # 1. The slug: another tenant's slug answers exactly like a slug that does not exist,
        #    for a scoped token and for a cookie session (no scope limit).
        for who, headers in (("token", token), ("session", session)):
            other = await _call(
                api, case.method, case.path(tenant="beta", person_id=beta_all[0]), headers, body
            )
            missing = await _call(
                api,
                case.method,
                case.path(tenant="no-such-tenant", person_id=beta_all[0]),
                headers,
                body,
            )
            tried += 1
            if other[:2] != missing[:2] or other[0] < 400:
                mismatches.append((case, who, "slug", other[:2], missing[:2]))
            if _leaks(other[2]):
                leaked += 1
        # 2. Every id place: beta's ids inside alpha's routes answer like an id that does not
        #    exist; ids that exist in both tenants must show alpha's row, never beta's.
        id_params = [p for p in case.params if p != "tenant"]
        for param in id_params:
            missing = await _call(
                api, case.method, case.path(tenant="alpha", **{param: MISSING_ID}), token, body
            )
            # Writes only with ids alpha does not have: a shared id is alpha's own row.
            ids = beta_all if case.method == "GET" else beta_only
            for beta_id in ids:
                got = await _call(
                    api, case.method, case.path(tenant="alpha", **{param: beta_id}), token, body
                )
                tried += 1
                if _leaks(got[2]):
                    leaked += 1
                if beta_id in beta_only and got[:2] != missing[:2]:
                    mismatches.append((case, "token", param, got[:2], missing[:2]))

    with capsys.disabled():
        print(f"\n[{api.backend}] cross-tenant matrix: {tried} tried, {leaked} leaked")
    assert leaked == 0
    assert mismatches == []
    assert tried >= 2 * len(routes)


async def test_data_layer_fails_closed_without_tenant(api: World) -> None:
    from core.errors import TenantNotBound

    with pytest.raises(TenantNotBound):
        await Person.select()
    with pytest.raises(TenantNotBound):
        await Person.insert(Person(account_id=1, login="x", name="x"))


async def test_request_without_binding_is_refused(
    api: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remove the tenant binding from the request path: the data layer refuses, nothing leaks."""
    from contextlib import contextmanager

    import core.tenancy.middleware as mw
    from core.tenancy.context import BoundTenant

    headers = await api.auth("a.admin", "alpha")
    # Warm the enforcer cache, so the request gets past access checks to the data layer.
    assert (await api.api.get("/api/v1/t/alpha/members", headers=headers)).status_code == 200

    @contextmanager
    def no_binding(tenant: Any) -> Any:
        yield BoundTenant(slug=tenant["slug"], schema="", role="")

    monkeypatch.setattr(mw, "bind_tenant", no_binding)
    r = await api.api.get("/api/v1/t/alpha/members", headers=headers)
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "tenant.not_bound"
    assert "甲" not in r.text


async def test_other_schema_refused_by_database(api: World) -> None:
    if api.backend != "postgres":
        pytest.skip("role privileges are a PostgreSQL property")
    import asyncpg

    async with bind_slug("alpha"):
        rows = await Person.raw("SELECT count(*) AS n FROM person")
        assert rows[0]["n"] > 0
        with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
            await Person.raw("SELECT * FROM t_beta.person")
        with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
            await Person.raw("SELECT * FROM platform.account")
    # Outside any tenant transaction the application's login reads no tenant schema at all,
    # and a pooled connection carries nothing over from the last tenant (no reset query runs).
    await api.api.get("/api/v1/t/alpha/members", headers=await api.auth("a.admin", "alpha"))
    engine: Any = api.storage.tenant
    conn = await engine.pool.acquire()
    try:
        assert await conn.fetchval("SHOW search_path") == "pg_catalog, pg_temp"
        assert await conn.fetchval("SELECT current_user") == await conn.fetchval(
            "SELECT session_user"
        )
        assert not conn.is_in_transaction()
        with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
            await conn.fetch("SELECT * FROM t_alpha.person")
        with pytest.raises(asyncpg.exceptions.UndefinedTableError):
            await conn.fetch("SELECT * FROM person")
    finally:
        await engine.pool.release(conn)


async def test_concurrent_requests_of_two_tenants_never_mix(api: World) -> None:
    """Interleaved requests of alpha and beta in one event loop: each sees only its own rows."""
    import asyncio

    alpha = await api.auth("shared.insp", "alpha")
    beta = await api.auth("shared.insp", "beta")

    async def one(i: int) -> tuple[str, list[str]]:
        slug, headers = ("alpha", alpha) if i % 2 else ("beta", beta)
        r = await api.api.get(f"/api/v1/t/{slug}/members", headers=headers)
        assert r.status_code == 200, r.text
        return slug, [p["login"] for p in r.json()]

    results = await asyncio.gather(*(one(i) for i in range(60)))
    for slug, logins in results:
        own = "a." if slug == "alpha" else "b."
        assert all(login.startswith(own) or login == "shared.insp" for login in logins), slug
    assert {slug for slug, _ in results} == {"alpha", "beta"}
