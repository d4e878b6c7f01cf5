"""Oversight readers: a domain that is a set of tenants, reached only with an oversight token."""

from __future__ import annotations

from core.accounts.services import account_by_login, do_create_account, do_set_password
from core.oversight.services import do_add_reader, do_create_body, get_body
from tests.world import PASSWORD, SYSTEM, World


async def _reader(api: World) -> None:
    if await get_body("city-watch") is None:
        await do_create_body("city-watch", "市监督机构（测试）", ["alpha", "beta"], actor=SYSTEM)
        await do_create_body("alpha-only", "甲监督（测试）", ["alpha"], actor=SYSTEM)
    if await account_by_login("watcher") is None:
        row = await do_create_account("watcher", "监督员", actor=SYSTEM)
        await do_set_password(row["id"], PASSWORD, actor=SYSTEM)
        await do_add_reader("city-watch", "watcher", actor=SYSTEM)


async def test_oversight_reader_sees_its_set_of_tenants(api: World) -> None:
    await _reader(api)
    token = await api.token("watcher", "oversight:city-watch")
    headers = {"Authorization": f"Bearer {token}"}
    r = await api.api.get("/api/v1/oversight/city-watch/tenants", headers=headers)
    assert r.status_code == 200, r.text
    assert [t["slug"] for t in r.json()] == ["alpha", "beta"]
    # Not a reader of that body: the same answer as a body that does not exist.
    r1 = await api.api.get("/api/v1/oversight/alpha-only/tenants", headers=headers)
    r2 = await api.api.get("/api/v1/oversight/no-body/tenants", headers=headers)
    assert r1.status_code == 403 and r1.json()["error"]["code"] == "auth.token_scope"
    assert r2.status_code == 403
    session = await api.session("watcher")
    r1 = await api.api.get("/api/v1/oversight/alpha-only/tenants", headers=session)
    r2 = await api.api.get("/api/v1/oversight/no-body/tenants", headers=session)
    assert (r1.status_code, r2.status_code) == (404, 404)
    # An oversight token opens no tenant route.
    r = await api.api.get("/api/v1/t/alpha/members", headers=headers)
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.token_scope"


async def test_oversight_token_needs_reader(api: World) -> None:
    await _reader(api)
    r = await api.api.post(
        "/api/v1/auth/token",
        json={"login": "a.mem", "password": PASSWORD, "scope": "oversight:city-watch"},
    )
    assert r.status_code == 409
    # A tenant token cannot read oversight routes either.
    r = await api.api.get(
        "/api/v1/oversight/city-watch/tenants", headers=await api.auth("a.mem", "alpha")
    )
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.token_scope"
