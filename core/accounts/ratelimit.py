"""Sign-in throttling: growing delays per account, a much higher limit per address.

Per account (by normalised login, whether the account exists or not): the first
`free_failures` failures cost nothing; each further one locks the account for
`lock_base_seconds`, then twice that, four times … up to `lock_max_seconds`. While locked, every
sign-in to that account is refused, even with the right password; a successful sign-in clears
the account's count, and the count is forgotten after `failure_memory_seconds` without a failure.
One person's typos therefore slow down only that person's account.

Per address: at most `address_max_failures` failures in a fixed window of `window_seconds`, then
every sign-in from that address is refused until the window ends. This catches one machine trying
many accounts without locking out a whole bureau behind one NAT.

In-process stores are right for the embedded mode (one process). With several API replicas, set
`YISHI_REDIS_URL` so every replica sees the same counts. Both stores keep the same data and take
the time from the limiter's clock, so the policy lives here once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

from core.errors import AccountThrottled, RateLimited
from core.settings import AuthSettings

__all__ = ["FailureLimiter", "MemoryCounter", "RedisCounter", "limiter_for"]


class Counter(Protocol):
    """Where the counts live. Times are the limiter's clock (seconds since the epoch)."""

    async def account(self, key: str, now: float) -> tuple[int, float]:
        """(failures remembered, locked until)."""
        ...

    async def account_failed(self, key: str, now: float, keep_for: int) -> int:
        """Count one failure; remember the count for `keep_for` seconds; return the new count."""
        ...

    async def lock(self, key: str, until: float, keep_for: int) -> None:
        """Lock until `until` (never shortening an existing lock)."""
        ...

    async def clear(self, key: str) -> None: ...

    async def window(self, key: str, index: int) -> int:
        """Failures counted in fixed window number `index`."""
        ...

    async def window_hit(self, key: str, index: int, keep_for: int) -> None: ...


class MemoryCounter:
    """One process's counts; expired entries are swept now and then so memory stays bounded."""

    SWEEP_EVERY = 1024

    def __init__(self) -> None:
        # key → [failures, locked_until, forget_at]
        self._accounts: dict[str, list[float]] = {}
        # key → (window index, count)
        self._windows: dict[str, tuple[int, int]] = {}
        self._account_writes = 0
        self._window_writes = 0

    def _sweep(self, now: float) -> None:
        self._account_writes += 1
        if self._account_writes % self.SWEEP_EVERY:
            return
        for key in [k for k, v in self._accounts.items() if v[2] <= now]:
            del self._accounts[key]

    async def account(self, key: str, now: float) -> tuple[int, float]:
        entry = self._accounts.get(key)
        if entry is None or entry[2] <= now:
            return 0, 0.0
        return int(entry[0]), entry[1]

    async def account_failed(self, key: str, now: float, keep_for: int) -> int:
        entry = self._accounts.get(key)
        if entry is None or entry[2] <= now:
            entry = self._accounts[key] = [0, 0.0, 0.0]
        entry[0] += 1
        entry[2] = now + keep_for
        self._sweep(now)
        return int(entry[0])

    async def lock(self, key: str, until: float, keep_for: int) -> None:
        entry = self._accounts.setdefault(key, [0, 0.0, until + keep_for])
        entry[1] = max(entry[1], until)

    async def clear(self, key: str) -> None:
        self._accounts.pop(key, None)

    async def window(self, key: str, index: int) -> int:
        seen = self._windows.get(key)
        return seen[1] if seen and seen[0] == index else 0

    async def window_hit(self, key: str, index: int, keep_for: int) -> None:
        seen = self._windows.get(key)
        count = seen[1] if seen and seen[0] == index else 0
        self._windows[key] = (index, count + 1)
        self._window_writes += 1
        if not self._window_writes % self.SWEEP_EVERY:
            self._windows = {k: v for k, v in self._windows.items() if v[0] >= index}

    def reset(self) -> None:
        """Forget everything (tests)."""
        self._accounts.clear()
        self._windows.clear()


