"""Every jurisdiction hook: the contract a jurisdiction plugin implements.

A jurisdiction plugin is a module (or package) of `@hookimpl` functions, found through the
`yishi.jurisdictions` entry-point group. The core never branches on the city: it asks the tenant's
plugin through `core.rules.plugins.hooks_for(plugin_name)`, which sees only that plugin. Hooks are
synchronous and pure (pluggy does not await), and answer with values, never booleans or raises.

Boot fails on an implementation of an unknown hook (`check_pending`), so a misspelled hook name is
caught at start-up, not when the rule is first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from core.access.permissions import Permission
    from core.rules.types import JurisdictionInfo, SettingSpec

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "yishi"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# --- identity ---------------------------------------------------------------------------------


@hookspec(firstresult=True)
def jurisdiction() -> JurisdictionInfo:  # type: ignore[empty-body]
    """Who this jurisdiction is and which rule document it encodes.

    Answer a `JurisdictionInfo`: a stable `name` (the entry-point name), the body's Chinese and
    English names, the source document's title, date and file name, and the rule-set version.
    """


# --- settings the unit admin fills in ---------------------------------------------------------


@hookspec(firstresult=True)
def settings_spec() -> list[SettingSpec]:  # type: ignore[empty-body]
    """The settings this jurisdiction needs from the unit admin (the sources' "XX" and "x").

    Each `SettingSpec` names its key, type, unit, bounds, default (or none: "must be set"), and the
    article and original sentence that leave the blank. Values are validated against these specs.
    """


# --- access policy ------------------------------------------------------------------------------


@hookspec(firstresult=True)
def access_policy() -> dict[str, tuple[Permission, ...]] | None:  # type: ignore[empty-body]
    """role → permissions for a tenant of this jurisdiction; `None` keeps the core default.

    Roles are those of `core.access.permissions.ROLES`; permissions come from the same module. The
    core turns the answer into casbin `p` lines in the tenant's domain.
    """
