"""Hot-path queries built with piccolo once, then run with fresh values.

Building a piccolo query costs more than running it on a request's hot path: a select through a
foreign key copies columns for every chained attribute (`ForeignKey.__getattribute__`), and every
run bundles and compiles its `QueryString` again. A profile of the tenant read path showed this as
a fifth of all samples. `Prepared` builds the query once with placeholder values, compiles it once
per engine type (PostgreSQL `$n`, SQLite `?`), and afterwards only substitutes the values and hands
the compiled SQL to the same engine, through the same routing (the tenant's `SET LOCAL` scope on
PostgreSQL, its file on SQLite) and transactions as any piccolo query.

Only plain selects, updates and deletes whose result piccolo does not post-process are prepared
(no M2M, no `output(load_json=True)`, no `as_objects`); the constructor refuses anything else.

    by_hash = Prepared(lambda h: ApiToken.select(ApiToken.id).where(ApiToken.token_hash == h))
    rows = await by_hash.rows("…")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from piccolo.query.base import Query

__all__ = ["Prepared"]


class _Param:
    """A placeholder for the `index`-th value given at run time."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __repr__(self) -> str:
        return f"<param {self.index}>"


class _Compiled:
    """What a piccolo engine asks a `QueryString` for: its SQL and arguments, already compiled."""

    __slots__ = ("args", "query_type", "sql", "table")

    def __init__(self, sql: str, args: list[Any], query_type: str, table: Any) -> None:
        self.sql, self.args, self.query_type, self.table = sql, args, query_type, table

    def compile_string(self, engine_type: str = "postgres") -> tuple[str, list[Any]]:
        return self.sql, self.args

    def __str__(self) -> str:
        return self.sql


class Prepared:
    """A piccolo query built by `build(*placeholders)`, compiled once per engine type."""

    def __init__(self, build: Callable[..., Query[Any, Any]], params: int | None = None) -> None:
        self._build = build
        self._params = build.__code__.co_argcount if params is None else params
        self._compiled: dict[str, tuple[str, list[Any], str, Any]] = {}
        query = build(*(_Param(i) for i in range(self._params)))
        if not isinstance(query, Query):
            raise TypeError(f"Prepared needs a piccolo query, got {type(query).__name__}")
        output = getattr(query, "output_delegate", None)
        if output is not None and (output._output.load_json or output._output.as_objects):
            raise TypeError("Prepared runs queries whose rows piccolo does not post-process")
        self.table = query.table

    def _compile(self, engine_type: str) -> tuple[str, list[Any], str, Any]:
        compiled = self._compiled.get(engine_type)
        if compiled is None:
            query = self._build(*(_Param(i) for i in range(self._params)))
            strings = query.querystrings
            if len(strings) != 1:
                raise TypeError("Prepared runs queries of exactly one statement")
            sql, args = strings[0].compile_string(engine_type=engine_type)
            compiled = (sql, args, strings[0].query_type, strings[0].table)
            self._compiled[engine_type] = compiled
        return compiled

    async def rows(self, *values: Any) -> list[dict[str, Any]]:
        """Run with `values` in place of the placeholders; the rows as piccolo would give them."""
        if len(values) != self._params:
            raise TypeError(f"expected {self._params} values, got {len(values)}")
        engine = self.table._meta.db
        sql, template, query_type, table = self._compile(engine.engine_type)
        args = [values[a.index] if type(a) is _Param else a for a in template]
        result = await engine.run_querystring(_Compiled(sql, args, query_type, table))
        if not result:
            return []
        return engine.transform_response_to_dicts(result)  # type: ignore[no-any-return]

    async def first(self, *values: Any) -> dict[str, Any] | None:
        """The first row, or None (build the query with `.limit(1)` when more could match)."""
        rows = await self.rows(*values)
        return rows[0] if rows else None
