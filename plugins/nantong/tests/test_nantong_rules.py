"""The Nantong housing bureau rules (局党组工作规则, 2017-10-23), case by case from the source.

Each case states the expected outcome and the article that decides it. Thresholds:
- 三(五) "党组会议必须有三分之二以上成员到会方能召开": two-thirds, the number itself included,
  for every meeting and every item (5→4, 6→4, 7→5, 8→6, 9→6, 10→7, 11→8).
- 三(六) "赞成票超过应到会党组成员的半数为通过": more than half of members expected
  (5→3, 6→4, 7→4, 8→5, 9→5, 10→6, 11→6).
- 三重一大: the member in charge must be present (oversight compendium, 三重一大办法 二); 干部任免
  (重要人事任免) and 处分党员 (违纪处理, 三重一大办法 一(二)5) are 三重一大 too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from core.rules.engine import TenantRules, settings_specs
from core.rules.types import (
    Attendance,
    ClassifyInput,
    ItemKind,
    MemberFacts,
    Outcome,
    Tally,
)

FUNDS = "major_funds_threshold_wan"
ON = date(2026, 6, 1)

MET, NOT_MET = Outcome.MET, Outcome.NOT_MET
ORD, MAJOR, PERS = ItemKind.ORDINARY, ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL
DISC = ItemKind.DISCIPLINE


def rules(**settings: Any) -> TenantRules:
    return TenantRules("nantong", settings, on=ON)


# --- version ---


def test_version_in_force() -> None:
    r = rules()
    assert r.version.version == "nantong-2017.1"
    assert r.version.effective_from == date(2017, 10, 23)
    assert r.ctx.version == "nantong-2017.1"
    assert r.hooks.jurisdiction().rules_version == "nantong-2017.1"
    assert r.hooks.jurisdiction().source_file == "source.txt"


# --- meeting quorum: two-thirds, 三(五) ---

MEETING_CASES = [
    # (members, present, outcome): just below, at, just above two-thirds for every size.
    (5, 3, NOT_MET),
    (5, 4, MET),
    (5, 5, MET),
    (6, 3, NOT_MET),  # exactly half: enough elsewhere, not under 三(五)
    (6, 4, MET),
    (6, 5, MET),
    (7, 4, NOT_MET),  # more than half, still short of two-thirds
    (7, 5, MET),
    (7, 6, MET),
    (8, 5, NOT_MET),
    (8, 6, MET),
    (8, 7, MET),
    (9, 5, NOT_MET),
    (9, 6, MET),  # exactly two-thirds: "以上" includes the number itself
    (9, 7, MET),
    (10, 6, NOT_MET),
    (10, 7, MET),
    (10, 8, MET),
    (11, 7, NOT_MET),
    (11, 8, MET),
    (11, 9, MET),
]


@pytest.mark.parametrize(
    ("expected", "present", "outcome"),
    MEETING_CASES,
    ids=[f"{e}members-{p}present-{o}" for e, p, o in MEETING_CASES],
)
def test_meeting_quorum(expected: int, present: int, outcome: Outcome) -> None:
    v = rules().meeting_quorum(Attendance(expected=expected, present=present))
    assert v.outcome == outcome
    assert v.rule == "nantong.quorum.meeting"
    assert v.citation.article == "三(五)"
    assert v.rules_version == "nantong-2017.1"


# --- item quorum by kind, recusals, member in charge ---

ITEM_CASES = [
    # (id, kind, expected, present, recused, in_charge, outcome, rule, article)
    ("ordinary-7-at", ORD, 7, 5, 0, None, MET, "nantong.quorum.item", "三(五)"),
    ("ordinary-7-below", ORD, 7, 4, 0, None, NOT_MET, "nantong.quorum.item", "三(五)"),
    # One of 7 recused: base 6 needs 4; 5 present minus the recused one = 4.
    ("ordinary-recused-at", ORD, 7, 5, 1, None, MET, "nantong.quorum.item", "三(五)"),
    ("ordinary-recused-below", ORD, 7, 4, 1, None, NOT_MET, "nantong.quorum.item", "三(五)"),
    ("personnel-9-at", PERS, 9, 6, 0, True, MET, "nantong.quorum.personnel", "三(五)"),
    ("personnel-9-below", PERS, 9, 5, 0, None, NOT_MET, "nantong.quorum.personnel", "三(五)"),
    # 11 with 2 recused: base 9 needs 6; 8 present minus 2 = 6.
    ("personnel-recused-2", PERS, 11, 8, 2, True, MET, "nantong.quorum.personnel", "三(五)"),
    (
        "personnel-recused-2-below",
        PERS,
        11,
        7,
        2,
        None,
        NOT_MET,
        "nantong.quorum.personnel",
        "三(五)",
    ),
    ("major-in-charge-present", MAJOR, 6, 4, 0, True, MET, "nantong.quorum.major_matter", "三(五)"),
    # item 9: a member in charge not named is not present (it was met)
    (
        "major-in-charge-unknown",
        MAJOR,
        6,
        4,
        0,
        None,
        NOT_MET,
        "nantong.quorum.major_matter",
        "三重一大办法 二",
    ),
    # Enough members, but the member in charge of the area is absent: the compendium refuses.
    (
        "major-in-charge-absent",
        MAJOR,
        6,
        5,
        0,
        False,
        NOT_MET,
        "nantong.quorum.major_matter",
        "三重一大办法 二",
    ),
    # Half is enough for the compendium, but this source's two-thirds is stricter.
    ("major-half-only", MAJOR, 8, 4, 0, True, NOT_MET, "nantong.quorum.major_matter", "三(五)"),
    ("major-8-at", MAJOR, 8, 6, 0, True, MET, "nantong.quorum.major_matter", "三(五)"),
    # 干部任免 is 三重一大 (重要人事任免): two-thirds AND the member in charge (三重一大办法 二).
    (
        "personnel-7-in-charge-absent",
        PERS,
        7,
        5,
        0,
        False,
        NOT_MET,
        "nantong.quorum.personnel",
        "三重一大办法 二",
    ),
    (
        "personnel-7-in-charge-present",
        PERS,
        7,
        5,
        0,
        True,
        MET,
        "nantong.quorum.personnel",
        "三(五)",
    ),
    # Not a kind of this source, but 违纪处理 is 三重一大 (三重一大办法 一(二)5): the major-matter
    # rule, never the ordinary fallback.
    ("discipline-as-major", DISC, 7, 5, 0, True, MET, "nantong.quorum.major_matter", "三(五)"),
    (
        "discipline-in-charge-absent",
        DISC,
        7,
        5,
        0,
        False,
        NOT_MET,
        "nantong.quorum.major_matter",
        "三重一大办法 二",
    ),
]


@pytest.mark.parametrize(
    ("kind", "expected", "present", "recused", "in_charge", "outcome", "rule", "article"),
    [case[1:] for case in ITEM_CASES],
    ids=[case[0] for case in ITEM_CASES],
)
def test_item_quorum(
    kind: ItemKind,
    expected: int,
    present: int,
    recused: int,
    in_charge: bool | None,
    outcome: Outcome,
    rule: str,
    article: str,
) -> None:
    att = Attendance(
        expected=expected, present=present, recused=recused, in_charge_present=in_charge
    )
    v = rules().item_quorum(kind, att)
    assert v.outcome == outcome
    assert v.rule == rule
    assert v.citation.article == article
    assert v.numbers["expected"] == expected - recused
    assert v.numbers["present"] == present - recused


# --- passing: more than half of members expected, 三(六) ---

PASSING_CASES = [
    # (id, kind, tally, outcome)
    ("5-at", ORD, Tally(expected=5, yes=3, no=2), MET),
    ("5-below", ORD, Tally(expected=5, yes=2, no=3), NOT_MET),
    ("6-exact-half-fails", ORD, Tally(expected=6, yes=3, no=3), NOT_MET),
    ("6-at", ORD, Tally(expected=6, yes=4, no=2), MET),
    ("7-at", ORD, Tally(expected=7, yes=4, no=3), MET),
    ("7-below", ORD, Tally(expected=7, yes=3, no=4), NOT_MET),
    ("8-at", MAJOR, Tally(expected=8, yes=5), MET),
    ("8-below", MAJOR, Tally(expected=8, yes=4), NOT_MET),
    ("9-at", MAJOR, Tally(expected=9, yes=5), MET),
    ("9-below", MAJOR, Tally(expected=9, yes=4), NOT_MET),
    ("10-at", PERS, Tally(expected=10, yes=6), MET),
    ("10-below", PERS, Tally(expected=10, yes=5), NOT_MET),
    ("11-at", PERS, Tally(expected=11, yes=6), MET),
    ("11-below", PERS, Tally(expected=11, yes=5), NOT_MET),
    # The base is members expected, not those present: 4 of 7 present all say yes → passes;
    # 3 of 7 present all say yes → fails although unanimous among those present.
    ("7-base-is-expected-pass", ORD, Tally(expected=7, yes=4), MET),
    ("7-base-is-expected-fail", ORD, Tally(expected=7, yes=3), NOT_MET),
    # Abstentions count against passing.
    ("6-abstain-against", ORD, Tally(expected=6, yes=3, abstain=3), NOT_MET),
    # One of 7 recused: base 6, 4 needed.
    ("7-recused-1-at", ORD, Tally(expected=7, yes=4, no=2, recused=1), MET),
    ("7-recused-1-below", ORD, Tally(expected=7, yes=3, no=3, recused=1), NOT_MET),
    # Written opinions of absent members are never votes.
    ("written-for-not-counted", ORD, Tally(expected=7, yes=3, written_for=2), NOT_MET),
    ("written-against-not-counted", MAJOR, Tally(expected=7, yes=4, written_against=3), MET),
]


@pytest.mark.parametrize(
    ("kind", "tally", "outcome"),
    [case[1:] for case in PASSING_CASES],
    ids=[case[0] for case in PASSING_CASES],
)
def test_passing(kind: ItemKind, tally: Tally, outcome: Outcome) -> None:
    v = rules().passing(kind, tally)
    assert v.outcome == outcome
    assert v.rule == "nantong.passing.majority_of_expected"
    assert v.citation.article == "三(六)"
    assert v.numbers["expected"] == tally.expected - tally.recused
    assert v.numbers["written_opinions_not_counted"] == tally.written_for + tally.written_against


# --- item kinds ---


def test_item_kinds() -> None:
    kinds = {k.kind: k for k in rules().call("item_kinds")}
    assert set(kinds) == {ORD, MAJOR, PERS}
    assert kinds[MAJOR].citation is not None
    assert kinds[MAJOR].citation.article == "一(二)3"
    assert kinds[PERS].citation is not None
    assert kinds[PERS].citation.article == "三(六)"


# --- classification and the funds threshold setting ---

CLASSIFY_CASES = [
    # (id, settings, input, kind, rule of the deciding verdict, outcome, article)
    (
        "decision",
        {},
        ClassifyInput(categories=["decision"]),
        MAJOR,
        "nantong.classify.major_matter",
        MET,
        "一(二)3",
    ),
    (
        "project",
        {},
        ClassifyInput(categories=["project"]),
        MAJOR,
        "nantong.classify.major_matter",
        MET,
        "一(二)3",
    ),
    (
        "personnel",
        {},
        ClassifyInput(categories=["personnel"]),
        PERS,
        "nantong.classify.personnel",
        MET,
        "三(二)",
    ),
    (
        "discipline-is-major",
        {},
        ClassifyInput(categories=["discipline"]),
        MAJOR,
        "nantong.classify.discipline",
        MET,
        "三重一大办法 一(二)5",
    ),
    # Threshold unset: needs_setting, held as a major matter meanwhile (never silently ordinary).
    (
        "funds-threshold-unset",
        {},
        ClassifyInput(categories=["funds"], amount_wan=80.0),
        MAJOR,
        "nantong.classify.major_funds",
        Outcome.NEEDS_SETTING,
        "三重一大办法 一(四)1",
    ),
    (
        "funds-at-threshold",
        {FUNDS: 50},
        ClassifyInput(categories=["funds"], amount_wan=50.0),
        MAJOR,
        "nantong.classify.major_funds",
        MET,
        "三重一大办法 一(四)1",
    ),
    (
        "funds-just-below",
        {FUNDS: 50},
        ClassifyInput(categories=["funds"], amount_wan=49.99),
        ORD,
        "nantong.classify.major_funds",
        NOT_MET,
        "三重一大办法 一(四)1",
    ),
    # No amount: held as a major matter until it is given; the verdict asks for it.
    (
        "funds-no-amount",
        {FUNDS: 50},
        ClassifyInput(categories=["funds"]),
        MAJOR,
        "nantong.classify.major_funds",
        MET,
        "三重一大办法 一(四)1",
    ),
    (
        "funds-no-amount-threshold-unset",
        {},
        ClassifyInput(categories=["funds"]),
        MAJOR,
        "nantong.classify.major_funds",
        MET,
        "三重一大办法 一(四)1",
    ),
    # Whatever the proposer calls it: declared ordinary, amount over the threshold.
    (
        "declared-ordinary-big-amount",
        {FUNDS: 50},
        ClassifyInput(declared_kind=ORD, amount_wan=300.0),
        MAJOR,
        "nantong.classify.major_funds",
        MET,
        "三重一大办法 一(四)1",
    ),
    # Personnel together with funds: the personnel procedure governs.
    (
        "personnel-and-funds",
        {FUNDS: 50},
        ClassifyInput(categories=["personnel", "funds"], amount_wan=300.0),
        PERS,
        "nantong.classify.personnel",
        MET,
        "三(二)",
    ),
    (
        "declared-discipline-mapped",
        {},
        ClassifyInput(declared_kind=ItemKind.DISCIPLINE),
        MAJOR,
        "nantong.classify.declared",
        MET,
        "二(三)",
    ),
]


@pytest.mark.parametrize(
    ("settings", "item", "kind", "rule", "outcome", "article"),
    [case[1:] for case in CLASSIFY_CASES],
    ids=[case[0] for case in CLASSIFY_CASES],
)
def test_classify_item(
    settings: dict[str, Any],
    item: ClassifyInput,
    kind: ItemKind,
    rule: str,
    outcome: Outcome,
    article: str,
) -> None:
    result = rules(**settings).call("classify_item", item=item)
    assert result.kind == kind
    by_rule = {v.rule: v for v in result.verdicts}
    assert by_rule[rule].outcome == outcome
    assert by_rule[rule].citation.article == article


def test_unset_funds_threshold_names_the_key() -> None:
    result = rules().call("classify_item", item=ClassifyInput(categories=["funds"], amount_wan=1))
    (v,) = result.verdicts
    assert v.outcome == Outcome.NEEDS_SETTING
    assert v.missing_settings == [FUNDS]
    assert v.citation.source == "oversight"
    assert result.kind == MAJOR  # held to the stricter kind until the threshold is set
    assert "三重一大" in v.explanation_zh


def test_funds_without_amount_asks_for_it() -> None:
    result = rules(**{FUNDS: 50}).call("classify_item", item=ClassifyInput(categories=["funds"]))
    (v,) = result.verdicts
    assert "请填写金额" in v.explanation_zh
    assert v.numbers["amount_wan"] is None


def test_settings_declared() -> None:
    own = {s.key for s in rules().hooks.settings_spec()}
    assert own == {"notice_working_days", "secretary_duty_reports_per_year"}
    # Issue 8, item 6: the funds blank is the compendium's, declared by the baseline.
    specs = {s.key: s for s in settings_specs("nantong")}
    assert specs[FUNDS].default is None and specs[FUNDS].source == "oversight"
    assert specs[FUNDS].unit == "万元"
    assert specs["notice_working_days"].default is False
    assert specs["secretary_duty_reports_per_year"].default == 1


# --- voting rules ---

VOTING_CASES = [
    # (kind, default_method, named, person_by_person, split_defer)
    (ORD, "hands", False, False, False),
    (MAJOR, "named_ballot", True, False, True),
    # 干部任免 is 三重一大: 议事规则实施细则 第六条(五) "表决一般采用记名形式".
    (PERS, "named_ballot", True, True, True),
    # 处分党员 (not a kind of this source) is 三重一大: at least as strict as a major matter.
    (DISC, "named_ballot", True, False, True),
]


@pytest.mark.parametrize(
    ("kind", "default", "named", "person", "split"),
    VOTING_CASES,
    ids=[str(case[0]) for case in VOTING_CASES],
)
def test_voting_rules(kind: ItemKind, default: str, named: bool, person: bool, split: bool) -> None:
    v = rules().call("voting_rules", kind=kind)
    assert v.methods == ["oral", "hands", "secret_ballot", "named_ballot"]
    assert v.default_method == default
    assert v.named_by_default is named
    assert v.item_by_item is True
    assert v.person_by_person is person
    assert v.split_opinions_defer is split
    assert v.proxy_votes is False
    assert v.absent_opinion_counts is False
    assert v.citations[0].article == "三(六)"
    # Named by default only on the compendium's word (议事规则实施细则 第六条(五)), cited.
    assert named is any("表决一般采用记名形式" in c.original for c in v.citations)


# --- speaking order ---

SPEAKING_CASES = [
    # (id, members, expected order)
    (
        "secretary-last",
        [
            MemberFacts(id=10, position="secretary", rank=1),
            MemberFacts(id=11, position="deputy_secretary", rank=2),
            MemberFacts(id=12, position="member", rank=3),
            MemberFacts(id=13, position="member", rank=4),
        ],
        [11, 12, 13, 10],
    ),
    (
        "delegated-chair-last",
        [
            MemberFacts(id=10, position="secretary", rank=1),
            MemberFacts(id=11, position="deputy_secretary", rank=2, chairing=True),
            MemberFacts(id=12, position="member", rank=3),
        ],
        [10, 12, 11],
    ),
    (
        "unsorted-input",
        [
            MemberFacts(id=13, position="member", rank=4),
            MemberFacts(id=10, position="secretary", rank=1),
            MemberFacts(id=12, position="member", rank=3),
        ],
        [12, 13, 10],
    ),
]


@pytest.mark.parametrize(
    ("members", "order"),
    [case[1:] for case in SPEAKING_CASES],
    ids=[case[0] for case in SPEAKING_CASES],
)
def test_speaking_order(members: list[MemberFacts], order: list[int]) -> None:
    s = rules().call("speaking_order", kind=ORD, members=members)
    assert s.order == order
    assert s.rule == "nantong.speaking.chair_last"
    assert s.citation.article == "二(四)"


def test_speaking_order_says_it_is_the_platform_default() -> None:
    # Neither source has a speaking order: the explanation must not present 二(四) as one.
    members = [MemberFacts(id=1, position="secretary", rank=1)]
    s = rules().call("speaking_order", kind=ORD, members=members)
    assert "平台" in s.explanation_zh and "默认" in s.explanation_zh
    assert "并非发言顺序规定" in s.explanation_zh
    assert "default" in s.explanation_en and "not a rule" in s.explanation_en


# --- notices ---

NOTICE_CASES = [
    # (id, settings, kind, rule, recipients, days, working, materials, objection, article)
    ("ord-members", {}, ORD, "nantong.notice.members", "members", 2, False, True, 1, "三(四)"),
    (
        "ord-attendees",
        {},
        ORD,
        "nantong.notice.attendees",
        "attendees",
        2,
        False,
        True,
        None,
        "三(四)",
    ),
    (
        "ord-members-working-days",
        {"notice_working_days": True},
        ORD,
        "nantong.notice.members",
        "members",
        2,
        True,
        True,
        1,
        "三(四)",
    ),
    # The 2 days come from 三(四) (the sentence that sets them), not 三(五) of the compendium,
    # which only says the inspectors sit in.
    (
        "major-inspectors",
        {},
        MAJOR,
        "nantong.notice.inspectors",
        "inspectors",
        2,
        False,
        True,
        None,
        "三(四)",
    ),
    # 1 working day (议事规则实施细则 第六条(三)) for every kind, ordinary included.
    (
        "ord-members-working-day",
        {},
        ORD,
        "nantong.notice.members_working_day",
        "members",
        1,
        True,
        True,
        None,
        "议事规则实施细则 第六条(三)",
    ),
    # Personnel is 三重一大: the inspectors sit in, notified by both deadlines, without papers.
    (
        "pers-inspectors",
        {},
        PERS,
        "nantong.notice.inspectors",
        "inspectors",
        2,
        False,
        False,
        None,
        "三(四)",
    ),
    (
        "pers-inspectors-working-day",
        {},
        PERS,
        "nantong.notice.major_working_day",
        "inspectors",
        1,
        True,
        False,
        None,
        "议事规则实施细则 第六条(三)",
    ),
    # Issue 8, item 8: 处分党员 is 重要人事: no papers before the meeting (they were sent).
    (
        "disc-inspectors-working-day",
        {},
        DISC,
        "nantong.notice.major_working_day",
        "inspectors",
        1,
        True,
        False,
        None,
        "议事规则实施细则 第六条(三)",
    ),
    (
        "major-members-working-day",
        {},
        MAJOR,
        "nantong.notice.major_working_day",
        "members",
        1,
        True,
        True,
        None,
        "议事规则实施细则 第六条(三)",
    ),
    (
        "major-inspectors-working-day",
        {},
        MAJOR,
        "nantong.notice.major_working_day",
        "inspectors",
        1,
        True,
        True,
        None,
        "议事规则实施细则 第六条(三)",
    ),
    # Personnel papers are handed out at the meeting and collected afterwards.
    ("pers-members", {}, PERS, "nantong.notice.members", "members", 2, False, False, 1, "三(四)"),
    (
        "pers-listed-working-day",
        {},
        PERS,
        "nantong.notice.personnel_materials",
        "members",
        1,
        True,
        False,
        None,
        "议事规则实施细则 第六条(三)",
    ),
]


@pytest.mark.parametrize(
    ("settings", "kind", "rule", "who", "days", "working", "materials", "objection", "article"),
    [case[1:] for case in NOTICE_CASES],
    ids=[case[0] for case in NOTICE_CASES],
)
def test_notice_rules(
    settings: dict[str, Any],
    kind: ItemKind,
    rule: str,
    who: str,
    days: int,
    working: bool,
    materials: bool,
    objection: int | None,
    article: str,
) -> None:
    notices = rules(**settings).call("notice_rules", meeting_kind="regular", kind=kind)
    (n,) = [n for n in notices if n.rule == rule and n.recipients == who]
    assert n.days_before == days
    assert n.working_days is working
    assert n.materials is materials
    assert n.objection_days_before == objection
    assert n.citation.article == article


@pytest.mark.parametrize(
    ("kind", "recipients"),
    [
        (ORD, {"members", "attendees"}),
        # 干部任免 is 三重一大 (一(二)3): the inspectors sit in, so they are notified too.
        (PERS, {"members", "attendees", "inspectors"}),
    ],
    ids=["ordinary", "personnel"],
)
def test_no_inspector_notice_outside_major_matters(kind: ItemKind, recipients: set[str]) -> None:
    notices = rules().call("notice_rules", meeting_kind="regular", kind=kind)
    assert {n.recipients for n in notices} == recipients


# --- ad-hoc motions ---

ADHOC_CASES = [
    # (kind, emergency, outcome, rule, article)
    (ORD, False, NOT_MET, "nantong.adhoc.refused", "三(四)"),
    (ORD, True, MET, "nantong.adhoc.emergency_meeting", "三(四)"),
    (MAJOR, False, NOT_MET, "nantong.adhoc.never_major", "二(五)"),
    (MAJOR, True, NOT_MET, "nantong.adhoc.never_major", "二(五)"),
    (PERS, False, NOT_MET, "nantong.adhoc.never_major", "二(五)"),
    (PERS, True, NOT_MET, "nantong.adhoc.never_major", "二(五)"),
    # 处分党员 is 三重一大, never the ordinary emergency-meeting exception.
    (DISC, True, NOT_MET, "nantong.adhoc.never_major", "二(五)"),
]


@pytest.mark.parametrize(
    ("kind", "emergency", "outcome", "rule", "article"),
    ADHOC_CASES,
    ids=[f"{k}-emergency={e}" for k, e, *_ in ADHOC_CASES],
)
def test_ad_hoc_motion(
    kind: ItemKind, emergency: bool, outcome: Outcome, rule: str, article: str
) -> None:
    v = rules().call("ad_hoc_motion", kind=kind, emergency=emergency)
    assert v.outcome == outcome
    assert v.rule == rule
    assert v.citation.article == article


# --- procedures ---


def test_emergency_disposal() -> None:
    p = rules().call("emergency_disposal")
    assert p.allowed is True
    assert p.report_to_next_meeting is True
    assert "书记同意" in p.who_zh
    assert p.citation is not None
    assert p.citation.article == "三(四)"


def test_reconsideration() -> None:
    p = rules().call("reconsideration")
    assert p.allowed is True
    assert "书记同意" in p.who_zh
    assert "原有的决议" in p.conditions_zh
    assert p.citation is not None
    assert p.citation.article == "三(九)"


# --- obligations and recipients ---

OBLIGATION_CASES = [
    # (kind, count, count_setting, period, article)
    ("regular_meeting", 1, None, "month", "三(三)"),
    ("report_to_superior", 1, None, "year", "二(二)"),
    ("democratic_life", 1, None, "year", "四(一)"),
    ("duty_report", 1, "secretary_duty_reports_per_year", "year", "五(一)"),
]


@pytest.mark.parametrize(
    ("kind", "count", "count_setting", "period", "article"),
    OBLIGATION_CASES,
    ids=[case[0] for case in OBLIGATION_CASES],
)
def test_obligations(
    kind: str, count: int | None, count_setting: str | None, period: str, article: str
) -> None:
    (ob,) = [o for o in rules().call("obligations") if o.kind == kind]
    assert ob.count == count
    assert ob.count_setting == count_setting
    assert ob.period == period
    assert ob.citation.article == article


RECIPIENT_CASES = [
    # (event, who, when, article)
    ("report_to_superior", ["市组织部"], "on_issue", "二(二)"),
    ("democratic_life_before", ["市委组织部", "纪委"], "before", "四(一)"),
    ("democratic_life_after", ["市纪委", "市委组织部"], "after", "四(三)"),
    ("decision_to_absent_members", [], None, None),
]


@pytest.mark.parametrize(
    ("event", "who", "when", "article"),
    RECIPIENT_CASES,
    ids=[case[0] for case in RECIPIENT_CASES],
)
def test_report_recipients(
    event: str, who: list[str], when: str | None, article: str | None
) -> None:
    got = rules().call("report_recipients", event=event)
    assert [r.who_zh for r in got] == who
    assert {r.when for r in got} == ({when} if who else set())
    assert {r.citation.article for r in got} == ({article} if who else set())


def test_minutes_distribution() -> None:
    got = rules().call("report_recipients", event="minutes_distribution")
    articles = {r.citation.article for r in got}
    assert articles == {"三(七)", "议事规则实施细则 第六条(七)"}
    assert any(r.who_zh.startswith("市分管领导") for r in got)


# --- catalogue completeness ---


def test_every_rule_id_is_catalogued() -> None:
    r = rules(**{FUNDS: 50})
    catalog = {e.rule for e in r.call("rule_catalog")}
    used: set[str] = set()
    members = [MemberFacts(id=1, position="secretary", rank=1)]
    for kind in (ORD, MAJOR, PERS, DISC):
        used |= {n.rule for n in r.call("notice_rules", meeting_kind="regular", kind=kind)}
        used.add(r.call("speaking_order", kind=kind, members=members).rule)
        for emergency in (False, True):
            used.add(r.call("ad_hoc_motion", kind=kind, emergency=emergency).rule)
        used.add(r.item_quorum(kind, Attendance(expected=7, present=5)).rule)
        used.add(r.passing(kind, Tally(expected=7, yes=4)).rule)
    used.add(r.meeting_quorum(Attendance(expected=7, present=5)).rule)
    used |= {o.rule for o in r.call("obligations")}
    used.add(r.call("emergency_disposal").rule)
    used.add(r.call("reconsideration").rule)
    for cat in ("decision", "personnel", "project", "funds", "discipline"):
        item = ClassifyInput(categories=[cat], amount_wan=10.0)
        used |= {v.rule for v in r.call("classify_item", item=item).verdicts}
    assert used - catalog == set()
    assert all(rule.startswith("nantong.") for rule in catalog)


# --- conformance ---


def test_conformance(yishi_conformance) -> None:  # type: ignore[no-untyped-def]
    assert yishi_conformance("nantong") == []
