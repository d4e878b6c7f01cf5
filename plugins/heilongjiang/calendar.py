"""Heilongjiang offices administration Party group: the compliance calendar's obligations.

Data only, read by `hooks.py` (`obligations`). Counts the source leaves blank ("x", "定期",
"按规定") name their tenant setting (`count_setting`, declared in `catalog.SETTINGS`); the hook
reads them from the tenant's settings, so nothing is due until the unit admin has set them.
"""

from __future__ import annotations

from core.rules.types import Obligation
from plugins.heilongjiang import citations as c
from plugins.heilongjiang.catalog import (
    DEMOCRATIC_LIFE,
    DUTY_REPORTS,
    IDEOLOGY_REVIEWS,
    PARTY_BUILDING_REVIEWS,
    PERIODIC_REPORTS,
    R_OB_ANNUAL_REPORT,
    R_OB_DEMOCRATIC_LIFE,
    R_OB_DUTY_REPORT,
    R_OB_IDEOLOGY,
    R_OB_LAW_STUDY,
    R_OB_PARTY_BUILDING,
    R_OB_PERIODIC_REPORTS,
    R_OB_REGULAR,
    R_OB_REGULATIONS,
    R_OB_STUDY_GROUP,
    REGULAR_MEETINGS,
    REGULATION_HEARINGS,
)

OBLIGATIONS: list[Obligation] = [
    Obligation(
        rule=R_OB_REGULAR,
        kind="regular_meeting",
        label_zh="党组会议（例会）",
        count=None,
        period="month",
        count_setting=REGULAR_MEETINGS,
        citation=c.C15_REGULAR,
    ),
    Obligation(
        rule=R_OB_ANNUAL_REPORT,
        kind="report_to_superior",
        label_zh="向国家机关事务管理局和省委省政府报告全面工作",
        count=1,
        period="year",
        recipients=["国家机关事务管理局", "省委省政府"],
        citation=c.C10_4_ANNUAL_REPORT,
    ),
    Obligation(
        rule=R_OB_PERIODIC_REPORTS,
        kind="report_to_superior",
        label_zh="定期向省委报告专项工作、向省纪委监委报告全面从严治党情况",
        count=None,
        period="year",
        count_setting=PERIODIC_REPORTS,
        recipients=["省委", "省纪委监委"],
        citation=c.C10_5_PERIODIC_REPORTS,
    ),
    Obligation(
        rule=R_OB_PARTY_BUILDING,
        kind="party_building_review",
        label_zh="研究机关党建工作",
        count=None,
        period="half_year",
        count_setting=PARTY_BUILDING_REVIEWS,
        citation=c.C6_PARTY_BUILDING,
    ),
    Obligation(
        rule=R_OB_IDEOLOGY,
        kind="ideology_review",
        label_zh="研究意识形态工作",
        count=None,
        period="half_year",
        count_setting=IDEOLOGY_REVIEWS,
        citation=c.C6_3_IDEOLOGY,
    ),
    Obligation(
        rule=R_OB_REGULATIONS,
        kind="regulations_hearing",
        label_zh="听取党内法规制度有关工作情况",
        count=None,
        period="year",
        count_setting=REGULATION_HEARINGS,
        citation=c.C6_8_REGULATIONS,
    ),
    Obligation(
        rule=R_OB_DEMOCRATIC_LIFE,
        kind="democratic_life",
        label_zh="民主生活会",
        count=None,
        period="year",
        count_setting=DEMOCRATIC_LIFE,
        citation=c.C19_DEMOCRATIC_LIFE,
    ),
    Obligation(
        rule=R_OB_STUDY_GROUP,
        kind="study_session",
        label_zh="理论学习中心组集体学习研讨",
        count=1,
        period="quarter",
        citation=c.C20_STUDY_GROUP,
    ),
    Obligation(
        rule=R_OB_LAW_STUDY,
        kind="law_study",
        label_zh="会前学法",
        count=6,
        period="year",
        citation=c.C21_LAW_STUDY,
    ),
    Obligation(
        rule=R_OB_DUTY_REPORT,
        kind="duty_report",
        label_zh="党组书记述责述廉、向省委报告履职情况",
        count=None,
        period="year",
        count_setting=DUTY_REPORTS,
        recipients=["省委"],
        citation=c.C22_DUTY_REPORT,
    ),
]
