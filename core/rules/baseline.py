"""The oversight baseline: rules of the oversight-systems compendium that apply to every tenant.

RULES.md, "Oversight": these apply to every tenant with parameters per unit. They are encoded
once here, not copied into each jurisdiction plugin: the settings for the compendium's blanks
("XX天", "XX个工作日", "XX个月"), the catalogue entries the rule explorer shows for all
jurisdictions, and the deadline verdicts (interviews 约谈, written inquiries 函询, personal
major-matter reports 个人重大事项, travel reports 外出请示报备). A plugin may declare a setting
with the same key to override the baseline for its jurisdiction.
"""

from __future__ import annotations

from datetime import date, timedelta

import msgspec

from core.rules import compendium as K
from core.rules.builders import catalog_entry, rule_verdict
from core.rules.calendar import Deadline, WorkCalendar
from core.rules.counting import needs_setting, setting
from core.rules.types import (
    Citation,
    Obligation,
    RuleContext,
    RuleEntry,
    SettingSpec,
    Verdict,
)

__all__ = [
    "BASELINE_OBLIGATIONS",
    "BASELINE_RULES",
    "BASELINE_SETTINGS",
    "DEADLINES",
    "FUNDS_SETTINGS",
    "MAJOR_NOTICE_DAYS",
    "TEMPLATES",
    "DeadlineRule",
    "baseline_obligations",
    "oversight_deadline",
]


def _c(article: str, original: str) -> Citation:
    return Citation(article=article, original=original, source="oversight")


INTERVIEWS = "工作函询及约谈制度"
C_INTERVIEWS_PER_YEAR = _c(f"{INTERVIEWS} 第四条", "约谈工作每年进行XX次。")
C_INTERVIEW_NOTICE = _c(
    f"{INTERVIEWS} 第五条(一)", "报局党组书记审查、批准后,市纪委派驻局纪检组提前XX天"
)
C_RECTIFICATION_PLAN = _c(
    f"{INTERVIEWS} 第五条(二)",
    "约谈结束后XX日内,被约谈对象就约谈涉及的问题制定整改方案,并以书面形式报局纪检组。",
)
C_RECTIFICATION_MONTHS = _c(f"{INTERVIEWS} 第五条(二)", "整改期限一般不超过XX个月。")
C_INQUIRY_REPLY = _c(
    f"{INTERVIEWS} 第五条(三)",
    "函询对象在收到函询通知的XX个工作日内,应当就函询问题实事求是地逐一作出书面回复",
)
C_INQUIRY_EXTENSION = _c(
    f"{INTERVIEWS} 第五条(三)",
    "对确因特殊情况不能在规定时间内回复的,函询对象应当报局纪检组同意,适当延长回复时间。",
)
PERSONAL = "党员干部个人重大事项报告制度"
C_PERSONAL_BEFORE = _c(f"{PERSONAL} 三", "报告人应在事前XX天作书面报告")
C_PERSONAL_AFTER = _c(f"{PERSONAL} 三", "必须先口头报告,事后XX天内再补报书面报告。")
TRAVEL = "关于进一步加强领导干部外出请示报备的通知"
C_TRAVEL_HEAD = _c(f"{TRAVEL} 三、1", "市局主要领导出差出访、离岗休假学习,须提前3天")
C_TRAVEL_OTHERS = _c(
    f"{TRAVEL} 三、2",
    "需提前XX天(紧急事项临时外出及时报告)向市局主要领导请示,并向市局办公室报备。",
)
SANZHONG = "“三重一大”事项集体决策实施办法"
# Part 二 (决策的规则和程序) numbers its steps (一)–(八): the part is named in every citation.
C_CONSULTATION = _c(f"{SANZHONG} 二(二)", "未按时反馈意见视为同意")
C_OFFICE_CHECK = _c(f"{SANZHONG} 二(三)", "局办公室应在2天内完成符合性审查")
C_CHAIR_EXPLAINS = _c(f"{SANZHONG} 二(五)", "其决定与会议组成人员多数人意见不一致时,应当说明理由")


def _days(
    key: str, zh: str, en: str, c: Citation, *, unit: str = "天", high: int = 60
) -> SettingSpec:
    return SettingSpec(
        key=key,
        type="int",
        label_zh=zh,
        label_en=en,
        unit=unit,
        minimum=1,
        maximum=high,
        default=None,
        article=c.article,
        original=c.original,
        source="oversight",
    )


