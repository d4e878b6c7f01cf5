"""`yishi tenants apply` with `--dry-run` and `--force` on the command line (own SQLite folder)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from core.audit.actions import Actor
from core.cli import _run, main
from core.tenancy.registry import do_update_tenant, get_tenant, tenant_settings

REPO_TENANTS = Path(__file__).resolve().parents[2] / "tenants"
UNIT = Actor(account_id=None, login="nb.admin", roles=("unit_admin",))


def _threshold() -> int | None:
    async def go(_: object) -> int | None:
        row = await get_tenant("ningbo-hrss")
        assert row is not None
        return tenant_settings(row).get("major_funds_threshold_wan")

    return _run(go)


def _unit_sets_threshold(value: int) -> None:
    """What `PATCH …/settings` does: the unit admin changes a value the manifest gave."""

    async def go(_: object) -> None:
        row = await get_tenant("ningbo-hrss")
        assert row is not None
        values = {**tenant_settings(row), "major_funds_threshold_wan": value}
        await do_update_tenant("ningbo-hrss", actor=UNIT, settings=values)

    _run(go)


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("+ ", "! "))]


def test_dry_run_on_a_fresh_machine_writes_nothing(cli: CliRunner, tmp_path: Path) -> None:
    r = cli.invoke(main, ["tenants", "apply", str(REPO_TENANTS), "--dry-run"])
    if r.exit_code == 0:  # it reports what a first real run would create
        assert "dry run: nothing is changed" in r.output
        assert "将 would ningbo-hrss: 新建单位 created (ningbo)" in r.output
        assert "platform would migrate: m0001_initial" in r.output
    else:  # or refuses, naming what is missing, before touching the data folder
        assert r.exit_code == 2 and "no data" in r.output, r.output
    data = tmp_path / "data"
    assert not data.exists() or not any(p.is_file() for p in data.rglob("*"))


def test_drift_is_kept_reported_and_forced(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "tenants"
    shutil.copytree(REPO_TENANTS, folder)
    r = cli.invoke(main, ["tenants", "apply", str(folder), "--demo"])
    assert r.exit_code == 0, r.output
    _unit_sets_threshold(80)

    r = cli.invoke(main, ["tenants", "apply", str(folder)])
    assert r.exit_code == 0, r.output
    assert "无变化 no changes" in r.output
    assert "kept, changed by the unit: 设置 setting major_funds_threshold_wan" in r.output
    assert "manifest says 50" in r.output and "tenant has 80" in r.output
    assert _threshold() == 80

    # The manifest now says something else too: a dry run shows the same lines as the real run.
    path = folder / "ningbo-hrss.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name_en = "', 'name_en = "Demo: ', 1), "utf-8")
    dry = cli.invoke(main, ["tenants", "apply", str(folder), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    real = cli.invoke(main, ["tenants", "apply", str(folder)])
    assert real.exit_code == 0, real.output
    assert _lines(dry.output) == [
        line.replace("+ ", "+ 将 would ", 1) for line in _lines(real.output)
    ]
    assert any("name_en" in line and "Demo: " in line for line in _lines(real.output))
    assert _threshold() == 80

    r = cli.invoke(main, ["tenants", "apply", str(folder), "--force-tenant", "kunming-npc"])
    assert _threshold() == 80 and "kept, changed by the unit" in r.output
    r = cli.invoke(main, ["tenants", "apply", str(folder), "--force-tenant", "ningbo-hrss"])
    assert r.exit_code == 0, r.output
    assert "major_funds_threshold_wan: 80 → 50" in r.output and "forced" in r.output
    assert _threshold() == 50
    r = cli.invoke(main, ["tenants", "apply", str(folder)])
    assert "无变化 no changes" in r.output and "kept" not in r.output
