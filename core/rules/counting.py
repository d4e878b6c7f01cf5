"""Counting, shared by every jurisdiction: thresholds and the verdicts built on them.

Readings (RULES.md, "Counting"): "以上"/"以下" include the number itself, "超过" excludes it (the
reading Chinese statutes fix for themselves, Civil Code art. 1259). Two-thirds of 7 is 5 (round
up). Members expected = all current members; a recused member leaves both base and head count.
The 三重一大 large-funds threshold (万元) is read the same way: "XX万元以上" includes the threshold
itself, "XX万元以上（不含XX万元）" does not. Verdict and catalogue builders: `core.rules.builders`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import msgspec

from core.rules.builders import rule_verdict
from core.rules.types import (
    Attendance,
    Citation,
    Obligation,
    Outcome,
    RuleContext,
    Tally,
    Verdict,
)

__all__ = [
    "HALF_OR_MORE",
    "MORE_THAN_HALF",
    "TWO_THIRDS_OR_MORE",
    "FixedAnswer",
    "FundsWording",
    "Threshold",
    "counted_obligations",
    "funds_verdict",
    "needs_setting",
    "not_applicable",
    "passing_verdict",
    "quorum_verdict",
    "setting",
]


class Threshold(msgspec.Struct, frozen=True):
    num: int
    den: int
    #: True for "以上" (at least), False for "超过" (more than).
    inclusive: bool
    label_zh: str

    def needed(self, base: int) -> int:
        """Smallest count that meets the threshold over `base` (integer arithmetic, no floats)."""
        if base <= 0:
            return 0
        if self.inclusive:
            return -(-base * self.num // self.den)  # ceil(base * num / den)
        return base * self.num // self.den + 1

    def describe_en(self) -> str:
        kind = "at least" if self.inclusive else "more than"
        frac = "half" if (self.num, self.den) == (1, 2) else f"{self.num}/{self.den}"
        return f"{kind} {frac}"


HALF_OR_MORE = Threshold(1, 2, True, "半数以上（含本数）")
MORE_THAN_HALF = Threshold(1, 2, False, "超过半数（不含本数）")
TWO_THIRDS_OR_MORE = Threshold(2, 3, True, "三分之二以上（含本数）")


def quorum_verdict(
    rule: str,
    ctx: RuleContext,
    attendance: Attendance,
    threshold: Threshold,
    citation: Citation,
    *,
    in_charge_required: bool = False,
    in_charge_citation: Citation | None = None,
) -> Verdict:
    base = attendance.expected - attendance.recused
    present = attendance.present - attendance.recused
    needed = threshold.needed(base)
    numbers: dict[str, Any] = {
        "present": present,
        "expected": base,
        "needed": needed,
        "recused": attendance.recused,
        "threshold": f"{threshold.num}/{threshold.den}",
        "inclusive": threshold.inclusive,
    }
    met = present >= needed and base > 0
    zh = (
        f"应到 {base} 人，实到 {present} 人，需 {threshold.label_zh} 即至少 {needed} 人"
        + (f"（{attendance.recused} 人回避，不计入基数与到会人数）" if attendance.recused else "")
        + ("，符合。" if met else "，不足。")
    )
    en = (
        f"present {present} of {base} expected; needed {needed} ({threshold.describe_en()}"
        f"{', the number itself included' if threshold.inclusive else ''})"
        + (f"; {attendance.recused} recused, out of base and count" if attendance.recused else "")
        + ("; met." if met else "; not met.")
    )
    if in_charge_required:
        numbers["in_charge_present"] = attendance.in_charge_present
    if met and in_charge_required and attendance.in_charge_present is not True:
        # 三重一大实施办法 二 「其中分管此项工作的党组成员必须到会」 is absolute: a member in
        # charge who is absent, or not named at all, fails the quorum (an unknown is no
        # presence). The meeting lifecycle must name the member in charge of such an item.
        met = False
        if attendance.in_charge_present is None:
            zh += " 但未指明分管此项工作的党组成员，无法确认其到会，不符合。"
            en += " But no member in charge of this area is named: presence unknown; not met."
        else:
            zh += " 但分管该领域的党组成员未到会，不符合。"
            en += " But the member in charge of this area is absent: not met."
        citation = in_charge_citation or citation
    return rule_verdict(rule, ctx, met, numbers, zh, en, citation)


def passing_verdict(
    rule: str, ctx: RuleContext, tally: Tally, threshold: Threshold, citation: Citation
) -> Verdict:
    """Yes votes against the threshold over members expected (not those present)."""
    base = tally.expected - tally.recused
    needed = threshold.needed(base)
    met = tally.yes >= needed and base > 0
    numbers = {
        "yes": tally.yes,
        "no": tally.no,
        "abstain": tally.abstain,
        "expected": base,
        "recused": tally.recused,
        "needed": needed,
        "threshold": f"{threshold.num}/{threshold.den}",
        "inclusive": threshold.inclusive,
        "written_opinions_not_counted": tally.written_for + tally.written_against,
    }
    zh = (
        f"赞成 {tally.yes} 票，应到会党组成员 {base} 人，需{threshold.label_zh}即至少 {needed} 票"
        + ("，通过。" if met else "，未通过。")
        + ("未到会成员的书面意见不计入票数。" if numbers["written_opinions_not_counted"] else "")
    )
    en = (
        f"{tally.yes} yes of {base} members expected; needed {needed} "
        f"({threshold.describe_en()} of members expected)" + ("; passed." if met else "; failed.")
    )
    return rule_verdict(rule, ctx, met, numbers, zh, en, citation)


def setting(ctx: RuleContext, key: str, default: Any = None) -> Any:
    """A tenant setting's value, the declared default, or None when it must be set."""
    value = ctx.settings.get(key)
    return default if value is None else value


