"""The rules API: explorer, settings (validated, audited), notice deadlines and what-if."""

from __future__ import annotations

from core.rules.plugins import available_jurisdictions
from tests.world import World


async def test_explorer_shows_every_jurisdiction_side_by_side(api: World) -> None:
    r = await api.api.get("/api/v1/rules", headers=await api.auth("a.mem", "alpha"))
    assert r.status_code == 200, r.text
    body = r.json()
    names = [j["info"]["name"] for j in body["jurisdictions"]]
    assert names == sorted(available_jurisdictions())
    assert {"bureau_committee", "district", "heilongjiang", "kunming", "nantong", "ningbo"} <= set(
        names
    )
    assert set(body["by_topic"]["quorum"]) == set(names)
    for j in body["jurisdictions"]:
        assert j["rules"], j["info"]["name"]
        assert all(e["citation"]["article"] and e["citation"]["original"] for e in j["rules"])


async def test_settings_read_change_validate_and_audit(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    r = await api.api.get("/api/v1/t/alpha/settings", headers=admin)
    assert r.status_code == 200, r.text
    by_key = {s["key"]: s for s in r.json()["settings"]}
    funds = by_key["major_funds_threshold_wan"]
    assert funds["status"] == "needs_setting" and funds["unit"]
    assert funds["minimum"] is not None and funds["maximum"] is not None
    assert funds["article"] and funds["original"]

    bad = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=admin,
        json={"values": {"major_funds_threshold_wan": -5, "nope": 1}},
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "request.invalid"
    assert set(bad.json()["error"]["fields"]) == {
        "values.major_funds_threshold_wan",
        "values.nope",
    }
    member = await api.auth("a.mem", "alpha")
    r = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=member,
        json={"values": {"major_funds_threshold_wan": 50}},
    )
    assert r.status_code == 403

    r = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=admin,
        json={"values": {"major_funds_threshold_wan": 50}},
    )
    assert r.status_code == 200, r.text
    assert {s["key"]: s for s in r.json()["settings"]}["major_funds_threshold_wan"][
        "status"
    ] == "set"
    audit = await api.api.get("/api/v1/t/alpha/audit?action=tenant.settings", headers=admin)
    changes = audit.json()[0]["details"]["changes"]["settings"]
    assert changes["new"]["major_funds_threshold_wan"] == 50
    assert "major_funds_threshold_wan" not in changes["old"]
    # Unset again: the rule needs it again.
    r = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=admin,
        json={"values": {"major_funds_threshold_wan": None}},
    )
    assert {s["key"]: s for s in r.json()["settings"]}["major_funds_threshold_wan"]["status"] == (
        "needs_setting"
    )

    r = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=admin,
        json={"rule_versions": [{"version": "ningbo-1999", "from": "2020-01-01"}]},
    )
    assert r.status_code == 400 and r.json()["error"]["fields"]["rule_versions"] == ["ningbo-1999"]


async def test_what_if_personnel_in_ningbo(api: World) -> None:
    member = await api.auth("a.mem", "alpha")
    base = {"kind": "personnel", "expected": 7}
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if", headers=member, json={**base, "present": 4, "yes": 4}
    )
    assert r.status_code == 200, r.text
    out = r.json()
    # 第十八条: half or more to meet, two-thirds (5 of 7) for 干部任免.
    assert out["meeting_quorum"]["outcome"] == "met"
    assert out["item_quorum"]["outcome"] == "not_met"
    assert out["item_quorum"]["numbers"]["needed"] == 5
    assert out["item_quorum"]["citation"]["article"].startswith("第十八条")
    assert "三分之二" in out["item_quorum"]["citation"]["original"]
    assert out["outcome"] == "not_decided"
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if",
        headers=member,
        json={**base, "present": 5, "yes": 4, "no": 1, "in_charge_present": True},
    )
    out = r.json()
    assert out["outcome"] == "passed", out
    assert out["passing"]["citation"]["article"].startswith("第十九条")
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if",
        headers=member,
        json={**base, "present": 5, "yes": 3, "no": 2, "in_charge_present": True},
    )
    assert r.json()["outcome"] == "failed"


async def test_what_if_nantong_two_thirds_for_every_meeting(api: World) -> None:
    r = await api.api.post(
        "/api/v1/t/beta/rules/what-if",
        headers=await api.auth("b.mem1", "beta"),
        json={"kind": "ordinary", "expected": 6, "present": 3, "yes": 3},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["meeting_quorum"]["outcome"] == "not_met"
    assert out["meeting_quorum"]["numbers"]["needed"] == 4
    assert out["meeting_quorum"]["citation"]["article"].startswith("三")
    assert out["outcome"] == "not_decided"


async def test_what_if_refuses_impossible_numbers(api: World) -> None:
    member = await api.auth("a.mem", "alpha")
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if",
        headers=member,
        json={"expected": 5, "present": 6, "yes": 9},
    )
    assert r.status_code == 400
    assert set(r.json()["error"]["fields"]) >= {"present", "yes"}
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if", headers=member, json={"present": 2, "kind": "flying"}
    )
    assert r.status_code == 400


async def test_what_if_defaults_to_the_body_size(api: World) -> None:
    r = await api.api.post(
        "/api/v1/t/beta/rules/what-if",
        headers=await api.auth("b.mem1", "beta"),
        json={"present": 7, "yes": 5},
    )
    assert r.status_code == 200 and r.json()["expected"] == 7  # beta has 7 body members


async def test_notice_deadlines_in_working_days(api: World) -> None:
    member = await api.auth("a.mem", "alpha")
    r = await api.api.get(
        "/api/v1/t/alpha/rules/notice-deadlines?meeting=2026-10-12&kind=major_matter",
        headers=member,
    )
    assert r.status_code == 200, r.text
    inspectors = [n for n in r.json() if n["recipients"] == "inspectors" and n["working_days"]]
    assert inspectors, r.json()
    # 第十九条(一): 三重一大 list and materials 2 working days before → Friday 2026-10-09.
    assert inspectors[0]["latest"] == "2026-10-09"
    r = await api.api.get("/api/v1/t/alpha/rules/notice-deadlines", headers=member)
    assert r.status_code == 400


async def test_tenant_rules_overview(api: World) -> None:
    r = await api.api.get("/api/v1/t/beta/rules", headers=await api.auth("b.mem1", "beta"))
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["plugin"] == "nantong" and out["catalog"]
    assert "ordinary" in out["notice_rules"]
    assert out["reconsideration"]["allowed"] is True  # 三(九)


async def test_tenant_moves_to_a_version_from_a_date(api: World) -> None:
    admin = await api.auth("b.admin", "beta")
    r = await api.api.get("/api/v1/t/beta/settings", headers=admin)
    versions = [v["version"] for v in r.json()["versions"]]
    schedule = [{"version": versions[0], "from": "2030-01-01"}]
    r = await api.api.patch(
        "/api/v1/t/beta/settings", headers=admin, json={"rule_versions": schedule}
    )
    assert r.status_code == 200, r.text
    assert r.json()["schedule"] == schedule
    audit = await api.api.get("/api/v1/t/beta/audit?action=tenant.settings", headers=admin)
    assert audit.json()[0]["details"]["changes"]["rule_versions"]["new"] == schedule
    r = await api.api.patch("/api/v1/t/beta/settings", headers=admin, json={"rule_versions": []})
    assert r.json()["schedule"] == []
