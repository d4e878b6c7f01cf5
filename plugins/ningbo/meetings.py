"""Ningbo: the meeting lifecycle's questions (issue 8), answered from 第十八条–第二十一条.

Where the source is silent the core's defaults answer (`core.rules.defaults`: circulation
refused, materials windows of 实施细则 第六条(三)).
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
    MaterialsWindow,
    MeetingKind,
    MinutesDue,
    MinutesRule,
    ProcedureRule,
    RuleContext,
    Verdict,
)
from plugins.ningbo import citations as C
from plugins.ningbo.catalog import SANZHONG_YIDA

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


@hookimpl
def convening(ctx: RuleContext) -> ConveningRule:
    # 第十八条: the deputy or another member, on the secretary's delegation.
    return ConveningRule(
        convenes=["secretary"],
        delegates_to=["deputy_secretary", "member"],
        delegation_when_zh="书记不能参加时，由书记委托",
        citation=C.C18_CONVENE,
    )


@hookimpl
def minutes_rules(ctx: RuleContext, kind: ItemKind) -> MinutesRule:
    # 第二十条: decided items go into 《党组会议纪要》, signed by the secretary or the chair he
    # delegated; 三重一大 items in their own yearly series (实施细则 第六条(七)).
    return MinutesRule(
        due=MinutesDue.DECIDED_ITEMS,
        signers=["secretary", "delegated_chair"],
        series=defaults.minutes_series(kind, set(SANZHONG_YIDA)),
        citation=C.C20_MINUTES,
    )


@hookimpl
def leave_rules(ctx: RuleContext) -> LeaveRule:
    # 第十八条: leave is asked before the meeting (the source names nobody who grants it); the
    # opinion may be given in writing, never a vote (第十九条(四)).
    return LeaveRule(approver="", written_opinion=True, citation=C.C18_LEAVE)


@hookimpl
def materials_rules(ctx: RuleContext, kind: ItemKind) -> list[MaterialsRule]:
    personnel = kind in (ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
    rules = defaults.materials(kind, personnel=personnel)
    if kind in SANZHONG_YIDA:
        # 第十九条(一): the 三重一大 list and materials to the inspectors 2 working days before.
        rules.append(
            MaterialsRule(
                recipients="inspectors",
                window=MaterialsWindow.WITH_NOTICE,
                days_before=2,
                working_days=True,
                citation=C.C19_1_MAJOR_INSPECTORS,
            )
        )
    return rules


@hookimpl
def follow_up(ctx: RuleContext) -> FollowUpRule:
    return FollowUpRule(tracker_zh="局办公室", reports_to_zh="局党组", citation=C.C21_FOLLOW_UP)


@hookimpl
def ad_hoc_policy(ctx: RuleContext) -> AdHocPolicy:
    # 第十九条(一) no ad-hoc items "without special reason"; 第十八条 an emergency meeting takes its
    # items at the meeting; never 三重一大 (实施细则 第六条(一)) nor appointments (二十).
    return AdHocPolicy(
        allowed_at=[MeetingKind.EMERGENCY],
        never=list(SANZHONG_YIDA),
        citation=C.C19_1_NO_ADHOC,
        see_also=[C.C18_EMERGENCY_MEETING, K.XZ_NO_AD_HOC_MAJOR, K.GB_NO_AD_HOC],
    )


@hookimpl
def circulation(ctx: RuleContext) -> ProcedureRule:
    return defaults.circulation("ningbo.procedure.circulation")


@hookimpl
def report_events(ctx: RuleContext) -> list[str]:
    return []


#: 「第一议题」: the Party group meeting opens with the study item.
FIRST_ITEM = AgendaRule(
    rule="ningbo.meetings.first_item",
    citation=Citation(
        article="第二十二条(一)",
        original="党组要把学习习近平新时代中国特色社会主义思想以及习近平总书记重要讲话、重要指示批示精神作为“第一议题”，及时组织传达学习。",
    ),
)
FIRST_ITEM_SILENT = FIRST_ITEM.citation


@hookimpl
def agenda_order(ctx: RuleContext, meeting_kind: MeetingKind, kinds: list[ItemKind]) -> Verdict:
    return defaults.agenda_order(
        ctx,
        FIRST_ITEM,
        meeting_kind,
        kinds,
        rule="ningbo.meetings.first_item",
        silent=FIRST_ITEM_SILENT,
    )
