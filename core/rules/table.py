"""Jurisdictions as rule tables, interpreted once by the core (issue 8, "Plugins as rule tables").

A jurisdiction is mostly data: its identity and versions, the settings for its blanks, its item
kinds, its catalogue, and one row per rule (rule id, kind, numbers, citation). `RuleTable` holds
that data; `TablePlugin` answers every hook of `core.hookspecs` from it, the same way for every
jurisdiction. What a source says that no row can hold is a hook override: a subclass of
`TablePlugin` defines the hook as a method (it is marked `@hookimpl` for it) and answers it
itself, with `self.table` at hand.

The layout of every plugin (`plugins/<name>/`):

* `__init__.py`: `plugin = TablePlugin(TABLE, __file__)` (or a subclass with its overrides);
  the entry point is `<name> = "plugins.<name>:plugin"` in `yishi.jurisdictions`;
* `rules.py`: the source's own citations and `TABLE`; shared compendium sentences are
  `core.rules.compendium`'s, never declared again;
* `source.txt`: the source text every own citation is checked against;
* `tests/`: the case table from the source.

Rows that hold for some kinds only carry `kinds` (empty: every kind); the first row that fits
answers. A kind the table does not list takes the ordinary rules (`listed_kind`). Answers the
compendium gives and a source leaves alone come from `core.rules.defaults`: decisions by
circulation refused, 临机处置 allowed, the 实施细则 第六条(三) materials windows, the 三重一大
minutes series.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from core import hookspecs
from core.hookspecs import hookimpl
from core.rules import defaults
from core.rules.builders import (
    ad_hoc_verdict,
    at_meeting,
    catalog_entry,
    listed_kind,
    major_notice,
    rule_verdict,
    strictest_kind,
)
from core.rules.counting import (
    FixedAnswer,
    FundsWording,
    Threshold,
    counted_obligations,
    funds_verdict,
    not_applicable,
    passing_verdict,
    quorum_verdict,
)
from core.rules.scope import compendium_scope, is_major, scope_catalog
from core.rules.types import (
    AdHocPolicy,
    AgendaRule,
    Attendance,
    Citation,
    Classification,
    ClassifyInput,
    ConveningRule,
    FollowUpRule,
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    LeaveRule,
    MaterialsRule,
    MeetingKind,
    MemberFacts,
    MinutesRule,
    NoticeRule,
    Obligation,
    Outcome,
    ProcedureRule,
    Recipient,
    RuleContext,
    RuleEntry,
    RuleVersion,
    SettingSpec,
    SpeakingBinds,
    SpeakingOrder,
    Tally,
    Verdict,
    VotingRules,
)

__all__ = [
    "CORE_EVENTS",
    "AdHoc",
    "Agenda",
    "Classify",
    "Funds",
    "Kinded",
    "Notice",
    "Passing",
    "Quorum",
    "RuleTable",
    "Speaking",
    "TablePlugin",
]

#: The events the core asks `report_recipients` about; a table's other keys are its own events.
CORE_EVENTS = (
    "report_to_superior",
    "democratic_life_before",
    "democratic_life_after",
    "minutes_distribution",
    "decision_to_absent_members",
)

Kinds = tuple[ItemKind, ...]


class Quorum(msgspec.Struct, frozen=True, kw_only=True):
    """A quorum row: who must be present, by `threshold` ("半数以上", "三分之二以上")."""

    rule: str
    threshold: Threshold
    citation: Citation
    #: "其中分管此项工作的党组成员必须到会" (三重一大实施办法 二): absent or unnamed fails.
    in_charge: bool = False
    in_charge_citation: Citation | None = None
    see_also: list[Citation] = []
    #: Said after the count in every verdict (e.g. "the source sets no number: the compendium's").
    note_zh: str = ""
    note_en: str = ""


class Passing(msgspec.Struct, frozen=True, kw_only=True):
    """A passing row: yes votes against `threshold` over the members expected minus recused."""

    rule: str
    threshold: Threshold
    citation: Citation
    see_also: list[Citation] = []
    note_zh: str = ""
    note_en: str = ""


class Speaking(msgspec.Struct, frozen=True, kw_only=True):
    """Who speaks last: "chair" (the chair, or the secretary when no chair is marked) or
    "secretary" (after everyone, a chair other than him just before); the others by rank."""

    rule: str
    last: str
    zh: str
    en: str
    citation: Citation
    binds: SpeakingBinds = SpeakingBinds.LAST_ONLY
    #: For `binds=FULL_ORDER`: the others from the lowest rank up (largest `rank` first).
    lowest_first: bool = False


class Kinded(msgspec.Struct, frozen=True, kw_only=True):
    """Any row that holds for some kinds only (`kinds`; empty: every kind)."""

    kinds: Kinds = ()

    def fits(self, kind: ItemKind) -> bool:
        return not self.kinds or kind in self.kinds


class Notice(Kinded, frozen=True, kw_only=True):
    """A notice rule for the items of `kinds`. With `major_setting`, a 三重一大 item takes the
    tenant's `major_notice_working_days` (三重一大实施办法 二(一) "提前X个工作日")."""

    notice: NoticeRule
    major_setting: bool = False


