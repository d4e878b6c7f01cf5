"""Readings fixed across the four jurisdictions (issue 8), one case per plugin and reading."""

from __future__ import annotations

import pytest

from core.rules.engine import TenantRules
from core.rules.types import ItemKind

PLUGINS = ["ningbo", "nantong", "kunming", "heilongjiang"]


@pytest.mark.parametrize("plugin", PLUGINS)
def test_discipline_materials_wait_for_the_meeting(plugin: str) -> None:
    # Item 8: 实施细则 第六条(三) withholds 人事问题 materials until the meeting, and 处分党员 is
    # 重要人事 (三重一大实施办法 一(二)5). Ningbo, Nantong and Kunming sent them with the notice.
    rules = TenantRules(plugin, {}).call("notice_rules", kind=ItemKind.DISCIPLINE)
    assert rules
    sent = [n.rule for n in rules if n.materials and n.recipients == "members"]
    assert sent == []
