"""SQLite connections are pooled per file like PostgreSQL's: at most the pool's size open, the
next caller waits for one to come back (never forever), and none outlives its file."""

from __future__ import annotations

import asyncio
from pathlib import Path

from core.tenancy.storage import SQLITE_KWARGS, PlatformSQLiteEngine


def _engine(tmp_path: Path, size: int) -> PlatformSQLiteEngine:
    engine = PlatformSQLiteEngine(path=str(tmp_path / "p.sqlite"), **SQLITE_KWARGS)
    engine.max_idle, engine.max_idle_total = size, 4 * size
    return engine


async def test_a_caller_beyond_the_size_waits_for_a_connection(tmp_path: Path) -> None:
    engine = _engine(tmp_path, 2)
    first, second = await engine.get_connection(), await engine.get_connection()
    third = asyncio.ensure_future(engine.get_connection())
    await asyncio.sleep(0.05)
    assert not third.done()  # waits: two are open on the file
    await engine.release(first)
    assert await asyncio.wait_for(third, 2) is first  # handed straight over
    await engine.release(second)
    await engine.release(first)
    assert len(engine._idle[str(tmp_path / "p.sqlite")]) == 2
    await engine.close_idle()


async def test_a_waiter_is_never_stuck(tmp_path: Path) -> None:
    engine = _engine(tmp_path, 1)
    engine.WAIT_SECONDS = 0.1
    held = await engine.get_connection()
    extra = await asyncio.wait_for(engine.get_connection(), 2)  # opened beyond the size
    assert extra is not held
    await engine.release(extra)
    await engine.release(held)
    await engine.close_idle()


async def test_a_cancelled_waiter_loses_nothing(tmp_path: Path) -> None:
    engine = _engine(tmp_path, 1)
    held = await engine.get_connection()
    waiting = asyncio.ensure_future(engine.get_connection())
    await asyncio.sleep(0.02)
    waiting.cancel()
    await asyncio.sleep(0.02)
    await engine.release(held)  # no one waits any more: back to idle
    assert engine._idle[str(tmp_path / "p.sqlite")] == [held]
    assert await engine.get_connection() is held
    await engine.release(held)
    await engine.close_idle()


async def test_a_removed_file_gets_new_connections(tmp_path: Path) -> None:
    engine = _engine(tmp_path, 2)
    path = str(tmp_path / "p.sqlite")
    old = await engine.get_connection()
    await engine.close_idle(path)  # the file is removed (tenant deleted)
    await engine.release(old)  # closed, not pooled for a new file of that name
    assert engine._idle.get(path, []) == []
    assert engine._open.get(path, 0) == 0


async def test_writers_of_one_file_take_turns_in_order(tmp_path: Path) -> None:
    from piccolo.engine.sqlite import TransactionType

    engine = _engine(tmp_path, 4)
    order: list[str] = []

    async def write(name: str, hold: float) -> None:
        async with engine.transaction(transaction_type=TransactionType.immediate):
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")

    await asyncio.gather(write("a", 0.05), write("b", 0), write("c", 0))
    assert order == ["a in", "a out", "b in", "b out", "c in", "c out"]
    async with engine.transaction():  # readers never wait for the turn
        pass
    await engine.close_idle()
