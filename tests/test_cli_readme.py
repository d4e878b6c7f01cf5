"""The README's commands and settings are the real ones."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from core.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SHELL = re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def test_shell_examples_use_no_pipe_to_mean_or() -> None:
    for block in SHELL:
        for line in block.splitlines():
            code = line.split("  #", 1)[0]
            assert " | " not in code, line


def test_every_yishi_command_in_the_readme_exists() -> None:
    runner = CliRunner()
    for block in SHELL:
        for line in block.splitlines():
            words = line.split("#", 1)[0].split()
            if not words or words[0] != "yishi":
                continue
            path = [w for w in words[1:3] if re.fullmatch(r"[a-z][a-z-]*", w)]
            r = runner.invoke(main, [*path, "--help"])
            assert r.exit_code == 0, f"{line}: {r.output}"


def test_readme_documents_what_users_need() -> None:
    for needed in (
        "YISHI_REDIS_PREFIX",
        "YISHI_DATA_DIR",
        "serve --port",
        "--host",
        '{"values": {',  # the real settings PATCH body (core/rules/api.py SettingsPatch)
        "TLS",
        "Secure",
        ".venv/bin/yishi",
        "source .venv/bin/activate",
    ):
        assert needed in README, needed
    rules_row = next(line for line in README.splitlines() if "`GET /api/v1/rules`" in line)
    assert "signed-in" in rules_row
