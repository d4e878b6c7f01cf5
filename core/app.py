"""The Litestar application factory."""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
from litestar import Litestar, MediaType, Request, Response, Router, get
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme

from core.access.guards import authorize
from core.access.permissions import PUBLIC
from core.accounts.api import AuthController, MeController, PlatformTokensController
from core.accounts.ratelimit import FailureLimiter, RedisCounter, limiter_for
from core.audit.api import AuditController
from core.caching import CacheListener
from core.errors import (
    BodyTooLarge,
    InvalidInput,
    NotFound,
    YishiError,
)
from core.jobs.api import InboxController, WebhooksController
from core.oversight.api import OversightController
from core.rules.api import RulesExplorerController, TenantRulesController
from core.settings import Settings, get_settings
from core.tenancy.api import MembersController, PlatformController, TenantController
from core.tenancy.invitations_api import CodesController
from core.tenancy.middleware import RequestContextMiddleware
from core.tenancy.storage import Storage, configure, pg_config
from core.tenancy.tables import Tenant
from core.web.docs import SwaggerUIOffline, static_router
from core.web.errors import render_error
from core.web.headers import security_headers
from core.web.inputs import (
    MAX_BODY_BYTES,
    InputGuardMiddleware,
    litestar_fields,
    prepare_bodies,
)
from core.web.openapi import describe_fields, document_errors

__all__ = ["create_app"]

log = logging.getLogger("yishi")


class _HttpError(YishiError):
    """Framework errors (405, 413, …) carried into the one error format."""


def _handle_validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    # Litestar's own validation (query and path parameters; bodies are checked strictly before,
    # by `core.web.inputs`): the real field name and a sentence, never `'tenant'` or `data`.
    fields: dict[str, Any] = litestar_fields(exc.extra, str(exc.detail), sent=request.path_params)
    if not fields:
        fields["body"] = exc.detail
    return render_error(request, InvalidInput(fields=fields))


def _handle_http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    if isinstance(exc, NotFoundException):
        return render_error(request, NotFound())
    if exc.status_code == 413:  # Litestar's `request_max_body_size`, met while reading
        limit = request.route_handler.resolve_request_max_body_size() or MAX_BODY_BYTES
        text = f"最多 {limit} 字节 (at most {limit} bytes)"
        return render_error(request, BodyTooLarge(fields={"body": text}, limit=limit))
    error = _HttpError(
        "请求无法完成：{detail}", "The request could not be completed: {detail}", detail=exc.detail
    )
    error.status = exc.status_code  # type: ignore[misc]
    error.code = f"http.{exc.status_code}"  # type: ignore[misc]
    return render_error(request, error)


