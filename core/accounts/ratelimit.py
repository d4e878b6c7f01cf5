"""Counting failed sign-ins per account and per address, in process or in Redis.

In-process counters are right for the embedded mode (one process). With several API replicas, set
`YISHI_REDIS_URL` so every replica sees the same counts.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from typing import Protocol

from core.errors import RateLimited

__all__ = ["FailureLimiter", "MemoryCounter", "RedisCounter"]


class Counter(Protocol):
    async def count(self, key: str) -> tuple[int, int]: ...
    async def hit(self, key: str) -> None: ...
    async def clear(self, key: str) -> None: ...


class MemoryCounter:
    def __init__(self, window: int) -> None:
        self.window = window
        self._hits: dict[str, deque[float]] = defaultdict(deque)

    async def count(self, key: str) -> tuple[int, int]:
        now = time.monotonic()
        hits = self._hits[key]
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        retry = int(hits[0] + self.window - now) + 1 if hits else 0
        return len(hits), retry

    async def hit(self, key: str) -> None:
        self._hits[key].append(time.monotonic())

    async def clear(self, key: str) -> None:
        self._hits.pop(key, None)


class RedisCounter:
    """Fixed window per key (INCR + EXPIRE), under a key prefix unique to the deployment."""

    def __init__(self, url: str, prefix: str, window: int) -> None:
        import redis.asyncio as redis

        self.url = url
        self.client = redis.from_url(url)
        self.prefix = prefix
        self.window = window

    async def count(self, key: str) -> tuple[int, int]:
        k = self.prefix + "signin:" + key
        value, ttl = await self.client.get(k), await self.client.ttl(k)
        return int(value or 0), max(int(ttl), 0)

    async def hit(self, key: str) -> None:
        k = self.prefix + "signin:" + key
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.incr(k)
            pipe.expire(k, self.window, nx=True)
            await pipe.execute()

    async def clear(self, key: str) -> None:
        await self.client.delete(self.prefix + "signin:" + key)

    async def close(self) -> None:
        await self.client.aclose()


class FailureLimiter:
    def __init__(self, counter: Counter, max_failures: int) -> None:
        self.counter = counter
        self.max_failures = max_failures

    def _keys(self, login: str, ip: str) -> list[str]:
        return [f"login:{login.strip().lower()}", f"ip:{ip}"]

    async def check(self, login: str, ip: str) -> None:
        for key in self._keys(login, ip):
            count, retry = await self.counter.count(key)
            if count >= self.max_failures:
                raise RateLimited(retry_after=max(retry, 1))

    async def failed(self, login: str, ip: str) -> None:
        for key in self._keys(login, ip):
            await self.counter.hit(key)

    async def succeeded(self, login: str, ip: str) -> None:
        await self.counter.clear(self._keys(login, ip)[0])
