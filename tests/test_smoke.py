from tests.world import World


async def test_health_and_profile(api: World) -> None:
    r = await api.api.get("/healthz")
    assert r.json() == {"status": "ok"}
    r = await api.api.get("/readyz")
    assert r.status_code == 200
    r = await api.api.get("/api/v1/me", headers=await api.auth("shared.insp", "alpha"))
    assert r.status_code == 200, r.text
    assert [t["slug"] for t in r.json()["tenants"]] == ["alpha"]


async def test_landing_page_is_chinese_first(api: World) -> None:
    r = await api.api.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in r.text and "接口文档" in r.text


async def test_openapi_lists_every_api_route(api: World) -> None:
    r = await api.api.get("/schema/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    assert "/api/v1/t/{tenant}/rules/what-if" in paths
    assert "/api/v1/auth/token" in paths
    assert len(paths) >= 24


async def test_roster_lists_members_in_rank_order_first(api: World) -> None:
    r = await api.api.get("/api/v1/t/alpha/members", headers=await api.auth("a.mem", "alpha"))
    logins = [p["login"] for p in r.json()]
    assert logins[:3] == ["a.sec", "a.dep", "a.mem"]
    assert set(logins[3:]) == {"a.admin", "a.att", "a.insp", "shared.insp", "a.clerk"}
