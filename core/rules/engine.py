"""How the core asks a tenant's jurisdiction: the version in force, settings, and the hooks.

`TenantRules(plugin, settings, schedule, on=day)` (also known as `rules_for`) is bound to the
tenant's plugin (through its per-jurisdiction relay), its settings with declared defaults applied,
and the rule-set version in force on `day`. The core never branches on the jurisdiction; it only
calls these methods.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import msgspec

from core.rules.plugins import JurisdictionHooks, hooks_for
from core.rules.types import (
    Attendance,
    ItemKind,
    Obligation,
    RuleContext,
    RuleEntry,
    RuleVersion,
    SettingSpec,
    Tally,
    Verdict,
)

__all__ = [
    "REQUIRED_HOOKS",
    "TenantRules",
    "VersionStep",
    "catalog",
    "rules_for",
    "settings_specs",
    "version_in_force",
    "what_if",
]

#: Every hook a jurisdiction plugin must implement (the conformance kit checks them all).
REQUIRED_HOOKS = (
    "jurisdiction",
    "rule_versions",
    "rule_catalog",
    "settings_spec",
    "item_kinds",
    "meeting_quorum",
    "item_quorum",
    "passing",
    "voting_rules",
    "speaking_order",
    "notice_rules",
    "ad_hoc_motion",
    "emergency_disposal",
    "reconsideration",
    "classify_item",
    "obligations",
    "report_recipients",
    "access_policy",
    # the meeting lifecycle's questions (issue 8)
    "convening",
    "minutes_rules",
    "leave_rules",
    "materials_rules",
    "follow_up",
    "ad_hoc_policy",
    "circulation",
    "report_events",
    "agenda_order",
)


def settings_specs(plugin: str) -> list[SettingSpec]:
    """A tenant's settings: its plugin's, then the oversight baseline's (plugin wins on a key)."""
    from core.rules.baseline import BASELINE_SETTINGS

    own = list(hooks_for(plugin).settings_spec() or [])
    keys = {s.key for s in own}
    return own + [s for s in BASELINE_SETTINGS if s.key not in keys]


def catalog(plugin: str, ctx: RuleContext) -> list[RuleEntry]:
    """A tenant's rules: its plugin's catalogue, then the oversight baseline."""
    from core.rules.baseline import BASELINE_RULES

    return list(hooks_for(plugin).rule_catalog(ctx=ctx) or []) + BASELINE_RULES


class VersionStep(msgspec.Struct, frozen=True):
    """A tenant's move to a rule-set version from a date (stored on the tenant's registry row)."""

    version: str
    start: date = msgspec.field(name="from")


def version_in_force(
    versions: list[RuleVersion], schedule: list[VersionStep], on: date
) -> RuleVersion:
    """The version in force on `on`: the tenant's own schedule if it has one, else the plugin's
    effective dates. A day before every version gets the oldest (and says so in its name)."""
    by_name = {v.version: v for v in versions}
    steps = (
        sorted((s.start, by_name[s.version]) for s in schedule if s.version in by_name)
        if schedule
        else sorted((v.effective_from, v) for v in versions)
    )
    current = steps[0][1]
    for start, version in steps:
        if start <= on:
            current = version
    return current


class TenantRules:
    """One tenant's rules: its plugin's hooks, its settings with declared defaults applied, and
    the rule-set version in force on `on` (default today)."""

    def __init__(
        self,
        plugin: str,
        settings: dict[str, Any],
        schedule: list[VersionStep] | None = None,
        on: date | None = None,
    ) -> None:
        self.plugin = plugin
        self.hooks: JurisdictionHooks = hooks_for(plugin)
        self.on = on or datetime.now(UTC).date()
        specs = settings_specs(plugin)
        effective = {s.key: s.default for s in specs if s.default is not None}
        effective.update({k: v for k, v in settings.items() if v is not None})
        self.version = version_in_force(self.hooks.rule_versions(), schedule or [], self.on)
        self.ctx = RuleContext(version=self.version.version, settings=effective, on=self.on)

    def meeting_quorum(self, attendance: Attendance) -> Verdict:
        return self.hooks.meeting_quorum(ctx=self.ctx, attendance=attendance)  # type: ignore[no-any-return]

    def item_quorum(self, kind: ItemKind, attendance: Attendance) -> Verdict:
        return self.hooks.item_quorum(ctx=self.ctx, kind=kind, attendance=attendance)  # type: ignore[no-any-return]

    def passing(self, kind: ItemKind, tally: Tally) -> Verdict:
        return self.hooks.passing(ctx=self.ctx, kind=kind, tally=tally)  # type: ignore[no-any-return]

    def obligations(self) -> list[Obligation]:
        """The compliance calendar: the plugin's obligations, then the baseline's of the kinds
        the plugin does not set, then the templates the unit adopted
        (`core.rules.baseline.baseline_obligations`)."""
        from core.rules.baseline import baseline_obligations

        return baseline_obligations(self.ctx, list(self.hooks.obligations(ctx=self.ctx) or []))

    def call(self, hook: str, **kwargs: Any) -> Any:
        """Any other rule hook, with this tenant's context."""
        return getattr(self.hooks, hook)(ctx=self.ctx, **kwargs)


#: The rules of one tenant, from its plugin, settings and version schedule (plain values: the
#: rules layer never reads the registry; `core.tenancy.registry.tenant_rules` decodes a row and
#: calls this). The same as constructing `TenantRules`.
rules_for = TenantRules


def what_if(
    rules: TenantRules,
    *,
    kind: ItemKind,
    expected: int,
    present: int,
    recused: int = 0,
    in_charge_present: bool | None = None,
    yes: int = 0,
    no: int = 0,
    abstain: int = 0,
    written_for: int = 0,
    written_against: int = 0,
) -> dict[str, Any]:
    """Quorum, item quorum, threshold and outcome for a hypothetical meeting: touches no data."""
    meeting = rules.meeting_quorum(Attendance(expected=expected, present=present))
    item = rules.item_quorum(
        kind,
        Attendance(
            expected=expected,
            present=present,
            recused=recused,
            in_charge_present=in_charge_present,
        ),
    )
    vote = rules.passing(
        kind,
        Tally(
            expected=expected,
            yes=yes,
            no=no,
            abstain=abstain,
            recused=recused,
            written_for=written_for,
            written_against=written_against,
        ),
    )
    decided = meeting.ok and item.ok
    outcome = "passed" if decided and vote.ok else ("not_decided" if not decided else "failed")
    return {
        "rules_version": rules.version.version,
        "meeting_quorum": meeting,
        "item_quorum": item,
        "passing": vote,
        "outcome": outcome,
    }
