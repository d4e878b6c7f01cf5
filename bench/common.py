"""What the benchmarks share: server processes, the load generator, cleanup, tables."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
#: The console script installed next to this interpreter (the README's `yishi`).
YISHI = Path(sys.executable).with_name("yishi")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without any YISHI_ variable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YISHI_")}
    env.update(extra)
    return env


class Cleanup:
    """Everything a benchmark started or created, undone in reverse order on exit, Ctrl-C or
    SIGTERM (each step once, a failing step never skipping the others)."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, Callable[[], Any]]] = []

    def add(self, what: str, step: Callable[[], Any]) -> None:
        self._steps.append((what, step))

    def tempdir(self, prefix: str) -> Path:
        path = Path(tempfile.mkdtemp(prefix=prefix))
        self.add(f"remove {path}", lambda: shutil.rmtree(path, ignore_errors=True))
        return path

    def run(self) -> None:
        while self._steps:
            what, step = self._steps.pop()
            try:
                result = step()
                if asyncio.iscoroutine(result):
                    asyncio.run(result)
            except BaseException as exc:  # report and go on cleaning
                print(f"  cleanup: {what} failed: {exc!r}", file=sys.stderr)


@contextmanager
def cleaning() -> Iterator[Cleanup]:
    """A `Cleanup` run at the end of the block, also on Ctrl-C and on SIGTERM."""
    cleanup = Cleanup()

    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield cleanup
    finally:
        cleanup.run()
        signal.signal(signal.SIGTERM, previous)


@dataclass
class Server:
    """A server process in a process group of its own, stopped with the whole group."""

    name: str
    argv: list[str]
    env: dict[str, str]
    port: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, cleanup: Cleanup, ready: str = "/healthz", timeout: float = 180) -> Server:
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(  # noqa: S603 - our own argv
                self.argv,
                env=self.env,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        cleanup.add(f"stop {self.name}", self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + ready, timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None:
                tail = self.log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{self.name} exited during start-up:\n{tail}")
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer {ready} within {timeout} s")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        pgid = self.proc.pid  # start_new_session: the group id is the leader's pid
        try:
            os.killpg(pgid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        except ProcessLookupError:
            pass


# --- load ------------------------------------------------------------------------------------


@dataclass
class Load:
    """What one endpoint is asked: method, path, headers, body; `lua` replaces the request
    (each call different, e.g. a write whose value must change)."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    lua: str | None = None  # a Lua `request = function() … end`, for wrk


@dataclass
class Result:
    rps: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers, socket errors, timeouts


_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nBENCH {"requests": %d, "duration_us": %d, "p99_us": %.1f, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _lua_string(s: str) -> str:
    return json.dumps(s)  # a JSON string literal is a valid Lua string literal here (ASCII)


def _wrk_script(load: Load) -> str:
    lines = [f"wrk.method = {_lua_string(load.method)}"]
    for k, v in load.headers.items():
        lines.append(f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}")
    if load.body is not None:
        lines.append(f"wrk.body = {_lua_string(load.body)}")
    if load.lua:
        lines.append(load.lua)
    return "\n".join(lines) + "\n" + _DONE


class Generator:
    """wrk with `connections` connections on 2 threads, or (without wrk) a bounded asyncio httpx
    client with as many concurrent connections."""

    def __init__(self, workdir: Path, connections: int = 32, threads: int = 2) -> None:
        self.workdir = workdir
        self.connections = connections
        self.threads = threads
        self.wrk = shutil.which("wrk")
        self.name = (
            f"wrk ({self.connections} connections, {self.threads} threads)"
            if self.wrk
            else f"httpx asyncio client ({self.connections} connections; wrk not found)"
        )
        self._n = 0

    def run(self, base: str, load: Load, seconds: float) -> Result:
        if self.wrk:
            return self._wrk(base, load, seconds)
        return asyncio.run(self._httpx(base, load, seconds))

    def _wrk(self, base: str, load: Load, seconds: float) -> Result:
        self._n += 1
        script = self.workdir / f"load{self._n}.lua"
        script.write_text(_wrk_script(load))
        argv = [
            str(self.wrk),
            f"-t{self.threads}",
            f"-c{self.connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base + load.path,
        ]
        out = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603
        for line in out.stdout.splitlines():
            if line.startswith("BENCH "):
                data = json.loads(line[6:])
                return Result(
                    rps=data["requests"] / (data["duration_us"] / 1e6),
                    p99_ms=data["p99_us"] / 1000,
                    requests=data["requests"],
                    errors=data["errors"],
                )
        raise RuntimeError(f"wrk gave no summary: {out.stdout}\n{out.stderr}")

    async def _httpx(self, base: str, load: Load, seconds: float) -> Result:
        if load.lua:
            raise RuntimeError("this load needs wrk (a Lua request script): apt-get install wrk")
        latencies: list[float] = []
        errors = 0
        limits = httpx.Limits(
            max_connections=self.connections, max_keepalive_connections=self.connections
        )
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
            end = time.perf_counter() + seconds

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < end:
                    t = time.perf_counter()
                    try:
                        r = await client.request(
                            load.method, load.path, headers=load.headers, content=load.body
                        )
                        if r.status_code >= 400:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    latencies.append(time.perf_counter() - t)

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(self.connections)))
            took = time.perf_counter() - start
        latencies.sort()
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0
        return Result(len(latencies) / took, p99 * 1000, len(latencies), errors)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- tables ----------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (readable in a terminal and pasted into the README as it is)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(headers), "| " + " | ".join("-" * w for w in widths) + " |"]
    out += [line(r) for r in rows]
    return "\n".join(out)


def fmt(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"
