from tests.world import World


async def test_health_and_profile(api: World) -> None:
    r = await api.api.get("/healthz")
    assert r.json() == {"status": "ok"}
    r = await api.api.get("/readyz")
    assert r.status_code == 200
    r = await api.api.get("/api/v1/me", headers=await api.auth("shared.insp", "alpha"))
    assert r.status_code == 200, r.text
    assert [t["slug"] for t in r.json()["tenants"]] == ["alpha"]
