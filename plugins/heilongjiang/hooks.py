"""Hook implementations for Heilongjiang offices administration Party group.

Source: 中共黑龙江省机关事务管理局党组工作规则 (`source.txt`), plus the shared oversight
compendium (core/rules/sources/oversight.txt) for the rules that apply to every tenant
(三重一大 quorum with the member in charge present, named votes, notice of 1 working day).
Every rule encoded here is listed in `RULES` (the rule explorer's rows) with its citation.
"""

from __future__ import annotations

from datetime import date

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
from plugins.heilongjiang import citations as c

INFO = JurisdictionInfo(
    name="heilongjiang",
    body_zh="中共黑龙江省机关事务管理局党组",
    body_en="Heilongjiang offices administration Party group",
    source_title="中共黑龙江省机关事务管理局党组工作规则",
    # The source carries no date: 第二十六条 says it takes effect "自发布之日起".
    source_date="",
    source_file="source.txt",
    rules_version="heilongjiang-1",
)

VERSION = "heilongjiang-1"
#: The source gives no date (第二十六条: "自发布之日起施行"); 2020-01-01 is a stand-in so that
#: every meeting the platform can hold is judged by this version. It replaces the former
#: 《中共黑龙江省机关事务管理局党组议事规则》, which is not encoded.
EFFECTIVE_FROM = date(2020, 1, 1)

