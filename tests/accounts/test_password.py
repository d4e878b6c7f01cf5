"""Passwords: changing one's own ends the other sessions and tokens; setting one (CLI, operator)
ends all of them; the rehash at sign-in goes through the door."""

from __future__ import annotations

import json
import secrets

import pytest
from argon2 import PasswordHasher

from core.accounts.security import needs_rehash
from core.accounts.services import do_create_account, do_set_password
from core.accounts.tables import Account
from core.audit.actions import Actor
from core.audit.tables import PlatformAuditEntry
from core.errors import PermissionDenied
from tests.accounts.conftest import Clock
from tests.world import PASSWORD, SYSTEM, World

NEW = "a much longer new passphrase"


def _code(r) -> str:  # type: ignore[no-untyped-def]
    return r.json()["error"]["code"]


async def _fresh_operator(api: World) -> str:
    """An account of its own (an operator, so it can hold tokens without a tenant role)."""
    login = f"pw.{secrets.token_hex(3)}"
    await do_create_account(login, "改密测试", actor=SYSTEM, password=PASSWORD, is_operator=True)
    return login


async def _platform_token(api: World, login: str, password: str = PASSWORD) -> dict[str, str]:
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": login, "password": password, "scope": "platform"}
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


async def _alive(api: World, headers: dict[str, str]) -> bool:
    r = await api.api.get("/api/v1/me", headers=headers)
    assert r.status_code in (200, 401), r.text
    return r.status_code == 200


async def _last_audit(action: str, target: str) -> dict[str, object] | None:
    return (  # type: ignore[no-any-return]
        await PlatformAuditEntry.select()
        .where((PlatformAuditEntry.action == action) & (PlatformAuditEntry.target == target))
        .order_by(PlatformAuditEntry.id, ascending=False)
        .first()
    )


def _details(entry: dict[str, object]) -> object:
    value = entry["details"]
    return json.loads(value) if isinstance(value, str) else value


async def test_change_own_password_ends_the_other_sessions_and_tokens(
    api: World, throttle: Clock
) -> None:
    login = await _fresh_operator(api)
    mine, other_session = await api.session(login), await api.session(login)
    token_one, token_two = await _platform_token(api, login), await _platform_token(api, login)
    body = {"current_password": PASSWORD, "new_password": NEW}
    r = await api.api.post("/api/v1/me/password", json=body, headers=mine)
    assert r.status_code == 204, r.text
    assert await _alive(api, mine)  # the session making the request is kept
    for gone in (other_session, token_one, token_two):
        assert not await _alive(api, gone)
    me = (await api.api.get("/api/v1/me", headers=mine)).json()
    entry = await _last_audit("account.password.change", f"account:{me['id']}")
    assert entry is not None and entry["actor_login"] == login
    assert _details(entry) == {"tokens_revoked": 2, "sessions_ended": 1}
    # The old password no longer signs in, the new one does.
    r = await api.api.post("/api/v1/auth/login", json={"login": login, "password": PASSWORD})
    assert r.status_code == 401
    # From a bearer token: that token is kept, the session is ended.
    token = await _platform_token(api, login, NEW)
    r = await api.api.post(
        "/api/v1/me/password",
        json={"current_password": NEW, "new_password": PASSWORD + "!"},
        headers=token,
    )
    assert r.status_code == 204, r.text
    assert await _alive(api, token) and not await _alive(api, mine)


async def test_change_own_password_checks_the_current_one_through_the_throttle(
    api: World, throttle: Clock
) -> None:
    login = await _fresh_operator(api)
    headers = await _platform_token(api, login)
    r = await api.api.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=headers,
    )
    assert r.status_code == 400 and _code(r) == "request.invalid"
    assert "new_password" in r.json()["error"]["fields"]
    wrong = {"current_password": "not it at all", "new_password": NEW}
    for _ in range(api.settings.auth.free_failures + 1):
        r = await api.api.post("/api/v1/me/password", json=wrong, headers=headers)
        assert r.status_code == 403 and _code(r) == "auth.current_password_wrong"
    r = await api.api.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": NEW},
        headers=headers,
    )
    assert r.status_code == 429 and _code(r) == "auth.account_throttled"
    assert r.headers["Retry-After"] == "1"
    # The same throttle as sign-in.
    r = await api.api.post("/api/v1/auth/login", json={"login": login, "password": PASSWORD})
    assert r.status_code == 429
    r = await api.api.post(
        "/api/v1/me/password", json={"current_password": PASSWORD, "new_password": NEW}
    )
    assert r.status_code == 401  # signed in only


async def test_set_password_ends_every_session_and_token(api: World) -> None:
    login = await _fresh_operator(api)
    session, token = await api.session(login), await _platform_token(api, login)
    account = await Account.select(Account.id).where(Account.login == login).first()
    assert account is not None
    await do_set_password(account["id"], NEW, actor=SYSTEM)
    assert not await _alive(api, session) and not await _alive(api, token)
    entry = await _last_audit("account.password", f"account:{account['id']}")
    assert entry is not None and _details(entry) == {"tokens_revoked": 1, "sessions_ended": 1}
    # Nobody but the system or an operator sets another account's password.
    someone = Actor(account_id=account["id"] + 1000, login="someone")
    with pytest.raises(PermissionDenied):
        await do_set_password(account["id"], NEW, actor=someone)


async def test_rehash_at_sign_in_is_audited(api: World, throttle: Clock) -> None:
    login = await _fresh_operator(api)
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    assert needs_rehash(weak)
    await Account.update({Account.password_hash: weak}).where(Account.login == login)
    r = await api.api.post("/api/v1/auth/login", json={"login": login, "password": PASSWORD})
    assert r.status_code == 200, r.text
    api.api.cookies.clear()
    row = await Account.select(Account.id, Account.password_hash).where(Account.login == login)
    stored = row[0]["password_hash"]
    assert stored != weak and not needs_rehash(stored)
    entry = await _last_audit("account.password.rehash", f"account:{row[0]['id']}")
    assert entry is not None and entry["actor_login"] == login and entry["ip"] == "127.0.0.1"
