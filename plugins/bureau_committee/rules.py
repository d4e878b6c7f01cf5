"""Bureau Party committee (局委员会议事规则): the rule table.

Source: `source.txt` beside this module, the third document of the meeting-rules compendium: a
党委 of 委员, not a 党组 (positions: 书记 = secretary, 副书记 = deputy_secretary, 委员 = member).
Its one blank: 「党委会会议一般每月召开x次」 (二、1), a setting. Where it is silent (the
三重一大 member in charge, the 1-working-day notice, the major minutes series) the oversight
compendium answers, cited as such.
"""

from __future__ import annotations

from datetime import date

import msgspec

from core.rules import compendium as K
from core.rules.builders import catalog_entry as E
from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    FixedAnswer,
)
from core.rules.table import (
    AdHoc,
    Agenda,
    Classify,
    Funds,
    Materials,
    Notice,
    Passing,
    Quorum,
    RuleTable,
)
from core.rules.table import Speaking as Sp
from core.rules.types import (
    AdHocPolicy,
    Binding,
    Category,
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
    MeetingKind,
    MinutesDue,
    MinutesRule,
    NoticeRule,
    Obligation,
    Outcome,
    ProcedureRule,
    Recipient,
    RuleVersion,
    SettingSpec,
    VotingRules,
)

N = "bureau_committee"
VERSION = "bureau_committee-1"
ORD, MAJOR, PERS, DISC, STUDY = (
    ItemKind.ORDINARY,
    ItemKind.MAJOR_MATTER,
    ItemKind.PERSONNEL,
    ItemKind.DISCIPLINE,
    ItemKind.STUDY,
)
MAJOR_KINDS = (MAJOR, PERS, DISC)
MEETINGS_PER_MONTH = "regular_meetings_per_month"


def _c(article: str, original: str) -> Citation:
    return Citation(article=article, original=original)


# --- this source's sentences ---------------------------------------------------------------------

B1_1 = _c("一、1", "坚持“第一议题”制度，深入学习A新时代中国特色社会主义思想")
B1_3 = _c(
    "一、3",
    "研究和决定科技发展工作的重大改革、科技发展规划等重大事项、重大项目安排和大额资金使用、"
    "大额资产处置、预算安排等事项。",
)
B1_4 = _c("一、4", "审议以党委名义上报市委的重要请示、报告")
B1_5_CADRES = _c("一、5", "按照干部管理权限和程序，推荐、提名、任免和管理干部")
B1_5_DISCIPLINE = _c("一、5", "研究干部选拔、培养、考核、任免、监督和奖惩等工作事项")
B1_8 = _c("一、8", "其他应当由局党委讨论和决定的重大问题。")
B2_1 = _c("二、1", "党委会会议一般每月召开x次，如工作需要也可随时召开。")
B2_2 = _c(
    "二、2",
    "党委会会议由党委书记召集并主持，也可由党委书记委托党委副书记或其他党委成员召集并主持。",
)
B2_3 = _c(
    "二、3",
    "民主党派或无党派局领导、派驻纪检监察组负责人及办公室主任、人事处处长、机关党委专职副书记"
    "列席会议。",
)
B2_4_QUORUM = _c("二、4", "召开党委会会议必须有半数以上党委委员方可举行")
B2_4_CADRES = _c("二、4", "讨论干部任免事项时，必须有三分之二以上党委委员到会方可举行。")
B2_5 = _c("二、5", "党委委员或列席人员因故不能参加会议的，应在会前向会议召集人请假。")
B3_1 = _c("三、1", "党委会会议的议题由党委书记确定，或由党委书记委托会议召集人确定。")
B3_3_APPLY = _c("三、3", "同会议资料在会前2天书面提交办公室")
B3_3_FILING = _c(
    "三、3", "如涉及“三重一大”事项提前填写备案表，由局机关纪委汇总报派驻纪检监察组备案"
)
B3_3_ORAL = _c(
    "三、3", "如遇特殊情况，提交党委会会议讨论的议题可以口头报党委书记同意，也可随时提出。"
)
B3_4 = _c(
    "三、4",
    "党委会会议的召开时间、地点、议题，一般在会议召开前1天由办公室通知各参加会议人员。",
)
B3_5_NO_AD_HOC = _c("三、5", "凡未列入党委会会议议题的临时动议，原则上不进行讨论。")
B3_5_TEMPORARY = _c(
    "三、5", "除因特殊情况临时召开外，议题应当提前通知局领导班子成员和列席会议的同志。"
)
B4_2 = _c("四、2", "党委书记应当最后表态。")
B4_3_PASSING = _c("四、3", "表决时按照少数服从多数的原则，以超过应到会党委委员半数同意为通过")
B4_3_ITEMS = _c(
    "四、3",
    "会议决定多个事项的，应逐项表决；推荐、提名干部和决定干部任免、奖惩事项，应逐个表决。",
)
B4_3_METHODS = _c("四、3", "表决视情况可采取口头、举手、无记名投票等方式进行。")
B4_4 = _c("四、4", "对意见分歧较大或者有重大问题不清楚的，应当暂缓做出决定。")
B4_5 = _c(
    "四、5", "会议所要讨论决定的议题若涉及党委会某一成员或其亲属的有关问题时，当事人必须回避。"
)
B4_6 = _c(
    "四、6",
    "对重大突发事件和紧急情况，来不及召开党委会的，党委委员可临时处置，事后应及时向党委会报告。",
)
B4_7_SECRET = _c("四、7", "涉密会议资料议题结束即行收回。")
B4_7_RETURN = _c(
    "四、7", "除学习资料外，对会议审议讨论的文件、资料要妥善保管或者会后退回,防止丢失。"
)
B4_8_RECORD = _c("四、8", "如需查询党委会会议记录的，须经党委书记同意。")
B4_8_MINUTES = _c("四、8", "党委会会议决议的内容，必要时可形成纪要下发执行。")
B5_1 = _c(
    "五、1",
    "如果对决议持有不同意见，允许保留，也允许向上级党组织申述自己的意见，但在行动上要按集体决定执行。",
)
B5_3 = _c(
    "五、3",
    "党委会会议决定的事项，由办公室、人事处、机关党委具体负责督办，并将情况及时向党委会报告。",
)

