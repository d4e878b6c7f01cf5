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

from core.rules.builders import catalog_entry, rule_verdict
from core.rules.calendar import Deadline, WorkCalendar
from core.rules.counting import needs_setting, setting
from core.rules.types import Citation, RuleContext, RuleEntry, SettingSpec, Verdict

__all__ = ["BASELINE_RULES", "BASELINE_SETTINGS", "DEADLINES", "oversight_deadline"]


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
C_PERSONAL_BEFORE = _c(PERSONAL, "报告人应在事前XX天作书面报告")
C_PERSONAL_AFTER = _c(PERSONAL, "必须先口头报告,事后XX天内再补报书面报告。")
TRAVEL = "关于进一步加强领导干部外出请示报备的通知"
C_TRAVEL_HEAD = _c(f"{TRAVEL} 三、1", "市局主要领导出差出访、离岗休假学习,须提前3天")
C_TRAVEL_OTHERS = _c(
    f"{TRAVEL} 三、2",
    "需提前XX天(紧急事项临时外出及时报告)向市局主要领导请示,并向市局办公室报备。",
)
SANZHONG = "“三重一大”事项集体决策实施办法"
C_CONSULTATION = _c(f"{SANZHONG} (三)", "未按时反馈意见视为同意")
C_OFFICE_CHECK = _c(f"{SANZHONG} (三)", "局办公室应在2天内完成符合性审查")
C_CHAIR_EXPLAINS = _c(f"{SANZHONG} (五)", "其决定与会议组成人员多数人意见不一致时,应当说明理由")


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

#: rule id → (setting key, counted in working days, citation, zh, en) for `oversight_deadline`.
DEADLINES: dict[str, tuple[str, bool, Citation, str, str]] = {
    "oversight.interview.notice": (
        "interview_notice_days",
        False,
        C_INTERVIEW_NOTICE,
        "约谈通知最晚送达日",
        "interview notice due",
    ),
    "oversight.interview.rectification_plan": (
        "rectification_plan_days",
        False,
        C_RECTIFICATION_PLAN,
        "整改方案提交期限",
        "rectification plan due",
    ),
    "oversight.inquiry.reply": (
        "inquiry_reply_working_days",
        True,
        C_INQUIRY_REPLY,
        "函询书面回复期限",
        "inquiry reply due",
    ),
    "oversight.personal.written_report": (
        "personal_report_days_before",
        False,
        C_PERSONAL_BEFORE,
        "个人重大事项书面报告最晚日",
        "personal report due",
    ),
    "oversight.personal.after_oral": (
        "personal_report_written_within_days",
        False,
        C_PERSONAL_AFTER,
        "口头报告后书面补报期限",
        "written report after oral due",
    ),
    "oversight.travel.others": (
        "travel_report_days_before",
        False,
        C_TRAVEL_OTHERS,
        "外出请示最晚日",
        "travel request due",
    ),
}
#: Deadlines counted back from the event (notice before a meeting, report before travel).
_BEFORE = {
    "oversight.interview.notice",
    "oversight.personal.written_report",
    "oversight.travel.others",
}

BASELINE_RULES: list[RuleEntry] = [
    catalog_entry(
        "oversight.interview.per_year",
        "oversight",
        "约谈每年进行若干次（单位设定）",
        "Interviews a year (set by the unit)",
        C_INTERVIEWS_PER_YEAR,
    ),
    *[catalog_entry(rule, "oversight", zh, en, c) for rule, (_, _, c, zh, en) in DEADLINES.items()],
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
        "oversight.travel.head",
        "oversight",
        "主要领导外出须提前3天请示",
        "The head reports travel 3 days before",
        C_TRAVEL_HEAD,
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


def oversight_deadline(rule: str, ctx: RuleContext, event: date, calendar: WorkCalendar) -> Verdict:
    """The deadline of an oversight procedure: before `event` (notice, report, travel) or after
    it (inquiry reply, rectification plan), in the unit's days or working days; "needs
    setting" while the compendium's "XX" is not filled in."""
    key, working, citation, zh, en = DEADLINES[rule]
    days = setting(ctx, key)
    if days is None:
        return needs_setting(rule, ctx, [key], citation)
    if rule in _BEFORE:
        due = calendar.days_before(event, days, working_days=working)
    elif working:
        due = calendar.add_working_days(event, days)
    else:
        due = Deadline(event + timedelta(days=days), False)
    unit_zh, unit_en = ("个工作日", "working days") if working else ("天", "days")
    side_zh, side_en = ("前", "before") if rule in _BEFORE else ("后", "after")
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
        f"{zh}：{event.isoformat()} {side_zh} {days} {unit_zh}，即 {due.latest.isoformat()}。"
        + due.note_zh,
        f"{en}: {days} {unit_en} {side_en} {event.isoformat()}, i.e. {due.latest.isoformat()}. "
        + due.note_en,
        citation,
    )
