"""The conformance kit: certify a jurisdiction plugin against the hook contract.

Run it on any installed plugin:

    python -m core.rules.conformance ningbo        # prints problems, exits 1 if any

or from a plugin's own tests (this module is also a pytest plugin, `yishi_conformance`):

    def test_conformance(yishi_conformance):
        assert yishi_conformance("ningbo") == []

It checks that every required hook is implemented (and no unknown one), that every answer is a
well-formed value (verdicts with a rule listed in the catalogue, a known outcome, the version in
force), that every citation's original sentence is found in the plugin's declared source text,
that settings declare type, bounds and the article that leaves them blank, and that the access
policy turns into casbin lines that parse. Hooks are exercised over body sizes 5–11, every
attendance, recusals, each item kind, with settings unset and set.
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from core.access.permissions import ROLES, Permission
from core.access.policy import policy_lines
from core.rules.engine import REQUIRED_HOOKS
from core.rules.plugins import JurisdictionHooks, plugin_manager
from core.rules.types import (
    BODY_POSITIONS,
    AdHocPolicy,
    Attendance,
    Binding,
    Category,
    Citation,
    Classification,
    ClassifyInput,
    ConveningRule,
    DeferralRule,
    FollowUpRule,
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    LeaveRule,
    MaterialsReturn,
    MaterialsRule,
    MaterialsWindow,
    MeetingKind,
    MemberFacts,
    MinutesDue,
    MinutesRule,
    NoticeRule,
    Obligation,
    ObligationScope,
    ObligationUnit,
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
    VoteChoice,
    VotingRules,
)

__all__ = ["EVENTS", "check_plugin", "normalize", "source_text", "yishi_conformance"]

EVENTS = (
    "report_to_superior",
    "democratic_life_before",
    "democratic_life_after",
    "minutes_distribution",
    "decision_to_absent_members",
)
VOTE_METHODS = {"oral", "hands", "secret_ballot", "named_ballot"}
RECIPIENT_ROLES = ("members", "attendees", "inspectors")
APPROVERS = ("chair", "secretary", "convener")
PERIODS = {"month", "quarter", "half_year", "year"}
CATEGORIES = tuple(Category)


SHARED_SOURCES = {"oversight": Path(__file__).with_name("sources") / "oversight.txt"}


@cache
def _shared(name: str) -> str:
    return normalize(SHARED_SOURCES[name].read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    """NFKC (full-width → half-width) and no whitespace, so a citation matches across layouts."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _module_dir(plugin: object) -> Path:
    """The plugin's folder: a module's, or a rule-table plugin's `source_dir`
    (`core.rules.table.TablePlugin`)."""
    if isinstance(plugin, ModuleType):
        return Path(plugin.__file__ or ".").resolve().parent
    return Path(getattr(plugin, "source_dir", "."))


def source_text(plugin: object, info: JurisdictionInfo) -> str | None:
    path = _module_dir(plugin) / info.source_file
    return path.read_text(encoding="utf-8") if path.is_file() else None