_DEFERRAL = DeferralRule(
    mandatory=True,
    triggers=[DeferTrigger.SPLIT_OPINIONS, DeferTrigger.UNCLEAR_FACTS],
    then_zh="暂缓做出决定",
    citation=B4_4,
)


def _voting(*, major: bool, person_by_person: bool) -> VotingRules:
    # 四、3: 口头、举手、无记名投票等 — no named ballot. 三重一大 kinds: each member's choice
    # recorded (实施细则 第六条(五)), which an oral or show-of-hands vote allows.
    cites = [B4_3_PASSING, B4_3_ITEMS, B4_3_METHODS, B4_4]
    return VotingRules(
        methods=["oral", "hands", "secret_ballot"],
        default_method="hands",
        named_by_default=False,
        item_by_item=True,
        person_by_person=person_by_person,
        split_opinions_defer=True,
        citations=[*cites, K.XZ_NAMED] if major else cites,
        named=major,
        deferral=_DEFERRAL,
    )


def _notice(rule: str, recipients: str, kinds: tuple[ItemKind, ...], exempt: bool) -> Notice:
    return Notice(
        kinds=kinds,
        notice=NoticeRule(
            rule=rule,
            recipients=recipients,
            days_before=1,
            note_zh="一般在会议召开前1天由办公室通知；特殊情况临时召开的除外。",
            citation=B3_4,
            see_also=[B3_5_TEMPORARY],
            binding=Binding.GENERALLY,
            exempt_at=[MeetingKind.TEMPORARY, MeetingKind.EMERGENCY] if exempt else [],
            exception_zh="因特殊情况临时召开",
            exception_citation=B3_5_TEMPORARY,
        ),
    )


_ORDINARY_KINDS = (ORD, STUDY)
_WORKING_DAY = NoticeRule(
    rule=f"{N}.notice.members_working_day",
    recipients="members",
    days_before=1,
    working_days=True,
    written=True,
    materials=True,
    note_zh="通知含议题及有关资料，至少提前1个工作日（汇编）。",
    citation=K.XZ_NOTICE,
    see_also=[K.XZ_ALL_ITEMS],
)

