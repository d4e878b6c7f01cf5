"""The caller's address: YISHI_TRUSTED_PROXIES alone decides; X-Forwarded-For from the right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import core.tenancy.middleware as middleware
from core.audit.tables import PlatformAuditEntry
from core.settings import Settings, get_settings
from core.tenancy.middleware import client_address
from tests.world import PASSWORD, World, write_manifests


def _trust(monkeypatch: pytest.MonkeyPatch, *proxies: str) -> None:
    settings = Settings(trusted_proxies=proxies)
    monkeypatch.setattr(middleware, "get_settings", lambda: settings)


def _address(peer: str, *forwarded: str) -> str:
    raw = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    scope: Any = {"type": "http", "client": (peer, 40000), "headers": raw}
    headers = {"x-forwarded-for": ", ".join(forwarded)} if forwarded else {}
    return client_address(scope, headers)


def test_trusted_proxy_the_first_untrusted_hop_from_the_right(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _trust(monkeypatch, "10.0.0.5")
    # The client wrote the left part; the proxy appended the address it saw.
    assert _address("10.0.0.5", "spoofed, 203.0.113.7") == "203.0.113.7"
    assert _address("10.0.0.5", "1.2.3.4, 203.0.113.7") == "203.0.113.7"
    assert _address("10.0.0.5", "203.0.113.7") == "203.0.113.7"
    # Two headers count as one list, in order.
    assert _address("10.0.0.5", "1.2.3.4", "203.0.113.7") == "203.0.113.7"


def test_untrusted_peer_is_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    _trust(monkeypatch, "10.0.0.5")
    assert _address("198.51.100.9", "spoofed, 203.0.113.7") == "198.51.100.9"
    assert _address("198.51.100.9", "10.0.0.5") == "198.51.100.9"
    # Nothing trusted: a local peer is not believed either (uvicorn used to be).
    _trust(monkeypatch)
    assert _address("127.0.0.1", "203.0.113.7") == "127.0.0.1"


def test_chain_of_trusted_proxies_and_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    _trust(monkeypatch, "10.0.0.0/24", "2001:db8::1")
    assert _address("10.0.0.5", "6.6.6.6, 203.0.113.7, 10.0.0.6") == "203.0.113.7"
    assert _address("2001:db8::1", "203.0.113.8") == "203.0.113.8"
    # Every hop trusted: the leftmost trusted hop (never a value beyond it).
    assert _address("10.0.0.5", "10.0.0.7") == "10.0.0.7"
    assert _address("::ffff:10.0.0.5", "203.0.113.9") == "203.0.113.9"


def test_invalid_entries_never_become_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    _trust(monkeypatch, "10.0.0.5", "not-a-network")
    assert _address("10.0.0.5", "203.0.113.7, garbage") == "10.0.0.5"
    assert _address("10.0.0.5", "203.0.113.7,") == "10.0.0.5"
    assert _address("10.0.0.5", "") == "10.0.0.5"
    assert _address("10.0.0.5", "unknown") == "10.0.0.5"
    assert _address("10.0.0.5", "[2001:db8::9]") == "2001:db8::9"


async def test_audited_address_through_the_app(api: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The world's client connects from 127.0.0.1; trusted, it appends the address it saw."""
    _trust(monkeypatch, "127.0.0.1")
    r = await api.api.post(
        "/api/v1/auth/login",
        json={"login": "a.clerk", "password": PASSWORD},
        headers={"X-Forwarded-For": "6.6.6.6, 203.0.113.50"},
    )
    assert r.status_code == 200, r.text
    api.api.cookies.clear()
    entry = (
        await PlatformAuditEntry.select(PlatformAuditEntry.ip)
        .where(PlatformAuditEntry.action == "session.start")
        .order_by(PlatformAuditEntry.id, ascending=False)
        .first()
    )
    assert entry is not None and entry["ip"] == "203.0.113.50"


def test_serve_turns_uvicorn_proxy_headers_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from core.cli import main

    for key in ("YISHI_DATABASE_URL", "YISHI_MODE", "YISHI_SECRET_KEY", "YISHI_TRUSTED_PROXIES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("YISHI_DATA_DIR", str(tmp_path / "data"))
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(kwargs))
    write_manifests(tmp_path / "tenants")
    get_settings.cache_clear()
    try:
        r = CliRunner().invoke(
            main, ["serve", "--port", "0", "--tenants-dir", str(tmp_path / "tenants")]
        )
    finally:
        get_settings.cache_clear()
    assert r.exit_code == 0, r.output
    assert seen.get("proxy_headers") is False