def _handle_crash(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    error = _HttpError(
        "服务器内部错误，已记录，请稍后再试。", "Internal server error; it has been logged."
    )
    error.status = 500  # type: ignore[misc]
    error.code = "internal"  # type: ignore[misc]
    return render_error(request, error)


LANDING = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>议事 Yishi</title>
<link rel="stylesheet" href="/static/site.css"></head><body>
<h1>议事 Yishi</h1>
<p>党组会议、决策与监督平台。<br><small>Party group meetings, decisions and oversight.</small></p>
<ul>
<li><a href="/schema">接口文档</a> <small>API documentation (OpenAPI)</small></li>
<li><a href="/api/v1/rules">各地议事规则对照</a>
<small>rules side by side (sign-in needed)</small></li>
<li><a href="/healthz">运行状态</a> <small>health</small></li>
</ul>
<p>登录：<code>POST /api/v1/auth/token</code> 或 <code>POST /api/v1/auth/login</code>。
页面功能将陆续提供。<br><small>Sign in through the API; pages are coming.</small></p>
</body></html>"""


@get("/", opt={"permission": PUBLIC}, media_type=MediaType.HTML, include_in_schema=False)
async def landing() -> str:
    return LANDING


@get("/healthz", opt={"permission": PUBLIC}, include_in_schema=True, summary="进程存活 Liveness")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get("/readyz", opt={"permission": PUBLIC}, summary="数据库与消息队列可达 Readiness")
async def readyz(request: Request[Any, Any, Any]) -> Response[dict[str, str]]:
    try:
        await Tenant.count()
    except Exception as exc:
        return Response({"status": "unavailable", "reason": type(exc).__name__}, status_code=503)
    from core.jobs.runtime import broker_status

    ok, broker = await broker_status(request.app.state.settings.jobs)
    if not ok:
        return Response(
            {"status": "unavailable", "reason": "broker", "broker": broker}, status_code=503
        )
    return Response({"status": "ready", "broker": broker})


@get("/metrics", opt={"permission": PUBLIC}, include_in_schema=False, media_type=MediaType.TEXT)
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    """Prometheus metrics of background work: only with the header `X-Yishi-Metrics-Token:
    <YISHI_METRICS_TOKEN>` (not `Authorization`, which is the API's bearer token); without that
    setting the route answers 404."""
    import hmac

    from core.jobs.runtime import current_jobs
    from core.jobs.status import metrics_text

    expected = request.app.state.settings.jobs.metrics_token
    given = request.headers.get("x-yishi-metrics-token", "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise NotFound()
    return Response(await metrics_text(current_jobs()), media_type="text/plain; version=0.0.4")


def _limiter(settings: Settings) -> FailureLimiter:
    return limiter_for(settings.redis_url, settings.redis_prefix, settings.auth)


def create_app(
    settings: Settings | None = None, storage: Storage | None = None, jobs: Any = None
) -> Litestar:
    """`jobs`: background work to run in this process (`core.jobs.runtime.Jobs`; `yishi serve`
    in embedded mode passes the in-process worker, relay and scheduler), started after storage
    and stopped before it."""
    settings = settings or get_settings()
    # Production serving holds the application login only (never the owner's: `yishi migrate`).
    storage = storage or configure(settings.database, owner=not settings.production)

    # On PostgreSQL, changes announced by other processes (revocations, suspensions, roles) are
    # forgotten here at once; without it they would be within `YISHI_CACHE_SECONDS` (caching.py).
    listener = (
        CacheListener(lambda: asyncpg.connect(**pg_config(settings.database.url)))
        if settings.database.backend == "postgres"
        else None
    )

    async def start() -> None:
        await storage.start()
        if listener is not None:
            listener.start()
        if jobs is not None:
            await jobs.start()

    async def stop() -> None:
        if jobs is not None:
            await jobs.stop()
        if listener is not None:
            await listener.stop()
        await storage.stop()
        counter = app.state.limiter.counter
        if isinstance(counter, RedisCounter):
            await counter.close()

    openapi = OpenAPIConfig(
        title="议事 Yishi API",
        version="1",
        description="党组议事平台接口。Party group meetings, decisions and oversight.",
        path="/schema",
        render_plugins=[SwaggerUIOffline()],
        openapi_router=Router(
            "/schema", route_handlers=[], include_in_schema=False, opt={"permission": PUBLIC}
        ),
        components=Components(
            security_schemes={
                "bearer": SecurityScheme(
                    type="http", scheme="bearer", description="POST /api/v1/auth/token"
                ),
            }
        ),
        security=[{"bearer": []}],
    )
    app = Litestar(
        route_handlers=[
            landing,
            healthz,
            readyz,
            metrics,
            AuthController,
            MeController,
            PlatformTokensController,
            TenantController,
            MembersController,
            CodesController,
            AuditController,
            PlatformController,
            OversightController,
            RulesExplorerController,
            TenantRulesController,
            InboxController,
            WebhooksController,
            static_router(),
        ],
        # The input guard first: it refuses NUL in headers, path and query before the request
        # context reads the database with the caller's credentials (core/web/inputs.py).
        middleware=[
            DefineMiddleware(InputGuardMiddleware),
            # It also runs every route's permission and body checks (core/access/guards.py).
            DefineMiddleware(RequestContextMiddleware, authorize=authorize),
        ],
        request_max_body_size=MAX_BODY_BYTES,
        exception_handlers={
            YishiError: render_error,
            ValidationException: _handle_validation,
            HTTPException: _handle_http,
            Exception: _handle_crash,
        },
        openapi_config=openapi,
        before_send=[security_headers(settings.production)],
        on_startup=[start],
        on_shutdown=[stop],
        debug=False,
    )
    prepare_bodies(app)
    document_errors(app)
    describe_fields(app)
    app.state.limiter = _limiter(settings)
    app.state.storage = storage
    app.state.settings = settings
    return app
