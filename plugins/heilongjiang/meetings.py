"""Heilongjiang: the meeting lifecycle's questions (issue 8), answered from 第四条, 第十五条,
第十六条.

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
    MaterialsReturn,
    MaterialsRule,
    MaterialsWindow,
    MeetingKind,
    MinutesDue,
    MinutesRule,
    ProcedureRule,
    RuleContext,
    Verdict,
)
from plugins.heilongjiang import citations as c
from plugins.heilongjiang.catalog import MAJOR_KINDS, PERSONNEL_LIKE

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
    # 第四条: the secretary convenes and chairs; no delegation is written.
    return ConveningRule(convenes=["secretary"], delegates_to=[], citation=c.C4_SECRETARY)


@hookimpl
def minutes_rules(ctx: RuleContext, kind: ItemKind) -> MinutesRule:
    # 第十五条(四): every meeting recorded and minuted, signed by the secretary only.
    return MinutesRule(
        due=MinutesDue.EVERY_MEETING,
        signers=["secretary"],
        series=defaults.minutes_series(kind, set(MAJOR_KINDS)),
        citation=c.C15_4_MINUTES,
    )


@hookimpl
def leave_rules(ctx: RuleContext) -> LeaveRule:
    # 第十五条(五): no leave without good reason; asked of the secretary.
    return LeaveRule(
        approver="secretary",
        good_reason_required=True,
        written_opinion=True,
        citation=c.C15_5_LEAVE,
    )


@hookimpl
def materials_rules(ctx: RuleContext, kind: ItemKind) -> list[MaterialsRule]:
    if kind in PERSONNEL_LIKE:
        # 第十五条(一) "除人事等重要事项外": personnel papers only at the meeting.
        return [
            MaterialsRule(
                recipients="members",
                window=MaterialsWindow.AT_MEETING,
                returned=MaterialsReturn.AFTER_MEETING,
                citation=c.C15_1_MATERIALS,
                # the recall is the compendium's (实施细则 第六条(三))
            )
        ]
    return [
        MaterialsRule(
            recipients="members", window=MaterialsWindow.WITH_NOTICE, citation=c.C15_1_MATERIALS
        ),
        *defaults.materials(kind, personnel=False),
    ]


@hookimpl
def follow_up(ctx: RuleContext) -> FollowUpRule:
    return FollowUpRule(
        tracker_zh="局办公室（“四个体系”工作机制）",
        reports_to_zh="局党组",
        citation=c.C15_7_FOLLOW_UP,
    )


@hookimpl
def ad_hoc_policy(ctx: RuleContext) -> AdHocPolicy:
    # 第十五条(一): only a meeting called at short notice takes an ordinary item unannounced;
    # never personnel (第十六条(二)) nor 三重一大 (实施细则 第六条(一)).
    return AdHocPolicy(
        allowed_at=[MeetingKind.TEMPORARY],
        never=list(MAJOR_KINDS),
        citation=c.C15_1_NOTICE,
        see_also=[c.C16_2_PERSONNEL, K.XZ_NO_AD_HOC_MAJOR, K.GB_NO_AD_HOC],
    )


@hookimpl
def circulation(ctx: RuleContext) -> ProcedureRule:
    return defaults.circulation("heilongjiang.procedure.circulation")


@hookimpl
def report_events(ctx: RuleContext) -> list[str]:
    return []


#: 「第一议题」: the Party group meeting opens with the study item.
FIRST_ITEM = AgendaRule(
    rule="heilongjiang.meetings.first_item",
    citation=Citation(article="第十八条", original="党组会议坚持“第一议题”制度"),
)
FIRST_ITEM_SILENT = FIRST_ITEM.citation


@hookimpl
def agenda_order(ctx: RuleContext, meeting_kind: MeetingKind, kinds: list[ItemKind]) -> Verdict:
    return defaults.agenda_order(
        ctx,
        FIRST_ITEM,
        meeting_kind,
        kinds,
        rule="heilongjiang.meetings.first_item",
        silent=FIRST_ITEM_SILENT,
    )
