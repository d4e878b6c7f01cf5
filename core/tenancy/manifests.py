"""Onboarding from manifests: `tenants/*.toml`, one file per tenant.

`apply_manifests(folder)` reads and checks every file first; if any is malformed, nothing is
changed and every problem is reported with its file, line and key. Then each tenant is brought to
what its manifest says: created if missing, updated where it differs, by a three-way comparison
(what the manifest last applied, what the tenant has, what the manifest says): the manifest gives
initial values, and a value the unit admin changed through the API is kept and reported as drift
unless the operator forces the manifest. Nothing is deleted: a person on the roster but no longer
in the manifest is kept and reported. A second apply changes nothing. A dry run reports the same
lines and writes nothing.
"""

from __future__ import annotations

import asyncio
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import msgspec

from core.accounts.services import _demo_hash, do_create_account
from core.accounts.tables import Account
from core.audit.actions import (
    Actor,
    platform_action,
    tenant_action,
    write_audit_entries,
    write_transaction,
)
from core.audit.tables import PlatformAuditEntry, TenantAuditEntry
from core.caching import announce
from core.errors import YishiError
from core.rules.engine import settings_specs
from core.rules.plugins import available_jurisdictions
from core.rules.settings import clean_settings
from core.tenancy.context import SLUG_RE, BoundTenant, bind_tenant, stored_names, tenant_names
from core.tenancy.membership import access_changed
from core.tenancy.migrate import (
    mark_current,
    migrate_tenant,
    migration_lock,
    pending_migrations,
    schema_step,
    stored_steps,
)
from core.tenancy.people import (
    _check_body,
    _check_roles,
    _serialise_roster,
    do_add_person,
    do_set_roles,
    do_update_person,
)
from core.tenancy.registry import (
    do_create_tenant,
    do_update_tenant,
    get_tenant,
    tenant_settings,
)
from core.tenancy.storage import get_storage
from core.tenancy.tables import Membership, Person, RoleGrant, Tenant

__all__ = [
    "ApplyReport",
    "Manifest",
    "ManifestInvalid",
    "ManifestProblem",
    "Roster",
    "apply_manifests",
    "load_manifests",
]

BODY_POSITIONS = ("secretary", "deputy_secretary", "member")
SECTIONS = {"members": None, "attendees": "attendee", "inspectors": "inspector", "clerks": "clerk"}
LOGIN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$")


@dataclass(frozen=True)
class ManifestProblem:
    file: str
    line: int | None
    key: str
    problem: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.problem}" if self.key else f"{where}: {self.problem}"


class ManifestInvalid(YishiError):
    code = "manifest.invalid"
    status = 400
    zh = "单位清单有误，未做任何更改：\n{listing}"
    en = "Manifests are invalid; nothing was changed:\n{listing}"

    def __init__(self, problems: list[ManifestProblem]) -> None:
        self.problems = problems
        super().__init__(
            listing="\n".join(f"  {p}" for p in problems),
            fields={"problems": [str(p) for p in problems]},
        )


@dataclass
class Roster:
    login: str
    name: str
    title: str = ""
    rank: int = 0
    areas: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


@dataclass
class Manifest:
    file: str
    slug: str
    name: str
    name_en: str
    plugin: str
    settings: dict[str, Any]
    people: dict[str, Roster]


def _line_of(text: str, key: str) -> int | None:
    """Best-effort line number of a dotted key like `members[2].role` in a TOML text."""
    lines = text.splitlines()
    parts = key.split(".")
    start = 0
    m = re.match(r"^(\w+)\[(\d+)\]$", parts[0])
    if m:
        section, index = m.group(1), int(m.group(2))
        seen = -1
        for i, line in enumerate(lines):
            if line.strip() == f"[[{section}]]":
                seen += 1
                if seen == index:
                    start = i
                    break
        else:
            return None
        parts = parts[1:]
        if not parts:
            return start + 1
    elif len(parts) > 1:
        for i, line in enumerate(lines):
            if line.strip() == f"[{parts[0]}]":
                start = i
                parts = parts[1:]
                break
    target = parts[-1]
    for i in range(start, len(lines)):
        if i > start and lines[i].lstrip().startswith("[") and m:
            break
        if re.match(rf"^\s*{re.escape(target)}\s*=", lines[i]):
            return i + 1
    return start + 1 if start else None