def counted_obligations(ctx: RuleContext, obligations: Iterable[Obligation]) -> list[Obligation]:
    """`obligations` as they stand for this tenant: one whose count a setting decides
    (`count_setting`) takes that setting's value, None while it is unset (the calendar shows
    nothing due until the unit admin fills it in); the others as declared."""
    return [
        ob
        if ob.count_setting is None
        else msgspec.structs.replace(ob, count=setting(ctx, ob.count_setting))
        for ob in obligations
    ]


def needs_setting(rule: str, ctx: RuleContext, keys: list[str], citation: Citation) -> Verdict:
    names = "、".join(keys)
    return Verdict(
        rule=rule,
        outcome=Outcome.NEEDS_SETTING,
        numbers={},
        explanation_zh=f"原文留空（{citation.article}），需由单位管理员先设置：{names}。",
        explanation_en=f"The source leaves this blank ({citation.article}); "
        f"the unit admin must set: {', '.join(keys)}.",
        citation=citation,
        rules_version=ctx.version,
        missing_settings=keys,
    )


def not_applicable(
    rule: str, ctx: RuleContext, citation: Citation, why_zh: str, why_en: str
) -> Verdict:
    return Verdict(
        rule=rule,
        outcome=Outcome.NOT_APPLICABLE,
        explanation_zh=why_zh,
        explanation_en=why_en,
        citation=citation,
        rules_version=ctx.version,
    )


# --- 三重一大: large funds (大额资金使用) against the tenant's threshold ------------------------


