"""Onboarding and migration on PostgreSQL, through the command line as an operator runs it.

    python -m bench --only onboarding --postgres URL [--onboard 10,100,1000]

For each N: a fresh database; N copies of a demo manifest (unique slugs `bench-0001…` and
logins) in a temporary folder; `yishi tenants apply FOLDER` timed, then a no-op `yishi migrate`
timed (production mode: the application login in YISHI_DATABASE_URL, the owner in
YISHI_DATABASE_ADMIN_URL). Each time includes the process start (printed once, `yishi --help`).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import subprocess
import time
from pathlib import Path

from bench.common import ROOT, YISHI, Cleanup, clean_env, cleaning, fmt, table

DEFAULT_SIZES = (10, 100, 1000)
MANIFEST = ROOT / "tenants" / "ningbo-hrss.toml"


def copies(source: Path, folder: Path, n: int) -> None:
    """`n` copies of `source` in `folder`, each with its own slug and logins."""
    text = source.read_text()
    slug = re.search(r'^slug = "([^"]+)"', text, re.M)
    assert slug is not None, f"{source}: no slug"
    for i in range(1, n + 1):
        copy = re.sub(r'^slug = "[^"]+"', f'slug = "bench-{i:04d}"', text, count=1, flags=re.M)
        copy = re.sub(r'^login = "([^"]+)"', rf'login = "b{i:04d}.\1"', copy, flags=re.M)
        (folder / f"bench-{i:04d}.toml").write_text(copy)


def _timed(argv: list[str], env: dict[str, str], what: str) -> float:
    start = time.perf_counter()
    out = subprocess.run(  # noqa: S603 - our own argv
        argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{what} failed ({out.returncode}):\n{out.stdout[-2000:]}\n{out.stderr}")
    return took


async def _count_tenants(owner_url: str) -> int:
    import asyncpg

    conn = await asyncpg.connect(owner_url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM platform.tenant"))
    finally:
        await conn.close()


def measure(n: int, postgres: str, cleanup: Cleanup, source: Path) -> dict[str, float]:
    from tests.world import create_pg_database, drop_pg_database

    folder = cleanup.tempdir(f"yishi-bench-onboard-{n}-")
    manifests = folder / "manifests"
    manifests.mkdir()
    copies(source, manifests, n)
    db = asyncio.run(create_pg_database(postgres))
    cleanup.add(f"drop database {db.name} and its roles", lambda: drop_pg_database(db))
    settings = db.settings()
    env = clean_env(
        YISHI_DATABASE_URL=settings.url,
        YISHI_DATABASE_ADMIN_URL=settings.admin_url,
        YISHI_DATABASE_ROLE_PREFIX=settings.role_prefix,
        YISHI_SECRET_KEY=secrets.token_hex(32),
        YISHI_DATA_DIR=str(folder / "data"),
    )
    apply_s = _timed([str(YISHI), "tenants", "apply", str(manifests)], env, "tenants apply")
    created = asyncio.run(_count_tenants(settings.admin_url))
    if created != n:
        raise RuntimeError(f"tenants apply created {created} tenants, not {n}")
    migrate_s = _timed([str(YISHI), "migrate"], env, "migrate")
    return {"tenants": n, "apply_s": apply_s, "migrate_s": migrate_s}


def render(results: list[dict[str, float]]) -> str:
    rows = []
    for r in results:
        n = r["tenants"]
        rows.append(
            [
                fmt(n),
                f"{r['apply_s']:.1f} s ({r['apply_s'] / n * 1000:,.0f} ms/tenant)",
                f"{r['migrate_s']:.1f} s ({r['migrate_s'] / n * 1000:,.1f} ms/tenant)",
                (
                    ("met" if r["apply_s"] <= 60 else "**not met**")
                    + ", "
                    + ("met" if r["migrate_s"] <= 5 else "**not met**")
                )
                if n == 1000
                else "-",
            ]
        )
    headers = ["tenants", "`yishi tenants apply`", "no-op `yishi migrate`", "1,000: ≤60 s, ≤5 s"]
    return table(headers, rows)


def run(
    postgres: str | None, sizes: tuple[int, ...] = DEFAULT_SIZES, source: Path = MANIFEST
) -> str:
    if not postgres:
        print("onboarding: skipped (PostgreSQL only: give --postgres URL)")
        return ""
    start = time.perf_counter()
    subprocess.run([str(YISHI), "--help"], capture_output=True, check=True)  # noqa: S603
    startup = time.perf_counter() - start
    print(
        f"onboarding: copies of {source.name} for {', '.join(f'{n:,}' for n in sizes)} tenants "
        f"(each time includes the CLI's start, {startup:.2f} s)"
    )
    results = []
    with cleaning() as cleanup:
        for n in sizes:
            results.append(measure(n, postgres, cleanup, source))
            r = results[-1]
            print(f"  {n:,} tenants: apply {r['apply_s']:.1f} s, migrate {r['migrate_s']:.1f} s")
            cleanup.run()  # each size's database dropped before the next is made
    text = render(results)
    print(f"\n{text}\n", flush=True)
    return text


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("onboarding")
    g.add_argument(
        "--onboard",
        type=_sizes,
        default=DEFAULT_SIZES,
        metavar="N,N,…",
        help="tenant counts for apply and migrate (10,100,1000)",
    )
    g.add_argument("--manifest", type=Path, default=MANIFEST, help="the manifest copied")


def main(args: argparse.Namespace) -> None:
    run(args.postgres, args.onboard, args.manifest)
