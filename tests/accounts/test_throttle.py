"""Sign-in throttling: growing delays per account, a high limit per address, 429 + Retry-After.

The policy is checked on both stores (in process and Redis under a unique prefix) with a clock
moved by hand, and through the API on both database backends.
"""

from __future__ import annotations

import dataclasses

import pytest

from core.accounts import security
from core.accounts.ratelimit import FailureLimiter, MemoryCounter, RedisCounter
from core.errors import AccountThrottled, RateLimited
from core.settings import AuthSettings, load_settings
from tests.accounts.conftest import REDIS_URL, Clock
from tests.world import PASSWORD, World

POLICY = AuthSettings(
    free_failures=3,
    lock_base_seconds=1,
    lock_max_seconds=8,
    failure_memory_seconds=3600,
    address_max_failures=100,
    window_seconds=900,
)
NAT = "192.0.2.10"  # a whole bureau behind one address


def _code(r) -> str:  # type: ignore[no-untyped-def]
    return r.json()["error"]["code"]


async def _retry_after(limiter: FailureLimiter, login: str, ip: str = NAT) -> int:
    """0 when a sign-in would be let through, else the seconds it is told to wait."""
    try:
        await limiter.check(login, ip)
    except RateLimited as e:
        return int(e.headers["Retry-After"])
    return 0


async def test_account_delays_grow_and_are_capped(
    counter: MemoryCounter | RedisCounter, clock: Clock
) -> None:
    limiter = FailureLimiter(counter, POLICY, clock=clock)
    for _ in range(3):  # the free failures
        await limiter.failed("typo.user", NAT)
        assert await _retry_after(limiter, "typo.user") == 0
    waits = []
    for _ in range(6):
        await limiter.failed("typo.user", NAT)
        wait = await _retry_after(limiter, "typo.user")
        waits.append(wait)
        clock.advance(wait)
        assert await _retry_after(limiter, "typo.user") == 0  # the lock has ended
    assert waits == [1, 2, 4, 8, 8, 8]
    with pytest.raises(AccountThrottled) as e:
        await limiter.failed("typo.user", NAT)
        await limiter.check("typo.user", NAT)
    assert e.value.code == "auth.account_throttled" and e.value.status == 429


async def test_one_persons_typos_lock_only_that_account(
    counter: MemoryCounter | RedisCounter, clock: Clock
) -> None:
    limiter = FailureLimiter(counter, POLICY, clock=clock)
    for _ in range(20):
        await limiter.failed("typo.user", NAT)
    assert await _retry_after(limiter, "typo.user") > 0
    # Colleagues at the same address sign in as usual.
    for colleague in ("colleague.one", "colleague.two"):
        assert await _retry_after(limiter, colleague) == 0


async def test_success_clears_the_accounts_count(
    counter: MemoryCounter | RedisCounter, clock: Clock
) -> None:
    limiter = FailureLimiter(counter, POLICY, clock=clock)
    for _ in range(3):
        await limiter.failed("u", NAT)
    await limiter.succeeded("u", NAT)
    for _ in range(3):  # three free failures again, not a lock
        await limiter.failed("u", NAT)
    assert await _retry_after(limiter, "u") == 0
    await limiter.failed("u", NAT)
    assert await _retry_after(limiter, "u") == 1


async def test_address_limit_is_much_higher_and_ends_with_its_window(
    counter: MemoryCounter | RedisCounter, clock: Clock
) -> None:
    policy = dataclasses.replace(POLICY, address_max_failures=10, window_seconds=600)
    clock.now = 600 * 3_000_000 + 100  # 100 s into a window
    limiter = FailureLimiter(counter, policy, clock=clock)
    for i in range(9):  # nine people each mistype once: nobody is held up
        await limiter.failed(f"person{i}", NAT)
    assert await _retry_after(limiter, "person9") == 0
    await limiter.failed("person9", NAT)
    with pytest.raises(RateLimited) as e:
        await limiter.check("somebody.else", NAT)
    assert e.value.code == "auth.rate_limited" and e.value.headers == {"Retry-After": "500"}
    assert await _retry_after(limiter, "somebody.else", "198.51.100.1") == 0  # other address
    clock.advance(500)
    assert await _retry_after(limiter, "somebody.else") == 0


async def test_failures_are_forgotten_after_a_quiet_time(clock: Clock) -> None:
    limiter = FailureLimiter(MemoryCounter(), POLICY, clock=clock)
    for _ in range(3):
        await limiter.failed("u", NAT)
    clock.advance(POLICY.failure_memory_seconds + 1)
    await limiter.failed("u", NAT)  # counted as the first again
    assert await _retry_after(limiter, "u") == 0


async def test_redis_counts_are_shared_between_replicas(redis_prefix: str, clock: Clock) -> None:
    one = FailureLimiter(RedisCounter(REDIS_URL, redis_prefix), POLICY, clock=clock)
    two = FailureLimiter(RedisCounter(REDIS_URL, redis_prefix), POLICY, clock=clock)
    try:
        for _ in range(3):
            await one.failed("x.user", "10.0.0.1")
        await two.failed("x.user", "10.0.0.2")
        assert await _retry_after(two, "x.user", "10.0.0.3") == 1
        assert await _retry_after(one, "x.user", "10.0.0.3") == 1
        await one.succeeded("x.user", "10.0.0.1")
        assert await _retry_after(two, "x.user", "10.0.0.3") == 0
    finally:
        for limiter in (one, two):
            assert isinstance(limiter.counter, RedisCounter)
            await limiter.counter.close()


