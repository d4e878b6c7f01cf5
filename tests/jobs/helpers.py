"""Shared helpers of the jobs tests: effects used only by tests, waiting, counting."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from core.audit.actions import Actor, tenant_action
from core.audit.tables import TenantOutbox
from core.jobs.effects import Effect, effect
from core.jobs.tables import InboxItem
from core.tenancy.context import bind_slug, require_tenant

ACTOR = Actor.system("jobs-test")
SEEN: list[tuple[str, str, int]] = []


@effect("test.record")
async def record(eff: Effect) -> None:
    """Writes an inbox item and notes which tenant was bound (never another's)."""
    SEEN.append((require_tenant().slug, str(eff.payload.get("tenant")), eff.row_id))
    async with eff.write():
        await InboxItem.insert(
            InboxItem(
                person_id=int(eff.payload.get("person_id", 0)),
                topic="test",
                title="t",
                key=eff.key,
                about=str(eff.payload.get("tenant")),
            )
        )


@effect("test.poison")
async def poison(eff: Effect) -> None:
    raise RuntimeError("poison: this effect always fails")


async def wait_until(
    check: Callable[[], Awaitable[bool]],
    timeout: float = 30.0,  # noqa: ASYNC109
    every: float = 0.05,
) -> float:
    start = time.monotonic()
    while not await check():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not reached within {timeout} s")
        await asyncio.sleep(every)
    return time.monotonic() - start


async def emit_many(slug: str, topic: str, n: int, per_action: int = 10, **payload: Any) -> None:
    async with bind_slug(slug):
        done = 0
        while done < n:
            k = min(per_action, n - done)
            async with tenant_action(ACTOR, "test.emit") as act:
                for i in range(k):
                    act.emit(topic, tenant=slug, n=done + i, **payload)
            done += k


async def open_rows(slug: str, topic: str | None = None) -> int:
    async with bind_slug(slug):
        q = TenantOutbox.count().where(
            TenantOutbox.delivered_at.is_null() & TenantOutbox.dead_at.is_null()
        )
        if topic:
            q = q.where(TenantOutbox.topic == topic)
        return await q


async def inbox_keys(slug: str) -> list[str]:
    async with bind_slug(slug):
        return [r["key"] for r in await InboxItem.select(InboxItem.key)]
