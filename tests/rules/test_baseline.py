"""The oversight baseline: the compendium's blanks as settings of every tenant, and deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from core.rules.baseline import BASELINE_RULES, BASELINE_SETTINGS, DEADLINES, oversight_deadline
from core.rules.calendar import WorkCalendar
from core.rules.conformance import _shared, normalize
from core.rules.engine import TenantRules, settings_specs
from core.rules.types import Outcome
from tests.world import World

CAL = WorkCalendar()


def test_every_baseline_citation_is_in_the_compendium() -> None:
    text = _shared("oversight")
    for entry in BASELINE_RULES:
        assert entry.citation.source == "oversight"
        assert normalize(entry.citation.original) in text, entry.rule
    for spec in BASELINE_SETTINGS:
        assert normalize(spec.original) in text, spec.key
        assert "XX" in spec.original and spec.minimum is not None and spec.maximum is not None


@pytest.mark.parametrize("plugin", ["ningbo", "nantong", "kunming", "heilongjiang"])
def test_every_jurisdiction_gets_the_baseline(plugin: str) -> None:
    keys = {s.key for s in settings_specs(plugin)}
    assert {s.key for s in BASELINE_SETTINGS} <= keys


@pytest.mark.parametrize("rule", sorted(DEADLINES))
def test_deadline_needs_its_setting(rule: str) -> None:
    ctx = TenantRules("ningbo", {}).ctx
    v = oversight_deadline(rule, ctx, date(2026, 10, 12), CAL)
    assert v.outcome == Outcome.NEEDS_SETTING
    assert v.missing_settings == [DEADLINES[rule][0]]
    assert "XX" in v.citation.original


@pytest.mark.parametrize(
    ("rule", "days", "event", "due"),
    [
        # 函询: reply within N working days of receipt; across National Day 2026 (10-01..07 off):
        # Wed 09-30 is the 1st, Thu 10-08 the 2nd, Fri 10-09 the 3rd.
        ("oversight.inquiry.reply", 3, date(2026, 9, 29), date(2026, 10, 9)),
        # …and an adjusted Saturday (2026-10-10) counts as a working day.
        ("oversight.inquiry.reply", 2, date(2026, 10, 8), date(2026, 10, 10)),
        # 约谈: the notice N calendar days before the interview.
        ("oversight.interview.notice", 3, date(2026, 10, 12), date(2026, 10, 9)),
        ("oversight.interview.rectification_plan", 15, date(2026, 10, 12), date(2026, 10, 27)),
        ("oversight.travel.others", 2, date(2026, 10, 12), date(2026, 10, 10)),
    ],
)
def test_deadlines(rule: str, days: int, event: date, due: date) -> None:
    key = DEADLINES[rule][0]
    v = oversight_deadline(rule, TenantRules("kunming", {key: days}).ctx, event, CAL)
    assert v.outcome == Outcome.MET
    assert v.numbers["due"] == due.isoformat()
    assert v.citation.source == "oversight"


async def test_baseline_through_the_api(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    r = await api.api.get("/api/v1/rules", headers=admin)
    assert {e["rule"] for e in r.json()["shared"]} >= set(DEADLINES)
    r = await api.api.get(
        "/api/v1/t/alpha/rules/oversight-deadline?rule=oversight.inquiry.reply&event=2026-09-29",
        headers=admin,
    )
    assert r.status_code == 200 and r.json()["outcome"] == "needs_setting"
    r = await api.api.patch(
        "/api/v1/t/alpha/settings",
        headers=admin,
        json={"values": {"inquiry_reply_working_days": 3}},
    )
    assert r.status_code == 200, r.text
    try:
        r = await api.api.get(
            "/api/v1/t/alpha/rules/oversight-deadline?rule=oversight.inquiry.reply&event=2026-09-29",
            headers=admin,
        )
        assert r.json()["outcome"] == "met" and r.json()["numbers"]["due"] == "2026-10-09"
    finally:
        await api.api.patch(
            "/api/v1/t/alpha/settings",
            headers=admin,
            json={"values": {"inquiry_reply_working_days": None}},
        )
    r = await api.api.get(
        "/api/v1/t/alpha/rules/oversight-deadline?rule=nope&event=2026-09-29", headers=admin
    )
    assert r.status_code == 400
