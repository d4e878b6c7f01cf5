"""Manifest accounts in production have no password: list them and hand out codes in bulk."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from click.testing import CliRunner

from core.cli import main

REPO_TENANTS = Path(__file__).resolve().parents[1] / "tenants"


def test_list_without_password_and_invite_in_bulk(cli: CliRunner, tmp_path: Path) -> None:
    r = cli.invoke(main, ["tenants", "apply", str(REPO_TENANTS)])  # no --demo: no passwords
    assert r.exit_code == 0, r.output
    r = cli.invoke(main, ["accounts", "list", "--without-password"])
    assert r.exit_code == 0, r.output
    assert "nb.admin" in r.output and "无 none" in r.output
    target = tmp_path / "codes.csv"
    r = cli.invoke(main, ["accounts", "invite", "--without-password", "-o", str(target)])
    assert r.exit_code == 0, r.output
    assert oct(os.stat(target).st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert rows and {"nb.admin", "nt.admin"} <= {row["login"] for row in rows}
    assert all(row["code"].startswith("yr_") for row in rows)
    # A code sets the password through the API; the account then signs in.
    from tests.cli_app import use_code_then_sign_in

    admin = next(row for row in rows if row["login"] == "nb.admin")
    assert use_code_then_sign_in(admin["code"], "nb.admin", "tenant:ningbo-hrss") == 201


def test_invite_needs_logins_or_the_flag(cli: CliRunner, tmp_path: Path) -> None:
    r = cli.invoke(main, ["accounts", "invite", "-o", str(tmp_path / "x.csv")])
    assert r.exit_code == 2
