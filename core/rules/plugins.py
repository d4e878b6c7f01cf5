"""The plugin manager and the per-jurisdiction hook relay."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import pluggy

from core import hookspecs
from core.access.permissions import Permission
from core.access.policy import DEFAULT_POLICY
from core.rules.types import JurisdictionInfo

__all__ = [
    "ENTRY_POINT_GROUP",
    "JurisdictionHooks",
    "available_jurisdictions",
    "hooks_for",
    "plugin_manager",
    "tenant_policy",
]

ENTRY_POINT_GROUP = "yishi.jurisdictions"


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    pm.check_pending()
    return pm


class JurisdictionHooks:
    """`hooks_for("ningbo").jurisdiction()` calls that hook on the ningbo plugin only."""

    def __init__(self, pm: pluggy.PluginManager, name: str) -> None:
        self._pm = pm
        self.name = name
        self._others = [p for n, p in pm.list_name_plugin() if n != name and p is not None]

    def __getattr__(self, hook: str) -> Any:
        caller = self._pm.subset_hook_caller(hook, remove_plugins=self._others)
        setattr(self, hook, caller)
        return caller


@cache
def hooks_for(name: str) -> JurisdictionHooks:
    pm = plugin_manager()
    if pm.get_plugin(name) is None:
        raise KeyError(name)
    return JurisdictionHooks(pm, name)


def available_jurisdictions() -> dict[str, JurisdictionInfo]:
    pm = plugin_manager()
    return {name: hooks_for(name).jurisdiction() for name, _ in pm.list_name_plugin()}


def tenant_policy(plugin: str) -> dict[str, tuple[Permission, ...]]:
    answer = hooks_for(plugin).access_policy()
    return answer if answer is not None else DEFAULT_POLICY
