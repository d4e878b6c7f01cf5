"""How the relay learns that a tenant has outbox work, without reading every tenant's storage.

- In the transaction that writes outbox rows, PostgreSQL `NOTIFY yishi_outbox, '<slug>'`
  (delivered at commit, to relays that LISTEN) and, after the commit, a platform mark
  `outbox_pending(tenant, due_ms)` (an upsert), and an in-process event for an embedded relay.
- The relay reads the marks due now (one query, whatever the number of tenants), drains those
  tenants and clears or moves each mark (`settle`). A mark is cleared only if it was not set
  again after the relay started reading, so a change committed meanwhile is never forgotten.
- A mark lost to a crash between commit and upsert is found by the sweeper (a scheduled job that
  looks at every tenant, every few minutes: `relay.sweep`).
"""

from __future__ import annotations

import asyncio
import time

from core.audit.actions import OUTBOX_HOOKS, Action

__all__ = ["CHANNEL", "mark_pending", "now_ms", "settle", "wake_event"]

CHANNEL = "yishi_outbox"

_events: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []


def now_ms() -> int:
    return int(time.time() * 1000)


def wake_event() -> asyncio.Event:
    """An event set whenever this process commits outbox rows (the embedded relay waits on it)."""
    event = asyncio.Event()
    _events.append((asyncio.get_running_loop(), event))
    return event


def forget_event(event: asyncio.Event) -> None:
    _events[:] = [(lp, e) for lp, e in _events if e is not event]


def _wake() -> None:
    for loop, event in list(_events):
        if loop.is_closed():
            continue
        try:
            loop.call_soon_threadsafe(event.set)
        except RuntimeError:
            pass


def _pg() -> bool:
    from core.tenancy.storage import get_storage

    return get_storage().backend == "postgres"


async def mark_pending(slug: str, due_ms: int | None = None) -> None:
    """Mark `slug` as having outbox work due at `due_ms` (now by default); an earlier mark wins."""
    from core.jobs.tables import OutboxPending as P

    now = now_ms()
    due = now if due_ms is None else due_ms
    least = "LEAST" if _pg() else "MIN"
    await P.raw(
        "INSERT INTO outbox_pending (tenant, due_ms, marked_ms) VALUES ({}, {}, {}) "
        "ON CONFLICT (tenant) DO UPDATE SET "
        f"due_ms = {least}(outbox_pending.due_ms, excluded.due_ms), marked_ms = excluded.marked_ms",
        slug,
        due,
        now,
    )


async def settle(slug: str, started_ms: int, next_due_ms: int | None) -> None:
    """After draining `slug`: clear its mark, or move it to `next_due_ms`, unless the mark was
    set again after `started_ms` (then it stays as it is)."""
    from core.jobs.tables import OutboxPending as P

    if next_due_ms is None:
        await P.raw(
            "DELETE FROM outbox_pending WHERE tenant = {} AND marked_ms < {}", slug, started_ms
        )
    else:
        await P.raw(
            "UPDATE outbox_pending SET due_ms = {} WHERE tenant = {} AND marked_ms < {}",
            next_due_ms,
            slug,
            started_ms,
        )


async def _door_hook(action: Action, slug: str) -> None:
    due = min((nb or 0) for _, _, nb in action._outbox)
    if _pg():
        from core.audit.tables import TenantOutbox

        await TenantOutbox.raw("SELECT pg_notify({}, {})", CHANNEL, slug)

    async def after() -> None:
        try:
            await mark_pending(slug, max(due, 0) or None)
        finally:
            _wake()

    action.after_commit(after)


def _register() -> None:
    if _door_hook not in OUTBOX_HOOKS:
        OUTBOX_HOOKS.append(_door_hook)


_register()
