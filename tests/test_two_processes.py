"""Access changes take effect at once in the process that made them, and within the stated
bound (`YISHI_CACHE_SECONDS`, core/caching.py) in every other process.

Two real `yishi serve` processes share one embedded data folder, with a bound of one second:
role changes, sign-out (token revocation) and tenant suspension made through one (or through the
command line, a third process) are enforced by the maker at its next request and by the other
within the bound.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

DEMO = "yishi-demo"
SLUG = "ningbo-hrss"
#: The console script installed next to this interpreter (the README's `yishi`).
YISHI = Path(sys.executable).with_name("yishi")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: The staleness bound the servers run with; a change must be seen within it (plus the time a
#: request takes on a busy test machine).
BOUND = 1.0


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YISHI_")}
    env["YISHI_DATA_DIR"] = str(data)
    env["YISHI_CACHE_SECONDS"] = str(BOUND)
    return env


def _within_bound(url: str, headers: dict[str, str], status: int) -> float:
    """Seconds until `url` answers `status`; fails if that takes longer than the bound."""
    start = time.monotonic()
    while True:
        if httpx.get(url, headers=headers).status_code == status:
            return time.monotonic() - start
        if time.monotonic() - start > BOUND + 2.0:
            pytest.fail(f"{url} did not answer {status} within {BOUND} s")
        time.sleep(0.05)


def _serve(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen(
        [str(YISHI), "serve", "--port", str(port)],
        env=_env(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise RuntimeError("yishi serve exited during start-up")
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("yishi serve did not start")


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    data = tmp_path_factory.mktemp("two") / "data"
    first, a = _serve(data)  # onboards the demo tenants
    second, b = _serve(data)
    try:
        yield a, b, data
    finally:
        for proc in (first, second):
            proc.terminate()
            proc.wait(timeout=20)


def _token(base: str, login: str) -> dict[str, str]:
    r = httpx.post(
        base + "/api/v1/auth/token",
        json={"login": login, "password": DEMO, "scope": f"tenant:{SLUG}"},
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_role_change_in_one_process_is_enforced_by_the_other(two: tuple[str, str, Path]) -> None:
    a, b, _ = two
    admin = _token(a, "nb.admin")
    member = _token(b, "nb.huyq")
    members = f"/api/v1/t/{SLUG}/members"
    assert httpx.get(b + members, headers=member).status_code == 200  # B has it cached now
    assert httpx.get(a + members, headers=member).status_code == 200  # and so has A
    roster = httpx.get(a + members, headers=admin).json()
    person = next(p for p in roster if p["login"] == "nb.huyq")
    r = httpx.put(f"{a}{members}/{person['id']}/roles", headers=admin, json={"roles": []})
    assert r.status_code == 200, r.text
    assert httpx.get(a + members, headers=member).status_code == 404  # at once in A
    _within_bound(b + members, member, 404)  # no role there any more
    r = httpx.put(
        f"{a}{members}/{person['id']}/roles", headers=admin, json={"roles": person["roles"]}
    )
    assert r.status_code == 200, r.text
    assert httpx.get(a + members, headers=member).status_code == 200
    _within_bound(b + members, member, 200)


def test_revocation_and_suspension_are_seen_within_the_bound(two: tuple[str, str, Path]) -> None:
    a, b, data = two
    tenant = f"/api/v1/t/{SLUG}"
    member = _token(a, "nb.linyq")
    assert httpx.get(a + tenant, headers=member).status_code == 200  # cached in A …
    assert httpx.get(b + tenant, headers=member).status_code == 200  # … and in B
    assert httpx.post(a + "/api/v1/auth/logout", headers=member).status_code == 204
    assert httpx.get(a + tenant, headers=member).status_code == 401  # at once in A
    _within_bound(b + tenant, member, 401)
    member = _token(a, "nb.linyq")
    assert httpx.get(b + tenant, headers=member).status_code == 200
    cli = [str(YISHI), "tenants"]
    subprocess.run([*cli, "suspend", SLUG], env=_env(data), check=True, capture_output=True)
    try:
        _within_bound(a + tenant, member, 423)
        _within_bound(b + tenant, member, 423)
        r = httpx.get(b + tenant, headers=member)
        assert r.json()["error"]["code"] == "tenant.suspended"
    finally:
        subprocess.run([*cli, "resume", SLUG], env=_env(data), check=True, capture_output=True)
    _within_bound(b + tenant, member, 200)
