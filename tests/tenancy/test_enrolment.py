"""Enrolment by invitation: one unit of work, consent of the person, same answer for any login."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from core.accounts.services import account_by_login, do_create_account, do_set_password
from core.tenancy.context import bind_slug
from core.tenancy.people import do_add_person
from core.tenancy.registry import do_create_tenant, do_delete_tenant
from core.tenancy.tables import Invitation, Person
from tests.world import PASSWORD, SYSTEM, World

NEW_PASSWORD = "a brand new passphrase"
#: Enrolment tests add people; they do it in a tenant of their own ("gamma"), so the two tenants of
#: the shared world keep the rosters other tests rely on.
GAMMA = "gamma"


@pytest.fixture(autouse=True)
async def gamma(api: World) -> AsyncIterator[None]:
    await do_create_tenant(GAMMA, "测试丙单位党组", "ningbo", actor=SYSTEM)
    admin = await account_by_login("g.admin") or await do_create_account(
        "g.admin", "丙管理员", actor=SYSTEM
    )
    await do_set_password(admin["id"], PASSWORD, actor=SYSTEM)
    async with bind_slug(GAMMA):
        await do_add_person(
            account_id=admin["id"],
            login="g.admin",
            name="丙管理员",
            roles=["unit_admin"],
            actor=SYSTEM,
        )
        await do_add_person(
            account_id=(await account_by_login("a.mem"))["id"],  # type: ignore[index]
            login="a.mem",
            name="甲成员",
            rank=3,
            roles=["member"],
            actor=SYSTEM,
        )
        await do_add_person(
            account_id=(await account_by_login("a.sec"))["id"],  # type: ignore[index]
            login="a.sec",
            name="甲书记",
            rank=1,
            roles=["secretary"],
            actor=SYSTEM,
        )
    api._tokens.clear()
    yield
    await do_delete_tenant(GAMMA, actor=SYSTEM)
    api._tokens.clear()


def _login(prefix: str) -> str:
    return f"{prefix}.{secrets.token_hex(3)}"


async def _enrol(api: World, login: str, **extra: object) -> dict:
    admin = await api.auth("g.admin", GAMMA)
    body = {"login": login, "name": "新成员", **extra}
    r = await api.api.post("/api/v1/t/gamma/members", headers=admin, json=body)
    assert r.status_code == 201, r.text
    return r.json()


async def test_unknown_role_writes_nothing(api: World) -> None:
    admin = await api.auth("g.admin", GAMMA)
    login = _login("norole")
    r = await api.api.post(
        "/api/v1/t/gamma/members",
        headers=admin,
        json={"login": login, "name": "无角色", "roles": ["no_such_role"]},
    )
    assert r.status_code == 400 and r.json()["error"]["fields"] == {"roles": ["no_such_role"]}
    assert await account_by_login(login) is None
    async with bind_slug(GAMMA):
        assert not await Person.exists().where(Person.login == login)
    audit = await api.api.get("/api/v1/t/gamma/audit", headers=admin)
    assert all(login not in str(e) for e in audit.json())


async def test_answer_is_the_same_whether_or_not_the_login_exists(api: World) -> None:
    fresh = await _enrol(api, _login("fresh"))
    # b.mem1 exists (a member of beta): enrolling it reveals nothing and links nothing.
    existing = await _enrol(api, "b.mem1", title="兼职")
    for answer in (fresh, existing):
        assert set(answer) == {"person", "invitation"}
        assert answer["person"]["account_id"] is None
        assert answer["person"]["status"] == "invited"
        assert answer["invitation"]["code"].startswith("yi.gamma.")
    assert set(fresh["person"]) == set(existing["person"])
    # Without accepting, b.mem1 has no role in gamma.
    r = await api.api.post(
        "/api/v1/auth/token",
        json={"login": "b.mem1", "password": PASSWORD, "scope": "tenant:gamma"},
    )
    assert r.status_code in (403, 409), r.text


async def test_new_person_accepts_sets_password_and_signs_in(api: World) -> None:
    login = _login("new")
    enrolled = await _enrol(api, login, roles=["attendee"])
    code = enrolled["invitation"]["code"]
    r = await api.api.post(
        "/api/v1/auth/invitations/accept",
        json={"code": code, "password": NEW_PASSWORD, "create": True},
    )
    assert r.status_code == 200, r.text
    assert r.json()["tenant"] == GAMMA and r.json()["person"]["status"] == "linked"
    token = await api.api.post(
        "/api/v1/auth/token",
        json={"login": login, "password": NEW_PASSWORD, "scope": "tenant:gamma"},
    )
    assert token.status_code == 201, token.text
    again = await api.api.post(
        "/api/v1/auth/invitations/accept", json={"code": code, "password": NEW_PASSWORD}
    )
    assert again.status_code == 400 and again.json()["error"]["code"] == "invitation.invalid"


async def test_existing_account_links_only_with_its_password(api: World) -> None:
    enrolled = await _enrol(api, "b.mem2", roles=["attendee"])
    code = enrolled["invitation"]["code"]
    wrong = await api.api.post(
        "/api/v1/auth/invitations/accept", json={"code": code, "password": "not the password"}
    )
    assert wrong.status_code == 401
    async with bind_slug(GAMMA):
        row = await Person.select().where(Person.id == enrolled["person"]["id"]).first()
        assert row["account_id"] is None
    ok = await api.api.post(
        "/api/v1/auth/invitations/accept", json={"code": code, "password": PASSWORD}
    )
    assert ok.status_code == 200, ok.text
    account = await account_by_login("b.mem2")
    assert account is not None and ok.json()["person"]["account_id"] == account["id"]
    me = await api.api.get("/api/v1/me", headers=await api.session("b.mem2"))
    assert {t["slug"] for t in me.json()["tenants"]} == {GAMMA, "beta"}


async def test_signed_in_person_accepts_for_their_own_account(api: World) -> None:
    enrolled = await _enrol(api, _login("whoever"))
    headers = await api.session("b.mem3")
    r = await api.api.post(
        "/api/v1/auth/invitations/accept",
        headers=headers,
        json={"code": enrolled["invitation"]["code"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["person"]["login"] == "b.mem3"


async def test_concurrent_accepts_of_one_code_link_once(api: World) -> None:
    enrolled = await _enrol(api, _login("race"))
    code = enrolled["invitation"]["code"]
    answers = await asyncio.gather(
        *[
            api.api.post(
                "/api/v1/auth/invitations/accept",
                json={
                    "code": code,
                    "login": _login("racer"),
                    "password": NEW_PASSWORD,
                    "create": True,
                },
            )
            for _ in range(4)
        ]
    )
    assert sorted(a.status_code for a in answers).count(200) == 1, [a.text for a in answers]


async def test_expired_withdrawn_and_foreign_codes_are_one_answer(api: World) -> None:
    first = await _enrol(api, _login("late"))
    admin = await api.auth("g.admin", GAMMA)
    person_id = first["person"]["id"]
    second = await api.api.post(f"/api/v1/t/gamma/members/{person_id}/invitation", headers=admin)
    assert second.status_code == 201
    async with bind_slug(GAMMA):
        await Invitation.update(
            {Invitation.expires_at: datetime.now(UTC) - timedelta(days=1)}, force=True
        )
    for code in (
        first["invitation"]["code"],  # withdrawn by the second
        second.json()["code"],  # expired
        "yi.beta." + second.json()["code"].split(".")[2],  # right secret, wrong tenant
        "yi.nosuch.x",
        "garbage",
    ):
        r = await api.api.post(
            "/api/v1/auth/invitations/accept", json={"code": code, "password": NEW_PASSWORD}
        )
        assert r.status_code == 400 and r.json()["error"]["code"] == "invitation.invalid", code


async def test_unit_admin_resets_a_password_of_own_unit_only(api: World) -> None:
    admin = await api.auth("g.admin", GAMMA)
    login = _login("reset")
    enrolled = await _enrol(api, login, roles=["attendee"])
    await api.api.post(
        "/api/v1/auth/invitations/accept",
        json={"code": enrolled["invitation"]["code"], "password": NEW_PASSWORD, "create": True},
    )
    old = await api.api.post(
        "/api/v1/auth/token",
        json={"login": login, "password": NEW_PASSWORD, "scope": "tenant:gamma"},
    )
    old_headers = {"Authorization": f"Bearer {old.json()['token']}"}
    pid = enrolled["person"]["id"]
    r = await api.api.post(f"/api/v1/t/gamma/members/{pid}/password-code", headers=admin)
    assert r.status_code == 201, r.text
    used = await api.api.post(
        "/api/v1/auth/password-code",
        json={"code": r.json()["code"], "new_password": "yet another passphrase"},
    )
    assert used.status_code == 204, used.text
    # The reset ended the old token; the new password signs in; the code is spent.
    assert (await api.api.get("/api/v1/me", headers=old_headers)).status_code == 401
    again = await api.api.post(
        "/api/v1/auth/token",
        json={"login": login, "password": "yet another passphrase", "scope": "tenant:gamma"},
    )
    assert again.status_code == 201
    spent = await api.api.post(
        "/api/v1/auth/password-code",
        json={"code": r.json()["code"], "new_password": "and one more passphrase"},
    )
    assert spent.json()["error"]["code"] == "password_reset.invalid"
    # a.mem belongs to alpha and gamma: gamma's admin cannot take it over.
    roster = (await api.api.get("/api/v1/t/gamma/members", headers=admin)).json()
    shared = next(p for p in roster if p["login"] == "a.mem")
    r = await api.api.post(f"/api/v1/t/gamma/members/{shared['id']}/password-code", headers=admin)
    assert r.status_code == 409


async def test_one_secretary_and_distinct_ranks(api: World) -> None:
    admin = await api.auth("g.admin", GAMMA)
    r = await api.api.post(
        "/api/v1/t/gamma/members",
        headers=admin,
        json={"login": _login("sec2"), "name": "第二书记", "rank": 9, "roles": ["secretary"]},
    )
    assert r.status_code == 409 and r.json()["error"]["fields"] == {"roles": "secretary"}
    r = await api.api.post(
        "/api/v1/t/gamma/members",
        headers=admin,
        json={"login": _login("rank1"), "name": "同序", "rank": 1, "roles": ["member"]},
    )
    assert r.status_code == 409 and "rank" in r.json()["error"]["fields"]
    roster = (await api.api.get("/api/v1/t/gamma/members", headers=admin)).json()
    member = next(p for p in roster if p["login"] == "a.mem")
    r = await api.api.put(
        f"/api/v1/t/gamma/members/{member['id']}/roles",
        headers=admin,
        json={"roles": ["secretary"]},
    )
    assert r.status_code == 409
    r = await api.api.patch(
        f"/api/v1/t/gamma/members/{member['id']}", headers=admin, json={"rank": 1}
    )
    assert r.status_code == 409
    after = (await api.api.get(f"/api/v1/t/gamma/members/{member['id']}", headers=admin)).json()
    assert after["roles"] == ["member"] and after["rank"] == 3


async def _linked_gamma_person(api: World) -> tuple[dict, str]:
    """A person whose only unit is gamma, signed up through an invitation."""
    login = _login("solo")
    enrolled = await _enrol(api, login, roles=["attendee"])
    r = await api.api.post(
        "/api/v1/auth/invitations/accept",
        json={"code": enrolled["invitation"]["code"], "password": NEW_PASSWORD, "create": True},
    )
    assert r.status_code == 200, r.text
    return r.json()["person"], login


async def test_accepting_never_tells_a_missing_login_from_a_wrong_password(api: World) -> None:
    code = (await _enrol(api, _login("probe")))["invitation"]["code"]
    answers = []
    for login in ("no.such.login", "b.mem4"):
        r = await api.api.post(
            "/api/v1/auth/invitations/accept",
            json={"code": code, "login": login, "password": "not the password"},
        )
        answers.append((r.status_code, r.json()["error"]))
    assert answers[0] == answers[1] and answers[0][0] == 401
    taken = await api.api.post(
        "/api/v1/auth/invitations/accept",
        json={"code": code, "login": "b.mem4", "password": NEW_PASSWORD, "create": True},
    )
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "account.login_taken"
    assert await account_by_login("no.such.login") is None


async def test_a_token_scoped_elsewhere_is_no_consent(api: World) -> None:
    enrolled = await _enrol(api, _login("scoped"))
    r = await api.api.post(
        "/api/v1/auth/invitations/accept",
        headers=await api.auth("b.mem5", "beta"),
        json={"code": enrolled["invitation"]["code"]},
    )
    assert r.status_code == 400 and "password" in r.json()["error"]["fields"]
    async with bind_slug(GAMMA):
        row = await Person.select().where(Person.id == enrolled["person"]["id"]).first()
        assert row["account_id"] is None


async def test_unit_admin_cannot_reset_an_oversight_reader(api: World) -> None:
    from core.oversight.services import do_add_reader, do_create_body

    person, login = await _linked_gamma_person(api)
    body = f"body-{secrets.token_hex(3)}"
    await do_create_body(body, "监督机构", ["alpha", GAMMA], actor=SYSTEM)
    await do_add_reader(body, login, actor=SYSTEM)
    admin = await api.auth("g.admin", GAMMA)
    r = await api.api.post(f"/api/v1/t/gamma/members/{person['id']}/password-code", headers=admin)
    assert r.status_code == 409


async def test_a_code_stops_working_once_the_account_gains_power(api: World) -> None:
    person, login = await _linked_gamma_person(api)
    admin = await api.auth("g.admin", GAMMA)
    r = await api.api.post(f"/api/v1/t/gamma/members/{person['id']}/password-code", headers=admin)
    assert r.status_code == 201
    account = await account_by_login(login)
    await do_create_tenant("delta", "测试丁单位党组", "nantong", actor=SYSTEM)
    try:
        async with bind_slug("delta"):  # now also on another unit's roster
            await do_add_person(account_id=account["id"], login=login, name="兼", actor=SYSTEM)
        used = await api.api.post(
            "/api/v1/auth/password-code",
            json={"code": r.json()["code"], "new_password": "taken over passphrase"},
        )
        assert used.status_code == 409
    finally:
        await do_delete_tenant("delta", actor=SYSTEM)


async def test_own_password_change_voids_open_codes(api: World) -> None:
    person, login = await _linked_gamma_person(api)
    admin = await api.auth("g.admin", GAMMA)
    r = await api.api.post(f"/api/v1/t/gamma/members/{person['id']}/password-code", headers=admin)
    own = await api.api.post(
        "/api/v1/auth/token",
        json={"login": login, "password": NEW_PASSWORD, "scope": "tenant:gamma"},
    )
    changed = await api.api.post(
        "/api/v1/me/password",
        headers={"Authorization": f"Bearer {own.json()['token']}"},
        json={"current_password": NEW_PASSWORD, "new_password": "my own new passphrase"},
    )
    assert changed.status_code == 204, changed.text
    used = await api.api.post(
        "/api/v1/auth/password-code",
        json={"code": r.json()["code"], "new_password": "the admin's passphrase"},
    )
    assert used.json()["error"]["code"] == "password_reset.invalid"


async def test_concurrent_enrolments_never_break_the_body_rules(api: World) -> None:
    """Eight enrolments at one free rank at once (service level, so they truly overlap): one."""
    from core.errors import Conflict
    from core.tenancy.people import do_enrol_person

    async def enrol() -> int:
        async with bind_slug(GAMMA):
            try:
                await do_enrol_person(
                    login=_login("same"), name="同序", rank=7, roles=["member"], actor=SYSTEM
                )
            except Conflict:
                return 0
            return 1

    assert sum(await asyncio.gather(*[enrol() for _ in range(8)])) == 1
