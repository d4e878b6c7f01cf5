"""Bad input refused in the one error format, never a 500, naming the real field.

Two places, each for a reason:

* `InputGuardMiddleware` (a route middleware, placed before `RequestContextMiddleware`): a NUL
  character in a header, a path parameter or a query parameter. The request context reads the
  database with the `Authorization` header or the session cookie before any handler or hook runs,
  and PostgreSQL refuses NUL in text (a 500), so this must come first. NUL exists only after
  decoding (`%00` is three bytes), so the query is checked percent-decoded, the path as routed.
* `check_body` (run for every route by the request-context middleware, after the permission
  check: `core.access.guards.authorize`): the JSON body of a route that takes one (`data`). No
  route can drop it; it runs after the permission check, so a caller without the permission
  still gets 401/403, and before Litestar converts the body for the handler. It refuses a content
  type other than `application/json`
  or `application/*+json` (415: a cross-site `<form enctype="text/plain">` cannot send JSON's
  type, which closes login CSRF), a body above the route's `request_max_body_size` (413,
  enforced by Litestar while reading), malformed JSON, nesting deeper than `MAX_DEPTH` (1,000
  nested arrays raise `RecursionError` inside msgspec), NUL in any string or key (JSON
  `"\\u0000"` is six ASCII bytes: only the decoded tree shows it; a NUL login used to reach
  PostgreSQL on the public sign-in routes), a number out of range (`1e999`), and then checks
  the body against the route's type **strictly** (Litestar converts leniently: `"4"` passed as
  4), every problem under the real path (`present`, `values.x`, `rule_versions[0].from`). The
  body is decoded once, by `request.json()`, which keeps the tree for the handler; the strict
  check converts that tree, with the type decided per handler at start (`prepare_bodies`).

`litestar_fields()` turns the validation errors Litestar raises itself (query and path
parameters) into the same "中文 (English)" texts under the real names (`core.app`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, get_args, get_origin
from urllib.parse import unquote, unquote_to_bytes

import msgspec
from litestar import Litestar, Request
from litestar.connection import ASGIConnection
from litestar.exceptions import SerializationException
from litestar.routes import HTTPRoute
from litestar.types import ASGIApp, Receive, Scope, Send

from core.errors import (
    InvalidInput,
    MalformedBody,
    NestedTooDeep,
    NulCharacter,
    UnsupportedMediaType,
    YishiError,
)

__all__ = [
    "BODY_CHECK",
    "BODY_METHODS",
    "MAX_BODY_BYTES",
    "MAX_DEPTH",
    "BodyCheck",
    "InputGuardMiddleware",
    "body_check",
    "check_body",
    "check_tree",
    "field_path",
    "litestar_fields",
    "prepare_bodies",
    "problem_text",
]

#: The app-wide `request_max_body_size`: every body of this API is a small JSON object. A route
#: that takes larger bodies (file uploads, later) sets its own.
MAX_BODY_BYTES = 1_048_576
#: Arrays and objects inside one another; the deepest body of the API today is 3.
MAX_DEPTH = 32

NUL_TEXT = "不能包含空字符 NUL (must not contain a NUL character)"
REQUIRED_TEXT = "必填 (required)"
UNKNOWN_TEXT = "没有这个字段 (unknown field)"
RANGE_TEXT = "数值超出范围 (number out of range)"
BODY = "body"
#: The methods whose requests carry a body (and change something).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_TYPE_ZH = {
    "int": "整数",
    "float": "数字",
    "str": "文本",
    "bool": "true/false",
    "object": "对象",
    "array": "数组",
    "null": "null",
    "date": "日期",
    "datetime": "日期时间",
}
_OPS_ZH = {">=": "不小于", "<=": "不大于", ">": "大于", "<": "小于"}


def _type_zh(name: str) -> str:
    return " 或 ".join(_TYPE_ZH.get(part.strip(), part.strip()) for part in name.split("|"))


def problem_text(message: str) -> str:
    """A msgspec/Litestar validation message (path already removed) as "中文 (English)"."""
    m = message.strip()
    if found := re.fullmatch(r"Expected `([^`]+)`, got `([^`]+)`", m):
        want, got = found.groups()
        return f"应为{_type_zh(want)}，实为{_type_zh(got)} (expected {want}, got {got})"
    if found := re.fullmatch(r"Expected `([^`]+)` of length (>=|<=) (\d+)", m):
        _, op, n = found.groups()
        return f"长度应{_OPS_ZH[op]} {n} (length must be {op} {n})"
    if found := re.fullmatch(r"Expected `([^`]+)` (>=|<=|>|<) (\S+)", m):
        want, op, n = found.groups()
        return f"应为{_OPS_ZH[op]} {n} 的{_type_zh(want)} (expected {want} {op} {n})"
    if found := re.fullmatch(r"Invalid enum value (.+)", m):
        return f"不是可选的取值：{found.group(1)} (not one of the allowed values)"
    if re.fullmatch(r"Invalid RFC3339 encoded date", m):
        return "应为日期，格式 YYYY-MM-DD (a date, YYYY-MM-DD)"
    if re.fullmatch(r"Invalid RFC3339 encoded datetime", m):
        return "应为日期时间，ISO 8601 格式 (a date-time, ISO 8601)"
    if m.startswith("Number out of range"):
        return RANGE_TEXT
    return f"取值有误 ({m})"


def field_path(json_path: str) -> str:
    """msgspec's `$.values[...]`-style path as our field name (`values`); `$` is the body."""
    path = json_path.strip("`")
    path = path[1:] if path.startswith("$") else path
    path = path.lstrip(".").replace("[...]", "")
    return path or BODY


