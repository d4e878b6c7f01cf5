"""Counting, shared by every jurisdiction: thresholds and the verdicts built on them.

Readings (RULES.md, "Counting"): "以上"/"以下" include the number itself, "超过" excludes it (the
reading Chinese statutes fix for themselves, Civil Code art. 1259). Two-thirds of 7 is 5 (round
up). Members expected = all current members; a recused member leaves both base and head count.
"""

from __future__ import annotations

from typing import Any

import msgspec

from core.rules.types import Attendance, Citation, Outcome, RuleContext, Tally, Verdict

__all__ = [
    "HALF_OR_MORE",
    "MORE_THAN_HALF",
    "TWO_THIRDS_OR_MORE",
    "Threshold",
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
    if met and in_charge_required:
        numbers["in_charge_present"] = attendance.in_charge_present
        if attendance.in_charge_present is False:
            met = False
            zh += " 但分管该领域的党组成员未到会，不符合。"
            en += " But the member in charge of this area is absent: not met."
            citation = in_charge_citation or citation
    return Verdict(
        rule=rule,
        outcome=Outcome.MET if met else Outcome.NOT_MET,
        numbers=numbers,
        explanation_zh=zh,
        explanation_en=en,
        citation=citation,
        rules_version=ctx.version,
    )


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
    return Verdict(
        rule=rule,
        outcome=Outcome.MET if met else Outcome.NOT_MET,
        numbers=numbers,
        explanation_zh=zh,
        explanation_en=en,
        citation=citation,
        rules_version=ctx.version,
    )


def setting(ctx: RuleContext, key: str, default: Any = None) -> Any:
    """A tenant setting's value, the declared default, or None when it must be set."""
    value = ctx.settings.get(key)
    return default if value is None else value


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
