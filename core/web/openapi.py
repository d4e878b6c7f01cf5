"""What the OpenAPI document says beyond Litestar's defaults: the real error answers, and field
descriptions taken from the structs' own `#:` comments.

Both are derived, never listed per route: `document_errors()` gives every operation the error
statuses it can answer (from its permission, method and parameters) with the one error envelope
as a named component, and `describe_fields()` copies each struct's docstring and the `#:` comment
above each field (the Sphinx convention the code already uses) into the schema, so a comment
written for the next programmer is also the description an API client sees.
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import Annotated, Any

import msgspec
from litestar import Litestar
from litestar.constants import RESERVED_KWARGS
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import Reference, Schema
from litestar.routes import HTTPRoute

from core.access.guards import required_permission
from core.web.inputs import BODY_METHODS

__all__ = ["ErrorDetail", "ErrorEnvelope", "describe_fields", "document_errors", "error_statuses"]


class ErrorDetail(msgspec.Struct):
    """错误详情 The error itself."""

    code: Annotated[
        str,
        msgspec.Meta(
            description="稳定的错误代码，可供程序判断 A stable code for programs, e.g. "
            "`tenant.not_found`, `request.invalid`, `auth.token_expired`"
        ),
    ]
    message: Annotated[
        str,
        msgspec.Meta(
            description="给人看的说明：简体中文，`Accept-Language` 偏好英文时为英文 "
            "For people: Simplified Chinese, English when `Accept-Language` prefers it"
        ),
    ]
    fields: Annotated[
        dict[str, Any],
        msgspec.Meta(
            description="结构化细节：出错的字段及原因，或规则裁决（规则、条款、原文） "
            "Structured details: each invalid field and why, or a rule verdict "
            "(rule, article, original sentence)"
        ),
    ]


class ErrorEnvelope(msgspec.Struct):
    """每个错误答复的格式 The shape of every error answer."""

    error: Annotated[ErrorDetail, msgspec.Meta(description="错误 The error")]


#: Status → (Chinese, English) description of what it means on this platform.
MEANINGS: dict[int, tuple[str, str]] = {
    400: ("请求内容有误，`fields` 列出每个问题", "Invalid input; `fields` names each problem"),
    401: (
        "未登录，或令牌/会话无效、过期、已撤销，或账号已停用",
        "Not signed in, or the token or session is invalid, expired, revoked, or the account "
        "is disabled",
    ),
    403: (
        "无此权限、令牌范围不适用于此处，或 Cookie 会话的写请求缺少 CSRF 令牌",
        "Permission missing, token scope not valid here, or a cookie-session write without its "
        "CSRF token",
    ),
    404: (
        "不存在，或不属于你可见的范围（两者答复相同）",
        "Not found, or not yours to see (the same answer)",
    ),
    409: ("与现有数据冲突", "Conflicts with existing data"),
    413: ("请求体过大", "Request body too large"),
    415: ("请求体类型不受支持，请使用 application/json", "Unsupported body type; send JSON"),
    423: ("该单位已暂停使用", "The tenant is suspended"),
    429: (
        "登录失败次数过多，`Retry-After` 给出等待秒数",
        "Too many failed sign-ins; `Retry-After` gives the seconds to wait",
    ),
    500: ("服务器内部错误，已记录", "Internal error; it has been logged"),
}


def error_statuses(handler: HTTPRouteHandler, path: str) -> set[int]:
    """The error statuses a route can answer, from what it declares.

    401 and 500 for every route: the request middleware checks any credential that is sent,
    even to a public route. Cookie-session writes are checked for CSRF (403), and public writes
    are the sign-in routes, which are rate-limited (429).
    """
    perm = required_permission(handler)
    scope = perm.scope if perm else ""
    methods = set(handler.http_methods)
    # Handler arguments Litestar fills itself aside, the rest are path or query parameters.
    names = set(handler.parsed_fn_signature.parameters) - RESERVED_KWARGS
    has_body = "data" in handler.parsed_fn_signature.parameters
    statuses = {401, 500}
    if names or has_body or "{" in path:  # Litestar itself documents a 400 for path parameters
        statuses.add(400)
    if scope != "public" or methods & BODY_METHODS:
        statuses.add(403)
    if "{" in path or scope in ("tenant", "oversight"):
        statuses.add(404)
    if methods & BODY_METHODS:
        statuses.add(409)
    if has_body:
        statuses |= {413, 415}
    if scope == "tenant" or "{tenant" in path:
        statuses.add(423)
    if scope == "public" and methods & BODY_METHODS:
        statuses.add(429)
    return statuses


def _spec(status: int) -> ResponseSpec:
    zh, en = MEANINGS[status]
    return ResponseSpec(
        data_container=ErrorEnvelope, description=f"{zh}。{en}.", generate_examples=False
    )


def document_errors(app: Litestar) -> None:
    """Give every operation its error answers (a handler's own `responses=` wins)."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if not handler.include_in_schema:
                continue
            own = dict(handler.responses or {})
            for status in sorted(error_statuses(handler, route.path)):
                own.setdefault(status, _spec(status))
            handler.responses = own


_FIELD = re.compile(r"^\s+(\w+)\s*:")
_STRUCT_DOC = inspect.getdoc(msgspec.Struct)


def field_comments(cls: type) -> dict[str, str]:
    """`#:` comment lines directly above each field of a class body."""
    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):
        return {}
    found: dict[str, str] = {}
    pending: list[str] = []
    for line in lines[1:]:
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        match = _FIELD.match(line)
        if match and pending:
            found[match.group(1)] = " ".join(pending)
        pending = []
    return found


def _structs(app: Litestar) -> dict[str, type[msgspec.Struct]]:
    """Struct classes of the modules that define route handlers, by class name."""
    modules = {sys.modules[__name__]}
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            module = sys.modules.get(getattr(handler.fn, "__module__", ""))
            if module is not None:
                modules.add(module)
    found: dict[str, type[msgspec.Struct]] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, msgspec.Struct):
                found.setdefault(value.__name__, value)
    return found


def describe_fields(app: Litestar) -> None:
    """Fill missing schema and property descriptions from docstrings and `#:` comments."""
    components = app.openapi_schema.components
    schemas = (components.schemas if components else None) or {}
    structs = _structs(app)
    for name, schema in schemas.items():
        cls = structs.get(name)
        if cls is None or not isinstance(schema, Schema):
            continue
        own = cls.__dict__.get("__doc__")
        if own:
            schema.description = schema.description or inspect.cleandoc(own)
        elif schema.description == _STRUCT_DOC:  # Litestar inherits msgspec's own docstring
            schema.description = None
        comments = field_comments(cls)
        for field, prop in (schema.properties or {}).items():
            text = comments.get(field)
            if text and isinstance(prop, Schema | Reference) and not prop.description:
                prop.description = text
