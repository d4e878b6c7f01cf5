"""Onboarding from manifests: idempotent, never deleting, and precise about malformed files."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from core.accounts.tables import Account
from core.tenancy.context import bind_slug
from core.tenancy.manifests import ManifestInvalid, apply_manifests, load_manifests
from core.tenancy.people import list_people
from core.tenancy.tables import Tenant
from tests.world import SYSTEM, World

REPO_TENANTS = Path(__file__).resolve().parents[2] / "tenants"


async def _state() -> tuple[int, int, list[str]]:
    return (
        await Tenant.count(),
        await Account.count(),
        [t["updated_at"].isoformat() for t in await Tenant.select(Tenant.updated_at)],
    )


async def test_apply_twice_changes_nothing_the_second_time(api: World) -> None:
    before = await _state()
    report = await apply_manifests(api.manifests, actor=SYSTEM)
    assert report.changes == []
    assert await _state() == before


def test_demo_manifests_are_valid() -> None:
    manifests = load_manifests(REPO_TENANTS)
    assert sorted(m.plugin for m in manifests) == [
        "bureau_committee",
        "district",
        "heilongjiang",
        "kunming",
        "nantong",
        "ningbo",
    ]
    for m in manifests:
        secretaries = [p for p in m.people.values() if "secretary" in p.roles]
        assert len(secretaries) == 1
        assert any("unit_admin" in p.roles for p in m.people.values())
        assert any("inspector" in p.roles for p in m.people.values())


GAMMA = """
slug = "gamma"
name = "测试丙单位党组"
plugin = "kunming"

[admin]
login = "g.admin"
name = "丙管理员"

[[members]]
login = "g.sec"
name = "丙书记"
role = "secretary"
rank = 1

[[members]]
login = "g.mem"
name = "丙成员"
role = "member"
rank = 2
title = "成员"
"""


async def test_updates_are_applied_and_removals_are_only_reported(
    api: World, tmp_path: Path
) -> None:
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "gamma.toml").write_text(textwrap.dedent(GAMMA), encoding="utf-8")
    first = await apply_manifests(folder, actor=SYSTEM)
    assert any("created" in c for c in first.changes)
    changed = GAMMA.replace('title = "成员"', 'title = "副主任"')
    changed = changed.split('[[members]]\nlogin = "g.mem"')[0] + textwrap.dedent("""
        [[members]]
        login = "g.new"
        name = "丙新人"
        role = "member"
        rank = 3
        """)
    (folder / "gamma.toml").write_text(changed, encoding="utf-8")
    second = await apply_manifests(folder, actor=SYSTEM)
    assert any("g.new" in c for c in second.changes)
    assert any("g.mem" in k for k in second.kept)
    async with bind_slug("gamma"):
        logins = {p["login"] for p in await list_people()}
    assert {"g.mem", "g.new", "g.sec", "g.admin"} <= logins
    third = await apply_manifests(folder, actor=SYSTEM)
    assert third.changes == []


BROKEN = {
    "unknown plugin": ('plugin = "ningbo"', 'plugin = "atlantis"', "plugin", "atlantis"),
    "bad role": (
        'role = "member"\nrank = 3',
        'role = "chairman"\nrank = 3',
        "members[2].role",
        "chairman",
    ),
    "missing field": ('name = "测试甲单位党组"\n', "", "", "'name'"),
    "syntax": ("rank = 1", "rank = = 1", "", "TOML"),
    "bad setting": (
        'plugin = "ningbo"',
        'plugin = "ningbo"\n[settings]\nnope = 1',
        "settings.nope",
        "unknown setting",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
async def test_malformed_manifest_names_file_line_key_and_changes_nothing(
    api: World, tmp_path: Path, case: str
) -> None:
    old, new, key, words = BROKEN[case]
    folder = tmp_path / "m"
    shutil.copytree(api.manifests, folder)
    text = (folder / "alpha.toml").read_text(encoding="utf-8")
    assert old in text
    (folder / "alpha.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    before = await _state()
    with pytest.raises(ManifestInvalid) as caught:
        await apply_manifests(folder, actor=SYSTEM)
    problems = caught.value.problems
    assert len(problems) >= 1
    p = problems[0]
    assert p.file.endswith("alpha.toml")
    assert p.key == key
    # A missing key has no line of its own; every other problem points at one.
    assert (p.line is None) == (case == "missing field")
    assert words in p.problem
    assert "alpha.toml" in caught.value.message_zh
    assert await _state() == before


async def test_duplicate_slug_names_both_files(api: World, tmp_path: Path) -> None:
    folder = tmp_path / "d"
    shutil.copytree(api.manifests, folder)
    text = (folder / "beta.toml").read_text(encoding="utf-8")
    (folder / "zeta.toml").write_text(text.replace('login = "b.', 'login = "z.'), encoding="utf-8")
    before = await _state()
    with pytest.raises(ManifestInvalid) as caught:
        await apply_manifests(folder, actor=SYSTEM)
    [p] = caught.value.problems
    assert p.file.endswith("zeta.toml") and p.key == "slug" and p.line == 2
    assert "beta.toml" in p.problem and "duplicate slug" in p.problem
    assert await _state() == before
