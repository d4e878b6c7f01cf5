"""Counting boundaries: exact half, exact two-thirds, odd and even bodies, recusals; the funds
threshold (inclusive or not) and the builders the plugins answer with."""

from __future__ import annotations

import pytest

from core.rules.builders import (
    ad_hoc_verdict,
    catalog_entry,
    listed_kind,
    rule_verdict,
    strictest_kind,
)
from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    FixedAnswer,
    FundsWording,
    counted_obligations,
    funds_verdict,
    passing_verdict,
    quorum_verdict,
)
from core.rules.types import (
    Attendance,
    Citation,
    ItemKind,
    Obligation,
    Outcome,
    RuleContext,
    RuleEntry,
    Tally,
    Verdict,
)

CTX = RuleContext(version="test-1")
CITE = Citation(article="第一条", original="测试")


@pytest.mark.parametrize(
    ("base", "half_or_more", "more_than_half", "two_thirds"),
    [
        # RULES.md: 6 members → 3 meets "半数以上"; 7 → 4. Two-thirds of 6 is 4, of 7 is 5.
        (5, 3, 3, 4),
        (6, 3, 4, 4),
        (7, 4, 4, 5),
        (8, 4, 5, 6),
        (9, 5, 5, 6),
        (10, 5, 6, 7),
        (11, 6, 6, 8),
        (3, 2, 2, 2),
        (1, 1, 1, 1),
    ],
)
def test_needed(base: int, half_or_more: int, more_than_half: int, two_thirds: int) -> None:
    assert HALF_OR_MORE.needed(base) == half_or_more
    assert MORE_THAN_HALF.needed(base) == more_than_half
    assert TWO_THIRDS_OR_MORE.needed(base) == two_thirds


@pytest.mark.parametrize(
    ("expected", "present", "recused", "outcome"),
    [
        (6, 3, 0, Outcome.MET),  # exact half, "以上" includes it
        (6, 2, 0, Outcome.NOT_MET),
        (7, 3, 0, Outcome.NOT_MET),
        (7, 4, 0, Outcome.MET),
        # One recused member of 7: base 6, count 4 - 1 = 3 → exact half of 6, met.
        (7, 4, 1, Outcome.MET),
        (7, 3, 1, Outcome.NOT_MET),
        (0, 0, 0, Outcome.NOT_MET),
    ],
)
def test_quorum_half_or_more(expected: int, present: int, recused: int, outcome: Outcome) -> None:
    att = Attendance(expected=expected, present=present, recused=recused)
    v = quorum_verdict("t.q", CTX, att, HALF_OR_MORE, CITE)
    assert v.outcome == outcome
    assert v.numbers["expected"] == expected - recused
    assert v.numbers["present"] == present - recused
    assert v.citation.article == "第一条" and v.rules_version == "test-1"


@pytest.mark.parametrize(
    ("expected", "present", "outcome"),
    [(6, 4, Outcome.MET), (6, 3, Outcome.NOT_MET), (9, 6, Outcome.MET), (7, 4, Outcome.NOT_MET)],
)
def test_quorum_two_thirds(expected: int, present: int, outcome: Outcome) -> None:
    v = quorum_verdict(
        "t.q2", CTX, Attendance(expected=expected, present=present), TWO_THIRDS_OR_MORE, CITE
    )
    assert v.outcome == outcome
    assert "三分之二" in v.explanation_zh


def test_member_in_charge_absent_fails_even_with_quorum() -> None:
    other = Citation(article="第二条", original="分管")
    att = Attendance(expected=7, present=7, in_charge_present=False)
    v = quorum_verdict(
        "t.q", CTX, att, MORE_THAN_HALF, CITE, in_charge_required=True, in_charge_citation=other
    )
    assert v.outcome == Outcome.NOT_MET and v.citation.article == "第二条"
    att = Attendance(expected=7, present=4, in_charge_present=True)
    assert (
        quorum_verdict("t.q", CTX, att, MORE_THAN_HALF, CITE, in_charge_required=True).outcome
        == Outcome.MET
    )


def test_member_in_charge_unknown_is_not_present() -> None:
    # Issue 8, item 9: 「其中分管此项工作的党组成员必须到会」 is absolute; an item whose member in
    # charge is not named cannot show that he came (it passed before: `None` was let through).
    other = Citation(article="第二条", original="分管")
    att = Attendance(expected=7, present=7, in_charge_present=None)
    v = quorum_verdict(
        "t.q", CTX, att, MORE_THAN_HALF, CITE, in_charge_required=True, in_charge_citation=other
    )
    assert v.outcome == Outcome.NOT_MET and v.citation.article == "第二条"
    assert v.numbers["in_charge_present"] is None
    # Where the rule does not require him, an unknown member in charge changes nothing.
    assert quorum_verdict("t.q", CTX, att, MORE_THAN_HALF, CITE).outcome == Outcome.MET


