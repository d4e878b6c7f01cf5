"""Kunming rules, case by case from the source (中共昆明市人民代表大会常务委员会党组工作规则).

Thresholds (RULES.md, Counting): 以上 includes the number, 超过 excludes it.
  第二十二条 半数以上 (meeting, ordinary item):   5→3 6→3 7→4 8→4 9→5 10→5 11→6
  第二十二条 三分之二以上 (重大问题, 干部任免):    5→4 6→4 7→5 8→6 9→6 10→7 11→8
  第二十三条 赞成票超过应到会党组成员半数:         5→3 6→4 7→4 8→5 9→5 10→6 11→6
"""

from __future__ import annotations

from typing import Any

import pytest

from core.rules.engine import TenantRules, settings_specs, what_if
from core.rules.types import (
    Attendance,
    ClassifyInput,
    ItemKind,
    MemberFacts,
    Outcome,
    Tally,
)
from plugins.kunming import citations as c

SIZES = range(5, 12)
HALF = {5: 3, 6: 3, 7: 4, 8: 4, 9: 5, 10: 5, 11: 6}
TWO_THIRDS = {5: 4, 6: 4, 7: 5, 8: 6, 9: 6, 10: 7, 11: 8}
PASS = {5: 3, 6: 4, 7: 4, 8: 5, 9: 5, 10: 6, 11: 6}

THRESHOLD_KEY = "major_funds_threshold_wan"


def rules(**settings: Any) -> TenantRules:
    return TenantRules("kunming", settings)


def around(needed: dict[int, int]) -> list[Any]:
    """At, just below and just above the threshold for every body size 5–11."""
    cases = []
    for n in SIZES:
        for delta, label in ((-1, "below"), (0, "at"), (1, "above")):
            count = needed[n] + delta
            if 0 <= count <= n:
                cases.append(pytest.param(n, count, delta >= 0, id=f"{n}-{label}-{count}"))
    return cases


# --- meeting quorum: 第二十二条 "半数以上成员到会方可举行" --------------------------------------


@pytest.mark.parametrize(("expected", "present", "met"), around(HALF))
def test_meeting_quorum(expected: int, present: int, met: bool) -> None:
    v = rules().meeting_quorum(Attendance(expected=expected, present=present))
    assert v.ok is met
    assert v.rule == "kunming.quorum.meeting"
    assert v.citation.article == "第二十二条"
    assert v.numbers["needed"] == HALF[expected]


# --- item quorum by kind ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [ItemKind.STUDY, ItemKind.BRIEFING], ids=["study", "briefing"])
@pytest.mark.parametrize(("expected", "present", "met"), around(HALF))
def test_undecided_item_quorum(kind: ItemKind, expected: int, present: int, met: bool) -> None:
    # Items heard without a decision (传达学习, 通报) keep the meeting's half (第二十二条).
    v = rules().item_quorum(kind, Attendance(expected=expected, present=present))
    assert (v.ok, v.rule, v.citation.article) == (met, "kunming.quorum.item", "第二十二条")


@pytest.mark.parametrize(("expected", "present", "met"), around(TWO_THIRDS))
def test_item_for_decision_is_a_major_issue(expected: int, present: int, met: bool) -> None:
    # Issue 8, item 2: 第六条 「党组讨论和决定下列重大问题:」 and 第二十二条 two-thirds for
    # 讨论重大问题. An item declared `ordinary` (e.g. 第六条(二) 机构设置) met with 5 of 9; 6 are
    # needed now.
    v = rules().item_quorum(ItemKind.ORDINARY, Attendance(expected=expected, present=present))
    assert (v.ok, v.rule, v.citation.article) == (met, "kunming.quorum.major_issue", "第二十二条")
    assert v.numbers["needed"] == TWO_THIRDS[expected]
    assert "第六条" in v.explanation_zh


