"""What the Nantong housing bureau Party group's rules are made of: identity, settings, the rule
catalogue, item kinds and the compliance calendar's obligations.

Data only, read by `hooks.py` (the hook implementations) and shown by the rule explorer. Source:
`source.txt` beside this module (局党组工作规则, 2017-10-23); rows that cite the oversight
compendium carry `source="oversight"` (see `citations.py`).
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
    RuleEntry,
    RuleVersion,
    SettingSpec,
)
from plugins.nantong import citations as c

VERSION = "nantong-2017.1"

INFO = JurisdictionInfo(
    name="nantong",
    # The rules speak of "局党组"; the page footer names the bureau: 南通市住房保障和房产管理局.
    body_zh="南通市住房保障和房产管理局党组",
    body_en="Nantong Housing Security and Real Estate Administration Bureau Party group",
    source_title="局党组工作规则",
    source_date="2017-10-23",
    source_file="source.txt",
    rules_version=VERSION,
)

VERSIONS = [
    RuleVersion(
        version=VERSION,
        effective_from=date(2017, 10, 23),
        source_title="局党组工作规则",
        note="发布于2017-10-23（南通市人民政府网站）。Published 2017-10-23.",
    )
]

# --- settings (the blanks) ---

FUNDS_THRESHOLD = "major_funds_threshold_wan"
NOTICE_WORKING_DAYS = "notice_working_days"
DUTY_REPORTS = "secretary_duty_reports_per_year"

SETTINGS: list[SettingSpec] = [
    # Issue 8, item 6: the 大额资金 threshold is the compendium's blank 「本单位预算内XX万元以上
    # 项目支出和采购」 (三重一大实施办法 一(四)1): the baseline declares it, citing that sentence
    # (core.rules.baseline.FUNDS_SETTINGS), under the same key `FUNDS_THRESHOLD`.
    # 三(四) "会前两天" does not say calendar or working days. We read calendar days (the plain
    # words; where this source means working days it would say so, as the compendium does) and let
    # the unit switch to working days. The objection deadline "会前一天" follows the same unit.
    SettingSpec(
        key=NOTICE_WORKING_DAYS,
        type="bool",
        label_zh="三(四)“会前两天”“会前一天”按工作日计算（默认否：按自然日）",
        label_en='Count 三(四) "two days before" / "one day before" in working days '
        "(default no: calendar days)",
        default=False,
        article=c.C3_4_NOTICE.article,
        original=c.C3_4_NOTICE.original,
    ),
    # 五(一) sets up the secretary's duty report without saying how often. Default once a year
    # (the usual annual 述职); the unit may set more.
    SettingSpec(
        key=DUTY_REPORTS,
        type="int",
        label_zh="党组书记述职每年次数（原文未定频次，默认每年1次）",
        label_en="Secretary's duty reports per year (the source sets no frequency; default 1)",
        unit="次/年",
        minimum=1,
        maximum=4,
        default=1,
        article=c.C5_1_DUTY_REPORT.article,
        original=c.C5_1_DUTY_REPORT.original,
    ),
]

# --- the catalogue ---

CATALOG: list[RuleEntry] = [
    # meetings
    catalog_entry(
        "nantong.meetings.convener",
        "meetings",
        "党组书记召集并主持；书记不能参加时可委托副书记召集并主持。",
        "The secretary convenes and chairs; may delegate to the deputy secretary.",
        c.C3_3_CONVENER,
    ),
    catalog_entry(
        "nantong.meetings.regular",
        "meetings",
        "党组会议原则上每月召开一次，必要时可随时召开。",
        "Regular meetings in principle once a month; more when needed.",
        c.C3_3_REGULAR,
    ),
    catalog_entry(
        "nantong.meetings.recorder",
        "meetings",
        "机要秘书负责记录。",
        "The confidential secretary (clerk) keeps the record.",
        c.C3_3_RECORDER,
    ),
    catalog_entry(
        "nantong.meetings.agenda",
        "meetings",
        "议题由党组书记提出，或党组成员建议、书记确定。",
        "Items are proposed by the secretary, or suggested by a member and fixed by the secretary.",
        c.C3_4_AGENDA_NO_ADHOC,
    ),
    catalog_entry(
        "nantong.meetings.attendees",
        "meetings",
        "非党组成员的局领导及办公室、人事处、机关党委、监察室主要负责人可列席，不表决。",
        "Non-member bureau leaders and heads of the office, HR, organ Party committee and "
        "supervision office may sit in; they never vote.",
        c.C3_5_ATTENDEES,
    ),
    catalog_entry(
        "nantong.meetings.enlarged",
        "meetings",
        "根据需要可召开扩大会议。",
        "Enlarged meetings may be held when needed.",
        c.C3_5_ENLARGED,
    ),
    catalog_entry(
        "nantong.meetings.leave",
        "meetings",
        "不能出席须事先请假并经主持人同意，并以书面或口头形式向主持人提出意见（不计票）。",
        "An absent member asks leave in advance with the chair's consent and gives an opinion in "
        "writing or orally to the chair (never a vote).",
        c.C3_5_LEAVE,
    ),
    catalog_entry(
        "nantong.meetings.minutes",
        "meetings",
        "必要时由办公室印发会议纪要或文件，并视内容通报下级党组织或有关单位。",
        "When necessary the office issues minutes or a document, passed on to lower Party "
        "organisations or units concerned.",
        c.C3_7_MINUTES,
    ),
    catalog_entry(
        "nantong.meetings.follow_up",
        "meetings",
        "局办公室负责检查、督促和反馈决议贯彻情况。",
        "The bureau office checks, chases and reports on execution of decisions.",
        c.C3_7_FOLLOW_UP,
    ),
    catalog_entry(
        "nantong.meetings.non_execution",
        "meetings",
        "决策事项不能执行或暂缓执行的，应向党组作出说明。",
        "A decision that cannot be executed or is postponed must be explained to the Party group.",
        c.C3_12_NON_EXECUTION,
    ),
    catalog_entry(
        "nantong.meetings.publication",
        "meetings",
        "需传达的经批准传达；应公布的经党组书记批准后公布。",
        "Decisions are passed on when approved; published with the secretary's approval.",
        c.C3_10_PUBLICATION,
    ),
    # quorum
    catalog_entry(
        "nantong.quorum.meeting",
        "quorum",
        "党组会议须三分之二以上成员到会方能召开（含本数）。",
        "A meeting needs at least two-thirds of members present (the number itself included).",
        c.C3_5_QUORUM,
    ),
    catalog_entry(
        "nantong.quorum.item",
        "quorum",
        "每个议题同样须三分之二以上成员到会；回避成员不计入基数与到会人数（平台计数规则）。",
        "Each item likewise needs two-thirds present; a recused member is out of base and count "
        "(the platform's counting rule).",
        c.C3_5_QUORUM,
    ),
    # Item 13: this source has no recusal sentence. For appointments the compendium's applies
    # (干部人事管理暂行办法 二十三); for other items recusal is the platform's rule, so said.
    catalog_entry(
        "nantong.quorum.recusal",
        "quorum",
        "讨论与会人员本人及亲属的任用时本人应回避（干部人事管理暂行办法 二十三）；其他议题的回避为"
        "平台规则，本规则未作规定。",
        "A member recuses when his own or a relative's appointment is discussed (干部人事管理"
        "暂行办法 二十三); recusal on other items is the platform's rule, not this source's.",
        K.GB_RECUSAL,
    ),
    catalog_entry(
        "nantong.quorum.personnel",
        "quorum",
        "干部任免议题：三分之二以上成员到会（本规则对所有会议均要求三分之二），且分管该项工作的"
        "党组成员必须到会（干部任免属“三重一大”重要人事任免，三重一大办法 二）。",
        "Personnel items: two-thirds present (this source requires two-thirds for every meeting) "
        "and the member in charge present (appointments are 三重一大: 三重一大办法 二).",
        c.C3_5_QUORUM,
    ),
    catalog_entry(
        "nantong.quorum.major_matter",
        "quorum",
        "“三重一大”议题（含处分党员等本规则未单列的类型）：三分之二以上成员到会（三(五)，严于监督"
        "制度的半数以上），且分管该项工作的党组成员必须到会。",
        "Major matters (discipline and other kinds this source does not list included): "
        "two-thirds present (三(五), stricter than the compendium's half) and the member in "
        "charge of that area must be present.",
        c.O_MAJOR_QUORUM_IN_CHARGE,
    ),
    # voting
    catalog_entry(
        "nantong.passing.majority_of_expected",
        "voting",
        "赞成票超过应到会党组成员的半数为通过（不含本数；回避成员不计入基数）。",
        "Passes with yes votes above half of members expected (recused members out of the base).",
        c.C3_6_PASSING,
    ),
    catalog_entry(
        "nantong.voting.one_person_one_vote",
        "voting",
        "少数服从多数、一人一票；不得委托投票。",
        "Majority rule, one person one vote; no proxy votes.",
        c.C3_6_ONE_VOTE,
    ),
    catalog_entry(
        "nantong.voting.methods",
        "voting",
        "表决方式：口头、举手、无记名投票或记名投票。",
        "Vote methods: oral, show of hands, secret ballot or named ballot.",
        c.C3_6_METHODS,
    ),
    catalog_entry(
        "nantong.voting.item_by_item",
        "voting",
        "重要事项逐项讨论表决；干部任免逐个表决。",
        "Important matters item by item; appointments person by person.",
        c.C3_6_ITEM_BY_ITEM,
    ),
    catalog_entry(
        "nantong.voting.split_defer",
        "voting",
        "重大问题发生分歧，除紧急情况外一般暂缓决定，待调查研究后再复议表决。",
        "On a split over a major question, defer unless urgent; re-vote after more study.",
        c.C3_6_SPLIT_DEFER,
    ),
    catalog_entry(
        "nantong.voting.named_default_major",
        "voting",
        "“三重一大”事项（含干部任免）表决一般采用记名形式，每位成员的表决意见记录在案。",
        "Major matters, appointments included: named votes by default, each member's vote "
        "recorded.",
        c.O_NAMED_VOTES,
    ),
    catalog_entry(
        "nantong.voting.absent_opinion_not_counted",
        "voting",
        "未到会党组成员的书面意见不计入票数。",
        "Written opinions of absent members are never counted as votes.",
        c.O_WRITTEN_OPINIONS_NOT_COUNTED,
    ),
    catalog_entry(
        "nantong.speaking.chair_last",
        "voting",
        "原文和监督制度汇编均未定发言顺序；本平台默认按职级顺序发言、主持人（通常为书记）最后表态。"
        "所引二(四)仅为相关原则，并非发言顺序规定。",
        "Neither the source nor the compendium fixes an order: the platform's default is members "
        "by rank and the chair (usually the secretary) last. 二(四), cited, is a related "
        "principle, not a speaking-order rule.",
        c.C2_4_SECRETARY_CENTRALISES,
    ),
    # notice
    catalog_entry(
        "nantong.notice.members",
        "notice",
        "议题、日期一般在会前两天通知，并发必要的文件或材料（默认按自然日）。",
        "Items and date notified two days before with the necessary materials (calendar days "
        "unless the unit sets working days).",
        c.C3_4_NOTICE,
    ),
    catalog_entry(
        "nantong.notice.objection",
        "notice",
        "党组成员如有异议，应在会前一天向主持人提出。",
        "Members' objections go to the chair one day before the meeting.",
        c.C3_4_OBJECTION,
    ),
    catalog_entry(
        "nantong.notice.attendees",
        "notice",
        "列席人员同属“有关人员/与会人员”：会前两天通知并发材料。",
        "Attendees are among those concerned: notified two days before, with materials.",
        c.C3_4_NOTICE,
    ),
    catalog_entry(
        "nantong.notice.inspectors",
        "notice",
        "派驻纪检组列席“三重一大”事项（含干部任免）会议，作为“有关人员”会前两天通知（人事议题不附"
        "材料）。",
        "The stationed inspection group sits in on major-matter meetings (appointments included): "
        "notified two days before as one of those concerned (no papers for personnel items).",
        c.C3_4_NOTICE,
    ),
    catalog_entry(
        "nantong.notice.major_working_day",
        "notice",
        "“三重一大”会议通知（含议题及资料）至少提前1个工作日送达应到会人员（党组成员及列席的"
        "派驻纪检组）。",
        "Major-matter meetings: notice with items and materials at least 1 working day before, to "
        "members and to the inspection group that sits in.",
        c.O_NOTICE_WORKING_DAY,
    ),
    catalog_entry(
        "nantong.notice.members_working_day",
        "notice",
        "会议通知（含议题及资料）至少提前1个工作日送达应到会人员（各类议题）。",
        "Every meeting: notice with items and materials at least 1 working day before.",
        c.O_NOTICE_WORKING_DAY,
    ),
    catalog_entry(
        "nantong.notice.personnel_materials",
        "notice",
        "人事议题须在通知上列明（至少提前1个工作日）；议案材料上会时发放、会后收回。",
        "Personnel items must be listed in the notice (at least 1 working day before); their "
        "papers are handed out at the meeting and collected afterwards.",
        c.O_PERSONNEL_MATERIALS,
    ),
    # procedure
    catalog_entry(
        "nantong.adhoc.refused",
        "procedure",
        "不得临时动议。",
        "No ad-hoc motions.",
        c.C3_4_AGENDA_NO_ADHOC,
    ),
    catalog_entry(
        "nantong.adhoc.emergency_meeting",
        "procedure",
        "突发事件和紧急情况可召开紧急会议，议题在会上提出。",
        "In an emergency an emergency meeting may be called and items raised at the meeting.",
        c.C3_4_EMERGENCY_MEETING,
    ),
    catalog_entry(
        "nantong.adhoc.never_major",
        "procedure",
        "重大事项和干部任免事宜不在会上临时动议（紧急会议亦然）。",
        "Never an ad-hoc motion for major matters or appointments, even at an emergency meeting.",
        c.C2_5_NO_ADHOC_MAJOR,
    ),
    catalog_entry(
        "nantong.procedure.emergency_disposal",
        "procedure",
        "来不及开会的，经请示书记同意，党组成员临时处理，并向下一次党组会议报告。",
        "No time to meet: a member acts with the secretary's consent and reports to the next "
        "meeting.",
        c.C3_4_EMERGENCY_DISPOSAL,
    ),
    catalog_entry(
        "nantong.procedure.reconsideration",
        "procedure",
        "执行中发现新情况，经党组书记同意可在党组会上复议。",
        "New facts during execution: re-vote at a meeting with the secretary's consent.",
        c.C3_9_RECONSIDERATION,
    ),
    catalog_entry(
        "nantong.procedure.original_binds",
        "procedure",
        "重新作出决议前，仍须执行原决议、决定。",
        "Until a new decision is taken, the original one binds.",
        c.C3_9_ORIGINAL_BINDS,
    ),
    # oversight
    catalog_entry(
        "nantong.classify.major_matter",
        "oversight",
        "重大决策、重大项目安排属“三重一大”，须集体讨论决定。",
        "Major decisions and major projects are major matters (三重一大).",
        c.C1_2_3_MAJOR_MATTERS,
    ),
    catalog_entry(
        "nantong.classify.personnel",
        "oversight",
        "人事任免属干部任免议题，按《党政领导干部选拔任用工作条例》办理。",
        "Appointments and removals are personnel items.",
        c.C3_2_PERSONNEL,
    ),
    catalog_entry(
        "nantong.classify.discipline",
        "oversight",
        "违反党纪政纪干部职工的处理意见属“三重一大”（重要人事任免）范围；本规则未单列处分党员议题。",
        "Handling cadres who broke discipline is within 三重一大 (important personnel); this "
        "source has no separate discipline kind.",
        c.O_DISCIPLINE_IN_SCOPE,
    ),
    catalog_entry(
        "nantong.classify.major_funds",
        "oversight",
        "资金达到单位设定的“XX万元以上”标准即属大额资金使用（“三重一大”）；标准未设置或未填金额时，"
        "从严按“三重一大”处理。",
        "Funds at or above the unit's XX万元 threshold are large funds (a major matter); while the "
        "threshold is unset or the amount unknown, the item is held as one.",
        c.O_MAJOR_FUNDS_XX,
    ),
    catalog_entry(
        "nantong.classify.declared",
        "oversight",
        "申报类型本规则未单列的，按“三重一大”集体决策处理。",
        "A declared kind this source does not list is handled as a major matter.",
        c.C2_3_COLLECTIVE,
    ),
    catalog_entry(
        "nantong.oversight.inspectors_supervise",
        "oversight",
        "派驻纪检组对决策贯彻情况加强督察。",
        "The stationed inspection group supervises execution of decisions.",
        c.C3_11_INSPECTORS_SUPERVISE,
    ),
    # obligations
    catalog_entry(
        "nantong.obligations.report_to_superior",
        "obligations",
        "每年至少向市组织部作1次全面报告。",
        "At least one comprehensive report a year to the municipal organisation department.",
        c.C2_2_REPORT_TO_SUPERIOR,
    ),
    catalog_entry(
        "nantong.obligations.democratic_life",
        "obligations",
        "民主生活会原则上每年召开一次。",
        "Democratic life meeting in principle once a year.",
        c.C4_1_DEMOCRATIC_LIFE,
    ),
    catalog_entry(
        "nantong.obligations.democratic_life_before",
        "obligations",
        "民主生活会召开前向市委组织部、纪委报告。",
        "Before the democratic life meeting, report to the organisation department and the "
        "discipline commission.",
        c.C4_1_DEMOCRATIC_LIFE_BEFORE,
    ),
    catalog_entry(
        "nantong.obligations.democratic_life_after",
        "obligations",
        "民主生活会总结报市纪委、市委组织部。",
        "After it, the summary goes to the municipal discipline commission and organisation "
        "department.",
        c.C4_3_DEMOCRATIC_LIFE_AFTER,
    ),
    catalog_entry(
        "nantong.obligations.duty_report",
        "obligations",
        "党组书记述职（原文未定频次，单位设定，默认每年1次）。",
        "The secretary's duty report (frequency a setting, default once a year).",
        c.C5_1_DUTY_REPORT,
    ),
    catalog_entry(
        "nantong.obligations.major_minutes_recipients",
        "obligations",
        "重大问题会议纪要发党组成员和有关部门，并报市分管领导。",
        "Major-matter minutes go to members and departments concerned, and to the city leader "
        "in charge.",
        c.O_MAJOR_MINUTES_RECIPIENTS,
    ),
]
CATALOG += scope_catalog("nantong")  # issue 8, item 5: core.rules.scope
CATALOG += contract_catalog("nantong")

CATALOG_IDS = frozenset(e.rule for e in CATALOG)

# --- item kinds ---

KINDS: list[ItemKindInfo] = [
    ItemKindInfo(kind=ItemKind.ORDINARY, label_zh="一般议题", label_en="Ordinary item"),
    ItemKindInfo(
        kind=ItemKind.MAJOR_MATTER,
        label_zh="“三重一大”事项",
        label_en="Major matter (三重一大)",
        citation=c.C1_2_3_MAJOR_MATTERS,
    ),
    ItemKindInfo(
        kind=ItemKind.PERSONNEL,
        label_zh="干部任免",
        label_en="Cadre appointment or removal",
        citation=c.C3_6_ITEM_BY_ITEM,
    ),
]
LISTED_KINDS = frozenset(k.kind for k in KINDS)


# --- the compliance calendar ---

OBLIGATIONS: list[Obligation] = [
    Obligation(
        rule="nantong.meetings.regular",
        kind="regular_meeting",
        label_zh="党组会议（原则上每月一次）",
        count=1,
        period="month",
        citation=c.C3_3_REGULAR,
    ),
    Obligation(
        rule="nantong.obligations.report_to_superior",
        kind="report_to_superior",
        label_zh="向市组织部作全面报告（每年至少1次）",
        count=1,
        period="year",
        recipients=["市组织部"],
        citation=c.C2_2_REPORT_TO_SUPERIOR,
    ),
    Obligation(
        rule="nantong.obligations.democratic_life",
        kind="democratic_life",
        label_zh="党组民主生活会（原则上每年一次；会前报市委组织部、纪委，会后总结报市纪委、市委组织部）",
        count=1,
        period="year",
        recipients=["市委组织部", "市纪委"],
        citation=c.C4_1_DEMOCRATIC_LIFE,
    ),
    Obligation(
        rule="nantong.obligations.duty_report",
        kind="duty_report",
        label_zh="党组书记述职（频次由单位设定，默认每年1次）",
        count=None,
        period="year",
        count_setting=DUTY_REPORTS,
        citation=c.C5_1_DUTY_REPORT,
    ),
]
