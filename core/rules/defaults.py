"""The core's default answers, where the oversight compendium gives the rule.

A plugin whose own text is silent answers with these; a plugin whose text is more specific
answers its own (RULES.md, "How far the compendium binds"; `core.rules.reach`). Each function is
pure and takes the rule id the plugin lists in its catalogue, so a default answer is still the
plugin's rule, under its version.
"""

from __future__ import annotations

from core.rules import compendium as K
from core.rules.types import ProcedureRule

__all__ = ["emergency_disposal"]


def emergency_disposal(rule: str) -> ProcedureRule:
    """议事规则实施细则 第十七条: 「重大突发事件和紧急情况,来不及集体议事及会议表决的,党组成员可
    临机处置,事后应及时向领导集体报告」. A tenant text that insists on collective decisions
    (「任何个人或者少数人无权擅自决定」) does not forbid it: Ningbo has the same sentence and
    provides 临机处置 (issue 8, item 7)."""
    return ProcedureRule(
        rule=rule,
        allowed=True,
        who_zh="党组成员",
        conditions_zh="重大突发事件和紧急情况，来不及集体议事及会议表决的，可临机处置；"
        "事后应及时向领导集体（下一次党组会议）报告",
        report_to_next_meeting=True,
        citation=K.XZ_EMERGENCY,
    )
