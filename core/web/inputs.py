"""Bad input refused in the one error format, never a 500, naming the real field.

Two places, each for a reason:

* `InputGuardMiddleware` (a route middleware, placed before `RequestContextMiddleware`): a NUL
  character in a header, a path parameter or a query parameter. The request context reads the
  database with the `Authorization` header or the session cookie before any handler or hook runs,
  and PostgreSQL refuses NUL in text (a 500), so this must come first. NUL exists only after
  decoding (`%00` is three bytes), so the query is checked percent-decoded, the path as routed.
* `check_body` (the app's `before_request` hook): the JSON body of a route that takes one
  (`data`). It runs after the guards, so a caller without the permission still gets 403, and
  before Litestar decodes the body for the handler, where 1,000 nested arrays raise
  `RecursionError` inside msgspec. It refuses a content type other than `application/json` or
  `application/*+json` (415: a cross-site `<form enctype="text/plain">` cannot send JSON's type,
  which closes login CSRF), a body above the route's `request_max_body_size` (413, enforced by
  Litestar while reading), malformed JSON, nesting deeper than `MAX_DEPTH`, NUL in any string or
  key (JSON `"\\u0000"` is six ASCII bytes: only the decoded tree shows it; a NUL login used to
  reach PostgreSQL on the public sign-in routes), a number out of range (`1e999`), and then
  checks the body against the route's type **strictly** (Litestar converts leniently: `"4"`
  passed as 4), every problem under the real path (`present`, `values.x`, `rule_versions[0].from`).

`litestar_fields()` turns the validation errors Litestar raises itself (query and path
parameters) into the same "中文 (English)" texts under the real names (`core.app`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, unquote_to_bytes

import msgspec
from litestar import Request
from litestar.types import ASGIApp, Receive, Scope, Send

from core.errors import (
    InvalidInput,
    MalformedBody,
    NestedTooDeep,
    NulCharacter,
    UnsupportedMediaType,
)

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_DEPTH",
    "InputGuardMiddleware",
    "check_body",
    "field_path",
    "litestar_fields",
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
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

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


# --- the JSON tree -----------------------------------------------------------------------------

#: Floats are read as `Decimal` only for the walk below, so an overflow (`1e999`) is found with
#: its path instead of msgspec's `$[...]`.
_TREE = msgspec.json.Decoder(float_hook=Decimal)


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
                raise NestedTooDeep(
                    fields={path: f"最多 {MAX_DEPTH} 层 (at most {MAX_DEPTH})"}, limit=MAX_DEPTH
                )
            if isinstance(value, dict):
                for key, item in value.items():
                    sub = _join(path, key)
                    if "\x00" in key:
                        raise NulCharacter(fields={_join(path, key.replace("\x00", "")): NUL_TEXT})
                    stack.append((item, sub, depth + 1))
            else:
                for i, item in enumerate(value):
                    stack.append((item, f"{'' if path == BODY else path}[{i}]", depth + 1))


@lru_cache(maxsize=256)
def _strict_decoder(body_type: Any) -> msgspec.json.Decoder[Any] | None:
    try:
        return msgspec.json.Decoder(body_type, strict=True)
    except TypeError:  # not a type msgspec decodes: Litestar's own handling applies
        return None


def check_json_body(body: bytes, body_type: Any) -> None:
    """Refuse a body that is malformed, too deep, holds NUL or out-of-range numbers, or does not
    strictly match `body_type`; each with the real field path."""
    try:
        tree = _TREE.decode(body)
    except RecursionError:
        raise NestedTooDeep(
            fields={BODY: f"最多 {MAX_DEPTH} 层 (at most {MAX_DEPTH})"}, limit=MAX_DEPTH
        ) from None
    except msgspec.ValidationError as exc:  # only "Number out of range" without a type
        raise InvalidInput(
            fields={field_path(str(exc).partition(" - at ")[2]): RANGE_TEXT}
        ) from None
    except msgspec.DecodeError as exc:
        detail = str(exc)
        raise MalformedBody(fields={BODY: detail}, detail=detail) from None
    _walk(tree)
    decoder = _strict_decoder(body_type) if body_type is not None else None
    if decoder is None:
        return
    try:
        decoder.decode(body)
    except msgspec.ValidationError as exc:
        field, text = validation_field(str(exc))
        raise InvalidInput(fields={field: text}) from None


# --- the middleware ----------------------------------------------------------------------------


def _is_json(media_type: str) -> bool:
    mt = media_type.split(";", 1)[0].strip().lower()
    return mt == "application/json" or (mt.startswith("application/") and mt.endswith("+json"))


def _check_query(query: bytes) -> None:
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        if b"\x00" in unquote_to_bytes(name) or b"\x00" in unquote_to_bytes(value):
            field = unquote(name.decode("latin-1")).replace("\x00", "") or "query"
            raise NulCharacter(fields={field: NUL_TEXT})


def _check_path_and_headers(scope: Scope) -> None:
    for param, given in (scope.get("path_params") or {}).items():
        if isinstance(given, str) and "\x00" in given:
            raise NulCharacter(fields={param: NUL_TEXT})
    if "\x00" in scope.get("path", ""):
        raise NulCharacter(fields={"path": NUL_TEXT})
    for name, value in scope.get("headers", []):
        if b"\x00" in value:
            raise NulCharacter(fields={name.decode("latin-1").lower(): NUL_TEXT})


def _body_type(scope: Scope) -> tuple[bool, Any]:
    """(the route takes a JSON body, its type)."""
    handler = scope.get("route_handler")
    signature = getattr(handler, "parsed_fn_signature", None)
    data = signature.parameters.get("data") if signature is not None else None
    if data is None:
        return False, None
    return True, data.annotation


class InputGuardMiddleware:
    """NUL in headers, path and query, refused before anything reads them (see the module)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            _check_path_and_headers(scope)
            _check_query(scope.get("query_string", b""))
        await self.app(scope, receive, send)


async def check_body(request: Request[Any, Any, Any]) -> None:
    """The app's `before_request` hook: the JSON body of a route that takes one (see the module).

    It runs after the guards, so a caller without the permission is told 403 whatever the body
    holds, and before Litestar decodes the body for the handler. Litestar enforces the size limit
    while the body is read here (413). A route with its own `before_request` must call this.
    """
    takes_body, body_type = _body_type(request.scope)
    if not takes_body or request.method not in _BODY_METHODS:
        return None
    content_type = request.headers.get("content-type", "")
    if content_type and not _is_json(content_type):
        got = content_type[:100]
        raise UnsupportedMediaType(fields={"content-type": got}, got=got)
    body = await request.body()
    if body:
        if not content_type:
            raise UnsupportedMediaType(fields={"content-type": ""}, got="(none)")
        check_json_body(body, body_type)
    return None
