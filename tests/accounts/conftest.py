"""Fixtures of the accounts tests: a Redis key prefix of their own, the app's throttle reset."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator

import pytest

from core.accounts.ratelimit import MemoryCounter, RedisCounter
from tests.world import World

REDIS_URL = os.environ.get("YISHI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


class Clock:
    """A clock the test moves by hand: locks and windows end without sleeping."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


async def _redis_or_skip() -> None:
    import redis.asyncio as redis

    client = redis.from_url(REDIS_URL)
    try:
        await client.ping()
    except Exception:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: Redis is mandatory for the shared sign-in counters")
        pytest.skip("no Redis server answers")
    finally:
        await client.aclose()


@pytest.fixture
async def redis_prefix() -> AsyncIterator[str]:
    """A unique key prefix; every key under it is deleted afterwards."""
    await _redis_or_skip()
    prefix = f"yishi-test-{secrets.token_hex(4)}:"
    yield prefix
    import redis.asyncio as redis

    client = redis.from_url(REDIS_URL)
    keys = [k async for k in client.scan_iter(match=prefix + "*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


@pytest.fixture(params=["memory", "redis"])
async def counter(
    request: pytest.FixtureRequest,
) -> AsyncIterator[MemoryCounter | RedisCounter]:
    """Each store of the throttle: in process, and Redis under a unique prefix."""
    if request.param == "memory":
        yield MemoryCounter()
        return
    await _redis_or_skip()
    prefix = f"yishi-test-{secrets.token_hex(4)}:"
    store = RedisCounter(REDIS_URL, prefix)
    yield store
    keys = [k async for k in store.client.scan_iter(match=prefix + "*")]
    if keys:
        await store.client.delete(*keys)
    await store.close()


@pytest.fixture
def throttle(api: World, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """The app's sign-in throttle on a hand-moved clock, empty before and after the test."""
    limiter = api.app.state.limiter
    assert isinstance(limiter.counter, MemoryCounter)
    limiter.counter.reset()
    monkeypatch.setattr(limiter, "clock", clock)
    yield clock
    limiter.counter.reset()
