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
        AdHocPolicy,
        Attendance,
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
    """How items of `kind` are voted.

    * `methods` allowed and `default_method` (oral | hands | secret_ballot | named_ballot);
    * `choices` a member may state: yes / no / abstain, and `defer` (缓议) where the source has
      it (HL personnel 「同意、不同意或缓议」). 缓议 is not an abstention: the lifecycle counts it
      neither for nor against and puts deferral to the meeting;
    * `named`: each member's choice is recorded, whatever the method (实施细则 第六条(五)); a
      different thing from the `named_ballot` method. A secret ballot is never named;
    * `deferral`: whether split opinions (or close votes, or unclear facts: `triggers`) **must**
      (`mandatory`) or **may** put the item off, whether an urgent item is excepted
      (`except_urgent`), and what follows (`then_zh`); None when the source is silent;
    * item by item, person by person, no proxies, absent opinions never votes.
    """


@hookspec(firstresult=True)
def speaking_order(  # type: ignore[empty-body]
    ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]
) -> SpeakingOrder:
    """The order in which members speak and state positions, and what of it binds (`binds`):
    the last speaker only (the secretary or the chair: Ningbo, Kunming, HL ordinary items), the
    full order (HL personnel: every member from the lowest rank up), or nothing (a platform
    default the meeting may ignore, where the source fixes no order)."""


@hookspec(firstresult=True)
def notice_rules(  # type: ignore[empty-body]
    ctx: RuleContext, kind: ItemKind, meeting_kind: MeetingKind
) -> list[NoticeRule]:
    """Who is told of a meeting of `meeting_kind` and its items of `kind`, how long before
    (calendar or working days), with which materials, and the objection deadline where one
    exists.

    Each rule says how it binds at this meeting (`binding`): MUST; GENERALLY for "一般"/"原则上"
    (a miss is an exception recorded with its reason, `exception_zh` / `exception_citation`,
    never a violation); EXEMPT where the source exempts the meeting kind (HL 第十五条(一)
    「除临时召开的会议」; an emergency meeting whose items are 「议题在会上提出」). Declare
    `exempt_at` and return `core.rules.builders.at_meeting(rules, meeting_kind)`.
    """


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


@hookspec(firstresult=True)
def convening(ctx: RuleContext) -> ConveningRule:  # type: ignore[empty-body]
    """Who convenes and chairs a meeting, and to whom (positions) that may be delegated and
    when. An empty `delegates_to` means the source writes no delegation."""


@hookspec(firstresult=True)
def minutes_rules(ctx: RuleContext, kind: ItemKind) -> MinutesRule:  # type: ignore[empty-body]
    """Whether minutes are due (every meeting, decided items, or "必要时"), who signs them off,
    and their series (三重一大 items: their own series per year, 实施细则 第六条(七))."""


@hookspec(firstresult=True)
def leave_rules(ctx: RuleContext) -> LeaveRule:  # type: ignore[empty-body]
    """Who grants leave from a meeting and on what condition, whether an absent member may give
    a written opinion (never a vote) and by when it is due."""


@hookspec(firstresult=True)
def materials_rules(ctx: RuleContext, kind: ItemKind) -> list[MaterialsRule]:  # type: ignore[empty-body]
    """When the materials of an item of `kind` reach each recipient role (with the notice, or at
    the meeting only) and whether they are recalled (after the item, after the meeting); study
    materials are exempt from recall."""


@hookspec(firstresult=True)
def follow_up(ctx: RuleContext) -> FollowUpRule:  # type: ignore[empty-body]
    """Who tracks the execution of decisions (督办) and to whom it is reported."""


@hookspec(firstresult=True)
def ad_hoc_policy(ctx: RuleContext) -> AdHocPolicy:  # type: ignore[empty-body]
    """The 临时动议 policy as data: at which meeting kinds an ordinary item may be raised at the
    meeting, with whose consent (the bureau committee: the secretary's), and which kinds never
    (personnel, always). `ad_hoc_motion` answers the question for one item."""


@hookspec(firstresult=True)
def circulation(ctx: RuleContext) -> ProcedureRule:  # type: ignore[empty-body]
    """Deciding by circulating a paper for signatures instead of a meeting (传阅会签): refused
    by the compendium (实施细则 第二条 「一般不得以传阅会签或个别征求意见等形式代替集体议事和会议
    表决」); `core.rules.defaults.circulation` answers it."""


@hookspec(firstresult=True)
def agenda_order(  # type: ignore[empty-body]
    ctx: RuleContext, meeting_kind: MeetingKind, kinds: list[ItemKind]
) -> Verdict:
    """「第一议题」: does a meeting of `meeting_kind` whose items are of `kinds` (in agenda
    order) open with the study item (`ItemKind.STUDY`)? Ningbo 第二十二条(一) 「作为“第一议题”」,
    HL 第十八条 and the bureau committee 一、1 「坚持“第一议题”制度」: met when the first item is
    `study`, not met otherwise (an empty agenda included); not applicable at meeting kinds the
    rule does not reach, and where the text is silent (citing the text's own study rule).
    `core.rules.defaults.agenda_order` answers it from a `core.rules.table.Agenda`."""


# --- the compliance calendar and reporting ----------------------------------------------------


@hookspec(firstresult=True)
def obligations(ctx: RuleContext) -> list[Obligation]:  # type: ignore[empty-body]
    """Recurring obligations: kind, count per period, recipients (RULES.md's calendar)."""


@hookspec(firstresult=True)
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:  # type: ignore[empty-body]
    """Who must be told or reported to for an event. The core asks `report_to_superior`,
    `democratic_life_before`, `democratic_life_after`, `minutes_distribution`,
    `decision_to_absent_members`; the set is open: a source may name more (the district's
    `report_to_npc`, `inform_cppcc`: 「向区委汇报、向人大报告、向政协通报」), listed by
    `report_events`. Any other event, and one the source is silent on, answers an empty list."""


@hookspec(firstresult=True)
def report_events(ctx: RuleContext) -> list[str]:  # type: ignore[empty-body]
    """The events this source names recipients for, beyond the core's five (may be empty)."""


# --- access policy ------------------------------------------------------------------------------


@hookspec(firstresult=True)
def access_policy() -> dict[str, tuple[Permission, ...]] | None:  # type: ignore[empty-body]
    """role → permissions for a tenant of this jurisdiction; `None` keeps the core default.

    Roles are those of `core.access.permissions.ROLES`; permissions come from the same module. The
    core turns the answer into casbin `p` lines in the tenant's domain.
    """