def _join(path: str, key: str) -> str:
    if not path or path == BODY:
        return key
    return f"{path}.{key}"


def validation_field(message: str) -> tuple[str, str]:
    """A msgspec ValidationError's text as (field, problem text)."""
    text, _, where = message.partition(" - at ")
    path = field_path(where) if where else BODY
    if found := re.fullmatch(r"Object missing required field `([^`]+)`", text):
        return _join(path, found.group(1)), REQUIRED_TEXT
    if found := re.fullmatch(r"Object contains unknown field `([^`]+)`", text):
        return _join(path, found.group(1)), UNKNOWN_TEXT
    return path, problem_text(text)


def litestar_fields(extra: Any, detail: str = "", sent: Collection[str] = ()) -> dict[str, str]:
    """Litestar's `ValidationException.extra` (`[{"key", "message", "source"}]`) as our `fields`:
    the real parameter or body path as the key, "中文 (English)" as the text. Litestar names a body
    field "data" when it has no better path and a value it could not find as `'name'` (a
    KeyError's text); both are turned back into what the caller sent or left out. When one
    value fails, Litestar re-checks every parameter and reports a path parameter the handler does
    not take (`tenant`) as missing too: a name in `sent` (the path parameters) is dropped."""
    fields: dict[str, str] = {}
    items = extra if isinstance(extra, list) and extra else [{"message": detail}]
    for item in items:
        if not isinstance(item, dict):
            continue
        message = str(item.get("message", ""))
        key = str(item.get("key") or "")
        if found := re.match(r"Missing required (?:[\w-]+ )?parameter '([^']+)'", message):
            fields[found.group(1)] = REQUIRED_TEXT
            continue
        if key in ("", "data"):
            key = BODY
        if re.fullmatch(r"'[^']*'", message):  # a KeyError: nothing was sent for it
            if key in sent:
                continue
            fields[key] = (
                "请求内容不能为空 (a JSON body is required)" if key == BODY else REQUIRED_TEXT
            )
            continue
        field, text = validation_field(message)
        fields[_join(key, field) if field != BODY else key] = text
    return fields


# --- the JSON body -----------------------------------------------------------------------------

#: Floats as `Decimal`, only to name the field of a number out of range (`1e999`): msgspec's own
#: message says `$[...]`. Used on that refusal alone, never on a good body.
_DECIMAL_TREE = msgspec.json.Decoder(float_hook=Decimal)


def _too_deep(path: str) -> NestedTooDeep:
    text = f"最多 {MAX_DEPTH} 层 (at most {MAX_DEPTH})"
    return NestedTooDeep(fields={path: text}, limit=MAX_DEPTH)


def _walk(tree: Any) -> None:
    """Depth, NUL and number range over the decoded JSON, iteratively (no recursion to exhaust)."""
    stack: list[tuple[Any, str, int]] = [(tree, BODY, 0)]
    while stack:
        value, path, depth = stack.pop()
        if len(path) > 80:  # a deep chain of `[0]`s: the start names the field
            path = path[:80] + "…"
        if isinstance(value, str):
            if "\x00" in value:
                raise NulCharacter(fields={path: NUL_TEXT})
        elif isinstance(value, Decimal):
            if not math.isfinite(float(value)):
                raise InvalidInput(fields={path: RANGE_TEXT})
        elif isinstance(value, dict | list):
            if depth + 1 > MAX_DEPTH:
                raise _too_deep(path)
            if isinstance(value, dict):
                for key, item in value.items():
                    if "\x00" in key:
                        raise NulCharacter(fields={_join(path, key.replace("\x00", "")): NUL_TEXT})
                    stack.append((item, _join(path, key), depth + 1))
            else:
                for i, item in enumerate(value):
                    stack.append((item, f"{'' if path == BODY else path}[{i}]", depth + 1))


def _needs_walk(body: bytes) -> bool:
    """Whether the decoded tree can hold a NUL or nest beyond `MAX_DEPTH`: a NUL in a JSON
    string is the escape `\\u0000` (a raw one is malformed JSON, refused by the decoder), and
    nesting deeper than `MAX_DEPTH` needs more than `MAX_DEPTH` brackets."""
    return b"\\u0000" in body or body.count(b"[") + body.count(b"{") > MAX_DEPTH


def undecodable(body: bytes, message: str) -> YishiError:
    """The refusal for a body the JSON decoder refused with `message`."""
    if message.startswith("Number out of range"):
        try:  # decoded again, floats as Decimal, to find the field it is in
            _walk(_DECIMAL_TREE.decode(body))
        except RecursionError:
            return _too_deep(BODY)
        except YishiError as found:
            return found
        except msgspec.DecodeError:
            pass
        return InvalidInput(fields={field_path(message.partition(" - at ")[2]): RANGE_TEXT})
    return MalformedBody(fields={BODY: message}, detail=message)


