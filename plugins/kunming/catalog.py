"""What the Kunming NPC standing committee Party group's rules are made of: identity, settings,
item kinds, the rule catalogue, the compliance calendar and who receives what.

Data only, read by `hooks.py` (the hook implementations) and shown by the rule explorer. Source:
`source.txt` beside this module, 中共昆明市人民代表大会常务委员会党组工作规则 (2020-04-24); rows
that cite the oversight compendium carry `source="oversight"` (see `citations.py`).
"""

from __future__ import annotations

from datetime import date

from core.rules import compendium as K
from core.rules.builders import catalog_entry
from core.rules.defaults import contract_catalog
from core.rules.scope import scope_catalog
from core.rules.types import (
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    Obligation,
    ObligationScope,
    ObligationUnit,
    Recipient,
    RuleEntry,
    RuleVersion,
    SettingSpec,
)
from plugins.kunming import citations as c

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
    # Issue 8, item 6: the 大额资金 threshold is the compendium's blank 「本单位预算内XX万元以上
    # 项目支出和采购」 (三重一大实施办法 一(四)1): the baseline declares it, citing that sentence
    # (core.rules.baseline.FUNDS_SETTINGS), under the same key `FUNDS_THRESHOLD`.
]

# --- item kinds ------------------------------------------------------------------------------