def test_organisation_item_five_of_nine_is_not_enough() -> None:
    item = ClassifyInput(categories=["organization"])
    result = rules().call("classify_item", item=item)
    assert result.kind == ItemKind.MAJOR_ISSUE
    assert [v.citation.article for v in result.verdicts] == ["第六条(二)"]
    v = rules().item_quorum(result.kind, Attendance(expected=9, present=5))
    assert v.outcome == Outcome.NOT_MET and v.numbers["needed"] == 6


@pytest.mark.parametrize(
    "kind",
    [ItemKind.MAJOR_ISSUE, ItemKind.PERSONNEL, ItemKind.MAJOR_MATTER],
    ids=["major_issue", "personnel", "major_matter"],
)
@pytest.mark.parametrize(("expected", "present", "met"), around(TWO_THIRDS))
def test_two_thirds_kinds(kind: ItemKind, expected: int, present: int, met: bool) -> None:
    # 第二十二条 "讨论重大问题和干部任免事项必须有三分之二以上党组成员到会"; 三重一大 items are
    # 重大问题 under 第六条(六).
    att = Attendance(expected=expected, present=present, in_charge_present=True)
    v = rules().item_quorum(kind, att)
    assert v.ok is met
    assert v.rule == f"kunming.quorum.{kind}"
    assert v.citation.article == "第二十二条"
    assert v.numbers["needed"] == TWO_THIRDS[expected]


@pytest.mark.parametrize(
    ("kind", "attendance", "outcome", "rule", "article"),
    [
        # Recusal (第二十二条 回避): out of both base and count. 9 members, 1 recused → base 8.
        pytest.param(
            ItemKind.PERSONNEL,
            Attendance(expected=9, present=7, recused=1, in_charge_present=True),
            Outcome.MET,
            "kunming.quorum.personnel",
            "第二十二条",
            id="personnel-9-recused1-present6of8",
        ),
        pytest.param(
            ItemKind.PERSONNEL,
            Attendance(expected=9, present=6, recused=1),
            Outcome.NOT_MET,
            "kunming.quorum.personnel",
            "第二十二条",
            id="personnel-9-recused1-present5of8",
        ),
        pytest.param(
            ItemKind.BRIEFING,
            Attendance(expected=7, present=4, recused=1),
            Outcome.MET,
            "kunming.quorum.item",
            "第二十二条",
            id="ordinary-7-recused1-present3of6",
        ),
        pytest.param(
            ItemKind.BRIEFING,
            Attendance(expected=7, present=3, recused=1),
            Outcome.NOT_MET,
            "kunming.quorum.item",
            "第二十二条",
            id="ordinary-7-recused1-present2of6",
        ),
        # 三重一大: the member in charge must be present (oversight compendium).
        pytest.param(
            ItemKind.MAJOR_MATTER,
            Attendance(expected=9, present=9, in_charge_present=False),
            Outcome.NOT_MET,
            "kunming.quorum.major_matter",
            c.OV_IN_CHARGE.article,
            id="major_matter-all-present-in-charge-absent",
        ),
        pytest.param(
            ItemKind.MAJOR_MATTER,
            Attendance(expected=9, present=6, in_charge_present=True),
            Outcome.MET,
            "kunming.quorum.major_matter",
            "第二十二条",
            id="major_matter-two-thirds-in-charge-present",
        ),
        pytest.param(
            ItemKind.MAJOR_MATTER,
            Attendance(expected=9, present=5, in_charge_present=True),
            Outcome.NOT_MET,
            "kunming.quorum.major_matter",
            "第二十二条",
            id="major_matter-more-than-half-not-enough",
        ),
        # The in-charge rule is for 三重一大 only.
        pytest.param(
            ItemKind.MAJOR_ISSUE,
            Attendance(expected=9, present=6, in_charge_present=False),
            Outcome.MET,
            "kunming.quorum.major_issue",
            "第二十二条",
            id="major_issue-in-charge-absent-irrelevant",
        ),
        # 处分党员 is not a kind of this source, but 违纪处理 is 三重一大 (三重一大实施办法
        # 一(二)5): the major-matter rule (two-thirds and the member in charge), never the
        # ordinary fallback. 5 of 9 met only the ordinary half; two-thirds of 9 is 6.
        pytest.param(
            ItemKind.DISCIPLINE,
            Attendance(expected=9, present=5),
            Outcome.NOT_MET,
            "kunming.quorum.major_matter",
            "第二十二条",
            id="discipline-unlisted-as-major-matter",
        ),
        # Pinned case: 7 members, 4 present, in charge absent (was met).
        pytest.param(
            ItemKind.DISCIPLINE,
            Attendance(expected=7, present=4, in_charge_present=False),
            Outcome.NOT_MET,
            "kunming.quorum.major_matter",
            "第二十二条",
            id="discipline-7-4-in-charge-absent",
        ),
        pytest.param(
            ItemKind.DISCIPLINE,
            Attendance(expected=7, present=5, in_charge_present=False),
            Outcome.NOT_MET,
            "kunming.quorum.major_matter",
            c.OV_IN_CHARGE.article,
            id="discipline-two-thirds-in-charge-absent",
        ),
        pytest.param(
            ItemKind.DISCIPLINE,
            Attendance(expected=7, present=5, in_charge_present=True),
            Outcome.MET,
            "kunming.quorum.major_matter",
            "第二十二条",
            id="discipline-two-thirds-in-charge-present",
        ),
        # 干部任免 is 三重一大 (重要人事任免): two-thirds raises the number, the member in charge
        # must still be present (三重一大实施办法 二). Was met.
        pytest.param(
            ItemKind.PERSONNEL,
            Attendance(expected=7, present=5, in_charge_present=False),
            Outcome.NOT_MET,
            "kunming.quorum.personnel",
            c.OV_IN_CHARGE.article,
            id="personnel-two-thirds-in-charge-absent",
        ),
        pytest.param(
            ItemKind.PERSONNEL,
            Attendance(expected=7, present=5, in_charge_present=True),
            Outcome.MET,
            "kunming.quorum.personnel",
            "第二十二条",
            id="personnel-two-thirds-in-charge-present",
        ),
    ],
)
def test_item_quorum_cases(
    kind: ItemKind, attendance: Attendance, outcome: Outcome, rule: str, article: str
) -> None:
    v = rules().item_quorum(kind, attendance)
    assert (v.outcome, v.rule, v.citation.article) == (outcome, rule, article)


