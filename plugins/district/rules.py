"""District government Party group (区政府党组会议议事规则): the rule table.

Source: `source.txt` beside this module, the first document of the meeting-rules compendium. It
sets no quorum and no passing base: 三(三) only 「按照少数服从多数的原则作出决定」. Those numbers
fall back to the oversight compendium's (三重一大实施办法 二, 实施细则 第六条(六)), and every such
verdict says so and cites 三(三) beside the compendium. The text leaves no "XX" blank of its
own; the baseline's settings (the compendium's blanks) apply.
"""

from __future__ import annotations

from datetime import date

from core.rules import compendium as K
from core.rules.builders import catalog_entry as E
from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    FixedAnswer,
    Threshold,
)
from core.rules.table import AdHoc, Classify, Funds, Materials, Notice, Passing, Quorum, RuleTable
from core.rules.table import Speaking as Sp
from core.rules.types import (
    AdHocPolicy,
    Citation,
    ConveningRule,
    DeferralRule,
    DeferTrigger,
    FollowUpRule,
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    LeaveRule,
    MaterialsReturn,
    MaterialsRule,
    MaterialsWindow,
    MinutesDue,
    MinutesRule,
    NoticeRule,
    Obligation,
    Outcome,
    ProcedureRule,
    Recipient,
    RuleVersion,
    SpeakingBinds,
    VotingRules,
)

N = "district"
VERSION = "district-1"
ORD, MAJOR, PERS, DISC, STUDY = (
    ItemKind.ORDINARY,
    ItemKind.MAJOR_MATTER,
    ItemKind.PERSONNEL,
    ItemKind.DISCIPLINE,
    ItemKind.STUDY,
)
MAJOR_KINDS = (MAJOR, PERS, DISC)


def _c(article: str, original: str) -> Citation:
    return Citation(article=article, original=original)


# --- this source's sentences ---------------------------------------------------------------------

D1_4 = _c("一(四)", "讨论研究人事奖惩等有关事宜")
D1_5 = _c("一(五)", "讨论审定区政府总体工作部署、重大工作事项、重要文件、工作制度等")
D1_6 = _c("一(六)", "加强党组理论学习，组织开展党组日常学习和工作交流")
D1_10 = _c("一(十)", "需要党组讨论决定的其他事项")
D2_1 = _c("二(一)", "党组会议根据工作需要不定期召开，原则上每月召开1次")
D2_2 = _c(
    "二(二)",
    "由党组书记召集和主持召开，特殊情况下由党组书记委托党组副书记召集和主持召开",
)
D2_3 = _c(
    "二(三)",
    "由区政府党组书记确定是否召开由区政府各部门、各单位负责人，各相关部门、单位人员列席和"
    "需要特别列席人员的扩大会议",
)
D2_4 = _c(
    "二(四)",
    "区政府党组会议召开前，先预通知区政府党组成员，征集会议议题，确定议题和召开时间后，"
    "通过电话或其他有效形式通知参会部门和单位负责人参会",
)
D2_5 = _c(
    "二(五)",
    "区党组参会人员如不能出席会议，应向党组书记请假；请假的党组成员对提交会议讨论的问题"
    "如有意见或建议，应书面形式在会前提交",
)
D2_6 = _c(
    "二(六)",
    "标有“会后收回”或有密级的文件等会议材料，会后留置会场由工作人员回收。",
)
D2_6_SECRECY = _c("二(六)", "严格遵守保密纪律，未经同意，不得传达扩散会议内容")
D3_1 = _c(
    "三(一)",
    "重要工作部署、贯彻执行情况及时向区委汇报、向人大报告、向政协通报",
)
D3_2 = _c(
    "三(二)",
    "党组成员个人无权决定应由党组集体决定的重大问题，也无权改变党组已做出的决定",
)
#: The only counting sentence: no quorum, no base.
D3_3_MAJORITY = _c(
    "三(三)",
    "党组决定重要事项、重大问题时，必须坚持民主集中制原则，按照少数服从多数的原则作出决定。",
)
D3_3_BALLOT = _c("三(三)", "根据有关规定，重要事项可以采取票决制。")
D3_3_DISSENT = _c("三(三)", "少数人的意见可以保留，也可以向上级党组织报告。")
D3_3_DEFER = _c(
    "三(三)",
    "若党组成员对需要决定的重大问题持有不同意见难以统一时，可暂缓作出决定，"
    "在进一步酝酿或向上级党组织汇报请示后再作决定。",
)
D3_3_CHANGE = _c(
    "三(三)",
    "在执行过程中，如果发现与党组决定不相符的情况，或需改变党组决定，要及时提交党组会议讨论",
)
D3_4 = _c("三(四)", "党组开展的重大工作和重要活动，必须按程序向区委请示报告。")
D3_6 = _c(
    "三(六)",
    "党组向组织部门推荐干部，必须对所推荐人选的德才表现和廉洁自律等情况严格把关，"
    "并召开党组会议集体研究后报组织部门",
)
D3_7 = _c(
    "三(七)",
    "对违纪违法的干部必须按照有关规定和组织程序查处",
)
D4_1 = _c("四(一)", "必须在第一时间组织学习、第一时间传达落实")
D4_2 = _c("四(二)", "党组原则上每年召开一次民主生活会")

