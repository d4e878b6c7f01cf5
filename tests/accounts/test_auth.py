"""Sign-in and tokens: each refusal with its status and stable code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.accounts.tables import ApiToken
from core.caching import clear_all
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
    # Written outside the door, as another process would: seen once the cache's bound has
    # passed, which `clear_all` stands for (a token that expires by itself is refused at once).
    clear_all()
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


async def test_token_use_is_recorded(api: World) -> None:
    token, token_id = await _token(api, "a.sec", "tenant:alpha", name="desk")
    headers = {"Authorization": f"Bearer {token}"}
    assert (await api.api.get("/api/v1/t/alpha", headers=headers)).status_code == 200
    listed = (await api.api.get("/api/v1/me/tokens", headers=headers)).json()
    assert next(t for t in listed if t["id"] == token_id)["last_used_at"] is not None