# --- passing: 第二十三条 "赞成票超过应到会党组成员半数为通过" -----------------------------------


@pytest.mark.parametrize("kind", list(ItemKind), ids=[str(k) for k in ItemKind])
@pytest.mark.parametrize(("expected", "yes", "met"), around(PASS))
def test_passing_majority_of_expected(kind: ItemKind, expected: int, yes: int, met: bool) -> None:
    v = rules().passing(kind, Tally(expected=expected, yes=yes, no=expected - yes))
    assert v.ok is met
    assert (v.rule, v.citation.article) == ("kunming.passing.majority_of_expected", "第二十三条")


@pytest.mark.parametrize(
    ("tally", "met"),
    [
        # Absent members' written opinions are never votes (第二十三条).
        pytest.param(
            Tally(expected=7, yes=3, no=0, written_for=3), False, id="written-for-ignored"
        ),
        pytest.param(Tally(expected=7, yes=4, no=0, written_against=3), True, id="written-against"),
        # Base = members expected, not those present: 4 present all yes of 8 is not enough.
        pytest.param(Tally(expected=8, yes=4), False, id="present-all-yes-not-enough"),
        # Abstentions count against passing.
        pytest.param(Tally(expected=6, yes=3, abstain=3), False, id="abstain-counts-against"),
        # Recused members leave the base: 8 − 1 = 7 → 4 yes pass.
        pytest.param(Tally(expected=8, yes=4, recused=1), True, id="recused-out-of-base"),
        pytest.param(Tally(expected=8, yes=3, recused=1), False, id="recused-still-short"),
    ],
)
def test_passing_cases(tally: Tally, met: bool) -> None:
    v = rules().passing(ItemKind.ORDINARY, tally)
    assert (v.ok, v.citation.article) == (met, "第二十三条")
    assert v.numbers["written_opinions_not_counted"] == tally.written_for + tally.written_against