KINDS: list[ItemKindInfo] = [
    # 第六条: whatever the Party group decides is a 重大问题, so "ordinary" here means an item
    # put for decision (two-thirds, 第二十二条); items heard without a decision are study or
    # briefing items (issue 8, item 2).
    ItemKindInfo(
        kind=ItemKind.ORDINARY,
        label_zh="决定事项（第六条所列重大问题）",
        label_en="Item for decision (a 重大问题 under 第六条)",
        citation=c.C6_MAJOR_ISSUES,
    ),
    ItemKindInfo(
        kind=ItemKind.STUDY,
        label_zh="传达学习（不作决定）",
        label_en="Study item (no decision)",
        citation=c.C22_QUORUM,
    ),
    ItemKindInfo(
        kind=ItemKind.BRIEFING,
        label_zh="情况通报（不作决定）",
        label_en="Briefing (no decision)",
        citation=c.C22_QUORUM,
    ),
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

# --- the rule catalogue ----------------------------------------------------------------------


RULES: list[RuleEntry] = [
    # meetings
    catalog_entry(
        "kunming.meetings.regular",
        "meetings",
        "党组会议一般每月召开一次，遇有重要情况可以随时召开",
        "Meetings once a month as a rule; at any time when something important arises",
        c.C21_REGULAR,
    ),
    catalog_entry(
        "kunming.meetings.convener",
        "meetings",
        "书记召集并主持；书记不能出席时可委托副书记主持",
        "The secretary convenes and chairs; may delegate the chair to a deputy secretary",
        c.C21_CHAIR,
    ),
    catalog_entry(
        "kunming.meetings.agenda",
        "meetings",
        "议题由书记提出，或由党组成员提出建议",
        "Items are put by the secretary or proposed by members",
        c.C21_AGENDA,
    ),
    catalog_entry(
        "kunming.meetings.leave",
        "meetings",
        "不能参会应会前请假，重要意见可书面表达",
        "An absent member asks leave beforehand and may give a written opinion",
        c.C22_LEAVE,
    ),
    catalog_entry(
        "kunming.meetings.attendees",
        "meetings",
        "可邀请非中共党员的常委会副主任列席；召集人可根据议题指定有关人员列席",
        "Non-CPC vice-chairs may be invited; the convener may name attendees per item",
        c.C22_ATTENDEES_VICE_CHAIRS,
    ),
    catalog_entry(
        "kunming.meetings.confidentiality",
        "meetings",
        "与会人员遵守保密制度",
        "Participants keep the meeting's classified content confidential",
        c.C25_CONFIDENTIAL,
    ),
    # quorum
    catalog_entry(
        "kunming.quorum.meeting",
        "quorum",
        "半数以上（含半数）成员到会方可举行",
        "The meeting needs at least half of the members present",
        c.C22_QUORUM,
    ),
    catalog_entry(
        "kunming.quorum.item",
        "quorum",
        "不作决定的议题（传达学习、通报）：半数以上到会（回避者不计入基数与到会人数）",
        "Items heard without a decision (study, briefing): at least half present (recused "
        "members out of base and count)",
        c.C22_QUORUM,
    ),
    catalog_entry(
        "kunming.quorum.major_issue",
        "quorum",
        "讨论重大问题须三分之二以上党组成员到会",
        "Major issues need at least two-thirds of members present",
        c.C22_TWO_THIRDS,
    ),
    catalog_entry(
        "kunming.quorum.personnel",
        "quorum",
        "讨论干部任免须三分之二以上党组成员到会，且分管该项工作的党组成员必须到会（属“三重一大”）",
        "Cadre appointments need at least two-thirds of members present and the member in charge "
        "(a 三重一大 item)",
        c.C22_TWO_THIRDS,
    ),
    catalog_entry(
        "kunming.quorum.major_matter",
        "quorum",
        "“三重一大”事项（含处分党员）：三分之二以上到会（属第六条重大问题），且分管该项工作的党组成员"
        "必须到会",
        "Major matter (disciplining a member included): two-thirds present (a 重大问题 under "
        "第六条) and the member in charge present",
        c.C22_TWO_THIRDS,
    ),
    catalog_entry(
        "kunming.quorum.in_charge_present",
        "oversight",
        "研究“三重一大”事项（含干部任免、处分党员），分管此项工作的党组成员必须到会",
        "For a major matter (appointments and discipline included) the member in charge of that "
        "area must be present",
        c.OV_IN_CHARGE,
    ),
    catalog_entry(
        "kunming.quorum.recusal",
        "quorum",
        "议题涉及本人或亲属等情形的党组成员应当回避；回避者不计入该议题的基数与人数",
        "A member concerned (or a relative, or another conflict) recuses; out of base and count",
        c.C22_RECUSAL,
    ),
    # voting
    catalog_entry(
        "kunming.passing.majority_of_expected",
        "voting",
        "赞成票超过应到会党组成员半数为通过（回避者不计入应到会人数）",
        "Passes with yes votes above half of the members expected (recused members excluded)",
        c.C23_PASSING,
    ),
    catalog_entry(
        "kunming.voting.methods",
        "voting",
        "表决可采用口头、举手、无记名投票或记名投票",
        "Votes may be oral, by hands, by secret ballot or by named ballot",
        c.C23_METHODS,
    ),
    catalog_entry(
        "kunming.voting.item_by_item",
        "voting",
        "决定多个事项的应当逐项表决",
        "Several matters are voted on one by one",
        c.C23_ITEM_BY_ITEM,
    ),
    catalog_entry(
        "kunming.voting.absent_opinions",
        "voting",
        "未到会成员书面意见不计入票数，不得委托投票，也不另行投票",
        "Written opinions of absent members are not votes; no proxy; no later vote",
        c.C23_ABSENT_OPINIONS,
    ),
    catalog_entry(
        "kunming.voting.named_major_matter",
        "oversight",
        "“三重一大”事项（含干部任免、处分党员）一般记名表决，每位党组成员的表决意见记录在案",
        "Major matters (appointments and discipline included): named votes by default, each "
        "member's vote recorded",
        c.OV_NAMED_VOTES,
    ),
    catalog_entry(
        "kunming.voting.defer_when_close",
        "oversight",
        "“三重一大”事项（含干部任免、处分党员）赞成与反对人数接近时（含书面意见）可暂缓表决",
        "Major matters: the chair may defer when yes and no are close (written opinions counted "
        "for this purpose only)",
        c.OV_DEFER_CLOSE,
    ),
    catalog_entry(
        "kunming.speaking.chair_last",
        "voting",
        "表决前充分讨论，主持人末位表态",
        "Full discussion before the vote; the chair states a position last",
        c.C23_CHAIR_LAST,
    ),
    # notice
    catalog_entry(
        "kunming.notice.members",
        "notice",
        "会议时间、议题一般在会前2日通知党组成员",
        "Time and agenda to members 2 days before",
        c.C21_NOTICE,
    ),
    catalog_entry(
        "kunming.notice.members_working_day",
        "notice",
        "会议通知（含议题及资料）至少提前1个工作日书面送达应到会人员",
        "Notice with agenda and materials at least 1 working day before, in writing",
        c.OV_NOTICE,
    ),
    catalog_entry(
        "kunming.notice.personnel",
        "notice",
        "人事议题须在通知上列明，材料上会时发放、会后收回",
        "Personnel items listed on the notice; materials handed out at the meeting, collected "
        "after",
        c.OV_PERSONNEL_MATERIALS,
    ),
    catalog_entry(
        "kunming.notice.attendees",
        "notice",
        "列席人员由召集人邀请或指定，原文未规定通知时限",
        "Attendees are invited or named by the convener; no notice period in the source",
        c.C22_ATTENDEES_NAMED,
    ),
    catalog_entry(
        "kunming.notice.inspectors",
        "notice",
        "派驻纪检监察组列席“三重一大”事项（含干部任免）决策会议，作为应到会人员至少提前1个工作日"
        "收到通知",
        "The stationed inspection group sits in on major-matter meetings (appointments included) "
        "and gets the notice at least 1 working day before",
        c.OV_NOTICE,
    ),
    # ad-hoc motions
    catalog_entry(
        "kunming.adhoc.refused",
        "notice",
        "会上须按通知所列议题议事，不许临时动议（随时召开的会议亦然）",
        "Only notified items are discussed: no ad-hoc motions, a meeting called at any time "
        "included",
        c.OV_NO_AD_HOC,
    ),
    catalog_entry(
        "kunming.adhoc.major_refused",
        "notice",
        "研究重大问题、“三重一大”事项的会议不得临时动议",
        "Never ad hoc for major issues or major matters",
        c.OV_NO_AD_HOC_MAJOR,
    ),
    catalog_entry(
        "kunming.adhoc.personnel_refused",
        "notice",
        "不得临时动议决定干部的任免；人事议题须在通知上列明",
        "Cadre appointments are never decided ad hoc; the item must be on the notice",
        K.GB_NO_AD_HOC,
    ),
    # procedure
    catalog_entry(
        "kunming.procedure.emergency_disposal",
        "procedure",
        "重大突发事件和紧急情况，来不及集体议事的，党组成员可临机处置，事后及时向领导集体报告"
        "（原文未设，适用监督制度汇编）",
        "In an emergency with no time to meet, a member may act and report afterwards (the "
        "source is silent; the compendium's rule)",
        K.XZ_EMERGENCY,
    ),
    catalog_entry(
        "kunming.procedure.reconsideration",
        "procedure",
        "原文未设复议程序：不同意见可保留或向上级反映，决策改变前坚决执行",
        "No reconsideration procedure: dissent may be kept or reported upward; the decision "
        "is executed until changed",
        c.C24_EXECUTE,
    ),
    catalog_entry(
        "kunming.procedure.major_decision",
        "procedure",
        "重大决策须调研提出方案、听取意见、风险评估和合法性合规性审查，集体讨论决定",
        "Major decisions: proposal after research, consultation, risk and legality review, "
        "collective decision",
        c.C20_MAJOR_DECISION,
    ),
    catalog_entry(
        "kunming.procedure.minutes",
        "procedure",
        "党组秘书或专门人员如实记录，决定事项编发会议纪要并存档",
        "The Party group secretary or a designated person records; minutes for decided items",
        c.C23_MINUTES,
    ),
    catalog_entry(
        "kunming.procedure.major_minutes_series",
        "oversight",
        "重大问题会议纪要按独立序列年度编号",
        "Major-matter minutes form their own series, numbered per year",
        c.OV_MINUTES_SERIES,
    ),
    catalog_entry(
        "kunming.procedure.follow_up",
        "procedure",
        "常委会办公室负责分解督办落实，及时反馈督查情况",
        "The standing committee's office splits, tracks and reports on execution",
        c.C24_FOLLOW_UP,
    ),
    catalog_entry(
        "kunming.procedure.violations",
        "oversight",
        "未按要求提前通知、材料不全、记录不全、纪要未按规定抄送均视为违规",
        "Late notice, missing materials, incomplete record, minutes not copied: violations",
        c.OV_VIOLATIONS,
    ),
    # classification (三重一大 scope)
    catalog_entry(
        "kunming.classify.declared",
        "oversight",
        "未勾选“三重一大”类别时按申报类型处理",
        "Without a 三重一大 category the declared kind stands",
        c.OV_SCOPE,
    ),
    catalog_entry(
        "kunming.classify.major_decision",
        "oversight",
        "重大事项决策属“三重一大”",
        "A major decision is a major matter",
        c.OV_SCOPE,
    ),
    catalog_entry(
        "kunming.classify.major_project",
        "oversight",
        "重大项目安排属“三重一大”（亦为第六条所列重大问题）",
        "A major project is a major matter (and a 重大问题 under 第六条)",
        c.C6_FUNDS_PROJECTS,
    ),
    catalog_entry(
        "kunming.classify.major_funds",
        "oversight",
        "预算内达到起点金额（XX万元，单位设置）的资金使用属“三重一大”；起点未设置或未填金额时从严按"
        "“三重一大”处理",
        "Spending at or above the unit's threshold (XX万元, a setting) is a major matter; while "
        "the threshold is unset or the amount unknown, the item is held as one",
        c.OV_FUNDS_THRESHOLD,
    ),
    catalog_entry(
        "kunming.classify.major_issue",
        "oversight",
        "提请党组讨论和决定的议题及第六条所列事项属重大问题（须三分之二以上到会）",
        "An item for decision, and any matter of 第六条, is a 重大问题 (two-thirds present)",
        c.C6_MAJOR_ISSUES,
    ),
    catalog_entry(
        "kunming.classify.personnel",
        "oversight",
        "干部任免议题按干部任免规则处理",
        "Cadre appointments are personnel items",
        c.C22_TWO_THIRDS,
    ),
    catalog_entry(
        "kunming.classify.discipline",
        "oversight",
        "原文未单列处分党员；违纪处理意见属“三重一大”（重要人事任免）",
        "The source does not name 处分党员; disciplinary handling is a major matter",
        c.OV_DISCIPLINE,
    ),
    # obligations
    catalog_entry(
        "kunming.obligation.regular_meeting",
        "obligations",
        "党组会议一般每月一次",
        "One Party group meeting a month as a rule",
        c.C21_REGULAR,
    ),
    catalog_entry(
        "kunming.obligation.report_to_superior",
        "obligations",
        "每年至少向市委报告2次全面工作",
        "At least 2 comprehensive reports a year to the municipal Party committee",
        c.C13_REPORT,
    ),
    catalog_entry(
        "kunming.obligation.study_session",
        "obligations",
        "理论学习中心组集中学习研讨每年不少于8次",
        "At least 8 theory-study group sessions a year",
        c.C15_STUDY,
    ),
    catalog_entry(
        "kunming.obligation.democratic_life",
        "obligations",
        "民主生活会每年召开一次",
        "One democratic life meeting a year",
        c.C16_ONCE_A_YEAR,
    ),
    catalog_entry(
        "kunming.obligation.field_research",
        "obligations",
        "每位党组成员每年深入基层调研时间原则上不少于2个月（2 months：时长，不是2次）",
        "Each member spends at least 2 months a year on field research, in principle (a "
        "duration of 2 months, not 2 events)",
        c.C18_RESEARCH,
    ),
    # reporting
    catalog_entry(
        "kunming.report.democratic_life_guidance",
        "obligations",
        "民主生活会邀请纪委监委、组织部相关同志到会指导，非中共党员副主任列席",
        "Democratic life meeting: discipline commission and organisation department invited; "
        "non-CPC vice-chairs sit in",
        c.C16_GUIDANCE,
    ),
    catalog_entry(
        "kunming.report.democratic_life_publish",
        "obligations",
        "民主生活会召开情况、整改措施向干部群众通报公布",
        "The meeting and the rectification measures are announced to cadres and the public",
        c.C16_PUBLISH,
    ),
    catalog_entry(
        "kunming.report.minutes_recipients",
        "oversight",
        "重大问题会议纪要发党组成员和有关部门，并报市分管领导",
        "Major-matter minutes go to members and departments concerned, and to the city leader",
        c.OV_MINUTES_RECIPIENTS,
    ),
]
RULES += scope_catalog("kunming")  # issue 8, item 5: core.rules.scope
RULES += contract_catalog("kunming")
RULE_IDS = frozenset(e.rule for e in RULES)

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
        # The count is a duration here: months per member per year (第十八条(三)), not events;
        # the label says "2 months" so that a calendar does not read it as two events.
        label_zh="每位党组成员深入基层调研时间（每年原则上不少于2个月 / 2 months，为时长而非次数）",
        count=2,
        period="year",
        # Item 3 of issue 8: a duration (months), for each member, "原则" (a shortfall is an
        # exception with its reason).
        unit=ObligationUnit.MONTHS,
        scope=ObligationScope.EACH_MEMBER,
        generally=True,
        citation=c.C18_RESEARCH,
    ),
]

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
        # 第十六条 has the non-CPC vice-chairs sit in (列席): attendees, not recipients of any
        # report or notice, so they are not listed here.
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