#: Said in every verdict whose number is the compendium's.
NOTE_ZH = (
    "（本规则未规定到会人数和表决基数，三(三)仅规定“按照少数服从多数的原则作出决定”，按汇编标准。）"
)
NOTE_EN = (
    " (These rules set no quorum and no base, 三(三) only 'majority decides': "
    "the compendium's number applies.)"
)


def _fallback_q(rule: str, threshold: Threshold, citation: Citation, in_charge: bool) -> Quorum:
    """A quorum whose number is the compendium's (三重一大实施办法 二), said in the verdict."""
    return Quorum(
        rule=rule,
        threshold=threshold,
        citation=citation,
        in_charge=in_charge,
        in_charge_citation=K.SZ_QUORUM if in_charge else None,
        see_also=[D3_3_MAJORITY],
        note_zh=NOTE_ZH,
        note_en=NOTE_EN,
    )


_VOTING = VotingRules(
    # Method not written ("重要事项可以采取票决制"); the compendium: 记名 (口头、举手、记名投票).
    methods=["oral", "hands", "named_ballot", "secret_ballot"],
    default_method="hands",
    named_by_default=False,
    item_by_item=True,
    person_by_person=False,
    split_opinions_defer=True,
    citations=[D3_3_MAJORITY, D3_3_BALLOT, K.XZ_PASSING],
    named=False,
    deferral=DeferralRule(
        mandatory=False,
        triggers=[DeferTrigger.SPLIT_OPINIONS],
        then_zh="在进一步酝酿或向上级党组织汇报请示后再作决定",
        citation=D3_3_DEFER,
    ),
)
_VOTING_MAJOR = VotingRules(
    methods=["oral", "hands", "named_ballot"],
    default_method="named_ballot",
    named_by_default=True,
    item_by_item=True,
    person_by_person=False,
    split_opinions_defer=True,
    citations=[D3_3_MAJORITY, D3_3_BALLOT, K.XZ_PASSING, K.XZ_NAMED, K.XZ_DEFER_CLOSE],
    named=True,
    deferral=_VOTING.deferral,
)

_NOTICE_MEMBERS = NoticeRule(
    rule=f"{N}.notice.members",
    recipients="members",
    days_before=None,
    note_zh="会前先预通知党组成员并征集议题。",
    citation=D2_4,
)
_NOTICE_ATTENDEES = NoticeRule(
    rule=f"{N}.notice.attendees",
    recipients="attendees",
    days_before=None,
    note_zh="确定议题和时间后，通过电话或其他有效形式通知参会部门和单位负责人。",
    citation=D2_4,
)
_WORKING_DAY = NoticeRule(
    rule=f"{N}.notice.members_working_day",
    recipients="members",
    days_before=1,
    working_days=True,
    materials=True,
    written=True,
    note_zh="本规则未定天数：按汇编至少提前1个工作日（含议题及有关资料）。",
    citation=K.XZ_NOTICE,
    see_also=[K.XZ_ALL_ITEMS],
)

_FUNDS_HELD = FixedAnswer(
    outcome=Outcome.MET,
    zh="资金类议题未填写金额：补填前按“三重一大”大额资金使用从严办理。",
    en="A funds item without an amount: held as a 三重一大 item until the amount is given.",
)

