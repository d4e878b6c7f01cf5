"""Onboarding from manifests: `tenants/*.toml`, one file per tenant.

`apply_manifests(folder)` reads and checks every file first; if any is malformed, nothing is
changed and every problem is reported with its file, line and key. Then each tenant is brought to
what its manifest says: created if missing, updated where it differs. Nothing is deleted: a person
on the roster but no longer in the manifest is kept and reported. A second apply changes nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.accounts.services import account_by_login, do_create_account
from core.audit.actions import Actor
from core.errors import YishiError
from core.rules.engine import settings_specs
from core.rules.plugins import available_jurisdictions
from core.rules.settings import setting_problems
from core.tenancy.context import SLUG_RE, bind_tenant
from core.tenancy.migrate import migrate_tenant
from core.tenancy.people import do_add_person, do_set_roles, do_update_person, list_people
from core.tenancy.registry import do_create_tenant, do_update_tenant, get_tenant, tenant_settings
from core.tenancy.storage import get_storage

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
        for key, problem in setting_problems(settings_specs(plugin), settings).items():
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


@dataclass
class ApplyReport:
    changes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


async def _apply_one(m: Manifest, actor: Actor, report: ApplyReport, demo: bool) -> None:
    storage = get_storage()
    row = await get_tenant(m.slug)
    if row is None:
        await do_create_tenant(
            m.slug,
            m.name,
            m.plugin,
            actor=actor,
            settings=m.settings,
            name_en=m.name_en,
            manifest=m.file,
        )
        report.changes.append(f"{m.slug}: 新建单位 created ({m.plugin})")
    else:
        before = (row["name"], row["name_en"], row["plugin"], tenant_settings(row))
        if before != (m.name, m.name_en, m.plugin, m.settings):
            await do_update_tenant(
                m.slug,
                actor=actor,
                name=m.name,
                name_en=m.name_en,
                plugin=m.plugin,
                settings=m.settings,
                manifest=m.file,
            )
            report.changes.append(f"{m.slug}: 更新单位信息 updated registry")
        await migrate_tenant(storage, m.slug)  # no-op when current

    accounts: dict[str, int] = {}
    for p in m.people.values():
        account = await account_by_login(p.login)
        if account is None:
            account = await do_create_account(
                p.login, p.name, actor=actor, demo=demo, tenant=m.slug
            )
            report.changes.append(f"{m.slug}: 新建账号 account {p.login}")
        accounts[p.login] = account["id"]

    with bind_tenant(m.slug, storage.role_prefix):
        roster = {r["login"]: r for r in await list_people(include_inactive=True)}
        for p in m.people.values():
            current = roster.get(p.login)
            if current is None:
                await do_add_person(
                    account_id=accounts[p.login],
                    login=p.login,
                    name=p.name,
                    title=p.title,
                    rank=p.rank,
                    areas=p.areas,
                    roles=sorted(p.roles),
                    actor=actor,
                )
                report.changes.append(
                    f"{m.slug}: 加入名册 added {p.login} ({', '.join(sorted(p.roles))})"
                )
                continue
            wanted = {
                "name": p.name,
                "title": p.title,
                "rank": p.rank,
                "areas": p.areas,
                "active": True,
            }
            diff = {k: v for k, v in wanted.items() if current[k] != v}
            if diff:
                await do_update_person(current["id"], actor=actor, **diff)
                report.changes.append(f"{m.slug}: 更新 updated {p.login} ({', '.join(diff)})")
            if set(current["roles"]) != p.roles:
                await do_set_roles(current["id"], sorted(p.roles), actor=actor)
                report.changes.append(
                    f"{m.slug}: 角色 roles of {p.login} → {', '.join(sorted(p.roles))}"
                )
        for login, current in roster.items():
            if login not in m.people and current["active"]:
                report.kept.append(f"{m.slug}: {login} 不在清单中，保留 (not in manifest, kept)")


async def apply_manifests(folder: Path, *, actor: Actor, demo: bool = False) -> ApplyReport:
    manifests = load_manifests(folder)
    report = ApplyReport()
    for m in manifests:
        await _apply_one(m, actor, report, demo)
    return report