def check_tree(body: bytes, tree: Any, body_type: Any) -> None:
    """Refuse a decoded body that is too deep, holds NUL, or does not strictly match
    `body_type` (None: not a type msgspec checks, Litestar's own handling applies); each with
    the real field path."""
    if _needs_walk(body):
        _walk(tree)
    if body_type is None:
        return
    try:
        msgspec.convert(tree, body_type, strict=True)
    except msgspec.ValidationError as exc:
        field, text = validation_field(str(exc))
        raise InvalidInput(fields={field: text}) from None


@dataclass(frozen=True)
class BodyCheck:
    """What `check_body` needs to know about one route handler, decided once (`prepare_bodies`)."""

    #: The handler takes a body (`data`).
    takes_body: bool
    #: The type the body is checked against strictly; None when msgspec cannot check it.
    strict_type: Any = None


#: The key of a handler's `opt` holding its `BodyCheck`.
BODY_CHECK = "yishi_body_check"


def _strict_type(annotation: Any) -> Any:
    """The body's type without Litestar's `Body(...)` marker (msgspec's own `Meta` kept), or
    None when msgspec cannot convert to it."""
    if get_origin(annotation) is Annotated:
        base, *extras = get_args(annotation)
        metas = tuple(m for m in extras if isinstance(m, msgspec.Meta))
        annotation = Annotated[(base, *metas)] if metas else base  # type: ignore[valid-type]
    try:
        msgspec.json.Decoder(annotation)
    except TypeError:
        return None
    return annotation


def body_check(handler: Any) -> BodyCheck:
    """The handler's `BodyCheck`, stored in its `opt` the first time it is asked for."""
    opt = handler.opt
    found = opt.get(BODY_CHECK)
    if isinstance(found, BodyCheck):
        return found
    signature = getattr(handler, "parsed_fn_signature", None)
    data = signature.parameters.get("data") if signature is not None else None
    check = BodyCheck(False) if data is None else BodyCheck(True, _strict_type(data.annotation))
    opt[BODY_CHECK] = check
    return check


def prepare_bodies(app: Litestar) -> None:
    """Decide every route handler's `BodyCheck` at start, not on its first request."""
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                body_check(handler)


# --- the middleware ----------------------------------------------------------------------------


def _is_json(media_type: str) -> bool:
    mt = media_type.split(";", 1)[0].strip().lower()
    return mt == "application/json" or (mt.startswith("application/") and mt.endswith("+json"))


def _check_query(query: bytes) -> None:
    if b"%00" not in query and b"\x00" not in query:
        return
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        if b"\x00" in unquote_to_bytes(name) or b"\x00" in unquote_to_bytes(value):
            field = unquote(name.decode("latin-1")).replace("\x00", "") or "query"
            raise NulCharacter(fields={field: NUL_TEXT})


def _check_path_and_headers(scope: Scope) -> None:
    if "\x00" in scope.get("path", ""):
        for param, given in (scope.get("path_params") or {}).items():
            if isinstance(given, str) and "\x00" in given:
                raise NulCharacter(fields={param: NUL_TEXT})
        raise NulCharacter(fields={"path": NUL_TEXT})
    for name, value in scope.get("headers", []):
        if b"\x00" in value:
            raise NulCharacter(fields={name.decode("latin-1").lower(): NUL_TEXT})


class InputGuardMiddleware:
    """NUL in headers, path and query, refused before anything reads them (see the module)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            _check_path_and_headers(scope)
            _check_query(scope.get("query_string", b""))
        await self.app(scope, receive, send)


async def check_body(connection: ASGIConnection[Any, Any, Any, Any], handler: Any) -> None:
    """The JSON body of a route that takes one (see the module); a Litestar guard's signature.

    `core.access.guards.authorize` runs it for every route after the permission check, so no
    route can leave it out, a caller without the permission is told 401/403 whatever the body
    holds, and the body is checked before Litestar converts it for the handler. The order of
    refusals: 415 (content type), 413 (Litestar enforces the size limit while the body is read
    here), 400 (the body itself). The
    body is decoded once: `request.json()` keeps the tree for the handler.
    """
    if not isinstance(connection, Request) or connection.method not in BODY_METHODS:
        return
    check = body_check(handler)
    if not check.takes_body:
        return
    content_type = connection.headers.get("content-type", "")
    if content_type and not _is_json(content_type):
        got = content_type[:100]
        raise UnsupportedMediaType(fields={"content-type": got}, got=got)
    body = await connection.body()
    if not body:
        return
    if not content_type:
        raise UnsupportedMediaType(fields={"content-type": ""}, got="(none)")
    try:
        tree = await connection.json()
    except RecursionError:
        raise _too_deep(BODY) from None
    except SerializationException as exc:
        raise undecodable(body, str(exc.detail)) from None
    check_tree(body, tree, check.strict_type)
