"""Values that jurisdiction hooks answer with."""

from __future__ import annotations

from typing import Any

import msgspec

__all__ = ["JurisdictionInfo", "SettingSpec"]


class JurisdictionInfo(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    body_zh: str
    body_en: str
    source_title: str
    source_date: str
    source_file: str
    rules_version: str


class SettingSpec(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    type: str  # "int" | "decimal" | "bool" | "str"
    label_zh: str
    label_en: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    #: None means "must be set": rules that need it answer "needs setting" until it is.
    default: Any = None
    article: str = ""
    original: str = ""