TABLE = RuleTable(
    info=JurisdictionInfo(
        name=N,
        body_zh="区政府党组",
        body_en="District government Party group",
        source_title="区政府党组会议议事规则",
        source_date="",
        source_file="source.txt",
        rules_version=VERSION,
    ),
    versions=[
        RuleVersion(
            version=VERSION,
            # "自印发之日起施行" with no date: the platform takes 2024-01-01.
            effective_from=date(2024, 1, 1),
            source_title="区政府党组会议议事规则",
            note="原文未注明日期（四(六)“自印发之日起施行”）；平台按2024-01-01起算。",
        )
    ],
    kinds=[
        ItemKindInfo(kind=ORD, label_zh="一般议题", label_en="Ordinary item"),
        ItemKindInfo(
            kind=MAJOR, label_zh="重要事项、重大问题", label_en="Major matter", citation=D1_5
        ),
        ItemKindInfo(kind=PERS, label_zh="人事奖惩、推荐干部", label_en="Personnel", citation=D1_4),
        ItemKindInfo(kind=DISC, label_zh="查处违纪违法干部", label_en="Discipline", citation=D3_7),
        ItemKindInfo(kind=STUDY, label_zh="党组学习", label_en="Study", citation=D1_6),
    ],
    major_kinds=MAJOR_KINDS,
    meeting_quorum=_fallback_q(f"{N}.quorum.meeting", HALF_OR_MORE, K.SZ_QUORUM, False),
    item_quorum={
        MAJOR: _fallback_q(f"{N}.quorum.major_matter", HALF_OR_MORE, K.SZ_QUORUM, True),
        PERS: _fallback_q(f"{N}.quorum.personnel", TWO_THIRDS_OR_MORE, K.SZ_CADRE_TWO_THIRDS, True),
        DISC: _fallback_q(
            f"{N}.quorum.discipline", TWO_THIRDS_OR_MORE, K.SZ_CADRE_TWO_THIRDS, True
        ),
    },
    passing={
        ORD: Passing(
            rule=f"{N}.passing.majority_of_expected",
            threshold=MORE_THAN_HALF,
            citation=K.XZ_PASSING,
            see_also=[D3_3_MAJORITY],
            note_zh=NOTE_ZH,
            note_en=NOTE_EN,
        )
    },
    voting={ORD: _VOTING, MAJOR: _VOTING_MAJOR, PERS: _VOTING_MAJOR, DISC: _VOTING_MAJOR},
    speaking={
        ORD: Sp(
            rule=f"{N}.speaking.platform_default",
            last="chair",
            binds=SpeakingBinds.NONE,
            zh="本规则未规定发言顺序：平台默认按排序发言、主持人最后，会议可不受此约束。",
            en="No speaking order written: by rank with the chair last, a default the meeting "
            "may ignore.",
            citation=D2_2,
        )
    },
    notices=[
        Notice(notice=_NOTICE_MEMBERS),
        Notice(notice=_NOTICE_ATTENDEES),
        Notice(kinds=(ORD, MAJOR, STUDY), notice=_WORKING_DAY, major_setting=True),
        Notice(
            kinds=(PERS, DISC),
            major_setting=True,
            notice=NoticeRule(
                rule=f"{N}.notice.members_working_day",
                recipients="members",
                days_before=1,
                working_days=True,
                written=True,
                note_zh="人事议题须在通知上列明，材料上会时发放、会后收回。",
                citation=K.XZ_NOTICE,
                see_also=[K.XZ_ALL_ITEMS, K.XZ_PERSONNEL_MATERIALS],
            ),
        ),
    ],
    ad_hoc=[
        AdHoc(
            kinds=(PERS, DISC),
            rule=f"{N}.adhoc.personnel_refused",
            allowed=False,
            zh="不得临时动议决定干部的任免；人事议题须在会议通知上列明。",
            en="Cadre matters are never raised ad hoc; personnel items are named in the notice.",
            citation=K.GB_NO_AD_HOC,
            see_also=[K.XZ_PERSONNEL_MATERIALS],
        ),
        AdHoc(
            kinds=(MAJOR,),
            rule=f"{N}.adhoc.major_refused",
            allowed=False,
            zh="研究决定重大问题的会议不得搞临时动议。",
            en="No ad-hoc motion at a meeting deciding major matters.",
            citation=K.XZ_NO_AD_HOC_MAJOR,
        ),
        AdHoc(
            rule=f"{N}.adhoc.refused",
            allowed=False,
            zh="本规则未规定临时动议：按汇编，会上须按通知所列议题议事，不许临时动议。",
            en="These rules are silent: the compendium's 'only the items notified'.",
            citation=K.XZ_NO_AD_HOC,
            see_also=[D2_4],
        ),
    ],
    ad_hoc_policy=AdHocPolicy(
        never=list(MAJOR_KINDS),
        citation=K.XZ_NO_AD_HOC,
        see_also=[K.XZ_NO_AD_HOC_MAJOR, K.GB_NO_AD_HOC],
    ),
    reconsideration=ProcedureRule(
        rule=f"{N}.procedure.reconsideration",
        allowed=True,
        who_zh="党组会议",
        conditions_zh="执行中发现与党组决定不相符的情况或需改变党组决定的，及时提交党组会议讨论；"
        "党组未重新作出决定前不得有相违背的言行",
        citation=D3_3_CHANGE,
    ),
    categories={
        "personnel": Classify(
            kind=PERS,
            rule=f"{N}.classify.personnel",
            zh="涉及人事奖惩、推荐干部：三分之二以上党组成员到会（汇编标准），属“三重一大”重要人事。",
            en="Personnel: two-thirds quorum (the compendium's), a 三重一大 personnel matter.",
            citation=D1_4,
        ),
        "discipline": Classify(
            kind=DISC,
            rule=f"{N}.classify.discipline",
            zh="涉及查处违纪违法干部：属“三重一大”重要人事（违纪处理）。",
            en="Discipline: a 三重一大 personnel matter (handling of breaches).",
            citation=K.SZ_DISCIPLINE,
        ),
        "decision": Classify(
            kind=MAJOR,
            rule=f"{N}.classify.major_matter",
            zh="属重要事项、重大问题，按“三重一大”事项办理。",
            en="A major matter: a 三重一大 item.",
            citation=D1_5,
        ),
        "project": Classify(
            kind=MAJOR,
            rule=f"{N}.classify.major_matter",
            zh="属重大项目安排，按“三重一大”事项办理。",
            en="A major project: a 三重一大 item.",
            citation=K.SZ_SCOPE,
        ),
    },
    funds={
        "funds": Funds(
            rule=f"{N}.classify.major_funds",
            key="major_funds_threshold_wan",
            inclusive=True,
            citation=K.SZ_SPENDING,
            without_amount=_FUNDS_HELD,
        )
    },
    rank={ORD: 0, STUDY: 0, MAJOR: 1, DISC: 2, PERS: 3},
    unclassified=Classify(
        kind=ORD,
        rule=f"{N}.classify.ordinary",
        zh="未勾选“三重一大”、人事或违纪类别，按申报类型（{declared}）办理。",
        en="No 三重一大, personnel or discipline category: kept as declared ({declared}).",
        citation=D1_10,
    ),
    obligations=[
        Obligation(
            rule=f"{N}.obligation.regular_meetings",
            kind="regular_meeting",
            label_zh="党组会议（原则上每月1次）",
            count=1,
            period="month",
            generally=True,
            citation=D2_1,
        ),
        Obligation(
            rule=f"{N}.obligation.democratic_life",
            kind="democratic_life",
            label_zh="党组民主生活会（原则上每年一次）",
            count=1,
            period="year",
            generally=True,
            citation=D4_2,
        ),
    ],
    recipients={
        "report_to_superior": [
            Recipient(
                who_zh="区委", who_en="District Party committee", when="on_issue", citation=D3_1
            ),
        ],
        "report_to_npc": [
            Recipient(
                who_zh="区人大", who_en="District people's congress", when="on_issue", citation=D3_1
            ),
        ],
        "inform_cppcc": [
            Recipient(who_zh="区政协", who_en="District CPPCC", when="on_issue", citation=D3_1),
        ],
    },
    convening=ConveningRule(
        convenes=["secretary"],
        delegates_to=["deputy_secretary"],
        delegation_when_zh="特殊情况下由党组书记委托",
        citation=D2_2,
    ),
    # Silent on minutes: the compendium's 重大问题会议纪要 (实施细则 第六条(七)).
    minutes=MinutesRule(
        due=MinutesDue.DECIDED_ITEMS, signers=["secretary"], citation=K.XZ_MINUTES_SERIES
    ),
    leave=LeaveRule(
        approver="secretary", written_opinion=True, opinion_due="before_meeting", citation=D2_5
    ),
    own_materials=True,
    materials=[
        Materials(
            kinds=(ORD, MAJOR, STUDY),
            materials=MaterialsRule(
                recipients="members",
                window=MaterialsWindow.WITH_NOTICE,
                days_before=1,
                working_days=True,
                returned=MaterialsReturn.AFTER_MEETING,
                citation=D2_6,
            ),
        ),
        Materials(
            kinds=(PERS, DISC),
            materials=MaterialsRule(
                recipients="members",
                window=MaterialsWindow.AT_MEETING,
                returned=MaterialsReturn.AFTER_MEETING,
                citation=K.XZ_PERSONNEL_MATERIALS,
            ),
        ),
    ],
    follow_up=FollowUpRule(
        tracker_zh="党组成员（按照分工）", reports_to_zh="党组会议", citation=K.XZ_FOLLOW_UP
    ),
    agenda=None,
    agenda_silent=D4_1,
    # Rows no other row of the table answers with (the others derive their own).
    catalog=[
        E(
            f"{N}.meetings.convene",
            "meetings",
            "书记召集和主持；特殊情况下委托副书记",
            "The secretary convenes and chairs; the deputy on his delegation",
            D2_2,
        ),
        E(
            f"{N}.meetings.enlarged",
            "meetings",
            "书记确定是否召开扩大会议",
            "The secretary decides on an enlarged meeting",
            D2_3,
        ),
        E(
            f"{N}.meetings.leave",
            "meetings",
            "不能出席向书记请假，意见会前书面提交",
            "Leave from the secretary; written opinion before the meeting",
            D2_5,
        ),
        E(
            f"{N}.meetings.confidentiality",
            "meetings",
            "未经同意不得传达扩散会议内容",
            "Meeting content confidential",
            D2_6_SECRECY,
        ),
        E(
            f"{N}.meetings.materials",
            "meetings",
            "标“会后收回”或有密级的材料会后回收",
            "Marked or classified materials collected after the meeting",
            D2_6,
        ),
        E(
            f"{N}.meetings.minutes",
            "meetings",
            "本规则未规定纪要：按汇编形成重大问题会议纪要",
            "Silent on minutes: the compendium's minutes",
            K.XZ_MINUTES_SERIES,
        ),
        E(
            f"{N}.meetings.follow_up",
            "meetings",
            "党组成员按照分工督促落实（汇编）",
            "Members follow up by their areas (compendium)",
            K.XZ_FOLLOW_UP,
        ),
        E(
            f"{N}.voting.ballot",
            "voting",
            "重要事项可以采取票决制",
            "Important matters may be decided by ballot",
            D3_3_BALLOT,
        ),
        E(
            f"{N}.voting.defer",
            "voting",
            "不同意见难以统一可暂缓，酝酿或向上级请示后再决定",
            "Split opinions may defer; decide after consulting the superior",
            D3_3_DEFER,
        ),
        E(
            f"{N}.voting.dissent",
            "voting",
            "少数意见可以保留或向上级报告",
            "A minority view may be reserved or reported up",
            D3_3_DISSENT,
        ),
        E(
            f"{N}.voting.collective",
            "voting",
            "个人无权决定应由集体决定的重大问题",
            "No member decides alone what the body decides",
            D3_2,
        ),
        E(
            f"{N}.reports.superior",
            "obligations",
            "向区委汇报、向人大报告、向政协通报",
            "Report to the district committee, the congress and the CPPCC",
            D3_1,
        ),
        E(
            f"{N}.reports.requests",
            "obligations",
            "重大工作和重要活动按程序向区委请示报告",
            "Major work asked of the district committee first",
            D3_4,
        ),
        E(
            f"{N}.reports.cadres",
            "obligations",
            "推荐干部须集体研究后报组织部门",
            "Cadre recommendations studied together, then sent",
            D3_6,
        ),
    ],
)