# Raise the lock time only: concurrent failures must never shorten a lock.
_LOCK_SCRIPT = """
local cur = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if tonumber(ARGV[1]) > cur then redis.call('HSET', KEYS[1], 'until', ARGV[1]) end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""


class RedisCounter:
    """Counts shared by every replica, under a key prefix unique to the deployment.

    An account is a hash `<prefix>signin:acct:<login>` (`n` failures, `until` lock time) that
    expires `failure_memory_seconds` after its last failure; an address window is a counter
    `<prefix>signin:ip:<address>:<window>` that expires after its window.
    """

    def __init__(self, url: str, prefix: str) -> None:
        import redis.asyncio as redis

        self.url = url
        self.client = redis.from_url(url)
        self.prefix = prefix

    def _k(self, key: str) -> str:
        return f"{self.prefix}signin:{key}"

    async def account(self, key: str, now: float) -> tuple[int, float]:
        n, until = await self.client.hmget(self._k(key), ["n", "until"])
        return int(n or 0), float(until or 0)

    async def account_failed(self, key: str, now: float, keep_for: int) -> int:
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.hincrby(self._k(key), "n", 1)
            pipe.expire(self._k(key), keep_for)
            count, _ = await pipe.execute()
        return int(count)

    async def lock(self, key: str, until: float, keep_for: int) -> None:
        await self.client.eval(_LOCK_SCRIPT, 1, self._k(key), repr(until), keep_for)  # type: ignore[misc]

    async def clear(self, key: str) -> None:
        await self.client.delete(self._k(key))

    async def window(self, key: str, index: int) -> int:
        return int(await self.client.get(self._k(f"{key}:{index}")) or 0)

    async def window_hit(self, key: str, index: int, keep_for: int) -> None:
        k = self._k(f"{key}:{index}")
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.incr(k)
            pipe.expire(k, keep_for, nx=True)
            await pipe.execute()

    async def close(self) -> None:
        await self.client.aclose()


class FailureLimiter:
    """The sign-in throttle; every password check (sign-in, password change) goes through it."""

    def __init__(
        self,
        counter: Counter,
        settings: AuthSettings,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.counter = counter
        self.settings = settings
        self.clock = clock

    @staticmethod
    def _account_key(login: str) -> str:
        return f"acct:{login.strip().lower()}"

    @staticmethod
    def _address_key(ip: str) -> str:
        return f"ip:{ip}"

    def lock_seconds(self, failures: int) -> float:
        """How long the account is locked after its `failures`-th failure (0: not at all)."""
        s = self.settings
        over = failures - s.free_failures
        if over <= 0:
            return 0.0
        return float(min(s.lock_base_seconds * 2 ** min(over - 1, 62), s.lock_max_seconds))

    async def check(self, login: str, ip: str) -> None:
        """Refuse (429) while the account is locked or the address is over its limit."""
        now = self.clock()
        _, until = await self.counter.account(self._account_key(login), now)
        if until > now:
            raise AccountThrottled(retry_after=max(math.ceil(until - now), 1))
        if ip:
            window = self.settings.window_seconds
            index = int(now // window)
            if await self.counter.window(self._address_key(ip), index) >= (
                self.settings.address_max_failures
            ):
                retry = math.ceil((index + 1) * window - now)
                raise RateLimited(retry_after=max(retry, 1))

    async def failed(self, login: str, ip: str) -> None:
        now = self.clock()
        s = self.settings
        key = self._account_key(login)
        failures = await self.counter.account_failed(key, now, s.failure_memory_seconds)
        if seconds := self.lock_seconds(failures):
            await self.counter.lock(key, now + seconds, s.failure_memory_seconds)
        await self.address_failed(ip)

    async def address_failed(self, ip: str) -> None:
        """A failure counted against the address only (e.g. asking for a login that is taken:
        counting it against that account would let anyone lock someone else out)."""
        if ip:
            window = self.settings.window_seconds
            index = int(self.clock() // window)
            await self.counter.window_hit(self._address_key(ip), index, window)

    async def succeeded(self, login: str, ip: str) -> None:
        """A right password clears the account's count (never the address's)."""
        await self.counter.clear(self._account_key(login))


def limiter_for(redis_url: str, redis_prefix: str, settings: AuthSettings) -> FailureLimiter:
    counter: Counter = RedisCounter(redis_url, redis_prefix) if redis_url else MemoryCounter()
    return FailureLimiter(counter, settings)
