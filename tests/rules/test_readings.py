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


@pytest.mark.parametrize("plugin", PLUGINS)
def test_ad_hoc_appointments_cite_the_cadre_rules(plugin: str) -> None:
    # Item 13: 「不得临时动议决定干部的任免」 (干部人事管理暂行办法 二十), as the citation or beside
    # the tenant's own sentence.
    v = TenantRules(plugin, {}).call("ad_hoc_motion", kind=ItemKind.PERSONNEL, emergency=True)
    assert not v.ok
    cited = [v.citation.article] + [c.article for c in v.see_also]
    assert "干部人事管理暂行办法 二十" in cited


def test_kunming_ad_hoc_refusal_cites_its_own_article() -> None:
    v = TenantRules("kunming", {}).call("ad_hoc_motion", kind=ItemKind.ORDINARY, emergency=False)
    assert "第二十一条" in [c.article for c in v.see_also]


@pytest.mark.parametrize("plugin", PLUGINS)
def test_one_working_day_for_ordinary_items_names_its_basis(plugin: str) -> None:
    # Item 13: the 细则's notice reaches ordinary items through 第四条(十二).
    rules = TenantRules(plugin, {}).call("notice_rules", kind=ItemKind.ORDINARY)
    (wd,) = [n for n in rules if n.citation.article == "议事规则实施细则 第六条(三)"]
    assert [c.article for c in wd.see_also] == ["议事规则实施细则 第四条(十二)"]


def test_catalogues_claim_no_sentence_they_lack() -> None:
    nantong = {e.rule: e for e in TenantRules("nantong", {}).call("rule_catalog")}
    assert nantong["nantong.quorum.recusal"].citation.article == "干部人事管理暂行办法 二十三"
    hl = TenantRules("heilongjiang", {}).call("rule_catalog")
    assert not any("不得委托表决" in e.summary_zh for e in hl)