@pytest.mark.parametrize(
    ("expected", "yes", "no", "abstain", "recused", "outcome"),
    [
        # RULES.md: 7 members → 4 yes; 6 members → 4 yes (3 is exactly half, not "超过").
        (7, 4, 0, 0, 0, Outcome.MET),
        (7, 3, 0, 0, 0, Outcome.NOT_MET),
        (6, 3, 0, 0, 0, Outcome.NOT_MET),
        (6, 4, 2, 0, 0, Outcome.MET),
        # Present-but-abstaining members count against passing: 3 yes, 1 no, 2 abstain of 7.
        (7, 3, 1, 2, 0, Outcome.NOT_MET),
        # Recusal: 8 members, 1 recused → base 7, 4 yes needed.
        (8, 4, 3, 0, 1, Outcome.MET),
        (8, 4, 3, 0, 0, Outcome.NOT_MET),
    ],
)
def test_passing_more_than_half_of_expected(
    expected: int, yes: int, no: int, abstain: int, recused: int, outcome: Outcome
) -> None:
    tally = Tally(expected=expected, yes=yes, no=no, abstain=abstain, recused=recused)
    v = passing_verdict("t.p", CTX, tally, MORE_THAN_HALF, CITE)
    assert v.outcome == outcome
    assert v.numbers["needed"] == MORE_THAN_HALF.needed(expected - recused)


def test_written_opinions_are_never_votes() -> None:
    tally = Tally(expected=7, yes=3, written_for=2)
    v = passing_verdict("t.p", CTX, tally, MORE_THAN_HALF, CITE)
    assert v.outcome == Outcome.NOT_MET
    assert v.numbers["written_opinions_not_counted"] == 2
    assert "书面意见不计入票数" in v.explanation_zh


def test_refusal_carries_the_verdict() -> None:
    from core.errors import RuleRefusal, to_payload

    v = quorum_verdict("t.q", CTX, Attendance(expected=7, present=3), HALF_OR_MORE, CITE)
    payload = to_payload(RuleRefusal.of(v), "zh")["error"]
    assert payload["code"] == "rule.refused"
    assert payload["fields"]["article"] == "第一条" and payload["fields"]["original"] == "测试"
    assert payload["fields"]["numbers"]["needed"] == 4
    assert "第一条" in payload["message"] and "不足" in payload["message"]


# --- the shared builders the jurisdiction plugins answer with -----------------------------------

FUNDS_KEY = "major_funds_threshold_wan"
FUNDS_CITE = Citation(article="第五条(六)", original="大额资金")
BLANK_CITE = Citation(article="一(四)1", original="XX万元以上", source="oversight")
UNDECIDED = FixedAnswer(outcome=Outcome.NOT_APPLICABLE, zh="未给出金额。", en="No amount.")


def _funds(
    amount: float | None,
    threshold: object,
    *,
    inclusive: bool = True,
    without_amount: FixedAnswer = UNDECIDED,
    setting_citation: Citation | None = None,
    wording: FundsWording | None = None,
) -> Verdict:
    settings = {} if threshold is None else {FUNDS_KEY: threshold}
    return funds_verdict(
        "t.funds",
        RuleContext(version="test-1", settings=settings),
        amount,
        key=FUNDS_KEY,
        inclusive=inclusive,
        citation=FUNDS_CITE,
        without_amount=without_amount,
        setting_citation=setting_citation,
        wording=wording,
    )


