"""YISHI_SECRET_KEY keys what is stored for every opaque secret (tokens, sessions, codes)."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from core.accounts.tables import ApiToken
from core.settings import EMBEDDED_SECRET, get_settings
from tests.world import PASSWORD, World


async def _new_token(api: World) -> str:
    r = await api.api.post(
        "/api/v1/auth/token",
        json={"login": "a.mem", "password": PASSWORD, "scope": "tenant:alpha", "name": "key"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["token"])


async def test_stored_token_hash_is_keyed_by_the_secret_key(api: World) -> None:
    token = await _new_token(api)
    rows = await ApiToken.select(ApiToken.token_hash).where(ApiToken.prefix == token[:10])
    stored = rows[0]["token_hash"]
    key = get_settings().auth.secret_key
    assert key == EMBEDDED_SECRET  # tests run in embedded mode
    assert stored == hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest()
    assert stored != hashlib.sha256(token.encode()).hexdigest()  # a database writer cannot mint


async def test_changing_the_secret_key_ends_every_token(
    api: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = await _new_token(api)
    headers = {"Authorization": f"Bearer {token}"}
    assert (await api.api.get("/api/v1/me", headers=headers)).status_code == 200
    monkeypatch.setenv("YISHI_SECRET_KEY", "another-secret-key-of-at-least-32-chars")
    get_settings.cache_clear()
    try:
        r = await api.api.get("/api/v1/me", headers=headers)
        assert r.status_code == 401
    finally:
        monkeypatch.delenv("YISHI_SECRET_KEY")
        get_settings.cache_clear()
    assert (await api.api.get("/api/v1/me", headers=headers)).status_code == 200
