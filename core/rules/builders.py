"""Builders every jurisdiction plugin answers with: verdicts, catalogue rows, item kinds.

A plugin decides *which* rule applies and *what* it says; these build the values the core expects
from that decision, the same way for every jurisdiction, so that a verdict of one plugin has the
same shape as the like verdict of another. Threshold arithmetic lives in `core.rules.counting`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

import msgspec

from core.rules.types import (
    Binding,
    Citation,
    ItemKind,
    MeetingKind,
    NoticeRule,
    Outcome,
    RuleContext,
    RuleEntry,
    Verdict,
)

__all__ = [
    "ad_hoc_verdict",
    "at_meeting",
    "catalog_entry",
    "listed_kind",
    "major_notice",
    "rule_verdict",
    "strictest_kind",
    "with_notice",
]


def rule_verdict(
    rule: str,
    ctx: RuleContext,
    met: bool,
    numbers: dict[str, Any],
    zh: str,
    en: str,
    citation: Citation,
) -> Verdict:
    """A met / not-met verdict on `rule` under the version in force (`ctx.version`).

    `numbers` are the facts the answer rests on (the conformance kit requires some for met and
    not met); `zh` and `en` say the answer in a sentence each, Chinese first.
    """
    return Verdict(
        rule=rule,
        outcome=Outcome.MET if met else Outcome.NOT_MET,
        numbers=numbers,
        explanation_zh=zh,
        explanation_en=en,
        citation=citation,
        rules_version=ctx.version,
    )


def ad_hoc_verdict(
    rule: str,
    ctx: RuleContext,
    kind: ItemKind | str,
    emergency: bool,
    allowed: bool,
    zh: str,
    en: str,
    citation: Citation,
    see_also: list[Citation] | None = None,
) -> Verdict:
    """The answer to "may an item of `kind` be raised at the meeting (临时动议)?".

    Met when it may (`allowed`); the numbers are the question asked (kind, emergency meeting or
    not) and the answer, as every plugin reports them.
    """
    numbers = {"kind": str(kind), "emergency": emergency, "allowed": allowed}
    v = rule_verdict(rule, ctx, allowed, numbers, zh, en, citation)
    return msgspec.structs.replace(v, see_also=see_also) if see_also else v


def catalog_entry(rule: str, topic: str, zh: str, en: str, citation: Citation) -> RuleEntry:
    """One row of a plugin's rule catalogue (the rule explorer), in positional form."""
    return RuleEntry(rule=rule, topic=topic, summary_zh=zh, summary_en=en, citation=citation)


def listed_kind(kind: ItemKind | str, listed: Collection[ItemKind]) -> ItemKind:
    """`kind` as a source that names only the `listed` kinds knows it.

    A kind the source does not list, or a value that is no item kind at all, takes the ordinary
    rules: the plugins answer "ordinary" rather than refuse a kind they were not written for.
    """
    try:
        value = ItemKind(kind)
    except ValueError:
        return ItemKind.ORDINARY
    return value if value in listed else ItemKind.ORDINARY


def strictest_kind(kinds: Iterable[ItemKind], rank: Mapping[ItemKind, int]) -> ItemKind:
    """Of the kinds that apply to one item, the one whose procedure governs: the highest `rank`.

    Each plugin ranks its kinds by the strictness of their rules; a kind missing from `rank`
    counts as the least strict (0). On equal rank the first given wins, so pass the declared kind
    first. `kinds` must not be empty.
    """
    return max(kinds, key=lambda k: rank.get(k, 0))


def at_meeting(rules: Iterable[NoticeRule], meeting_kind: MeetingKind | str) -> list[NoticeRule]:
    """`rules` as they bind at a meeting of `meeting_kind`: a rule whose `exempt_at` names it is
    EXEMPT (the lifecycle records no violation); the others keep their binding (MUST, or
    GENERALLY for "一般", whose miss is recorded with its reason)."""
    try:
        kind = MeetingKind(meeting_kind)
    except ValueError:
        kind = MeetingKind.REGULAR
    return [
        msgspec.structs.replace(n, binding=Binding.EXEMPT) if kind in n.exempt_at else n
        for n in rules
    ]


def with_notice(
    rules: Iterable[NoticeRule], ids: Collection[str], **changes: Any
) -> list[NoticeRule]:
    """`rules` with `changes` (NoticeRule fields: `binding`, `exempt_at`, `exception_zh`,
    `exception_citation` …) applied to the rules whose id is in `ids`."""
    return [msgspec.structs.replace(n, **changes) if n.rule in ids else n for n in rules]


def major_notice(
    rules: Iterable[NoticeRule], ctx: RuleContext, ids: Collection[str]
) -> list[NoticeRule]:
    """三重一大实施办法 二(一) "提前X个工作日" (issue 8, item 10): the rules in `ids` (the
    1-working-day notice of a 三重一大 item) take the tenant's `major_notice_working_days` (at
    least 1, the 细则's floor) and cite the blank's sentence beside their own."""
    from core.rules import compendium as K  # the compendium's citations, once

    days = ctx.settings.get("major_notice_working_days") or 1
    return with_notice(
        rules,
        ids,
        days_before=days,
        working_days=True,
        days_setting="major_notice_working_days",
        see_also=[K.SZ_NOTICE],
    )
