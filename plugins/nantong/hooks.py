"""Hook implementations for the Nantong housing bureau Party group (局党组工作规则, 2017-10-23).

The source is `source.txt` beside this file; the shared oversight compendium
(core/rules/sources/oversight.txt) adds the rules every tenant follows for 三重一大 items.
Counting lives in `core.rules.counting`; this module only chooses threshold, base and citation.

Item kinds this source distinguishes: ordinary, major_matter (三重一大, 一(二)3) and personnel
(干部任免, 三(六)). It names no separate rule for 处分党员 or 重大问题-as-a-kind, so
`discipline` and `major_issue` are not listed and fall back to the ordinary rules wherever they
are asked about directly; `classify_item` never produces them (a discipline item is a 三重一大
major matter by the compendium's scope, 三重一大办法 一(二)5).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules.counting import (
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
from plugins.nantong import citations as c

__all__ = [
    "INFO",
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
    # 大额资金 is named by the source (一(二)3, 二(三)) but never given an amount; the oversight
    # compendium leaves it as "XX万元以上" (三重一大办法 一(四)1). The SettingSpec can only cite the
    # plugin's own source (the conformance kit checks `original` against source.txt), so it cites
    # 一(二)3; the verdicts that need it cite the compendium's "XX万元" sentence.
    SettingSpec(
        key=FUNDS_THRESHOLD,
        type="decimal",
        label_zh="大额资金使用标准（达到即属“三重一大”，万元；监督制度汇编原文为“XX万元以上”）",
        label_en="Large-funds threshold in 10,000 yuan: at or above it an item is a major matter "
        '(the oversight compendium leaves "XX万元以上" blank)',
        unit="万元",
        minimum=1,
        maximum=100000,
        default=None,  # must be set by the unit admin
        article=c.C1_2_3_MAJOR_MATTERS.article,
        original=c.C1_2_3_MAJOR_MATTERS.original,
    ),
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


def _entry(rule: str, topic: str, zh: str, en: str, citation: Citation) -> RuleEntry:
    return RuleEntry(rule=rule, topic=topic, summary_zh=zh, summary_en=en, citation=citation)


CATALOG: list[RuleEntry] = [
    # meetings
    _entry(
        "nantong.meetings.convener",
        "meetings",
        "党组书记召集并主持；书记不能参加时可委托副书记召集并主持。",
        "The secretary convenes and chairs; may delegate to the deputy secretary.",
        c.C3_3_CONVENER,
    ),
    _entry(
        "nantong.meetings.regular",
        "meetings",
        "党组会议原则上每月召开一次，必要时可随时召开。",
        "Regular meetings in principle once a month; more when needed.",
        c.C3_3_REGULAR,
    ),
    _entry(
        "nantong.meetings.recorder",
        "meetings",
        "机要秘书负责记录。",
        "The confidential secretary (clerk) keeps the record.",
        c.C3_3_RECORDER,
    ),
    _entry(
        "nantong.meetings.agenda",
        "meetings",
        "议题由党组书记提出，或党组成员建议、书记确定。",
        "Items are proposed by the secretary, or suggested by a member and fixed by the secretary.",
        c.C3_4_AGENDA_NO_ADHOC,
    ),
    _entry(
        "nantong.meetings.attendees",
        "meetings",
        "非党组成员的局领导及办公室、人事处、机关党委、监察室主要负责人可列席，不表决。",
        "Non-member bureau leaders and heads of the office, HR, organ Party committee and "
        "supervision office may sit in; they never vote.",
        c.C3_5_ATTENDEES,
    ),
    _entry(
        "nantong.meetings.enlarged",
        "meetings",
        "根据需要可召开扩大会议。",
        "Enlarged meetings may be held when needed.",
        c.C3_5_ENLARGED,
    ),
    _entry(
        "nantong.meetings.leave",
        "meetings",
        "不能出席须事先请假并经主持人同意，并以书面或口头形式向主持人提出意见（不计票）。",
        "An absent member asks leave in advance with the chair's consent and gives an opinion in "
        "writing or orally to the chair (never a vote).",
        c.C3_5_LEAVE,
    ),
    _entry(
        "nantong.meetings.minutes",
        "meetings",
        "必要时由办公室印发会议纪要或文件，并视内容通报下级党组织或有关单位。",
        "When necessary the office issues minutes or a document, passed on to lower Party "
        "organisations or units concerned.",
        c.C3_7_MINUTES,
    ),
    _entry(
        "nantong.meetings.follow_up",
        "meetings",
        "局办公室负责检查、督促和反馈决议贯彻情况。",
        "The bureau office checks, chases and reports on execution of decisions.",
        c.C3_7_FOLLOW_UP,
    ),
    _entry(
        "nantong.meetings.non_execution",
        "meetings",
        "决策事项不能执行或暂缓执行的，应向党组作出说明。",
        "A decision that cannot be executed or is postponed must be explained to the Party group.",
        c.C3_12_NON_EXECUTION,
    ),
    _entry(
        "nantong.meetings.publication",
        "meetings",
        "需传达的经批准传达；应公布的经党组书记批准后公布。",
        "Decisions are passed on when approved; published with the secretary's approval.",
        c.C3_10_PUBLICATION,
    ),
    # quorum
    _entry(
        "nantong.quorum.meeting",
        "quorum",
        "党组会议须三分之二以上成员到会方能召开（含本数）。",
        "A meeting needs at least two-thirds of members present (the number itself included).",
        c.C3_5_QUORUM,
    ),
    _entry(
        "nantong.quorum.item",
        "quorum",
        "每个议题同样须三分之二以上成员到会；回避成员不计入基数与到会人数。",
        "Each item likewise needs two-thirds present; a recused member is out of base and count.",
        c.C3_5_QUORUM,
    ),
    _entry(
        "nantong.quorum.personnel",
        "quorum",
        "干部任免议题：三分之二以上成员到会（本规则对所有会议均要求三分之二）。",
        "Personnel items: two-thirds present (this source requires two-thirds for every meeting).",
        c.C3_5_QUORUM,
    ),
    _entry(
        "nantong.quorum.major_matter",
        "quorum",
        "“三重一大”议题：三分之二以上成员到会（三(五)，严于监督制度的半数以上），且分管该项工作的"
        "党组成员必须到会。",
        "Major matters: two-thirds present (三(五), stricter than the compendium's half) and the "
        "member in charge of that area must be present.",
        c.O_MAJOR_QUORUM_IN_CHARGE,
    ),
    # voting
    _entry(
        "nantong.passing.majority_of_expected",
        "voting",
        "赞成票超过应到会党组成员的半数为通过（不含本数；回避成员不计入基数）。",
        "Passes with yes votes above half of members expected (recused members out of the base).",
        c.C3_6_PASSING,
    ),
    _entry(
        "nantong.voting.one_person_one_vote",
        "voting",
        "少数服从多数、一人一票；不得委托投票。",
        "Majority rule, one person one vote; no proxy votes.",
        c.C3_6_ONE_VOTE,
    ),
    _entry(
        "nantong.voting.methods",
        "voting",
        "表决方式：口头、举手、无记名投票或记名投票。",
        "Vote methods: oral, show of hands, secret ballot or named ballot.",
        c.C3_6_METHODS,
    ),
    _entry(
        "nantong.voting.item_by_item",
        "voting",
        "重要事项逐项讨论表决；干部任免逐个表决。",
        "Important matters item by item; appointments person by person.",
        c.C3_6_ITEM_BY_ITEM,
    ),
    _entry(
        "nantong.voting.split_defer",
        "voting",
        "重大问题发生分歧，除紧急情况外一般暂缓决定，待调查研究后再复议表决。",
        "On a split over a major question, defer unless urgent; re-vote after more study.",
        c.C3_6_SPLIT_DEFER,
    ),
    _entry(
        "nantong.voting.named_default_major",
        "voting",
        "“三重一大”事项表决一般采用记名形式，每位成员的表决意见记录在案。",
        "Major matters: named votes by default, each member's vote recorded.",
        c.O_NAMED_VOTES,
    ),
    _entry(
        "nantong.voting.absent_opinion_not_counted",
        "voting",
        "未到会党组成员的书面意见不计入票数。",
        "Written opinions of absent members are never counted as votes.",
        c.O_WRITTEN_OPINIONS_NOT_COUNTED,
    ),
    _entry(
        "nantong.speaking.chair_last",
        "voting",
        "原文未定发言顺序；本平台按职级顺序发言，主持人（通常为书记）最后发言表态，以便其集中正确意见。",
        "The source fixes no order: members speak by rank and the chair (usually the secretary) "
        "last, so that he can draw the correct views together.",
        c.C2_4_SECRETARY_CENTRALISES,
    ),
    # notice
    _entry(
        "nantong.notice.members",
        "notice",
        "议题、日期一般在会前两天通知，并发必要的文件或材料（默认按自然日）。",
        "Items and date notified two days before with the necessary materials (calendar days "
        "unless the unit sets working days).",
        c.C3_4_NOTICE,
    ),
    _entry(
        "nantong.notice.objection",
        "notice",
        "党组成员如有异议，应在会前一天向主持人提出。",
        "Members' objections go to the chair one day before the meeting.",
        c.C3_4_OBJECTION,
    ),
    _entry(
        "nantong.notice.attendees",
        "notice",
        "列席人员同属“有关人员/与会人员”：会前两天通知并发材料。",
        "Attendees are among those concerned: notified two days before, with materials.",
        c.C3_4_NOTICE,
    ),
    _entry(
        "nantong.notice.inspectors",
        "notice",
        "派驻纪检组列席“三重一大”事项会议，作为与会人员会前两天通知并发材料。",
        "The stationed inspection group sits in on major-matter meetings: notified two days "
        "before with materials, as a participant.",
        c.O_INSPECTORS_SIT_IN,
    ),
    _entry(
        "nantong.notice.major_working_day",
        "notice",
        "“三重一大”会议通知（含议题及资料）至少提前1个工作日送达应到会人员。",
        "Major-matter meetings: notice with items and materials at least 1 working day before.",
        c.O_NOTICE_WORKING_DAY,
    ),
    _entry(
        "nantong.notice.personnel_materials",
        "notice",
        "人事议题须在通知上列明（至少提前1个工作日）；议案材料上会时发放、会后收回。",
        "Personnel items must be listed in the notice (at least 1 working day before); their "
        "papers are handed out at the meeting and collected afterwards.",
        c.O_PERSONNEL_MATERIALS,
    ),
    # procedure
    _entry(
        "nantong.adhoc.refused",
        "procedure",
        "不得临时动议。",
        "No ad-hoc motions.",
        c.C3_4_AGENDA_NO_ADHOC,
    ),
    _entry(
        "nantong.adhoc.emergency_meeting",
        "procedure",
        "突发事件和紧急情况可召开紧急会议，议题在会上提出。",
        "In an emergency an emergency meeting may be called and items raised at the meeting.",
        c.C3_4_EMERGENCY_MEETING,
    ),
    _entry(
        "nantong.adhoc.never_major",
        "procedure",
        "重大事项和干部任免事宜不在会上临时动议（紧急会议亦然）。",
        "Never an ad-hoc motion for major matters or appointments, even at an emergency meeting.",
        c.C2_5_NO_ADHOC_MAJOR,
    ),
    _entry(
        "nantong.procedure.emergency_disposal",
        "procedure",
        "来不及开会的，经请示书记同意，党组成员临时处理，并向下一次党组会议报告。",
        "No time to meet: a member acts with the secretary's consent and reports to the next "
        "meeting.",
        c.C3_4_EMERGENCY_DISPOSAL,
    ),
    _entry(
        "nantong.procedure.reconsideration",
        "procedure",
        "执行中发现新情况，经党组书记同意可在党组会上复议。",
        "New facts during execution: re-vote at a meeting with the secretary's consent.",
        c.C3_9_RECONSIDERATION,
    ),
    _entry(
        "nantong.procedure.original_binds",
        "procedure",
        "重新作出决议前，仍须执行原决议、决定。",
        "Until a new decision is taken, the original one binds.",
        c.C3_9_ORIGINAL_BINDS,
    ),
    # oversight
    _entry(
        "nantong.classify.major_matter",
        "oversight",
        "重大决策、重大项目安排属“三重一大”，须集体讨论决定。",
        "Major decisions and major projects are major matters (三重一大).",
        c.C1_2_3_MAJOR_MATTERS,
    ),
    _entry(
        "nantong.classify.personnel",
        "oversight",
        "人事任免属干部任免议题，按《党政领导干部选拔任用工作条例》办理。",
        "Appointments and removals are personnel items.",
        c.C3_2_PERSONNEL,
    ),
    _entry(
        "nantong.classify.discipline",
        "oversight",
        "违反党纪政纪干部职工的处理意见属“三重一大”（重要人事任免）范围；本规则未单列处分党员议题。",
        "Handling cadres who broke discipline is within 三重一大 (important personnel); this "
        "source has no separate discipline kind.",
        c.O_DISCIPLINE_IN_SCOPE,
    ),
    _entry(
        "nantong.classify.major_funds",
        "oversight",
        "资金达到单位设定的“XX万元以上”标准即属大额资金使用（“三重一大”）。",
        "Funds at or above the unit's XX万元 threshold are large funds (a major matter).",
        c.O_MAJOR_FUNDS_XX,
    ),
    _entry(
        "nantong.classify.declared",
        "oversight",
        "申报类型本规则未单列的，按“三重一大”集体决策处理。",
        "A declared kind this source does not list is handled as a major matter.",
        c.C2_3_COLLECTIVE,
    ),
    _entry(
        "nantong.oversight.inspectors_supervise",
        "oversight",
        "派驻纪检组对决策贯彻情况加强督察。",
        "The stationed inspection group supervises execution of decisions.",
        c.C3_11_INSPECTORS_SUPERVISE,
    ),
    # obligations
    _entry(
        "nantong.obligations.report_to_superior",
        "obligations",
        "每年至少向市组织部作1次全面报告。",
        "At least one comprehensive report a year to the municipal organisation department.",
        c.C2_2_REPORT_TO_SUPERIOR,
    ),
    _entry(
        "nantong.obligations.democratic_life",
        "obligations",
        "民主生活会原则上每年召开一次。",
        "Democratic life meeting in principle once a year.",
        c.C4_1_DEMOCRATIC_LIFE,
    ),
    _entry(
        "nantong.obligations.democratic_life_before",
        "obligations",
        "民主生活会召开前向市委组织部、纪委报告。",
        "Before the democratic life meeting, report to the organisation department and the "
        "discipline commission.",
        c.C4_1_DEMOCRATIC_LIFE_BEFORE,
    ),
    _entry(
        "nantong.obligations.democratic_life_after",
        "obligations",
        "民主生活会总结报市纪委、市委组织部。",
        "After it, the summary goes to the municipal discipline commission and organisation "
        "department.",
        c.C4_3_DEMOCRATIC_LIFE_AFTER,
    ),
    _entry(
        "nantong.obligations.duty_report",
        "obligations",
        "党组书记述职（原文未定频次，单位设定，默认每年1次）。",
        "The secretary's duty report (frequency a setting, default once a year).",
        c.C5_1_DUTY_REPORT,
    ),
    _entry(
        "nantong.obligations.major_minutes_recipients",
        "obligations",
        "重大问题会议纪要发党组成员和有关部门，并报市分管领导。",
        "Major-matter minutes go to members and departments concerned, and to the city leader "
        "in charge.",
        c.O_MAJOR_MINUTES_RECIPIENTS,
    ),
]

CATALOG_IDS = frozenset(e.rule for e in CATALOG)


# --- helpers ---


def _kind(kind: ItemKind) -> ItemKind:
    """Kinds this source does not list fall back to the ordinary rules (see the module doc)."""
    return kind if kind in LISTED_KINDS else ItemKind.ORDINARY


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


# --- identity and settings ---


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return VERSIONS


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    # One version so far: the catalogue does not depend on ctx.version.
    return CATALOG


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles; see core/access/policy.py.
    return None


# --- items ---

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


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return KINDS


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 三(五): "三分之二以上成员到会方能召开" — two-thirds, "以上" includes the number itself.
    return quorum_verdict(
        "nantong.quorum.meeting", ctx, attendance, TWO_THIRDS_OR_MORE, c.C3_5_QUORUM
    )


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    kind = _kind(kind)
    if kind == ItemKind.MAJOR_MATTER:
        # The compendium asks "半数以上" plus the member in charge (三重一大办法 二); this source's
        # two-thirds for every meeting (三(五)) is stricter, so both apply: 2/3 AND in charge.
        return quorum_verdict(
            "nantong.quorum.major_matter",
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C3_5_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.O_MAJOR_QUORUM_IN_CHARGE,
        )
    if kind == ItemKind.PERSONNEL:
        # The compendium's "讨论干部问题时…三分之二以上" equals this source's rule for every
        # meeting (三(五)).
        return quorum_verdict(
            "nantong.quorum.personnel", ctx, attendance, TWO_THIRDS_OR_MORE, c.C3_5_QUORUM
        )
    return quorum_verdict("nantong.quorum.item", ctx, attendance, TWO_THIRDS_OR_MORE, c.C3_5_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 三(六): "赞成票超过应到会党组成员的半数为通过" — more than half (exclusive) of members
    # expected, recused members out of the base; written opinions of absent members never count.
    return passing_verdict(
        "nantong.passing.majority_of_expected", ctx, tally, MORE_THAN_HALF, c.C3_6_PASSING
    )


ALL_METHODS = ["oral", "hands", "secret_ballot", "named_ballot"]


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    kind = _kind(kind)
    common = [
        c.C3_6_METHODS,  # the four methods
        c.C3_6_ONE_VOTE,  # one person one vote: no proxies
        c.C3_6_ITEM_BY_ITEM,
        c.C3_5_LEAVE,  # absent members give an opinion to the chair ...
        c.O_WRITTEN_OPINIONS_NOT_COUNTED,  # ... which is never a vote
    ]
    if kind == ItemKind.MAJOR_MATTER:
        return VotingRules(
            methods=ALL_METHODS,
            default_method="named_ballot",
            named_by_default=True,  # 议事规则实施细则 第六条(五): 表决一般采用记名形式
            item_by_item=True,
            person_by_person=False,
            split_opinions_defer=True,  # 三(六): 重大问题发生分歧 … 一般应暂缓决定
            citations=[*common, c.O_NAMED_VOTES, c.C3_6_SPLIT_DEFER],
        )
    if kind == ItemKind.PERSONNEL:
        return VotingRules(
            methods=ALL_METHODS,
            # The source names no default method for appointments; hands, the chair may choose.
            default_method="hands",
            named_by_default=False,
            item_by_item=True,
            person_by_person=True,  # 三(六): 干部的任免 … 逐个进行表决
            split_opinions_defer=True,  # appointments are 重大问题 for 三(六)'s deferral
            citations=[*common, c.C3_6_SPLIT_DEFER],
        )
    return VotingRules(
        methods=ALL_METHODS,
        default_method="hands",
        named_by_default=False,
        # 三(六) names 重要事项 and 干部任免; every item is voted on its own here anyway.
        item_by_item=True,
        person_by_person=False,
        # 三(六) defers only on a split over 重大问题; an ordinary item is decided by majority.
        split_opinions_defer=False,
        citations=common,
    )


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # The source fixes no order of speaking. Choice: members by rank, the chair last (the
    # secretary if nobody is marked as chairing), so that the one who "善于集中正确意见" (二(四))
    # states his position after hearing everyone — the reading of the other jurisdictions.
    last = next((m for m in members if m.chairing), None) or next(
        (m for m in members if m.position == "secretary"), None
    )
    others = sorted((m for m in members if m is not last), key=lambda m: (m.rank, m.id))
    order = [m.id for m in others] + ([last.id] if last else [])
    return SpeakingOrder(
        order=order,
        rule="nantong.speaking.chair_last",
        explanation_zh="原文未规定发言顺序；按职级顺序发言，主持人（书记）最后发言表态，以便集中正确意见（二(四)）。",
        explanation_en="The source fixes no order: members speak by rank, the chair (secretary) "
        "last, so as to draw the correct views together (二(四)).",
        citation=c.C2_4_SECRETARY_CENTRALISES,
    )


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind) -> list[NoticeRule]:
    kind = _kind(kind)
    working = bool(setting(ctx, NOTICE_WORKING_DAYS, False))
    unit_zh = "工作日" if working else "自然日"
    # Personnel papers are handed out at the meeting and collected afterwards (议事规则实施细则
    # 第六条(三)), so the notice of a personnel item carries no materials.
    materials = kind != ItemKind.PERSONNEL
    materials_zh = (
        "并发必要的文件或材料"
        if materials
        else "人事议题材料上会时发放、会后收回，通知不附材料（议事规则实施细则 第六条(三)）"
    )
    rules = [
        NoticeRule(
            rule="nantong.notice.members",
            recipients="members",
            days_before=2,  # 三(四) "会前两天"
            working_days=working,
            materials=materials,
            written=False,  # the source does not require a written notice
            objection_days_before=1,  # 三(四) "党组成员如有异议,应当在会前一天向会议主持人提出"
            note_zh=f"议题、日期会前两天（{unit_zh}）通知，{materials_zh}；"
            f"异议须在会前一天（{unit_zh}）向主持人提出（三(四)）。",
            citation=c.C3_4_NOTICE,
        ),
        NoticeRule(
            rule="nantong.notice.attendees",
            recipients="attendees",
            days_before=2,  # attendees are among the "有关人员" and "与会人员" of 三(四)
            working_days=working,
            materials=materials,
            note_zh=f"列席人员属“有关人员”，会前两天（{unit_zh}）通知，{materials_zh}（三(四)）。",
            citation=c.C3_4_NOTICE,
        ),
    ]
    if kind == ItemKind.MAJOR_MATTER:
        rules += [
            NoticeRule(
                rule="nantong.notice.inspectors",
                recipients="inspectors",
                # The inspection group sits in on 三重一大 meetings (三重一大办法 三(五)), so it is
                # one of 三(四)'s participants: the same two days and materials.
                days_before=2,
                working_days=working,
                materials=True,
                note_zh=f"派驻纪检组列席“三重一大”会议（三重一大办法 三(五)），作为与会人员会前两天"
                f"（{unit_zh}）通知并发材料（三(四)）；另须满足至少提前1个工作日。",
                citation=c.O_INSPECTORS_SIT_IN,
            ),
        ]
        # 议事规则实施细则 第六条(三): at least 1 working day, to those who must attend. Two
        # calendar days (三(四)) can fall later than one working day (a Monday meeting: Saturday
        # vs Friday), so both deadlines are listed and the earlier one binds.
        rules += [
            NoticeRule(
                rule="nantong.notice.major_working_day",
                recipients=who,
                days_before=1,
                working_days=True,
                materials=True,
                note_zh="会议通知（含议题及有关资料）至少提前1个工作日书面或电话通知应到会人员"
                "（议事规则实施细则 第六条(三)）。",
                citation=c.O_NOTICE_WORKING_DAY,
            )
            for who in ("members", "inspectors")
        ]
    if kind == ItemKind.PERSONNEL:
        rules.append(
            NoticeRule(
                rule="nantong.notice.personnel_materials",
                recipients="members",
                days_before=1,  # the same paragraph: "至少提前l个工作日"
                working_days=True,
                materials=False,
                note_zh="人事议题须在通知上列明，至少提前1个工作日通知；议案和科学论证材料上会时发给"
                "正式成员，会上阅读、会后收回（议事规则实施细则 第六条(三)）。",
                citation=c.O_PERSONNEL_MATERIALS,
            )
        )
    return rules


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    kind = _kind(kind)
    numbers = {"kind": str(kind), "emergency": emergency}
    if kind in (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL):
        # 二(五): never for 重大事项 and 干部任免, an emergency meeting included.
        return _verdict(
            "nantong.adhoc.never_major",
            ctx,
            False,
            numbers,
            "重大事项和干部任免事宜不得在会上临时动议，紧急会议亦然（二(五)）。",
            "No ad-hoc motion for a major matter or an appointment, not even at an emergency "
            "meeting (二(五)).",
            c.C2_5_NO_ADHOC_MAJOR,
        )
    if emergency:
        # 三(四): an emergency meeting takes its items at the meeting.
        return _verdict(
            "nantong.adhoc.emergency_meeting",
            ctx,
            True,
            numbers,
            "突发事件和紧急情况召开的紧急会议，议题可在会上提出（三(四)）。",
            "At an emergency meeting items may be raised at the meeting (三(四)).",
            c.C3_4_EMERGENCY_MEETING,
        )
    return _verdict(
        "nantong.adhoc.refused",
        ctx,
        False,
        numbers,
        "议题由党组书记确定，不得临时动议（三(四)）。",
        "Items are fixed by the secretary; no ad-hoc motions (三(四)).",
        c.C3_4_AGENDA_NO_ADHOC,
    )


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    return ProcedureRule(
        rule="nantong.procedure.emergency_disposal",
        allowed=True,
        who_zh="党组成员（须经请示党组书记同意）",
        conditions_zh="突发事件和紧急情况，来不及召开会议；处理情况向下一次党组会议报告。",
        report_to_next_meeting=True,
        citation=c.C3_4_EMERGENCY_DISPOSAL,
    )


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    return ProcedureRule(
        rule="nantong.procedure.reconsideration",
        allowed=True,
        who_zh="党组书记同意后，在党组会上复议",
        conditions_zh="决策执行中发现新的情况，向局党组反映；重新作出决议、决定前，仍须执行原有的"
        "决议、决定（三(九)）。",
        report_to_next_meeting=False,
        citation=c.C3_9_RECONSIDERATION,
    )


# --- classification ---

#: When several rules apply, the item takes the kind with the most specific procedure: personnel
#: (person-by-person votes, papers collected after the meeting) over major matter over ordinary.
_PRECEDENCE = {ItemKind.ORDINARY: 0, ItemKind.MAJOR_MATTER: 1, ItemKind.PERSONNEL: 2}


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    verdicts: list[Verdict] = []
    found: list[ItemKind] = []
    declared = item.declared_kind
    if declared in LISTED_KINDS:
        found.append(declared)
    else:
        # 处分党员 / 重大问题 are not kinds of this source; both are questions 二(三) reserves to
        # collective decision, and 违纪处理 is within 三重一大 by the compendium: major matter.
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            _verdict(
                "nantong.classify.declared",
                ctx,
                True,
                {"declared_kind": str(declared), "kind": str(ItemKind.MAJOR_MATTER)},
                f"申报类型“{declared}”本规则未单列，按“三重一大”集体决策处理（二(三)）。",
                f"Declared kind {declared!r} is not one of this source's kinds; handled as a "
                "major matter (二(三)).",
                c.C2_3_COLLECTIVE,
            )
        )
    categories = set(item.categories)
    for category, name_zh, name_en in (
        ("decision", "重大决策", "major decision"),
        ("project", "重大项目安排", "major project"),
    ):
        if category in categories:
            found.append(ItemKind.MAJOR_MATTER)
            verdicts.append(
                _verdict(
                    "nantong.classify.major_matter",
                    ctx,
                    True,
                    {"category": category},
                    f"“{name_zh}”属“三重一大”事项，不论申报类型（一(二)3）。",
                    f"A {name_en} is a major matter whatever the proposer called it (一(二)3).",
                    c.C1_2_3_MAJOR_MATTERS,
                )
            )
    if "personnel" in categories:
        found.append(ItemKind.PERSONNEL)
        verdicts.append(
            _verdict(
                "nantong.classify.personnel",
                ctx,
                True,
                {"category": "personnel"},
                "人事任免属干部任免议题：逐个表决，材料上会发放、会后收回（三(二)、三(六)）。",
                "Appointments are personnel items: person-by-person votes, papers collected after "
                "the meeting (三(二), 三(六)).",
                c.C3_2_PERSONNEL,
            )
        )
    if "discipline" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            _verdict(
                "nantong.classify.discipline",
                ctx,
                True,
                {"category": "discipline"},
                "违反党纪政纪干部职工的处理意见属“三重一大”（重要人事任免）；本规则未单列处分党员议题，"
                "按“三重一大”事项处理。",
                "Handling cadres who broke discipline is within 三重一大; this source has no "
                "separate discipline kind, so it is a major matter.",
                c.O_DISCIPLINE_IN_SCOPE,
            )
        )
    if "funds" in categories or item.amount_wan is not None:
        verdict = _funds_verdict(ctx, item.amount_wan)
        verdicts.append(verdict)
        if verdict.outcome == Outcome.MET:
            found.append(ItemKind.MAJOR_MATTER)
    kind = max(found, key=lambda k: _PRECEDENCE[k])
    return Classification(kind=kind, verdicts=verdicts)


def _funds_verdict(ctx: RuleContext, amount_wan: float | None) -> Verdict:
    rule = "nantong.classify.major_funds"
    if amount_wan is None:
        return not_applicable(
            rule,
            ctx,
            c.O_MAJOR_FUNDS_XX,
            "未给出金额，无法判断是否属大额资金使用；按申报类型处理。",
            "No amount given: cannot tell whether these are large funds; the declared kind stands.",
        )
    threshold = setting(ctx, FUNDS_THRESHOLD)
    if threshold is None:
        return needs_setting(rule, ctx, [FUNDS_THRESHOLD], c.O_MAJOR_FUNDS_XX)
    amount = Decimal(str(amount_wan))
    limit = Decimal(str(threshold))
    met = amount >= limit  # "XX万元以上": 以上 includes the number itself
    return _verdict(
        rule,
        ctx,
        met,
        {"amount_wan": float(amount), "threshold_wan": float(limit), "inclusive": True},
        f"金额 {amount} 万元，大额资金标准 {limit} 万元以上（含本数）："
        + ("属“三重一大”大额资金使用。" if met else "未达标准，不因金额而属“三重一大”。"),
        f"{amount} (10k yuan) against a threshold of {limit} and above: "
        + ("large funds, a major matter." if met else "below it, not a major matter by amount."),
        c.O_MAJOR_FUNDS_XX,
    )


# --- obligations and reporting ---


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    return [
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


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    if event == "report_to_superior":
        # 二(二) names "市组织部" (sic; elsewhere the source says 市委组织部); kept as written.
        return [
            Recipient(
                who_zh="市组织部",
                who_en="Municipal organisation department",
                when="on_issue",
                citation=c.C2_2_REPORT_TO_SUPERIOR,
            )
        ]
    if event == "democratic_life_before":
        return [
            Recipient(
                who_zh="市委组织部",
                who_en="Municipal Party committee organisation department",
                when="before",
                citation=c.C4_1_DEMOCRATIC_LIFE_BEFORE,
            ),
            Recipient(
                who_zh="纪委",
                who_en="Discipline inspection commission",
                when="before",
                citation=c.C4_1_DEMOCRATIC_LIFE_BEFORE,
            ),
        ]
    if event == "democratic_life_after":
        return [
            Recipient(
                who_zh="市纪委",
                who_en="Municipal discipline inspection commission",
                when="after",
                citation=c.C4_3_DEMOCRATIC_LIFE_AFTER,
            ),
            Recipient(
                who_zh="市委组织部",
                who_en="Municipal Party committee organisation department",
                when="after",
                citation=c.C4_3_DEMOCRATIC_LIFE_AFTER,
            ),
        ]
    if event == "minutes_distribution":
        # 三(七): minutes "必要时" and passed on "视其内容"; the compendium adds fixed recipients
        # for the minutes of major-matter meetings (议事规则实施细则 第六条(七)).
        return [
            Recipient(
                who_zh="下级党组织（视内容）",
                who_en="Lower Party organisations (as the content requires)",
                when="on_issue",
                citation=c.C3_7_MINUTES,
            ),
            Recipient(
                who_zh="有关(处室)单位（视内容）",
                who_en="Divisions and units concerned (as the content requires)",
                when="on_issue",
                citation=c.C3_7_MINUTES,
            ),
            Recipient(
                who_zh="党组成员（重大问题会议纪要）",
                who_en="Party group members (major-matter minutes)",
                when="on_issue",
                citation=c.O_MAJOR_MINUTES_RECIPIENTS,
            ),
            Recipient(
                who_zh="有关部门（重大问题会议纪要）",
                who_en="Departments concerned (major-matter minutes)",
                when="on_issue",
                citation=c.O_MAJOR_MINUTES_RECIPIENTS,
            ),
            Recipient(
                who_zh="市分管领导（重大问题会议纪要）",
                who_en="City leader in charge (major-matter minutes)",
                when="on_issue",
                citation=c.O_MAJOR_MINUTES_RECIPIENTS,
            ),
        ]
    # decision_to_absent_members: the source names nobody (absent members only send their
    # opinion to the chair, 三(五)).
    return []
