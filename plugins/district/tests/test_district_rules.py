"""District government Party group (区政府党组会议议事规则), case by case from its source
(source.txt) and, where it sets no number, the oversight compendium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.rules import compendium as K
from core.rules.conformance import _shared, check_plugin, normalize
from core.rules.engine import TenantRules
from core.rules.types import (
    Attendance,
    ClassifyInput,
    DeferTrigger,
    ItemKind,
    MaterialsReturn,
    MaterialsWindow,
    MeetingKind,
    Outcome,
    Tally,
)
from plugins.district import rules as R

MET, NOT_MET, NA = Outcome.MET, Outcome.NOT_MET, Outcome.NOT_APPLICABLE


def rules(**settings: Any) -> TenantRules:
    return TenantRules("district", settings)


def test_conformance() -> None:
    assert check_plugin("district") == []


def test_every_own_citation_is_verbatim() -> None:
    source = normalize(Path(R.__file__).with_name("source.txt").read_text("utf-8"))
    assert "##paid" not in source
    own = {n: v for n, v in vars(R).items() if n.startswith("D") and hasattr(v, "original")}
    assert len(own) > 20
    missing = [n for n, c in own.items() if normalize(c.original) not in source]
    assert missing == []
    assert normalize(K.XZ_PASSING.original) in _shared("oversight")


# --- no quorum of its own: the compendium's, said in every verdict ------------------------------


@pytest.mark.parametrize(
    ("kind", "expected", "present", "outcome", "article"),
    [
        (ItemKind.ORDINARY, 7, 3, NOT_MET, "三重一大实施办法 二"),
        (ItemKind.ORDINARY, 7, 4, MET, "三重一大实施办法 二"),
        (ItemKind.ORDINARY, 6, 3, MET, "三重一大实施办法 二"),  # 半数以上 includes half
        (ItemKind.PERSONNEL, 7, 4, NOT_MET, "三重一大实施办法 二"),
        (ItemKind.PERSONNEL, 7, 5, MET, "三重一大实施办法 二"),
        (ItemKind.DISCIPLINE, 9, 6, MET, "三重一大实施办法 二"),
    ],
)
def test_quorum_falls_back_to_the_compendium(
    kind: ItemKind, expected: int, present: int, outcome: Outcome, article: str
) -> None:
    v = rules().item_quorum(
        kind, Attendance(expected=expected, present=present, in_charge_present=True)
    )
    assert (v.outcome, v.citation.article, v.citation.source) == (outcome, article, "oversight")
    assert "三(三)" in [c.article for c in v.see_also]
    assert "按汇编标准" in v.explanation_zh and "compendium" in v.explanation_en


def test_meeting_quorum_says_it_is_the_compendiums() -> None:
    v = rules().meeting_quorum(Attendance(expected=8, present=4))
    assert v.outcome == MET and "未规定到会人数" in v.explanation_zh
    assert v.see_also[0].original.endswith("按照少数服从多数的原则作出决定。")


def test_major_matter_needs_the_member_in_charge() -> None:
    v = rules().item_quorum(ItemKind.MAJOR_MATTER, Attendance(expected=7, present=7))
    assert v.outcome == NOT_MET  # unnamed member in charge: not met


@pytest.mark.parametrize(
    ("expected", "yes", "outcome"), [(7, 3, NOT_MET), (7, 4, MET), (6, 3, NOT_MET), (6, 4, MET)]
)
def test_passing_more_than_half_of_expected(expected: int, yes: int, outcome: Outcome) -> None:
    v = rules().passing(ItemKind.ORDINARY, Tally(expected=expected, yes=yes, written_for=2))
    assert (v.outcome, v.citation.article) == (outcome, "议事规则实施细则 第六条(六)")
    assert "按汇编标准" in v.explanation_zh


# --- deciding, meetings, materials ----------------------------------------------------------------


def test_deferral_is_optional_and_goes_to_the_superior() -> None:
    d = rules().call("voting_rules", kind=ItemKind.ORDINARY).deferral
    assert d is not None and d.mandatory is False
    assert d.triggers == [DeferTrigger.SPLIT_OPINIONS]
    assert "向上级党组织汇报请示后再作决定" in d.then_zh and d.citation.article == "三(三)"


def test_leave_from_the_secretary_opinion_before_the_meeting() -> None:
    leave = rules().call("leave_rules")
    assert (leave.approver, leave.opinion_due, leave.citation.article) == (
        "secretary",
        "before_meeting",
        "二(五)",
    )


@pytest.mark.parametrize(
    ("kind", "window"),
    [
        (ItemKind.ORDINARY, MaterialsWindow.WITH_NOTICE),
        (ItemKind.PERSONNEL, MaterialsWindow.AT_MEETING),
        (ItemKind.DISCIPLINE, MaterialsWindow.AT_MEETING),
    ],
)
def test_materials_collected_after_the_meeting(kind: ItemKind, window: MaterialsWindow) -> None:
    [m] = rules().call("materials_rules", kind=kind)
    assert (m.window, m.returned) == (window, MaterialsReturn.AFTER_MEETING)


def test_convening_delegates_to_the_deputy_only() -> None:
    c = rules().call("convening")
    assert (c.convenes, c.delegates_to, c.citation.article) == (
        ["secretary"],
        ["deputy_secretary"],
        "二(二)",
    )


def test_reports_to_district_committee_congress_and_cppcc() -> None:
    r = rules()
    assert r.call("report_events") == ["report_to_npc", "inform_cppcc"]
    who = [
        x.who_zh
        for e in ("report_to_superior", "report_to_npc", "inform_cppcc")
        for x in r.call("report_recipients", event=e)
    ]
    assert who == ["区委", "区人大", "区政协"]
    assert r.call("report_recipients", event="democratic_life_before") == []


def test_monthly_meetings_and_yearly_democratic_life_in_principle() -> None:
    obs = {o.kind: o for o in rules().obligations() if o.rule.startswith("district.")}
    assert (obs["regular_meeting"].count, obs["regular_meeting"].period) == (1, "month")
    assert (obs["democratic_life"].count, obs["democratic_life"].period) == (1, "year")
    assert obs["regular_meeting"].generally and obs["democratic_life"].generally


def test_no_ad_hoc_personnel_even_in_an_emergency() -> None:
    v = rules().call("ad_hoc_motion", kind=ItemKind.PERSONNEL, emergency=True)
    assert v.outcome == NOT_MET and v.citation == K.GB_NO_AD_HOC


def test_notice_one_working_day_from_the_compendium() -> None:
    notices = rules().call("notice_rules", kind=ItemKind.ORDINARY, meeting_kind=MeetingKind.REGULAR)
    working = next(n for n in notices if n.rule == "district.notice.members_working_day")
    assert (working.days_before, working.working_days, working.materials) == (1, True, True)


def test_funds_against_the_baseline_threshold() -> None:
    c = rules(major_funds_threshold_wan=50).call(
        "classify_item", item=ClassifyInput(categories=["funds"], amount_wan=50)
    )
    assert c.kind == ItemKind.MAJOR_MATTER


def test_first_item_not_written() -> None:
    v = rules().call("agenda_order", meeting_kind=MeetingKind.REGULAR, kinds=[ItemKind.ORDINARY])
    assert (v.outcome, v.citation.article) == (NA, "四(一)")