class FundsWording(msgspec.Struct, frozen=True, kw_only=True):
    """How a source words the comparison of an amount with its funds threshold.

    Each sentence is a `str.format` template with the fields `{amount}` and `{threshold}` (万元,
    as given and as set). `met_*` is said when the amount makes the item a large-funds item.
    """

    met_zh: str
    not_met_zh: str
    met_en: str
    not_met_en: str

    @classmethod
    def default(cls, inclusive: bool) -> FundsWording:
        """Plain wording for a source that has none of its own."""
        if inclusive:
            lead_zh = "金额 {amount} 万元，大额资金标准为 {threshold} 万元以上（含本数）："
            lead_en = "{amount} (10k yuan) against {threshold} or more (the threshold included): "
        else:
            lead_zh = "金额 {amount} 万元，大额资金标准为超过 {threshold} 万元（不含本数）："
            lead_en = "{amount} (10k yuan) against more than {threshold} (the threshold excluded): "
        return cls(
            met_zh=lead_zh + "属“三重一大”大额资金使用。",
            not_met_zh=lead_zh + "未达标准。",
            met_en=lead_en + "a 三重一大 large-funds item.",
            not_met_en=lead_en + "below the threshold.",
        )


class FixedAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """An answer a plugin gives whatever the numbers: its outcome, its sentences, its citation."""

    outcome: Outcome
    zh: str
    en: str
    #: None: the citation of the verdict it stands in for.
    citation: Citation | None = None


def _wan(value: Any, what: str) -> Decimal:
    """An amount in 万元 as an exact decimal. `Decimal(str(x))` orders floats as the floats
    themselves are ordered; anything that is not a finite number is refused, never read as 0."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{what} is not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"{what} is not a finite number: {value!r}")
    return number


def funds_verdict(
    rule: str,
    ctx: RuleContext,
    amount_wan: float | None,
    *,
    key: str,
    inclusive: bool,
    citation: Citation,
    without_amount: FixedAnswer,
    setting_citation: Citation | None = None,
    wording: FundsWording | None = None,
) -> Verdict:
    """Is an item's amount (万元) 大额资金使用, against the threshold in the tenant setting `key`?

    * No amount given: `without_amount`, the source's own answer (a funds item taken at its word,
      refused, or left undecided). As `not_applicable` it carries no numbers; as met / not met
      its numbers are the amount (None) and the threshold.
    * Threshold unset: `needs_setting`, naming `key` and citing `setting_citation` (default
      `citation`), the sentence that leaves the amount blank.
    * Otherwise met when the amount reaches the threshold: `inclusive` for "XX万元以上" (the
      threshold itself counts), not for "XX万元以上（不含XX万元）" or "超过" (strictly above).
      Numbers: `amount_wan`, `threshold_wan` (as given and set) and `inclusive`.

    Exact decimals, no float rounding. The outcome is the classification: MET = a 三重一大
    large-funds item, NOT_MET = not by its amount; a plugin that holds an undecided item to the
    stricter kind reads NEEDS_SETTING itself.
    """
    if amount_wan is None:
        if without_amount.outcome == Outcome.NEEDS_SETTING:
            raise ValueError("without_amount cannot be needs_setting: no setting is missing")
        cited = without_amount.citation or citation
        if without_amount.outcome == Outcome.NOT_APPLICABLE:
            return not_applicable(rule, ctx, cited, without_amount.zh, without_amount.en)
        return rule_verdict(
            rule,
            ctx,
            without_amount.outcome == Outcome.MET,
            {"amount_wan": None, "threshold_wan": setting(ctx, key)},
            without_amount.zh,
            without_amount.en,
            cited,
        )
    threshold = setting(ctx, key)
    if threshold is None:
        return needs_setting(rule, ctx, [key], setting_citation or citation)
    amount, limit = _wan(amount_wan, "amount_wan"), _wan(threshold, key)
    met = amount >= limit if inclusive else amount > limit
    words = wording or FundsWording.default(inclusive)
    fields = {"amount": amount_wan, "threshold": threshold}
    return rule_verdict(
        rule,
        ctx,
        met,
        {"amount_wan": amount_wan, "threshold_wan": threshold, "inclusive": inclusive},
        (words.met_zh if met else words.not_met_zh).format(**fields),
        (words.met_en if met else words.not_met_en).format(**fields),
        citation,
    )
