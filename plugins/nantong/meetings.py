"""Nantong: the meeting lifecycle's questions (issue 8), answered from 三(三)–三(七).

Where the source is silent the core's defaults answer (`core.rules.defaults`).
"""

from __future__ import annotations

from core.hookspecs import hookimpl
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
from plugins.nantong import citations as c

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

#: 三重一大 kinds as this source takes them (处分党员 and 重大问题 as major matters).
_MAJOR = {ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL, ItemKind.DISCIPLINE, ItemKind.MAJOR_ISSUE}


@hookimpl
def convening(ctx: RuleContext) -> ConveningRule:
    return ConveningRule(
        convenes=["secretary"],
        delegates_to=["deputy_secretary"],
        delegation_when_zh="书记不能参加时，由书记委托",
        citation=c.C3_3_CONVENER,
    )


@hookimpl
def minutes_rules(ctx: RuleContext, kind: ItemKind) -> MinutesRule:
    # 三(七) "必要时由办公室印发会议纪要": not due every time. The source names no signer; the
    # secretary signs (the platform's default, RULES.md's 会议纪要).
    return MinutesRule(
        due=MinutesDue.WHEN_NEEDED,
        signers=["secretary"],
        series=defaults.minutes_series(kind, _MAJOR),
        citation=c.C3_7_MINUTES,
    )


@hookimpl
def leave_rules(ctx: RuleContext) -> LeaveRule:
    # 三(五): leave with the chair's consent; the opinion goes to the chair with the request.
    return LeaveRule(
        approver="chair", written_opinion=True, opinion_due="before_meeting", citation=c.C3_5_LEAVE
    )


@hookimpl
def materials_rules(ctx: RuleContext, kind: ItemKind) -> list[MaterialsRule]:
    personnel = kind in (ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
    if personnel:
        return defaults.materials(kind, personnel=True)
    # 三(四): "并将必要的文件或材料发给与会人员" with the notice, two days before.
    return [
        MaterialsRule(
            recipients="members",
            window=MaterialsWindow.WITH_NOTICE,
            days_before=2,
            citation=c.C3_4_NOTICE,
        ),
        *defaults.materials(kind, personnel=False),
    ]


@hookimpl
def follow_up(ctx: RuleContext) -> FollowUpRule:
    return FollowUpRule(tracker_zh="局办公室", reports_to_zh="党组", citation=c.C3_7_FOLLOW_UP)


@hookimpl
def ad_hoc_policy(ctx: RuleContext) -> AdHocPolicy:
    # 三(四) "不得临时动议", but an emergency meeting takes its items at the meeting; 二(五) never
    # for 重大事项 and 干部任免.
    return AdHocPolicy(
        allowed_at=[MeetingKind.EMERGENCY],
        never=sorted(_MAJOR),
        citation=c.C3_4_AGENDA_NO_ADHOC,
        see_also=[c.C3_4_EMERGENCY_MEETING, c.C2_5_NO_ADHOC_MAJOR],
    )


@hookimpl
def circulation(ctx: RuleContext) -> ProcedureRule:
    return defaults.circulation("nantong.procedure.circulation")


@hookimpl
def report_events(ctx: RuleContext) -> list[str]:
    return []


#: The text sets no 「第一议题」: `agenda_order` answers not applicable, citing its study rule.
FIRST_ITEM: AgendaRule | None = None
FIRST_ITEM_SILENT = Citation(
    article="一(一)", original="负责学习、宣传、贯彻执行党的理论和路线、方针、政策"
)


@hookimpl
def agenda_order(ctx: RuleContext, meeting_kind: MeetingKind, kinds: list[ItemKind]) -> Verdict:
    return defaults.agenda_order(
        ctx,
        FIRST_ITEM,
        meeting_kind,
        kinds,
        rule="nantong.meetings.first_item",
        silent=FIRST_ITEM_SILENT,
    )
