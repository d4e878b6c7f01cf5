"""Hook implementations for Kunming NPC standing committee Party group."""

from __future__ import annotations

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules.types import JurisdictionInfo, SettingSpec

INFO = JurisdictionInfo(
    name="kunming",
    body_zh="中共昆明市人民代表大会常务委员会党组",
    body_en="Kunming NPC standing committee Party group",
    source_title="中共昆明市人民代表大会常务委员会党组工作规则",
    source_date="2020-04-24",
    source_file="source.txt",
    rules_version="kunming-2020.1",
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
