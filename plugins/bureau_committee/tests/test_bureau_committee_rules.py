"""Bureau Party committee (局委员会议事规则), case by case from its source (source.txt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.rules import compendium as K
from core.rules.conformance import check_plugin, normalize
from core.rules.engine import TenantRules
from core.rules.types import (
    Attendance,
    Binding,
    ClassifyInput,
    DeferTrigger,
    ItemKind,
    MaterialsReturn,
    MaterialsWindow,
    MeetingKind,
    MemberFacts,
    Outcome,
    Tally,
)
from plugins.bureau_committee import rules as R

MET, NOT_MET, NEEDS = Outcome.MET, Outcome.NOT_MET, Outcome.NEEDS_SETTING


def rules(**settings: Any) -> TenantRules:
    return TenantRules("bureau_committee", settings)


def test_conformance() -> None:
    assert check_plugin("bureau_committee") == []


def test_every_own_citation_is_verbatim() -> None:
    source = normalize(Path(R.__file__).with_name("source.txt").read_text("utf-8"))
    assert "##paid" not in source
    own = {n: v for n, v in vars(R).items() if n.startswith("B") and hasattr(v, "original")}
    assert len(own) > 25
    assert [n for n, c in own.items() if normalize(c.original) not in source] == []


@pytest.mark.parametrize(
    ("kind", "expected", "present", "outcome", "article"),
    [
        (ItemKind.ORDINARY, 7, 3, NOT_MET, "二、4"),
        (ItemKind.ORDINARY, 7, 4, MET, "二、4"),
        (ItemKind.ORDINARY, 8, 4, MET, "二、4"),  # 半数以上 includes half
        (ItemKind.PERSONNEL, 7, 4, NOT_MET, "二、4"),
        (ItemKind.PERSONNEL, 7, 5, MET, "二、4"),
        (ItemKind.PERSONNEL, 9, 6, MET, "二、4"),
        (ItemKind.DISCIPLINE, 9, 5, NOT_MET, "三重一大实施办法 二"),
    ],
)
def test_quorum(
    kind: ItemKind, expected: int, present: int, outcome: Outcome, article: str
) -> None:
    v = rules().item_quorum(
        kind, Attendance(expected=expected, present=present, in_charge_present=True)
    )
    assert (v.outcome, v.citation.article) == (outcome, article)


@pytest.mark.parametrize(
    ("expected", "yes", "outcome"), [(7, 3, NOT_MET), (7, 4, MET), (8, 4, NOT_MET), (8, 5, MET)]
)
def test_passing_more_than_half_of_members_expected(
    expected: int, yes: int, outcome: Outcome
) -> None:
    v = rules().passing(ItemKind.ORDINARY, Tally(expected=expected, yes=yes))
    assert (v.outcome, v.citation.article) == (outcome, "四、3")


@pytest.mark.parametrize(
    ("kind", "person_by_person"),
    [(ItemKind.ORDINARY, False), (ItemKind.PERSONNEL, True), (ItemKind.DISCIPLINE, True)],
)
def test_methods_without_named_ballot_and_person_by_person(
    kind: ItemKind, person_by_person: bool
) -> None:
    v = rules().call("voting_rules", kind=kind)
    assert v.methods == ["oral", "hands", "secret_ballot"] and "named_ballot" not in v.methods
    assert (v.item_by_item, v.person_by_person) == (True, person_by_person)
    assert v.deferral is not None and v.deferral.mandatory
    assert set(v.deferral.triggers) == {DeferTrigger.SPLIT_OPINIONS, DeferTrigger.UNCLEAR_FACTS}


def test_secretary_speaks_last() -> None:
    members = [
        MemberFacts(id=1, position="secretary", rank=1),
        MemberFacts(id=2, position="member", rank=2, chairing=True),
        MemberFacts(id=3, position="member", rank=3),
    ]
    o = rules().call("speaking_order", kind=ItemKind.ORDINARY, members=members)
    assert o.order[-1] == 1 and o.citation.article == "四、2"


def test_convening_delegates_to_deputy_or_another_member() -> None:
    c = rules().call("convening")
    assert c.delegates_to == ["deputy_secretary", "member"] and c.citation.article == "二、2"


def test_monthly_meetings_are_a_setting() -> None:
    [ob] = [
        o for o in rules().obligations() if o.rule == "bureau_committee.obligation.regular_meetings"
    ]
    assert ob.count is None and ob.generally
    [ob] = [
        o
        for o in rules(regular_meetings_per_month=2).obligations()
        if o.rule == "bureau_committee.obligation.regular_meetings"
    ]
    assert (ob.count, ob.period) == (2, "month")


def test_notice_one_day_generally_exempt_when_called_at_short_notice() -> None:
    r = rules()
    regular = r.call("notice_rules", kind=ItemKind.ORDINARY, meeting_kind=MeetingKind.REGULAR)
    members = next(n for n in regular if n.rule == "bureau_committee.notice.members")
    assert (members.days_before, members.binding, members.citation.article) == (
        1,
        Binding.GENERALLY,
        "三、4",
    )
    temporary = r.call("notice_rules", kind=ItemKind.ORDINARY, meeting_kind=MeetingKind.TEMPORARY)
    assert all(
        n.binding == Binding.EXEMPT
        for n in temporary
        if n.rule.startswith("bureau_committee.notice.m")
    )


@pytest.mark.parametrize(
    ("kind", "allowed", "citation"),
    [
        (ItemKind.ORDINARY, True, R.B3_3_ORAL),
        (ItemKind.PERSONNEL, False, K.GB_NO_AD_HOC),
        (ItemKind.DISCIPLINE, False, K.GB_NO_AD_HOC),
        (ItemKind.MAJOR_MATTER, False, K.XZ_NO_AD_HOC_MAJOR),
    ],
)
def test_ad_hoc_with_the_secretarys_consent_never_for_cadres(
    kind: ItemKind, allowed: bool, citation: Any
) -> None:
    v = rules().call("ad_hoc_motion", kind=kind, emergency=False)
    assert (v.numbers["allowed"], v.citation) == (allowed, citation)
    policy = rules().call("ad_hoc_policy")
    assert policy.consent == "secretary" and ItemKind.PERSONNEL in policy.never


def test_any_member_may_act_in_an_emergency_and_report() -> None:
    p = rules().call("emergency_disposal")
    assert (p.allowed, p.who_zh, p.report_to_next_meeting, p.citation.article) == (
        True,
        "党委委员",
        True,
        "四、6",
    )


@pytest.mark.parametrize(
    ("kind", "window", "returned"),
    [
        (ItemKind.ORDINARY, MaterialsWindow.WITH_NOTICE, MaterialsReturn.AFTER_ITEM),
        (ItemKind.PERSONNEL, MaterialsWindow.AT_MEETING, MaterialsReturn.AFTER_ITEM),
        (ItemKind.STUDY, MaterialsWindow.WITH_NOTICE, MaterialsReturn.KEPT),
    ],
)
def test_classified_materials_recalled_at_the_end_of_the_item(
    kind: ItemKind, window: MaterialsWindow, returned: MaterialsReturn
) -> None:
    [m] = rules().call("materials_rules", kind=kind)
    assert (m.window, m.returned) == (window, returned)


def test_record_reading_needs_the_secretary_and_minutes_when_needed() -> None:
    r = rules()
    rows = {e.rule: e for e in r.call("rule_catalog")}
    assert rows["bureau_committee.meetings.record_access"].citation.article == "四、8"
    assert r.call("minutes_rules", kind=ItemKind.ORDINARY).due == "when_needed"


def test_standing_attendees_by_office() -> None:
    rows = {e.rule: e for e in rules().call("rule_catalog")}
    assert "派驻纪检监察组负责人" in rows["bureau_committee.meetings.attendees"].citation.original


def test_budget_at_any_amount() -> None:
    c = rules().call("classify_item", item=ClassifyInput(categories=["budget"], amount_wan=1))
    assert c.kind == ItemKind.MAJOR_MATTER and c.verdicts[0].citation.article == "一、3"


@pytest.mark.parametrize(
    ("meeting_kind", "kinds", "outcome"),
    [
        (MeetingKind.REGULAR, [ItemKind.STUDY, ItemKind.ORDINARY], MET),
        (MeetingKind.REGULAR, [ItemKind.ORDINARY, ItemKind.STUDY], NOT_MET),
        (MeetingKind.REGULAR, [], NOT_MET),
        (MeetingKind.EMERGENCY, [ItemKind.ORDINARY], Outcome.NOT_APPLICABLE),
    ],
)
def test_first_item_is_study(
    meeting_kind: MeetingKind, kinds: list[ItemKind], outcome: Outcome
) -> None:
    v = rules().call("agenda_order", meeting_kind=meeting_kind, kinds=kinds)
    assert (v.outcome, v.citation.article) == (outcome, "一、1")
