"""The core's default answers, where the oversight compendium gives the rule.

A plugin whose own text is silent answers with these; a plugin whose text is more specific
answers its own (RULES.md, "How far the compendium binds"; `core.rules.reach`). Each function is
pure and takes the rule id the plugin lists in its catalogue, so a default answer is still the
plugin's rule, under its version.
"""

from __future__ import annotations

import msgspec

from core.rules import compendium as K
from core.rules.builders import catalog_entry, rule_verdict
from core.rules.counting import not_applicable
from core.rules.types import (
    AgendaRule,
    Citation,
    ItemKind,
    MaterialsReturn,
    MaterialsRule,
    MaterialsWindow,
    MeetingKind,
    ProcedureRule,
    RuleContext,
    RuleEntry,
    Verdict,
)

__all__ = [
    "agenda_order",
    "circulation",
    "contract_catalog",
    "emergency_disposal",
    "first_item_entry",
    "materials",
    "minutes_series",
]


def emergency_disposal(rule: str) -> ProcedureRule:
    """议事规则实施细则 第十七条: 「重大突发事件和紧急情况,来不及集体议事及会议表决的,党组成员可
    临机处置,事后应及时向领导集体报告」. A tenant text that insists on collective decisions
    (「任何个人或者少数人无权擅自决定」) does not forbid it: Ningbo has the same sentence and
    provides 临机处置 (issue 8, item 7)."""
    return ProcedureRule(
        rule=rule,
        allowed=True,
        who_zh="党组成员",
        conditions_zh="重大突发事件和紧急情况，来不及集体议事及会议表决的，可临机处置；"
        "事后应及时向领导集体（下一次党组会议）报告",
        report_to_next_meeting=True,
        citation=K.XZ_EMERGENCY,
    )


def circulation(rule: str) -> ProcedureRule:
    """实施细则 第二条: collective decisions are taken at a meeting by a vote,
    「一般不得以传阅会签或个别征求意见等形式代替集体议事和会议表决」. Every tenant
    (core.rules.reach)."""
    return ProcedureRule(
        rule=rule,
        allowed=False,
        conditions_zh="以会议表决形式体现领导集体的意志，一般不得以传阅会签或个别征求意见等形式"
        "代替集体议事和会议表决",
        citation=K.XZ_CIRCULATION,
    )


def materials(kind: ItemKind, *, personnel: bool) -> list[MaterialsRule]:
    """实施细则 第六条(三): materials go with the notice at least 1 working day before; for 人事问题
    (appointments and discipline) they are handed out at the meeting to the members and
    recalled afterwards. A plugin with its own window (Ningbo's inspectors: 2 working days for
    三重一大) adds or replaces rows."""
    if personnel:
        return [
            MaterialsRule(
                recipients="members",
                window=MaterialsWindow.AT_MEETING,
                returned=MaterialsReturn.AFTER_MEETING,
                citation=K.XZ_PERSONNEL_MATERIALS,
            )
        ]
    return [
        MaterialsRule(
            recipients="members",
            window=MaterialsWindow.WITH_NOTICE,
            days_before=1,
            working_days=True,
            citation=K.XZ_NOTICE,
        )
    ]


def minutes_series(kind: ItemKind, major_kinds: frozenset[ItemKind] | set[ItemKind]) -> str:
    """实施细则 第六条(七): 三重一大 items' minutes form their own series, numbered per year."""
    return "major" if kind in major_kinds else "meeting"


def contract_catalog(prefix: str) -> list[RuleEntry]:
    """The catalogue rows of the defaults a plugin answers with (`<prefix>.procedure.…`)."""
    return [
        catalog_entry(
            f"{prefix}.procedure.circulation",
            "procedure",
            "一般不得以传阅会签或个别征求意见等形式代替集体议事和会议表决",
            "No decision by circulating papers or sounding members one by one instead of a vote",
            K.XZ_CIRCULATION,
        )
    ]


def agenda_order(
    ctx: RuleContext,
    agenda: AgendaRule | None,
    meeting_kind: MeetingKind | str,
    kinds: list[ItemKind],
    *,
    rule: str,
    silent: Citation,
) -> Verdict:
    """「第一议题」 (Ningbo 第二十二条(一), HL 第十八条, the bureau committee 一、1): a Party group
    meeting opens with the study item. `agenda` is the table's `core.rules.table.Agenda` (None:
    the text is silent, answered not applicable citing `silent`, the text's own study rule).
    Met when the first item is `study`; an empty agenda, or one that opens with anything else,
    is not met. Meeting kinds the rule does not reach (`agenda.meeting_kinds`) are not
    applicable."""
    if agenda is None:
        return not_applicable(
            rule,
            ctx,
            silent,
            "本规则未规定“第一议题”制度，议题顺序由会议确定。",
            "The text sets no 第一议题: the meeting orders its items.",
        )
    try:
        mk = MeetingKind(meeting_kind)
    except ValueError:
        mk = MeetingKind.REGULAR
    if mk not in agenda.meeting_kinds:
        return not_applicable(
            rule,
            ctx,
            agenda.citation,
            f"“第一议题”不适用于此类会议（{mk}）。",
            f"The 第一议题 rule does not reach this kind of meeting ({mk}).",
        )
    first = kinds[0] if kinds else None
    met = first == ItemKind.STUDY
    numbers = {"meeting_kind": str(mk), "first": str(first) if first else None, "items": len(kinds)}
    if met:
        zh, en = "会议以学习议题为“第一议题”，符合。", "The meeting opens with the study item: met."
    elif first is None:
        zh, en = (
            "议程为空，缺少“第一议题”（学习）。",
            "No items: the study item (第一议题) is missing.",
        )
    else:
        zh = f"第一项议题为“{first}”，应以传达学习为“第一议题”，不符合。"
        en = f"The first item is {first}; the meeting must open with the study item: not met."
    v = rule_verdict(rule, ctx, met, numbers, zh, en, agenda.citation)
    return msgspec.structs.replace(v, see_also=list(agenda.see_also)) if agenda.see_also else v


def first_item_entry(prefix: str, agenda: AgendaRule | None, silent: Citation) -> RuleEntry:
    """The catalogue row of `agenda_order` (`<prefix>.meetings.first_item`)."""
    return catalog_entry(
        f"{prefix}.meetings.first_item",
        "meetings",
        "党组会议以传达学习为“第一议题”" if agenda else "本规则未规定“第一议题”",
        "Each meeting opens with the study item (第一议题)"
        if agenda
        else "The text sets no 第一议题",
        agenda.citation if agenda else silent,
    )
