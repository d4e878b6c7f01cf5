"""Request throughput and p99 latency of our endpoints through a real `yishi serve`, against floor
servers of the same stack (bench/floors.py) measured in the same run, interleaved.

    python -m bench --only requests [--postgres URL] [--seconds 6] [--rounds 3]

Per backend (SQLite always; PostgreSQL with `--postgres`, a superuser URL): `yishi serve` in
embedded mode onboards the demo tenants into a fresh data folder or database; the floor server
then works on the tenant that onboarding created (its schema and role, or its file, as stored in
the platform `tenant` table). Every pair runs `rounds` times, floor then ours, after a short
warm-up of each; the table gives medians. Nothing is asserted: targets are printed, met or not.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    YISHI,
    Cleanup,
    Generator,
    Load,
    Result,
    Server,
    clean_env,
    cleaning,
    fmt,
    free_port,
    median,
    table,
)

SLUG = "ningbo-hrss"
LOGIN = "nb.admin"
TENANT = f"/api/v1/t/{SLUG}"
#: A what-if that reads no data: `expected` given, so the roster is not counted.
WHAT_IF = {"kind": "ordinary", "expected": 7, "present": 6, "yes": 4, "no": 1, "abstain": 1}


@dataclass(frozen=True)
class Target:
    label: str
    ratio: float
    p99: float | None = None  # at most this many times the floor's p99

    def met(self, ratio: float, p99_ratio: float) -> bool:
        return ratio >= self.ratio and (self.p99 is None or p99_ratio <= self.p99)

    def text(self) -> str:
        return f"≥{self.ratio:g}" + (f" & p99 ≤{self.p99:g}×" if self.p99 else "")


READ = Target("read", 0.6, 2.0)
WRITE = Target("write", 0.5, 2.0)
HEALTH = Target("healthz", 0.9)
WHATIF = Target("what-if", 0.3)


@dataclass
class Pair:
    name: str
    ours: Load
    floor_name: str
    floor: Load
    target: Target


@dataclass
class Row:
    pair: Pair
    ours: list[Result]
    floor: list[Result]


def _demo_password() -> str:
    from core.accounts.security import DEMO_PASSWORD

    return DEMO_PASSWORD


def _token(base: str) -> str:
    r = httpx.post(
        base + "/api/v1/auth/token",
        json={"login": LOGIN, "password": _demo_password(), "scope": f"tenant:{SLUG}"},
        timeout=30,
    )
    r.raise_for_status()
    return str(r.json()["token"])


def _write_lua(ids: list[int]) -> str:
    """Each PATCH sets a title never sent before (an unchanged value writes nothing), on the
    roster's people in turn (so 32 connections do not all wait for one row's lock)."""
    return f"""
