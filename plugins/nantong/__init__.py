"""Jurisdiction plugin: Nantong Housing Security and Real Estate Administration Bureau Party group.

Source: `nantong-housing-bureau-party-group-rules.txt` (../shared/sources/).
Found through the `yishi.jurisdictions` entry point.
"""

from plugins.nantong.hooks import access_policy, jurisdiction, settings_spec

__all__ = ["access_policy", "jurisdiction", "settings_spec"]
