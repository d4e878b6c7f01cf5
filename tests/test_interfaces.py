"""The HTTP interface as other tools see it: OpenAPI, the docs page, security headers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from core.app import create_app
from core.settings import Settings
from tests.world import World

# --- the docs page works with no internet ----------------------------------------------------


async def test_docs_page_loads_only_same_origin_assets(api: World) -> None:
    r = await api.api.get("/schema")
    assert r.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert any(u.endswith("swagger-ui-bundle.js") for u in urls)
    assert "<script>" not in r.text  # no inline script: the CSP allows none
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url  # same origin, nothing from a CDN
        answer = await api.api.get(url)
        assert answer.status_code == 200, url


# --- security headers ------------------------------------------------------------------------

EVERYWHERE = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/schema", 200),
        ("/healthz", 200),
        ("/no/such/page", 404),
        ("/api/v1/me", 401),
        ("/api/v1/t/alpha/members", 401),
    ],
)
async def test_security_headers_on_every_answer(api: World, path: str, status: int) -> None:
    r = await api.api.get(path)
    assert r.status_code == status
    for name, value in EVERYWHERE.items():
        assert r.headers.get(name) == value, name
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "strict-transport-security" not in r.headers  # embedded mode: plain http on localhost


async def test_api_answers_are_never_cached(api: World) -> None:
    r = await api.api.post(
        "/api/v1/auth/token",
        json={"login": "a.admin", "password": "correct horse battery staple", "scope": "platform"},
    )
    assert r.headers["cache-control"] == "no-store"
    headers = await api.auth("a.admin", "alpha")
    for path in ("/api/v1/me", "/api/v1/me/tokens", "/api/v1/t/alpha/members"):
        r = await api.api.get(path, headers=headers)
        assert r.status_code == 200
        assert r.headers["cache-control"] == "no-store", path
    r = await api.api.post("/api/v1/auth/login", json={"login": "a.admin", "password": "bad"})
    assert r.headers["cache-control"] == "no-store"


async def test_hsts_only_in_production(api: World) -> None:
    import httpx

    settings = Settings(mode="production", database=api.settings.database)
    production = create_app(settings, api.storage)
    transport = httpx.ASGITransport(app=production)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        r = await client.get("/no/such/page")
    assert r.status_code == 404
    assert r.headers["strict-transport-security"].startswith("max-age=31536000")