#: Kinds that are 三重一大 (第五条(四)–(六) and the oversight compendium): the member in charge
#: must be present, no ad-hoc motion, notice at least 1 working day before, named votes.
MAJOR_KINDS = (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
#: Kinds whose materials are not sent before the meeting: "除人事等重要事项外" (第十五条(一));
#: 纪律处分 is a 重要人事管理事项 under 第五条(四), so discipline counts as 人事 here.
PERSONNEL_LIKE = (ItemKind.PERSONNEL, ItemKind.DISCIPLINE)

# --- settings: the source's blanks ("x", "xx") --------------------------------------------------

REGULAR_MEETINGS = "regular_meetings_per_month"
PARTY_BUILDING_REVIEWS = "party_building_reviews_per_half_year"
IDEOLOGY_REVIEWS = "ideology_reviews_per_half_year"
REGULATION_HEARINGS = "regulation_hearings_per_year"
PERIODIC_REPORTS = "periodic_reports_per_year"
DEMOCRATIC_LIFE = "democratic_life_meetings_per_year"
DUTY_REPORTS = "duty_reports_per_year"
FUNDS_THRESHOLD = "major_funds_threshold_wan"

SETTINGS: list[SettingSpec] = [
    SettingSpec(
        key=REGULAR_MEETINGS,
        type="int",
        label_zh="党组会议每月召开次数",
        label_en="Regular Party group meetings per month",
        unit="次/月",
        minimum=1,
        maximum=8,
        default=None,  # the source leaves "x": the unit admin must set it
        article=c.C15_REGULAR.article,
        original=c.C15_REGULAR.original,
    ),
    SettingSpec(
        key=PARTY_BUILDING_REVIEWS,
        type="int",
        label_zh="每半年研究机关党建工作次数（不少于）",
        label_en="Reviews of Party building in the organ, at least, per half-year",
        unit="次/半年",
        minimum=1,
        maximum=12,
        default=None,  # "不少于x次": must be set
        article=c.C6_PARTY_BUILDING.article,
        original=c.C6_PARTY_BUILDING.original,
    ),
    SettingSpec(
        key=IDEOLOGY_REVIEWS,
        type="int",
        label_zh="每半年研究意识形态工作次数（不少于）",
        label_en="Reviews of ideology work, at least, per half-year",
        unit="次/半年",
        minimum=1,
        maximum=12,
        default=None,  # "不少于x次": must be set
        article=c.C6_3_IDEOLOGY.article,
        original=c.C6_3_IDEOLOGY.original,
    ),
    SettingSpec(
        key=REGULATION_HEARINGS,
        type="int",
        label_zh="每年听取党内法规制度工作情况次数（至少）",
        label_en="Hearings on Party-regulation work, at least, per year",
        unit="次/年",
        minimum=1,
        maximum=12,
        default=None,  # "至少听取x次": must be set
        article=c.C6_8_REGULATIONS.article,
        original=c.C6_8_REGULATIONS.original,
    ),
    SettingSpec(
        key=PERIODIC_REPORTS,
        type="int",
        label_zh="每年向省委、省纪委监委定期报告次数",
        label_en="Periodic reports to the provincial Party committee and discipline commission "
        "per year",
        unit="次/年",
        minimum=1,
        maximum=12,
        # 第十条(五) says "定期" (periodically) without a period: the unit fixes it.
        default=None,
        article=c.C10_5_PERIODIC_REPORTS.article,
        original=c.C10_5_PERIODIC_REPORTS.original,
    ),
    SettingSpec(
        key=DEMOCRATIC_LIFE,
        type="int",
        label_zh="每年民主生活会次数",
        label_en="Democratic life meetings per year",
        unit="次/年",
        minimum=1,
        maximum=4,
        # 第十九条 says "按规定" (as prescribed) without a number; the prescribing rules hold the
        # democratic life meeting once a year, so 1 is the documented default the admin may change.
        default=1,
        article=c.C19_DEMOCRATIC_LIFE.article,
        original=c.C19_DEMOCRATIC_LIFE.original,
    ),
    SettingSpec(
        key=DUTY_REPORTS,
        type="int",
        label_zh="党组书记每年向省委报告履职情况次数",
        label_en="Secretary's duty and integrity reports to the provincial Party committee "
        "per year",
        unit="次/年",
        minimum=1,
        maximum=4,
        # 第二十二条 names the 述责述廉 system without a period; the system is yearly, so 1 is
        # the documented default the admin may change.
        default=1,
        article=c.C22_DUTY_REPORT.article,
        original=c.C22_DUTY_REPORT.original,
    ),
    SettingSpec(
        key=FUNDS_THRESHOLD,
        type="decimal",
        label_zh="大额专项资金审批金额标准（超过该数额为三重一大）",
        label_en="Large special-fund threshold (above it, a major matter)",
        unit="万元",
        minimum=1,
        maximum=100000,
        # "xx万元以上（不含xx万元）": the blank is the source's own (第五条(六)); the oversight
        # compendium leaves the same kind of blank ("XX万元"). Must be set.
        default=None,
        article=c.C5_6_FUNDS.article,
        original=c.C5_6_FUNDS.original,
    ),
]

# --- the catalogue ------------------------------------------------------------------------------


def _entry(rule: str, topic: str, zh: str, en: str, citation: Citation) -> RuleEntry:
    return RuleEntry(rule=rule, topic=topic, summary_zh=zh, summary_en=en, citation=citation)


R_QUORUM_MEETING = "heilongjiang.quorum.meeting"
R_QUORUM_ITEM = "heilongjiang.quorum.item"
R_QUORUM_RECUSAL = "heilongjiang.quorum.recusal"
R_QUORUM_MAJOR = "heilongjiang.quorum.major_matter"
R_QUORUM_PERSONNEL = "heilongjiang.quorum.personnel"
R_QUORUM_DISCIPLINE = "heilongjiang.quorum.discipline"
R_QUORUM_IN_CHARGE = "heilongjiang.quorum.in_charge"
R_PASSING = "heilongjiang.passing.majority_of_expected"
R_ABSENT = "heilongjiang.passing.absent_opinion_not_counted"
R_METHODS = "heilongjiang.voting.methods"
R_ITEM_BY_ITEM = "heilongjiang.voting.item_by_item"
R_SPLIT = "heilongjiang.voting.split_defer"
R_NAMED = "heilongjiang.voting.named_default_major"
R_CLOSE = "heilongjiang.voting.close_defer"
R_PERSON_BY_PERSON = "heilongjiang.voting.personnel_opinions"
R_SPEAK_SECRETARY = "heilongjiang.speaking.secretary_last"
R_SPEAK_PERSONNEL = "heilongjiang.speaking.personnel_reverse_rank"
R_NOTICE_MEMBERS = "heilongjiang.notice.members"
R_NOTICE_MAJOR = "heilongjiang.notice.members_major"
R_NOTICE_INSPECTORS = "heilongjiang.notice.inspectors"
R_NOTICE_ATTENDEES = "heilongjiang.notice.attendees"
R_NOTICE_PERSONNEL_MATERIALS = "heilongjiang.notice.personnel_materials"
R_ADHOC_REFUSED = "heilongjiang.adhoc.refused"
R_ADHOC_EMERGENCY = "heilongjiang.adhoc.emergency_meeting"
R_ADHOC_PERSONNEL = "heilongjiang.adhoc.personnel_refused"
R_ADHOC_MAJOR = "heilongjiang.adhoc.major_refused"
R_EMERGENCY = "heilongjiang.procedure.emergency_disposal"
R_RECONSIDER = "heilongjiang.procedure.reconsideration"
R_CLASSIFY_DECISION = "heilongjiang.classify.decision"
R_CLASSIFY_PERSONNEL = "heilongjiang.classify.personnel"
R_CLASSIFY_DISCIPLINE = "heilongjiang.classify.discipline"
R_CLASSIFY_PROJECT = "heilongjiang.classify.project"
R_CLASSIFY_FUNDS = "heilongjiang.classify.funds_threshold"
R_INSPECTORS_SIT_IN = "heilongjiang.oversight.inspectors_sit_in"
R_MINUTES_SERIES = "heilongjiang.oversight.minutes_series"
R_CONVENER = "heilongjiang.meetings.convener"
R_AGENDA = "heilongjiang.meetings.agenda"
R_ATTENDEES = "heilongjiang.meetings.attendees"
R_LEAVE = "heilongjiang.meetings.leave"
R_MINUTES = "heilongjiang.meetings.minutes"
R_FOLLOW_UP = "heilongjiang.meetings.follow_up"
R_OB_REGULAR = "heilongjiang.obligations.regular_meetings"
R_OB_ANNUAL_REPORT = "heilongjiang.obligations.annual_report"
R_OB_PERIODIC_REPORTS = "heilongjiang.obligations.periodic_reports"
R_OB_PARTY_BUILDING = "heilongjiang.obligations.party_building_reviews"
R_OB_IDEOLOGY = "heilongjiang.obligations.ideology_reviews"
R_OB_REGULATIONS = "heilongjiang.obligations.regulation_hearings"
R_OB_DEMOCRATIC_LIFE = "heilongjiang.obligations.democratic_life"
R_OB_STUDY_GROUP = "heilongjiang.obligations.study_group"
R_OB_LAW_STUDY = "heilongjiang.obligations.law_study"
R_OB_DUTY_REPORT = "heilongjiang.obligations.duty_report"

RULES: list[RuleEntry] = [
    # meetings
    _entry(
        R_CONVENER,
        "meetings",
        "党组书记召集和主持党组会议",
        "The secretary convenes and chairs Party group meetings",
        c.C4_SECRETARY,
    ),
    _entry(
        R_AGENDA,
        "meetings",
        "会议时间及议题由党组书记确定",
        "The secretary sets the date and the agenda, on his own or on a member's proposal",
        c.C15_1_AGENDA,
    ),
    _entry(
        R_ATTENDEES,
        "meetings",
        "列席人员一般为与议题相关的部门主要负责同志，列席不表决",
        "Attendees are the heads of the departments concerned; they never vote",
        c.C15_2_ATTENDEES,
    ),
    _entry(
        R_LEAVE,
        "meetings",
        "无正当理由不允许请假，须向党组书记请假",
        "No leave without good reason; leave is asked of the secretary",
        c.C15_5_LEAVE,
    ),
    _entry(
        R_MINUTES,
        "meetings",
        "每次会议均作记录并编印纪要，书记签发，发至局机关处（室）和局属单位",
        "Every meeting is recorded and minuted; the secretary signs the minutes, which go to "
        "the bureau's departments and units",
        c.C15_4_MINUTES,
    ),
    _entry(
        R_FOLLOW_UP,
        "meetings",
        "局办公室将决策落实纳入“四个体系”督办",
        'The office tracks execution of decisions in the "four systems" mechanism',
        c.C15_7_FOLLOW_UP,
    ),
    # quorum
    _entry(
        R_QUORUM_MEETING,
        "quorum",
        "半数以上党组成员到会方可召开（含本数）",
        "The meeting may be held with at least half of the members present (half included)",
        c.C15_2_QUORUM,
    ),
    _entry(
        R_QUORUM_ITEM,
        "quorum",
        "一般议题：回避成员不计入基数与到会人数，半数以上到会",
        "Ordinary item: at least half of the members present, recused members out of base "
        "and count",
        c.C15_2_QUORUM,
    ),
    _entry(
        R_QUORUM_RECUSAL,
        "quorum",
        "涉及利害关系的与会人员应当申请回避",
        "A participant with an interest in the item must apply to recuse",
        c.C15_2_RECUSAL,
    ),
    _entry(
        R_QUORUM_MAJOR,
        "quorum",
        "三重一大：半数以上到会，且分管该项工作的党组成员必须到会",
        "Major matter: at least half present, and the member in charge of the area present",
        c.OV_MAJOR_QUORUM,
    ),
    _entry(
        R_QUORUM_PERSONNEL,
        "quorum",
        "审议干部任免事项须三分之二以上党组成员到会，分管成员须到会",
        "Cadre appointments: at least two-thirds present, and the member in charge present",
        c.C15_2_PERSONNEL_QUORUM,
    ),
    _entry(
        R_QUORUM_DISCIPLINE,
        "quorum",
        "处分党员按党章党规执行：三分之二以上党组成员到会，分管成员须到会",
        "Disciplining members follows Party rules: at least two-thirds present, and the member "
        "in charge present",
        c.C14_DISCIPLINE,
    ),
    _entry(
        R_QUORUM_IN_CHARGE,
        "quorum",
        "研究三重一大事项，分管此项工作的党组成员必须到会",
        "For a major matter the member in charge of that work must be present",
        c.OV_IN_CHARGE,
    ),
    # voting
    _entry(
        R_PASSING,
        "voting",
        "赞成票超过应到会党组成员半数为通过（回避成员不计入基数）",
        "Passes with yes votes from more than half of the members expected (recused out of "
        "the base)",
        c.C16_1_PASSING,
    ),
    _entry(
        R_ABSENT,
        "voting",
        "未到会党组成员的意见不计入票数；不得委托表决",
        "Absent members' opinions are never votes; no proxy votes",
        c.C16_1_ABSENT,
    ),
    _entry(
        R_METHODS,
        "voting",
        "表决方式：口头、举手、无记名投票、记名投票",
        "Vote methods: oral, show of hands, secret ballot, named ballot",
        c.C16_1_METHODS,
    ),
    _entry(
        R_ITEM_BY_ITEM,
        "voting",
        "多个事项逐项表决",
        "Several items: one vote per item",
        c.C16_1_ITEM_BY_ITEM,
    ),
    _entry(
        R_SPLIT,
        "voting",
        "意见分歧较大的暂缓决定，紧急情况按多数意见执行",
        "Split opinions defer the item, except in an emergency (then the majority view is "
        "executed)",
        c.C16_1_SPLIT,
    ),
    _entry(
        R_NAMED,
        "voting",
        "三重一大事项一般记名表决，每位成员表决意见记录在案",
        "Major matters: named votes by default, each member's vote recorded",
        c.OV_NAMED_VOTES,
    ),
    _entry(
        R_CLOSE,
        "voting",
        "赞成与反对人数接近（含未到会成员书面意见）时可暂缓表决",
        "When yes and no are close (absent members' written opinions included, for this "
        "only), the vote may be deferred",
        c.OV_CLOSE_DEFER,
    ),
    _entry(
        R_PERSON_BY_PERSON,
        "voting",
        "干部任免：每位成员逐一发表同意、不同意或缓议的明确意见",
        "Cadre appointments: each member states agree, disagree or defer",
        c.C16_2_PERSONNEL,
    ),
    _entry(
        R_SPEAK_SECRETARY,
        "voting",
        "党组书记末位表态",
        "The secretary states his position last",
        c.C16_1_SECRETARY_LAST,
    ),
    _entry(
        R_SPEAK_PERSONNEL,
        "voting",
        "干部任免：按党组成员排序从后往前逐一发表意见，书记最后",
        "Cadre appointments: members speak from the lowest rank up, the secretary last",
        c.C16_2_PERSONNEL,
    ),
    # notice
    _entry(
        R_NOTICE_MEMBERS,
        "notice",
        "除临时召开的会议外，提前通知党组成员；材料会前分送（人事等除外）",
        "Members are notified in advance (not for ad-hoc meetings); materials beforehand, "
        "except personnel items",
        c.C15_1_NOTICE,
    ),
    _entry(
        R_NOTICE_INSPECTORS,
        "notice",
        "提前通知派驻纪检监察组",
        "The stationed discipline-inspection group is notified in advance",
        c.C15_1_NOTICE,
    ),
    _entry(
        R_NOTICE_ATTENDEES,
        "notice",
        "会议内容会前分送与会人员（人事等重要事项除外）",
        "Materials go to participants before the meeting, except personnel and similar items",
        c.C15_1_MATERIALS,
    ),
    _entry(
        R_NOTICE_MAJOR,
        "notice",
        "三重一大：至少提前1个工作日书面或电话通知应到会人员",
        "Major matters: notice at least 1 working day before, in writing or by phone",
        c.OV_NOTICE,
    ),
    _entry(
        R_NOTICE_PERSONNEL_MATERIALS,
        "notice",
        "人事议题材料上会时发放、会后收回",
        "Personnel materials handed out at the meeting and collected afterwards",
        c.OV_PERSONNEL_MATERIALS,
    ),
    _entry(
        R_ADHOC_REFUSED,
        "notice",
        "一般议题须会前确定并通知，不在会上临时提出",
        "Items are set and notified before the meeting, not raised at it",
        c.C15_1_NOTICE,
    ),
    _entry(
        R_ADHOC_EMERGENCY,
        "notice",
        "遇有重要情况可随时召开会议，临时召开的会议不受提前通知限制",
        "When something important arises a meeting may be called at any time, without "
        "advance notice",
        c.C15_REGULAR,
    ),
    _entry(
        R_ADHOC_PERSONNEL,
        "notice",
        "讨论干部任免事项不允许搞临时动议",
        "No ad-hoc motion for cadre appointments",
        c.C16_2_PERSONNEL,
    ),
    _entry(
        R_ADHOC_MAJOR,
        "notice",
        "研究决定重大问题的会议不得搞临时动议",
        "No ad-hoc motion for major matters",
        c.OV_NO_AD_HOC,
    ),
    # procedure
    _entry(
        R_EMERGENCY,
        "procedure",
        "集体讨论决定，任何个人或者少数人无权擅自决定（无临机处置）",
        "Collective decision: no individual or minority may decide alone (no emergency disposal)",
        c.C12_COLLECTIVE,
    ),
    _entry(
        R_RECONSIDER,
        "procedure",
        "有不同意见的在执行前提下可声明保留或向上级反映（无复议程序）",
        "A dissenting member executes and may reserve his view or report upward (no "
        "reconsideration procedure)",
        c.C12_DISSENT,
    ),
    # oversight
    _entry(
        R_CLASSIFY_DECISION,
        "oversight",
        "重大决策事项属三重一大",
        "Major decisions are major matters",
        c.C5_1_DECISIONS,
    ),
    _entry(
        R_CLASSIFY_PERSONNEL,
        "oversight",
        "重要干部推荐、提名、任免事项按干部任免议题办理",
        "Cadre recommendations, nominations and appointments are personnel items",
        c.C5_4_PERSONNEL,
    ),
    _entry(
        R_CLASSIFY_DISCIPLINE,
        "oversight",
        "纪律处分事项按处分党员议题办理",
        "Disciplinary sanctions are discipline items",
        c.C5_4_PERSONNEL,
    ),
    _entry(
        R_CLASSIFY_PROJECT,
        "oversight",
        "重大项目安排属三重一大",
        "Major projects are major matters",
        c.C5_5_PROJECTS,
    ),
    _entry(
        R_CLASSIFY_FUNDS,
        "oversight",
        "超过设定金额（不含本数）的专项资金审批属三重一大",
        "Special funds above the set amount (the amount itself excluded) are major matters",
        c.C5_6_FUNDS,
    ),
    _entry(
        R_INSPECTORS_SIT_IN,
        "oversight",
        "派驻纪检监察组列席三重一大集体决策会议",
        "The stationed inspectors sit in on major-matter decisions",
        c.OV_INSPECTORS_SIT_IN,
    ),
    _entry(
        R_MINUTES_SERIES,
        "oversight",
        "重大问题会议纪要独立序列、按年度编号",
        "Major-matter minutes form their own series, numbered per year",
        c.OV_MINUTES_SERIES,
    ),
    # obligations
    _entry(
        R_OB_REGULAR,
        "obligations",
        "党组会议每月召开x次（由管理员设置）",
        'Regular meetings: "x" a month (admin sets)',
        c.C15_REGULAR,
    ),
    _entry(
        R_OB_ANNUAL_REPORT,
        "obligations",
        "每年至少向国家机关事务管理局和省委省政府报告1次全面工作",
        "At least one comprehensive report a year to the national administration and the "
        "provincial Party committee and government",
        c.C10_4_ANNUAL_REPORT,
    ),
    _entry(
        R_OB_PERIODIC_REPORTS,
        "obligations",
        "定期向省委、省纪委监委报告（周期由管理员设置）",
        "Periodic reports to the provincial Party committee and discipline commission (admin "
        "sets the period)",
        c.C10_5_PERIODIC_REPORTS,
    ),
    _entry(
        R_OB_PARTY_BUILDING,
        "obligations",
        "每半年研究机关党建工作不少于x次（由管理员设置）",
        'Party building reviewed at least "x" times each half-year (admin sets)',
        c.C6_PARTY_BUILDING,
    ),
    _entry(
        R_OB_IDEOLOGY,
        "obligations",
        "每半年研究意识形态工作不少于x次（由管理员设置）",
        'Ideology work reviewed at least "x" times each half-year (admin sets)',
        c.C6_3_IDEOLOGY,
    ),
    _entry(
        R_OB_REGULATIONS,
        "obligations",
        "每年至少听取x次党内法规制度工作情况（由管理员设置）",
        'Hearing on Party-regulation work at least "x" times a year (admin sets)',
        c.C6_8_REGULATIONS,
    ),
    _entry(
        R_OB_DEMOCRATIC_LIFE,
        "obligations",
        "按规定参加民主生活会，会后报送情况报告和记录",
        "Democratic life meeting as prescribed (default once a year); report and record afterwards",
        c.C19_DEMOCRATIC_LIFE,
    ),
    _entry(
        R_OB_STUDY_GROUP,
        "obligations",
        "理论学习中心组每季度不少于1次",
        "Theory-study group at least once a quarter",
        c.C20_STUDY_GROUP,
    ),
    _entry(
        R_OB_LAW_STUDY,
        "obligations",
        "会前学法每年不少于6次",
        "Pre-meeting law study at least 6 times a year",
        c.C21_LAW_STUDY,
    ),
    _entry(
        R_OB_DUTY_REPORT,
        "obligations",
        "党组书记向省委报告履职情况（述责述廉）",
        "The secretary reports on duties and integrity to the provincial Party committee",
        c.C22_DUTY_REPORT,
    ),
]

# --- identity -----------------------------------------------------------------------------------


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return [
        RuleVersion(
            version=VERSION,
            effective_from=EFFECTIVE_FROM,
            source_title=INFO.source_title,
            note="原文未载日期（第二十六条：自发布之日起施行，原议事规则同时废止），"
            "2020-01-01 为约定值。"
            " The source carries no date; 2020-01-01 is a stand-in. It replaces the former "
            "议事规则 (第二十六条).",
        )
    ]


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    return RULES


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles (secretary, members, attendees, the
    # stationed inspectors, the office); the source sets no other access rule.
    return None


# --- meetings and items -------------------------------------------------------------------------


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return [
        ItemKindInfo(kind=ItemKind.ORDINARY, label_zh="一般议题", label_en="Ordinary item"),
        ItemKindInfo(
            kind=ItemKind.MAJOR_MATTER,
            label_zh="三重一大事项（重大决策、重大项目安排、大额资金使用）",
            label_en="Major matter (major decision, major project, large funds)",
            citation=c.C5_5_PROJECTS,
        ),
        ItemKindInfo(
            kind=ItemKind.PERSONNEL,
            label_zh="干部任免事项",
            label_en="Cadre appointment or removal",
            citation=c.C15_2_PERSONNEL_QUORUM,
        ),
        ItemKindInfo(
            kind=ItemKind.DISCIPLINE,
            label_zh="处分党员事项",
            label_en="Disciplining a Party member",
            citation=c.C14_DISCIPLINE,
        ),
    ]


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 第十五条(二): "半数以上" includes half itself (RULES.md "Counting").
    return quorum_verdict(R_QUORUM_MEETING, ctx, attendance, HALF_OR_MORE, c.C15_2_QUORUM)


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    if kind == ItemKind.PERSONNEL:
        # 第十五条(二): two-thirds or more for 干部任免; as a 三重一大 item (重要人事任免) the
        # member in charge must also be present (oversight compendium, 实施办法 二).
        return quorum_verdict(
            R_QUORUM_PERSONNEL,
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C15_2_PERSONNEL_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
    if kind == ItemKind.DISCIPLINE:
        # 第十四条 sends 处分党员 to "党章党规": the 中国共产党党组工作条例 (named in 第一条)
        # requires two-thirds of the members for 处分党员, as for 干部任免. This source does not
        # repeat the number, so we read it through 第十四条 (the stricter reading; see report).
        # 纪律处分 is a 重要人事管理事项 (第五条(四)), so the member in charge must be present.
        verdict = quorum_verdict(
            R_QUORUM_DISCIPLINE,
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C14_DISCIPLINE,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
        return msgspec.structs.replace(
            verdict,
            explanation_zh=verdict.explanation_zh
            + "（第十四条：处分党员严格按照党章党规执行；《中国共产党党组工作条例》规定讨论和决定"
            "处分党员事项须有三分之二以上党组成员到会。）",
            explanation_en=verdict.explanation_en
            + " (第十四条 sends disciplining members to Party rules; the Party group work "
            "regulations require two-thirds present for it.)",
        )
    if kind == ItemKind.MAJOR_MATTER:
        # Oversight compendium (实施办法 二): "半数以上" and the member in charge present.
        return quorum_verdict(
            R_QUORUM_MAJOR,
            ctx,
            attendance,
            HALF_OR_MORE,
            c.OV_MAJOR_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
    # Ordinary items (and any kind this source does not name): the meeting quorum of
    # 第十五条(二), with recused members out of base and count.
    return quorum_verdict(R_QUORUM_ITEM, ctx, attendance, HALF_OR_MORE, c.C15_2_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 第十六条(一): "赞成票超过应到会党组成员半数" for every kind; "超过" excludes half itself.
    # Absent members' written opinions are never votes (same article): passing_verdict ignores
    # tally.written_for / written_against.
    return passing_verdict(R_PASSING, ctx, tally, MORE_THAN_HALF, c.C16_1_PASSING)


ALL_METHODS = ["oral", "hands", "secret_ballot", "named_ballot"]


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    base = [c.C16_1_METHODS, c.C16_1_ITEM_BY_ITEM, c.C16_1_SPLIT, c.C16_1_ABSENT]
    if kind == ItemKind.PERSONNEL:
        # 第十六条(二): each member states agree / disagree / defer in turn, i.e. an oral,
        # named vote; each appointment is its own item under 逐项表决 (第十六条(一)), so the
        # vote is person by person (our reading; the cadre-selection regulations it names agree).
        return VotingRules(
            methods=ALL_METHODS,
            default_method="oral",
            named_by_default=True,
            item_by_item=True,
            person_by_person=True,
            split_opinions_defer=True,
            citations=[c.C16_2_PERSONNEL, *base, c.OV_NAMED_VOTES],
        )
    if kind in MAJOR_KINDS:
        # Oversight compendium (议事规则实施细则 第六条(五)): named votes are the default.
        return VotingRules(
            methods=ALL_METHODS,
            default_method="named_ballot",
            named_by_default=True,
            item_by_item=True,
            person_by_person=False,
            split_opinions_defer=True,
            citations=[*base, c.OV_NAMED_VOTES],
        )
    # 第十六条(一) lists the methods without a default; show of hands is our default for
    # ordinary items (any listed method may be chosen per item).
    return VotingRules(
        methods=ALL_METHODS,
        default_method="hands",
        named_by_default=False,
        item_by_item=True,
        person_by_person=False,
        split_opinions_defer=True,
        citations=base,
    )


def _rank_key(m: MemberFacts) -> tuple[int, int]:
    # Rank 1 is the first in the Party group's order; 0 means "not set", treated as the lowest
    # rank so that an unranked member never speaks after a ranked one.
    return (m.rank if m.rank > 0 else 10**6, m.id)


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # 第十六条(一): "党组书记末位表态". When no secretary is in the list (he is absent), the member
    # chairing takes the last place (our reading: 末位表态 belongs to whoever leads the meeting).
    last = [m for m in members if m.position == "secretary"][:1]
    if not last:
        last = [m for m in members if m.chairing][:1]
    others = [m for m in members if m not in last]
    if kind == ItemKind.PERSONNEL:
        # 第十六条(二): "按党组成员排序从后往前逐一发表…明确意见": from the lowest rank up.
        others = sorted(others, key=_rank_key, reverse=True)
        return SpeakingOrder(
            order=[m.id for m in [*others, *last]],
            rule=R_SPEAK_PERSONNEL,
            explanation_zh="干部任免事项按党组成员排序从后往前逐一发表同意、不同意或缓议意见，"
            "党组书记最后表态。",
            explanation_en="Cadre appointments: every member, from the lowest rank up, states "
            "agree, disagree or defer; the secretary last.",
            citation=c.C16_2_PERSONNEL,
        )
    return SpeakingOrder(
        order=[m.id for m in [*others, *last]],
        rule=R_SPEAK_SECRETARY,
        explanation_zh="表决实行党组书记末位表态制，其他成员按原顺序发言。",
        explanation_en="The secretary states his position last; the others keep the given order.",
        citation=c.C16_1_SECRETARY_LAST,
    )


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind) -> list[NoticeRule]:
    personnel_like = kind in PERSONNEL_LIKE
    rules = [
        NoticeRule(
            rule=R_NOTICE_MEMBERS,
            recipients="members",
            days_before=None,  # "提前通知": in advance, no number of days (第十五条(一))
            # "除人事等重要事项外，一般应当在会前分送与会人员" (第十五条(一)).
            materials=not personnel_like,
            note_zh="除临时召开的会议外，一般应当提前通知；"
            + ("人事等重要事项的材料不在会前分送。" if personnel_like else "会议材料会前分送。"),
            citation=c.C15_1_NOTICE,
        ),
        NoticeRule(
            rule=R_NOTICE_INSPECTORS,
            recipients="inspectors",
            days_before=None,
            note_zh="提前通知派驻纪检监察组"
            + ("；派驻纪检监察组列席三重一大事项集体决策会议。" if kind in MAJOR_KINDS else "。"),
            citation=c.C15_1_NOTICE,
        ),
        NoticeRule(
            rule=R_NOTICE_ATTENDEES,
            recipients="attendees",
            days_before=None,
            materials=not personnel_like,
            note_zh="会议讨论的内容一般会前分送与会人员（含列席人员）"
            + ("；人事等重要事项除外。" if personnel_like else "。"),
            citation=c.C15_1_MATERIALS,
        ),
    ]
    if kind in MAJOR_KINDS:
        # Oversight compendium (议事规则实施细则 第六条(三)): at least 1 working day before, in
        # writing or by phone (so not `written`). Personnel materials: handed out at the
        # meeting and collected afterwards (same paragraph).
        rules.append(
            NoticeRule(
                rule=R_NOTICE_MAJOR,
                recipients="members",
                days_before=1,
                working_days=True,
                materials=not personnel_like,
                note_zh="三重一大事项：会议通知（含议题及有关资料）至少提前1个工作日书面或电话通知应到会人员"
                + (
                    "；人事议题须在通知上列明，材料上会时发放、会后收回。"
                    if personnel_like
                    else "。"
                ),
                citation=c.OV_NOTICE,
            )
        )
    return rules


def _adhoc(
    ctx: RuleContext,
    rule: str,
    met: bool,
    kind: ItemKind,
    emergency: bool,
    zh: str,
    en: str,
    citation: Citation,
) -> Verdict:
    return Verdict(
        rule=rule,
        outcome=Outcome.MET if met else Outcome.NOT_MET,
        numbers={"kind": str(kind), "emergency": emergency, "allowed": met},
        explanation_zh=zh,
        explanation_en=en,
        citation=citation,
        rules_version=ctx.version,
    )


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    if kind == ItemKind.PERSONNEL:
        # 第十六条(二): "不允许搞临时动议", emergency or not.
        return _adhoc(
            ctx,
            R_ADHOC_PERSONNEL,
            False,
            kind,
            emergency,
            "讨论干部任免事项不允许搞临时动议，紧急会议亦然。",
            "No ad-hoc motion for cadre appointments, not even in an emergency meeting.",
            c.C16_2_PERSONNEL,
        )
    if kind in MAJOR_KINDS:
        # Oversight compendium (议事规则实施细则 第六条(一)): never for major questions.
        return _adhoc(
            ctx,
            R_ADHOC_MAJOR,
            False,
            kind,
            emergency,
            "研究决定三重一大（重大问题）的会议不得搞临时动议，紧急会议亦然。",
            "No ad-hoc motion for a major matter, not even in an emergency meeting.",
            c.OV_NO_AD_HOC,
        )
    if emergency:
        # 第十五条: "遇有重要情况可随时召开"; 第十五条(一) exempts such meetings from notice.
        return _adhoc(
            ctx,
            R_ADHOC_EMERGENCY,
            True,
            kind,
            emergency,
            "遇有重要情况可随时召开会议，临时召开的会议可在会上提出一般议题。",
            "A meeting called at short notice for something important may take an "
            "ordinary item raised at the meeting.",
            c.C15_REGULAR,
        )
    # 第十五条(一): items are set by the secretary and notified in advance; our reading is that an
    # ordinary item is not raised at a regular meeting without notice.
    return _adhoc(
        ctx,
        R_ADHOC_REFUSED,
        False,
        kind,
        emergency,
        "议题由党组书记会前确定并提前通知，例会不接受会上临时提出的议题。",
        "Items are set by the secretary and notified in advance; a regular meeting "
        "takes no item raised at the meeting.",
        c.C15_1_NOTICE,
    )


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    # The source has no 临机处置: 第十二条 forbids any individual or minority deciding alone; an
    # urgent matter goes to a meeting called at any time (第十五条), where split opinions are
    # executed by the majority view (第十六条(一)). The oversight compendium's 实施办法 二 lets a
    # head decide urgent matters alone, but this source's 第十二条 is stricter and prevails.
    return ProcedureRule(
        rule=R_EMERGENCY,
        allowed=False,
        who_zh="",
        conditions_zh="任何个人或者少数人无权擅自决定；紧急情况可随时召开党组会议，意见分歧时按多数意见执行。",
        report_to_next_meeting=False,
        citation=c.C12_COLLECTIVE,
    )


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    # The source has no 复议 procedure: a dissenting member executes the decision and may reserve
    # his view or report to the superior Party organization (第十二条).
    return ProcedureRule(
        rule=R_RECONSIDER,
        allowed=False,
        who_zh="",
        conditions_zh="原文未规定复议；有不同意见的，在坚决执行的前提下可以声明保留或向上级党组织反映。",
        report_to_next_meeting=False,
        citation=c.C12_DISSENT,
    )


_KIND_STRICTNESS = {
    ItemKind.ORDINARY: 0,
    ItemKind.MAJOR_ISSUE: 1,
    ItemKind.MAJOR_MATTER: 2,
    ItemKind.DISCIPLINE: 3,
    ItemKind.PERSONNEL: 4,
}


_KIND_ZH = {
    ItemKind.ORDINARY: "一般议题",
    ItemKind.MAJOR_MATTER: "三重一大事项",
    ItemKind.PERSONNEL: "干部任免事项",
    ItemKind.DISCIPLINE: "处分党员事项",
    ItemKind.MAJOR_ISSUE: "重大问题",
}


def _scope(ctx: RuleContext, rule: str, category: str, kind: ItemKind, cit: Citation) -> Verdict:
    return Verdict(
        rule=rule,
        outcome=Outcome.MET,
        numbers={"category": category, "kind": str(kind)},
        explanation_zh=f"属于{cit.article}所列事项，按{_KIND_ZH[kind]}办理。",
        explanation_en=f"Listed in {cit.article}: handled as a {kind} item.",
        citation=cit,
        rules_version=ctx.version,
    )


def _funds(ctx: RuleContext, amount: float | None) -> tuple[ItemKind | None, Verdict]:
    if amount is None:
        return None, not_applicable(
            R_CLASSIFY_FUNDS,
            ctx,
            c.C5_6_FUNDS,
            "未给出金额，不按金额标准判断；年度预算安排、国有资产变更处置、银行账户等事项请直接申报为三重一大。",
            "No amount given, so the amount threshold does not apply; declare annual budgets, "
            "state-asset disposals and bank accounts as major matters directly.",
        )
    threshold = setting(ctx, FUNDS_THRESHOLD)
    if threshold is None:
        return None, needs_setting(R_CLASSIFY_FUNDS, ctx, [FUNDS_THRESHOLD], c.C5_6_FUNDS)
    # 第五条(六): "xx万元以上（不含xx万元）": the threshold itself is excluded (strictly above).
    major = float(amount) > float(threshold)
    return (ItemKind.MAJOR_MATTER if major else ItemKind.ORDINARY), Verdict(
        rule=R_CLASSIFY_FUNDS,
        outcome=Outcome.MET if major else Outcome.NOT_MET,
        numbers={"amount_wan": amount, "threshold_wan": threshold, "inclusive": False},
        explanation_zh=f"金额 {amount} 万元，标准为超过 {threshold} 万元（不含本数）："
        + ("属三重一大（大额资金使用）。" if major else "不属大额资金。"),
        explanation_en=f"{amount} 万元 against more than {threshold} 万元 (the amount itself "
        "excluded): " + ("a major matter (large funds)." if major else "not large funds."),
        citation=c.C5_6_FUNDS,
        rules_version=ctx.version,
    )


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    # An item in scope is a major matter whatever the proposer calls it (oversight compendium);
    # a proposer may still declare a stricter kind, which is kept.
    kinds = [item.declared_kind]
    verdicts: list[Verdict] = []
    fixed = {
        "decision": (R_CLASSIFY_DECISION, ItemKind.MAJOR_MATTER, c.C5_1_DECISIONS),
        "project": (R_CLASSIFY_PROJECT, ItemKind.MAJOR_MATTER, c.C5_5_PROJECTS),
        "personnel": (R_CLASSIFY_PERSONNEL, ItemKind.PERSONNEL, c.C5_4_PERSONNEL),
        # 第五条(四) and 第十四条 name 处分党员 / 纪律处分 apart from appointments.
        "discipline": (R_CLASSIFY_DISCIPLINE, ItemKind.DISCIPLINE, c.C5_4_PERSONNEL),
    }
    for category in item.categories:
        if category in fixed:
            rule, kind, cit = fixed[category]
            kinds.append(kind)
            verdicts.append(_scope(ctx, rule, category, kind, cit))
        elif category == "funds":
            # While the threshold is unset the kind stays as declared (or as the other
            # categories make it); the needs_setting verdict says it is undecided.
            funds_kind, verdict = _funds(ctx, item.amount_wan)
            if funds_kind is not None:
                kinds.append(funds_kind)
            verdicts.append(verdict)
    kind = max(kinds, key=lambda k: _KIND_STRICTNESS.get(k, 0))
    return Classification(kind=kind, verdicts=verdicts)


# --- the compliance calendar and reporting ------------------------------------------------------


def _ob(
    ctx: RuleContext,
    rule: str,
    kind: str,
    label_zh: str,
    period: str,
    citation: Citation,
    *,
    count: int | None = None,
    count_setting: str | None = None,
    recipients: list[str] | None = None,
) -> Obligation:
    if count_setting is not None:
        count = setting(ctx, count_setting)
    return Obligation(
        rule=rule,
        kind=kind,
        label_zh=label_zh,
        count=count,
        period=period,
        count_setting=count_setting,
        recipients=recipients or [],
        citation=citation,
    )


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    return [
        _ob(
            ctx,
            R_OB_REGULAR,
            "regular_meeting",
            "党组会议（例会）",
            "month",
            c.C15_REGULAR,
            count_setting=REGULAR_MEETINGS,
        ),
        _ob(
            ctx,
            R_OB_ANNUAL_REPORT,
            "report_to_superior",
            "向国家机关事务管理局和省委省政府报告全面工作",
            "year",
            c.C10_4_ANNUAL_REPORT,
            count=1,
            recipients=["国家机关事务管理局", "省委省政府"],
        ),
        _ob(
            ctx,
            R_OB_PERIODIC_REPORTS,
            "report_to_superior",
            "定期向省委报告专项工作、向省纪委监委报告全面从严治党情况",
            "year",
            c.C10_5_PERIODIC_REPORTS,
            count_setting=PERIODIC_REPORTS,
            recipients=["省委", "省纪委监委"],
        ),
        _ob(
            ctx,
            R_OB_PARTY_BUILDING,
            "party_building_review",
            "研究机关党建工作",
            "half_year",
            c.C6_PARTY_BUILDING,
            count_setting=PARTY_BUILDING_REVIEWS,
        ),
        _ob(
            ctx,
            R_OB_IDEOLOGY,
            "ideology_review",
            "研究意识形态工作",
            "half_year",
            c.C6_3_IDEOLOGY,
            count_setting=IDEOLOGY_REVIEWS,
        ),
        _ob(
            ctx,
            R_OB_REGULATIONS,
            "regulations_hearing",
            "听取党内法规制度有关工作情况",
            "year",
            c.C6_8_REGULATIONS,
            count_setting=REGULATION_HEARINGS,
        ),
        _ob(
            ctx,
            R_OB_DEMOCRATIC_LIFE,
            "democratic_life",
            "民主生活会",
            "year",
            c.C19_DEMOCRATIC_LIFE,
            count_setting=DEMOCRATIC_LIFE,
        ),
        _ob(
            ctx,
            R_OB_STUDY_GROUP,
            "study_session",
            "理论学习中心组集体学习研讨",
            "quarter",
            c.C20_STUDY_GROUP,
            count=1,
        ),
        _ob(ctx, R_OB_LAW_STUDY, "law_study", "会前学法", "year", c.C21_LAW_STUDY, count=6),
        _ob(
            ctx,
            R_OB_DUTY_REPORT,
            "duty_report",
            "党组书记述责述廉、向省委报告履职情况",
            "year",
            c.C22_DUTY_REPORT,
            count_setting=DUTY_REPORTS,
            recipients=["省委"],
        ),
    ]


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    if event == "report_to_superior":
        # 第十条: 国家机关事务管理局 and 省委省政府; 第十条(五): 省纪委监委 for 全面从严治党.
        return [
            Recipient(
                who_zh="国家机关事务管理局",
                who_en="National Government Offices Administration",
                when="on_issue",
                citation=c.C10_REPORTING_LINE,
            ),
            Recipient(
                who_zh="省委省政府",
                who_en="Provincial Party committee and government",
                when="on_issue",
                citation=c.C10_REPORTING_LINE,
            ),
            Recipient(
                who_zh="省纪委监委",
                who_en="Provincial discipline inspection and supervision commission",
                when="on_issue",
                citation=c.C10_5_PERIODIC_REPORTS,
            ),
        ]
    if event == "democratic_life_after":
        # 第十九条 says the report and record are sent "按要求" without naming anyone; 第十条(五)
        # names 省委 as the body that receives reports on 民主生活会.
        return [
            Recipient(
                who_zh="省委",
                who_en="Provincial Party committee",
                when="after",
                citation=c.C10_5_PERIODIC_REPORTS,
            ),
        ]
    if event == "minutes_distribution":
        # 第十五条(四): minutes go to the bureau's departments and its units.
        return [
            Recipient(
                who_zh="局机关处（室）",
                who_en="The bureau's departments",
                when="on_issue",
                citation=c.C15_4_MINUTES,
            ),
            Recipient(
                who_zh="局属单位",
                who_en="Units under the bureau",
                when="on_issue",
                citation=c.C15_4_MINUTES,
            ),
        ]
    # democratic_life_before, decision_to_absent_members: the source names nobody.
    return []
