"""Per-process caches of what every request reads, with a stated bound on staleness.

A request would otherwise read the caller's token (with its account) and the tenant's registry
row from platform storage before doing its own work: two round trips and two piccolo queries of
overhead on a read of one row. Both change rarely, and when they do the change must take effect:

- **In the process that made the change, at once.** The action that revokes a token, ends a
  session, disables an account, changes a password, suspends a tenant or changes its roles forgets
  the entries after its commit (`Expiring.forget`/`clear`, registered with the action's
  `after_commit`). A read that started before the change cannot put its stale answer back: every
  forget moves the cache's generation on, and `put` drops an answer fetched under an older one.
- **In every other process, within `YISHI_CACHE_SECONDS`** (default 5 s): no entry is used once
  it is older than that. `0` turns the caches off. This is the bound the README states. On
  PostgreSQL the changing process also announces the change (`NOTIFY yishi_cache`), and every
  serving process listens (`CacheListener`) and forgets at once, typically within milliseconds;
  the bound is what holds should the listening connection be down (it forgets everything when
  it reconnects, since it may have missed announcements).

Only answers that let a request through are cached (a valid token, an existing tenant): an
unknown token is looked up every time, so guessing fills nothing, and the caches are bounded in
size (the oldest entry goes first).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from core.settings import get_settings

__all__ = [
    "PRINCIPALS",
    "TENANT_ROWS",
    "CacheListener",
    "Expiring",
    "announce",
    "clear_all",
    "forget_principals",
    "forget_tenant",
    "on_announcement",
]

K = TypeVar("K")
V = TypeVar("V")

_ALL: list[Expiring[object, object]] = []


class Expiring(Generic[K, V]):
    """A map whose entries are used for at most `YISHI_CACHE_SECONDS` after they were fetched."""

    def __init__(self, name: str, max_entries: int = 10_000) -> None:
        self.name = name
        self.max_entries = max_entries
        self.generation = 0
        self._entries: dict[K, tuple[float, V]] = {}
        _ALL.append(self)  # type: ignore[arg-type]

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if time.monotonic() >= entry[0]:
            self._entries.pop(key, None)
            return None
        return entry[1]

    def put(self, key: K, value: V, generation: int) -> None:
        """Remember `value`, fetched when the cache was at `generation` (read it before the
        fetch); an answer fetched before a forget is dropped."""
        seconds = get_settings().cache_seconds
        if seconds <= 0 or generation != self.generation:
            return
        if len(self._entries) >= self.max_entries and key not in self._entries:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (time.monotonic() + seconds, value)

    def forget(self, key: K) -> None:
        self.generation += 1
        self._entries.pop(key, None)

    def clear(self) -> None:
        self.generation += 1
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def clear_all() -> None:
    """Forget every cached entry of this process (tests, and changes made outside the door)."""
    for cache in _ALL:
        cache.clear()


#: Authenticated callers by the hash of their bearer token or session secret
#: (`core.accounts.services`). Cleared whole after any revocation, sign-out, password change or
#: disabling: these are rare, and one of them may touch many entries of one account.
PRINCIPALS: Expiring[str, object] = Expiring("principals")

#: Registry rows of tenants by slug, as the request path reads them
#: (`core.tenancy.registry.request_tenant`).
TENANT_ROWS: Expiring[str, dict[str, object]] = Expiring("tenant rows", max_entries=100_000)


def forget_tenant(slug: str) -> None:
    TENANT_ROWS.forget(slug)


def forget_principals() -> None:
    PRINCIPALS.clear()


# --- announcements to the other processes (PostgreSQL) ------------------------------------------

CHANNEL = "yishi_cache"
#: What an announcement names, and what a listener forgets for it ("tenant:<slug>", "principals",
#: or a cache's name for the whole of it).
_FORGET: dict[str, Callable[[str], None]] = {
    "tenant": forget_tenant,
    "principals": lambda _: forget_principals(),
}
log = logging.getLogger("yishi.cache")


def on_announcement(kind: str, forget: Callable[[str], None]) -> None:
    """What this process forgets when another announces `kind` (modules above this one, such as
    oversight, register their caches here)."""
    _FORGET[kind] = forget


def _forget_here(payload: str) -> None:
    kind, _, key = payload.partition(":")
    forget = _FORGET.get(kind)
    if forget is None:
        clear_all()  # an announcement this version does not know: forget everything
    else:
        forget(key)


async def announce(kind: str, key: str = "") -> None:
    """Forget `kind:key` here at once and tell the other processes (after a commit: registered
    with `after_commit`). A failed announcement is logged; the staleness bound still holds."""
    payload = f"{kind}:{key}"
    _forget_here(payload)
    from core.tenancy.storage import get_storage
    from core.tenancy.tables import Tenant

    try:
        if get_storage().backend == "postgres":
            await Tenant.raw("SELECT pg_notify({}, {})", CHANNEL, payload)
    except Exception:  # never fail the committed action; the bound still holds
        log.warning("cache announcement %s not sent", payload, exc_info=True)


class CacheListener:
    """One connection per serving process listening for announcements (PostgreSQL only)."""

    def __init__(self, connect: Callable[[], Awaitable[Any]], retry_seconds: float = 2.0) -> None:
        self._connect = connect
        self.retry_seconds = retry_seconds
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="cache-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            connection = None
            try:
                connection = await self._connect()
                lost = asyncio.Event()
                connection.add_termination_listener(lambda _c, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._received)
                clear_all()  # whatever was announced while no one listened is forgotten
                self.connected.set()
                await lost.wait()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("cache listener: connection failed; retrying", exc_info=True)
            finally:
                self.connected.clear()
                if connection is not None and not connection.is_closed():
                    with contextlib.suppress(Exception):
                        await connection.close()
            await asyncio.sleep(self.retry_seconds)

    def _received(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        _forget_here(payload)