def test_settings_come_from_yishi_variables() -> None:
    auth = load_settings(
        {
            "YISHI_AUTH_FREE_FAILURES": "5",
            "YISHI_AUTH_LOCK_SECONDS": "2",
            "YISHI_AUTH_LOCK_MAX_SECONDS": "600",
            "YISHI_AUTH_FAILURE_MEMORY_SECONDS": "7200",
            "YISHI_AUTH_ADDRESS_MAX_FAILURES": "250",
            "YISHI_AUTH_WINDOW_SECONDS": "300",
        }
    ).auth
    assert (auth.free_failures, auth.lock_base_seconds, auth.lock_max_seconds) == (5, 2, 600)
    assert (auth.failure_memory_seconds, auth.address_max_failures, auth.window_seconds) == (
        7200,
        250,
        300,
    )
    assert load_settings({}).auth.address_max_failures == 100


# --- through the API, on both database backends ------------------------------------------------


def _body(login: str, password: str) -> dict[str, str]:
    return {"login": login, "password": password, "scope": "tenant:beta"}


async def test_typos_lock_one_account_not_the_office(api: World, throttle: Clock) -> None:
    free = api.settings.auth.free_failures
    for _ in range(free + 1):
        r = await api.api.post("/api/v1/auth/token", json=_body("b.clerk", "wrong"))
        assert r.status_code == 401 and _code(r) == "auth.bad_credentials"
    # Same address (the test client's), another account: signs in.
    r = await api.api.post("/api/v1/auth/token", json=_body("b.mem2", PASSWORD))
    assert r.status_code == 201, r.text
    # The mistyping account itself waits, even with the right password, and is told how long.
    r = await api.api.post("/api/v1/auth/token", json=_body("b.clerk", PASSWORD))
    assert r.status_code == 429 and _code(r) == "auth.account_throttled"
    assert r.headers["Retry-After"] == "1"
    assert "秒后再试" in r.json()["error"]["message"]
    r = await api.api.post(
        "/api/v1/auth/login",
        json={"login": "b.clerk", "password": PASSWORD},
        headers={"Accept-Language": "en"},
    )
    assert r.status_code == 429 and r.json()["error"]["message"].startswith("Too many")
    throttle.advance(1)
    r = await api.api.post("/api/v1/auth/token", json=_body("b.clerk", PASSWORD))
    assert r.status_code == 201, r.text
    # The success cleared the count: the free failures are free again.
    for _ in range(free):
        r = await api.api.post("/api/v1/auth/token", json=_body("b.clerk", "wrong"))
        assert r.status_code == 401
    r = await api.api.post("/api/v1/auth/token", json=_body("b.clerk", PASSWORD))
    assert r.status_code == 201, r.text


async def test_address_limit_through_the_api(
    api: World, throttle: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    limiter = api.app.state.limiter
    monkeypatch.setattr(
        limiter, "settings", dataclasses.replace(limiter.settings, address_max_failures=4)
    )
    for login in ("b.mem1", "b.mem2", "b.mem3", "nobody.at.all"):
        r = await api.api.post("/api/v1/auth/token", json=_body(login, "wrong"))
        assert r.status_code == 401
    r = await api.api.post("/api/v1/auth/token", json=_body("b.mem4", PASSWORD))
    assert r.status_code == 429 and _code(r) == "auth.rate_limited"
    assert int(r.headers["Retry-After"]) >= 1


# --- finding: a missing login must cost an argon2 verification too -----------------------------


class _SpyHasher:
    """Wraps the real hasher and records which hashes were verified."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.verified: list[str] = []

    def verify(self, stored: str, password: str) -> bool:
        self.verified.append(stored)
        return self.real.verify(stored, password)  # type: ignore[attr-defined,no-any-return]

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


async def test_missing_login_and_passwordless_account_verify_a_dummy_hash(
    api: World, throttle: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.accounts.services import account_by_login, do_create_account
    from tests.world import SYSTEM

    if await account_by_login("no.password.yet") is None:
        await do_create_account("no.password.yet", "未设密码", actor=SYSTEM)
    spy = _SpyHasher(security._hasher)
    monkeypatch.setattr(security, "_hasher", spy)
    for login in ("nobody.here", "no.password.yet"):
        spy.verified.clear()
        r = await api.api.post("/api/v1/auth/token", json=_body(login, "whatever-it-is"))
        assert r.status_code == 401 and _code(r) == "auth.bad_credentials"
        assert spy.verified == [security._DUMMY_HASH], login
    # An existing account is verified against its own hash, once: same work either way.
    spy.verified.clear()
    r = await api.api.post("/api/v1/auth/token", json=_body("b.mem3", "wrong"))
    assert r.status_code == 401
    assert len(spy.verified) == 1 and spy.verified[0] != security._DUMMY_HASH


async def test_memory_store_forgets_expired_entries(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random logins and addresses cannot grow the in-process store without bound."""
    monkeypatch.setattr(MemoryCounter, "SWEEP_EVERY", 8)
    store = MemoryCounter()
    limiter = FailureLimiter(store, POLICY, clock=clock)
    for i in range(8):
        await limiter.failed(f"random{i}", f"198.51.100.{i}")
    clock.advance(POLICY.failure_memory_seconds + POLICY.window_seconds)
    for i in range(8):
        await limiter.failed(f"fresh{i}", "192.0.2.1")
    assert set(store._accounts) == {f"acct:fresh{i}" for i in range(8)}
    assert set(store._windows) == {"ip:192.0.2.1"}
