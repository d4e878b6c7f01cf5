"""What the Heilongjiang offices administration Party group's rules are made of: identity,
settings (the source's blanks), rule ids and the rule catalogue.

Data only, read by `hooks.py` (the hook implementations) and shown by the rule explorer. Source:
中共黑龙江省机关事务管理局党组工作规则 (`source.txt`); rows that cite the oversight compendium
carry `source="oversight"` (see `citations.py`). Every rule encoded in `hooks.py` is listed in
`RULES` with its citation.
"""

from __future__ import annotations

from datetime import date

from core.rules import compendium as K
from core.rules.builders import catalog_entry
from core.rules.defaults import contract_catalog
from core.rules.scope import scope_catalog
from core.rules.types import ItemKind, JurisdictionInfo, RuleEntry, SettingSpec
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
R_NOTICE_WORKING_DAY = "heilongjiang.notice.members_working_day"
R_NOTICE_INSPECTORS = "heilongjiang.notice.inspectors"
R_NOTICE_INSPECTORS_MAJOR = "heilongjiang.notice.inspectors_major"
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
    catalog_entry(
        R_CONVENER,
        "meetings",
        "党组书记召集和主持党组会议",
        "The secretary convenes and chairs Party group meetings",
        c.C4_SECRETARY,
    ),
    catalog_entry(
        R_AGENDA,
        "meetings",
        "会议时间及议题由党组书记确定",
        "The secretary sets the date and the agenda, on his own or on a member's proposal",
        c.C15_1_AGENDA,
    ),
    catalog_entry(
        R_ATTENDEES,
        "meetings",
        "列席人员一般为与议题相关的部门主要负责同志，列席不表决",
        "Attendees are the heads of the departments concerned; they never vote",
        c.C15_2_ATTENDEES,
    ),
    catalog_entry(
        R_LEAVE,
        "meetings",
        "无正当理由不允许请假，须向党组书记请假",
        "No leave without good reason; leave is asked of the secretary",
        c.C15_5_LEAVE,
    ),
    catalog_entry(
        R_MINUTES,
        "meetings",
        "每次会议均作记录并编印纪要，书记签发，发至局机关处（室）和局属单位",
        "Every meeting is recorded and minuted; the secretary signs the minutes, which go to "
        "the bureau's departments and units",
        c.C15_4_MINUTES,
    ),
    catalog_entry(
        R_FOLLOW_UP,
        "meetings",
        "局办公室将决策落实纳入“四个体系”督办",
        'The office tracks execution of decisions in the "four systems" mechanism',
        c.C15_7_FOLLOW_UP,
    ),
    # quorum
    catalog_entry(
        R_QUORUM_MEETING,
        "quorum",
        "半数以上党组成员到会方可召开（含本数）",
        "The meeting may be held with at least half of the members present (half included)",
        c.C15_2_QUORUM,
    ),
    catalog_entry(
        R_QUORUM_ITEM,
        "quorum",
        "一般议题：回避成员不计入基数与到会人数，半数以上到会",
        "Ordinary item: at least half of the members present, recused members out of base "
        "and count",
        c.C15_2_QUORUM,
    ),
    catalog_entry(
        R_QUORUM_RECUSAL,
        "quorum",
        "涉及利害关系的与会人员应当申请回避",
        "A participant with an interest in the item must apply to recuse",
        c.C15_2_RECUSAL,
    ),
    catalog_entry(
        R_QUORUM_MAJOR,
        "quorum",
        "三重一大：半数以上到会，且分管该项工作的党组成员必须到会",
        "Major matter: at least half present, and the member in charge of the area present",
        c.OV_MAJOR_QUORUM,
    ),
    catalog_entry(
        R_QUORUM_PERSONNEL,
        "quorum",
        "审议干部任免事项须三分之二以上党组成员到会，分管成员须到会",
        "Cadre appointments: at least two-thirds present, and the member in charge present",
        c.C15_2_PERSONNEL_QUORUM,
    ),
    catalog_entry(
        R_QUORUM_DISCIPLINE,
        "quorum",
        "处分党员（第十四条按党章党规执行）属重要人事任免：讨论干部问题须三分之二以上党组成员到会，"
        "分管成员须到会",
        "Disciplining members (第十四条: by Party rules) is 三重一大 personnel: at least "
        "two-thirds present for cadre questions, and the member in charge present",
        K.SZ_CADRE_TWO_THIRDS,
    ),
    catalog_entry(
        R_QUORUM_IN_CHARGE,
        "quorum",
        "研究三重一大事项，分管此项工作的党组成员必须到会",
        "For a major matter the member in charge of that work must be present",
        c.OV_IN_CHARGE,
    ),
    # voting
    catalog_entry(
        R_PASSING,
        "voting",
        "赞成票超过应到会党组成员半数为通过（回避成员不计入基数）",
        "Passes with yes votes from more than half of the members expected (recused out of "
        "the base)",
        c.C16_1_PASSING,
    ),
    catalog_entry(
        R_ABSENT,
        "voting",
        "未到会党组成员的意见不计入票数（委托表决原文未作规定，平台不设委托表决）",
        "Absent members' opinions are never votes (the source says nothing of proxies; the "
        "platform has none)",
        c.C16_1_ABSENT,
    ),
    catalog_entry(
        R_METHODS,
        "voting",
        "表决方式：口头、举手、无记名投票、记名投票",
        "Vote methods: oral, show of hands, secret ballot, named ballot",
        c.C16_1_METHODS,
    ),
    catalog_entry(
        R_ITEM_BY_ITEM,
        "voting",
        "多个事项逐项表决",
        "Several items: one vote per item",
        c.C16_1_ITEM_BY_ITEM,
    ),
    catalog_entry(
        R_SPLIT,
        "voting",
        "意见分歧较大的暂缓决定，紧急情况按多数意见执行",
        "Split opinions defer the item, except in an emergency (then the majority view is "
        "executed)",
        c.C16_1_SPLIT,
    ),
    catalog_entry(
        R_NAMED,
        "voting",
        "三重一大事项一般记名表决，每位成员表决意见记录在案",
        "Major matters: named votes by default, each member's vote recorded",
        c.OV_NAMED_VOTES,
    ),
    catalog_entry(
        R_CLOSE,
        "voting",
        "赞成与反对人数接近（含未到会成员书面意见）时可暂缓表决",
        "When yes and no are close (absent members' written opinions included, for this "
        "only), the vote may be deferred",
        c.OV_CLOSE_DEFER,
    ),
    catalog_entry(
        R_PERSON_BY_PERSON,
        "voting",
        "干部任免：每位成员逐一发表同意、不同意或缓议的明确意见",
        "Cadre appointments: each member states agree, disagree or defer",
        c.C16_2_PERSONNEL,
    ),
    catalog_entry(
        R_SPEAK_SECRETARY,
        "voting",
        "党组书记末位表态",
        "The secretary states his position last",
        c.C16_1_SECRETARY_LAST,
    ),
    catalog_entry(
        R_SPEAK_PERSONNEL,
        "voting",
        "干部任免：按党组成员排序从后往前逐一发表意见（主持人亦按其排序），书记排序居首、最后发言",
        "Cadre appointments: everyone speaks from the lowest rank up, the chair in his own place; "
        "the secretary, first in the order, last",
        c.C16_2_PERSONNEL,
    ),
    # notice
    catalog_entry(
        R_NOTICE_MEMBERS,
        "notice",
        "除临时召开的会议外，提前通知党组成员；材料会前分送（人事等除外）",
        "Members are notified in advance (not for ad-hoc meetings); materials beforehand, "
        "except personnel items",
        c.C15_1_NOTICE,
    ),
    catalog_entry(
        R_NOTICE_INSPECTORS,
        "notice",
        "提前通知派驻纪检监察组",
        "The stationed discipline-inspection group is notified in advance",
        c.C15_1_NOTICE,
    ),
    catalog_entry(
        R_NOTICE_ATTENDEES,
        "notice",
        "会议内容会前分送与会人员（人事等重要事项除外）",
        "Materials go to participants before the meeting, except personnel and similar items",
        c.C15_1_MATERIALS,
    ),
    catalog_entry(
        R_NOTICE_MAJOR,
        "notice",
        "三重一大：至少提前1个工作日书面或电话通知应到会人员",
        "Major matters: notice at least 1 working day before, in writing or by phone",
        c.OV_NOTICE,
    ),
    catalog_entry(
        R_NOTICE_WORKING_DAY,
        "notice",
        "各类议题：会议通知（含议题及有关资料）至少提前1个工作日书面或电话通知应到会人员",
        "Every item: notice with items and materials at least 1 working day before, in writing "
        "or by phone",
        c.OV_NOTICE,
    ),
    catalog_entry(
        R_NOTICE_INSPECTORS_MAJOR,
        "notice",
        "三重一大：派驻纪检监察组列席，作为应到会人员至少提前1个工作日收到通知",
        "Major matters: the stationed inspectors, who sit in, get the notice at least 1 working "
        "day before",
        c.OV_NOTICE,
    ),
    catalog_entry(
        R_NOTICE_PERSONNEL_MATERIALS,
        "notice",
        "人事议题材料上会时发放、会后收回",
        "Personnel materials handed out at the meeting and collected afterwards",
        c.OV_PERSONNEL_MATERIALS,
    ),
    catalog_entry(
        R_ADHOC_REFUSED,
        "notice",
        "一般议题须会前确定并通知，不在会上临时提出",
        "Items are set and notified before the meeting, not raised at it",
        c.C15_1_NOTICE,
    ),
    catalog_entry(
        R_ADHOC_EMERGENCY,
        "notice",
        "除临时召开的会议外一般应当提前通知：临时召开的会议可在会上提出一般议题",
        "Only a meeting called at short notice is exempt from advance notice: it may take an "
        "ordinary item raised at the meeting",
        c.C15_1_NOTICE,
    ),
    catalog_entry(
        R_ADHOC_PERSONNEL,
        "notice",
        "讨论干部任免事项不允许搞临时动议",
        "No ad-hoc motion for cadre appointments",
        c.C16_2_PERSONNEL,
    ),
    catalog_entry(
        R_ADHOC_MAJOR,
        "notice",
        "研究决定重大问题的会议不得搞临时动议",
        "No ad-hoc motion for major matters",
        c.OV_NO_AD_HOC,
    ),
    # procedure
    catalog_entry(
        R_EMERGENCY,
        "procedure",
        "重大突发事件和紧急情况，来不及集体议事的，党组成员可临机处置，事后及时向领导集体报告"
        "（原文未设，适用监督制度汇编）",
        "In an emergency with no time to meet, a member may act and report afterwards (the "
        "source is silent; the compendium's rule)",
        K.XZ_EMERGENCY,
    ),
    catalog_entry(
        R_RECONSIDER,
        "procedure",
        "有不同意见的在执行前提下可声明保留或向上级反映（无复议程序）",
        "A dissenting member executes and may reserve his view or report upward (no "
        "reconsideration procedure)",
        c.C12_DISSENT,
    ),
    # oversight
    catalog_entry(
        R_CLASSIFY_DECISION,
        "oversight",
        "重大决策事项属三重一大",
        "Major decisions are major matters",
        c.C5_1_DECISIONS,
    ),
    catalog_entry(
        R_CLASSIFY_PERSONNEL,
        "oversight",
        "重要干部推荐、提名、任免事项按干部任免议题办理",
        "Cadre recommendations, nominations and appointments are personnel items",
        c.C5_4_PERSONNEL,
    ),
    catalog_entry(
        R_CLASSIFY_DISCIPLINE,
        "oversight",
        "纪律处分事项按处分党员议题办理",
        "Disciplinary sanctions are discipline items",
        c.C5_4_PERSONNEL,
    ),
    catalog_entry(
        R_CLASSIFY_PROJECT,
        "oversight",
        "重大项目安排属三重一大",
        "Major projects are major matters",
        c.C5_5_PROJECTS,
    ),
    catalog_entry(
        R_CLASSIFY_FUNDS,
        "oversight",
        "超过设定金额（不含本数）的专项资金审批属三重一大；金额标准未设置或未填金额时从严按三重一大办理",
        "Special funds above the set amount (the amount itself excluded) are major matters; while "
        "the threshold is unset or the amount unknown, the item is held as one",
        c.C5_6_FUNDS,
    ),
    catalog_entry(
        R_INSPECTORS_SIT_IN,
        "oversight",
        "派驻纪检监察组列席三重一大集体决策会议",
        "The stationed inspectors sit in on major-matter decisions",
        c.OV_INSPECTORS_SIT_IN,
    ),
    catalog_entry(
        R_MINUTES_SERIES,
        "oversight",
        "重大问题会议纪要独立序列、按年度编号",
        "Major-matter minutes form their own series, numbered per year",
        c.OV_MINUTES_SERIES,
    ),
    # obligations
    catalog_entry(
        R_OB_REGULAR,
        "obligations",
        "党组会议每月召开x次（由管理员设置）",
        'Regular meetings: "x" a month (admin sets)',
        c.C15_REGULAR,
    ),
    catalog_entry(
        R_OB_ANNUAL_REPORT,
        "obligations",
        "每年至少向国家机关事务管理局和省委省政府报告1次全面工作",
        "At least one comprehensive report a year to the national administration and the "
        "provincial Party committee and government",
        c.C10_4_ANNUAL_REPORT,
    ),
    catalog_entry(
        R_OB_PERIODIC_REPORTS,
        "obligations",
        "定期向省委、省纪委监委报告（周期由管理员设置）",
        "Periodic reports to the provincial Party committee and discipline commission (admin "
        "sets the period)",
        c.C10_5_PERIODIC_REPORTS,
    ),
    catalog_entry(
        R_OB_PARTY_BUILDING,
        "obligations",
        "每半年研究机关党建工作不少于x次（由管理员设置）",
        'Party building reviewed at least "x" times each half-year (admin sets)',
        c.C6_PARTY_BUILDING,
    ),
    catalog_entry(
        R_OB_IDEOLOGY,
        "obligations",
        "每半年研究意识形态工作不少于x次（由管理员设置）",
        'Ideology work reviewed at least "x" times each half-year (admin sets)',
        c.C6_3_IDEOLOGY,
    ),
    catalog_entry(
        R_OB_REGULATIONS,
        "obligations",
        "每年至少听取x次党内法规制度工作情况（由管理员设置）",
        'Hearing on Party-regulation work at least "x" times a year (admin sets)',
        c.C6_8_REGULATIONS,
    ),
    catalog_entry(
        R_OB_DEMOCRATIC_LIFE,
        "obligations",
        "按规定参加民主生活会，会后报送情况报告和记录",
        "Democratic life meeting as prescribed (default once a year); report and record afterwards",
        c.C19_DEMOCRATIC_LIFE,
    ),
    catalog_entry(
        R_OB_STUDY_GROUP,
        "obligations",
        "理论学习中心组每季度不少于1次",
        "Theory-study group at least once a quarter",
        c.C20_STUDY_GROUP,
    ),
    catalog_entry(
        R_OB_LAW_STUDY,
        "obligations",
        "会前学法每年不少于6次",
        "Pre-meeting law study at least 6 times a year",
        c.C21_LAW_STUDY,
    ),
    catalog_entry(
        R_OB_DUTY_REPORT,
        "obligations",
        "党组书记向省委报告履职情况（述责述廉）",
        "The secretary reports on duties and integrity to the provincial Party committee",
        c.C22_DUTY_REPORT,
    ),
]
RULES += scope_catalog("heilongjiang")  # issue 8, item 5: core.rules.scope
RULES += contract_catalog("heilongjiang")
