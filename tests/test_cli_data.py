"""Where the CLI's data lives, and what it does where there is none; `serve`'s start-up checks."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import core.settings as settings_module
from core.cli import main
from core.settings import default_data_dir, get_settings, load_settings


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty YISHI_DATA_DIR that does not exist yet, and a working directory elsewhere."""
    for key in ("YISHI_DATABASE_URL", "YISHI_MODE", "YISHI_SECRET_KEY", "YISHI_PORT"):
        monkeypatch.delenv(key, raising=False)
    data = tmp_path / "data"
    monkeypatch.setenv("YISHI_DATA_DIR", str(data))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    get_settings.cache_clear()
    yield data
    get_settings.cache_clear()


@pytest.mark.parametrize(
    "args",
    [
        ["tenants", "list"],
        ["tenants", "suspend", "alpha"],
        ["tenants", "export", "alpha"],
        ["accounts", "disable", "someone"],
        ["accounts", "create", "someone", "--name", "某人"],
        ["oversight", "add-reader", "body", "someone"],
    ],
)
def test_a_command_needing_data_refuses_in_one_line_and_creates_nothing(
    fresh: Path, args: list[str]
) -> None:
    r = CliRunner().invoke(main, args, input="a-long-enough-password\n")
    assert r.exit_code == 2, r.output
    assert "YISHI_DATA_DIR" in r.output and "yishi migrate" in r.output
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1
    assert not fresh.exists()
    assert list(Path.cwd().iterdir()) == []  # no ./var left behind either


def test_migrate_creates_then_other_commands_work(fresh: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["migrate"])
    assert r.exit_code == 0, r.output
    assert (fresh / "platform.sqlite").is_file()
    r = runner.invoke(main, ["tenants", "list"])
    assert r.exit_code == 0, r.output
    assert list(Path.cwd().iterdir()) == []


def test_default_data_dir_does_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    here = load_settings({}).database.data_dir
    monkeypatch.chdir("/")
    assert load_settings({}).database.data_dir == here
    assert here.is_absolute() and tmp_path not in here.parents
    # In this checkout, the checkout's var/ (the README's place for `scripts/dev serve`).
    assert here == Path(__file__).resolve().parents[1] / "var"
    # Installed without a checkout: the XDG data directory.
    monkeypatch.setattr(settings_module, "CHECKOUT", tmp_path / "site-packages")
    xdg = tmp_path / "xdg"
    assert default_data_dir({"XDG_DATA_HOME": str(xdg)}) == xdg / "yishi"
    # A relative YISHI_DATA_DIR is made absolute once, when settings are read.
    monkeypatch.chdir(tmp_path)
    assert load_settings({"YISHI_DATA_DIR": "d"}).database.data_dir == tmp_path / "d"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_port_in_use_is_reported_before_the_banner(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    def must_not_start(*args: object, **kwargs: object) -> None:
        raise AssertionError("uvicorn started")

    monkeypatch.setattr(uvicorn, "run", must_not_start)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--host", "127.0.0.1", "--port", str(port)])
    assert r.exit_code == 2, r.output
    assert "已被占用" in r.output and "in use" in r.output and str(port) in r.output
    assert len(r.output.strip().splitlines()) == 1 and "Traceback" not in r.output
    assert "议事 Yishi" not in r.output  # no banner
    assert not fresh.exists()  # nothing migrated either


def test_serve_banner_says_where_data_and_the_command_are(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw))
    port = _free_port()
    r = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert r.exit_code == 0, r.output
    assert started["port"] == port
    assert str(fresh) in r.output and "YISHI_DATA_DIR" in r.output
    assert "command line" in r.output and "yishi --help" in r.output