def test_what_if_major_matter_in_charge_absent() -> None:
    result = what_if(
        rules(), kind=ItemKind.MAJOR_MATTER, expected=9, present=8, in_charge_present=False, yes=8
    )
    assert result["outcome"] == "not_decided"
    assert result["item_quorum"].citation.article == c.OV_IN_CHARGE.article


# --- item kinds and classification --------------------------------------------------------------


def test_item_kinds() -> None:
    kinds = [k.kind for k in rules().call("item_kinds")]
    assert kinds == [
        ItemKind.ORDINARY,
        ItemKind.STUDY,
        ItemKind.BRIEFING,
        ItemKind.MAJOR_ISSUE,
        ItemKind.PERSONNEL,
        ItemKind.MAJOR_MATTER,
    ]


@pytest.mark.parametrize(
    ("settings", "item", "kind", "outcome", "article"),
    [
        pytest.param(
            {},
            ClassifyInput(categories=["personnel"]),
            ItemKind.PERSONNEL,
            Outcome.MET,
            "第二十二条",
            id="personnel",
        ),
        pytest.param(
            {},
            ClassifyInput(categories=["discipline"]),
            ItemKind.MAJOR_MATTER,
            Outcome.MET,
            c.OV_DISCIPLINE.article,
            id="discipline-is-major-matter",
        ),
        pytest.param(
            {},
            ClassifyInput(categories=["decision"]),
            ItemKind.MAJOR_MATTER,
            Outcome.MET,
            c.OV_SCOPE.article,
            id="decision",
        ),
        pytest.param(
            {},
            ClassifyInput(categories=["project"]),
            ItemKind.MAJOR_MATTER,
            Outcome.MET,
            "第六条(六)",
            id="project",
        ),
        pytest.param(
            {},
            ClassifyInput(categories=["funds"], amount_wan=30.0),
            ItemKind.MAJOR_MATTER,
            Outcome.NEEDS_SETTING,
            c.OV_FUNDS_THRESHOLD.article,
            id="funds-threshold-unset",
        ),
        pytest.param(
            {THRESHOLD_KEY: 50},
            ClassifyInput(categories=["funds"], amount_wan=50.0),
            ItemKind.MAJOR_MATTER,
            Outcome.MET,
            c.OV_FUNDS_THRESHOLD.article,
            id="funds-at-threshold",
        ),
        pytest.param(
            {THRESHOLD_KEY: 50},
            ClassifyInput(declared_kind=ItemKind.BRIEFING, categories=["funds"], amount_wan=49.99),
            ItemKind.BRIEFING,
            Outcome.NOT_MET,
            c.OV_FUNDS_THRESHOLD.article,
            id="funds-below-threshold",
        ),
        pytest.param(
            {THRESHOLD_KEY: 50},
            ClassifyInput(
                declared_kind=ItemKind.MAJOR_ISSUE, categories=["funds"], amount_wan=10.0
            ),
            ItemKind.MAJOR_ISSUE,
            Outcome.NOT_MET,
            c.OV_FUNDS_THRESHOLD.article,
            id="declared-major-issue-kept",
        ),
        pytest.param(
            {},
            ClassifyInput(categories=["funds"]),
            ItemKind.MAJOR_MATTER,
            Outcome.MET,
            "第六条(六)",
            id="funds-without-amount",
        ),
        pytest.param(
            {THRESHOLD_KEY: 50},
            ClassifyInput(categories=["funds"]),
            ItemKind.MAJOR_MATTER,
            Outcome.MET,
            "第六条(六)",
            id="funds-without-amount-threshold-set",
        ),
        pytest.param(
            {},
            ClassifyInput(declared_kind=ItemKind.STUDY),
            ItemKind.STUDY,
            Outcome.NOT_APPLICABLE,
            c.OV_SCOPE.article,
            id="no-category",
        ),
        # Issue 8, item 2: an item for decision is a 重大问题 whatever it is called (was ordinary).
        pytest.param(
            {},
            ClassifyInput(declared_kind=ItemKind.ORDINARY),
            ItemKind.MAJOR_ISSUE,
            Outcome.MET,
            "第六条",
            id="item-for-decision",
        ),
    ],
)
def test_classify(
    settings: dict[str, Any], item: ClassifyInput, kind: ItemKind, outcome: Outcome, article: str
) -> None:
    result = rules(**settings).call("classify_item", item=item)
    assert result.kind == kind
    assert [(v.outcome, v.citation.article) for v in result.verdicts] == [(outcome, article)]


