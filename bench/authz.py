"""Authorization decisions (core/access/enforcers.py), in memory, from 10 to 10,000 tenants.

    python -m bench --only authz [--tenants 10,100,1000,10000]

N synthetic tenants, plugins in turn, each an `ACCESS`-style registry entry (`TenantAccess`)
built from its plugin's real `tenant_policy` and eight role grants (secretary, deputy, three
members, an attendee, an inspector, the unit admin). No database: the `g` lines are what
`AccessRegistry.for_bound_tenant` would read from `role_grant`.

- warm: what the request middleware and guard ask per request once everything is cached (bind
  the tenant, `ACCESS.for_bound_tenant`, `roles_of`, `allowed`), random tenants, accounts and
  permissions;
- cold: the first `roles_of` + `allowed` of an entry just loaded (decision caches empty);
- load: building an entry from its lines (what a cold request adds besides its `role_grant`
  query);
- memory: tracemalloc's growth over building the N entries and their first decisions, per tenant.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import time
import tracemalloc
from typing import Any

from bench.common import fmt, table

ROLES = (
    "secretary",
    "deputy_secretary",
    "member",
    "member",
    "member",
    "attendee",
    "inspector",
    "unit_admin",
)
DEFAULT_SIZES = (10, 100, 1000, 10000)
TARGETS = {"warm": 0.05, "cold": 0.5, "kb": 200.0}


def _grants(slug: str, base: int) -> list[list[str]]:
    return [[str(base + i), role, slug] for i, role in enumerate(ROLES)]


def _tenants(n: int) -> list[tuple[str, str, int]]:
    from core.rules.plugins import plugin_manager

    plugins = sorted(name for name, _ in plugin_manager().list_name_plugin())
    return [(f"bench-{i:05d}", plugins[i % len(plugins)], 1000 + i * 16) for i in range(n)]


def _build(slug: str, plugin: str, base: int) -> Any:
    from core.access.enforcers import TenantAccess
    from core.access.policy import policy_lines
    from core.rules.plugins import tenant_policy

    return TenantAccess(slug, policy_lines(tenant_policy(plugin), slug), _grants(slug, base), 0)


def _permissions() -> list[Any]:
    from core.access.permissions import ALL_PERMISSIONS

    return [p for p in ALL_PERMISSIONS if p.scope == "tenant"]


def measure(n: int, samples: int = 20000, cold_samples: int = 200) -> dict[str, float]:
    """One size: warm and cold ms per decision, load ms per entry, KB per tenant."""
    from core.access.enforcers import AccessRegistry
    from core.tenancy.context import BoundTenant, bind_tenant

    tenants = _tenants(n)
    perms = _permissions()
    registry = AccessRegistry(ttl=3600)
    for _, plugin, _ in tenants[:4]:  # plugin hooks and model text loaded before counting
        _build("warm-up", plugin, 0)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for slug, plugin, base in tenants:
        entry = _build(slug, plugin, base)
        entry.roles_of(base)
        entry.allowed(base, perms[0])
        registry._tenants[slug] = entry
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    kb = (after - before) / n / 1024

    rng = random.Random(7)
    bound = {slug: BoundTenant(slug, "t_" + slug.replace("-", "_"), "r") for slug, _, _ in tenants}
    asks = []
    for _ in range(samples):
        slug, plugin, base = tenants[rng.randrange(n)]
        asks.append((bound[slug], plugin, base + rng.randrange(len(ROLES)), rng.choice(perms)))
    for b, _, account, perm in asks:  # every (account, permission) decided once: warm
        registry._tenants[b.slug].roles_of(account)
        registry._tenants[b.slug].allowed(account, perm)

    async def warm() -> float:
        start = time.perf_counter()
        for b, plugin, account, perm in asks:
            with bind_tenant(b):
                access = await registry.for_bound_tenant(plugin, 0)
                if access.roles_of(account):
                    access.allowed(account, perm)
        return (time.perf_counter() - start) / len(asks) * 1000

    warm_ms = asyncio.run(warm())

    cold, load = [], []
    for i in range(min(cold_samples, n * 4)):
        slug, plugin, base = tenants[rng.randrange(n)]
        account, perm = base + i % len(ROLES), perms[i % len(perms)]
        t0 = time.perf_counter()
        entry = _build(slug, plugin, base)
        t1 = time.perf_counter()
        entry.roles_of(account)
        entry.allowed(account, perm)
        t2 = time.perf_counter()
        registry._tenants[slug] = entry
        load.append((t1 - t0) * 1000)
        cold.append((t2 - t1) * 1000)
    cold.sort()
    load.sort()
    return {
        "tenants": n,
        "warm_ms": warm_ms,
        "cold_ms": cold[len(cold) // 2],
        "cold_p99_ms": cold[min(len(cold) - 1, int(len(cold) * 0.99))],
        "load_ms": load[len(load) // 2],
        "kb": kb,
    }


def render(results: list[dict[str, float]]) -> str:
    def mark(ok: bool) -> str:
        return "met" if ok else "**not met**"

    rows = [
        [
            fmt(r["tenants"]),
            f"{r['warm_ms']:.4f}",
            f"{r['cold_ms']:.3f}",
            f"{r['cold_p99_ms']:.3f}",
            f"{r['load_ms']:.3f}",
            fmt(r["kb"], 1),
            ", ".join(
                mark(ok)
                for ok in (
                    r["warm_ms"] <= TARGETS["warm"],
                    r["cold_ms"] <= TARGETS["cold"],
                    r["kb"] <= TARGETS["kb"],
                )
            ),
        ]
        for r in results
    ]
    headers = [
        "tenants",
        "warm ms",
        "cold ms (median)",
        "cold p99",
        "load ms (build entry)",
        "KB / tenant",
        "warm ≤0.05, cold ≤0.5, ≤200 KB",
    ]
    return table(headers, rows)


def run(sizes: tuple[int, ...] = DEFAULT_SIZES, samples: int = 20000) -> str:
    print(f"authz: TenantAccess entries for {', '.join(f'{n:,}' for n in sizes)} tenants")
    results = [measure(n, samples=samples) for n in sizes]
    text = render(results)
    print(f"\n{text}\n", flush=True)
    return text


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("authz")
    g.add_argument(
        "--tenants",
        type=_sizes,
        default=DEFAULT_SIZES,
        metavar="N,N,…",
        help="tenant counts (10,100,1000,10000)",
    )
    g.add_argument("--decisions", type=int, default=20000, help="warm decisions timed per size")


def main(args: argparse.Namespace) -> None:
    run(args.tenants, args.decisions)
