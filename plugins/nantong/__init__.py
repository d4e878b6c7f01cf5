"""Jurisdiction plugin: Nantong Housing Security and Real Estate Administration Bureau Party group.

Source: 《局党组工作规则》, published 2017-10-23 on the Nantong municipal government site, kept
verbatim as `source.txt` beside this file (citations are checked against it). Rules that apply to
every tenant come from the oversight compendium, core/rules/sources/oversight.txt.
Found through the `yishi.jurisdictions` entry point (`plugins.nantong`).
"""

from plugins.nantong.hooks import (
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
from plugins.nantong.meetings import (
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