def test_classify_strictest_kind_wins() -> None:
    result = rules().call("classify_item", item=ClassifyInput(categories=["project", "personnel"]))
    assert result.kind == ItemKind.PERSONNEL
    assert len(result.verdicts) == 2


def test_unset_threshold_names_the_key() -> None:
    result = rules().call(
        "classify_item", item=ClassifyInput(categories=["funds"], amount_wan=1000.0)
    )
    (verdict,) = result.verdicts
    assert verdict.outcome == Outcome.NEEDS_SETTING
    assert verdict.missing_settings == [THRESHOLD_KEY]
    assert verdict.rule == "kunming.classify.major_funds"
    assert result.kind == ItemKind.MAJOR_MATTER
    assert "三重一大" in verdict.explanation_zh


def test_funds_without_amount_asks_for_it() -> None:
    result = rules().call("classify_item", item=ClassifyInput(categories=["funds"]))
    (verdict,) = result.verdicts
    assert "请填写金额" in verdict.explanation_zh


def test_settings_spec() -> None:
    # Issue 8, item 6: the threshold is the compendium's blank, declared once by the baseline
    # and citing the sentence that holds it (it cited 第六条(六), which has no blank).
    assert rules().hooks.settings_spec() == []
    spec = {s.key: s for s in settings_specs("kunming")}[THRESHOLD_KEY]
    assert (spec.type, spec.unit, spec.default, spec.source) == (
        "decimal",
        "万元",
        None,
        "oversight",
    )
    assert spec.article == "三重一大实施办法 一(四)1" and "XX万元" in spec.original


# --- voting rules and speaking order ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "named", "default", "defer"),
    [
        pytest.param(ItemKind.ORDINARY, False, "hands", False, id="ordinary"),
        pytest.param(ItemKind.MAJOR_ISSUE, False, "hands", False, id="major_issue"),
        # 干部任免 is 三重一大: 议事规则实施细则 第六条(五) "表决一般采用记名形式" (was False).
        pytest.param(ItemKind.PERSONNEL, True, "named_ballot", True, id="personnel"),
        pytest.param(ItemKind.MAJOR_MATTER, True, "named_ballot", True, id="major_matter"),
        # 处分党员 is 三重一大 too: at least as strict as a major matter.
        pytest.param(ItemKind.DISCIPLINE, True, "named_ballot", True, id="discipline"),
    ],
)
def test_voting_rules(kind: ItemKind, named: bool, default: str, defer: bool) -> None:
    v = rules().call("voting_rules", kind=kind)
    assert v.methods == ["oral", "hands", "secret_ballot", "named_ballot"]
    assert (v.named_by_default, v.default_method, v.split_opinions_defer) == (
        named,
        default,
        defer,
    )
    assert (v.item_by_item, v.person_by_person, v.proxy_votes, v.absent_opinion_counts) == (
        True,
        False,
        False,
        False,
    )
    assert v.citations[0].article == "第二十三条"
    # Named by default only on the compendium's word (议事规则实施细则 第六条(五)), cited.
    assert named is (c.OV_NAMED_VOTES in v.citations)