BASELINE_SETTINGS: list[SettingSpec] = [
    _days(
        "interviews_per_year",
        "约谈每年次数",
        "Interviews (约谈) a year",
        C_INTERVIEWS_PER_YEAR,
        unit="次/年",
        high=24,
    ),
    _days(
        "interview_notice_days",
        "约谈提前通知天数",
        "Interview notice, days before",
        C_INTERVIEW_NOTICE,
    ),
    _days(
        "rectification_plan_days",
        "约谈后提交整改方案期限（日）",
        "Rectification plan due, days after the interview",
        C_RECTIFICATION_PLAN,
    ),
    _days(
        "rectification_max_months",
        "整改期限上限（月）",
        "Rectification period, at most months",
        C_RECTIFICATION_MONTHS,
        unit="个月",
        high=24,
    ),
    _days(
        "inquiry_reply_working_days",
        "函询回复期限（工作日）",
        "Written inquiry reply, working days",
        C_INQUIRY_REPLY,
        unit="个工作日",
    ),
    _days(
        "personal_report_days_before",
        "个人重大事项事前书面报告天数",
        "Personal major matter: written report, days before",
        C_PERSONAL_BEFORE,
    ),
    _days(
        "personal_report_written_within_days",
        "口头报告后补报书面报告期限（天）",
        "Written report after an urgent oral one, within days",
        C_PERSONAL_AFTER,
    ),
    _days(
        "travel_report_days_before",
        "其他领导干部外出提前请示天数",
        "Travel request of other leaders, days before",
        C_TRAVEL_OTHERS,
    ),
]


class DeadlineRule(msgspec.Struct, frozen=True, kw_only=True):
    """One deadline of an oversight procedure, counted from an event."""

    #: The setting that holds the compendium's "XX"; None when the text fixes the number.
    setting: str | None
    #: The number the text fixes (used when `setting` is None).
    days: int | None = None
    working_days: bool = False
    #: Counted back from the event (a notice before an interview, a report before travel).
    before: bool = False
    citation: Citation
    label_zh: str
    label_en: str


def _wan(key: str, zh: str, en: str, c: Citation) -> SettingSpec:
    return SettingSpec(
        key=key,
        type="decimal",
        label_zh=zh,
        label_en=en,
        unit="万元",
        minimum=0.01,
        maximum=1_000_000,
        default=None,
        article=c.article,
        original=c.original,
        source="oversight",
    )


# Item 6 of issue 8: each "XX万元" of 三重一大实施办法 一(三)/(四) is a blank of its own, so a
# setting of its own, citing the sentence that holds it. "XX万元以上" includes the amount itself
# (以上). `major_funds_threshold_wan` keeps its key (stored by tenants already) for 一(四)1's
# 预算内项目支出和采购; a plugin whose own text has the amount (Heilongjiang 第五条(六)) declares
# the same key with its own sentence, and its spec wins.
FUNDS_SETTINGS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        _wan(
            "major_funds_threshold_wan",
            "预算内项目支出和采购起点（万元，含本数）",
            "Budget spending and procurement threshold (10k yuan, inclusive)",
            K.SZ_SPENDING,
        ),
        _wan(
            "major_events_threshold_wan",
            "大型活动、大型会议开支起点（万元，含本数）",
            "Large events and conferences threshold (10k yuan, inclusive)",
            K.SZ_EVENTS,
        ),
        _wan(
            "major_transfers_threshold_wan",
            "对下转移支付大额专项资金起点（万元，含本数）",
            "Transfer payments to lower levels threshold (10k yuan, inclusive)",
            K.SZ_TRANSFERS,
        ),
        _wan(
            "major_construction_threshold_wan",
            "基本建设项目投资起点：单个项目（万元，含本数）",
            "Capital construction threshold, single project (10k yuan, inclusive)",
            K.SZ_CONSTRUCTION,
        ),
        _wan(
            "major_construction_bundle_threshold_wan",
            "基本建设项目投资起点：捆绑项目（万元，含本数）",
            "Capital construction threshold, bundled projects (10k yuan, inclusive)",
            K.SZ_CONSTRUCTION,
        ),
        _wan(
            "major_repairs_threshold_wan",
            "基本建设、维修及房屋装潢项目起点（万元，含本数）",
            "Construction, repair and refurbishment threshold (10k yuan, inclusive)",
            K.SZ_REPAIRS,
        ),
    )
}

#: Item 10: 三重一大实施办法 二(一) "提前X个工作日" is a blank. 议事规则实施细则 第六条(三) sets the
#: floor ("至少提前l个工作日"), so the setting is at least 1 and defaults to 1 (a documented
#: default: a tenant that leaves it unset still gets the compendium's minimum).
MAJOR_NOTICE_DAYS = SettingSpec(
    key="major_notice_working_days",
    type="int",
    label_zh="“三重一大”会议通知提前工作日数（至少1个工作日）",
    label_en="Major-matter meeting notice, working days before (at least 1)",
    unit="个工作日",
    minimum=1,
    maximum=15,
    default=1,
    article=K.SZ_NOTICE.article,
    original=K.SZ_NOTICE.original,
    source="oversight",
)

