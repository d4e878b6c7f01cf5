"""What Ningbo HRSS Party group's rules are made of: identity, settings, rule ids, item kinds and
the rule catalogue (the calendar's obligations and recipients are in `calendar.py`).

Data only, read by `hooks.py` (the hook implementations) and shown by the rule explorer. Source:
`source.txt` beside this module, 中共宁波市人力资源和社会保障局党组工作规则（征求意见稿）; rows that
cite the oversight compendium carry `source="oversight"` (see `citations.py`).
"""

from __future__ import annotations

from core.rules import compendium as K
from core.rules.defaults import contract_catalog
from core.rules.scope import scope_catalog
from core.rules.types import (
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    RuleEntry,
    SettingSpec,
)
from plugins.ningbo import citations as C

VERSION = "ningbo-2024.1"

INFO = JurisdictionInfo(
    name="ningbo",
    body_zh="中共宁波市人力资源和社会保障局党组",
    body_en="Ningbo HRSS Party group",
    source_title="中共宁波市人力资源和社会保障局党组工作规则（征求意见稿）",
    # The text is a consultation draft and carries no date; in force "自印发之日起" (第二十九条).
    source_date="",
    source_file="source.txt",
    rules_version=VERSION,
)

# --- settings (the blanks the unit admin fills in) -----------------------------------------------

FUNDS_THRESHOLD = "major_funds_threshold_wan"
FIELD_RESEARCH_DAYS = "field_research_days_per_year"

SETTINGS: list[SettingSpec] = [
    # Issue 8, item 6: the 大额资金 threshold is the compendium's blank 「本单位预算内XX万元以上
    # 项目支出和采购」 (三重一大实施办法 一(四)1): the baseline declares it, citing that sentence
    # (core.rules.baseline.FUNDS_SETTINGS), under the same key `FUNDS_THRESHOLD`.
    # 第二十五条: "每年保证一定时间" is a blank of time. Counted in days per member per year (the
    # unit of "时间"); the admin fills it in, and the calendar shows nothing due until then.
    SettingSpec(
        key=FIELD_RESEARCH_DAYS,
        type="int",
        label_zh="党组成员每年基层走访调研时间（天/人）",
        label_en="Field research per member per year (days)",
        unit="天/年",
        minimum=1,
        maximum=365,
        default=None,
        article=C.C25_FIELD_RESEARCH.article,
        original=C.C25_FIELD_RESEARCH.original,
    ),
]

# --- rule ids ------------------------------------------------------------------------------------

R_QUORUM_MEETING = "ningbo.quorum.meeting"
R_QUORUM_PERSONNEL = "ningbo.quorum.personnel"
R_QUORUM_DISCIPLINE = "ningbo.quorum.discipline"
R_QUORUM_MAJOR = "ningbo.quorum.major_matter"
R_QUORUM_RECUSAL = "ningbo.quorum.recusal"
R_PASSING = "ningbo.passing.majority_of_expected"
R_WRITTEN = "ningbo.voting.written_opinions_not_counted"
R_METHODS = "ningbo.voting.methods"
R_ITEM_BY_ITEM = "ningbo.voting.item_by_item"
R_ATTENDEES_NO_VOTE = "ningbo.voting.attendees_no_vote"
R_NAMED_DEFAULT = "ningbo.voting.named_default"
R_SPLIT_DEFER = "ningbo.voting.split_defer"
R_PERSON_BY_PERSON = "ningbo.voting.person_by_person"
R_COLLECTIVE = "ningbo.voting.collective"
R_SECRETARY_LAST = "ningbo.speaking.secretary_last"
R_CHAIR_LAST = "ningbo.speaking.chair_last"
R_NOTICE_MEMBERS = "ningbo.notice.members"
R_NOTICE_WRITTEN = "ningbo.notice.written"
R_NOTICE_WORKING_DAY = "ningbo.notice.members_working_day"
R_NOTICE_INSPECTORS = "ningbo.notice.inspectors"
R_NOTICE_INSPECTORS_MAJOR = "ningbo.notice.inspectors_major"
R_PERSONNEL_MATERIALS = "ningbo.notice.personnel_materials"
R_ADHOC_REFUSED = "ningbo.adhoc.refused"
R_ADHOC_EMERGENCY = "ningbo.adhoc.emergency_meeting"
R_ADHOC_MAJOR = "ningbo.adhoc.major_refused"
R_ADHOC_PERSONNEL = "ningbo.adhoc.personnel_refused"
R_EMERGENCY_DISPOSAL = "ningbo.procedure.emergency_disposal"
R_RECONSIDERATION = "ningbo.procedure.reconsideration"
R_CLASSIFY_ORDINARY = "ningbo.classify.ordinary"
R_CLASSIFY_MAJOR = "ningbo.classify.major_matter"
R_CLASSIFY_FUNDS = "ningbo.classify.major_funds"
R_CLASSIFY_PERSONNEL = "ningbo.classify.personnel"
R_CLASSIFY_DISCIPLINE = "ningbo.classify.discipline"
R_OB_MEETINGS = "ningbo.obligation.regular_meetings"
R_OB_ANNUAL_REPORT = "ningbo.obligation.annual_report"
R_OB_DISCIPLINE_REPORT = "ningbo.obligation.discipline_duty_report"
R_OB_STUDY = "ningbo.obligation.study_sessions"
R_OB_DEMOCRATIC_LIFE = "ningbo.obligation.democratic_life"
R_OB_PARTY_REVIEW = "ningbo.obligation.party_discipline_review"
R_OB_IDEOLOGY_REVIEW = "ningbo.obligation.ideology_review"
R_OB_DUTY_REPORT = "ningbo.obligation.duty_report"
R_OB_FIELD_RESEARCH = "ningbo.obligation.field_research"

