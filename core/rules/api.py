"""Rules: the explorer across jurisdictions, a tenant's rules and settings, and "what if"."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, patch, post
from litestar.params import JSONBody, QueryParameter

from core.access.permissions import SETTINGS_READ, SETTINGS_WRITE, SIGNED_IN, TENANT_READ
from core.api import context_of
from core.errors import InvalidInput
from core.rules.baseline import BASELINE_RULES, DEADLINES, oversight_deadline
from core.rules.calendar import check_day, work_calendar
from core.rules.engine import (
    TenantRules,
    VersionStep,
    catalog,
    settings_specs,
    what_if,
)
from core.rules.plugins import available_jurisdictions, hooks_for
from core.rules.settings import clean_settings
from core.rules.types import (
    ItemKind,
    JurisdictionInfo,
    MeetingKind,
    RuleContext,
    RuleEntry,
    RuleVersion,
    Verdict,
)
from core.tenancy.people import list_people
from core.tenancy.registry import (
    do_patch_settings,
    tenant_rule_versions,
    tenant_rules,
    tenant_settings,
)

__all__ = ["RulesExplorerController", "TenantRulesController"]

Count = Annotated[int, msgspec.Meta(ge=0, le=200)]
#: A body has at least one member: "expected 0" is no meeting to ask about.
BodySize = Annotated[int, msgspec.Meta(ge=1, le=200)]


class JurisdictionOut(msgspec.Struct):
    info: JurisdictionInfo
    versions: list[RuleVersion]
    rules: list[RuleEntry]


class ExplorerOut(msgspec.Struct):
    jurisdictions: list[JurisdictionOut]
    #: The oversight baseline: rules of the oversight compendium every tenant works under.
    shared: list[RuleEntry]
    #: topic → jurisdiction name → its rules on that topic: the side-by-side view.
    by_topic: dict[str, dict[str, list[RuleEntry]]]


class SettingOut(msgspec.Struct):
    key: str
    label_zh: str
    label_en: str
    type: str
    unit: str
    minimum: float | None
    maximum: float | None
    default: Any
    value: Any
    #: "set" | "default" | "needs_setting"
    status: str
    article: str
    original: str
    #: "" = the jurisdiction's own source; "oversight" = the oversight-systems compendium.
    source: str


class SettingsOut(msgspec.Struct):
    plugin: str
    rules_version: str
    versions: list[RuleVersion]
    schedule: list[VersionStep]
    settings: list[SettingOut]


class SettingsPatch(msgspec.Struct, forbid_unknown_fields=True):
    #: key → new value; `null` unsets (the rule then needs it again, or uses its default).
    values: dict[str, Any] = {}
    #: Replace the tenant's schedule of rule-set versions (`[{"version": …, "from": "…"}]`).
    rule_versions: list[VersionStep] | None = None


class WhatIf(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    kind: ItemKind = ItemKind.ORDINARY
    #: Members of the body (at least 1); defaults to the tenant's current body size.
    expected: BodySize | None = None
    present: Count
    recused: Count = 0
    in_charge_present: bool | None = None
    yes: Count = 0
    no: Count = 0
    abstain: Count = 0
    written_for: Count = 0
    written_against: Count = 0
    #: Judge under the rule-set version in force on this day (default: today).
    on: date | None = None


class WhatIfOut(msgspec.Struct):
    rules_version: str
    expected: int
    meeting_quorum: Verdict
    item_quorum: Verdict
    passing: Verdict
    #: passed | failed | not_decided (no quorum)
    outcome: str


class TenantRulesOut(msgspec.Struct):
    plugin: str
    rules_version: str
    catalog: list[RuleEntry]
    item_kinds: list[Any]
    notice_rules: dict[str, list[Any]]
    voting_rules: dict[str, Any]
    obligations: list[Any]
    emergency_disposal: Any
    reconsideration: Any


def _jurisdiction(name: str) -> JurisdictionOut:
    hooks = hooks_for(name)
    info = hooks.jurisdiction()
    ctx = RuleContext(version=info.rules_version)
    return JurisdictionOut(info, hooks.rule_versions(), hooks.rule_catalog(ctx=ctx) or [])


class RulesExplorerController(Controller):
    path = "/api/v1/rules"
    tags = ["rules 议事规则"]

    @get("/", opt={"permission": SIGNED_IN}, summary="各地规则对照 Rules side by side")
    async def explorer(self) -> ExplorerOut:
        items = [_jurisdiction(name) for name in sorted(available_jurisdictions())]
        by_topic: dict[str, dict[str, list[RuleEntry]]] = {}
        for j in items:
            for entry in j.rules:
                by_topic.setdefault(entry.topic, {}).setdefault(j.info.name, []).append(entry)
        return ExplorerOut(items, BASELINE_RULES, by_topic)


def _settings_out(tenant: dict[str, Any]) -> SettingsOut:
    rules = tenant_rules(tenant)
    values = tenant_settings(tenant)
    out = []
    for s in settings_specs(tenant["plugin"]):
        value = values.get(s.key)
        status = (
            "set"
            if value is not None
            else ("default" if s.default is not None else "needs_setting")
        )
        out.append(
            SettingOut(
                s.key,
                s.label_zh,
                s.label_en,
                s.type,
                s.unit,
                s.minimum,
                s.maximum,
                s.default,
                value,
                status,
                s.article,
                s.original,
                s.source,
            )
        )
    return SettingsOut(
        tenant["plugin"],
        rules.version.version,
        rules.hooks.rule_versions(),
        tenant_rule_versions(tenant),
        out,
    )


class TenantRulesController(Controller):
    path = "/api/v1/t/{tenant:str}"
    tags = ["rules 议事规则"]

    @get("/settings", opt={"permission": SETTINGS_READ}, summary="规则设置 Rule settings")
    async def settings(self, request: Request[Any, Any, Any]) -> SettingsOut:
        tenant = context_of(request).tenant
        assert tenant is not None
        return _settings_out(tenant)

    @patch(
        "/settings",
        opt={"permission": SETTINGS_WRITE},
        summary="修改规则设置（记录新旧值） Change rule settings (old and new recorded)",
    )
    async def change(
        self, request: Request[Any, Any, Any], data: JSONBody[SettingsPatch]
    ) -> SettingsOut:
        ctx = context_of(request)
        assert ctx.tenant is not None
        data.values = _checked_values(ctx.tenant["plugin"], data.values)
        # Only the keys sent are changed, merged inside the action's transaction.
        row = await do_patch_settings(
            ctx.tenant["slug"],
            actor=ctx.actor(),
            values=data.values,
            rule_versions=data.rule_versions,
        )
        return _settings_out(row)

    @get(
        "/rules",
        opt={"permission": TENANT_READ},
        summary="本单位适用的规则 The rules this tenant works under",
    )
    async def rules(self, request: Request[Any, Any, Any]) -> TenantRulesOut:
        tenant = context_of(request).tenant
        assert tenant is not None
        r = tenant_rules(tenant)
        kinds = r.call("item_kinds")
        return TenantRulesOut(
            plugin=tenant["plugin"],
            rules_version=r.version.version,
            catalog=catalog(tenant["plugin"], r.ctx),
            item_kinds=kinds,
            notice_rules={
                k.kind: r.call("notice_rules", kind=k.kind, meeting_kind=MeetingKind.REGULAR)
                for k in kinds
            },
            voting_rules={k.kind: r.call("voting_rules", kind=k.kind) for k in kinds},
            obligations=r.obligations(),
            emergency_disposal=r.call("emergency_disposal"),
            reconsideration=r.call("reconsideration"),
        )

    @get(
        "/rules/notice-deadlines",
        opt={"permission": TENANT_READ},
        summary="会议通知最晚送达日（按工作日/自然日） Notice deadlines for a meeting day",
    )
    async def notice_deadlines(
        self,
        request: Request[Any, Any, Any],
        meeting: Annotated[date, QueryParameter()],
        kind: Annotated[ItemKind, QueryParameter()] = ItemKind.ORDINARY,
        meeting_kind: Annotated[MeetingKind, QueryParameter()] = MeetingKind.REGULAR,
    ) -> list[NoticeDeadline]:
        tenant = context_of(request).tenant
        assert tenant is not None
        check_day("meeting", meeting)
        return deadlines(tenant, kind, meeting, meeting_kind)

    @get(
        "/rules/oversight-deadline",
        opt={"permission": TENANT_READ},
        summary="监督程序期限（约谈、函询、个人重大事项、外出报备） Oversight procedure deadline",
    )
    async def oversight_deadline(
        self,
        request: Request[Any, Any, Any],
        rule: Annotated[str, QueryParameter(max_length=60)],
        event: Annotated[date, QueryParameter()],
    ) -> Verdict:
        """`rule` is one of the baseline deadline rules (see `GET /api/v1/rules`, `shared`);
        `event` is the meeting, interview, inquiry or travel day it is counted from."""
        tenant = context_of(request).tenant
        assert tenant is not None
        if rule not in DEADLINES:
            raise InvalidInput(fields={"rule": " | ".join(sorted(DEADLINES))})
        check_day("event", event)
        calendar = work_calendar().counting_from("event")
        return oversight_deadline(rule, tenant_rules(tenant, on=event).ctx, event, calendar)

    @post(
        "/rules/what-if",
        opt={"permission": TENANT_READ},
        status_code=200,
        summary="假设推演：到会、回避、表决的规则结论 What if: verdicts without touching data",
    )
    async def what_if(self, request: Request[Any, Any, Any], data: JSONBody[WhatIf]) -> WhatIfOut:
        tenant = context_of(request).tenant
        assert tenant is not None
        check_day("on", data.on)
        expected = data.expected
        if expected is None:
            roster = await list_people()
            expected = sum(
                1 for p in roster if {"secretary", "deputy_secretary", "member"} & set(p["roles"])
            )
            if expected == 0:
                raise InvalidInput(
                    fields={
                        "expected": "本单位名册中尚无党组成员，请给出应到人数 "
                        "(the roster has no members of the body yet; give expected)"
                    }
                )
        _check_numbers(data, expected)
        rules: TenantRules = tenant_rules(tenant, on=data.on)
        result = what_if(
            rules,
            kind=data.kind,
            expected=expected,
            present=data.present,
            recused=data.recused,
            in_charge_present=data.in_charge_present,
            yes=data.yes,
            no=data.no,
            abstain=data.abstain,
            written_for=data.written_for,
            written_against=data.written_against,
        )
        return WhatIfOut(expected=expected, **result)


def _checked_values(plugin: str, values: dict[str, Any]) -> dict[str, Any]:
    """The settings sent, in their stored form (`core.rules.settings`); problems are reported
    under the path the caller used, `values.<key>`."""
    clean, problems = clean_settings(settings_specs(plugin), values)
    if problems:
        raise InvalidInput(fields={f"values.{key}": text for key, text in problems.items()})
    return clean


class NoticeDeadline(msgspec.Struct):
    rule: str
    recipients: str
    days_before: int | None
    working_days: bool
    #: Latest day the notice may be delivered; null when the source says only "in time".
    latest: date | None
    materials: bool
    objection_due: date | None
    note_zh: str
    note_en: str
    citation: Any
    #: must | generally (a miss is recorded with its reason) | exempt (at this meeting kind).
    binding: str = "must"


def deadlines(
    tenant: dict[str, Any],
    kind: ItemKind,
    meeting: date,
    meeting_kind: MeetingKind = MeetingKind.REGULAR,
) -> list[NoticeDeadline]:
    cal = work_calendar().counting_from("meeting")
    rules = tenant_rules(tenant, on=meeting)
    out = []
    for n in rules.call("notice_rules", kind=kind, meeting_kind=meeting_kind) or []:
        days = n.days_before
        if n.days_setting:
            days = rules.ctx.settings.get(n.days_setting, days)
        due = cal.days_before(meeting, days, working_days=n.working_days) if days else None
        objection = (
            cal.days_before(meeting, n.objection_days_before, working_days=n.working_days)
            if n.objection_days_before
            else None
        )
        out.append(
            NoticeDeadline(
                rule=n.rule,
                recipients=n.recipients,
                days_before=days,
                working_days=n.working_days,
                latest=due.latest if due else None,
                materials=n.materials,
                objection_due=objection.latest if objection else None,
                note_zh=" ".join(x for x in (n.note_zh, due.note_zh if due else "") if x),
                note_en=due.note_en if due else "",
                citation=n.citation,
                binding=str(n.binding),
            )
        )
    return out


def _check_numbers(data: WhatIf, expected: int) -> None:
    """The numbers must fit together. A problem is reported on the fields the caller sent (a
    sum too large on each of its non-zero parts), and a check that depends on an earlier one
    runs only when that one passed, so no field is blamed for another's mistake."""
    fields: dict[str, str] = {}
    given = "" if data.expected is not None else "（本单位名册 roster）"
    if data.present > expected:
        fields["present"] = f"不能多于应到人数{given} {expected} (at most expected = {expected})"
    if data.recused > data.present:
        fields["recused"] = "回避人数不能多于到会人数 (at most present)"
    else:
        voters = data.present - data.recused
        votes = {"yes": data.yes, "no": data.no, "abstain": data.abstain}
        if sum(votes.values()) > voters:
            for name, count in votes.items():
                if count:
                    fields[name] = (
                        f"赞成、反对、弃权合计不能多于参加表决人数 {voters} "
                        f"(yes + no + abstain at most {voters})"
                    )
    if data.present <= expected:
        absent = expected - data.present
        written = {"written_for": data.written_for, "written_against": data.written_against}
        if sum(written.values()) > absent:
            for name, count in written.items():
                if count:
                    fields[name] = (
                        f"书面赞成、反对合计不能多于未到会人数（应到减到会）{absent} "
                        f"(written_for + written_against at most expected - present = {absent})"
                    )
    if fields:
        raise InvalidInput(fields=fields)
