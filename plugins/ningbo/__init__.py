"""Jurisdiction plugin: Ningbo HRSS Party group (中共宁波市人力资源和社会保障局党组).

Source: `source.txt` in this folder, 中共宁波市人力资源和社会保障局党组工作规则（征求意见稿）;
rules shared by every tenant cite the oversight compendium (core/rules/sources/oversight.txt).
Found through the `yishi.jurisdictions` entry point (`ningbo = "plugins.ningbo"`), which pluggy
scans for the hook implementations re-exported here.
"""

from plugins.ningbo.hooks import (
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
from plugins.ningbo.meetings import (
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
