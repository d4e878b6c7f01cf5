"""Jurisdiction plugin: Ningbo HRSS Party group.

Source: `ningbo-hrss-party-group-rules.txt` (../shared/sources/).
Found through the `yishi.jurisdictions` entry point.
"""

from plugins.ningbo.hooks import access_policy, jurisdiction, settings_spec

__all__ = ["access_policy", "jurisdiction", "settings_spec"]
