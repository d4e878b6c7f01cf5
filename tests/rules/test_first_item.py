"""「第一议题」 (agenda_order): answered by all six jurisdictions."""

from __future__ import annotations

import pytest

from core.rules.engine import TenantRules
from core.rules.types import ItemKind, MeetingKind, Outcome

STUDY, ORD = ItemKind.STUDY, ItemKind.ORDINARY


@pytest.mark.parametrize(
    ("plugin", "article"),
    [("ningbo", "第二十二条(一)"), ("heilongjiang", "第十八条"), ("bureau_committee", "一、1")],
)
@pytest.mark.parametrize(
    ("meeting_kind", "kinds", "outcome"),
    [
        (MeetingKind.REGULAR, [STUDY, ORD], Outcome.MET),
        (MeetingKind.REGULAR, [ORD, STUDY], Outcome.NOT_MET),
        (MeetingKind.ENLARGED, [ORD], Outcome.NOT_MET),
        (MeetingKind.REGULAR, [], Outcome.NOT_MET),
        (MeetingKind.EMERGENCY, [ORD], Outcome.NOT_APPLICABLE),
    ],
)
def test_first_item_is_the_study_item(
    plugin: str, article: str, meeting_kind: MeetingKind, kinds: list[ItemKind], outcome: Outcome
) -> None:
    v = TenantRules(plugin, {}).call("agenda_order", meeting_kind=meeting_kind, kinds=kinds)
    assert (v.outcome, v.citation.article) == (outcome, article)
    assert v.rule == f"{plugin}.meetings.first_item"


@pytest.mark.parametrize(
    ("plugin", "article"), [("nantong", "一(一)"), ("kunming", "第十五条"), ("district", "四(一)")]
)
def test_silent_texts_answer_not_applicable(plugin: str, article: str) -> None:
    v = TenantRules(plugin, {}).call("agenda_order", meeting_kind=MeetingKind.REGULAR, kinds=[ORD])
    assert (v.outcome, v.citation.article) == (Outcome.NOT_APPLICABLE, article)
