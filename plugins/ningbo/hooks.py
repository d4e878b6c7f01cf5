"""Hook implementations for Ningbo HRSS Party group."""

from __future__ import annotations

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules.types import JurisdictionInfo, SettingSpec

INFO = JurisdictionInfo(
    name="ningbo",
    body_zh="中共宁波市人力资源和社会保障局党组",
    body_en="Ningbo HRSS Party group",
    source_title="中共宁波市人力资源和社会保障局党组工作规则（征求意见稿）",
    source_date="",
    source_file="source.txt",
    rules_version="ningbo-2024.1",
)


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles; see core/access/policy.py.
    return None


SETTINGS: list[SettingSpec] = []
