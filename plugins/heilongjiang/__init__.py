"""Jurisdiction plugin: Heilongjiang offices administration Party group.

Source: `meeting-rules-compendium-incl-heilongjiang.txt` (../shared/sources/).
Found through the `yishi.jurisdictions` entry point.
"""

from plugins.heilongjiang.hooks import access_policy, jurisdiction, settings_spec

__all__ = ["access_policy", "jurisdiction", "settings_spec"]