@pytest.mark.parametrize(
    ("amount", "threshold", "inclusive", "outcome"),
    [
        # "XX万元以上" (inclusive): the threshold itself is large funds.
        (50.0, 50, True, Outcome.MET),
        (49.99, 50, True, Outcome.NOT_MET),
        (50.01, 50, True, Outcome.MET),
        # "xx万元以上（不含xx万元）" (exclusive): only strictly above.
        (50.0, 50, False, Outcome.NOT_MET),
        (50.01, 50, False, Outcome.MET),
        (49.99, 50, False, Outcome.NOT_MET),
        # Exact decimals: a threshold set as text or with decimals compares by value.
        (100.0, "100.00", True, Outcome.MET),
        (100.0, "100.00", False, Outcome.NOT_MET),
        (0.3, 0.1 + 0.2, True, Outcome.NOT_MET),  # 0.30000000000000004 is above 0.3
        (0, 0.01, True, Outcome.NOT_MET),
    ],
)
def test_funds_threshold_inclusive_or_exclusive(
    amount: float, threshold: object, inclusive: bool, outcome: Outcome
) -> None:
    v = _funds(amount, threshold, inclusive=inclusive)
    assert v.outcome == outcome
    assert v.rule == "t.funds" and v.rules_version == "test-1" and v.citation == FUNDS_CITE
    assert v.numbers == {"amount_wan": amount, "threshold_wan": threshold, "inclusive": inclusive}
    assert v.missing_settings == []
    # The default wording says which reading applied.
    assert ("（含本数）" if inclusive else "（不含本数）") in v.explanation_zh
    assert ("included" if inclusive else "excluded") in v.explanation_en
    assert f"{amount} 万元" in v.explanation_zh and str(threshold) in v.explanation_zh


@pytest.mark.parametrize(
    ("setting_citation", "cited"),
    [(None, FUNDS_CITE), (BLANK_CITE, BLANK_CITE)],
)
def test_funds_threshold_unset_needs_the_setting(
    setting_citation: Citation | None, cited: Citation
) -> None:
    for inclusive in (True, False):
        v = _funds(80.0, None, inclusive=inclusive, setting_citation=setting_citation)
        assert v.outcome == Outcome.NEEDS_SETTING
        assert v.missing_settings == [FUNDS_KEY]
        assert FUNDS_KEY in v.explanation_zh and FUNDS_KEY in v.explanation_en
        assert v.citation == cited and not v.ok


@pytest.mark.parametrize(
    ("answer", "threshold", "outcome", "numbers", "cited"),
    [
        # Left undecided: not applicable, no numbers, the verdict's own citation.
        (UNDECIDED, 50, Outcome.NOT_APPLICABLE, {}, FUNDS_CITE),
        # Asked before the threshold: no amount answers the same with the threshold unset.
        (UNDECIDED, None, Outcome.NOT_APPLICABLE, {}, FUNDS_CITE),
        # Taken at its word (a declared funds item is large funds), with its own citation.
        (
            FixedAnswer(outcome=Outcome.MET, zh="按大额资金。", en="Large.", citation=BLANK_CITE),
            50,
            Outcome.MET,
            {"amount_wan": None, "threshold_wan": 50},
            BLANK_CITE,
        ),
        # Refused until an amount is given.
        (
            FixedAnswer(outcome=Outcome.NOT_MET, zh="请填写金额。", en="Give the amount."),
            None,
            Outcome.NOT_MET,
            {"amount_wan": None, "threshold_wan": None},
            FUNDS_CITE,
        ),
    ],
)
def test_funds_without_amount_gives_the_plugins_answer(
    answer: FixedAnswer,
    threshold: object,
    outcome: Outcome,
    numbers: dict[str, object],
    cited: Citation,
) -> None:
    v = _funds(None, threshold, without_amount=answer)
    assert v.outcome == outcome and v.numbers == numbers and v.citation == cited
    assert (v.explanation_zh, v.explanation_en) == (answer.zh, answer.en)
    assert v.missing_settings == [] and v.rules_version == "test-1"


def test_funds_wording_is_the_plugins_own() -> None:
    wording = FundsWording(
        met_zh="金额 {amount} 达到 {threshold}。",
        not_met_zh="金额 {amount} 未达 {threshold}。",
        met_en="{amount} reaches {threshold}.",
        not_met_en="{amount} is below {threshold}.",
    )
    met = _funds(60.0, 50, wording=wording)
    assert (met.explanation_zh, met.explanation_en) == ("金额 60.0 达到 50。", "60.0 reaches 50.")
    below = _funds(40.5, 50, wording=wording)
    assert (below.explanation_zh, below.explanation_en) == (
        "金额 40.5 未达 50。",
        "40.5 is below 50.",
    )


@pytest.mark.parametrize(
    ("amount", "threshold", "without_amount"),
    [
        (10.0, "abc", UNDECIDED),  # a threshold that is no number is refused, never read as 0
        (float("nan"), 50, UNDECIDED),
        (float("inf"), 50, UNDECIDED),
        (None, 50, FixedAnswer(outcome=Outcome.NEEDS_SETTING, zh="x", en="x")),
    ],
)
def test_funds_refuses_what_it_cannot_judge(
    amount: float | None, threshold: object, without_amount: FixedAnswer
) -> None:
    with pytest.raises(ValueError):
        _funds(amount, threshold, without_amount=without_amount)


