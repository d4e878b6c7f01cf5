"""The oversight baseline: the compendium's blanks as settings of every tenant, and deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from core.rules.baseline import (
    BASELINE_RULES,
    BASELINE_SETTINGS,
    DEADLINES,
    FUNDS_SETTINGS,
    MAJOR_NOTICE_DAYS,
    oversight_deadline,
)
from core.rules.calendar import WorkCalendar
from core.rules.conformance import _shared, normalize
from core.rules.engine import TenantRules, settings_specs
from core.rules.reach import COMPENDIUM_REACH, Reach
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
        assert spec.source == "oversight"
        if spec.type == "bool":  # a template the unit may adopt (item 12)
            assert spec.default is False, spec.key
        else:  # a blank: "XX", or "X个工作日" (三重一大实施办法 二(一))
            assert "X" in spec.original and spec.minimum is not None and spec.maximum is not None


def test_citations_name_their_part() -> None:
    # Issue 8, item 1: 「未按时反馈意见视为同意」 is 二(二) 议题协商, not (三); the neighbours are
    # 二(三) and 二(五); the personal-matter sentences are under 三、报告要求.
    by_rule = {e.rule: e.citation.article for e in BASELINE_RULES}
    assert by_rule["oversight.major.consultation_silence"].endswith(" 二(二)")
    assert by_rule["oversight.major.office_check"].endswith(" 二(三)")
    assert by_rule["oversight.major.chair_explains"].endswith(" 二(五)")
    assert by_rule["oversight.personal.written_report"].endswith(" 三")
    assert by_rule["oversight.personal.after_oral"].endswith(" 三")


def test_one_setting_per_funds_blank() -> None:
    # Item 6: 基本建设 (single and bundled), 维修装潢, 预算内支出和采购, 大型活动会议, 对下转移支付:
    # six blanks, six settings, each citing the sentence that holds its blank.
    assert len(FUNDS_SETTINGS) == 6
    sentences = {s.original for s in FUNDS_SETTINGS.values()}
    assert len(sentences) == 5  # single and bundled construction share one sentence
    assert all("XX万元" in s for s in sentences)


def test_major_notice_is_a_setting_of_at_least_one_working_day() -> None:
    # Item 10: 「提前X个工作日」 is a blank; the 细则 sets the floor 「至少提前l个工作日」.
    assert MAJOR_NOTICE_DAYS.minimum == 1 and MAJOR_NOTICE_DAYS.default == 1
    assert "X个工作日" in MAJOR_NOTICE_DAYS.original
    assert TenantRules("kunming", {}).ctx.settings["major_notice_working_days"] == 1


def test_head_travel_deadline_is_three_days() -> None:
    # Item 11: 「市局主要领导出差出访、离岗休假学习,须提前3天」 had no deadline verdict.
    v = oversight_deadline(
        "oversight.travel.head", TenantRules("nantong", {}).ctx, date(2026, 10, 12), CAL
    )
    assert v.outcome == Outcome.MET and v.numbers["due"] == "2026-10-09"
    assert v.numbers["days"] == 3 and v.citation.article.endswith("三、1")


@pytest.mark.parametrize(
    ("plugin", "duty_rule"),
    [
        # Kunming's text has no 述责述廉: the compendium's yearly one applies (item 11).
        ("kunming", "oversight.obligation.duty_report"),
        # Ningbo 第二十七条 sets its own yearly 述职述责述廉: the tenant's text prevails.
        ("ningbo", "ningbo.obligation.duty_report"),
    ],
)
def test_baseline_obligations(plugin: str, duty_rule: str) -> None:
    obs = TenantRules(plugin, {"interviews_per_year": 2}).obligations()
    by_rule = {ob.rule: ob for ob in obs}
    assert by_rule["oversight.obligation.collective_integrity_talk"].count == 1
    assert by_rule["oversight.obligation.interviews"].count == 2
    assert duty_rule in by_rule
    assert [ob.kind for ob in obs].count("duty_report") == 1
    # The interviews count waits for its setting.
    unset = {ob.rule: ob for ob in TenantRules(plugin, {}).obligations()}
    assert unset["oversight.obligation.interviews"].count is None


def test_templates_are_adopted_never_imposed() -> None:
    # Item 12: the bureau's monthly 中心组 and half-yearly disclosure bind nobody by default.
    rules = {ob.rule for ob in TenantRules("ningbo", {}).obligations()}
    assert not any(r.startswith("oversight.template.") for r in rules)
    adopted = {
        ob.rule for ob in TenantRules("ningbo", {"template_monthly_study": True}).obligations()
    }
    assert "oversight.template.monthly_study" in adopted
    assert "ningbo.obligation.study_sessions" in adopted  # the tenant's own quarterly stays


def test_reach_table_is_decided_rule_by_rule() -> None:
    text = _shared("oversight")
    for row in COMPENDIUM_REACH:
        assert normalize(row.citation.original) in text, row.topic
        assert row.reach in set(Reach) and row.note
    reach = {row.topic: row.reach for row in COMPENDIUM_REACH}
    assert reach["theory-study group monthly"] == Reach.TEMPLATE
    assert reach["personal matters disclosed half-yearly"] == Reach.TEMPLATE


@pytest.mark.parametrize("plugin", ["ningbo", "nantong", "kunming", "heilongjiang"])
def test_every_jurisdiction_gets_the_baseline(plugin: str) -> None:
    keys = {s.key for s in settings_specs(plugin)}
    assert {s.key for s in BASELINE_SETTINGS} <= keys


@pytest.mark.parametrize("rule", sorted(r for r, d in DEADLINES.items() if d.setting))
def test_deadline_needs_its_setting(rule: str) -> None:
    ctx = TenantRules("ningbo", {}).ctx
    v = oversight_deadline(rule, ctx, date(2026, 10, 12), CAL)
    assert v.outcome == Outcome.NEEDS_SETTING
    assert v.missing_settings == [DEADLINES[rule].setting]
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
    key = DEADLINES[rule].setting
    assert key is not None
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