class _Checker:
    def __init__(self, name: str, pm: pluggy.PluginManager) -> None:
        self.name = name
        self.pm = pm
        self.problems: list[str] = []
        self.source = ""
        self.catalog: set[str] = set()
        self.implemented: set[str] = set()

    def bad(self, where: str, message: str) -> None:
        self.problems.append(f"{self.name}: {where}: {message}")

    def citation(self, where: str, c: Citation | None, required: bool = True) -> None:
        if c is None:
            if required:
                self.bad(where, "missing citation")
            return
        if not isinstance(c, Citation):
            self.bad(where, f"citation is {type(c).__name__}, not Citation")
            return
        if not c.article.strip():
            self.bad(where, "citation has no article")
        if not c.original.strip():
            self.bad(where, "citation has no original sentence")
        elif c.source and c.source not in SHARED_SOURCES:
            self.bad(where, f"citation names unknown source {c.source!r}")
        elif c.source and normalize(c.original) not in _shared(c.source):
            self.bad(where, f"citation of {c.article} not found in {c.source}: {c.original[:40]}…")
        elif not c.source and self.source and normalize(c.original) not in self.source:
            self.bad(where, f"citation of {c.article} not found in the source: {c.original[:40]}…")

    def verdict(self, where: str, v: Any, ctx: RuleContext) -> None:
        if not isinstance(v, Verdict):
            self.bad(where, f"answered {type(v).__name__}, not a Verdict")
            return
        if v.outcome not in set(Outcome):
            self.bad(where, f"unknown outcome {v.outcome!r}")
        if self.catalog and v.rule not in self.catalog:
            self.bad(where, f"rule {v.rule!r} is not in rule_catalog()")
        if v.rules_version != ctx.version:
            self.bad(where, f"verdict says version {v.rules_version!r}, in force {ctx.version!r}")
        if not (v.explanation_zh and v.explanation_en):
            self.bad(where, "verdict without explanation (zh and en)")
        if v.outcome == Outcome.NEEDS_SETTING and not v.missing_settings:
            self.bad(where, "needs_setting without naming the missing settings")
        if v.outcome in (Outcome.MET, Outcome.NOT_MET) and not v.numbers:
            self.bad(where, "met/not met without the numbers it used")
        self.citation(where, v.citation)
        for also in v.see_also:
            self.citation(f"{where} (see also)", also)

    def typed(self, where: str, value: Any, kind: type | tuple[type, ...]) -> bool:
        if not isinstance(value, kind):
            self.bad(where, f"answered {type(value).__name__}, expected {kind}")
            return False
        return True


def _contexts(version: str, specs: list[SettingSpec]) -> Iterator[tuple[str, RuleContext]]:
    yield "settings unset", RuleContext(version=version, settings={}, on=date(2026, 6, 1))
    filled: dict[str, Any] = {}
    for s in specs:
        if s.default is not None:
            filled[s.key] = s.default
        elif s.type == "bool":
            filled[s.key] = True
        elif s.type == "str":
            filled[s.key] = "x"
        else:
            low = s.minimum if s.minimum is not None else 1
            high = s.maximum if s.maximum is not None else low
            value = (low + high) / 2
            filled[s.key] = int(value) if s.type == "int" else value
    yield "settings set", RuleContext(version=version, settings=filled, on=date(2026, 6, 1))


def check_plugin(name: str, pm: pluggy.PluginManager | None = None) -> list[str]:
    """Every problem found in plugin `name`, one sentence each; an empty list certifies it."""
    pm = pm or plugin_manager()
    c = _Checker(name, pm)
    plugin = pm.get_plugin(name)
    if plugin is None:
        return [f"{name}: not registered under the yishi.jurisdictions entry point"]
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        c.bad("hooks", f"implements an unknown hook (misspelled?): {exc}")
    implemented = {caller.name for caller in pm.get_hookcallers(plugin) or []}
    c.implemented = implemented
    for hook in REQUIRED_HOOKS:
        if hook not in implemented:
            c.bad(hook, "hook not implemented")
    if c.problems:
        return c.problems
    hooks = JurisdictionHooks(pm, name)

    info = hooks.jurisdiction()
    if not c.typed("jurisdiction", info, JurisdictionInfo):
        return c.problems
    text = source_text(plugin, info)
    if text is None:
        c.bad("jurisdiction", f"source file {info.source_file!r} not found beside the plugin")
    else:
        c.source = normalize(text)

    versions = hooks.rule_versions()
    if not versions or not all(isinstance(v, RuleVersion) for v in versions):
        c.bad("rule_versions", "must answer a non-empty list of RuleVersion")
        return c.problems
    names = [v.version for v in versions]
    if len(set(names)) != len(names):
        c.bad("rule_versions", "versions must be unique")
    if info.rules_version not in names:
        c.bad("jurisdiction", f"rules_version {info.rules_version!r} not among rule_versions()")

    specs = hooks.settings_spec() or []
    for s in specs:
        where = f"settings_spec[{getattr(s, 'key', '?')}]"
        if not c.typed(where, s, SettingSpec):
            continue
        if s.type not in ("int", "decimal", "bool", "str"):
            c.bad(where, f"unknown type {s.type!r}")
        if s.type in ("int", "decimal") and (s.minimum is None or s.maximum is None):
            c.bad(where, "numeric setting without bounds (minimum and maximum)")
        if not s.unit and s.type in ("int", "decimal"):
            c.bad(where, "numeric setting without a unit")
        c.citation(where, Citation(article=s.article, original=s.original, source=s.source))

    for version in versions:
        for label, ctx in _contexts(version.version, specs):
            c.catalog = set()
            catalog = hooks.rule_catalog(ctx=ctx)
            if not catalog:
                c.bad("rule_catalog", "empty catalogue")
            for entry in catalog or []:
                if c.typed("rule_catalog", entry, RuleEntry):
                    c.citation(f"rule_catalog[{entry.rule}]", entry.citation)
                    if entry.rule in c.catalog:
                        c.bad("rule_catalog", f"duplicate rule id {entry.rule!r}")
                    c.catalog.add(entry.rule)
            _exercise(c, hooks, ctx, f"{version.version}, {label}")

    policy = hooks.access_policy()
    if policy is not None:
        if not isinstance(policy, dict):
            c.bad("access_policy", "must answer None or {role: (Permission, …)}")
        else:
            for role, perms in policy.items():
                if role not in ROLES:
                    c.bad("access_policy", f"unknown role {role!r}")
                if not all(isinstance(p, Permission) for p in perms):
                    c.bad("access_policy", f"{role}: permissions must be Permission values")
            try:
                import casbin

                from core.access.enforcers import casbin_model

                e = casbin.Enforcer(casbin_model())
                lines = policy_lines(policy, "conformance")
                if lines:
                    e.add_policies(lines)
            except Exception as exc:  # a policy that does not load is the finding itself
                c.bad("access_policy", f"policy lines do not load into casbin: {exc}")
    return c.problems