def _members(chair: int | None) -> list[MemberFacts]:
    positions = {1: "secretary", 2: "deputy_secretary"}
    return [
        MemberFacts(id=i, position=positions.get(i, "member"), rank=i, chairing=i == chair)
        for i in range(1, 8)
    ]


@pytest.mark.parametrize(
    ("kind", "members", "order"),
    [
        pytest.param(ItemKind.ORDINARY, _members(None), [2, 3, 4, 5, 6, 7, 1], id="secretary"),
        pytest.param(ItemKind.PERSONNEL, _members(1), [2, 3, 4, 5, 6, 7, 1], id="secretary-chair"),
        # 第二十一条: the deputy chairs when the secretary cannot attend; the chair is last.
        pytest.param(
            ItemKind.MAJOR_MATTER,
            [m for m in _members(2) if m.id != 1],
            [3, 4, 5, 6, 7, 2],
            id="deputy-chairs",
        ),
    ],
)
def test_speaking_order(kind: ItemKind, members: list[MemberFacts], order: list[int]) -> None:
    s = rules().call("speaking_order", kind=kind, members=members)
    assert s.order == order
    assert (s.rule, s.citation.article) == ("kunming.speaking.chair_last", "第二十三条")


# --- notice and ad-hoc motions ------------------------------------------------------------------


def _notice(kind: ItemKind) -> dict[str, Any]:
    return {
        n.rule: (n.recipients, n.days_before, n.working_days, n.materials, n.citation.article)
        for n in rules().call("notice_rules", meeting_kind="regular", kind=kind)
    }


MEMBERS_2_DAYS = ("members", 2, False, False, "第二十一条")
MEMBERS_1_WORKING_DAY = ("members", 1, True, True, c.OV_NOTICE.article)
ATTENDEES = ("attendees", None, False, False, "第二十二条")
# The deadline's own sentence (议事规则实施细则 第六条(三)), not 三(五) (which only says the
# inspectors sit in).
INSPECTORS_1_WORKING_DAY = ("inspectors", 1, True, True, c.OV_NOTICE.article)
MAJOR_NOTICES = {
    "kunming.notice.members": MEMBERS_2_DAYS,
    "kunming.notice.members_working_day": MEMBERS_1_WORKING_DAY,
    "kunming.notice.attendees": ATTENDEES,
    "kunming.notice.inspectors": INSPECTORS_1_WORKING_DAY,
}


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        pytest.param(
            ItemKind.ORDINARY,
            {
                "kunming.notice.members": MEMBERS_2_DAYS,
                "kunming.notice.members_working_day": MEMBERS_1_WORKING_DAY,
                "kunming.notice.attendees": ATTENDEES,
            },
            id="ordinary",
        ),
        pytest.param(
            ItemKind.MAJOR_ISSUE,
            {
                "kunming.notice.members": MEMBERS_2_DAYS,
                "kunming.notice.members_working_day": MEMBERS_1_WORKING_DAY,
                "kunming.notice.attendees": ATTENDEES,
            },
            id="major_issue",
        ),
        pytest.param(
            ItemKind.PERSONNEL,
            {
                "kunming.notice.members": MEMBERS_2_DAYS,
                # Materials only at the meeting, collected afterwards.
                "kunming.notice.personnel": (
                    "members",
                    1,
                    True,
                    False,
                    c.OV_PERSONNEL_MATERIALS.article,
                ),
                "kunming.notice.attendees": ATTENDEES,
                # 干部任免 is 三重一大: the inspectors sit in; papers only at the meeting.
                "kunming.notice.inspectors": ("inspectors", 1, True, False, c.OV_NOTICE.article),
            },
            id="personnel",
        ),
        pytest.param(ItemKind.MAJOR_MATTER, MAJOR_NOTICES, id="major_matter"),
        # Issue 8, item 8: 处分党员 is 重要人事: materials only at the meeting (they went out
        # with the notice).
        pytest.param(
            ItemKind.DISCIPLINE,
            {
                "kunming.notice.members": MEMBERS_2_DAYS,
                "kunming.notice.personnel": (
                    "members",
                    1,
                    True,
                    False,
                    c.OV_PERSONNEL_MATERIALS.article,
                ),
                "kunming.notice.attendees": ATTENDEES,
                "kunming.notice.inspectors": ("inspectors", 1, True, False, c.OV_NOTICE.article),
            },
            id="discipline",
        ),
    ],
)
def test_notice_rules(kind: ItemKind, expected: dict[str, Any]) -> None:
    assert _notice(kind) == expected


