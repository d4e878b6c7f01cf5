"""Jurisdiction plugin: Kunming NPC standing committee Party group (昆明市人大常委会党组).

Source: 中共昆明市人民代表大会常务委员会党组工作规则, adopted 2020-04-24 at the 67th meeting
of the 14th NPC standing committee Party group (`source.txt` beside this file), plus the shared
oversight compendium (core/rules/sources/oversight.txt). Found through the
`yishi.jurisdictions` entry point; pluggy scans this module, so every hookimpl is re-exported.
"""

from plugins.kunming.hooks import (
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
from plugins.kunming.meetings import (
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