# Kinds that are 三重一大: 重大决策/项目/资金 (major_matter) and 重要人事任免 (personnel; the
# compendium lists "本单位科级以上干部任免和调整" under 重要人事任免). They take the compendium's
# 三重一大 rules: member in charge present, inspectors' 2-working-day list, named votes by default,
# no ad-hoc motion even at an emergency meeting.
# 处分党员 (discipline) is one too: 三重一大实施办法 一(二)5 puts "违反党纪政纪干部职工的处理意见"
# under 重要人事任免, so on top of this source's two-thirds (第十八条) it takes the same 三重一大
# rules.
SANZHONG_YIDA = (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
# "集体讨论决定重大事项" (第十九条(三)): 第六条 counts 重要人事任免 among the 重大问题, and 第十七条
# calls 处分党员 an "重要事项", so the secretary-last rule covers all three non-ordinary kinds.
MAJOR_FOR_SPEAKING = (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL, ItemKind.DISCIPLINE)

CATALOG: list[RuleEntry] = [
    # meetings
    RuleEntry(
        rule=R_OB_MEETINGS,
        topic="meetings",
        summary_zh="党组会议一般每月召开2次，遇有重要情况可以随时召开。",
        summary_en="Party group meetings: as a rule twice a month, any time when needed.",
        citation=C.C18_REGULAR,
    ),
    RuleEntry(
        rule="ningbo.meetings.convene",
        topic="meetings",
        summary_zh="书记召集并主持；书记不能参加时，可委托副书记或其他党组成员召集并主持。",
        summary_en="The secretary convenes and chairs; when absent, may delegate to the deputy "
        "or another member.",
        citation=C.C18_CONVENE,
    ),
    RuleEntry(
        rule="ningbo.meetings.agenda",
        topic="meetings",
        summary_zh="议题由书记提出或经成员建议后由书记确定。",
        summary_en="Items are proposed by the secretary, or by members and settled by him.",
        citation=C.C18_TOPICS,
    ),
    RuleEntry(
        rule="ningbo.meetings.participants",
        topic="meetings",
        summary_zh="出席人员为书记、副书记和党组成员。",
        summary_en="Participants: the secretary, deputy secretary and members.",
        citation=C.C18_PARTICIPANTS,
    ),
    RuleEntry(
        rule="ningbo.meetings.attendees_leaders",
        topic="meetings",
        summary_zh="可以请不是党组成员的局领导列席。",
        summary_en="Bureau leaders who are not members may sit in.",
        citation=C.C18_ATTENDEES_LEADERS,
    ),
    RuleEntry(
        rule="ningbo.meetings.attendees_named",
        topic="meetings",
        summary_zh="召集人可根据议题指定有关人员列席。",
        summary_en="The convener may name persons to sit in for an item.",
        citation=C.C18_ATTENDEES_NAMED,
    ),
    RuleEntry(
        rule="ningbo.meetings.leave",
        topic="meetings",
        summary_zh="不能参加须会前请假，意见可书面表达（不计票）。",
        summary_en="Absent members ask leave beforehand; they may give a written opinion "
        "(never a vote).",
        citation=C.C18_LEAVE,
    ),
    RuleEntry(
        rule="ningbo.meetings.inform_absent",
        topic="meetings",
        summary_zh="会议决定会后向未出席的党组成员通报。",
        summary_en="Decisions are told to members who were absent.",
        citation=C.C18_INFORM_ABSENT,
    ),
    RuleEntry(
        rule="ningbo.meetings.minutes",
        topic="meetings",
        summary_zh="指定专人记录；办公室编发《党组会议纪要》，书记或受托主持人签发。",
        summary_en="A designated person records; the office issues the minutes, signed by the "
        "secretary or the chair he delegates.",
        citation=C.C20_MINUTES,
    ),
    RuleEntry(
        rule="ningbo.meetings.circulation",
        topic="meetings",
        summary_zh="宜在党内通报的内容和决定应及时通报。",
        summary_en="Content and decisions fit for in-Party circulation are circulated promptly.",
        citation=C.C20_CIRCULATE,
    ),
    RuleEntry(
        rule="ningbo.meetings.confidentiality",
        topic="meetings",
        summary_zh="会议内容除经决定传达或公开外，与会人员严格保密。",
        summary_en="Meeting content is confidential unless the group decides otherwise.",
        citation=C.C20_CONFIDENTIAL,
    ),
    RuleEntry(
        rule="ningbo.meetings.follow_up",
        topic="meetings",
        summary_zh="局办公室将决定事项和实施情况纳入督查并反馈。",
        summary_en="The bureau office tracks execution of decisions and reports back.",
        citation=C.C21_FOLLOW_UP,
    ),
    # quorum
    RuleEntry(
        rule=R_QUORUM_MEETING,
        topic="quorum",
        summary_zh="半数以上（含半数）党组成员到会方可召开。",
        summary_en="At least half of the members (half itself included) must be present.",
        citation=C.C18_QUORUM,
    ),
    RuleEntry(
        rule=R_QUORUM_PERSONNEL,
        topic="quorum",
        summary_zh="干部任免须三分之二以上党组成员到会，且分管该项工作的成员到会。",
        summary_en="Cadre appointments: at least two-thirds present, and the member in charge.",
        citation=C.C18_QUORUM,
    ),
    RuleEntry(
        rule=R_QUORUM_DISCIPLINE,
        topic="quorum",
        summary_zh="处分党员须三分之二以上党组成员到会，且分管该项工作的成员到会（属“三重一大”）。",
        summary_en="Disciplining Party members: at least two-thirds present, and the member in "
        "charge (a 三重一大 item).",
        citation=C.C18_QUORUM,
    ),
    RuleEntry(
        rule=R_QUORUM_MAJOR,
        topic="quorum",
        summary_zh="“三重一大”事项须半数以上党组成员到会，且分管此项工作的成员必须到会。",
        summary_en="三重一大 items: at least half present and the member in charge present.",
        citation=C.O_MAJOR_QUORUM,
    ),
    RuleEntry(
        rule=R_QUORUM_RECUSAL,
        topic="quorum",
        summary_zh="涉及本人或亲属等须回避；回避者不计入该议题的基数与到会人数。",
        summary_en="Members concerned recuse; they leave base and head count for that item.",
        citation=C.C18_RECUSAL,
    ),
    # voting
    RuleEntry(
        rule=R_PASSING,
        topic="voting",
        summary_zh="赞成票超过应到会党组成员半数为通过。",
        summary_en="Passes with yes votes above half of the members expected.",
        citation=C.C19_4_METHODS_PASSING,
    ),
    RuleEntry(
        rule=R_METHODS,
        topic="voting",
        summary_zh="可采用口头、举手、无记名投票或记名投票表决。",
        summary_en="Oral, show of hands, secret ballot or named ballot.",
        citation=C.C19_4_METHODS_PASSING,
    ),
    RuleEntry(
        rule=R_WRITTEN,
        topic="voting",
        summary_zh="未到会党组成员的书面意见不计入票数。",
        summary_en="Written opinions of absent members are not votes.",
        citation=C.C19_4_WRITTEN,
    ),
    RuleEntry(
        rule=R_ITEM_BY_ITEM,
        topic="voting",
        summary_zh="多个事项逐项表决。",
        summary_en="Several items are voted one by one.",
        citation=C.C19_4_ITEM_BY_ITEM,
    ),
    RuleEntry(
        rule=R_ATTENDEES_NO_VOTE,
        topic="voting",
        summary_zh="列席人员可发表意见，不参加表决。",
        summary_en="Attendees may speak but never vote.",
        citation=C.C19_4_ATTENDEES_NO_VOTE,
    ),
    RuleEntry(
        rule="ningbo.voting.attendees_consent",
        topic="voting",
        summary_zh="列席人员经书记或召集人同意后可参与讨论。",
        summary_en="Attendees join the discussion with the secretary's or convener's consent.",
        citation=C.C18_ATTENDEES_NO_VOTE,
    ),
    RuleEntry(
        rule=R_COLLECTIVE,
        topic="voting",
        summary_zh="少数服从多数，集体讨论决定，任何个人无权擅自决定。",
        summary_en="Majority rule; collective decision, no individual decides alone.",
        citation=C.C14_COLLECTIVE,
    ),
    RuleEntry(
        rule=R_NAMED_DEFAULT,
        topic="voting",
        summary_zh="“三重一大”事项（含干部任免、处分党员）表决一般采用记名形式，记录每位成员的表决意见。",
        summary_en="三重一大 items: named votes by default, each member's vote recorded.",
        citation=C.O_NAMED_DEFAULT,
    ),
    RuleEntry(
        rule=R_SPLIT_DEFER,
        topic="voting",
        summary_zh="“三重一大”事项赞成与反对人数接近时可暂缓表决（书面意见仅用于此判断）。",
        summary_en="三重一大 items: when for and against are close the vote may be deferred "
        "(written opinions counted for this purpose only).",
        citation=C.O_DEFER_WHEN_CLOSE,
    ),
    RuleEntry(
        rule=R_PERSON_BY_PERSON,
        topic="voting",
        summary_zh="干部任免按《党政领导干部选拔任用工作条例》办理，逐人表决。",
        summary_en="Cadre appointments follow the selection regulation: one vote per person.",
        citation=C.C17_PERSONNEL,
    ),
    RuleEntry(
        rule="ningbo.voting.discipline_regulations",
        topic="voting",
        summary_zh="处分党员严格按照党章党规和党中央有关规定执行。",
        summary_en="Disciplining members follows the Party Constitution and regulations.",
        citation=C.C17_DISCIPLINE,
    ),
    RuleEntry(
        rule=R_SECRETARY_LAST,
        topic="voting",
        summary_zh="集体讨论决定重大事项实行书记末位发言制。",
        summary_en="On major matters the secretary speaks last.",
        citation=C.C19_3_SECRETARY_LAST,
    ),
    RuleEntry(
        rule=R_CHAIR_LAST,
        topic="voting",
        summary_zh="表决实行会议主持人末位表态制。",
        summary_en="The chair states his position last.",
        citation=C.C19_4_CHAIR_LAST,
    ),
    # notice
    RuleEntry(
        rule=R_NOTICE_MEMBERS,
        topic="notice",
        summary_zh="议题确定后于会前1-2天向其他成员预告（以1天为最迟期限）。",
        summary_en="Items announced to members 1–2 days before (1 day is the latest allowed).",
        citation=C.C19_1_NOTICE,
    ),
    RuleEntry(
        rule=R_NOTICE_WRITTEN,
        topic="notice",
        summary_zh="会议议题应当提前书面通知党组成员。",
        summary_en="Items are notified to members in writing, in advance.",
        citation=C.C18_NOTICE_WRITTEN,
    ),
    RuleEntry(
        rule=R_NOTICE_WORKING_DAY,
        topic="notice",
        summary_zh="会议通知（含议题及资料）至少提前1个工作日送达应到会人员。",
        summary_en="Notice with items and materials at least 1 working day before.",
        citation=C.O_NOTICE_WORKING_DAY,
    ),
    RuleEntry(
        rule=R_NOTICE_INSPECTORS,
        topic="notice",
        summary_zh="议题及时告知驻市委组织部纪检监察组。",
        summary_en="Items told in time to the stationed discipline-inspection group.",
        citation=C.C19_1_NOTICE,
    ),
    RuleEntry(
        rule=R_NOTICE_INSPECTORS_MAJOR,
        topic="notice",
        summary_zh="“三重一大”事项一般于会前2个工作日将上会清单和资料送纪检监察组。",
        summary_en="三重一大 items: list and materials to the inspectors 2 working days before.",
        citation=C.C19_1_MAJOR_INSPECTORS,
    ),
    RuleEntry(
        rule=R_PERSONNEL_MATERIALS,
        topic="notice",
        summary_zh="人事议题须在通知上列明，材料上会时发放、会后收回。",
        summary_en="Personnel items are named in the notice; materials handed out at the "
        "meeting and collected afterwards.",
        citation=C.O_PERSONNEL_MATERIALS,
    ),
    RuleEntry(
        rule="ningbo.notice.agenda_setting",
        topic="notice",
        summary_zh="成员根据分管工作提出拟议定事项，书记确定议题。",
        summary_en="Members propose items from their areas; the secretary settles the agenda.",
        citation=C.C19_1_AGENDA,
    ),
    # procedure
    RuleEntry(
        rule=R_ADHOC_REFUSED,
        topic="procedure",
        summary_zh="无特殊原因不得在会上提出临时动议议题。",
        summary_en="No ad-hoc motions without special reason.",
        citation=C.C19_1_NO_ADHOC,
    ),
    RuleEntry(
        rule=R_ADHOC_EMERGENCY,
        topic="procedure",
        summary_zh="遇突发事件和紧急情况可召开紧急会议，议题在会上提出。",
        summary_en="An emergency meeting may raise its items at the meeting.",
        citation=C.C18_EMERGENCY_MEETING,
    ),
    RuleEntry(
        rule=R_ADHOC_MAJOR,
        topic="procedure",
        summary_zh="研究决定重大问题的会议不得搞临时动议（紧急会议亦然；含处分党员）。",
        summary_en="Never an ad-hoc motion for a major matter, emergency meeting included.",
        citation=C.O_NO_ADHOC_MAJOR,
    ),
    RuleEntry(
        rule=R_ADHOC_PERSONNEL,
        topic="procedure",
        summary_zh="不得临时动议决定干部的任免；人事议题须在通知上列明。",
        summary_en="Cadre appointments are never decided ad hoc; personnel items are named in "
        "the notice.",
        citation=K.GB_NO_AD_HOC,
    ),
    RuleEntry(
        rule=R_EMERGENCY_DISPOSAL,
        topic="procedure",
        summary_zh="来不及开会时由书记临机处置或经书记同意由成员临时处理，事后向党组会议报告。",
        summary_en="No time for a meeting: the secretary, or a member with his consent, decides; "
        "reported to the next meeting.",
        citation=C.C18_DISPOSAL,
    ),
    RuleEntry(
        rule=R_RECONSIDERATION,
        topic="procedure",
        summary_zh="本规则未设复议程序；有不同意见的在执行前提下可声明保留或向上级反映。",
        summary_en="No reconsideration procedure; a dissenting member executes the decision and "
        "may reserve his view or report to the superior organization.",
        citation=C.C14_DISSENT,
    ),
    # oversight (classification of items)
    RuleEntry(
        rule=R_CLASSIFY_ORDINARY,
        topic="oversight",
        summary_zh="未涉及“三重一大”或干部任免、处分党员的议题按一般议题办理。",
        summary_en="Items outside 三重一大, appointments and discipline are ordinary.",
        citation=C.C6_SCOPE,
    ),
    RuleEntry(
        rule=R_CLASSIFY_MAJOR,
        topic="oversight",
        summary_zh="重大改革、部署、规划和重大项目安排属于“三重一大”。",
        summary_en="Major reforms, plans and projects are 三重一大 items.",
        citation=C.C6_2_MAJOR,
    ),
    RuleEntry(
        rule=R_CLASSIFY_FUNDS,
        topic="oversight",
        summary_zh="大额资金使用（达到设定金额，含本数）属于“三重一大”；金额标准未设置或未填金额时，"
        "从严按“三重一大”办理。",
        summary_en="Large-funds use (at or above the set amount) is a 三重一大 item; while the "
        "threshold is unset or the amount unknown, the item is held as one.",
        citation=C.C6_5_FUNDS,
    ),
    RuleEntry(
        rule=R_CLASSIFY_PERSONNEL,
        topic="oversight",
        summary_zh="干部任免议题适用干部任免的到会和表决规则。",
        summary_en="Cadre appointments take the personnel quorum and voting rules.",
        citation=C.C6_4_PERSONNEL,
    ),
    RuleEntry(
        rule=R_CLASSIFY_DISCIPLINE,
        topic="oversight",
        summary_zh="处分党员议题须三分之二以上成员到会，并按“三重一大”（重要人事任免）办理。",
        summary_en="Disciplining Party members needs two-thirds present and is a 三重一大 item "
        "(important personnel).",
        citation=C.C18_QUORUM,
    ),
    # obligations
    RuleEntry(
        rule=R_OB_ANNUAL_REPORT,
        topic="obligations",
        summary_zh="每年向市委作1次全面工作情况报告。",
        summary_en="One comprehensive report a year to the municipal Party committee.",
        citation=C.C12_ANNUAL_REPORT,
    ),
    RuleEntry(
        rule=R_OB_DISCIPLINE_REPORT,
        topic="obligations",
        summary_zh="每年向市委、市纪委市监委报告履行全面从严治党主体责任情况。",
        summary_en="A yearly report on Party-discipline duties to 市委 and 市纪委市监委.",
        citation=C.C26_DISCIPLINE_REPORT,
    ),
    RuleEntry(
        rule=R_OB_STUDY,
        topic="obligations",
        summary_zh="理论学习中心组每季度至少开展1次集中学习研讨。",
        summary_en="Theory-study group: at least one session a quarter.",
        citation=C.C22_2_STUDY,
    ),
    RuleEntry(
        rule=R_OB_DEMOCRATIC_LIFE,
        topic="obligations",
        summary_zh="民主生活会原则上每年1次。",
        summary_en="Democratic life meeting: once a year as a rule.",
        citation=C.C23_DEMOCRATIC_LIFE,
    ),
    RuleEntry(
        rule="ningbo.obligation.democratic_life_report",
        topic="obligations",
        summary_zh="民主生活会后及时向市纪委、市委组织部报告情况。",
        summary_en="After the democratic life meeting, report to 市纪委 and 市委组织部.",
        citation=C.C23_AFTER_REPORT,
    ),
    RuleEntry(
        rule=R_OB_PARTY_REVIEW,
        topic="obligations",
        summary_zh="每半年研究全面从严治党工作。",
        summary_en="Review Party discipline work every half-year.",
        citation=C.C7_REVIEWS,
    ),
    RuleEntry(
        rule=R_OB_IDEOLOGY_REVIEW,
        topic="obligations",
        summary_zh="每半年研究意识形态工作。",
        summary_en="Review ideology work every half-year.",
        citation=C.C7_REVIEWS,
    ),
    RuleEntry(
        rule=R_OB_DUTY_REPORT,
        topic="obligations",
        summary_zh="党组及其成员每年开展1次述职述责述廉。",
        summary_en="One duty/integrity report a year.",
        citation=C.C27_DUTY_REPORT,
    ),
    RuleEntry(
        rule=R_OB_FIELD_RESEARCH,
        topic="obligations",
        summary_zh="党组成员每年保证一定时间到基层走访调研（天数由单位设定）。",
        summary_en="Each member spends some time a year on field research (days set by the unit).",
        citation=C.C25_FIELD_RESEARCH,
    ),
]
CATALOG += scope_catalog("ningbo")  # issue 8, item 5: core.rules.scope
CATALOG += contract_catalog("ningbo")

KIND_INFO: list[ItemKindInfo] = [
    ItemKindInfo(kind=ItemKind.ORDINARY, label_zh="一般议题", label_en="Ordinary item"),
    ItemKindInfo(
        kind=ItemKind.MAJOR_MATTER,
        label_zh="“三重一大”事项",
        label_en="Major matter (三重一大)",
        citation=C.C19_1_MAJOR_INSPECTORS,
    ),
    ItemKindInfo(
        kind=ItemKind.PERSONNEL,
        label_zh="干部任免",
        label_en="Cadre appointment or removal",
        citation=C.C18_QUORUM,
    ),
    ItemKindInfo(
        kind=ItemKind.DISCIPLINE,
        label_zh="处分党员",
        label_en="Disciplining a Party member",
        citation=C.C18_QUORUM,
    ),
]
KINDS = tuple(k.kind for k in KIND_INFO)
