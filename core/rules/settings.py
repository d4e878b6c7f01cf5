"""Validating a tenant's plugin settings against the plugin's declared `SettingSpec`s.

Values and their one stored form (decided here, for every door: the settings API, manifests,
the CLI):

* `int`: a JSON integer, nothing else (`true`, `4.0` and `"4"` are refused);
* `decimal`: a JSON number, or a string holding a plain decimal number, surrounding spaces
  ignored (`"  50  "`, `"12.5"`). It is stored as the number it denotes, an integer when it is
  whole (`"  50  "` → `50`, `"12.50"` → `12.5`), so a value reads back the same whichever way it
  was sent. `NaN`, `Infinity` and anything beyond the bounds (`1e999`) are refused;
* `bool`: `true` / `false`; `str`: a string.

Bounds come from the spec (`minimum` / `maximum`, inclusive).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from core.rules.types import SettingSpec

__all__ = ["clean_settings", "setting_problems"]

_TYPES = {"int", "decimal", "bool", "str"}

NUMBER = "应为数字 (a number)"


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        return None
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _canonical(number: Decimal) -> int | float:
    integral = number.to_integral_value()
    return int(integral) if number == integral else float(number)


def _coerce(spec: SettingSpec, value: Any) -> tuple[Any, str | None]:
    if spec.type == "bool":
        return (value, None) if isinstance(value, bool) else (None, "应为 true/false (boolean)")
    if spec.type == "str":
        return (value, None) if isinstance(value, str) else (None, "应为文本 (string)")
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "应为整数 (integer)"
        number: Any = Decimal(value)
    else:
        number = _decimal(value)
        if number is None:
            return None, NUMBER
    if spec.minimum is not None and number < Decimal(str(spec.minimum)):
        return None, f"不能小于 {spec.minimum}{spec.unit} (minimum {spec.minimum})"
    if spec.maximum is not None and number > Decimal(str(spec.maximum)):
        return None, f"不能大于 {spec.maximum}{spec.unit} (maximum {spec.maximum})"
    return (value if spec.type == "int" else _canonical(number)), None


def clean_settings(
    specs: list[SettingSpec], values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """(the values in their stored form, key → problem). `None` (unset) is passed through."""
    by_key = {s.key: s for s in specs}
    clean: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, value in values.items():
        spec = by_key.get(key)
        if spec is None:
            problems[key] = "该插件没有此设置项 (unknown setting)"
            continue
        if value is None:
            clean[key] = None
            continue
        stored, problem = _coerce(spec, value)
        if problem:
            problems[key] = problem
        else:
            clean[key] = stored
    return clean, problems


def setting_problems(specs: list[SettingSpec], values: dict[str, Any]) -> dict[str, str]:
    """key → problem, exactly as `clean_settings` judges (unknown keys, values of the wrong type
    or out of bounds; `None` unsets). A door that stores the values should call `clean_settings`
    and store its cleaned values instead."""
    return clean_settings(specs, values)[1]
