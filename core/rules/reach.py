"""How far the oversight compendium binds: the decision, rule by rule (issue 8, item 12).

RULES.md, "How far the compendium binds": the compendium collects one municipal bureau's own
systems. It is the baseline for every tenant only where the tenant's own text is silent; where a
tenant's text is more specific (a frequency, a period, who signs), the tenant's text prevails;
the bureau's internal rhythm (monthly 中心组, half-yearly disclosure) is a template a unit may
adopt through a setting (`core.rules.baseline.TEMPLATES`), never imposed. Each row below names the
rule, its reach, its sentence and where the code applies it.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec

from core.rules import compendium as K
from core.rules.baseline import (
    C_CHAIR_EXPLAINS,
    C_CONSULTATION,
    C_INQUIRY_REPLY,
    C_INTERVIEWS_PER_YEAR,
    C_OFFICE_CHECK,
)
from core.rules.types import Citation

__all__ = ["COMPENDIUM_REACH", "Reach", "ReachRow"]


class Reach(StrEnum):
    #: Binds every tenant, whatever its own text says (a tenant may only be stricter).
    EVERY_TENANT = "every_tenant"
    #: Binds a tenant whose own text is silent on it; a more specific own rule prevails.
    WHERE_SILENT = "where_silent"
    #: The bureau's own rhythm: a template a unit may adopt through a setting, never imposed.
    TEMPLATE = "template"
    #: Not a rule of the Party group's meetings (the bureau's administration): not encoded.
    OUT_OF_SCOPE = "out_of_scope"


class ReachRow(msgspec.Struct, frozen=True, kw_only=True):
    topic: str
    reach: Reach
    citation: Citation
    #: Where the rule lives in code, and what prevails over it.
    note: str


def _r(topic: str, reach: Reach, c: Citation, note: str) -> ReachRow:
    return ReachRow(topic=topic, reach=reach, citation=c, note=note)


#: The decision, rule by rule (RULES.md: "Use it as the baseline for every tenant only where the
#: tenant's own text is silent; where a tenant's text is more specific … the tenant's text
#: prevails"). Tested: every citation is in the compendium, every row names a reach.
COMPENDIUM_REACH: list[ReachRow] = [
    _r(
        "三重一大 scope",
        Reach.EVERY_TENANT,
        K.SZ_SCOPE,
        "an item in scope is a major matter whatever it is called; categories in classify_item",
    ),
    _r(
        "三重一大 money thresholds",
        Reach.EVERY_TENANT,
        K.SZ_SPENDING,
        "one setting per XX万元 blank (FUNDS_SETTINGS); a plugin's own amount (HL 第五条(六)) wins",
    ),
    _r(
        "三重一大 quorum: half and the member in charge",
        Reach.EVERY_TENANT,
        K.SZ_QUORUM,
        "a tenant's stricter number (2/3) raises it; the member in charge always must attend",
    ),
    _r(
        "cadre questions: two-thirds",
        Reach.WHERE_SILENT,
        K.SZ_CADRE_TWO_THIRDS,
        "used where the tenant's text sets no number (HL 处分党员 through 第十四条)",
    ),
    _r(
        "三重一大 notice X working days with materials",
        Reach.EVERY_TENANT,
        K.SZ_NOTICE,
        "setting major_notice_working_days, at least 1",
    ),
    _r(
        "notice at least 1 working day, every item",
        Reach.EVERY_TENANT,
        K.XZ_NOTICE,
        "every item put to the Party group is a 重大问题 of the 细则 (第四条(十二))",
    ),
    _r(
        "personnel materials only at the meeting",
        Reach.EVERY_TENANT,
        K.XZ_PERSONNEL_MATERIALS,
        "personnel and discipline items: materials withheld, recalled after the item",
    ),
    _r(
        "no ad-hoc motion for 重大问题",
        Reach.EVERY_TENANT,
        K.XZ_NO_AD_HOC_MAJOR,
        "a tenant's emergency meeting admits ordinary items only",
    ),
    _r(
        "no ad-hoc cadre appointments",
        Reach.EVERY_TENANT,
        K.GB_NO_AD_HOC,
        "never, not even at an emergency meeting",
    ),
    _r(
        "no decision by circulation",
        Reach.EVERY_TENANT,
        K.XZ_CIRCULATION,
        "defaults.circulation: refused",
    ),
    _r(
        "named votes by default",
        Reach.WHERE_SILENT,
        K.XZ_NAMED,
        "三重一大 kinds; 'named' = each member's choice recorded, whatever the method",
    ),
    _r(
        "close votes may defer",
        Reach.WHERE_SILENT,
        K.XZ_DEFER_CLOSE,
        "a tenant's 'must defer on split opinions' (Nantong 三(六), HL 第十六条(一)) prevails",
    ),
    _r(
        "passing: more than half of members expected",
        Reach.EVERY_TENANT,
        K.XZ_PASSING,
        "the same in every tenant text",
    ),
    _r(
        "major-matter minutes: own series per year",
        Reach.EVERY_TENANT,
        K.XZ_MINUTES_SERIES,
        "minutes_rules: series 'major' for 三重一大 items",
    ),
    _r(
        "major-matter minutes to the superior leader",
        Reach.WHERE_SILENT,
        K.XZ_MINUTES_RECIPIENTS,
        "report_recipients(minutes_distribution); a tenant's own distribution list adds to it",
    ),
    _r(
        "violations: late notice, missing materials …",
        Reach.EVERY_TENANT,
        K.XZ_VIOLATIONS,
        "the meeting lifecycle records them",
    ),
    _r(
        "emergency disposal, reported afterwards",
        Reach.WHERE_SILENT,
        K.XZ_EMERGENCY,
        "a tenant's own who/consent (Ningbo 第十八条, Nantong 三(四)) prevails",
    ),
    _r(
        "follow-up by the members in charge",
        Reach.WHERE_SILENT,
        K.XZ_FOLLOW_UP,
        "a tenant's own office (督办) prevails",
    ),
    _r(
        "consultation: silence is consent", Reach.EVERY_TENANT, C_CONSULTATION, "三重一大 procedure"
    ),
    _r(
        "office completeness check in 2 days",
        Reach.EVERY_TENANT,
        C_OFFICE_CHECK,
        "三重一大 procedure",
    ),
    _r(
        "chair explains a conclusion against the majority",
        Reach.EVERY_TENANT,
        C_CHAIR_EXPLAINS,
        "三重一大 procedure",
    ),
    _r(
        "inspectors sit in on 三重一大 meetings",
        Reach.EVERY_TENANT,
        K.SZ_INSPECTORS,
        "notice_rules: inspectors among those to be notified",
    ),
    _r(
        "recusal on one's own or a relative's appointment",
        Reach.WHERE_SILENT,
        K.GB_RECUSAL,
        "Nantong, whose text has no recusal, cites it for personnel",
    ),
    _r(
        "interviews, inquiries, personal matters, travel",
        Reach.EVERY_TENANT,
        C_INQUIRY_REPLY,
        "DEADLINES; every XX a baseline setting",
    ),
    _r(
        "interviews XX times a year",
        Reach.EVERY_TENANT,
        C_INTERVIEWS_PER_YEAR,
        "BASELINE_OBLIGATIONS (count from interviews_per_year)",
    ),
    _r(
        "collective integrity talk yearly",
        Reach.EVERY_TENANT,
        K.LZ_COLLECTIVE_YEARLY,
        "BASELINE_OBLIGATIONS; no tenant text sets one",
    ),
    _r(
        "duty and integrity reports yearly",
        Reach.WHERE_SILENT,
        K.SL_YEARLY,
        "Ningbo 第二十七条, Nantong 五(一), HL 第二十二条 prevail; Kunming takes the baseline",
    ),
    _r(
        "theory-study group monthly",
        Reach.TEMPLATE,
        K.STUDY_MONTHLY,
        "tenants' own rhythm prevails (quarterly, 8 a year); setting template_monthly_study",
    ),
    _r(
        "personal matters disclosed half-yearly",
        Reach.TEMPLATE,
        K.PERSONAL_HALF_YEARLY,
        "democratic life meetings are yearly in every tenant; template_half_yearly_disclosure",
    ),
    _r(
        "head of the bureau decides urgent major matters",
        Reach.WHERE_SILENT,
        K.SZ_URGENT,
        "read with 细则 第十七条 as emergency disposal, reported to the next meeting",
    ),
]