TABLE = RuleTable(
    info=JurisdictionInfo(
        name=N,
        body_zh="局党委",
        body_en="Bureau Party committee",
        source_title="局委员会议事规则",
        source_date="",
        source_file="source.txt",
        rules_version=VERSION,
    ),
    versions=[
        RuleVersion(
            version=VERSION,
            effective_from=date(2024, 1, 1),
            source_title="局委员会议事规则",
            note="原文未注明日期；平台按2024-01-01起算。",
        )
    ],
    settings=[
        SettingSpec(
            key=MEETINGS_PER_MONTH,
            type="int",
            label_zh="党委会会议每月召开次数",
            label_en="Committee meetings per month",
            unit="次/月",
            minimum=1,
            maximum=8,
            article=B2_1.article,
            original=B2_1.original,
        )
    ],
    kinds=[
        ItemKindInfo(kind=ORD, label_zh="一般议题", label_en="Ordinary item"),
        ItemKindInfo(kind=MAJOR, label_zh="“三重一大”事项", label_en="Major matter", citation=B1_3),
        ItemKindInfo(
            kind=PERS, label_zh="干部推荐、提名、任免", label_en="Cadres", citation=B1_5_CADRES
        ),
        ItemKindInfo(
            kind=DISC,
            label_zh="干部奖惩",
            label_en="Rewards and sanctions",
            citation=B1_5_DISCIPLINE,
        ),
        ItemKindInfo(
            kind=STUDY, label_zh="“第一议题”学习", label_en="Study (第一议题)", citation=B1_1
        ),
    ],
    major_kinds=MAJOR_KINDS,
    meeting_quorum=Quorum(rule=f"{N}.quorum.meeting", threshold=HALF_OR_MORE, citation=B2_4_QUORUM),
    item_quorum={
        MAJOR: Quorum(
            rule=f"{N}.quorum.major_matter",
            threshold=HALF_OR_MORE,
            citation=K.SZ_QUORUM,
            in_charge=True,
            in_charge_citation=K.SZ_QUORUM,
            see_also=[B2_4_QUORUM],
        ),
        PERS: Quorum(
            rule=f"{N}.quorum.personnel",
            threshold=TWO_THIRDS_OR_MORE,
            citation=B2_4_CADRES,
            in_charge=True,
            in_charge_citation=K.SZ_QUORUM,
        ),
        # 奖惩 is no 干部任免 here; as 违纪处理 it is 重要人事 (一(二)5), and the compendium's
        # 「讨论干部问题时…三分之二以上」 gives the number.
        DISC: Quorum(
            rule=f"{N}.quorum.discipline",
            threshold=TWO_THIRDS_OR_MORE,
            citation=K.SZ_CADRE_TWO_THIRDS,
            in_charge=True,
            in_charge_citation=K.SZ_QUORUM,
            see_also=[K.SZ_DISCIPLINE],
        ),
    },
    passing={
        ORD: Passing(
            rule=f"{N}.passing.majority_of_expected",
            threshold=MORE_THAN_HALF,
            citation=B4_3_PASSING,
        )
    },
    voting={
        ORD: _voting(major=False, person_by_person=False),
        STUDY: _voting(major=False, person_by_person=False),
        MAJOR: _voting(major=True, person_by_person=False),
        PERS: _voting(major=True, person_by_person=True),
        DISC: _voting(major=True, person_by_person=True),
    },
    speaking={
        ORD: Sp(
            rule=f"{N}.speaking.secretary_last",
            last="secretary",
            zh="党委书记应当最后表态。",
            en="The secretary states his position last.",
            citation=B4_2,
        )
    },
    notices=[
        _notice(f"{N}.notice.members", "members", _ORDINARY_KINDS, True),
        _notice(f"{N}.notice.attendees", "attendees", _ORDINARY_KINDS, True),
        _notice(f"{N}.notice.members", "members", MAJOR_KINDS, False),
        _notice(f"{N}.notice.attendees", "attendees", MAJOR_KINDS, False),
        Notice(
            kinds=_ORDINARY_KINDS,
            notice=msgspec.structs.replace(
                _WORKING_DAY,
                exempt_at=[MeetingKind.TEMPORARY, MeetingKind.EMERGENCY],
                exception_citation=B3_5_TEMPORARY,
            ),
        ),
        Notice(kinds=(MAJOR,), notice=_WORKING_DAY, major_setting=True),
        Notice(
            kinds=(PERS, DISC),
            major_setting=True,
            notice=NoticeRule(
                rule=f"{N}.notice.members_working_day",
                recipients="members",
                days_before=1,
                working_days=True,
                written=True,
                note_zh="人事议题须在通知上列明，材料上会时发放、议题结束即行收回。",
                citation=K.XZ_NOTICE,
                see_also=[K.XZ_ALL_ITEMS, K.XZ_PERSONNEL_MATERIALS],
            ),
        ),
        Notice(
            kinds=MAJOR_KINDS,
            notice=NoticeRule(
                rule=f"{N}.notice.inspectors_filing",
                recipients="inspectors",
                days_before=None,
                note_zh="“三重一大”事项提前填写备案表，由局机关纪委汇总报派驻纪检监察组备案。",
                citation=B3_3_FILING,
            ),
        ),
    ],
    ad_hoc=[
        AdHoc(
            kinds=(PERS, DISC),
            rule=f"{N}.adhoc.personnel_refused",
            allowed=False,
            zh="不得临时动议决定干部的任免、奖惩；须列入议题并在通知上列明。",
            en="Cadre matters are never raised ad hoc, even with the secretary's consent.",
            citation=K.GB_NO_AD_HOC,
            see_also=[B3_5_NO_AD_HOC],
        ),
        AdHoc(
            kinds=(MAJOR,),
            rule=f"{N}.adhoc.major_refused",
            allowed=False,
            zh="研究决定“三重一大”事项的会议不得搞临时动议。",
            en="No ad-hoc motion on a 三重一大 matter.",
            citation=K.XZ_NO_AD_HOC_MAJOR,
            see_also=[B3_5_NO_AD_HOC],
        ),
        AdHoc(
            rule=f"{N}.adhoc.secretary_consent",
            allowed=True,
            zh="未列入议题的临时动议原则上不进行讨论；如遇特殊情况，经口头报党委书记同意可随时提出。",
            en="Not in principle; in special circumstances with the secretary's oral consent.",
            citation=B3_3_ORAL,
            see_also=[B3_5_NO_AD_HOC],
        ),
    ],
    ad_hoc_policy=AdHocPolicy(
        allowed_at=list(MeetingKind),
        consent="secretary",
        never=list(MAJOR_KINDS),
        citation=B3_3_ORAL,
        see_also=[B3_5_NO_AD_HOC, K.GB_NO_AD_HOC, K.XZ_NO_AD_HOC_MAJOR],
    ),
    emergency=ProcedureRule(
        rule=f"{N}.procedure.emergency_disposal",
        allowed=True,
        who_zh="党委委员",
        conditions_zh="重大突发事件和紧急情况，来不及召开党委会的，可临时处置；事后应及时向党委会报告",
        report_to_next_meeting=True,
        citation=B4_6,
    ),
    reconsideration=ProcedureRule(
        rule=f"{N}.procedure.reconsideration",
        allowed=False,
        conditions_zh="本规则未规定复议；对决议持有不同意见的，允许保留，也允许向上级党组织申述，"
        "但在行动上按集体决定执行",
        citation=B5_1,
    ),
    categories={
        Category.PERSONNEL: Classify(
            kind=PERS,
            rule=f"{N}.classify.personnel",
            zh="涉及干部推荐、提名、任免：三分之二以上党委委员到会，逐个表决。",
            en="Cadres: two-thirds quorum, person by person.",
            citation=B1_5_CADRES,
        ),
        Category.DISCIPLINE: Classify(
            kind=DISC,
            rule=f"{N}.classify.discipline",
            zh="涉及干部奖惩：属“三重一大”重要人事，逐个表决。",
            en="Rewards and sanctions: a 三重一大 personnel matter, person by person.",
            citation=B1_5_DISCIPLINE,
        ),
        Category.DECISION: Classify(
            kind=MAJOR,
            rule=f"{N}.classify.major_matter",
            zh="属重大事项，按“三重一大”事项办理。",
            en="A major matter: a 三重一大 item.",
            citation=B1_3,
        ),
        Category.PROJECT: Classify(
            kind=MAJOR,
            rule=f"{N}.classify.major_matter",
            zh="属重大项目安排，按“三重一大”事项办理。",
            en="A major project: a 三重一大 item.",
            citation=B1_3,
        ),
    },
    funds={
        Category.FUNDS: Funds(
            rule=f"{N}.classify.major_funds",
            key="major_funds_threshold_wan",
            inclusive=True,
            citation=K.SZ_SPENDING,
            without_amount=FixedAnswer(
                outcome=Outcome.MET,
                zh="资金类议题未填写金额：补填前按“三重一大”大额资金使用从严办理。",
                en="A funds item without an amount: held as 三重一大 until it is given.",
            ),
        )
    },
    # 一、3 「预算安排」 is 三重一大 whatever the amount.
    own_scope={Category.BUDGET: B1_3},
    rank={ORD: 0, STUDY: 0, MAJOR: 1, DISC: 2, PERS: 3},
    unclassified=Classify(
        kind=ORD,
        rule=f"{N}.classify.ordinary",
        zh="未勾选“三重一大”、干部或奖惩类别，按申报类型（{declared}）办理。",
        en="No 三重一大, cadre or sanction category: kept as declared ({declared}).",
        citation=B1_8,
    ),
    obligations=[
        Obligation(
            rule=f"{N}.obligation.regular_meetings",
            kind="regular_meeting",
            label_zh="党委会会议（一般每月x次）",
            count=None,
            count_setting=MEETINGS_PER_MONTH,
            period="month",
            generally=True,
            citation=B2_1,
        )
    ],
    recipients={
        "report_to_superior": [
            Recipient(
                who_zh="市委", who_en="Municipal Party committee", when="on_issue", citation=B1_4
            )
        ],
    },
    convening=ConveningRule(
        convenes=["secretary"],
        delegates_to=["deputy_secretary", "member"],
        delegation_when_zh="由党委书记委托",
        citation=B2_2,
    ),
    minutes=MinutesRule(due=MinutesDue.WHEN_NEEDED, signers=["secretary"], citation=B4_8_MINUTES),
    leave=LeaveRule(approver="convener", written_opinion=True, citation=B2_5),
    own_materials=True,
    materials=[
        Materials(
            kinds=(ORD, MAJOR),
            materials=MaterialsRule(
                recipients="members",
                window=MaterialsWindow.WITH_NOTICE,
                days_before=1,
                working_days=True,
                returned=MaterialsReturn.AFTER_ITEM,
                citation=B4_7_SECRET,
            ),
        ),
        Materials(
            kinds=(STUDY,),
            materials=MaterialsRule(
                recipients="members",
                window=MaterialsWindow.WITH_NOTICE,
                returned=MaterialsReturn.KEPT,
                citation=B4_7_RETURN,
            ),
        ),
        Materials(
            kinds=(PERS, DISC),
            materials=MaterialsRule(
                recipients="members",
                window=MaterialsWindow.AT_MEETING,
                returned=MaterialsReturn.AFTER_ITEM,
                citation=K.XZ_PERSONNEL_MATERIALS,
            ),
        ),
    ],
    follow_up=FollowUpRule(
        tracker_zh="办公室、人事处、机关党委", reports_to_zh="党委会", citation=B5_3
    ),
    agenda=Agenda(rule=f"{N}.meetings.first_item", citation=B1_1),
    # Rows no other row of the table answers with (the others derive their own).
    catalog=[
        E(
            f"{N}.meetings.attendees",
            "meetings",
            "列席人员按职务：非党局领导、派驻纪检监察组负责人、办公室主任、人事处处长、机关党委专职副书记",
            "Standing attendees by office",
            B2_3,
        ),
        E(
            f"{N}.meetings.topics",
            "meetings",
            "议题由书记确定或委托召集人确定",
            "The secretary settles the items, or the convener on his delegation",
            B3_1,
        ),
        E(
            f"{N}.meetings.application",
            "notice",
            "议题申报表经书记签字，同会议资料在会前2天书面提交办公室",
            "Item application with materials to the office 2 days before",
            B3_3_APPLY,
        ),
        E(
            f"{N}.meetings.recusal",
            "voting",
            "涉及本人或亲属的议题当事人必须回避",
            "A member concerned, or whose relative is, recuses",
            B4_5,
        ),
        E(
            f"{N}.meetings.record_access",
            "meetings",
            "查询会议记录须经党委书记同意",
            "Reading the record needs the secretary's consent",
            B4_8_RECORD,
        ),
        E(
            f"{N}.meetings.minutes",
            "meetings",
            "必要时形成纪要下发执行",
            "Minutes when needed",
            B4_8_MINUTES,
        ),
        E(
            f"{N}.meetings.materials",
            "meetings",
            "涉密资料议题结束即行收回；学习资料除外",
            "Classified materials recalled at the end of the item; study materials exempt",
            B4_7_SECRET,
        ),
        E(
            f"{N}.meetings.follow_up",
            "meetings",
            "办公室、人事处、机关党委督办并报告党委会",
            "Office, HR and the organ committee track and report",
            B5_3,
        ),
        E(
            f"{N}.voting.methods",
            "voting",
            "口头、举手、无记名投票等方式",
            "Oral, show of hands, secret ballot",
            B4_3_METHODS,
        ),
        E(
            f"{N}.voting.person_by_person",
            "voting",
            "逐项表决；干部推荐、提名、任免、奖惩逐个表决",
            "Item by item; cadres and sanctions person by person",
            B4_3_ITEMS,
        ),
        E(
            f"{N}.voting.defer",
            "voting",
            "意见分歧较大或重大问题不清楚的，应当暂缓",
            "Split opinions or unclear facts: must defer",
            B4_4,
        ),
    ],
)
