"""The `yishi` command line, run in-process on its own SQLite data folder."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.cli import main
from core.settings import get_settings

REPO_TENANTS = Path(__file__).resolve().parents[1] / "tenants"


def test_apply_list_suspend_export_delete(cli: CliRunner, tmp_path: Path) -> None:
    r = cli.invoke(main, ["tenants", "apply", str(REPO_TENANTS), "--demo"])
    assert r.exit_code == 0, r.output
    assert "ningbo-hrss" in r.output and "created" in r.output
    r = cli.invoke(main, ["tenants", "apply", str(REPO_TENANTS)])
    assert r.exit_code == 0 and "no changes" in r.output
    r = cli.invoke(main, ["tenants", "list"])
    assert all(
        s in r.output
        for s in ("ningbo-hrss", "nantong-housing", "kunming-npc", "heilongjiang-jgswj")
    )
    r = cli.invoke(main, ["tenants", "suspend", "kunming-npc"])
    assert r.exit_code == 0
    assert "suspended" in cli.invoke(main, ["tenants", "list"]).output

    archive = tmp_path / "k.zip"
    r = cli.invoke(main, ["tenants", "export", "kunming-npc", "-o", str(archive)])
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        assert {
            "tenant.json",
            "manifest.json",
            "tables/person.jsonl",
            "tables/role_grant.jsonl",
            "tables/audit_entry.jsonl",
            "platform_audit.jsonl",
        } <= names
        people = [
            json.loads(line)
            for line in io.TextIOWrapper(z.open("tables/person.jsonl"), encoding="utf-8")
        ]
        assert len(people) >= 9 and all(p["login"].startswith("km.") for p in people)
        assert json.loads(z.read("tenant.json"))["status"] == "suspended"

    r = cli.invoke(main, ["tenants", "delete", "kunming-npc"], input="wrong\n")
    assert r.exit_code == 1 and "nothing deleted" in r.output
    r = cli.invoke(main, ["tenants", "delete", "kunming-npc"], input="kunming-npc\n")
    assert r.exit_code == 0, r.output
    assert "kunming-npc" not in cli.invoke(main, ["tenants", "list"]).output
    assert not (tmp_path / "data" / "tenants" / "t_kunming_npc.sqlite").exists()
    r = cli.invoke(main, ["tenants", "delete", "kunming-npc", "--yes", "kunming-npc"])
    assert r.exit_code == 2 and "tenant.not_found" in r.output


def test_migrate_reports(cli: CliRunner) -> None:
    r = cli.invoke(main, ["tenants", "apply", str(REPO_TENANTS), "--demo"])
    assert r.exit_code == 0
    r = cli.invoke(main, ["migrate"])
    assert r.exit_code == 0, r.output
    assert f"{len(list(REPO_TENANTS.glob('*.toml')))} ok" in r.output and "0 失败" in r.output


def test_malformed_manifest_exits_with_its_location(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "x.toml").write_text('slug = "x1"\nname = "X"\nplugin = "mars"\n', encoding="utf-8")
    r = cli.invoke(main, ["tenants", "apply", str(folder)])
    assert r.exit_code == 2
    assert "x.toml:3: plugin" in r.output and "mars" in r.output


def test_accounts_commands(cli: CliRunner) -> None:
    assert cli.invoke(main, ["migrate"]).exit_code == 0  # accounts commands need the storage
    r = cli.invoke(
        main,
        ["accounts", "create", "ops1", "--name", "运维一", "--operator"],
        input="a-long-enough-password\n",
    )
    assert r.exit_code == 0, r.output
    r = cli.invoke(main, ["accounts", "set-password", "ops1"], input="short\n")
    assert r.exit_code == 2 and "request.invalid" in r.output
    r = cli.invoke(main, ["accounts", "disable", "ops1"])
    assert r.exit_code == 0
    r = cli.invoke(main, ["accounts", "disable", "nobody"])
    assert r.exit_code == 2


def test_production_refuses_missing_secret(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YISHI_MODE", "production")
    get_settings.cache_clear()
    r = cli.invoke(main, ["serve"])
    assert r.exit_code == 2
    assert "YISHI_SECRET_KEY" in r.output and "YISHI_DATABASE_URL" in r.output


def test_production_refuses_demo_passwords(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, pg_server: str
) -> None:
    import asyncio

    import uvicorn

    from tests.world import create_pg_database, drop_pg_database

    db = asyncio.run(create_pg_database(pg_server))
    try:
        monkeypatch.setenv("YISHI_DATABASE_URL", db.url(db.app_role, db.app_password))
        monkeypatch.setenv("YISHI_DATABASE_ADMIN_URL", db.url())
        monkeypatch.setenv("YISHI_DATABASE_ROLE_PREFIX", db.name)
        monkeypatch.setenv("YISHI_MODE", "embedded")
        get_settings.cache_clear()
        r = cli.invoke(main, ["tenants", "apply", str(REPO_TENANTS), "--demo"])
        assert r.exit_code == 0, r.output
        monkeypatch.setenv("YISHI_MODE", "production")
        monkeypatch.setenv("YISHI_SECRET_KEY", "x" * 40)
        get_settings.cache_clear()

        def must_not_start(*args: object, **kwargs: object) -> None:
            raise AssertionError("server started with demo passwords")

        monkeypatch.setattr(uvicorn, "run", must_not_start)
        r = cli.invoke(main, ["serve"])
        assert r.exit_code == 2, r.output
        assert "nb.admin" in r.output and "set-password" in r.output
    finally:
        asyncio.run(drop_pg_database(db))


def test_calendar_load_and_check(cli: CliRunner, tmp_path: Path) -> None:
    r = cli.invoke(main, ["calendar", "check", "2031"])
    assert r.exit_code == 1 and "Monday–Friday assumed" in r.output
    notice = tmp_path / "2031.json"
    notice.write_text(
        json.dumps({"year": 2031, "holidays": ["2031-10-01"], "workdays": ["2031-10-11"]}),
        encoding="utf-8",
    )
    r = cli.invoke(main, ["calendar", "load", str(notice)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "data" / "calendar" / "2031.json").exists()
    r = cli.invoke(main, ["calendar", "check", "2031"])
    assert r.exit_code == 0 and "available" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"year": 2031, "holidays": ["2030-01-01"]}', encoding="utf-8")
    r = cli.invoke(main, ["calendar", "load", str(bad)])
    assert r.exit_code == 2 and "calendar.invalid" in r.output