#: Item 12: the bureau's own rhythm, which a unit may adopt but which no tenant is held to
#: (RULES.md, "How far the compendium binds"). Each is a yes/no setting, off by default.
TEMPLATES: dict[str, tuple[SettingSpec, Obligation]] = {
    "template_monthly_study": (
        SettingSpec(
            key="template_monthly_study",
            type="bool",
            label_zh="采用监督制度汇编的中心组每月集中学习（模板）",
            label_en="Adopt the compendium's monthly theory-study sessions (template)",
            default=False,
            article=K.STUDY_MONTHLY.article,
            original=K.STUDY_MONTHLY.original,
            source="oversight",
        ),
        Obligation(
            rule="oversight.template.monthly_study",
            kind="study_session",
            label_zh="中心组每月至少一次集中研讨（单位采用的模板）",
            count=1,
            period="month",
            citation=K.STUDY_MONTHLY,
        ),
    ),
    "template_half_yearly_disclosure": (
        SettingSpec(
            key="template_half_yearly_disclosure",
            type="bool",
            label_zh="采用每半年在民主生活会上通报个人重大事项（模板）",
            label_en="Adopt half-yearly disclosure of personal matters at a life meeting "
            "(template)",
            default=False,
            article=K.PERSONAL_HALF_YEARLY.article,
            original=K.PERSONAL_HALF_YEARLY.original,
            source="oversight",
        ),
        Obligation(
            rule="oversight.template.half_yearly_disclosure",
            kind="personal_disclosure",
            label_zh="党员领导干部每半年在民主生活会上通报个人重大事项（单位采用的模板）",
            count=1,
            period="half_year",
            citation=K.PERSONAL_HALF_YEARLY,
        ),
    ),
}

BASELINE_SETTINGS += [
    *FUNDS_SETTINGS.values(),
    MAJOR_NOTICE_DAYS,
    *(spec for spec, _ in TEMPLATES.values()),
]

#: rule id → its deadline, for `oversight_deadline` (and the rule explorer).
DEADLINES: dict[str, DeadlineRule] = {
    "oversight.interview.notice": DeadlineRule(
        setting="interview_notice_days",
        before=True,
        citation=C_INTERVIEW_NOTICE,
        label_zh="约谈通知最晚送达日",
        label_en="interview notice due",
    ),
    "oversight.interview.rectification_plan": DeadlineRule(
        setting="rectification_plan_days",
        citation=C_RECTIFICATION_PLAN,
        label_zh="整改方案提交期限",
        label_en="rectification plan due",
    ),
    "oversight.inquiry.reply": DeadlineRule(
        setting="inquiry_reply_working_days",
        working_days=True,
        citation=C_INQUIRY_REPLY,
        label_zh="函询书面回复期限",
        label_en="inquiry reply due",
    ),
    "oversight.personal.written_report": DeadlineRule(
        setting="personal_report_days_before",
        before=True,
        citation=C_PERSONAL_BEFORE,
        label_zh="个人重大事项书面报告最晚日",
        label_en="personal report due",
    ),
    "oversight.personal.after_oral": DeadlineRule(
        setting="personal_report_written_within_days",
        citation=C_PERSONAL_AFTER,
        label_zh="口头报告后书面补报期限",
        label_en="written report after oral due",
    ),
    # 外出请示报备 三、1: the head's 3 days are written in the text, not a blank (calendar days:
    # the notice does not say working days).
    "oversight.travel.head": DeadlineRule(
        setting=None,
        days=3,
        before=True,
        citation=C_TRAVEL_HEAD,
        label_zh="主要领导外出请示最晚日",
        label_en="the head's travel request due",
    ),
    "oversight.travel.others": DeadlineRule(
        setting="travel_report_days_before",
        before=True,
        citation=C_TRAVEL_OTHERS,
        label_zh="外出请示最晚日",
        label_en="travel request due",
    ),
}

BASELINE_RULES: list[RuleEntry] = [
    catalog_entry(
        "oversight.interview.per_year",
        "oversight",
        "约谈每年进行若干次（单位设定）",
        "Interviews a year (set by the unit)",
        C_INTERVIEWS_PER_YEAR,
    ),
    *[
        catalog_entry(rule, "oversight", d.label_zh, d.label_en, d.citation)
        for rule, d in DEADLINES.items()
    ],
    catalog_entry(
        "oversight.interview.rectification_months",
        "oversight",
        "整改期限一般不超过若干个月",
        "Rectification within set months",
        C_RECTIFICATION_MONTHS,
    ),
    catalog_entry(
        "oversight.inquiry.extension",
        "oversight",
        "延期回复须经纪检组同意",
        "Extension only with the inspectors' consent",
        C_INQUIRY_EXTENSION,
    ),
    catalog_entry(
        "oversight.major.consultation_silence",
        "oversight",
        "征求意见未按时反馈视为同意",
        "No answer by the deadline counts as consent",
        C_CONSULTATION,
    ),
    catalog_entry(
        "oversight.major.office_check",
        "oversight",
        "办公室2天内完成符合性审查",
        "The office checks completeness within 2 days",
        C_OFFICE_CHECK,
    ),
    catalog_entry(
        "oversight.major.chair_explains",
        "oversight",
        "主持人决定与多数意见不一致时应说明理由",
        "The chair explains a conclusion that differs from the majority",
        C_CHAIR_EXPLAINS,
    ),
]