def _exercise(c: _Checker, hooks: JurisdictionHooks, ctx: RuleContext, label: str) -> None:
    kinds = hooks.item_kinds(ctx=ctx) or []
    if not all(isinstance(k, ItemKindInfo) for k in kinds):
        c.bad("item_kinds", "must answer a list of ItemKindInfo")
        return
    kind_values = [k.kind for k in kinds]
    if ItemKind.ORDINARY not in kind_values:
        c.bad("item_kinds", "must include ordinary")
    for k in kinds:
        c.citation(f"item_kinds[{k.kind}]", k.citation, required=k.kind != ItemKind.ORDINARY)
    for expected in range(5, 12):
        for present in range(expected + 1):
            att = Attendance(expected=expected, present=present)
            c.verdict(
                f"meeting_quorum({label}, {present}/{expected})",
                hooks.meeting_quorum(ctx=ctx, attendance=att),
                ctx,
            )
            for kind in kind_values:
                for recused in (0, 1):
                    for in_charge in (None, True, False):
                        a = Attendance(
                            expected=expected,
                            present=max(present, recused),
                            recused=recused,
                            in_charge_present=in_charge,
                        )
                        c.verdict(
                            f"item_quorum({label}, {kind}, {present}/{expected})",
                            hooks.item_quorum(ctx=ctx, kind=kind, attendance=a),
                            ctx,
                        )
                t = Tally(expected=expected, yes=present, no=expected - present)
                c.verdict(
                    f"passing({label}, {kind}, {present}/{expected})",
                    hooks.passing(ctx=ctx, kind=kind, tally=t),
                    ctx,
                )
    members = [
        MemberFacts(id=i, position="secretary" if i == 1 else "member", rank=i) for i in range(1, 8)
    ]
    for kind in kind_values:
        where = f"voting_rules({label}, {kind})"
        v = hooks.voting_rules(ctx=ctx, kind=kind)
        if c.typed(where, v, VotingRules):
            if not set(v.methods) <= VOTE_METHODS or v.default_method not in v.methods:
                c.bad(where, f"methods must be among {sorted(VOTE_METHODS)}, default among them")
            if not v.citations:
                c.bad(where, "no citation")
            for cit in v.citations:
                c.citation(where, cit)
            if not v.choices or not set(v.choices) <= set(VoteChoice):
                c.bad(where, "choices must be a non-empty list of VoteChoice")
            if v.deferral is not None and c.typed(where, v.deferral, DeferralRule):
                c.citation(f"{where} (deferral)", v.deferral.citation)
                if not v.deferral.triggers:
                    c.bad(where, "a deferral rule without triggers")
        where = f"speaking_order({label}, {kind})"
        order = hooks.speaking_order(ctx=ctx, kind=kind, members=members)
        if c.typed(where, order, SpeakingOrder):
            if sorted(order.order) != [m.id for m in members]:
                c.bad(where, "order is not a permutation of the members given")
            if order.binds not in set(SpeakingBinds):
                c.bad(where, f"unknown binds {order.binds!r}")
            c.citation(where, order.citation)
        for meeting_kind in MeetingKind:
            where = f"notice_rules({label}, {kind}, {meeting_kind})"
            for n in hooks.notice_rules(ctx=ctx, kind=kind, meeting_kind=meeting_kind) or []:
                if c.typed(where, n, NoticeRule):
                    c.citation(f"{where}[{n.rule}]", n.citation)
                    for also in n.see_also:
                        c.citation(f"{where}[{n.rule}] (see also)", also)
                    c.citation(f"{where}[{n.rule}] (exception)", n.exception_citation, False)
                    if n.recipients not in RECIPIENT_ROLES:
                        c.bad(where, f"unknown recipients {n.recipients!r}")
                    if n.binding not in set(Binding):
                        c.bad(where, f"unknown binding {n.binding!r}")
                    if (n.binding == Binding.EXEMPT) != (meeting_kind in n.exempt_at):
                        c.bad(where, f"{n.rule}: binding must be exempt exactly at exempt_at")
        _contract(c, hooks, ctx, label, kind)
        for emergency in (False, True):
            c.verdict(
                f"ad_hoc_motion({label}, {kind}, emergency={emergency})",
                hooks.ad_hoc_motion(ctx=ctx, kind=kind, emergency=emergency),
                ctx,
            )
    if "agenda_order" in c.implemented:
        for meeting_kind in MeetingKind:
            for agenda in ([], [ItemKind.STUDY, ItemKind.ORDINARY], [ItemKind.ORDINARY]):
                c.verdict(
                    f"agenda_order({label}, {meeting_kind}, {[str(k) for k in agenda]})",
                    hooks.agenda_order(ctx=ctx, meeting_kind=meeting_kind, kinds=agenda),
                    ctx,
                )
    for hook in ("emergency_disposal", "reconsideration"):
        rule = getattr(hooks, hook)(ctx=ctx)
        if c.typed(hook, rule, ProcedureRule):
            c.citation(hook, rule.citation, required=rule.allowed)
    for category in CATEGORIES:
        for amount in (None, 1.0, 10_000.0):
            where = f"classify_item({label}, {category}, {amount})"
            result = hooks.classify_item(
                ctx=ctx, item=ClassifyInput(categories=[category], amount_wan=amount)
            )
            if c.typed(where, result, Classification):
                for v in result.verdicts:
                    c.verdict(where, v, ctx)
    for ob in hooks.obligations(ctx=ctx) or []:
        where = f"obligations({label})"
        if c.typed(where, ob, Obligation):
            c.citation(f"{where}[{ob.rule}]", ob.citation)
            if ob.period not in PERIODS:
                c.bad(where, f"unknown period {ob.period!r}")
            if ob.count is None and not ob.count_setting:
                c.bad(where, f"{ob.rule}: neither a count nor the setting that gives it")
            if ob.unit not in set(ObligationUnit) or ob.scope not in set(ObligationScope):
                c.bad(where, f"{ob.rule}: unknown unit {ob.unit!r} or scope {ob.scope!r}")
    own_events = hooks.report_events(ctx=ctx)
    if not isinstance(own_events, list) or not all(isinstance(e, str) for e in own_events):
        c.bad("report_events", "must answer a list of event names")
        own_events = []
    for event in (*EVENTS, *own_events, "no_such_event"):
        answer = hooks.report_recipients(ctx=ctx, event=event)
        if not isinstance(answer, list):
            c.bad(f"report_recipients({event})", "must answer a list (empty when silent)")
            continue
        for r in answer:
            if c.typed(f"report_recipients({event})", r, Recipient):
                c.citation(f"report_recipients({event})", r.citation)
    where = f"convening({label})"
    conv = hooks.convening(ctx=ctx)
    if c.typed(where, conv, ConveningRule):
        c.citation(where, conv.citation)
        if not conv.convenes or not set(conv.convenes + conv.delegates_to) <= set(BODY_POSITIONS):
            c.bad(where, f"positions must be among {BODY_POSITIONS}")
    for hook, kind_ in (
        ("leave_rules", LeaveRule),
        ("follow_up", FollowUpRule),
        ("ad_hoc_policy", AdHocPolicy),
        ("circulation", ProcedureRule),
    ):
        where = f"{hook}({label})"
        answer = getattr(hooks, hook)(ctx=ctx)
        if c.typed(where, answer, kind_):
            c.citation(where, answer.citation, required=hook != "circulation" or answer.allowed)
            for also in getattr(answer, "see_also", []):
                c.citation(f"{where} (see also)", also)
    leave = hooks.leave_rules(ctx=ctx)
    if isinstance(leave, LeaveRule) and leave.approver not in ("", *APPROVERS):
        c.bad("leave_rules", f"approver must be one of {APPROVERS} or ''")
    if isinstance(leave, LeaveRule) and leave.opinion_due not in (
        "",
        "before_meeting",
        "at_meeting",
    ):
        c.bad("leave_rules", f"unknown opinion_due {leave.opinion_due!r}")
    refused = hooks.circulation(ctx=ctx)
    if isinstance(refused, ProcedureRule) and refused.allowed:
        c.bad("circulation", "decisions by circulation are refused (实施细则 第二条)")


