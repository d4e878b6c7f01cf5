"""Kunming: the meeting lifecycle's questions (issue 8), answered from 第二十一条–第二十四条.

Where the source is silent the core's defaults answer (`core.rules.defaults`).
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.rules import compendium as K
from core.rules import defaults
from core.rules.types import (
    AdHocPolicy,
    AgendaRule,
    Citation,
    ConveningRule,
    FollowUpRule,
    ItemKind,
    LeaveRule,
    MaterialsRule,
    MeetingKind,
    MinutesDue,
    MinutesRule,
    ProcedureRule,
    RuleContext,
    Verdict,
)
from plugins.kunming import citations as c

__all__ = [
    "ad_hoc_policy",
    "agenda_order",
    "circulation",
    "convening",
    "follow_up",
    "leave_rules",
    "materials_rules",
    "minutes_rules",
    "report_events",
]

_MAJOR = {ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL, ItemKind.DISCIPLINE}


@hookimpl
def convening(ctx: RuleContext) -> ConveningRule:
    return ConveningRule(
        convenes=["secretary"],
        delegates_to=["deputy_secretary"],
        delegation_when_zh="书记不能出席时，委托副书记主持",
        citation=c.C21_CHAIR,
    )


@hookimpl
def minutes_rules(ctx: RuleContext, kind: ItemKind) -> MinutesRule:
    # 第二十三条: minutes for decided items; no signer named, so the secretary (the platform's
    # default).
    return MinutesRule(
        due=MinutesDue.DECIDED_ITEMS,
        signers=["secretary"],
        series=defaults.minutes_series(kind, _MAJOR),
        citation=c.C23_MINUTES,
    )


@hookimpl
def leave_rules(ctx: RuleContext) -> LeaveRule:
    # 第二十二条: leave asked before the meeting (no one named who grants it); important
    # opinions in writing, never votes (第二十三条).
    return LeaveRule(approver="", written_opinion=True, citation=c.C22_LEAVE)


@hookimpl
def materials_rules(ctx: RuleContext, kind: ItemKind) -> list[MaterialsRule]:
    return defaults.materials(kind, personnel=kind in (ItemKind.PERSONNEL, ItemKind.DISCIPLINE))


@hookimpl
def follow_up(ctx: RuleContext) -> FollowUpRule:
    return FollowUpRule(tracker_zh="常委会办公室", reports_to_zh="党组", citation=c.C24_FOLLOW_UP)


@hookimpl
def ad_hoc_policy(ctx: RuleContext) -> AdHocPolicy:
    # Never: 实施细则 第六条(四), with the source's own 第二十一条 (items set and notified before).
    return AdHocPolicy(
        allowed_at=[],
        never=[ItemKind.PERSONNEL, ItemKind.MAJOR_MATTER, ItemKind.MAJOR_ISSUE],
        citation=K.XZ_NO_AD_HOC,
        see_also=[c.C21_AGENDA, c.C21_NOTICE, K.GB_NO_AD_HOC],
    )


@hookimpl
def circulation(ctx: RuleContext) -> ProcedureRule:
    return defaults.circulation("kunming.procedure.circulation")


@hookimpl
def report_events(ctx: RuleContext) -> list[str]:
    return []


#: The text sets no 「第一议题」: `agenda_order` answers not applicable, citing its study rule.
FIRST_ITEM: AgendaRule | None = None
FIRST_ITEM_SILENT = Citation(
    article="第十五条", original="集中学习研讨每年不少于8次,遇有重要内容及时安排学习。"
)


@hookimpl
def agenda_order(ctx: RuleContext, meeting_kind: MeetingKind, kinds: list[ItemKind]) -> Verdict:
    return defaults.agenda_order(
        ctx,
        FIRST_ITEM,
        meeting_kind,
        kinds,
        rule="kunming.meetings.first_item",
        silent=FIRST_ITEM_SILENT,
    )
