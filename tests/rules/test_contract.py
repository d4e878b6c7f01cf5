"""The meeting lifecycle's questions (issue 8), as each jurisdiction answers them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core.rules.engine import TenantRules
from core.rules.types import (
    Binding,
    DeferTrigger,
    ItemKind,
    MaterialsWindow,
    MeetingKind,
    MemberFacts,
    MinutesDue,
    SpeakingBinds,
    VoteChoice,
)

PLUGINS = ["ningbo", "nantong", "kunming", "heilongjiang"]


def r(plugin: str, **settings: object) -> TenantRules:
    return TenantRules(plugin, dict(settings))


@pytest.mark.parametrize(
    ("plugin", "delegates", "article"),
    [
        ("ningbo", ["deputy_secretary", "member"], "第十八条"),
        ("nantong", ["deputy_secretary"], "三(三)"),
        ("kunming", ["deputy_secretary"], "第二十一条"),
        ("heilongjiang", [], "第四条"),  # none written
    ],
)
def test_convening_and_delegation(plugin: str, delegates: list[str], article: str) -> None:
    conv = r(plugin).call("convening")
    assert conv.convenes == ["secretary"] and conv.delegates_to == delegates
    assert conv.citation.article == article


@pytest.mark.parametrize(
    ("plugin", "due", "signers"),
    [
        ("ningbo", MinutesDue.DECIDED_ITEMS, ["secretary", "delegated_chair"]),
        ("nantong", MinutesDue.WHEN_NEEDED, ["secretary"]),
        ("kunming", MinutesDue.DECIDED_ITEMS, ["secretary"]),
        ("heilongjiang", MinutesDue.EVERY_MEETING, ["secretary"]),
    ],
)
def test_minutes(plugin: str, due: MinutesDue, signers: list[str]) -> None:
    m = r(plugin).call("minutes_rules", kind=ItemKind.ORDINARY)
    assert (m.due, m.signers, m.series) == (due, signers, "meeting")
    assert r(plugin).call("minutes_rules", kind=ItemKind.MAJOR_MATTER).series == "major"


@pytest.mark.parametrize(
    ("plugin", "approver", "good_reason", "due"),
    [
        ("ningbo", "", False, ""),
        ("nantong", "chair", False, "before_meeting"),
        ("kunming", "", False, ""),
        ("heilongjiang", "secretary", True, ""),
    ],
)
def test_leave(plugin: str, approver: str, good_reason: bool, due: str) -> None:
    leave = r(plugin).call("leave_rules")
    assert (leave.approver, leave.good_reason_required, leave.opinion_due) == (
        approver,
        good_reason,
        due,
    )
    assert leave.written_opinion


def test_heilongjiang_personnel_choices_and_order() -> None:
    # 第十六条(二): 「按党组成员排序从后往前逐一发表同意、不同意或缓议等明确意见」.
    v = r("heilongjiang").call("voting_rules", kind=ItemKind.PERSONNEL)
    assert v.choices == [VoteChoice.YES, VoteChoice.NO, VoteChoice.DEFER]
    assert VoteChoice.ABSTAIN not in v.choices  # 缓议 is not an abstention
    assert v.named and v.default_method == "oral"  # named, and no named *ballot*
    members = [MemberFacts(id=i, position="member", rank=i) for i in range(1, 5)]
    order = r("heilongjiang").call("speaking_order", kind=ItemKind.PERSONNEL, members=members)
    assert order.binds == SpeakingBinds.FULL_ORDER
    ordinary = r("heilongjiang").call("speaking_order", kind=ItemKind.ORDINARY, members=members)
    assert ordinary.binds == SpeakingBinds.LAST_ONLY


@pytest.mark.parametrize(
    ("plugin", "binds"),
    [("ningbo", "last_only"), ("nantong", "none"), ("kunming", "last_only")],
)
def test_what_of_the_speaking_order_binds(plugin: str, binds: str) -> None:
    members = [MemberFacts(id=i, position="member", rank=i) for i in range(1, 5)]
    assert r(plugin).call("speaking_order", kind=ItemKind.ORDINARY, members=members).binds == binds


@pytest.mark.parametrize(
    ("plugin", "kind", "mandatory", "trigger", "urgent"),
    [
        ("nantong", ItemKind.MAJOR_MATTER, True, DeferTrigger.SPLIT_OPINIONS, True),
        ("heilongjiang", ItemKind.ORDINARY, True, DeferTrigger.SPLIT_OPINIONS, True),
        ("ningbo", ItemKind.MAJOR_MATTER, False, DeferTrigger.CLOSE_VOTE, False),
        ("kunming", ItemKind.MAJOR_MATTER, False, DeferTrigger.CLOSE_VOTE, False),
    ],
)
def test_deferral_must_or_may(
    plugin: str, kind: ItemKind, mandatory: bool, trigger: DeferTrigger, urgent: bool
) -> None:
    d = r(plugin).call("voting_rules", kind=kind).deferral
    assert d is not None
    assert (d.mandatory, d.triggers, d.except_urgent) == (mandatory, [trigger], urgent)


def test_named_is_not_named_ballot() -> None:
    # 实施细则 第六条(五): named = each member's choice recorded, by any method.
    v = r("ningbo").call("voting_rules", kind=ItemKind.MAJOR_MATTER)
    assert v.named and "secret_ballot" in v.methods
    assert not r("ningbo").call("voting_rules", kind=ItemKind.ORDINARY).named


def _notices(plugin: str, kind: ItemKind, meeting: MeetingKind, **s: object) -> dict[str, object]:
    rules = r(plugin, **s).call("notice_rules", kind=kind, meeting_kind=meeting)
    return {n.rule: n for n in rules}


def test_heilongjiang_temporary_meeting_is_exempt_and_notice_is_general() -> None:
    # 第十五条(一) 「除临时召开的会议，一般应当提前通知党组成员及派驻纪检监察组」.
    regular = _notices("heilongjiang", ItemKind.ORDINARY, MeetingKind.REGULAR)
    temporary = _notices("heilongjiang", ItemKind.ORDINARY, MeetingKind.TEMPORARY)
    (members,) = [n for n in regular.values() if n.rule.endswith("notice.members")]  # type: ignore[attr-defined]
    assert members.binding == Binding.GENERALLY  # type: ignore[attr-defined]
    assert temporary[members.rule].binding == Binding.EXEMPT  # type: ignore[attr-defined]


def test_ningbo_emergency_meeting_exempts_ordinary_items_only() -> None:
    # 第十八条 「遇突发事件和紧急情况，可召开紧急会议，议题在会上提出」; 三重一大 never ad hoc.
    ordinary = _notices("ningbo", ItemKind.ORDINARY, MeetingKind.EMERGENCY)
    assert ordinary["ningbo.notice.members"].binding == Binding.EXEMPT  # type: ignore[attr-defined]
    major = _notices("ningbo", ItemKind.MAJOR_MATTER, MeetingKind.EMERGENCY)
    assert major["ningbo.notice.members_working_day"].binding == Binding.MUST  # type: ignore[attr-defined]
    # 第十九条(一) 「一般应在会议召开前2个工作日」: an exception is recorded, not a violation.
    insp = major["ningbo.notice.inspectors_major"]
    assert insp.binding == Binding.GENERALLY and insp.exception_citation is not None  # type: ignore[attr-defined]


def test_major_notice_days_follow_the_setting() -> None:
    # Item 10: 三重一大实施办法 二(一) 「提前X个工作日」.
    n = _notices("ningbo", ItemKind.MAJOR_MATTER, MeetingKind.REGULAR, major_notice_working_days=3)
    wd = n["ningbo.notice.members_working_day"]
    assert (wd.days_before, wd.days_setting) == (3, "major_notice_working_days")  # type: ignore[attr-defined]


@pytest.mark.parametrize("plugin", PLUGINS)
def test_circulation_is_refused(plugin: str) -> None:
    p = r(plugin).call("circulation")
    assert not p.allowed and p.citation.article == "议事规则实施细则 第二条"


@pytest.mark.parametrize(
    ("plugin", "allowed_at"),
    [
        ("ningbo", [MeetingKind.EMERGENCY]),
        ("nantong", [MeetingKind.EMERGENCY]),
        ("kunming", []),
        ("heilongjiang", [MeetingKind.TEMPORARY]),
    ],
)
def test_ad_hoc_policy(plugin: str, allowed_at: list[MeetingKind]) -> None:
    policy = r(plugin).call("ad_hoc_policy")
    assert policy.allowed_at == allowed_at and ItemKind.PERSONNEL in policy.never


@pytest.mark.parametrize("plugin", PLUGINS)
def test_materials_windows(plugin: str) -> None:
    (disc,) = [
        m
        for m in r(plugin).call("materials_rules", kind=ItemKind.DISCIPLINE)
        if m.recipients == "members"
    ]
    assert disc.window == MaterialsWindow.AT_MEETING
    ordinary = r(plugin).call("materials_rules", kind=ItemKind.ORDINARY)
    assert all(m.window == MaterialsWindow.WITH_NOTICE for m in ordinary)


def test_ningbo_inspectors_get_major_materials_two_working_days_ahead() -> None:
    rows = r("ningbo").call("materials_rules", kind=ItemKind.MAJOR_MATTER)
    (insp,) = [m for m in rows if m.recipients == "inspectors"]
    assert (insp.days_before, insp.working_days) == (2, True)


@pytest.mark.parametrize("plugin", PLUGINS)
def test_report_events_are_open(plugin: str) -> None:
    rules = r(plugin)
    assert isinstance(rules.call("report_events"), list)
    assert rules.call("report_recipients", event="report_to_npc") == []


def test_conformance_runs_without_pytest() -> None:
    # Issue 8: `python -m core.rules.conformance NAME` failed with "No module named 'pytest'".
    code = (
        "import sys, runpy; sys.modules['pytest'] = None; sys.argv = ['c', 'kunming']; "
        "runpy.run_module('core.rules.conformance', run_name='__main__')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "kunming: ok"


@pytest.mark.parametrize("plugin", PLUGINS)
def test_procedure_rules_are_in_the_catalogue(plugin: str) -> None:
    rules = r(plugin)
    listed = {e.rule for e in rules.call("rule_catalog")}
    assert rules.call("circulation").rule in listed
    assert rules.call("emergency_disposal").rule in listed