def _contract(
    c: _Checker, hooks: JurisdictionHooks, ctx: RuleContext, label: str, kind: ItemKind
) -> None:
    """The per-kind questions of the meeting lifecycle: minutes and materials."""
    where = f"minutes_rules({label}, {kind})"
    minutes = hooks.minutes_rules(ctx=ctx, kind=kind)
    if c.typed(where, minutes, MinutesRule):
        c.citation(where, minutes.citation)
        if minutes.due not in set(MinutesDue) or not minutes.signers:
            c.bad(where, "minutes need a known `due` and at least one signer")
        if not set(minutes.signers) <= {*BODY_POSITIONS, "delegated_chair"}:
            c.bad(where, f"unknown signers {minutes.signers}")
    where = f"materials_rules({label}, {kind})"
    materials = hooks.materials_rules(ctx=ctx, kind=kind)
    if not isinstance(materials, list):
        c.bad(where, "must answer a list of MaterialsRule")
        return
    for m in materials:
        if c.typed(where, m, MaterialsRule):
            c.citation(where, m.citation)
            if m.recipients not in RECIPIENT_ROLES:
                c.bad(where, f"unknown recipients {m.recipients!r}")
            if m.window not in set(MaterialsWindow) or m.returned not in set(MaterialsReturn):
                c.bad(where, "unknown window or return")


# --- pytest plugin ------------------------------------------------------------------------------


# pytest is a dev extra: `python -m core.rules.conformance NAME` runs without it, and the
# fixture exists only where pytest does (this module is the `yishi_conformance` pytest plugin).
try:
    import pytest
except ImportError:  # an install without the dev extras
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture
    def yishi_conformance() -> Callable[[str], list[str]]:
        """`yishi_conformance("name")` → the list of problems of that installed plugin."""
        return check_plugin


def main(argv: list[str]) -> int:
    names = argv or [n for n, _ in plugin_manager().list_name_plugin()]
    failed = False
    for name in names:
        problems = check_plugin(name)
        print(f"{name}: {'ok' if not problems else f'{len(problems)} problems'}")
        for p in problems[:200]:
            print(f"  - {p}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    importlib.import_module("core.rules.plugins")
    sys.exit(main(sys.argv[1:]))