local counter = 0
setup = function(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
local ids = {{{", ".join(str(i) for i in ids)}}}
local n = 0
request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local body = '{{"title": "bench ' .. tostring(tid) .. '.' .. n .. '"}}'
  return wrk.format("PATCH", "{TENANT}/members/" .. id, nil, body)
end
"""


def _pairs(token: str, person: int, ids: list[int]) -> list[Pair]:
    auth = {"Authorization": f"Bearer {token}"}
    json_auth = {**auth, "Content-Type": "application/json"}
    bare = Load("GET", "/bare")
    return [
        Pair("GET /healthz", Load("GET", "/healthz"), "bare Litestar GET", bare, HEALTH),
        Pair(
            "GET …/members/{id}",
            Load("GET", f"{TENANT}/members/{person}", auth),
            "SELECT by key",
            Load("GET", f"/person/{person}"),
            READ,
        ),
        Pair(
            f"GET …/members ({len(ids)} rows)",
            Load("GET", f"{TENANT}/members", auth),
            f"SELECT {len(ids)} rows",
            Load("GET", "/people"),
            READ,
        ),
        Pair(
            "POST …/rules/what-if",
            Load("POST", f"{TENANT}/rules/what-if", json_auth, json.dumps(WHAT_IF)),
            "bare Litestar GET",
            bare,
            WHATIF,
        ),
        # Last: the floor's inserts (inactive people) must not be read by the read pairs.
        Pair(
            "PATCH …/members/{id} (title)",
            Load("PATCH", f"{TENANT}/members/{person}", json_auth, lua=_write_lua(ids)),
            "INSERT + audit INSERT",
            Load("POST", "/write", {"Content-Type": "application/json"}, "{}"),
            WRITE,
        ),
    ]


def _check(base: str, load: Load) -> httpx.Response:
    """One request of `load` (the first of its kind, for writes), which must succeed."""
    body = load.body
    method, path = load.method, load.path
    if load.lua:  # the write: one PATCH by hand
        body = json.dumps({"title": "bench check"})
    r = httpx.request(method, base + path, headers=load.headers, content=body, timeout=30)
    if r.status_code >= 300:
        raise RuntimeError(f"{method} {path}: {r.status_code} {r.text[:300]}")
    return r


def _tenant_names_pg(owner_url: str) -> tuple[str, str]:
    import asyncpg

    async def go() -> tuple[str, str]:
        conn = await asyncpg.connect(owner_url)
        try:
            row = await conn.fetchrow(
                "SELECT schema_name, role_name FROM platform.tenant WHERE slug = $1", SLUG
            )
        finally:
            await conn.close()
        assert row is not None, f"no tenant {SLUG}"
        return str(row["schema_name"]), str(row["role_name"])

    return asyncio.run(go())


def _tenant_file(data: Path) -> Path:
    with sqlite3.connect(data / "platform.sqlite") as conn:
        row = conn.execute("SELECT schema_name FROM tenant WHERE slug = ?", (SLUG,)).fetchone()
    assert row is not None, f"no tenant {SLUG}"
    return data / "tenants" / f"{row[0]}.sqlite"


def measure_backend(
    backend: str,
    cleanup: Cleanup,
    gen: Generator,
    *,
    postgres: str | None,
    seconds: float,
    rounds: int,
    warmup: float,
    access_log: bool,
    log: Any = print,
) -> list[Row]:
    work = cleanup.tempdir(f"yishi-bench-{backend}-")
    data = work / "data"
    env = clean_env(YISHI_MODE="embedded", YISHI_DATA_DIR=str(data))
    if not access_log:
        env["YISHI_ACCESS_LOG"] = "0"
    floor_args = [sys.executable, "-m", "bench.floors"]
    if not access_log:
        floor_args.append("--no-access-log")
    if backend == "postgres":
        assert postgres
        from tests.world import create_pg_database, drop_pg_database

        db = asyncio.run(create_pg_database(postgres))
        cleanup.add(f"drop database {db.name} and its roles", lambda: drop_pg_database(db))
        settings = db.settings()
        env.update(
            YISHI_DATABASE_URL=settings.url,
            YISHI_DATABASE_ADMIN_URL=settings.admin_url,
            YISHI_DATABASE_ROLE_PREFIX=settings.role_prefix,
        )
    port = free_port()
    log(f"  [{backend}] yishi serve on :{port} (onboarding the demo tenants) …")
    ours = Server(
        f"yishi serve ({backend})",
        [str(YISHI), "serve", "--port", str(port)],
        env,
        port,
        work / "serve.log",
    ).start(cleanup)
    token = _token(ours.base)
    people = httpx.get(
        ours.base + f"{TENANT}/members", headers={"Authorization": f"Bearer {token}"}, timeout=30
    ).json()
    ids = sorted(p["id"] for p in people)
    person = ids[0]
    if backend == "postgres":
        schema, role = _tenant_names_pg(settings.admin_url)
        floor_args += [
            "--backend=postgres",
            f"--dsn={settings.url}",
            f"--schema={schema}",
            f"--role={role}",
            f"--pool-size={env.get('YISHI_DATABASE_POOL_SIZE', '10')}",
        ]
    else:
        floor_args += ["--backend=sqlite", f"--file={_tenant_file(data)}"]
    fport = free_port()
    floor = Server(
        f"floor ({backend})",
        [*floor_args, f"--port={fport}", f"--slug={SLUG}"],
        clean_env(),
        fport,
        work / "floor.log",
    ).start(cleanup, ready="/bare")
    pairs = _pairs(token, person, ids)
    # Both answer, and the floors read what ours reads.
    for pair in pairs:
        _check(ours.base, pair.ours)
        _check(floor.base, pair.floor)
    got = _check(floor.base, pairs[2].floor).json()
    assert len(got) == len(ids), f"floor roster {len(got)} rows, ours {len(ids)}"
    rows = []
    for pair in pairs:
        gen.run(floor.base, pair.floor, warmup)
        gen.run(ours.base, pair.ours, warmup)
        row = Row(pair, [], [])
        for i in range(rounds):
            row.floor.append(gen.run(floor.base, pair.floor, seconds))
            row.ours.append(gen.run(ours.base, pair.ours, seconds))
            log(
                f"  [{backend}] {pair.name} round {i + 1}: ours {row.ours[-1].rps:,.0f} req/s "
                f"p99 {row.ours[-1].p99_ms:.1f} ms · floor {row.floor[-1].rps:,.0f} req/s "
                f"p99 {row.floor[-1].p99_ms:.1f} ms"
            )
        rows.append(row)
    return rows


HEADERS = [
    "endpoint",
    "req/s",
    "p99 ms",
    "floor",
    "floor req/s",
    "floor p99",
    "ratio",
    "p99 ratio",
    "target",
    "met",
]


def render(rows: list[Row]) -> str:
    out = []
    errors = []
    for row in rows:
        rps, p99 = median([r.rps for r in row.ours]), median([r.p99_ms for r in row.ours])
        frps, fp99 = median([r.rps for r in row.floor]), median([r.p99_ms for r in row.floor])
        ratio, p99_ratio = rps / frps, p99 / fp99
        t = row.pair.target
        out.append(
            [
                row.pair.name,
                fmt(rps),
                fmt(p99, 1),
                row.pair.floor_name,
                fmt(frps),
                fmt(fp99, 1),
                f"{ratio:.2f}",
                f"{p99_ratio:.1f}×",
                t.text(),
                "met" if t.met(ratio, p99_ratio) else "**not met**",
            ]
        )
        bad = sum(r.errors for r in row.ours + row.floor)
        if bad:
            errors.append(f"{row.pair.name}: {bad} failed requests (non-2xx, socket errors)")
    text = table(HEADERS, out)
    if errors:
        text += "\n" + "\n".join("  ! " + e for e in errors)
    return text


def run(
    *,
    postgres: str | None,
    seconds: float = 6,
    rounds: int = 3,
    warmup: float = 1,
    connections: int = 32,
    threads: int = 2,
    access_log: bool = True,
) -> dict[str, str]:
    """Measure SQLite (and PostgreSQL when given); print and return each backend's table."""
    tables: dict[str, str] = {}
    with cleaning() as cleanup:
        gen = Generator(cleanup.tempdir("yishi-bench-load-"), connections, threads)
        print(
            f"requests: {gen.name}, {rounds} interleaved rounds of {seconds:g} s, medians; "
            f"access log {'on' if access_log else 'off'} (ours and floors alike)"
        )
        for backend in ["sqlite"] + (["postgres"] if postgres else []):
            # Each backend's servers stopped, and its data removed, before the next one starts.
            with cleaning() as own:
                rows = measure_backend(
                    backend,
                    own,
                    gen,
                    postgres=postgres,
                    seconds=seconds,
                    rounds=rounds,
                    warmup=warmup,
                    access_log=access_log,
                )
            tables[backend] = render(rows)
            print(f"\n### {backend}\n\n{tables[backend]}\n", flush=True)
    return tables


def add_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("requests")
    g.add_argument("--seconds", type=float, default=6, help="length of one round (6)")
    g.add_argument("--rounds", type=int, default=3, help="interleaved rounds per endpoint (3)")
    g.add_argument("--warmup", type=float, default=1, help="warm-up seconds per server (1)")
    g.add_argument("--connections", type=int, default=32)
    g.add_argument("--threads", type=int, default=2)
    g.add_argument(
        "--no-access-log",
        dest="access_log",
        action="store_false",
        help="turn the access log off in ours (YISHI_ACCESS_LOG=0) and the floors",
    )


def main(args: argparse.Namespace) -> None:
    run(
        postgres=args.postgres,
        seconds=args.seconds,
        rounds=args.rounds,
        warmup=args.warmup,
        connections=args.connections,
        threads=args.threads,
        access_log=args.access_log,
    )


if __name__ == "__main__":  # `scripts/dev bench` runs this module: the whole benchmark
    from bench.__main__ import cli

    cli()
