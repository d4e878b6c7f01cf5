"""Readings fixed across the four jurisdictions (issue 8), one case per plugin and reading."""

from __future__ import annotations

import pytest

from core.rules.engine import TenantRules
from core.rules.types import ClassifyInput, ItemKind, Outcome

PLUGINS = ["ningbo", "nantong", "kunming", "heilongjiang"]


@pytest.mark.parametrize("plugin", PLUGINS)
def test_discipline_materials_wait_for_the_meeting(plugin: str) -> None:
    # Item 8: 实施细则 第六条(三) withholds 人事问题 materials until the meeting, and 处分党员 is
    # 重要人事 (三重一大实施办法 一(二)5). Ningbo, Nantong and Kunming sent them with the notice.
    rules = TenantRules(plugin, {}).call(
        "notice_rules", meeting_kind="regular", kind=ItemKind.DISCIPLINE
    )
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
    rules = TenantRules(plugin, {}).call(
        "notice_rules", meeting_kind="regular", kind=ItemKind.ORDINARY
    )
    (wd,) = [n for n in rules if n.citation.article == "议事规则实施细则 第六条(三)"]
    assert [c.article for c in wd.see_also] == ["议事规则实施细则 第四条(十二)"]


def test_catalogues_claim_no_sentence_they_lack() -> None:
    nantong = {e.rule: e for e in TenantRules("nantong", {}).call("rule_catalog")}
    assert nantong["nantong.quorum.recusal"].citation.article == "干部人事管理暂行办法 二十三"
    hl = TenantRules("heilongjiang", {}).call("rule_catalog")
    assert not any("不得委托表决" in e.summary_zh for e in hl)


@pytest.mark.parametrize("plugin", PLUGINS)
@pytest.mark.parametrize("category", ["budget", "asset_disposal", "tendered_procurement"])
def test_any_amount_categories_are_major(plugin: str, category: str) -> None:
    # Item 5: the compendium's budget (一(一)3), asset disposal (一(一)5) and tendered procurement
    # (一(三)5) are 三重一大 at any amount.
    result = TenantRules(plugin, {"major_funds_threshold_wan": 50}).call(
        "classify_item", item=ClassifyInput(categories=[category], amount_wan=3.0)
    )
    assert result.kind in (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL)
    assert any(v.rule.endswith("classify.major_any_amount") for v in result.verdicts)


def test_heilongjiang_bank_account_change_at_any_amount() -> None:
    # Item 5: HL 第五条(六): the (exclusive) amount governs 专项资金审批 only; a 3-万元 bank-account
    # change was classified ordinary.
    r = TenantRules("heilongjiang", {"major_funds_threshold_wan": 100})
    result = r.call("classify_item", item=ClassifyInput(categories=["bank_account"], amount_wan=3))
    assert result.kind == ItemKind.MAJOR_MATTER
    assert [v.citation.article for v in result.verdicts] == ["第五条(六)"]
    small = r.call(
        "classify_item", item=ClassifyInput(categories=["special_funds"], amount_wan=100)
    )
    assert small.kind == ItemKind.ORDINARY  # 不含: exactly the threshold is not above it


@pytest.mark.parametrize(
    ("category", "key"),
    [
        ("construction", "major_construction_threshold_wan"),
        ("construction_bundle", "major_construction_bundle_threshold_wan"),
        ("repairs", "major_repairs_threshold_wan"),
        ("events", "major_events_threshold_wan"),
        ("transfers", "major_transfers_threshold_wan"),
    ],
)
def test_each_blank_has_its_own_amount(category: str, key: str) -> None:
    # Item 6: one setting per "XX万元"; the general funds threshold does not decide these.
    item = ClassifyInput(categories=[category], amount_wan=20.0)
    unset = TenantRules("ningbo", {"major_funds_threshold_wan": 10}).call(
        "classify_item", item=item
    )
    (v,) = [v for v in unset.verdicts if v.rule == "ningbo.classify.major_by_amount"]
    assert v.outcome == Outcome.NEEDS_SETTING and v.missing_settings == [key]
    assert unset.kind == ItemKind.MAJOR_MATTER  # held as one until set
    below = TenantRules("ningbo", {key: 30}).call("classify_item", item=item)
    assert below.kind == ItemKind.ORDINARY
    at = TenantRules("ningbo", {key: 20}).call("classify_item", item=item)
    assert at.kind == ItemKind.MAJOR_MATTER  # "XX万元以上" includes the amount