#: Recurring duties of the compendium that bind every tenant whose own text sets none of the
#: same kind (the tenant's own obligation of that `kind` prevails: `baseline_obligations`).
BASELINE_OBLIGATIONS: list[Obligation] = [
    Obligation(
        rule="oversight.obligation.interviews",
        kind="interviews",
        label_zh="约谈工作每年进行若干次（单位设定次数）",
        count=None,
        count_setting="interviews_per_year",
        period="year",
        citation=C_INTERVIEWS_PER_YEAR,
    ),
    Obligation(
        rule="oversight.obligation.collective_integrity_talk",
        kind="collective_integrity_talk",
        label_zh="集体廉政谈话每年一次",
        count=1,
        period="year",
        citation=K.LZ_COLLECTIVE_YEARLY,
    ),
    Obligation(
        rule="oversight.obligation.duty_report",
        kind="duty_report",
        label_zh="党员干部述责述廉每年一次",
        count=1,
        period="year",
        citation=K.SL_YEARLY,
    ),
]

BASELINE_RULES += [
    *[
        catalog_entry(ob.rule, "obligations", ob.label_zh, ob.label_zh, ob.citation)
        for ob in BASELINE_OBLIGATIONS
    ],
    *[
        catalog_entry(ob.rule, "obligations", ob.label_zh, spec.label_en, ob.citation)
        for spec, ob in TEMPLATES.values()
    ],
]
_EN = {
    "oversight.obligation.interviews": "Interviews (约谈) a set number of times a year",
    "oversight.obligation.collective_integrity_talk": "A collective integrity talk once a year",
    "oversight.obligation.duty_report": "Duty and integrity reports (述责述廉) once a year",
}
BASELINE_RULES = [
    msgspec.structs.replace(e, summary_en=_EN[e.rule]) if e.rule in _EN else e
    for e in BASELINE_RULES
]


def baseline_obligations(ctx: RuleContext, own: list[Obligation]) -> list[Obligation]:
    """A tenant's compliance calendar: its plugin's obligations (`own`, as counted), then each
    baseline obligation of a kind the plugin does not set itself (the tenant's text prevails
    where it is more specific), then the templates the unit adopted. A count that a setting
    decides is None until the setting is filled in."""
    kinds = {ob.kind for ob in own}
    extra = [ob for ob in BASELINE_OBLIGATIONS if ob.kind not in kinds]
    extra += [ob for key, (_, ob) in TEMPLATES.items() if setting(ctx, key)]
    return own + [
        ob
        if ob.count_setting is None
        else msgspec.structs.replace(ob, count=setting(ctx, ob.count_setting))
        for ob in extra
    ]


def oversight_deadline(rule: str, ctx: RuleContext, event: date, calendar: WorkCalendar) -> Verdict:
    """The deadline of an oversight procedure: before `event` (notice, report, travel) or after
    it (inquiry reply, rectification plan), in the unit's days or working days; "needs
    setting" while the compendium's "XX" is not filled in."""
    d = DEADLINES[rule]
    days = d.days if d.setting is None else setting(ctx, d.setting)
    if days is None:
        assert d.setting is not None  # a fixed deadline always has its days
        return needs_setting(rule, ctx, [d.setting], d.citation)
    working = d.working_days
    if d.before:
        due = calendar.days_before(event, days, working_days=working)
    elif working:
        due = calendar.add_working_days(event, days)
    else:
        due = Deadline(event + timedelta(days=days), False)
    unit_zh, unit_en = ("个工作日", "working days") if working else ("天", "days")
    side_zh, side_en = ("前", "before") if d.before else ("后", "after")
    return rule_verdict(
        rule,
        ctx,
        True,
        {
            "event": event.isoformat(),
            "days": days,
            "working_days": working,
            "due": due.latest.isoformat(),
            "assumed_years": list(due.assumed_years),
        },
        f"{d.label_zh}：{event.isoformat()} {side_zh} {days} {unit_zh}，"
        f"即 {due.latest.isoformat()}。" + due.note_zh,
        f"{d.label_en}: {days} {unit_en} {side_en} {event.isoformat()}, i.e. "
        f"{due.latest.isoformat()}. " + due.note_en,
        d.citation,
    )