class AdHoc(Kinded, frozen=True, kw_only=True):
    """An answer to "may this item be raised at the meeting?": for `kinds`, at an emergency
    meeting or not (`emergency`, None: either)."""

    rule: str
    allowed: bool
    zh: str
    en: str
    citation: Citation
    emergency: bool | None = None
    see_also: list[Citation] = []


class Materials(Kinded, frozen=True, kw_only=True):
    """A materials row for the items of `kinds`."""

    materials: MaterialsRule


class Classify(msgspec.Struct, frozen=True, kw_only=True):
    """A category that makes an item of `kind` (always met)."""

    kind: ItemKind
    rule: str
    zh: str
    en: str
    citation: Citation


class Funds(msgspec.Struct, frozen=True, kw_only=True):
    """A category tested against an amount setting (`key`): met makes the item `kind`; unset
    (or no amount, when `without_amount` is met) holds it as `kind`."""

    rule: str
    key: str
    inclusive: bool
    citation: Citation
    without_amount: FixedAnswer
    kind: ItemKind = ItemKind.MAJOR_MATTER
    setting_citation: Citation | None = None
    wording: FundsWording | None = None
    #: Said after a needs-setting answer ("held as 三重一大 until set").
    held_zh: str = "设置前按“三重一大”事项从严办理。"
    held_en: str = " Until it is set, the item is held as a 三重一大 item."


#: 「第一议题」 as data (`core.rules.types.AgendaRule`).
Agenda = AgendaRule


