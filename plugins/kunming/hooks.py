"""Hook implementations for Kunming NPC standing committee Party group.

Source: 中共昆明市人民代表大会常务委员会党组工作规则 (`source.txt`), adopted 2020-04-24 at the
67th meeting of the 14th NPC standing committee Party group, plus the shared oversight
compendium (core/rules/sources/oversight.txt) for the rules that apply to every tenant.

Choices where the source is open (each is also noted next to the code that makes it):

* 重大问题 (第二十二条, 2/3 quorum) is an item kind of its own (`major_issue`). 第六条 calls
  everything the Party group decides a "重大问题"; the platform lets the proposer or the clerk
  mark an item as one, and 三重一大 items are always treated as 重大问题 (第六条(六)).
* 三重一大 items: two-thirds (第二十二条, the stricter rule, since they are 重大问题 under
  第六条) and the member in charge present (oversight compendium).
* Kunming does not name 处分党员; `discipline` is not a listed kind. An item in that category is
  classified 三重一大 (the oversight compendium lists disciplinary handling under 重要人事任免).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    needs_setting,
    not_applicable,
    passing_verdict,
    quorum_verdict,
    setting,
)
from core.rules.types import (
    Attendance,
    Citation,
    Classification,
    ClassifyInput,
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    MemberFacts,
    NoticeRule,
    Obligation,
    Outcome,
    ProcedureRule,
    Recipient,
    RuleContext,
    RuleEntry,
    RuleVersion,
    SettingSpec,
    SpeakingOrder,
    Tally,
    Verdict,
    VotingRules,
)
from plugins.kunming import citations as c

__all__ = [
    "INFO",
    "RULES",
    "SETTINGS",
    "access_policy",
    "ad_hoc_motion",
    "classify_item",
    "emergency_disposal",
    "item_kinds",
    "item_quorum",
    "jurisdiction",
    "meeting_quorum",
    "notice_rules",
    "obligations",
    "passing",
    "reconsideration",
    "report_recipients",
    "rule_catalog",
    "rule_versions",
    "settings_spec",
    "speaking_order",
    "voting_rules",
]

VERSION = "kunming-2020.1"

INFO = JurisdictionInfo(
    name="kunming",
    body_zh="中共昆明市人民代表大会常务委员会党组",
    body_en="Kunming NPC standing committee Party group",
    source_title="中共昆明市人民代表大会常务委员会党组工作规则",
    source_date="2020-04-24",
    source_file="source.txt",
    rules_version=VERSION,
)

VERSIONS = [
    RuleVersion(
        version=VERSION,
        # 第三十三条: in force from issue; adopted 2020-04-24 at the 67th meeting (the header),
        # published 2020-04-25. The adoption day is taken as the effective date.
        effective_from=date(2020, 4, 24),
        source_title=INFO.source_title,
        note="2020年4月24日市十四届人大常委会党组第67次会议研究通过；同时废止2016年2月1日"
        "第69次会议通过的规则（第三十三条）。Adopted 2020-04-24; replaces the 2016 rules.",
    )
]

# --- settings --------------------------------------------------------------------------------

FUNDS_THRESHOLD = "major_funds_threshold_wan"

SETTINGS: list[SettingSpec] = [
    SettingSpec(
        key=FUNDS_THRESHOLD,
        type="decimal",
        label_zh="大额资金使用（三重一大）起点金额",
        label_en="Large-funds threshold for 三重一大 (major matter)",
        unit="万元",
        minimum=1,
        maximum=10000,
        default=None,  # must be set: neither source nor compendium gives an amount
        # 第六条(六) names 大额资金使用 without an amount; the oversight compendium leaves it as
        # "本单位预算内XX万元以上项目支出和采购" (“三重一大”事项集体决策实施办法 一(四)1). The
        # conformance kit checks a setting's `original` against the plugin's own source, so the
        # Kunming sentence is cited here and the compendium's blank in the classification verdicts.
        article=c.C6_FUNDS_PROJECTS.article,
        original=c.C6_FUNDS_PROJECTS.original,
    ),
]

# --- item kinds ------------------------------------------------------------------------------

KINDS: list[ItemKindInfo] = [
    ItemKindInfo(kind=ItemKind.ORDINARY, label_zh="一般议题", label_en="Ordinary item"),
    ItemKindInfo(
        kind=ItemKind.MAJOR_ISSUE,
        label_zh="重大问题",
        label_en="Major issue (第二十二条)",
        citation=c.C22_TWO_THIRDS,
    ),
    ItemKindInfo(
        kind=ItemKind.PERSONNEL,
        label_zh="干部任免",
        label_en="Cadre appointment and removal",
        citation=c.C22_TWO_THIRDS,
    ),
    ItemKindInfo(
        kind=ItemKind.MAJOR_MATTER,
        label_zh="“三重一大”事项",
        label_en="Major matter (三重一大)",
        citation=c.OV_SCOPE,
    ),
]
LISTED = frozenset(k.kind for k in KINDS)

#: Strictness when several categories apply: personnel first (its notice keeps the materials
#: back until the meeting), then 三重一大, then 重大问题.
_RANK = {
    ItemKind.ORDINARY: 0,
    ItemKind.MAJOR_ISSUE: 1,
    ItemKind.MAJOR_MATTER: 2,
    ItemKind.PERSONNEL: 3,
}


def _kind(kind: ItemKind | str) -> ItemKind:
    """The kind as this source knows it; a kind it does not name falls back to ordinary."""
    try:
        value = ItemKind(kind)
    except ValueError:
        return ItemKind.ORDINARY
    return value if value in LISTED else ItemKind.ORDINARY


# --- the rule catalogue ----------------------------------------------------------------------


def _entry(rule: str, topic: str, zh: str, en: str, citation: Citation) -> RuleEntry:
    return RuleEntry(rule=rule, topic=topic, summary_zh=zh, summary_en=en, citation=citation)


RULES: list[RuleEntry] = [
    # meetings
    _entry(
        "kunming.meetings.regular",
        "meetings",
        "党组会议一般每月召开一次，遇有重要情况可以随时召开",
        "Meetings once a month as a rule; at any time when something important arises",
        c.C21_REGULAR,
    ),
    _entry(
        "kunming.meetings.convener",
        "meetings",
        "书记召集并主持；书记不能出席时可委托副书记主持",
        "The secretary convenes and chairs; may delegate the chair to a deputy secretary",
        c.C21_CHAIR,
    ),
    _entry(
        "kunming.meetings.agenda",
        "meetings",
        "议题由书记提出，或由党组成员提出建议",
        "Items are put by the secretary or proposed by members",
        c.C21_AGENDA,
    ),
    _entry(
        "kunming.meetings.leave",
        "meetings",
        "不能参会应会前请假，重要意见可书面表达",
        "An absent member asks leave beforehand and may give a written opinion",
        c.C22_LEAVE,
    ),
    _entry(
        "kunming.meetings.attendees",
        "meetings",
        "可邀请非中共党员的常委会副主任列席；召集人可根据议题指定有关人员列席",
        "Non-CPC vice-chairs may be invited; the convener may name attendees per item",
        c.C22_ATTENDEES_VICE_CHAIRS,
    ),
    _entry(
        "kunming.meetings.confidentiality",
        "meetings",
        "与会人员遵守保密制度",
        "Participants keep the meeting's classified content confidential",
        c.C25_CONFIDENTIAL,
    ),
    # quorum
    _entry(
        "kunming.quorum.meeting",
        "quorum",
        "半数以上（含半数）成员到会方可举行",
        "The meeting needs at least half of the members present",
        c.C22_QUORUM,
    ),
    _entry(
        "kunming.quorum.item",
        "quorum",
        "一般议题：半数以上到会（回避者不计入基数与到会人数）",
        "Ordinary item: at least half present (recused members out of base and count)",
        c.C22_QUORUM,
    ),
    _entry(
        "kunming.quorum.major_issue",
        "quorum",
        "讨论重大问题须三分之二以上党组成员到会",
        "Major issues need at least two-thirds of members present",
        c.C22_TWO_THIRDS,
    ),
    _entry(
        "kunming.quorum.personnel",
        "quorum",
        "讨论干部任免须三分之二以上党组成员到会",
        "Cadre appointments need at least two-thirds of members present",
        c.C22_TWO_THIRDS,
    ),
    _entry(
        "kunming.quorum.major_matter",
        "quorum",
        "“三重一大”事项：三分之二以上到会（属第六条重大问题），且分管该项工作的党组成员必须到会",
        "Major matter: two-thirds present (a 重大问题 under 第六条) and the member in charge "
        "present",
        c.C22_TWO_THIRDS,
    ),
    _entry(
        "kunming.quorum.in_charge_present",
        "oversight",
        "研究“三重一大”事项，分管此项工作的党组成员必须到会",
        "For a major matter the member in charge of that area must be present",
        c.OV_IN_CHARGE,
    ),
    _entry(
        "kunming.quorum.recusal",
        "quorum",
        "议题涉及本人或亲属等情形的党组成员应当回避；回避者不计入该议题的基数与人数",
        "A member concerned (or a relative, or another conflict) recuses; out of base and count",
        c.C22_RECUSAL,
    ),
    # voting
    _entry(
        "kunming.passing.majority_of_expected",
        "voting",
        "赞成票超过应到会党组成员半数为通过（回避者不计入应到会人数）",
        "Passes with yes votes above half of the members expected (recused members excluded)",
        c.C23_PASSING,
    ),
    _entry(
        "kunming.voting.methods",
        "voting",
        "表决可采用口头、举手、无记名投票或记名投票",
        "Votes may be oral, by hands, by secret ballot or by named ballot",
        c.C23_METHODS,
    ),
    _entry(
        "kunming.voting.item_by_item",
        "voting",
        "决定多个事项的应当逐项表决",
        "Several matters are voted on one by one",
        c.C23_ITEM_BY_ITEM,
    ),
    _entry(
        "kunming.voting.absent_opinions",
        "voting",
        "未到会成员书面意见不计入票数，不得委托投票，也不另行投票",
        "Written opinions of absent members are not votes; no proxy; no later vote",
        c.C23_ABSENT_OPINIONS,
    ),
    _entry(
        "kunming.voting.named_major_matter",
        "oversight",
        "“三重一大”事项一般记名表决，每位党组成员的表决意见记录在案",
        "Major matters: named votes by default, each member's vote recorded",
        c.OV_NAMED_VOTES,
    ),
    _entry(
        "kunming.voting.defer_when_close",
        "oversight",
        "“三重一大”事项赞成与反对人数接近时（含书面意见）可暂缓表决",
        "Major matters: the chair may defer when yes and no are close (written opinions counted "
        "for this purpose only)",
        c.OV_DEFER_CLOSE,
    ),
    _entry(
        "kunming.speaking.chair_last",
        "voting",
        "表决前充分讨论，主持人末位表态",
        "Full discussion before the vote; the chair states a position last",
        c.C23_CHAIR_LAST,
    ),
    # notice
    _entry(
        "kunming.notice.members",
        "notice",
        "会议时间、议题一般在会前2日通知党组成员",
        "Time and agenda to members 2 days before",
        c.C21_NOTICE,
    ),
    _entry(
        "kunming.notice.members_working_day",
        "notice",
        "会议通知（含议题及资料）至少提前1个工作日书面送达应到会人员",
        "Notice with agenda and materials at least 1 working day before, in writing",
        c.OV_NOTICE,
    ),
    _entry(
        "kunming.notice.personnel",
        "notice",
        "人事议题须在通知上列明，材料上会时发放、会后收回",
        "Personnel items listed on the notice; materials handed out at the meeting, collected "
        "after",
        c.OV_PERSONNEL_MATERIALS,
    ),
    _entry(
        "kunming.notice.attendees",
        "notice",
        "列席人员由召集人邀请或指定，原文未规定通知时限",
        "Attendees are invited or named by the convener; no notice period in the source",
        c.C22_ATTENDEES_NAMED,
    ),
    _entry(
        "kunming.notice.inspectors",
        "notice",
        "派驻纪检监察组列席“三重一大”事项决策会议",
        "The stationed inspection group sits in on major-matter meetings",
        c.OV_INSPECTORS_SIT_IN,
    ),
    # ad-hoc motions
    _entry(
        "kunming.adhoc.refused",
        "notice",
        "会上须按通知所列议题议事，不许临时动议",
        "Only notified items are discussed: no ad-hoc motions",
        c.OV_NO_AD_HOC,
    ),
    _entry(
        "kunming.adhoc.emergency_meeting",
        "notice",
        "遇有重要情况可随时召开会议：紧急会议可在会上提出一般议题",
        "A meeting called at any time for something important may take up ordinary items raised "
        "at the meeting",
        c.C21_REGULAR,
    ),
    _entry(
        "kunming.adhoc.major_refused",
        "notice",
        "研究重大问题、“三重一大”事项的会议不得临时动议",
        "Never ad hoc for major issues or major matters",
        c.OV_NO_AD_HOC_MAJOR,
    ),
    _entry(
        "kunming.adhoc.personnel_refused",
        "notice",
        "人事议题须在通知上列明，不得临时动议",
        "Never ad hoc for personnel: the item must be on the notice",
        c.OV_PERSONNEL_MATERIALS,
    ),
    # procedure
    _entry(
        "kunming.procedure.emergency_disposal",
        "procedure",
        "原文未设临机处置：党组职责范围内事项集体讨论决定，紧急时随时召开会议",
        "No emergency disposal in the source: matters are decided collectively; urgent ones at "
        "a meeting called at any time",
        c.C11_COLLECTIVE,
    ),
    _entry(
        "kunming.procedure.reconsideration",
        "procedure",
        "原文未设复议程序：不同意见可保留或向上级反映，决策改变前坚决执行",
        "No reconsideration procedure: dissent may be kept or reported upward; the decision "
        "is executed until changed",
        c.C24_EXECUTE,
    ),
    _entry(
        "kunming.procedure.major_decision",
        "procedure",
        "重大决策须调研提出方案、听取意见、风险评估和合法性合规性审查，集体讨论决定",
        "Major decisions: proposal after research, consultation, risk and legality review, "
        "collective decision",
        c.C20_MAJOR_DECISION,
    ),
    _entry(
        "kunming.procedure.minutes",
        "procedure",
        "党组秘书或专门人员如实记录，决定事项编发会议纪要并存档",
        "The Party group secretary or a designated person records; minutes for decided items",
        c.C23_MINUTES,
    ),
    _entry(
        "kunming.procedure.major_minutes_series",
        "oversight",
        "重大问题会议纪要按独立序列年度编号",
        "Major-matter minutes form their own series, numbered per year",
        c.OV_MINUTES_SERIES,
    ),
    _entry(
        "kunming.procedure.follow_up",
        "procedure",
        "常委会办公室负责分解督办落实，及时反馈督查情况",
        "The standing committee's office splits, tracks and reports on execution",
        c.C24_FOLLOW_UP,
    ),
    _entry(
        "kunming.procedure.violations",
        "oversight",
        "未按要求提前通知、材料不全、记录不全、纪要未按规定抄送均视为违规",
        "Late notice, missing materials, incomplete record, minutes not copied: violations",
        c.OV_VIOLATIONS,
    ),
    # classification (三重一大 scope)
    _entry(
        "kunming.classify.declared",
        "oversight",
        "未勾选“三重一大”类别时按申报类型处理",
        "Without a 三重一大 category the declared kind stands",
        c.OV_SCOPE,
    ),
    _entry(
        "kunming.classify.major_decision",
        "oversight",
        "重大事项决策属“三重一大”",
        "A major decision is a major matter",
        c.OV_SCOPE,
    ),
    _entry(
        "kunming.classify.major_project",
        "oversight",
        "重大项目安排属“三重一大”（亦为第六条所列重大问题）",
        "A major project is a major matter (and a 重大问题 under 第六条)",
        c.C6_FUNDS_PROJECTS,
    ),
    _entry(
        "kunming.classify.major_funds",
        "oversight",
        "预算内达到起点金额（XX万元，单位设置）的资金使用属“三重一大”",
        "Spending at or above the unit's threshold (XX万元, a setting) is a major matter",
        c.OV_FUNDS_THRESHOLD,
    ),
    _entry(
        "kunming.classify.personnel",
        "oversight",
        "干部任免议题按干部任免规则处理",
        "Cadre appointments are personnel items",
        c.C22_TWO_THIRDS,
    ),
    _entry(
        "kunming.classify.discipline",
        "oversight",
        "原文未单列处分党员；违纪处理意见属“三重一大”（重要人事任免）",
        "The source does not name 处分党员; disciplinary handling is a major matter",
        c.OV_DISCIPLINE,
    ),
    # obligations
    _entry(
        "kunming.obligation.regular_meeting",
        "obligations",
        "党组会议一般每月一次",
        "One Party group meeting a month as a rule",
        c.C21_REGULAR,
    ),
    _entry(
        "kunming.obligation.report_to_superior",
        "obligations",
        "每年至少向市委报告2次全面工作",
        "At least 2 comprehensive reports a year to the municipal Party committee",
        c.C13_REPORT,
    ),
    _entry(
        "kunming.obligation.study_session",
        "obligations",
        "理论学习中心组集中学习研讨每年不少于8次",
        "At least 8 theory-study group sessions a year",
        c.C15_STUDY,
    ),
    _entry(
        "kunming.obligation.democratic_life",
        "obligations",
        "民主生活会每年召开一次",
        "One democratic life meeting a year",
        c.C16_ONCE_A_YEAR,
    ),
    _entry(
        "kunming.obligation.field_research",
        "obligations",
        "每位党组成员每年深入基层调研原则上不少于2个月",
        "Each member spends at least 2 months a year on field research, in principle",
        c.C18_RESEARCH,
    ),
    # reporting
    _entry(
        "kunming.report.democratic_life_guidance",
        "obligations",
        "民主生活会邀请纪委监委、组织部相关同志到会指导，非中共党员副主任列席",
        "Democratic life meeting: discipline commission and organisation department invited; "
        "non-CPC vice-chairs sit in",
        c.C16_GUIDANCE,
    ),
    _entry(
        "kunming.report.democratic_life_publish",
        "obligations",
        "民主生活会召开情况、整改措施向干部群众通报公布",
        "The meeting and the rectification measures are announced to cadres and the public",
        c.C16_PUBLISH,
    ),
    _entry(
        "kunming.report.minutes_recipients",
        "oversight",
        "重大问题会议纪要发党组成员和有关部门，并报市分管领导",
        "Major-matter minutes go to members and departments concerned, and to the city leader",
        c.OV_MINUTES_RECIPIENTS,
    ),
]
RULE_IDS = frozenset(e.rule for e in RULES)


# --- identity and settings -------------------------------------------------------------------


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return VERSIONS


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    return RULES


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return KINDS


# --- quorum and passing ----------------------------------------------------------------------


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 第二十二条 "半数以上成员到会": 以上 includes the number itself (RULES.md, Counting). RULES.md
    # reads it as "more than half"; the source's wording wins.
    return quorum_verdict("kunming.quorum.meeting", ctx, attendance, HALF_OR_MORE, c.C22_QUORUM)


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    k = _kind(kind)
    if k == ItemKind.MAJOR_MATTER:
        # 三重一大 items are 重大问题 under 第六条(六)/(十), so 第二十二条's two-thirds applies
        # (stricter than the compendium's half); the compendium adds the member in charge.
        v = quorum_verdict(
            "kunming.quorum.major_matter",
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C22_TWO_THIRDS,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
        return msgspec.structs.replace(
            v,
            explanation_zh=v.explanation_zh
            + "（“三重一大”事项属第六条所列重大问题，适用三分之二。）",
            explanation_en=v.explanation_en
            + " (A major matter is a 重大问题 under 第六条: two-thirds applies.)",
        )
    if k == ItemKind.MAJOR_ISSUE:
        # 第二十二条: "讨论重大问题 … 必须有三分之二以上党组成员到会".
        return quorum_verdict(
            "kunming.quorum.major_issue", ctx, attendance, TWO_THIRDS_OR_MORE, c.C22_TWO_THIRDS
        )
    if k == ItemKind.PERSONNEL:
        # 第二十二条: "… 干部任免事项必须有三分之二以上党组成员到会". The compendium's "member in
        # charge" sentence is about 三重一大 meetings and its personnel sentence does not repeat
        # it, so it is not required here.
        return quorum_verdict(
            "kunming.quorum.personnel", ctx, attendance, TWO_THIRDS_OR_MORE, c.C22_TWO_THIRDS
        )
    # 第二十二条: the meeting quorum, applied to the item with recused members out of base and
    # count (回避, same article).
    return quorum_verdict("kunming.quorum.item", ctx, attendance, HALF_OR_MORE, c.C22_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 第二十三条: "赞成票超过应到会党组成员半数为通过" for every kind; written opinions of absent
    # members are never votes (same article), which passing_verdict states in its numbers.
    return passing_verdict(
        "kunming.passing.majority_of_expected", ctx, tally, MORE_THAN_HALF, c.C23_PASSING
    )


# --- voting and speaking ---------------------------------------------------------------------


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    major = _kind(kind) == ItemKind.MAJOR_MATTER
    citations = [c.C23_METHODS, c.C23_ITEM_BY_ITEM, c.C23_ABSENT_OPINIONS]
    if major:
        citations += [c.OV_NAMED_VOTES, c.OV_DEFER_CLOSE]
    return VotingRules(
        # 第二十三条: "口头、举手、无记名投票或者记名投票".
        methods=["oral", "hands", "secret_ballot", "named_ballot"],
        # The source sets no default; hands is the platform's choice for ordinary items, and the
        # compendium's named vote for 三重一大 (议事规则实施细则 第六条(五)).
        default_method="named_ballot" if major else "hands",
        named_by_default=major,
        item_by_item=True,  # 第二十三条 "逐项进行表决"
        # The source does not require person-by-person votes on appointments; the clerk can
        # still put each person as a separate item.
        person_by_person=False,
        # Kunming is silent; for 三重一大 the compendium lets the chair defer when close.
        split_opinions_defer=major,
        proxy_votes=False,  # 第二十三条 "不能委托他人投票"
        absent_opinion_counts=False,  # 第二十三条 "不得计入票数"
        citations=citations,
    )


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # 第二十三条 "主持人末位表态制": the chair states a position last. The chair is whoever is
    # marked chairing; otherwise the secretary, who chairs by default (第二十一条). The source
    # fixes no order among the others, so they keep the order given.
    chair = next((m for m in members if m.chairing), None)
    if chair is None:
        chair = next((m for m in members if m.position == "secretary"), None)
    if chair is None:
        return SpeakingOrder(
            order=[m.id for m in members],
            rule="kunming.speaking.chair_last",
            explanation_zh="未指明主持人，按给定顺序发言；主持人应末位表态。",
            explanation_en="No chair given: members speak in the order given; the chair speaks "
            "last.",
            citation=c.C23_CHAIR_LAST,
        )
    return SpeakingOrder(
        order=[m.id for m in members if m.id != chair.id] + [chair.id],
        rule="kunming.speaking.chair_last",
        explanation_zh="实行主持人末位表态制：其他党组成员先发言，主持人最后表态。",
        explanation_en="The chair states a position last; the other members speak first.",
        citation=c.C23_CHAIR_LAST,
    )


# --- notice and ad-hoc motions ---------------------------------------------------------------


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind) -> list[NoticeRule]:
    k = _kind(kind)
    rules = [
        NoticeRule(
            rule="kunming.notice.members",
            recipients="members",
            # 第二十一条 "会前2日": calendar days (the source does not say working days).
            days_before=2,
            working_days=False,
            materials=False,
            written=False,
            note_zh="会议时间、议题一般在会前2日（日历日）通知党组成员（第二十一条）。"
            "Time and agenda 2 calendar days before.",
            citation=c.C21_NOTICE,
        ),
    ]
    if k == ItemKind.PERSONNEL:
        # Compendium 第六条(三): personnel items are listed on the notice, but their materials
        # are handed out at the meeting and collected afterwards, so no materials with it.
        rules.append(
            NoticeRule(
                rule="kunming.notice.personnel",
                recipients="members",
                days_before=1,
                working_days=True,
                materials=False,
                written=True,
                note_zh="人事议题须在通知上列明，至少提前1个工作日；议案和论证材料上会时发放、"
                "会后收回。Listed on the notice 1 working day before; materials only at the "
                "meeting.",
                citation=c.OV_PERSONNEL_MATERIALS,
            )
        )
    else:
        rules.append(
            NoticeRule(
                rule="kunming.notice.members_working_day",
                recipients="members",
                days_before=1,
                working_days=True,
                materials=True,
                # "书面或电话通知 … 确实无法书面送达的，应设法用电话": in writing as the rule.
                written=True,
                note_zh="会议通知（含议题及有关资料）至少提前1个工作日书面送达（监督制度汇编）。"
                "Notice with materials at least 1 working day before, in writing.",
                citation=c.OV_NOTICE,
            )
        )
    rules.append(
        NoticeRule(
            rule="kunming.notice.attendees",
            recipients="attendees",
            days_before=None,  # 第二十二条 names who may attend, not when they are told
            note_zh="非中共党员的常委会副主任及召集人指定人员列席，原文未规定时限，及时通知。"
            "Attendees told in time; no period in the source.",
            citation=c.C22_ATTENDEES_NAMED,
        )
    )
    if k == ItemKind.MAJOR_MATTER:
        # The inspection group sits in on 三重一大 meetings (“三重一大”办法 三(五)), so it is
        # among the 应到会人员 of 议事规则实施细则 第六条(三): 1 working day, with materials.
        rules.append(
            NoticeRule(
                rule="kunming.notice.inspectors",
                recipients="inspectors",
                days_before=1,
                working_days=True,
                materials=True,
                written=True,
                note_zh="派驻纪检监察组列席“三重一大”事项决策会议，与应到会人员同样至少提前1个"
                "工作日收到通知和材料。The inspectors sit in and get notice 1 working day before.",
                citation=c.OV_INSPECTORS_SIT_IN,
            )
        )
    return rules


def _verdict(
    rule: str,
    ctx: RuleContext,
    met: bool,
    numbers: dict[str, Any],
    zh: str,
    en: str,
    citation: Citation,
) -> Verdict:
    return Verdict(
        rule=rule,
        outcome=Outcome.MET if met else Outcome.NOT_MET,
        numbers=numbers,
        explanation_zh=zh,
        explanation_en=en,
        citation=citation,
        rules_version=ctx.version,
    )


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    k = _kind(kind)
    numbers = {"kind": str(k), "emergency": emergency}
    if k == ItemKind.PERSONNEL:
        # Compendium 第六条(三): "人事问题的议题，须在通知上列明" — never raised at the meeting.
        return _verdict(
            "kunming.adhoc.personnel_refused",
            ctx,
            False,
            numbers,
            "人事议题须在会议通知上列明，不得临时动议（紧急会议亦然）。",
            "A personnel item must be on the notice: never ad hoc, not even at an emergency "
            "meeting.",
            c.OV_PERSONNEL_MATERIALS,
        )
    if k in (ItemKind.MAJOR_MATTER, ItemKind.MAJOR_ISSUE):
        # Compendium 第六条(一): "研究决定重大问题的会议不得搞临时动议".
        return _verdict(
            "kunming.adhoc.major_refused",
            ctx,
            False,
            numbers,
            "研究决定重大问题、“三重一大”事项的会议不得临时动议（紧急会议亦然）。",
            "Major issues and major matters are never raised ad hoc, not even at an emergency "
            "meeting.",
            c.OV_NO_AD_HOC_MAJOR,
        )
    if emergency:
        # 第二十一条 "遇有重要情况可以随时召开": a meeting called at short notice may take up an
        # ordinary item raised at it. The source says nothing more; this is the reading chosen.
        return _verdict(
            "kunming.adhoc.emergency_meeting",
            ctx,
            True,
            numbers,
            "遇有重要情况随时召开的会议，可在会上提出一般议题。",
            "A meeting called at any time for something important may take up an ordinary item "
            "raised at it.",
            c.C21_REGULAR,
        )
    # 第二十一条 has the agenda notified 2 days before; the compendium (第六条(四)) forbids
    # ad-hoc motions outright.
    return _verdict(
        "kunming.adhoc.refused",
        ctx,
        False,
        numbers,
        "会上须按通知所列议题议事，不许临时动议。",
        "Only the items on the notice are discussed: no ad-hoc motions.",
        c.OV_NO_AD_HOC,
    )


# --- procedures ------------------------------------------------------------------------------


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    # The source has no 临机处置: every matter in the Party group's remit is decided collectively
    # (第十一条) and a meeting may be called at any time (第二十一条). The compendium's
    # 临机处置 (实施细则 第十七条) would loosen this source, so it is not applied.
    return ProcedureRule(
        rule="kunming.procedure.emergency_disposal",
        allowed=False,
        conditions_zh="原文未规定临机处置：凡属党组职责范围内的事项由党组成员集体讨论决定"
        "（第十一条）；遇有重要情况可以随时召开党组会议（第二十一条）。",
        report_to_next_meeting=False,
        citation=c.C11_COLLECTIVE,
    )


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    # No 复议 procedure in the source. 第二十四条: dissent may be kept or reported upward, and the
    # decision is executed until it is changed (by a new collective decision).
    return ProcedureRule(
        rule="kunming.procedure.reconsideration",
        allowed=False,
        conditions_zh="原文未设复议程序：党组成员对决策有不同意见的，可以保留或者向上级党组织"
        "反映，决策改变前应当坚决执行（第二十四条）；改变决策须作为新议题集体讨论决定。",
        citation=c.C24_EXECUTE,
    )


# --- classification (三重一大 scope) --------------------------------------------------------


def _funds_verdict(ctx: RuleContext, amount: float | None) -> tuple[ItemKind, Verdict]:
    rule = "kunming.classify.major_funds"
    threshold = setting(ctx, FUNDS_THRESHOLD)
    if amount is None:
        # No amount to test: the category "大额资金使用" is taken at its word (第六条(六)).
        return ItemKind.MAJOR_MATTER, _verdict(
            rule,
            ctx,
            True,
            {"amount_wan": None, "threshold_wan": threshold},
            "申报为大额资金使用但未填金额，按“三重一大”事项处理。",
            "Declared as large-funds use without an amount: treated as a major matter.",
            c.C6_FUNDS_PROJECTS,
        )
    if threshold is None:
        # Until the unit sets the threshold the item is held to the stricter kind.
        return ItemKind.MAJOR_MATTER, needs_setting(
            rule, ctx, [FUNDS_THRESHOLD], c.OV_FUNDS_THRESHOLD
        )
    met = float(amount) >= float(threshold)  # "XX万元以上": 以上 includes the amount itself
    numbers = {"amount_wan": amount, "threshold_wan": threshold}
    if met:
        return ItemKind.MAJOR_MATTER, _verdict(
            rule,
            ctx,
            True,
            numbers,
            f"金额 {amount} 万元，达到大额资金起点 {threshold} 万元（含本数），属“三重一大”事项。",
            f"{amount} 万元 is at or above the {threshold} 万元 threshold: a major matter.",
            c.OV_FUNDS_THRESHOLD,
        )
    return ItemKind.ORDINARY, _verdict(
        rule,
        ctx,
        False,
        numbers,
        f"金额 {amount} 万元，未达大额资金起点 {threshold} 万元，不因金额属“三重一大”。",
        f"{amount} 万元 is below the {threshold} 万元 threshold: not a major matter by amount.",
        c.OV_FUNDS_THRESHOLD,
    )


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    declared = (
        ItemKind.MAJOR_MATTER
        if item.declared_kind == ItemKind.DISCIPLINE
        else _kind(item.declared_kind)
    )
    found: list[ItemKind] = [declared]
    verdicts: list[Verdict] = []
    categories = set(item.categories)
    if "personnel" in categories:
        found.append(ItemKind.PERSONNEL)
        verdicts.append(
            _verdict(
                "kunming.classify.personnel",
                ctx,
                True,
                {"category": "personnel"},
                "干部任免事项：须三分之二以上党组成员到会。",
                "A cadre appointment: two-thirds of members must be present.",
                c.C22_TWO_THIRDS,
            )
        )
    if "discipline" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            _verdict(
                "kunming.classify.discipline",
                ctx,
                True,
                {"category": "discipline"},
                "原文未单列处分党员；违纪处理意见属“三重一大”重要人事任免事项。",
                "The source does not name 处分党员; disciplinary handling is a major matter "
                "(重要人事任免).",
                c.OV_DISCIPLINE,
            )
        )
    if "decision" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            _verdict(
                "kunming.classify.major_decision",
                ctx,
                True,
                {"category": "decision"},
                "重大事项决策属“三重一大”事项，须经党组按规定程序讨论决定。",
                "A major decision is a major matter, decided by the Party group by the rules.",
                c.OV_SCOPE,
            )
        )
    if "project" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            _verdict(
                "kunming.classify.major_project",
                ctx,
                True,
                {"category": "project"},
                "重大项目安排属“三重一大”事项，也是第六条所列重大问题。",
                "A major project is a major matter and a 重大问题 under 第六条.",
                c.C6_FUNDS_PROJECTS,
            )
        )
    if "funds" in categories:
        kind, verdict = _funds_verdict(ctx, item.amount_wan)
        found.append(kind)
        verdicts.append(verdict)
    if not verdicts:
        verdicts.append(
            not_applicable(
                "kunming.classify.declared",
                ctx,
                c.OV_SCOPE,
                f"未勾选“三重一大”类别，按申报类型（{declared}）处理。",
                f"No 三重一大 category given: the declared kind ({declared}) stands.",
            )
        )
    return Classification(kind=max(found, key=_RANK.__getitem__), verdicts=verdicts)


# --- the compliance calendar and reporting ---------------------------------------------------


OBLIGATIONS = [
    Obligation(
        rule="kunming.obligation.regular_meeting",
        kind="regular_meeting",
        label_zh="党组会议（一般每月一次）",
        count=1,
        period="month",
        citation=c.C21_REGULAR,
    ),
    Obligation(
        rule="kunming.obligation.report_to_superior",
        kind="report_to_superior",
        label_zh="向市委报告全面工作情况（每年至少2次）",
        count=2,
        period="year",
        recipients=["市委"],
        citation=c.C13_REPORT,
    ),
    Obligation(
        rule="kunming.obligation.study_session",
        kind="study_session",
        label_zh="理论学习中心组集中学习研讨（每年不少于8次）",
        count=8,
        period="year",
        citation=c.C15_STUDY,
    ),
    Obligation(
        rule="kunming.obligation.democratic_life",
        kind="democratic_life",
        label_zh="民主生活会（每年一次）",
        count=1,
        period="year",
        citation=c.C16_ONCE_A_YEAR,
    ),
    Obligation(
        rule="kunming.obligation.field_research",
        kind="field_research",
        # The count is a duration here: months per member per year (第十八条(三)).
        label_zh="每位党组成员深入基层调研（每年原则上不少于2个月，单位：月/人）",
        count=2,
        period="year",
        citation=c.C18_RESEARCH,
    ),
]


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    return OBLIGATIONS


RECIPIENTS: dict[str, list[Recipient]] = {
    "report_to_superior": [
        Recipient(
            who_zh="市委",
            who_en="Municipal Party committee",
            when="on_issue",
            citation=c.C13_REPORT,
        ),
    ],
    "democratic_life_before": [
        Recipient(
            who_zh="纪委监委、组织部相关同志（邀请到会指导）",
            who_en="Discipline commission and organisation department (invited to guide)",
            when="before",
            citation=c.C16_GUIDANCE,
        ),
        Recipient(
            who_zh="非中共党员的常委会副主任（列席）",
            who_en="Non-CPC vice-chairs of the standing committee (sit in)",
            when="before",
            citation=c.C16_GUIDANCE,
        ),
    ],
    "democratic_life_after": [
        Recipient(
            who_zh="干部、群众（通报和公布会议召开情况、整改措施）",
            who_en="Cadres and the public (the meeting and the rectification measures)",
            when="after",
            citation=c.C16_PUBLISH,
        ),
    ],
    "minutes_distribution": [
        Recipient(
            who_zh="常委会办公室（分解督办落实）",
            who_en="The standing committee's office (follow-up of decided items)",
            when="on_issue",
            citation=c.C24_FOLLOW_UP,
        ),
        Recipient(
            who_zh="党组成员和有关部门（重大问题会议纪要）",
            who_en="Members and departments concerned (major-matter minutes)",
            when="on_issue",
            citation=c.OV_MINUTES_RECIPIENTS,
        ),
        Recipient(
            who_zh="市分管领导（重大问题会议纪要，按监督制度汇编）",
            who_en="The city leader in charge (major-matter minutes, oversight compendium)",
            when="on_issue",
            citation=c.OV_MINUTES_RECIPIENTS,
        ),
    ],
    # The source does not say absent members are told of decisions.
    "decision_to_absent_members": [],
}


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    return RECIPIENTS.get(event, [])


# --- access policy ---------------------------------------------------------------------------


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles; see core/access/policy.py.
    return None