@pytest.mark.parametrize(
    ("kind", "emergency", "allowed", "rule", "article"),
    [
        pytest.param(
            ItemKind.ORDINARY, False, False, "kunming.adhoc.refused", c.OV_NO_AD_HOC.article,
            id="ordinary",
        ),
        # 实施细则 第六条(四) "不许临时动议" has no emergency exception; 第二十一条 "可以随时召开"
        # is about calling a meeting, not raising items at it (was allowed).
        pytest.param(
            ItemKind.ORDINARY, True, False, "kunming.adhoc.refused", c.OV_NO_AD_HOC.article,
            id="ordinary-emergency",
        ),
        pytest.param(
            ItemKind.DISCIPLINE, True, False, "kunming.adhoc.major_refused",
            c.OV_NO_AD_HOC_MAJOR.article, id="discipline-emergency",
        ),
        pytest.param(
            ItemKind.MAJOR_ISSUE, True, False, "kunming.adhoc.major_refused",
            c.OV_NO_AD_HOC_MAJOR.article, id="major_issue-emergency",
        ),
        pytest.param(
            ItemKind.MAJOR_MATTER, False, False, "kunming.adhoc.major_refused",
            c.OV_NO_AD_HOC_MAJOR.article, id="major_matter",
        ),
        pytest.param(
            ItemKind.MAJOR_MATTER, True, False, "kunming.adhoc.major_refused",
            c.OV_NO_AD_HOC_MAJOR.article, id="major_matter-emergency",
        ),
        pytest.param(
            ItemKind.PERSONNEL, True, False, "kunming.adhoc.personnel_refused",
            "干部人事管理暂行办法 二十", id="personnel-emergency",
        ),
    ],
)  # fmt: skip
def test_ad_hoc_motion(
    kind: ItemKind, emergency: bool, allowed: bool, rule: str, article: str
) -> None:
    v = rules().call("ad_hoc_motion", kind=kind, emergency=emergency)
    assert (v.ok, v.rule, v.citation.article) == (allowed, rule, article)


# --- procedures, obligations, recipients --------------------------------------------------------


@pytest.mark.parametrize(
    ("hook", "article"),
    [
        pytest.param("reconsideration", "第二十四条", id="reconsideration"),
    ],
)
def test_procedures_not_provided(hook: str, article: str) -> None:
    p = rules().call(hook)
    assert p.allowed is False
    assert p.citation.article == article


def test_emergency_disposal_is_the_compendiums() -> None:
    # Issue 8, item 7: it was refused; 议事规则实施细则 第十七条 「党组成员可临机处置,事后应及时
    # 向领导集体报告」 applies where the source is silent.
    p = rules().call("emergency_disposal")
    assert (p.allowed, p.report_to_next_meeting) == (True, True)
    assert p.citation.article == "议事规则实施细则 第十七条" and p.citation.source == "oversight"


