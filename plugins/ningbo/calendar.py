"""Ningbo HRSS Party group: the compliance calendar's obligations and who receives what.

Data only, read by `hooks.py` (`obligations`, `report_recipients`). The one count the source
leaves blank (第二十五条 "每年保证一定时间") names its tenant setting (`count_setting`, declared in
`catalog.SETTINGS`); the hook reads it from the tenant's settings, None until it is set.
"""

from __future__ import annotations

from core.rules.types import Obligation, ObligationScope, ObligationUnit, Recipient
from plugins.ningbo import citations as C
from plugins.ningbo.catalog import (
    FIELD_RESEARCH_DAYS,
    R_OB_ANNUAL_REPORT,
    R_OB_DEMOCRATIC_LIFE,
    R_OB_DISCIPLINE_REPORT,
    R_OB_DUTY_REPORT,
    R_OB_FIELD_RESEARCH,
    R_OB_IDEOLOGY_REVIEW,
    R_OB_MEETINGS,
    R_OB_PARTY_REVIEW,
    R_OB_STUDY,
)

OBLIGATIONS: list[Obligation] = [
    Obligation(
        rule=R_OB_MEETINGS,
        kind="regular_meeting",
        label_zh="党组会议（一般每月2次）",
        count=2,
        period="month",
        citation=C.C18_REGULAR,
    ),
    Obligation(
        rule=R_OB_ANNUAL_REPORT,
        kind="report_to_superior",
        label_zh="向市委作全面工作情况报告",
        count=1,
        period="year",
        recipients=["市委"],
        citation=C.C12_ANNUAL_REPORT,
    ),
    Obligation(
        rule=R_OB_DISCIPLINE_REPORT,
        kind="party_discipline_report",
        label_zh="报告履行全面从严治党主体责任情况",
        count=1,
        period="year",
        recipients=["市委", "市纪委市监委"],
        citation=C.C26_DISCIPLINE_REPORT,
    ),
    Obligation(
        rule=R_OB_STUDY,
        kind="study_session",
        label_zh="理论学习中心组集中学习研讨",
        count=1,
        period="quarter",
        citation=C.C22_2_STUDY,
    ),
    Obligation(
        rule=R_OB_DEMOCRATIC_LIFE,
        kind="democratic_life",
        label_zh="党组民主生活会（会后向市纪委、市委组织部报告）",
        count=1,
        period="year",
        recipients=["市纪委", "市委组织部"],
        citation=C.C23_DEMOCRATIC_LIFE,
    ),
    Obligation(
        rule=R_OB_PARTY_REVIEW,
        kind="party_discipline_review",
        label_zh="研究全面从严治党工作",
        count=1,
        period="half_year",
        citation=C.C7_REVIEWS,
    ),
    Obligation(
        rule=R_OB_IDEOLOGY_REVIEW,
        kind="ideology_review",
        label_zh="研究意识形态工作",
        count=1,
        period="half_year",
        citation=C.C7_REVIEWS,
    ),
    Obligation(
        rule=R_OB_DUTY_REPORT,
        kind="duty_report",
        label_zh="述职述责述廉",
        count=1,
        period="year",
        citation=C.C27_DUTY_REPORT,
    ),
    # 第二十五条 "一定时间": days per member, set by the unit admin (None until then).
    Obligation(
        rule=R_OB_FIELD_RESEARCH,
        kind="field_research",
        label_zh="党组成员到基层走访调研（天/人/年）",
        count=None,
        count_setting=FIELD_RESEARCH_DAYS,
        period="year",
        # Item 3 of issue 8: "党组成员每年保证一定时间": a time, for each member.
        unit=ObligationUnit.DAYS,
        scope=ObligationScope.EACH_MEMBER,
        citation=C.C25_FIELD_RESEARCH,
    ),
]


RECIPIENTS: dict[str, list[Recipient]] = {
    "report_to_superior": [
        Recipient(
            who_zh="市委",
            who_en="Municipal Party committee",
            when="on_issue",
            citation=C.C12_ANNUAL_REPORT,
        ),
        Recipient(
            who_zh="市纪委市监委",
            who_en="Municipal discipline and supervision commission",
            when="on_issue",
            citation=C.C26_DISCIPLINE_REPORT,
        ),
    ],
    # 第二十三条 names nobody to tell before the democratic life meeting.
    "democratic_life_before": [],
    "democratic_life_after": [
        Recipient(
            who_zh="市纪委",
            who_en="Municipal discipline commission",
            when="after",
            citation=C.C23_AFTER_REPORT,
        ),
        Recipient(
            who_zh="市委组织部",
            who_en="Municipal organization department",
            when="after",
            citation=C.C23_AFTER_REPORT,
        ),
    ],
    # 第二十条 names no list of addressees for the minutes, only in-Party circulation of what is
    # fit to circulate.
    "minutes_distribution": [
        Recipient(
            who_zh="党内通报范围（宜在党内通报的内容和决定事项）",
            who_en="In-Party circulation (content and decisions fit to circulate)",
            when="on_issue",
            citation=C.C20_CIRCULATE,
        ),
    ],
    "decision_to_absent_members": [
        Recipient(
            who_zh="未出席会议的党组成员",
            who_en="Members who were absent",
            when="after",
            citation=C.C18_INFORM_ABSENT,
        ),
    ],
}