@pytest.mark.parametrize(("met", "outcome"), [(True, Outcome.MET), (False, Outcome.NOT_MET)])
def test_rule_verdict(met: bool, outcome: Outcome) -> None:
    v = rule_verdict("t.r", CTX, met, {"category": "funds"}, "中文。", "English.", CITE)
    assert v.outcome == outcome and v.ok is met
    assert (v.rule, v.rules_version, v.citation) == ("t.r", "test-1", CITE)
    assert (v.numbers, v.explanation_zh, v.explanation_en) == (
        {"category": "funds"},
        "中文。",
        "English.",
    )


@pytest.mark.parametrize(
    ("kind", "emergency", "allowed"),
    [
        (ItemKind.PERSONNEL, True, False),
        (ItemKind.ORDINARY, True, True),
        (ItemKind.ORDINARY, False, False),
        ("major_matter", False, False),
    ],
)
def test_ad_hoc_verdict_reports_the_question_and_answer(
    kind: ItemKind | str, emergency: bool, allowed: bool
) -> None:
    v = ad_hoc_verdict("t.adhoc", CTX, kind, emergency, allowed, "中文。", "English.", CITE)
    assert v.outcome == (Outcome.MET if allowed else Outcome.NOT_MET)
    assert v.numbers == {"kind": str(kind), "emergency": emergency, "allowed": allowed}
    assert v.citation == CITE and v.rules_version == "test-1"


def test_catalog_entry() -> None:
    e = catalog_entry("t.rule", "quorum", "摘要。", "Summary.", CITE)
    assert e == RuleEntry(
        rule="t.rule", topic="quorum", summary_zh="摘要。", summary_en="Summary.", citation=CITE
    )


LISTED = (ItemKind.ORDINARY, ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (ItemKind.PERSONNEL, ItemKind.PERSONNEL),
        (ItemKind.MAJOR_MATTER, ItemKind.MAJOR_MATTER),
        (ItemKind.DISCIPLINE, ItemKind.ORDINARY),  # not a kind of this source
        (ItemKind.MAJOR_ISSUE, ItemKind.ORDINARY),
        ("personnel", ItemKind.PERSONNEL),  # a plain value is read as the kind
        ("no_such_kind", ItemKind.ORDINARY),
    ],
)
def test_listed_kind(kind: ItemKind | str, expected: ItemKind) -> None:
    got = listed_kind(kind, LISTED)
    assert got == expected and isinstance(got, ItemKind)


RANK = {ItemKind.ORDINARY: 0, ItemKind.MAJOR_MATTER: 1, ItemKind.PERSONNEL: 2}


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ([ItemKind.ORDINARY], ItemKind.ORDINARY),
        ([ItemKind.ORDINARY, ItemKind.MAJOR_MATTER], ItemKind.MAJOR_MATTER),
        ([ItemKind.PERSONNEL, ItemKind.MAJOR_MATTER, ItemKind.ORDINARY], ItemKind.PERSONNEL),
        ([ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL], ItemKind.PERSONNEL),
        # A kind the ranking does not know counts as least strict; on equal rank the first wins.
        ([ItemKind.DISCIPLINE, ItemKind.ORDINARY], ItemKind.DISCIPLINE),
        ([ItemKind.ORDINARY, ItemKind.DISCIPLINE], ItemKind.ORDINARY),
        ([ItemKind.DISCIPLINE, ItemKind.MAJOR_MATTER], ItemKind.MAJOR_MATTER),
    ],
)
def test_strictest_kind(kinds: list[ItemKind], expected: ItemKind) -> None:
    assert strictest_kind(kinds, RANK) == expected


@pytest.mark.parametrize(
    ("settings", "counts"),
    [
        ({}, [None, 6]),  # unset: nothing due until the admin sets it
        ({"meetings_per_month": 2}, [2, 6]),
    ],
)
def test_counted_obligations_read_their_setting(
    settings: dict[str, int], counts: list[int | None]
) -> None:
    by_setting = Obligation(
        rule="t.ob.meetings",
        kind="regular_meeting",
        label_zh="例会",
        count=None,
        period="month",
        count_setting="meetings_per_month",
        citation=CITE,
    )
    fixed = Obligation(
        rule="t.ob.law", kind="law_study", label_zh="学法", count=6, period="year", citation=CITE
    )
    got = counted_obligations(RuleContext(version="test-1", settings=settings), [by_setting, fixed])
    assert [o.count for o in got] == counts
    assert got[1] is fixed and got[0].count_setting == "meetings_per_month"
    assert by_setting.count is None  # the declared obligation is left as it was
