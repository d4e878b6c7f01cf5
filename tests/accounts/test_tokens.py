"""Tokens: own tokens under /me, others' only through the platform route, bearer logout revokes,
and token issue decides tenant membership itself."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from core.accounts.services import account_by_login, do_issue_token
from core.accounts.tables import Account
from core.audit.actions import Actor
from core.errors import Conflict, PermissionDenied
from tests.world import PASSWORD, SYSTEM, World


def _code(r) -> str:  # type: ignore[no-untyped-def]
    return r.json()["error"]["code"]


async def _token(api: World, login: str, scope: str) -> tuple[str, int]:
    r = await api.api.post(
        "/api/v1/auth/token", json={"login": login, "password": PASSWORD, "scope": scope}
    )
    assert r.status_code == 201, r.text
    return r.json()["token"], r.json()["details"]["id"]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def operator_in_alpha(api: World) -> AsyncIterator[str]:
    """a.att made an operator for one test: an operator who also has a role in tenant alpha."""
    await Account.update({Account.is_operator: True}).where(Account.login == "a.att")
    yield "a.att"
    await Account.update({Account.is_operator: False}).where(Account.login == "a.att")


async def test_operators_tenant_token_cannot_revoke_another_tenants_token(
    api: World, operator_in_alpha: str
) -> None:
    victim, victim_id = await _token(api, "b.mem5", "tenant:beta")
    op_tenant_token, _ = await _token(api, operator_in_alpha, "tenant:alpha")
    r = await api.api.delete(f"/api/v1/me/tokens/{victim_id}", headers=_bearer(op_tenant_token))
    assert r.status_code == 404 and _code(r) == "not_found"
    r = await api.api.get("/api/v1/t/beta/members", headers=_bearer(victim))
    assert r.status_code == 200
    # The platform route refuses a tenant token outright, whoever holds it.
    r = await api.api.delete(
        f"/api/v1/platform/tokens/{victim_id}", headers=_bearer(op_tenant_token)
    )
    assert r.status_code == 403 and _code(r) == "auth.token_scope"
    assert (await api.api.get("/api/v1/t/beta/members", headers=_bearer(victim))).status_code == 200


async def test_operator_session_cannot_revoke_others_tokens_under_me(api: World) -> None:
    victim, victim_id = await _token(api, "b.mem5", "tenant:beta")
    r = await api.api.delete(f"/api/v1/me/tokens/{victim_id}", headers=await api.session("op"))
    assert r.status_code == 404
    assert (await api.api.get("/api/v1/t/beta/members", headers=_bearer(victim))).status_code == 200


async def test_platform_route_revokes_any_token(api: World) -> None:
    victim, victim_id = await _token(api, "b.mem5", "tenant:beta")
    # Not an operator: refused with the permission named.
    r = await api.api.delete(
        f"/api/v1/platform/tokens/{victim_id}", headers=await api.session("b.admin")
    )
    assert r.status_code == 403 and _code(r) == "access.denied"
    platform = _bearer(await api.token("op", "platform"))
    r = await api.api.delete("/api/v1/platform/tokens/2147483647", headers=platform)
    assert r.status_code == 404
    r = await api.api.delete(f"/api/v1/platform/tokens/{victim_id}", headers=platform)
    assert r.status_code == 204
    r = await api.api.get("/api/v1/t/beta/members", headers=_bearer(victim))
    assert r.status_code == 401 and _code(r) == "auth.token_revoked"
    # An operator cookie session has platform power too.
    _, victim2_id = await _token(api, "b.mem5", "tenant:beta")
    r = await api.api.delete(
        f"/api/v1/platform/tokens/{victim2_id}", headers=await api.session("op")
    )
    assert r.status_code == 204


async def test_bearer_logout_revokes_that_token(api: World) -> None:
    one, one_id = await _token(api, "b.mem4", "tenant:beta")
    two, _ = await _token(api, "b.mem4", "tenant:beta")
    r = await api.api.post("/api/v1/auth/logout", headers=_bearer(one))
    assert r.status_code == 204
    r = await api.api.get("/api/v1/t/beta/members", headers=_bearer(one))
    assert r.status_code == 401 and _code(r) == "auth.token_revoked"
    # Only that token: the account's other token still works.
    assert (await api.api.get("/api/v1/t/beta/members", headers=_bearer(two))).status_code == 200
    listed = (await api.api.get("/api/v1/me/tokens", headers=_bearer(two))).json()
    assert next(t for t in listed if t["id"] == one_id)["revoked_at"] is not None


# --- do_issue_token decides itself -------------------------------------------------------------


def _self(account: dict[str, object]) -> Actor:
    return Actor(account_id=account["id"], login=str(account["login"]))  # type: ignore[arg-type]


async def test_issue_token_decides_tenant_membership_itself(api: World) -> None:
    account = await account_by_login("a.mem")
    assert account is not None
    secret, row = await do_issue_token(account, "tenant", "alpha", actor=_self(account))
    assert secret.startswith("ys_") and row["scope"] == "alpha"
    with pytest.raises(Conflict) as no_role:
        await do_issue_token(account, "tenant", "beta", actor=_self(account))
    with pytest.raises(Conflict) as no_tenant:
        await do_issue_token(account, "tenant", "no-such-tenant", actor=_self(account))
    assert (no_role.value.code, no_role.value.message_zh, no_role.value.message_en) == (
        no_tenant.value.code,
        no_tenant.value.message_zh,
        no_tenant.value.message_en,
    )
    with pytest.raises(TypeError):
        await do_issue_token(  # type: ignore[call-arg]
            account, "tenant", "beta", actor=_self(account), allowed_in_tenant=True
        )
    # Somebody else cannot have a token issued for this account.
    other = await account_by_login("a.sec")
    assert other is not None
    with pytest.raises(PermissionDenied):
        await do_issue_token(account, "tenant", "alpha", actor=_self(other))
    # The system (command line) can.
    await do_issue_token(account, "tenant", "alpha", actor=SYSTEM)


async def test_no_such_tenant_and_no_role_answer_alike(api: World) -> None:
    answers = []
    for scope in ("tenant:beta", "tenant:no-such-tenant"):
        r = await api.api.post(
            "/api/v1/auth/token", json={"login": "a.mem", "password": PASSWORD, "scope": scope}
        )
        answers.append((r.status_code, r.json()))
    assert answers[0] == answers[1] and answers[0][0] == 409
