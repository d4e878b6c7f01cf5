"""Jurisdiction plugin: Heilongjiang offices administration Party group.

Source: 中共黑龙江省机关事务管理局党组工作规则 (`source.txt` beside this file, from the second
document of `meeting-rules-compendium-incl-heilongjiang.txt` in ../shared/sources/), plus the
shared oversight compendium for the rules that apply to every tenant.
Found through the `yishi.jurisdictions` entry point, which names this package.
"""

from plugins.heilongjiang.hooks import (
    access_policy,
    ad_hoc_motion,
    classify_item,
    emergency_disposal,
    item_kinds,
    item_quorum,
    jurisdiction,
    meeting_quorum,
    notice_rules,
    obligations,
    passing,
    reconsideration,
    report_recipients,
    rule_catalog,
    rule_versions,
    settings_spec,
    speaking_order,
    voting_rules,
)
from plugins.heilongjiang.meetings import (
    ad_hoc_policy,
    agenda_order,
    circulation,
    convening,
    follow_up,
    leave_rules,
    materials_rules,
    minutes_rules,
    report_events,
)

__all__ = [
    "access_policy",
    "ad_hoc_motion",
    "ad_hoc_policy",
    "agenda_order",
    "circulation",
    "classify_item",
    "convening",
    "emergency_disposal",
    "follow_up",
    "item_kinds",
    "item_quorum",
    "jurisdiction",
    "leave_rules",
    "materials_rules",
    "meeting_quorum",
    "minutes_rules",
    "notice_rules",
    "obligations",
    "passing",
    "reconsideration",
    "report_events",
    "report_recipients",
    "rule_catalog",
    "rule_versions",
    "settings_spec",
    "speaking_order",
    "voting_rules",
]