class RuleTable(msgspec.Struct, frozen=True, kw_only=True):
    """One jurisdiction's rules as data. See the module docstring for the layout."""

    info: JurisdictionInfo
    versions: list[RuleVersion]
    settings: list[SettingSpec] = []
    kinds: list[ItemKindInfo]
    catalog: list[RuleEntry]
    #: 三重一大 kinds: named votes and the 三重一大 minutes series, the major notice setting.
    major_kinds: Kinds = (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
    #: 人事问题 kinds (实施细则 第六条(三)): materials at the meeting, recalled after it.
    personnel_kinds: Kinds = (ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
    meeting_quorum: Quorum
    #: Kind → its quorum; a kind not listed takes `meeting_quorum`.
    item_quorum: Mapping[ItemKind, Quorum] = {}
    #: Kind → its passing row; `ItemKind.ORDINARY` is the default.
    passing: Mapping[ItemKind, Passing]
    #: Kind → how it is voted; `ItemKind.ORDINARY` is the default.
    voting: Mapping[ItemKind, VotingRules]
    #: Kind → speaking order; `ItemKind.ORDINARY` is the default (and the fallback of a
    #: "secretary" row when no secretary is present).
    speaking: Mapping[ItemKind, Speaking]
    notices: list[Notice]
    ad_hoc: list[AdHoc]
    ad_hoc_policy: AdHocPolicy
    #: None: the compendium's 临机处置 (`defaults.emergency_disposal`).
    emergency: ProcedureRule | None = None
    reconsideration: ProcedureRule
    categories: Mapping[str, Classify] = {}
    funds: Mapping[str, Funds] = {}
    #: Categories this text makes 三重一大 at any amount (`compendium_scope(own=…)`).
    own_scope: Mapping[str, Citation] = {}
    #: The kind the compendium's scope makes an item.
    scope_kind: ItemKind = ItemKind.MAJOR_MATTER
    #: Strictness of kinds, for an item several categories fit.
    rank: Mapping[ItemKind, int] = {}
    #: The answer when no category applies (`{declared}` is filled in).
    unclassified: Classify
    obligations: list[Obligation] = []
    recipients: Mapping[str, list[Recipient]] = {}
    convening: ConveningRule
    minutes: MinutesRule
    leave: LeaveRule
    #: Rows added to (or, with `own_materials`, replacing) the compendium's materials windows.
    materials: list[Materials] = []
    own_materials: bool = False
    follow_up: FollowUpRule
    agenda: AgendaRule | None = None
    #: The sentence a "not applicable" 第一议题 answer rests on where the text is silent.
    agenda_silent: Citation | None = None

    @property
    def name(self) -> str:
        return self.info.name

    def rule_ids(self) -> set[str]:
        return {e.rule for e in self.all_catalog()}

    def all_catalog(self) -> list[RuleEntry]:
        """The catalogue: the table's own rows (`catalog`), then a row for every rule id its
        other rows answer with and `catalog` does not list (summary from the row itself),
        then the rows of the core's answers it uses."""
        rows = list(self.catalog)
        seen = {e.rule for e in rows}
        for entry in self._derived():
            if entry.rule not in seen:
                seen.add(entry.rule)
                rows.append(entry)
        rows += scope_catalog(self.name)
        rows += defaults.contract_catalog(self.name)
        return rows

    def _derived(self) -> list[RuleEntry]:
        out: list[RuleEntry] = []
        for q in [self.meeting_quorum, *self.item_quorum.values()]:
            zh = f"{q.threshold.label_zh}成员到会" + ("，分管成员须到会" if q.in_charge else "")
            en = f"{q.threshold.describe_en()} present" + (
                ", the member in charge too" if q.in_charge else ""
            )
            out.append(catalog_entry(q.rule, "quorum", zh, en, q.citation))
        for p in self.passing.values():
            zh = f"赞成票{p.threshold.label_zh}（以应到会成员为基数）为通过"
            en = f"Passed by yes votes {p.threshold.describe_en()} of members expected"
            out.append(catalog_entry(p.rule, "voting", zh, en, p.citation))
        for s in self.speaking.values():
            out.append(catalog_entry(s.rule, "voting", s.zh, s.en, s.citation))
        for n in self.notices:
            days = n.notice.days_before
            when = (
                "及时"
                if days is None
                else f"提前{days}个{'工作日' if n.notice.working_days else '天'}"
            )
            zh = n.notice.note_zh or f"{when}通知（{n.notice.recipients}）"
            en = f"Notice to {n.notice.recipients}: " + (
                "in time"
                if days is None
                else f"{days} {'working ' if n.notice.working_days else ''}days before"
            )
            out.append(catalog_entry(n.notice.rule, "notice", zh, en, n.notice.citation))
        for a in self.ad_hoc:
            out.append(catalog_entry(a.rule, "notice", a.zh, a.en, a.citation))
        for c in self.categories.values():
            out.append(catalog_entry(c.rule, "oversight", c.zh, c.en, c.citation))
        for f in self.funds.values():
            zh = f"大额资金按单位设置的起点（{f.key}）"
            en = f"Large funds against the unit's threshold ({f.key})"
            out.append(catalog_entry(f.rule, "oversight", zh, en, f.citation))
        u = self.unclassified
        out.append(
            catalog_entry(
                u.rule,
                "oversight",
                "未涉及所列类别的，按申报类型办理",
                "No listed category: kept as declared",
                u.citation,
            )
        )
        for ob in self.obligations:
            count = ob.count if ob.count is not None else f"({ob.count_setting})"
            en = f"{count} {ob.unit} per {ob.period}" + (", as a rule" if ob.generally else "")
            out.append(catalog_entry(ob.rule, "obligations", ob.label_zh, en, ob.citation))
        procedures = [
            self.reconsideration,
            self.emergency
            or defaults.emergency_disposal(f"{self.name}.procedure.emergency_disposal"),
        ]
        for pr in procedures:
            zh = pr.conditions_zh or ("允许" if pr.allowed else "不允许")
            en = f"{pr.rule.rsplit('.', 1)[-1].replace('_', ' ')}: " + (
                "allowed" if pr.allowed else "not provided"
            )
            if pr.citation is not None:
                out.append(catalog_entry(pr.rule, "procedure", zh, en, pr.citation))
        out.append(
            defaults.first_item_entry(
                self.name, self.agenda, self.agenda_silent or self.meeting_quorum.citation
            )
        )
        return out


def _with(v: Verdict, note_zh: str, note_en: str, see_also: list[Citation]) -> Verdict:
    if not (note_zh or note_en or see_also):
        return v
    return msgspec.structs.replace(
        v,
        explanation_zh=v.explanation_zh + note_zh,
        explanation_en=v.explanation_en + note_en,
        see_also=[*v.see_also, *see_also],
    )


def _item_kind(kind: ItemKind | str) -> ItemKind:
    """An agenda item's kind as given (第一议题 asks for `study` even where the table lists no
    such kind); an unknown value is ordinary."""
    try:
        return ItemKind(kind)
    except ValueError:
        return ItemKind.ORDINARY


def _hook_names() -> frozenset[str]:
    return frozenset(n for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), "yishi_spec"))


