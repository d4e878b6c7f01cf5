"""Validating a tenant's plugin settings against the plugin's declared `SettingSpec`s."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from core.rules.types import SettingSpec

__all__ = ["setting_problems"]

_TYPES = {"int", "decimal", "bool", "str"}


def _coerce(spec: SettingSpec, value: Any) -> tuple[Any, str | None]:
    if spec.type == "bool":
        return (value, None) if isinstance(value, bool) else (None, "应为 true/false (boolean)")
    if spec.type == "str":
        return (value, None) if isinstance(value, str) else (None, "应为文本 (string)")
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "应为整数 (integer)"
        number: Any = value
    else:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return None, "应为数字 (number)"
        if isinstance(value, bool):
            return None, "应为数字 (number)"
    if spec.minimum is not None and number < spec.minimum:
        return None, f"不能小于 {spec.minimum}{spec.unit} (minimum {spec.minimum})"
    if spec.maximum is not None and number > spec.maximum:
        return None, f"不能大于 {spec.maximum}{spec.unit} (maximum {spec.maximum})"
    return number, None


def setting_problems(specs: list[SettingSpec], values: dict[str, Any]) -> dict[str, str]:
    """key → problem, for unknown keys and values of the wrong type or out of bounds."""
    by_key = {s.key: s for s in specs}
    problems: dict[str, str] = {}
    for key, value in values.items():
        spec = by_key.get(key)
        if spec is None:
            problems[key] = "该插件没有此设置项 (unknown setting)"
            continue
        _, problem = _coerce(spec, value)
        if problem:
            problems[key] = problem
    return problems
