"""Counting boundaries: exact half, exact two-thirds, odd and even bodies, recusals."""

from __future__ import annotations

import pytest

from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    passing_verdict,
    quorum_verdict,
)
from core.rules.types import Attendance, Citation, Outcome, RuleContext, Tally

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
