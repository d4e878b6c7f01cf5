"""Every jurisdiction hook: the contract a jurisdiction plugin implements.

A jurisdiction plugin is a module (or package) of `@hookimpl` functions, found through the
`yishi.jurisdictions` entry-point group. The core never branches on the city: it asks the tenant's
plugin through `core.rules.plugins.hooks_for(plugin_name)`, which sees only that plugin. Hooks are
synchronous and pure (pluggy does not await), and answer with values, never booleans or raises.

Boot fails on an implementation of an unknown hook (`check_pending`), so a misspelled hook name is
caught at start-up, not when the rule is first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from core.access.permissions import Permission
    from core.rules.types import (
        Attendance,
        Classification,
        ClassifyInput,
        ItemKind,
        ItemKindInfo,
        JurisdictionInfo,
        MemberFacts,
        NoticeRule,
        Obligation,
        ProcedureRule,
        Recipient,
        RuleContext,
        RuleEntry,
        RuleVersion,
        SettingSpec,
        SpeakingOrder,
        Tally,
        Verdict,
        VotingRules,
    )

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "yishi"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# --- identity ---------------------------------------------------------------------------------


@hookspec(firstresult=True)
def jurisdiction() -> JurisdictionInfo:  # type: ignore[empty-body]
    """Who this jurisdiction is and which rule document it encodes.

    Answer a `JurisdictionInfo`: a stable `name` (the entry-point name), the body's Chinese and
    English names, the source document's title, date and file name, and the rule-set version.
    """


@hookspec(firstresult=True)
def rule_versions() -> list[RuleVersion]:  # type: ignore[empty-body]
    """Every version of this jurisdiction's rule set, each with the date it takes effect.

    A tenant follows the newest version whose `effective_from` is on or before the day in
    question, unless its settings pin `rules_version_schedule` (a list of `{version, from}`); a
    past decision is always judged by the version in force on the day it was taken. Every rule
    hook receives that version in `ctx.version` and must answer for it.
    """


@hookspec(firstresult=True)
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:  # type: ignore[empty-body]
    """Every rule this plugin encodes, with its citation: the rule explorer's rows.

    Every `rule` id that appears in a verdict must be listed here.
    """


# --- settings the unit admin fills in ---------------------------------------------------------


@hookspec(firstresult=True)
def settings_spec() -> list[SettingSpec]:  # type: ignore[empty-body]
    """The settings this jurisdiction needs from the unit admin (the sources' "XX" and "x").

    Each `SettingSpec` names its key, type, unit, bounds, default (or none: "must be set"), and the
    article and original sentence that leave the blank. Values are validated against these specs.
    """


# --- meetings and items ----------------------------------------------------------------------


@hookspec(firstresult=True)
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:  # type: ignore[empty-body]
    """The kinds of agenda item this source distinguishes (always including `ordinary`)."""


@hookspec(firstresult=True)
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:  # type: ignore[empty-body]
    """May the meeting be held with this attendance? (e.g. "半数以上党组成员到会方可召开")."""


@hookspec(firstresult=True)
def item_quorum(  # type: ignore[empty-body]
    ctx: RuleContext, kind: ItemKind, attendance: Attendance
) -> Verdict:
    """May this item be decided with this attendance? Stricter quorums by kind (干部任免,
    处分党员, 重大问题 …) and "the member in charge must be present" where the rules require it.
    Recused members are out of both base and count (use `core.rules.counting.quorum_verdict`)."""


@hookspec(firstresult=True)
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:  # type: ignore[empty-body]
    """Does the item pass? Threshold and base as the source says (usually "赞成票超过应到会党组成员
    半数"); written opinions of absent members are never votes."""


@hookspec(firstresult=True)
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:  # type: ignore[empty-body]
    """Vote methods allowed, the default and whether named votes are the default, item by item
    and person by person, whether split opinions defer the item."""


@hookspec(firstresult=True)
def speaking_order(  # type: ignore[empty-body]
    ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]
) -> SpeakingOrder:
    """The order in which members speak and state positions (secretary or chair last; for
    personnel in some sources every member from the lowest rank up)."""


@hookspec(firstresult=True)
def notice_rules(ctx: RuleContext, kind: ItemKind) -> list[NoticeRule]:  # type: ignore[empty-body]
    """Who is told of a meeting and its items, how long before (calendar or working days), with
    which materials, and the objection deadline where one exists."""


@hookspec(firstresult=True)
def ad_hoc_motion(  # type: ignore[empty-body]
    ctx: RuleContext, kind: ItemKind, emergency: bool
) -> Verdict:
    """May an item of this kind be raised at the meeting without notice (临时动议)?"""


@hookspec(firstresult=True)
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:  # type: ignore[empty-body]
    """Deciding without a meeting (临机处置): allowed? by whom? reported to the next meeting?"""


@hookspec(firstresult=True)
def reconsideration(ctx: RuleContext) -> ProcedureRule:  # type: ignore[empty-body]
    """Re-voting a decision (复议): allowed? on what conditions? with whose consent?"""


@hookspec(firstresult=True)
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:  # type: ignore[empty-body]
    """What kind an item really is: in scope of 三重一大 by category or by amount (thresholds
    from settings), whatever the proposer called it."""


# --- the compliance calendar and reporting ----------------------------------------------------


@hookspec(firstresult=True)
def obligations(ctx: RuleContext) -> list[Obligation]:  # type: ignore[empty-body]
    """Recurring obligations: kind, count per period, recipients (RULES.md's calendar)."""


@hookspec(firstresult=True)
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:  # type: ignore[empty-body]
    """Who must be told or reported to for an event: `report_to_superior`,
    `democratic_life_before`, `democratic_life_after`, `minutes_distribution`,
    `decision_to_absent_members`. An empty list when the source names nobody."""


# --- access policy ------------------------------------------------------------------------------


@hookspec(firstresult=True)
def access_policy() -> dict[str, tuple[Permission, ...]] | None:  # type: ignore[empty-body]
    """role → permissions for a tenant of this jurisdiction; `None` keeps the core default.

    Roles are those of `core.access.permissions.ROLES`; permissions come from the same module. The
    core turns the answer into casbin `p` lines in the tenant's domain.
    """
