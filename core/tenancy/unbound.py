"""What tables are bound to before `configure()`, and how the table modules are found.

Table modules import `UNCONFIGURED` from here, and storage finds them through `discover_tables()`:
this module imports no table module and no storage, so neither side imports the other.

Each domain package of `core` declares its tables in its own `tables.py` (tagged `platform` or
`tenant`); discovery imports every `core.<domain>.tables` that exists, so a new domain's tables
are found without a list to keep by hand.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

from piccolo.engine.sqlite import SQLiteEngine
from piccolo.table import Table

from core.errors import TenantNotBound

__all__ = ["UNCONFIGURED", "UnconfiguredEngine", "discover_tables", "table_module_names"]

CORE = Path(__file__).resolve().parent.parent


class UnconfiguredEngine(SQLiteEngine):
    """Placeholder bound at import time; any query before `configure()` fails loudly."""

    async def check_version(self) -> None:
        return None

    async def run_querystring(self, querystring: Any, in_pool: bool = False) -> Any:
        raise TenantNotBound("存储尚未配置。", "Storage is not configured (call configure()).")

    async def run_ddl(self, ddl: str, in_pool: bool = False) -> Any:
        raise TenantNotBound("存储尚未配置。", "Storage is not configured (call configure()).")


UNCONFIGURED = UnconfiguredEngine(path=":memory:")


def table_module_names() -> list[str]:
    """`core.<domain>.tables` for every domain package that has one (found without importing)."""
    names = []
    for domain in pkgutil.iter_modules([str(CORE)]):
        if domain.ispkg and (CORE / domain.name / "tables.py").is_file():
            names.append(f"core.{domain.name}.tables")
    return sorted(names)


def discover_tables(tag: str) -> list[type[Table]]:
    """Every table declared with `tags=[tag]` in a domain's `tables.py`, by table name."""
    for name in table_module_names():
        importlib.import_module(name)
    seen: list[type[Table]] = []
    stack = list(Table.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if tag in cls._meta.tags and cls not in seen:
            seen.append(cls)
    return sorted(seen, key=lambda t: t._meta.tablename)
