"""Sign-in and tokens: each refusal with its status and stable code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.accounts.ratelimit import FailureLimiter, MemoryCounter, RedisCounter
from core.accounts.tables import ApiToken
from core.errors import RateLimited
from tests.world import PASSWORD, World


def _code(r) -> str:  # type: ignore[no-untyped-def]
    return r.json()["error"]["code"]


async def _token(api: World, login: str, scope: str, **extra: object) -> tuple[str, int]:
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": login, "password": PASSWORD, "scope": scope, **extra}
    )
    assert r.status_code == 201, r.text
    return r.json()["token"], r.json()["details"]["id"]


async def test_wrong_password(api: World) -> None:
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": "b.mem1", "password": "nope", "scope": "tenant:beta"}
    )
    assert r.status_code == 401 and _code(r) == "auth.bad_credentials"
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": "nobody", "password": "x", "scope": "tenant:beta"}
    )
    assert r.status_code == 401 and _code(r) == "auth.bad_credentials"


async def test_no_token_and_garbage_token(api: World) -> None:
    r = await api.api.get("/api/v1/t/alpha/members")
    assert r.status_code == 401 and _code(r) == "auth.required"
    r = await api.api.get("/api/v1/t/alpha/members", headers={"Authorization": "Bearer ys_x"})
    assert r.status_code == 401 and _code(r) == "auth.token_invalid"
    r = await api.api.get("/api/v1/t/alpha/members", headers={"Authorization": "Basic abc"})
    assert r.status_code == 401 and _code(r) == "auth.required"


async def test_expired_token(api: World) -> None:
    token, token_id = await _token(api, "a.mem", "tenant:alpha", days=1)
    headers = {"Authorization": f"Bearer {token}"}
    assert (await api.api.get("/api/v1/t/alpha/members", headers=headers)).status_code == 200
    await ApiToken.update({ApiToken.expires_at: datetime.now(UTC) - timedelta(seconds=1)}).where(
        ApiToken.id == token_id
    )
    r = await api.api.get("/api/v1/t/alpha/members", headers=headers)
    assert r.status_code == 401 and _code(r) == "auth.token_expired"


async def test_revoked_token(api: World) -> None:
    token, token_id = await _token(api, "a.mem", "tenant:alpha", name="laptop")
    headers = {"Authorization": f"Bearer {token}"}
    listed = (await api.api.get("/api/v1/me/tokens", headers=headers)).json()
    assert any(t["id"] == token_id and t["name"] == "laptop" for t in listed)
    assert all("token" not in t and "token_hash" not in t for t in listed)
    # Somebody else's token id answers like a missing one.
    other = await api.auth("a.sec", "alpha")
    r = await api.api.delete(f"/api/v1/me/tokens/{token_id}", headers=other)
    assert r.status_code == 404
    r = await api.api.delete(f"/api/v1/me/tokens/{token_id}", headers=headers)
    assert r.status_code == 204
    r = await api.api.get("/api/v1/t/alpha/members", headers=headers)
    assert r.status_code == 401 and _code(r) == "auth.token_revoked"
    audit = await api.api.get(
        "/api/v1/t/alpha/audit?action=token.revoke", headers=await api.auth("a.admin", "alpha")
    )
    assert audit.json()[0]["target"] == f"token:{token_id}"


async def test_token_of_tenant_a_on_tenant_b(api: World) -> None:
    headers = await api.auth("shared.insp", "alpha")
    r = await api.api.get("/api/v1/t/beta/members", headers=headers)
    assert r.status_code == 403 and _code(r) == "auth.token_scope"
    # The same person, with a token for beta, reads beta.
    r = await api.api.get("/api/v1/t/beta/members", headers=await api.auth("shared.insp", "beta"))
    assert r.status_code == 200


async def test_token_for_tenant_without_role_is_refused(api: World) -> None:
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": "a.mem", "password": PASSWORD, "scope": "tenant:beta"}
    )
    assert r.status_code == 409
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": "a.mem", "password": PASSWORD, "scope": "platform"}
    )
    assert r.status_code == 409
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": "a.mem", "password": PASSWORD, "scope": "galaxy"}
    )
    assert r.status_code == 400 and _code(r) == "request.invalid"


async def test_disabled_account_loses_sessions_and_tokens_at_once(api: World) -> None:
    token, _ = await _token(api, "b.mem6", "tenant:beta")
    session = await api.session("b.mem6")
    headers = {"Authorization": f"Bearer {token}"}
    assert (await api.api.get("/api/v1/t/beta/members", headers=headers)).status_code == 200
    me = (await api.api.get("/api/v1/me", headers=session)).json()
    operator = await api.session("op")
    r = await api.api.post(f"/api/v1/platform/accounts/{me['id']}/disable", headers=operator)
    assert r.status_code == 204
    try:
        r = await api.api.get("/api/v1/t/beta/members", headers=headers)
        assert r.status_code == 401 and _code(r) in ("auth.account_disabled", "auth.token_revoked")
        r = await api.api.get("/api/v1/me", headers=session)
        assert r.status_code == 401
        r = await api.api.post(
            "/api/v1/auth/token",
            json={"login": "b.mem6", "password": PASSWORD, "scope": "tenant:beta"},
        )
        assert r.status_code == 401 and _code(r) == "auth.account_disabled"
    finally:
        r = await api.api.post(f"/api/v1/platform/accounts/{me['id']}/enable", headers=operator)
        assert r.status_code == 204
    # Enabling does not bring the old token back.
    r = await api.api.get("/api/v1/t/beta/members", headers=headers)
    assert r.status_code == 401 and _code(r) == "auth.token_revoked"


async def test_session_needs_csrf_for_writes(api: World) -> None:
    session = await api.session("a.admin")
    no_csrf = {"Cookie": session["Cookie"]}
    r = await api.api.put(
        "/api/v1/t/alpha/members/1/roles", headers=no_csrf, json={"roles": ["secretary"]}
    )
    assert r.status_code == 403 and _code(r) == "auth.csrf"
    r = await api.api.get("/api/v1/t/alpha/members", headers=no_csrf)
    assert r.status_code == 200
    r = await api.api.post("/api/v1/auth/logout", headers=session)
    assert r.status_code == 204
    r = await api.api.get("/api/v1/me", headers=no_csrf)
    assert r.status_code == 401


async def test_messages_follow_accept_language(api: World) -> None:
    r = await api.api.get("/api/v1/me")
    assert "请先登录" in r.json()["error"]["message"]
    r = await api.api.get("/api/v1/me", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert r.json()["error"]["message"].startswith("Sign in")
    r = await api.api.get("/api/v1/me", headers={"Accept-Language": "en;q=0.5, zh-CN"})
    assert "请先登录" in r.json()["error"]["message"]


async def test_failed_sign_ins_are_rate_limited(api: World) -> None:
    api.app.state.limiter.counter._hits.clear()  # earlier tests failed from this address too
    body = {"login": "b.clerk", "password": "wrong", "scope": "tenant:beta"}
    for _ in range(api.settings.auth.max_failures):
        r = await api.api.post("/api/v1/auth/token", json=body)
        assert r.status_code == 401
    r = await api.api.post("/api/v1/auth/token", json={**body, "password": PASSWORD})
    assert r.status_code == 429 and _code(r) == "auth.rate_limited"
    assert "秒后再试" in r.json()["error"]["message"]
    api.app.state.limiter.counter._hits.clear()  # the next tests start with a clean window


@pytest.fixture
async def redis_counter():  # type: ignore[no-untyped-def]
    import os
    import secrets

    import redis.asyncio as redis

    url = os.environ.get("YISHI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    client = redis.from_url(url)
    try:
        await client.ping()
    except Exception:
        await client.aclose()
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: Redis is mandatory for the shared rate-limit test")
        pytest.skip("no Redis server answers")
    await client.aclose()
    prefix = f"yishi-test-{secrets.token_hex(4)}:"
    counter = RedisCounter(url, prefix, window=60)
    yield counter
    keys = [k async for k in counter.client.scan_iter(match=prefix + "*")]
    if keys:
        await counter.client.delete(*keys)
    await counter.close()


async def test_redis_limiter_is_shared_between_replicas(redis_counter: RedisCounter) -> None:
    one = FailureLimiter(redis_counter, max_failures=3)
    # A second replica: its own connection, the same deployment prefix.
    two = FailureLimiter(RedisCounter(redis_counter.url, redis_counter.prefix, 60), max_failures=3)
    for _ in range(2):
        await one.failed("x.user", "10.0.0.1")
    await two.failed("x.user", "10.0.0.2")
    with pytest.raises(RateLimited):
        await two.check("x.user", "10.0.0.3")
    await one.succeeded("x.user", "10.0.0.1")
    await two.check("x.user", "10.0.0.3")
    await two.counter.close()  # type: ignore[attr-defined]


async def test_memory_limiter_window() -> None:
    limiter = FailureLimiter(MemoryCounter(window=60), max_failures=2)
    await limiter.failed("u", "1.1.1.1")
    await limiter.check("u", "1.1.1.1")
    await limiter.failed("u", "2.2.2.2")
    with pytest.raises(RateLimited):
        await limiter.check("u", "3.3.3.3")
    # the address counter also limits other logins from the same address
    await limiter.failed("v", "1.1.1.1")
    with pytest.raises(RateLimited):
        await limiter.check("w", "1.1.1.1")


async def test_token_use_is_recorded(api: World) -> None:
    token, token_id = await _token(api, "a.sec", "tenant:alpha", name="desk")
    headers = {"Authorization": f"Bearer {token}"}
    assert (await api.api.get("/api/v1/t/alpha", headers=headers)).status_code == 200
    listed = (await api.api.get("/api/v1/me/tokens", headers=headers)).json()
    assert next(t for t in listed if t["id"] == token_id)["last_used_at"] is not None
