"""Access changes reach every API process at its next request, not after a cache expires.

Two real `yishi serve` processes share one embedded data folder: role changes made through one
are enforced by the other at once (each request compares the tenant's `access_version`), as are
tenant suspension and token revocation (read with each request).
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


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YISHI_")}
    env["YISHI_DATA_DIR"] = str(data)
    return env


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
    roster = httpx.get(a + members, headers=admin).json()
    person = next(p for p in roster if p["login"] == "nb.huyq")
    r = httpx.put(f"{a}{members}/{person['id']}/roles", headers=admin, json={"roles": []})
    assert r.status_code == 200, r.text
    assert httpx.get(b + members, headers=member).status_code == 404  # no role there any more
    r = httpx.put(
        f"{a}{members}/{person['id']}/roles", headers=admin, json={"roles": person["roles"]}
    )
    assert r.status_code == 200, r.text
    assert httpx.get(b + members, headers=member).status_code == 200


def test_revocation_and_suspension_are_seen_at_once(two: tuple[str, str, Path]) -> None:
    a, b, data = two
    member = _token(a, "nb.linyq")
    assert httpx.get(f"{b}/api/v1/t/{SLUG}", headers=member).status_code == 200
    assert httpx.post(a + "/api/v1/auth/logout", headers=member).status_code == 204
    assert httpx.get(f"{b}/api/v1/t/{SLUG}", headers=member).status_code == 401
    member = _token(a, "nb.linyq")
    cli = [str(YISHI), "tenants"]
    subprocess.run([*cli, "suspend", SLUG], env=_env(data), check=True, capture_output=True)
    try:
        r = httpx.get(f"{b}/api/v1/t/{SLUG}", headers=member)
        assert r.status_code == 423 and r.json()["error"]["code"] == "tenant.suspended"
    finally:
        subprocess.run([*cli, "resume", SLUG], env=_env(data), check=True, capture_output=True)
    assert httpx.get(f"{b}/api/v1/t/{SLUG}", headers=member).status_code == 200
