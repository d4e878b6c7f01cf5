"""Hook implementations for Heilongjiang offices administration Party group."""

from __future__ import annotations

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules.types import JurisdictionInfo, SettingSpec

INFO = JurisdictionInfo(
    name="heilongjiang",
    body_zh="中共黑龙江省机关事务管理局党组",
    body_en="Heilongjiang offices administration Party group",
    source_title="中共黑龙江省机关事务管理局党组工作规则",
    source_date="",
    source_file="source.txt",
    rules_version="heilongjiang-1",
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


SETTINGS: list[SettingSpec] = [
    SettingSpec(
        key="regular_meetings_per_month",
        type="int",
        label_zh="党组会议每月召开次数",
        label_en="Regular Party group meetings per month",
        unit="次/月",
        minimum=1,
        maximum=8,
        default=None,  # the source leaves "x": the unit admin must set it
        article="第十五条",
        original="局党组决策一般采用党组会议形式。党组会议一般每月召开x次，遇有重要情况可随时召开。",
    ),
]
