"""Bad input gets a clear answer, never a 500: a stable code, a sentence, the real field.

Each test here failed on the code before `core.web.inputs` and the stricter rules routes (a 500,
a bogus field name, or bad input accepted), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from core.audit.actions import Actor
from core.rules.settings import clean_settings
from core.rules.types import SettingSpec
from core.tenancy.registry import do_set_status
from tests.world import PASSWORD, World

FUNDS = "major_funds_threshold_wan"
JSON = {"content-type": "application/json"}


def error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["code"] == code, body
    assert body["message"], body
    fields: dict[str, Any] = body["fields"]
    # The key is what the caller sent or left out, never Litestar's names for things.
    assert not {"data", "'data'", "'tenant'"} & set(fields), fields
    return fields


async def test_nul_in_sign_in_is_refused_before_the_database(api: World) -> None:
    for route, body in [
        ("/api/v1/auth/token", {"login": "a\u0000b", "password": "x", "scope": "tenant:alpha"}),
        ("/api/v1/auth/login", {"login": "a.admin", "password": "pass\u0000word"}),
    ]:
        r = await api.api.post(route, json=body)
        fields = error(r, 400, "request.nul_character")
        assert set(fields) == ({"login"} if route.endswith("token") else {"password"})
    # A key carries the NUL too.
    r = await api.api.post("/api/v1/auth/login", json={"lo\u0000gin": "x", "password": "y"})
    error(r, 400, "request.nul_character")


async def test_nul_in_query_path_and_headers(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    r = await api.api.get(
        "/api/v1/t/alpha/rules/oversight-deadline?rule=oversight.inquiry.reply%00&event=2026-09-29",
        headers=admin,
    )
    assert set(error(r, 400, "request.nul_character")) == {"rule"}
    r = await api.api.get("/api/v1/t/alpha/audit?action=x%00y", headers=admin)
    assert set(error(r, 400, "request.nul_character")) == {"action"}
    r = await api.api.get("/api/v1/t/al%00pha/members", headers=admin)
    assert set(error(r, 400, "request.nul_character")) == {"tenant"}
    r = await api.api.get("/api/v1/me", headers={"Authorization": "Bearer ys_\x00abc"})
    assert set(error(r, 400, "request.nul_character")) == {"authorization"}
    name = api.settings.auth.session_cookie
    r = await api.api.get("/api/v1/me", headers={"Cookie": f"{name}=ab\x00c"})
    assert set(error(r, 400, "request.nul_character")) == {"cookie"}


async def test_json_nested_too_deep(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    deep = "[" * 1000 + "]" * 1000
    r = await api.api.post("/api/v1/t/alpha/rules/what-if", headers={**admin, **JSON}, content=deep)
    error(r, 400, "request.too_deep")
    # Within msgspec's reach but beyond ours, inside a field that takes anything.
    nested = json.dumps({"values": {FUNDS: "X"}}).replace('"X"', "[" * 40 + "]" * 40)
    r = await api.api.patch("/api/v1/t/alpha/settings", headers={**admin, **JSON}, content=nested)
    fields = error(r, 400, "request.too_deep")
    assert next(iter(fields)).startswith(f"values.{FUNDS}")
    r = await api.api.post("/api/v1/auth/token", headers=JSON, content='{"login": ' + deep + "}")
    error(r, 400, "request.too_deep")


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999", "snan", "", True])
async def test_decimal_setting_not_a_finite_number(api: World, value: Any) -> None:
    admin = await api.auth("a.admin", "alpha")
    r = await api.api.patch(
        "/api/v1/t/alpha/settings", headers=admin, json={"values": {FUNDS: value}}
    )
    assert set(error(r, 400, "request.invalid")) == {f"values.{FUNDS}"}


async def test_decimal_setting_number_out_of_range(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    body = json.dumps({"values": {FUNDS: "X"}}).replace('"X"', "1e999")
    r = await api.api.patch("/api/v1/t/alpha/settings", headers={**admin, **JSON}, content=body)
    assert set(error(r, 400, "request.invalid")) == {f"values.{FUNDS}"}


async def test_decimal_setting_string_is_stored_as_its_number(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    try:
        for sent, stored in [("  50  ", 50), ("12.50", 12.5), (" 3e2 ", 300), (7.25, 7.25)]:
            r = await api.api.patch(
                "/api/v1/t/alpha/settings", headers=admin, json={"values": {FUNDS: sent}}
            )
            assert r.status_code == 200, r.text
            value = {s["key"]: s for s in r.json()["settings"]}[FUNDS]["value"]
            assert value == stored and type(value) is type(stored), (sent, value)
        audit = await api.api.get("/api/v1/t/alpha/audit?action=tenant.settings", headers=admin)
        assert audit.json()[0]["details"]["changes"]["settings"]["new"][FUNDS] == 7.25
    finally:
        await api.api.patch(
            "/api/v1/t/alpha/settings", headers=admin, json={"values": {FUNDS: None}}
        )


def test_clean_settings_decides_the_stored_form() -> None:
    specs = [
        SettingSpec(
            key="d",
            label_zh="d",
            label_en="d",
            type="decimal",
            unit="万元",
            minimum=0,
            maximum=1000,
            article="a",
            original="o",
        ),
        SettingSpec(
            key="i",
            label_zh="i",
            label_en="i",
            type="int",
            unit="天",
            minimum=1,
            maximum=30,
            article="a",
            original="o",
        ),
    ]
    clean, problems = clean_settings(specs, {"d": " 50 ", "i": 3})
    assert (clean, problems) == ({"d": 50, "i": 3}, {})
    clean, problems = clean_settings(specs, {"d": Decimal("NaN"), "i": "3"})
    assert set(problems) == {"d", "i"}
    _, problems = clean_settings(specs, {"d": "1e999", "i": 4.0})
    assert set(problems) == {"d", "i"}


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
async def test_dates_outside_the_calendar(api: World, day: str) -> None:
    for who, tenant in [("a.admin", "alpha"), ("b.admin", "beta")]:
        headers = await api.auth(who, tenant)
        base = f"/api/v1/t/{tenant}/rules"
        for kind in ["ordinary", "major_matter", "personnel"]:
            r = await api.api.get(
                f"{base}/notice-deadlines?meeting={day}&kind={kind}", headers=headers
            )
            assert set(error(r, 400, "request.date_out_of_range")) == {"meeting"}
        r = await api.api.get(
            f"{base}/oversight-deadline?rule=oversight.inquiry.reply&event={day}", headers=headers
        )
        assert set(error(r, 400, "request.date_out_of_range")) == {"event"}
        r = await api.api.post(
            f"{base}/what-if", headers=headers, json={"expected": 7, "present": 4, "on": day}
        )
        assert set(error(r, 400, "request.date_out_of_range")) == {"on"}


async def test_deadline_beyond_the_calendar_names_the_parameter_sent(api: World) -> None:
    # The day itself is inside the calendar, the deadline counted from it is not: the answer
    # names the parameter the caller sent, never the calendar's own "date".
    for who, tenant in [("a.admin", "alpha"), ("b.admin", "beta")]:
        headers = await api.auth(who, tenant)
        base = f"/api/v1/t/{tenant}/rules"
        r = await api.api.get(f"{base}/notice-deadlines?meeting=1900-01-01", headers=headers)
        assert set(error(r, 400, "request.date_out_of_range")) == {"meeting"}
        key = "inquiry_reply_working_days"
        r = await api.api.patch(f"{base[:-6]}/settings", headers=headers, json={"values": {key: 5}})
        assert r.status_code == 200, r.text
        try:
            r = await api.api.get(
                f"{base}/oversight-deadline?rule=oversight.inquiry.reply&event=2199-12-31",
                headers=headers,
            )
            assert set(error(r, 400, "request.date_out_of_range")) == {"event"}
            # The last day that still has its deadline inside the calendar answers.
            r = await api.api.get(
                f"{base}/oversight-deadline?rule=oversight.inquiry.reply&event=2199-12-01",
                headers=headers,
            )
            assert r.status_code == 200, r.text
        finally:
            await api.api.patch(
                f"{base[:-6]}/settings", headers=headers, json={"values": {key: None}}
            )


async def test_what_if_numbers_are_strict_and_blame_the_right_field(api: World) -> None:
    member = await api.auth("a.mem", "alpha")
    url = "/api/v1/t/alpha/rules/what-if"

    async def fields_of(body: dict[str, Any]) -> set[str]:
        r = await api.api.post(url, headers=member, json=body)
        return set(error(r, 400, "request.invalid"))

    assert await fields_of({"expected": 0, "present": 0}) == {"expected"}
    assert await fields_of({"expected": 3, "present": 5}) == {"present"}
    assert await fields_of({"expected": 3, "present": 5, "written_against": 1}) == {"present"}
    assert await fields_of({"expected": 7, "present": 4, "recused": 5, "no": 1}) == {"recused"}
    assert await fields_of({"expected": 7, "present": 4, "no": 3, "abstain": 2}) == {
        "no",
        "abstain",
    }
    assert await fields_of({"expected": 7, "present": 4, "written_against": 4}) == {
        "written_against"
    }
    assert await fields_of({"expected": 7, "present": "4"}) == {"present"}
    assert await fields_of({"expected": 7, "present": 4.0}) == {"present"}
    assert await fields_of({"expected": "7", "present": 4}) == {"expected"}
    assert await fields_of({"expected": 7, "present": 4, "in_charge_present": "true"}) == {
        "in_charge_present"
    }
    # And a good question still gets its answer.
    r = await api.api.post(url, headers=member, json={"expected": 7, "present": 4, "yes": 4})
    assert r.status_code == 200, r.text


async def test_validation_errors_name_the_real_field(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    r = await api.api.post("/api/v1/auth/token", json={"login": "x", "scope": "platform"})
    assert set(error(r, 400, "request.invalid")) == {"password"}
    r = await api.api.post("/api/v1/t/alpha/rules/what-if", headers=admin)
    assert set(error(r, 400, "request.invalid")) == {"body"}
    r = await api.api.patch("/api/v1/t/alpha/settings", headers=admin, json={"valuez": {}})
    assert set(error(r, 400, "request.invalid")) == {"valuez"}
    r = await api.api.patch(
        "/api/v1/t/alpha/settings", headers=admin, json={"values": {FUNDS: -5, "nope": 1}}
    )
    assert set(error(r, 400, "request.invalid")) == {f"values.{FUNDS}", "values.nope"}
    r = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=admin,
        json={"rule_versions": [{"version": "ningbo-2024.1", "from": "soon"}]},
    )
    assert set(error(r, 400, "request.invalid")) == {"rule_versions[0].from"}
    r = await api.api.get("/api/v1/t/alpha/rules/notice-deadlines", headers=admin)
    assert set(error(r, 400, "request.invalid")) == {"meeting"}
    r = await api.api.get("/api/v1/t/alpha/rules/notice-deadlines?meeting=x", headers=admin)
    fields = error(r, 400, "request.invalid")
    assert set(fields) == {"meeting"} and "YYYY-MM-DD" in fields["meeting"]
    r = await api.api.get("/api/v1/t/alpha/members/99999999999", headers=admin)
    assert set(error(r, 400, "request.invalid")) == {"person_id"}


async def test_json_routes_refuse_other_content_types(api: World) -> None:
    creds = {"login": "a.admin", "password": PASSWORD, "scope": "tenant:alpha"}
    body = json.dumps(creds)
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]:
        for route in ["/api/v1/auth/token", "/api/v1/auth/login"]:
            r = await api.api.post(route, headers={"content-type": content_type}, content=body)
            assert set(error(r, 415, "request.unsupported_media_type")) == {"content-type"}
    # No content type at all with a body is refused too (curl -d sends a form type anyway).
    r = await api.api.post("/api/v1/auth/token", content=body)
    error(r, 415, "request.unsupported_media_type")
    admin = await api.auth("a.admin", "alpha")
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if",
        headers={**admin, "content-type": "text/plain"},
        content='{"expected": 7, "present": 4}',
    )
    error(r, 415, "request.unsupported_media_type")
    for content_type in ["application/json; charset=utf-8", "application/problem+json"]:
        r = await api.api.post(
            "/api/v1/auth/token", headers={"content-type": content_type}, content=body
        )
        assert r.status_code == 201, r.text


async def test_body_over_the_limit_is_413(api: World) -> None:
    big = {"login": "x" * 2_000_000, "password": "x", "scope": "platform"}
    r = await api.api.post("/api/v1/auth/token", json=big)
    assert set(error(r, 413, "request.too_large")) == {"body"}
    r = await api.api.post("/api/v1/auth/token", json=big, headers={"Accept-Language": "en"})
    assert "too large" in r.json()["error"]["message"]


async def test_suspended_tenant_is_423_for_its_members_404_for_others(api: World) -> None:
    member = await api.auth("a.mem", "alpha")
    outsider = await api.auth("b.mem1", "beta")
    system = Actor.system("tests")
    await do_set_status("alpha", "suspended", actor=system)
    try:
        r = await api.api.get("/api/v1/t/alpha/members", headers=member)
        error(r, 423, "tenant.suspended")
        r = await api.api.post(
            "/api/v1/t/alpha/rules/what-if", headers=member, json={"expected": 7, "present": 4}
        )
        error(r, 423, "tenant.suspended")
        # No role there: the same answer as for a tenant that does not exist (a session, so
        # the token's scope is not what refuses it).
        session = await api.session("b.mem1")
        suspended = await api.api.get("/api/v1/t/alpha/members", headers=session)
        missing = await api.api.get("/api/v1/t/gamma/members", headers=session)
        assert suspended.status_code == missing.status_code == 404
        assert suspended.json() == missing.json()
        assert (await api.api.get("/api/v1/t/beta/members", headers=outsider)).status_code == 200
        # Asking for a new token: a member is told the unit is suspended, not "no role here";
        # someone without a role gets the answer for a unit that does not exist.
        ask = {"password": PASSWORD, "scope": "tenant:alpha"}
        r = await api.api.post("/api/v1/auth/token", json={**ask, "login": "a.mem"})
        error(r, 423, "tenant.suspended")
        r = await api.api.post("/api/v1/auth/token", json={**ask, "login": "b.mem1"})
        gone = {**ask, "login": "b.mem1", "scope": "tenant:gamma"}
        missing = await api.api.post("/api/v1/auth/token", json=gone)
        assert r.status_code == missing.status_code != 423
        assert r.json() == missing.json()
    finally:
        await do_set_status("alpha", "active", actor=system)
    assert (await api.api.get("/api/v1/t/alpha/members", headers=member)).status_code == 200