class TablePlugin:
    """Every hook of `core.hookspecs`, answered from a `RuleTable`.

    Register an instance (the entry point names it: `plugins.<name>:plugin`). A subclass
    overrides a hook by defining the method; it need not repeat `@hookimpl`.
    """

    def __init__(self, table: RuleTable, module_file: str | Path) -> None:
        self.table = table
        #: The folder holding `table.info.source_file` (the conformance kit reads it there).
        self.source_dir = Path(module_file).resolve().parent

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = _hook_names()
        for name, fn in list(vars(cls).items()):
            if name in names and callable(fn) and not hasattr(fn, f"{hookspecs.PROJECT}_impl"):
                setattr(cls, name, hookimpl(fn))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.table.name}>"

    # --- identity, settings, catalogue ----------------------------------------------------------

    @hookimpl
    def jurisdiction(self) -> JurisdictionInfo:
        return self.table.info

    @hookimpl
    def rule_versions(self) -> list[RuleVersion]:
        return list(self.table.versions)

    @hookimpl
    def rule_catalog(self, ctx: RuleContext) -> list[RuleEntry]:
        return self.table.all_catalog()

    @hookimpl
    def settings_spec(self) -> list[SettingSpec]:
        return list(self.table.settings)

    @hookimpl
    def item_kinds(self, ctx: RuleContext) -> list[ItemKindInfo]:
        return list(self.table.kinds)

    def kind(self, kind: ItemKind | str) -> ItemKind:
        """`kind` as this table knows it (a kind it does not list is ordinary)."""
        return listed_kind(kind, [k.kind for k in self.table.kinds])

    # --- counting ---------------------------------------------------------------------------------

    def _quorum(self, ctx: RuleContext, q: Quorum, attendance: Attendance) -> Verdict:
        v = quorum_verdict(
            q.rule,
            ctx,
            attendance,
            q.threshold,
            q.citation,
            in_charge_required=q.in_charge,
            in_charge_citation=q.in_charge_citation,
        )
        return _with(v, q.note_zh, q.note_en, q.see_also)

    @hookimpl
    def meeting_quorum(self, ctx: RuleContext, attendance: Attendance) -> Verdict:
        return self._quorum(ctx, self.table.meeting_quorum, attendance)

    @hookimpl
    def item_quorum(self, ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
        row = self.table.item_quorum.get(self.kind(kind), self.table.meeting_quorum)
        return self._quorum(ctx, row, attendance)

    @hookimpl
    def passing(self, ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
        p = self.table.passing.get(self.kind(kind)) or self.table.passing[ItemKind.ORDINARY]
        v = passing_verdict(p.rule, ctx, tally, p.threshold, p.citation)
        return _with(v, p.note_zh, p.note_en, p.see_also)

    @hookimpl
    def voting_rules(self, ctx: RuleContext, kind: ItemKind) -> VotingRules:
        voting = self.table.voting
        return voting.get(self.kind(kind)) or voting[ItemKind.ORDINARY]

    @hookimpl
    def speaking_order(
        self, ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]
    ) -> SpeakingOrder:
        table = self.table.speaking
        row = table.get(self.kind(kind)) or table[ItemKind.ORDINARY]
        chair = next((m for m in members if m.chairing), None)
        secretary = next((m for m in members if m.position == "secretary"), None)
        if row.last == "secretary" and secretary is None:
            row = table[ItemKind.ORDINARY]
        last: list[MemberFacts] = []
        if row.last == "secretary" and secretary is not None:
            if chair is not None and chair.id != secretary.id:
                last.append(chair)
            last.append(secretary)
        elif (presiding := chair or secretary) is not None:
            last.append(presiding)
        ids = {m.id for m in last}
        sign = -1 if row.lowest_first else 1
        others = sorted(
            (m for m in members if m.id not in ids), key=lambda m: (sign * m.rank, m.id)
        )
        return SpeakingOrder(
            order=[m.id for m in others] + [m.id for m in last],
            rule=row.rule,
            explanation_zh=row.zh,
            explanation_en=row.en,
            citation=row.citation,
            binds=row.binds,
        )

    # --- notice and motions ---------------------------------------------------------------------

    @hookimpl
    def notice_rules(
        self, ctx: RuleContext, kind: ItemKind, meeting_kind: MeetingKind
    ) -> list[NoticeRule]:
        kind = self.kind(kind)
        rows = [n for n in self.table.notices if n.fits(kind)]
        rules = [n.notice for n in rows]
        if kind in self.table.major_kinds:
            rules = major_notice(rules, ctx, {n.notice.rule for n in rows if n.major_setting})
        return at_meeting(rules, meeting_kind)

    @hookimpl
    def ad_hoc_motion(self, ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
        known = self.kind(kind)
        for row in self.table.ad_hoc:
            if row.fits(known) and row.emergency in (None, emergency):
                return ad_hoc_verdict(
                    row.rule,
                    ctx,
                    kind,
                    emergency,
                    row.allowed,
                    row.zh,
                    row.en,
                    row.citation,
                    see_also=list(row.see_also) or None,
                )
        raise LookupError(f"{self.table.name}: no ad-hoc row for {kind}, emergency={emergency}")

    @hookimpl
    def ad_hoc_policy(self, ctx: RuleContext) -> AdHocPolicy:
        return self.table.ad_hoc_policy

    @hookimpl
    def emergency_disposal(self, ctx: RuleContext) -> ProcedureRule:
        rule = self.table.emergency
        return rule or defaults.emergency_disposal(
            f"{self.table.name}.procedure.emergency_disposal"
        )

    @hookimpl
    def reconsideration(self, ctx: RuleContext) -> ProcedureRule:
        return self.table.reconsideration

    @hookimpl
    def circulation(self, ctx: RuleContext) -> ProcedureRule:
        return defaults.circulation(f"{self.table.name}.procedure.circulation")

    # --- classification ------------------------------------------------------------------------

    @hookimpl
    def classify_item(self, ctx: RuleContext, item: ClassifyInput) -> Classification:
        t = self.table
        declared = self.kind(item.declared_kind)
        found = [declared]
        verdicts: list[Verdict] = []
        for category in dict.fromkeys(item.categories):
            if category in t.categories:
                row = t.categories[category]
                found.append(row.kind)
                numbers = {"category": category}
                verdicts.append(
                    rule_verdict(row.rule, ctx, True, numbers, row.zh, row.en, row.citation)
                )
            elif category in t.funds:
                f = t.funds[category]
                v = funds_verdict(
                    f.rule,
                    ctx,
                    item.amount_wan,
                    key=f.key,
                    inclusive=f.inclusive,
                    citation=f.citation,
                    setting_citation=f.setting_citation,
                    without_amount=f.without_amount,
                    wording=f.wording,
                )
                if v.outcome == Outcome.NEEDS_SETTING:
                    v = _with(v, f.held_zh, f.held_en, [])
                if v.outcome in (Outcome.MET, Outcome.NEEDS_SETTING):
                    found.append(f.kind)
                verdicts.append(v)
        scope = compendium_scope(t.name, ctx, item, own=t.own_scope or None)
        verdicts += scope
        if is_major(scope):
            found.append(t.scope_kind)
        if not verdicts:
            u = t.unclassified
            verdicts.append(
                not_applicable(
                    u.rule,
                    ctx,
                    u.citation,
                    u.zh.format(declared=declared),
                    u.en.format(declared=declared),
                )
            )
        return Classification(kind=strictest_kind(found, t.rank), verdicts=verdicts)

    # --- the meeting lifecycle --------------------------------------------------------------------

    @hookimpl
    def convening(self, ctx: RuleContext) -> ConveningRule:
        return self.table.convening

    @hookimpl
    def minutes_rules(self, ctx: RuleContext, kind: ItemKind) -> MinutesRule:
        series = defaults.minutes_series(self.kind(kind), set(self.table.major_kinds))
        return msgspec.structs.replace(self.table.minutes, series=series)

    @hookimpl
    def leave_rules(self, ctx: RuleContext) -> LeaveRule:
        return self.table.leave

    @hookimpl
    def materials_rules(self, ctx: RuleContext, kind: ItemKind) -> list[MaterialsRule]:
        kind = self.kind(kind)
        own = [m.materials for m in self.table.materials if m.fits(kind)]
        if self.table.own_materials:
            return own
        personnel = kind in self.table.personnel_kinds
        return defaults.materials(kind, personnel=personnel) + own

    @hookimpl
    def follow_up(self, ctx: RuleContext) -> FollowUpRule:
        return self.table.follow_up

    @hookimpl
    def agenda_order(
        self, ctx: RuleContext, meeting_kind: MeetingKind, kinds: list[ItemKind]
    ) -> Verdict:
        return defaults.agenda_order(
            ctx,
            self.table.agenda,
            meeting_kind,
            [_item_kind(k) for k in kinds],
            rule=f"{self.table.name}.meetings.first_item",
            silent=self.table.agenda_silent or self.table.meeting_quorum.citation,
        )

    # --- the calendar and reporting --------------------------------------------------------------

    @hookimpl
    def obligations(self, ctx: RuleContext) -> list[Obligation]:
        return counted_obligations(ctx, self.table.obligations)

    @hookimpl
    def report_recipients(self, ctx: RuleContext, event: str) -> list[Recipient]:
        return list(self.table.recipients.get(event, []))

    @hookimpl
    def report_events(self, ctx: RuleContext) -> list[str]:
        return [e for e in self.table.recipients if e not in CORE_EVENTS]

    @hookimpl
    def access_policy(self) -> dict[str, Any] | None:
        # The core default policy (core/access/policy.py) fits every body so far.
        return None