def _parse(path: Path, root: Path) -> tuple[Manifest | None, list[ManifestProblem]]:
    rel = str(path.relative_to(root.parent)) if root.parent in path.parents else str(path)
    text = path.read_text(encoding="utf-8")
    problems: list[ManifestProblem] = []

    def bad(key: str, problem: str) -> None:
        problems.append(ManifestProblem(rel, _line_of(text, key) if key else None, key, problem))

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None and (mm := re.search(r"line (\d+)", str(exc))):
            line = int(mm.group(1))
        return None, [ManifestProblem(rel, line, "", f"TOML 语法错误 (syntax error): {exc}")]

    def text_field(key: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                bad("", f"缺少必填项 (missing required key) '{key}'")
            return ""
        if not isinstance(value, str) or not value.strip():
            bad(key, "应为非空文本 (must be a non-empty string)")
            return ""
        return value.strip()

    slug, name = text_field("slug"), text_field("name")
    name_en, plugin = text_field("name_en", required=False), text_field("plugin")
    if slug and not SLUG_RE.match(slug):
        bad("slug", f"'{slug}' 不是合法标识：小写字母、数字、连字符，2–40 字符 (invalid slug)")
    known = available_jurisdictions()
    if plugin and plugin not in known:
        bad(
            "plugin",
            f"未知的辖区插件 (unknown plugin) '{plugin}'；可用 (available): "
            + ", ".join(sorted(known)),
        )
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        bad("settings", "应为表 (must be a table)")
        settings = {}
    elif plugin in known:
        # Compared and stored in their cleaned form, the one the API stores too.
        settings, found = clean_settings(settings_specs(plugin), settings)
        for key, problem in found.items():
            bad(f"settings.{key}", problem)
    allowed = {"slug", "name", "name_en", "plugin", "settings", "admin", *SECTIONS}
    for key in data:
        if key not in allowed:
            bad(key, f"未知的键 (unknown key) '{key}'")

    people: dict[str, Roster] = {}

    def person(entry: Any, where: str, role: str | None) -> None:
        if not isinstance(entry, dict):
            bad(where, "应为表 (must be a table)")
            return
        login, pname = entry.get("login"), entry.get("name")
        for k, v in (("login", login), ("name", pname)):
            if not isinstance(v, str) or not v.strip():
                bad(
                    f"{where}.{k}" if k in entry else where,
                    f"缺少或无效的 '{k}' (missing or invalid '{k}')",
                )
        if not isinstance(login, str) or not isinstance(pname, str):
            return
        if not LOGIN_RE.match(login):
            bad(f"{where}.login", f"'{login}' 不是合法账号名 (invalid login)")
        if role is None:
            role = entry.get("role")
            if role not in BODY_POSITIONS:
                bad(
                    f"{where}.role",
                    f"无效角色 (bad role) '{role}'；党组成员的角色应为 "
                    f"(members' role must be one of) {', '.join(BODY_POSITIONS)}",
                )
                return
        rank = entry.get("rank", 0)
        if not isinstance(rank, int) or isinstance(rank, bool) or rank < 0:
            bad(f"{where}.rank", "应为非负整数 (must be a non-negative integer)")
            rank = 0
        areas = entry.get("areas", [])
        if not isinstance(areas, list) or not all(isinstance(a, str) for a in areas):
            bad(f"{where}.areas", "应为文本列表 (must be a list of strings)")
            areas = []
        title = entry.get("title", "")
        extra = set(entry) - {"login", "name", "role", "rank", "areas", "title"}
        for k in sorted(extra):
            bad(f"{where}.{k}", f"未知的键 (unknown key) '{k}'")
        existing = people.get(login)
        if existing is None:
            people[login] = Roster(login, pname.strip(), str(title), rank, list(areas), {role})
            return
        if existing.name != pname.strip():
            bad(
                f"{where}.name",
                f"同一账号 {login} 的姓名不一致 (same login, different names): "
                f"'{existing.name}' / '{pname}'",
            )
        existing.roles.add(role)
        existing.title = existing.title or str(title)
        existing.rank = existing.rank or rank
        existing.areas = existing.areas or list(areas)

    for section, role in SECTIONS.items():
        entries = data.get(section, [])
        if not isinstance(entries, list):
            bad(section, f"应为 [[{section}]] 表数组 (must be an array of tables)")
            continue
        for i, entry in enumerate(entries):
            person(entry, f"{section}[{i}]", role)
    if "members" not in data:
        bad("", "缺少必填项 (missing required key) 'members'")
    admin = data.get("admin")
    if admin is None:
        bad("", "缺少必填项 (missing required key) 'admin'（单位管理员 unit admin）")
    else:
        person(admin, "admin", "unit_admin")
    secretaries = [p.login for p in people.values() if "secretary" in p.roles]
    if "members" in data and len(secretaries) != 1:
        bad("members", f"党组应有且只有一名书记 (exactly one secretary), found {len(secretaries)}")
    if problems:
        return None, problems
    return Manifest(rel, slug, name, name_en, plugin, settings, people), []


def load_manifests(folder: Path) -> list[Manifest]:
    """Parse and check every `*.toml` in `folder`; raise `ManifestInvalid` listing all problems."""
    folder = folder.resolve()
    files = sorted(folder.glob("*.toml"))
    problems: list[ManifestProblem] = []
    manifests: list[Manifest] = []
    if not files:
        problems.append(ManifestProblem(str(folder), None, "", "没有 *.toml 清单 (no manifests)"))
    for path in files:
        manifest, found = _parse(path, folder)
        problems.extend(found)
        if manifest:
            manifests.append(manifest)
    by_slug: dict[str, str] = {}
    for m in manifests:
        if m.slug in by_slug:
            problems.append(
                ManifestProblem(
                    m.file,
                    _line_of(Path(folder.parent / m.file).read_text(encoding="utf-8"), "slug"),
                    "slug",
                    f"单位标识重复 (duplicate slug) '{m.slug}'，亦见于 (also in) {by_slug[m.slug]}",
                )
            )
        by_slug[m.slug] = m.file
    if problems:
        raise ManifestInvalid(problems)
    return manifests


# --- apply: a three-way comparison ---------------------------------------------------------------
#
# For every value apply looks at three things: what the manifest last applied (recorded in
# `Tenant.manifest_state` and `Person.manifest_state`), what the tenant has now, and what the
# manifest says now. Equal now and wanted: nothing to do. Unchanged since the last apply: it follows
# the manifest. Changed since (through the API, by the unit): kept and reported as drift, unless
# the operator forces the manifest for that tenant, which is audited as such. With no record (a
# tenant or person applied before records were kept, or added through the API), a difference is
# drift: apply never undoes a change it cannot tell apart from the unit's own.


class _Missing:
    def __repr__(self) -> str:
        return "<no record>"


MISSING: Any = _Missing()
REGISTRY_FIELDS = ("name", "name_en", "plugin")
PERSON_FIELDS = ("name", "title", "rank", "areas", "active", "roles")
FIELD_LABELS = {
    "name": "名称 name",
    "name_en": "英文名称 name_en",
    "plugin": "辖区插件 plugin",
}


@dataclass
class ApplyReport:
    #: What apply changed (or, in a dry run, would change); the same lines either way.
    changes: list[str] = field(default_factory=list)
    #: People on the roster but not in the manifest: kept.
    kept: list[str] = field(default_factory=list)
    #: Values the unit changed since the last apply that differ from the manifest: kept.
    drift: list[str] = field(default_factory=list)
    #: Dry run only: storage steps a real run would take first (migrations).
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _fmt(value: Any) -> str:
    if value is None:
        return "未设置 unset"
    return msgspec.json.encode(value).decode()


def _decision(base: Any, now: Any, want: Any) -> str:
    """`same`, `follow` (nobody changed it since the last apply) or `drift` (the unit did)."""
    if now == want:
        return "same"
    if base is not MISSING and now == base:
        return "follow"
    return "drift"


def _json(raw: Any, empty: Any) -> Any:
    if raw is None or raw == "":
        return empty
    return msgspec.json.decode(raw) if isinstance(raw, str | bytes) else raw


@dataclass
class _Run:
    actor: Actor
    report: ApplyReport
    demo: bool
    dry_run: bool
    force: bool | frozenset[str]
    #: Accounts created (or, in a dry run, to be created) by this run.
    new_accounts: set[str] = field(default_factory=set)
    #: Dry run: platform migration steps a real run would apply first.
    platform_pending: list[str] = field(default_factory=list)
    #: Dry run: each existing tenant's steps a real run would apply first (read once).
    tenant_pending: dict[str, list[str]] = field(default_factory=dict)
    #: The registry rows of the manifests' tenants, read once for the run (None: read each).
    rows: dict[str, dict[str, Any]] | None = None
    #: Each registered tenant's stored migration step (`tenant.schema_step`), read once.
    steps: dict[str, str] = field(default_factory=dict)
    #: Account id of every login of the manifests that has one (read once, then kept up to
    #: date with the accounts this run creates); None: looked up one by one.
    accounts: dict[str, int] | None = None
    #: Tenants this run created (their roster is empty: written in one transaction).
    created: set[str] = field(default_factory=set)
    #: Registered tenants now known current, marked at the end of the run.
    current: list[str] = field(default_factory=list)
    #: Real runs: the tenant (first in manifest order) that creates each missing account, and
    #: an event per tenant set once its accounts exist (or it gave up): a later tenant naming
    #: that login waits for it instead of creating it twice.
    account_owner: dict[str, str] = field(default_factory=dict)
    accounts_ready: dict[str, asyncio.Event] = field(default_factory=dict)

    def forced(self, slug: str) -> bool:
        return self.force is True or (isinstance(self.force, frozenset) and slug in self.force)


class _Outcome:
    """Collects one object's three-way decisions: what to write, what was forced, what drifted."""

    def __init__(self, run: _Run, slug: str, what: str) -> None:
        self.run, self.slug, self.what = run, slug, what
        self.write: dict[str, Any] = {}
        self.forced: dict[str, dict[str, Any]] = {}
        self.lines: list[str] = []

    def consider(self, key: str, label: str, base: Any, now: Any, want: Any) -> None:
        decision = _decision(base, now, want)
        if decision == "same":
            return
        if decision == "drift" and not self.run.forced(self.slug):
            note = "" if base is not MISSING else "；无上次应用记录 no record of a previous apply"
            self.run.report.drift.append(
                f"{self.slug}: 保留单位的修改 kept, changed by the unit: {self.what}{label}: "
                f"清单为 manifest says {_fmt(want)}，单位现为 tenant has {_fmt(now)}{note}"
            )
            return
        self.write[key] = want
        line = f"{self.slug}: {self.what}{label}: {_fmt(now)} → {_fmt(want)}"
        if decision == "drift":
            self.forced[key] = {"unit": now, "manifest": want}
            line += "（强制，覆盖单位的修改 forced over the unit's change）"
        self.lines.append(line)


def _registry_state(m: Manifest) -> dict[str, Any]:
    return {"name": m.name, "name_en": m.name_en, "plugin": m.plugin, "settings": m.settings}


async def _tenant_row(slug: str, pending: list[str]) -> dict[str, Any] | None:
    """The tenant's registry row, read once. With platform steps pending (a dry run only), the
    columns that exist yet, with the values the missing ones would get."""
    if not pending:
        return await get_tenant(slug)
    if "m0001_initial" in pending:  # no registry yet: every tenant is new
        return None
    columns = [Tenant.slug, Tenant.name, Tenant.name_en, Tenant.plugin, Tenant.settings]
    if "m0003_tenant_names" not in pending:
        columns += [Tenant.schema_name, Tenant.role_name]
    if "m0004_manifest_state" not in pending:
        columns.append(Tenant.manifest_state)
    row: dict[str, Any] | None = await Tenant.select(*columns).where(Tenant.slug == slug).first()
    if row is not None:
        row.setdefault("manifest_state", "{}")
    return row


def _names(row: dict[str, Any]) -> BoundTenant:
    """The stored names, or (dry run before platform m0003) the ones m0003 keeps: the schema
    `t_<slug>`, all a read as the owner needs."""
    if row.get("schema_name"):
        return stored_names(row)
    return tenant_names(row["slug"], get_storage().role_prefix)


async def _roster(with_state: bool) -> dict[str, dict[str, Any]]:
    """The bound tenant's roster with roles and the manifest's record of each person."""
    columns = [
        Person.id,
        Person.login,
        Person.name,
        Person.title,
        Person.rank,
        Person.areas,
        Person.active,
    ]
    if with_state:
        columns.append(Person.manifest_state)
    roles: dict[int, list[str]] = {}
    for g in await RoleGrant.select(RoleGrant.person, RoleGrant.role).order_by(RoleGrant.role):
        roles.setdefault(g["person"], []).append(g["role"])
    out = {}
    for r in await Person.select(*columns).order_by(Person.id):
        out[r["login"]] = {
            **r,
            "areas": _json(r["areas"], []),
            "roles": sorted(roles.get(r["id"], [])),
            "state": _json(r.get("manifest_state"), {}),
        }
    return out


def _person_state(p: Roster) -> dict[str, Any]:
    return {
        "name": p.name,
        "title": p.title,
        "rank": p.rank,
        "areas": list(p.areas),
        "active": True,
        "roles": sorted(p.roles),
    }


async def _force_audit(
    run: _Run, m: Manifest, outcome: _Outcome, scope: str, target: str, **ids: Any
) -> None:
    """The audit entry of values forced over the unit's changes (`--force`), in the caller's
    transaction, before the update that writes them: `tenant.manifest_force` in the platform's
    audit, or `person.manifest_force` in the bound tenant's."""
    if not outcome.forced:
        return
    open_action = platform_action if scope == "tenant" else tenant_action
    async with open_action(
        run.actor,
        f"{scope}.manifest_force",
        target,
        **ids,
        manifest=m.file,
        overridden=outcome.forced,
    ):
        pass


async def _apply_registry(m: Manifest, run: _Run) -> BoundTenant | None:
    """Create or update the registry entry and settings; answer the tenant's storage names, or
    None when the tenant is new in a dry run (no storage, so no roster to compare)."""
    storage = get_storage()
    report = run.report
    if run.rows is not None:
        row = run.rows.get(m.slug)
    else:
        row = await _tenant_row(m.slug, run.platform_pending)
    if row is None:
        report.changes.append(f"{m.slug}: 新建单位 created ({m.plugin})")
        if run.dry_run:
            return None
        created = await do_create_tenant(
            m.slug,
            m.name,
            m.plugin,
            actor=run.actor,
            settings=m.settings,
            name_en=m.name_en,
            manifest=m.file,
        )
        await Tenant.update({Tenant.manifest_state: _registry_state(m)}).where(
            Tenant.slug == m.slug
        )
        run.created.add(m.slug)
        run.current.append(m.slug)  # created, so migrated to this code's last step
        return stored_names(created)

    bound = _names(row)
    state = _json(row["manifest_state"], {})
    has_record = bool(state)
    outcome = _Outcome(run, m.slug, "")
    for key in REGISTRY_FIELDS:
        base = state.get(key, MISSING) if has_record else MISSING
        outcome.consider(key, FIELD_LABELS[key], base, row[key], getattr(m, key))
    settings_now = tenant_settings(row)
    settings_base = state.get("settings", {}) if has_record else {}
    settings_new = dict(settings_now)
    for key in sorted(set(settings_now) | set(m.settings) | set(settings_base)):
        base, want = settings_base.get(key), m.settings.get(key)
        if want is None and base is None:
            continue  # a blank the manifest leaves to the unit
        before = len(outcome.write)
        outcome.consider(
            f"settings.{key}", f"设置 setting {key}", base, settings_now.get(key), want
        )
        if len(outcome.write) > before:
            if want is None:
                settings_new.pop(key, None)
            else:
                settings_new[key] = want
    report.changes.extend(outcome.lines)
    if run.dry_run:
        pending = await pending_migrations(storage, bound)  # read-only, read once
        run.tenant_pending[m.slug] = pending
        if pending:
            report.notes.append(f"{m.slug}: 待迁移 would migrate: {', '.join(pending)}")
        return bound

    # An existing tenant is migrated by `yishi migrate`; one behind (apply run before it after an
    # upgrade) is brought up here. One marked current costs nothing; one not marked, one read.
    if run.steps.get(m.slug) != schema_step():
        await migrate_tenant(storage, row, check_first=True)
        run.current.append(m.slug)
    record = _registry_state(m)
    if outcome.write:
        async with write_transaction(Tenant._meta.db):
            await _force_audit(run, m, outcome, "tenant", f"tenant:{m.slug}", tenant=m.slug)
            await do_update_tenant(
                m.slug,
                actor=run.actor,
                **{k: v for k, v in outcome.write.items() if k in REGISTRY_FIELDS},
                settings=settings_new,
                manifest=m.file,
                row=row,
            )
            await Tenant.update({Tenant.manifest_state: record}).where(Tenant.slug == m.slug)
    elif state != record:
        await Tenant.update({Tenant.manifest_state: record}).where(Tenant.slug == m.slug)
    return bound


_CHUNK = 500


async def _tenant_rows(slugs: list[str]) -> dict[str, dict[str, Any]]:
    """The registry rows of `slugs` (whole rows, as `get_tenant` reads them), one query per 500."""
    rows: dict[str, dict[str, Any]] = {}
    for i in range(0, len(slugs), _CHUNK):
        for r in await Tenant.select().where(Tenant.slug.is_in(slugs[i : i + _CHUNK])):
            rows[r["slug"]] = r
    return rows


async def _account_ids(logins: list[str]) -> dict[str, int]:
    """The account id of each of `logins` that has an account, one query per 500."""
    found: dict[str, int] = {}
    for i in range(0, len(logins), _CHUNK):
        part = logins[i : i + _CHUNK]
        for r in await Account.select(Account.id, Account.login).where(Account.login.is_in(part)):
            found[r["login"]] = r["id"]
    return found


async def _create_accounts(m: Manifest, run: _Run, people: list[Roster]) -> dict[str, int]:
    """New accounts for `people`, each audited (`account.create`) as `do_create_account` does,
    all in one platform transaction: every one or none."""
    if run.accounts is None:
        made = {}
        for p in people:
            account = await do_create_account(
                p.login, p.name, actor=run.actor, demo=run.demo, tenant=m.slug
            )
            made[p.login] = int(account["id"])
        return made
    # The demo password is public (and refused in production): its hash is made once per
    # process, as do_create_account does. Accounts from a manifest otherwise get no password.
    stored = _demo_hash() if run.demo else ""
    async with write_transaction(Account._meta.db):
        rows = await Account.insert(
            *[
                Account(
                    login=p.login,
                    display_name=p.name,
                    email="",
                    password_hash=stored,
                    password_is_demo=run.demo,
                    is_operator=False,
                )
                for p in people
            ]
        ).returning(Account.id, Account.login)
        made = {r["login"]: int(r["id"]) for r in rows}
        await write_audit_entries(
            PlatformAuditEntry,
            run.actor,
            m.slug,
            [
                (
                    "account.create",
                    f"account:{made[p.login]}",
                    {"display_name": p.name, "is_operator": False},
                )
                for p in people
            ],
        )
    await announce("tenant", m.slug)  # as every platform action tagged with the tenant
    run.accounts.update(made)
    return made


async def _onboard_roster(
    m: Manifest, run: _Run, bound: BoundTenant, accounts: dict[str, int]
) -> bool:
    """The whole roster of a tenant this run created, in one tenant transaction: the people
    (with their manifest record), their roles and a `person.add` audit entry each, as
    `do_add_person` writes them; the body's rules checked once, before the commit. False (and
    nothing written) when the roster is not empty after all (someone enrolled through the API
    meanwhile): the caller then compares person by person."""
    people = list(m.people.values())
    # Before the tenant write, as do_add_person: the index may say "maybe", never miss a tenant.
    await Membership.insert(
        *[Membership(account_id=accounts[p.login], tenant=m.slug) for p in people]
    ).on_conflict(action="DO NOTHING")
    roles = {p.login: _check_roles(sorted(p.roles)) for p in people}
    with bind_tenant(bound):
        async with write_transaction(Person._meta.db):
            await _serialise_roster()
            if await Person.exists():
                return False
            rows = await Person.insert(
                *[
                    Person(
                        account_id=accounts[p.login],
                        login=p.login,
                        name=p.name,
                        title=p.title,
                        rank=p.rank,
                        areas=msgspec.json.encode(p.areas or []).decode(),
                        manifest_state=msgspec.json.encode(_person_state(p)).decode(),
                    )
                    for p in people
                ]
            ).returning(Person.id, Person.login)
            ids = {r["login"]: int(r["id"]) for r in rows}
            await RoleGrant.insert(
                *[
                    RoleGrant(person=ids[p.login], role=r, granted_by=run.actor.login)
                    for p in people
                    for r in roles[p.login]
                ]
            )
            await _check_body()
            await write_audit_entries(
                TenantAuditEntry,
                run.actor,
                m.slug,
                [
                    (
                        "person.add",
                        f"person:{ids[p.login]}",
                        {"login": p.login, "name": p.name, "roles": roles[p.login]},
                    )
                    for p in people
                ],
            )
    await access_changed(m.slug)  # once for the roster, as do_add_person after each person
    return True


async def _apply_people(m: Manifest, run: _Run, bound: BoundTenant | None) -> None:
    report = run.report
    accounts: dict[str, int] = {}
    missing: list[Roster] = []
    for p in m.people.values():
        if run.dry_run and p.login in run.new_accounts:
            continue  # to be created for an earlier tenant of this run
        if run.accounts is not None:
            owner = run.account_owner.get(p.login, m.slug)
            if owner != m.slug and p.login not in run.accounts:
                await run.accounts_ready[owner].wait()  # an earlier tenant creates it
            found = run.accounts.get(p.login)
        elif "m0001_initial" in run.platform_pending:  # dry run, no platform storage yet
            found = None
        else:
            row = await Account.select(Account.id).where(Account.login == p.login).first()
            found = None if row is None else row["id"]
        if found is None:
            report.changes.append(f"{m.slug}: 新建账号 account {p.login}")
            run.new_accounts.add(p.login)
            if not run.dry_run:
                missing.append(p)
            continue
        accounts[p.login] = found
    if missing:
        accounts.update(await _create_accounts(m, run, missing))
    if m.slug in run.accounts_ready:
        run.accounts_ready[m.slug].set()

    def added(p: Roster) -> None:
        report.changes.append(f"{m.slug}: 加入名册 added {p.login} ({', '.join(sorted(p.roles))})")

    if (
        bound is not None
        and m.slug in run.created
        and run.accounts is not None
        and await _onboard_roster(m, run, bound, accounts)
    ):
        for p in m.people.values():
            added(p)
        return

    pending = run.tenant_pending.get(m.slug, [])  # dry run only; a real run has migrated
    if bound is None or "m0001_initial" in pending:
        # A new tenant in a dry run, or one whose storage does not exist yet (reading it would
        # create a SQLite file): everyone would be added.
        for p in m.people.values():
            added(p)
        return

    with bind_tenant(bound):
        roster = await _roster(with_state="m0003_manifest_state" not in pending)
        for p in m.people.values():
            current = roster.get(p.login)
            record = _person_state(p)
            if current is None:
                added(p)
                if run.dry_run:
                    continue
                async with write_transaction(Person._meta.db):
                    row = await do_add_person(
                        account_id=accounts[p.login],
                        login=p.login,
                        name=p.name,
                        title=p.title,
                        rank=p.rank,
                        areas=p.areas,
                        roles=sorted(p.roles),
                        actor=run.actor,
                    )
                    await Person.update({Person.manifest_state: record}).where(
                        Person.id == row["id"]
                    )
                continue
            state = current["state"]
            outcome = _Outcome(run, m.slug, f"{p.login} ")
            for key in PERSON_FIELDS:
                base = state.get(key, MISSING) if state else MISSING
                outcome.consider(key, key, base, current[key], record[key])
            report.changes.extend(outcome.lines)
            if run.dry_run:
                continue
            if outcome.write:
                async with write_transaction(Person._meta.db):
                    await _force_audit(
                        run, m, outcome, "person", f"person:{current['id']}", login=p.login
                    )
                    fields = {k: v for k, v in outcome.write.items() if k != "roles"}
                    if fields:
                        await do_update_person(current["id"], actor=run.actor, **fields)
                    if "roles" in outcome.write:
                        await do_set_roles(current["id"], outcome.write["roles"], actor=run.actor)
                    await Person.update({Person.manifest_state: record}).where(
                        Person.id == current["id"]
                    )
            elif state != record:
                await Person.update({Person.manifest_state: record}).where(
                    Person.id == current["id"]
                )
        for login, current in roster.items():
            if login not in m.people and current["active"]:
                report.kept.append(f"{m.slug}: {login} 不在清单中，保留 (not in manifest, kept)")


async def apply_manifests(
    folder: Path,
    *,
    actor: Actor,
    demo: bool = False,
    dry_run: bool = False,
    force: bool | Collection[str] = False,
) -> ApplyReport:
    """Bring every tenant to its manifest by the three-way rule (see above).

    `dry_run`: compute and report exactly the same lines, write nothing (no migrations either).
    `force`: True for every tenant, or the slugs whose manifest wins over the unit's changes.
    """
    manifests = load_manifests(folder)
    report = ApplyReport(dry_run=dry_run)
    run = _Run(
        actor,
        report,
        demo,
        dry_run,
        force if isinstance(force, bool) else frozenset(force),
    )
    storage = get_storage()
    if dry_run:
        run.platform_pending = await pending_migrations(storage)
        if run.platform_pending:
            report.notes.append(
                f"平台待迁移 platform would migrate: {', '.join(run.platform_pending)}"
            )
    else:  # the platform is migrated (the caller's first step): read the registry once
        slugs = [m.slug for m in manifests]
        run.rows = await _tenant_rows(slugs)
        run.steps = {s: r["schema_step"] for s, r in (await stored_steps(storage, slugs)).items()}
    if not run.platform_pending:
        run.accounts = await _account_ids(sorted({p for m in manifests for p in m.people}))
    if dry_run:
        for m in manifests:
            bound = await _apply_registry(m, run)
            await _apply_people(m, run, bound)
        return report
    for m in manifests:
        run.accounts_ready[m.slug] = asyncio.Event()
        for login in m.people:
            if run.accounts is not None and login not in run.accounts:
                run.account_owner.setdefault(login, m.slug)
    # The whole run holds the migration lock: the tenants it creates do not take it in turn,
    # and a `yishi migrate` waits for the run.
    async with migration_lock(storage):
        try:
            reports = await _apply_concurrently(manifests, run, storage)
        finally:  # tenants created or found current so far, also when a later one failed
            await mark_current(storage, run.current)
    for part in reports:
        report.changes += part.changes
        report.kept += part.kept
        report.drift += part.drift
        report.notes += part.notes
    return report


#: Tenants applied at once on PostgreSQL. A new schema's cost is mostly its index builds, and
#: PostgreSQL (≤ 15) syncs each built index to disk at once: the waits overlap across
#: connections (on a 2-core machine 12 tables with 24 indexes took 144 ms one at a time, 20 ms
#: each 16 at a time). The owner's pool holds as many (core/tenancy/storage.py). SQLite: one
#: at a time (one writer per platform file).
PG_CONCURRENCY = 16


async def _apply_concurrently(
    manifests: list[Manifest], run: _Run, storage: Any
) -> list[ApplyReport]:
    """Apply each manifest, several at a time on PostgreSQL, each into a report of its own
    (returned in manifest order, so the output is the same as one at a time). After a failure
    no further tenant starts; those under way finish; the first failure in manifest order is
    raised, as a run one at a time would have stopped there."""
    limit = asyncio.Semaphore(PG_CONCURRENCY if storage.backend == "postgres" else 1)
    failed = False

    async def one(m: Manifest, part: _Run) -> None:
        nonlocal failed
        try:
            bound = await _apply_registry(m, part)
            await _apply_people(m, part, bound)
        except BaseException:
            failed = True
            raise
        finally:
            run.accounts_ready[m.slug].set()
            limit.release()

    tasks: list[asyncio.Task[None]] = []
    parts: list[_Run] = []
    for m in manifests:
        await limit.acquire()
        if failed:
            limit.release()
            break
        part = replace(run, report=ApplyReport(dry_run=False))
        parts.append(part)
        tasks.append(asyncio.create_task(one(m, part)))
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return [p.report for p in parts]
