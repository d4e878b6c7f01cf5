"""Hook implementations for the Nantong housing bureau Party group."""

from __future__ import annotations

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules.types import JurisdictionInfo, SettingSpec

INFO = JurisdictionInfo(
    name="nantong",
    body_zh="南通市住房保障和房产管理局党组",
    body_en="Nantong Housing Security and Real Estate Administration Bureau Party group",
    source_title="局党组工作规则",
    source_date="2017-10-23",
    source_file="source.txt",
    rules_version="nantong-2017.1",
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
