"""The HTTP interface as other tools see it: OpenAPI, the docs page, security headers, the
error page under the CSP, and the body check every body route runs."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import httpx
import msgspec
import pytest
from litestar import Litestar, Request, post
from litestar.connection import request as request_module
from litestar.handlers import HTTPRouteHandler
from litestar.params import JSONBody
from litestar.routes import HTTPRoute

from core.access.guards import authorize
from core.app import create_app
from core.errors import YishiError
from core.settings import Settings
from core.tenancy.middleware import RequestContextMiddleware as Context
from core.web import inputs
from core.web.errors import render_error
from core.web.inputs import BODY_CHECK, check_body
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
    settings = Settings(mode="production", database=api.settings.database)
    production = create_app(settings, api.storage)
    transport = httpx.ASGITransport(app=production)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        r = await client.get("/no/such/page")
    assert r.status_code == 404
    assert r.headers["strict-transport-security"].startswith("max-age=31536000")


# --- OpenAPI: the real error answers, described fields ---------------------------------------

ERROR_REF = "#/components/schemas/ErrorEnvelope"


async def _openapi(api: World) -> dict:
    r = await api.api.get("/schema/openapi.json")
    assert r.status_code == 200
    return r.json()


def _refs(operation: dict) -> dict[str, str]:
    """status → the schema reference its JSON answer declares."""
    return {
        status: answer.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
        for status, answer in operation["responses"].items()
    }


async def test_every_operation_documents_its_error_answers(api: World) -> None:
    doc = await _openapi(api)
    envelope = doc["components"]["schemas"]["ErrorEnvelope"]
    error = envelope["properties"]["error"]
    assert "#/components/schemas/ErrorDetail" in (
        error.get("$ref"),
        error.get("allOf", [{}])[0]["$ref"],
    )
    assert set(doc["components"]["schemas"]["ErrorDetail"]["required"]) == {
        "code",
        "message",
        "fields",
    }
    operations = [
        (method.upper(), path, op)
        for path, ops in doc["paths"].items()
        for method, op in ops.items()
    ]
    assert len(operations) >= 24
    for method, path, op in operations:
        refs = _refs(op)
        expected = {"401", "500"}
        if "{" in path:
            expected.add("404")
        if any(p["name"] != "tenant" for p in op.get("parameters", [])):
            expected.add("400")
        if "/t/{tenant}" in path:
            expected |= {"403", "423"}
        if op.get("requestBody"):
            expected |= {"400", "413", "415"}
        if method != "GET":
            expected |= {"403", "409"}
        missing = {s for s in expected if refs.get(s) != ERROR_REF}
        assert not missing, f"{method} {path} lacks {sorted(missing)}"
        for status in refs:
            if status.startswith(("4", "5")):
                assert refs[status] == ERROR_REF, f"{method} {path} {status}"
                assert op["responses"][status]["description"], f"{method} {path} {status}"
    token = doc["paths"]["/api/v1/auth/token"]["post"]["responses"]
    assert "429" in token and "Retry-After" in token["429"]["description"]


async def test_an_error_answer_matches_its_documented_schema(api: World) -> None:
    doc = await _openapi(api)
    detail = doc["components"]["schemas"]["ErrorDetail"]
    r = await api.api.get("/api/v1/t/alpha/members")
    assert r.status_code == 401
    body = r.json()
    assert set(body) == set(doc["components"]["schemas"]["ErrorEnvelope"]["properties"])
    assert set(body["error"]) == set(detail["properties"])


@pytest.mark.parametrize(
    "name",
    [
        "ErrorEnvelope",
        "ErrorDetail",
        "TokenRequest",
        "TokenIssued",
        "TokenOut",
        "LoginRequest",
        "SessionStarted",
        "Profile",
        "TenantRoles",
    ],
)
async def test_main_structs_describe_every_field(api: World, name: str) -> None:
    schema = (await _openapi(api))["components"]["schemas"][name]
    assert schema.get("description") and "efficient serializable" not in schema["description"]
    undescribed = [f for f, prop in schema["properties"].items() if not prop.get("description")]
    assert not undescribed, f"{name}: {undescribed}"


# --- the error page works under the CSP ------------------------------------------------------


async def test_error_page_has_no_inline_style(api: World) -> None:
    page = await api.api.get("/no/such/page", headers={"Accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "style-src 'self'" in page.headers["content-security-policy"]
    text = page.text.lower()
    assert "<style" not in text and "style=" not in text  # the CSP would block both
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.text)
    assert sheets
    for url in sheets:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url
        sheet = await api.api.get(url)
        assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")


# --- every body is checked, and parsed once --------------------------------------------------


def _body_handlers(app: Litestar) -> list[tuple[str, HTTPRouteHandler]]:
    return [
        (route.path, handler)
        for route in app.routes
        if isinstance(route, HTTPRoute)
        for handler in route.route_handlers
        if "data" in handler.parsed_fn_signature.parameters
    ]


def test_every_handler_taking_a_body_runs_the_body_check(api: World) -> None:
    app = create_app(api.settings, api.storage)
    found = _body_handlers(app)
    assert len(found) >= 10
    # Run by the app's request middleware for every route (no layer can drop it), after the
    # permission check (core/access/guards.py `authorize`).
    middleware = [m.middleware for m in app.middleware if hasattr(m, "middleware")]
    context = next(m for m in app.middleware if getattr(m, "middleware", None) is Context)
    assert Context in middleware and context.kwargs["authorize"] is authorize
    for path, handler in found:
        check = handler.opt[BODY_CHECK]
        assert check.takes_body and check.strict_type is not None, path


class _Count(msgspec.Struct):
    a: int


async def test_a_route_with_its_own_before_request_is_still_checked() -> None:
    seen: list[str] = []

    async def own_hook(request: Request[Any, Any, Any]) -> None:
        seen.append(request.url.path)

    @post("/x", before_request=own_hook, status_code=200)
    async def take(data: JSONBody[_Count]) -> dict[str, int]:
        return {"a": data.a}

    app = Litestar([take], guards=[check_body], exception_handlers={YishiError: render_error})
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        r = await client.post("/x", content='{"a": 1}', headers={"content-type": "text/plain"})
        assert r.status_code == 415, r.text
        r = await client.post("/x", json={"a": "1"})
        assert r.status_code == 400 and set(r.json()["error"]["fields"]) == {"a"}, r.text
        r = await client.post("/x", json={"a": 1})
        assert r.status_code == 200 and r.json() == {"a": 1}
    assert seen == ["/x"]  # the hook ran only once the body was good


async def test_a_json_body_is_parsed_once(api: World, monkeypatch: pytest.MonkeyPatch) -> None:
    member = await api.auth("a.mem", "alpha")
    calls: list[bytes] = []
    decode = request_module.decode_json

    def counting(value: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(value)
        return decode(value, *args, **kwargs)

    checked: list[int] = []
    check_tree = inputs.check_tree

    def checking(body: bytes, tree: Any, body_type: Any) -> None:
        checked.append(len(calls))  # the body check works on the tree Litestar keeps
        check_tree(body, tree, body_type)

    monkeypatch.setattr(request_module, "decode_json", counting)
    monkeypatch.setattr(inputs, "check_tree", checking)
    r = await api.api.post(
        "/api/v1/t/alpha/rules/what-if", headers=member, json={"expected": 7, "present": 4}
    )
    assert r.status_code == 200, r.text
    assert checked == [1] and len(calls) == 1
