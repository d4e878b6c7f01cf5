"""三重一大 scope beyond the four headings: categories at any amount, and one amount test per blank.

Issue 8, item 5: a 大额资金/资产 item is not one amount test. The compendium (三重一大实施办法 一)
makes the budget (一(一)3), asset disposal (一(一)5) and tendered procurement (一(三)5) 三重一大 at
any amount, and has its own "XX万元" for capital construction (single and bundled, 一(三)3),
repairs and refurbishment (一(三)7), large events (一(四)1) and transfer payments (一(四)2), each
a baseline setting (`core.rules.baseline.FUNDS_SETTINGS`). `compendium_scope` answers for those
categories; a plugin passes its own citation where its text names the category (Heilongjiang
第五条(六) names 年度预算安排, 国有资产变更处置, 银行账户设立、变更及资金转存 at any amount) and
keeps its own amount test where its text has one.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from core.rules import compendium as K
from core.rules.builders import catalog_entry, rule_verdict
from core.rules.counting import FixedAnswer, funds_verdict
from core.rules.types import (
    Category,
    Citation,
    ClassifyInput,
    Outcome,
    RuleContext,
    RuleEntry,
    Verdict,
)

__all__ = ["ANY_AMOUNT", "BY_AMOUNT", "compendium_scope", "is_major", "scope_catalog"]

#: Category → the sentence that makes it 三重一大 whatever the amount.
ANY_AMOUNT: Mapping[str, Citation] = {
    Category.BUDGET: K.SZ_BUDGET,
    Category.ASSET_DISPOSAL: K.SZ_ASSETS,
    Category.TENDERED_PROCUREMENT: K.SZ_TENDERED,
}
#: Category → (the setting that holds its "XX万元", the sentence with the blank).
BY_AMOUNT: Mapping[str, tuple[str, Citation]] = {
    Category.CONSTRUCTION: ("major_construction_threshold_wan", K.SZ_CONSTRUCTION),
    Category.CONSTRUCTION_BUNDLE: ("major_construction_bundle_threshold_wan", K.SZ_CONSTRUCTION),
    Category.REPAIRS: ("major_repairs_threshold_wan", K.SZ_REPAIRS),
    Category.EVENTS: ("major_events_threshold_wan", K.SZ_EVENTS),
    Category.TRANSFERS: ("major_transfers_threshold_wan", K.SZ_TRANSFERS),
}

_HELD_ZH = "设置前按“三重一大”事项从严办理。"
_HELD_EN = " Until it is set, the item is held as a 三重一大 item."


def _rules(prefix: str) -> tuple[str, str]:
    return f"{prefix}.classify.major_any_amount", f"{prefix}.classify.major_by_amount"


def compendium_scope(
    prefix: str,
    ctx: RuleContext,
    item: ClassifyInput,
    *,
    own: Mapping[str, Citation] | None = None,
) -> list[Verdict]:
    """Verdicts for the item's categories of `ANY_AMOUNT` and `BY_AMOUNT` (others are ignored).

    `own` adds categories the plugin's text makes 三重一大 at any amount, with its sentence
    (it also replaces the compendium's citation for a category both name). Outcomes: MET = a
    三重一大 item; NOT_MET = below its threshold; NEEDS_SETTING = threshold unset, held as one
    (said in the verdict). Rule ids: `<prefix>.classify.major_any_amount` and
    `<prefix>.classify.major_by_amount` (`scope_catalog` lists them).
    """
    any_rule, amount_rule = _rules(prefix)
    any_amount = {**ANY_AMOUNT, **(own or {})}
    verdicts = []
    for category in dict.fromkeys(item.categories):
        if category in any_amount:
            verdicts.append(
                rule_verdict(
                    any_rule,
                    ctx,
                    True,
                    {"category": category, "amount_wan": item.amount_wan},
                    "该类事项不论金额均属“三重一大”事项。",
                    "This kind of matter is 三重一大 whatever the amount.",
                    any_amount[category],
                )
            )
        elif category in BY_AMOUNT:
            key, citation = BY_AMOUNT[category]
            v = funds_verdict(
                amount_rule,
                ctx,
                item.amount_wan,
                key=key,
                inclusive=True,  # "XX万元以上": 以上 includes the amount itself
                citation=citation,
                without_amount=FixedAnswer(
                    outcome=Outcome.MET,
                    zh="未填金额：补填前按“三重一大”事项从严办理；请填写金额（万元）。",
                    en="No amount given: held as a 三重一大 item until it is (10k yuan).",
                ),
            )
            if v.outcome == Outcome.NEEDS_SETTING:
                v = msgspec.structs.replace(
                    v,
                    explanation_zh=v.explanation_zh + _HELD_ZH,
                    explanation_en=v.explanation_en + _HELD_EN,
                )
            verdicts.append(v)
    return verdicts


def scope_catalog(prefix: str) -> list[RuleEntry]:
    """The catalogue rows of `compendium_scope`'s two rule ids for a plugin."""
    any_rule, amount_rule = _rules(prefix)
    return [
        catalog_entry(
            any_rule,
            "oversight",
            "年度预算、国有资产配置处置、应招投标采购等不论金额均属“三重一大”",
            "Budgets, asset disposal and tendered procurement are 三重一大 at any amount",
            K.SZ_BUDGET,
        ),
        catalog_entry(
            amount_rule,
            "oversight",
            "基本建设（单个、捆绑）、维修装潢、大型活动会议、对下转移支付各按其起点金额（单位设置）",
            "Construction (single, bundled), repairs, large events and transfer payments each "
            "against their own threshold (settings)",
            K.SZ_CONSTRUCTION,
        ),
    ]


def is_major(verdicts: list[Verdict]) -> bool:
    """Does any of `compendium_scope`'s verdicts make the item a major matter?"""
    return any(v.outcome in (Outcome.MET, Outcome.NEEDS_SETTING) for v in verdicts)