@pytest.mark.parametrize(
    ("kind", "count", "period", "article"),
    [
        pytest.param("regular_meeting", 1, "month", "第二十一条", id="regular_meeting"),
        pytest.param("report_to_superior", 2, "year", "第十三条", id="report_to_superior"),
        pytest.param("study_session", 8, "year", "第十五条", id="study_session"),
        pytest.param("democratic_life", 1, "year", "第十六条", id="democratic_life"),
        pytest.param("field_research", 2, "year", "第十八条(三)", id="field_research"),
    ],
)
def test_obligations(kind: str, count: int, period: str, article: str) -> None:
    by_kind = {o.kind: o for o in rules().call("obligations")}
    o = by_kind[kind]
    assert (o.count, o.period, o.citation.article) == (count, period, article)


def test_field_research_is_two_months_not_two_events() -> None:
    # 第十八条(三) "…时间原则不得少于2个月": count 2 is a duration; label and summary say so.
    (o,) = [o for o in rules().call("obligations") if o.kind == "field_research"]
    assert "2 months" in o.label_zh and "2个月" in o.label_zh
    # Issue 8, item 3: it was "2 events a year" for the body; two one-day visits passed.
    assert (o.count, o.unit, o.scope, o.generally) == (2, "months", "each_member", True)
    (entry,) = [e for e in rules().call("rule_catalog") if e.rule == o.rule]
    assert "2个月" in entry.summary_zh and "2 months" in entry.summary_en


def test_democratic_life_before_names_no_attendees() -> None:
    got = rules().call("report_recipients", event="democratic_life_before")
    assert not any("副主任" in r.who_zh for r in got)


@pytest.mark.parametrize(
    ("event", "who"),
    [
        pytest.param("report_to_superior", ["市委"], id="report_to_superior"),
        # The non-CPC vice-chairs sit in (第十六条 列席): attendees, not recipients.
        pytest.param("democratic_life_before", ["纪委监委"], id="dl_before"),
        pytest.param("democratic_life_after", ["干部、群众"], id="dl_after"),
        pytest.param(
            "minutes_distribution", ["常委会办公室", "党组成员", "市分管领导"], id="minutes"
        ),
        pytest.param("decision_to_absent_members", [], id="absent_members"),
    ],
)  # fmt: skip
def test_report_recipients(event: str, who: list[str]) -> None:
    recipients = rules().call("report_recipients", event=event)
    assert len(recipients) == len(who)
    assert all(w in r.who_zh for w, r in zip(who, recipients, strict=True))


# --- catalogue and conformance ------------------------------------------------------------------


def test_every_rule_id_is_catalogued() -> None:
    r = rules(**{THRESHOLD_KEY: 50})
    catalog = {e.rule for e in r.call("rule_catalog")}
    used: set[str] = set()
    kinds = [*(k.kind for k in r.call("item_kinds")), ItemKind.DISCIPLINE]
    members = _members(None)
    for kind in kinds:
        used |= {n.rule for n in r.call("notice_rules", meeting_kind="regular", kind=kind)}
        used.add(r.call("speaking_order", kind=kind, members=members).rule)
        used |= {r.call("ad_hoc_motion", kind=kind, emergency=e).rule for e in (False, True)}
        used.add(r.item_quorum(kind, Attendance(expected=7, present=7)).rule)
        used.add(r.passing(kind, Tally(expected=7, yes=7)).rule)
    used |= {o.rule for o in r.call("obligations")}
    used |= {r.call("emergency_disposal").rule, r.call("reconsideration").rule}
    used.add(r.meeting_quorum(Attendance(expected=7, present=7)).rule)
    for cat in ("decision", "personnel", "project", "funds", "discipline"):
        result = r.call("classify_item", item=ClassifyInput(categories=[cat], amount_wan=1.0))
        used |= {v.rule for v in result.verdicts}
    assert used - catalog == set()
    assert all(rule.startswith("kunming.") for rule in catalog)


def test_version() -> None:
    r = rules()
    assert r.version.version == "kunming-2020.1"
    assert r.hooks.jurisdiction().rules_version == "kunming-2020.1"
    assert str(r.version.effective_from) == "2020-04-24"


def test_conformance(yishi_conformance: Any) -> None:
    assert yishi_conformance("kunming") == []
