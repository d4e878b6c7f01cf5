"""Real brokers for the jobs tests: a RabbitMQ vhost and a Redis namespace of their own.

Under `CI=true` RabbitMQ and Redis are mandatory (their absence fails the test); otherwise a test
that needs one is skipped with the reason. Vhosts are created with `rabbitmqctl` (or the HTTP
API) and deleted after; Redis keys under the namespace are deleted after.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

RABBIT_HOST = os.environ.get("YISHI_TEST_RABBITMQ_HOST", "127.0.0.1")
RABBIT_PORT = int(os.environ.get("YISHI_TEST_RABBITMQ_PORT", "5672"))
REDIS_URL = os.environ.get("YISHI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _missing(what: str, why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {what} is mandatory: {why}")
    pytest.skip(f"{what} not available: {why}")


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(
        [shutil.which("rabbitmqctl") or "rabbitmqctl", *args],
        check=True,
        capture_output=True,
        timeout=60,
    )


@contextmanager
def rabbit_vhost() -> Iterator[str]:
    """An AMQP URL on a fresh vhost of the local RabbitMQ (guest/guest), deleted after."""
    if not _port_open(RABBIT_HOST, RABBIT_PORT):
        _missing("RabbitMQ", f"nothing listens on {RABBIT_HOST}:{RABBIT_PORT}")
    if shutil.which("rabbitmqctl") is None:
        _missing("RabbitMQ", "rabbitmqctl not found (needed to create a vhost)")
    vhost = f"yishi_test_{secrets.token_hex(4)}"
    _rabbitmqctl("add_vhost", vhost)
    try:
        _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield f"amqp://guest:guest@{RABBIT_HOST}:{RABBIT_PORT}/{vhost}"
    finally:
        _rabbitmqctl("delete_vhost", vhost)


@contextmanager
def redis_namespace() -> Iterator[tuple[str, str]]:
    """(Redis URL, a namespace of its own); its keys deleted after."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except Exception as exc:
        _missing("Redis", f"{REDIS_URL}: {exc}")
    namespace = f"yishi-test-{secrets.token_hex(4)}"
    try:
        yield REDIS_URL, namespace
    finally:
        keys = list(client.scan_iter(match=f"{namespace}*", count=1000))
        if keys:
            client.delete(*keys)
        client.close()


class TcpProxy:
    """A local TCP proxy the test starts and stops, to cut a connection to a real server."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.server: asyncio.base_events.Server | None = None
        self.port = 0
        self._conns: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except Exception:  # noqa: S110
            pass
        finally:
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._conns.update({writer, up_writer})
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        self._conns.difference_update({writer, up_writer})

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Cut: stop listening and drop every open connection."""
        if self.server is not None:
            self.server.close()
            for w in list(self._conns):
                w.transport.abort()
            self._conns.clear()
            await self.server.wait_closed()
            self.server = None
