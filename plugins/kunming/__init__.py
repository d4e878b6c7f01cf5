"""Jurisdiction plugin: Kunming NPC standing committee Party group.

Source: `kunming-npc-standing-committee-party-group-rules.txt` (../shared/sources/).
Found through the `yishi.jurisdictions` entry point.
"""

from plugins.kunming.hooks import access_policy, jurisdiction, settings_spec

__all__ = ["access_policy", "jurisdiction", "settings_spec"]
