"""Channels: the inbox API, mail to a real local SMTP server (aiosmtpd), signed webhooks."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from core.audit.actions import tenant_action
from core.jobs.runtime import Jobs
from core.jobs.tables import WebhookDelivery, WebhookEndpoint
from core.jobs.webhooks import WebhookRejected, sign, signed_headers, verify
from core.settings import get_settings
from core.tenancy.context import bind_slug
from tests.jobs.conftest import JobsWorld, jobs_settings
from tests.jobs.helpers import ACTOR, open_rows, wait_until


async def test_inbox_list_unread_and_mark_read(jw: JobsWorld) -> None:
    assert jw.client is not None
    admin = await jw.token("a.admin", "alpha")
    me = await jw.token("a.mem", "alpha")
    mem = jw.people["alpha"]["a.mem"]
    jobs = Jobs(jobs_settings())
    await jobs.start()
    try:
        r = await jw.client.post(
            "/api/v1/t/alpha/inbox/notices",
            json={
                "person_ids": [mem],
                "title": "党组会议通知",
                "body": "周三上午九点",
                "ref": "m:1",
            },
            headers=admin,
        )
        assert r.status_code == 201, r.text
        r = await jw.client.post(
            "/api/v1/t/alpha/inbox/notices", json={"person_ids": [mem], "title": "x"}, headers=me
        )
        assert r.status_code == 403, r.text  # sending needs the unit admin
        await wait_until(lambda: _none_open("alpha"), timeout=10)
    finally:
        await jobs.stop()
    r = await jw.client.get("/api/v1/t/alpha/inbox/unread", headers=me)
    assert r.status_code == 200 and r.json()["unread"] >= 1
    items = (await jw.client.get("/api/v1/t/alpha/inbox?unread=true", headers=me)).json()
    assert any(i["title"] == "党组会议通知" and i["about"] == "m:1" for i in items)
    r = await jw.client.post("/api/v1/t/alpha/inbox/read", json={}, headers=me)
    assert r.status_code == 200 and r.json()["marked"] == len(items)
    r = await jw.client.get("/api/v1/t/alpha/inbox/unread", headers=me)
    assert r.json()["unread"] == 0
    # the admin's own inbox is not the member's
    r = await jw.client.get("/api/v1/t/alpha/inbox", headers=admin)
    assert r.status_code == 200 and all(i["about"] != "m:1" for i in r.json())


async def _none_open(slug: str) -> bool:
    return await open_rows(slug) == 0


class _Collect:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_mail_reaches_a_real_smtp_server_with_chinese_encoded(
    jw: JobsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = _Collect()
    port = _free_port()
    smtp = Controller(handler, hostname="127.0.0.1", port=port)
    smtp.start()
    monkeypatch.setenv("YISHI_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("YISHI_SMTP_PORT", str(port))
    monkeypatch.setenv("YISHI_SMTP_SECURITY", "none")
    monkeypatch.setenv("YISHI_SMTP_SENDER", "noreply@yishi.example")
    get_settings.cache_clear()
    jobs = Jobs(jobs_settings())
    await jobs.start()
    try:
        async with bind_slug("alpha"):
            async with tenant_action(ACTOR, "test.mail") as act:
                act.emit(
                    "mail.notify",
                    to=["member@example.cn"],
                    subject="关于召开党组会议的通知",
                    body="定于十月十二日上午九时召开党组会议，请准时出席。",
                )
        await wait_until(lambda: _none_open("alpha"), timeout=10)
    finally:
        await jobs.stop()
        smtp.stop()
        get_settings.cache_clear()
    assert len(handler.messages) == 1
    raw = handler.messages[0].content
    assert all(b < 128 for b in raw.split(b"\r\n\r\n", 1)[0])  # headers are 7-bit (RFC 2047)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "关于召开党组会议的通知"
    assert "测试甲单位党组" in str(msg["From"]) and "noreply@yishi.example" in str(msg["From"])
    assert "请准时出席" in msg.get_content()
    assert msg["Message-ID"].startswith("<outbox.")


# --- webhooks -----------------------------------------------------------------------------------

SECRET = "s3cret-of-the-endpoint-0123456789"


def test_the_receiver_rejects_tampered_stale_and_replayed_deliveries() -> None:
    body = b'{"event":"decision.recorded","tenant":"alpha"}'
    headers = signed_headers(SECRET, body, "outbox:7:1:webhook:1", now=1_800_000_000)
    accepted: set[str] = set()

    def seen(delivery: str) -> bool:
        if delivery in accepted:
            return True
        accepted.add(delivery)
        return False

    assert verify(SECRET, headers, body, seen=seen, now=1_800_000_010) == "outbox:7:1:webhook:1"
    with pytest.raises(WebhookRejected, match="replayed"):
        verify(SECRET, headers, body, seen=seen, now=1_800_000_020)
    with pytest.raises(WebhookRejected, match="bad signature"):
        verify(SECRET, headers, body.replace(b"alpha", b"beta"), seen=seen, now=1_800_000_010)
    with pytest.raises(WebhookRejected, match="bad signature"):
        verify("another-secret-0123456789", headers, body, seen=seen, now=1_800_000_010)
    forged = dict(headers, **{"x-yishi-timestamp": "1800000100"})  # re-dated, old signature
    with pytest.raises(WebhookRejected, match="bad signature"):
        verify(SECRET, forged, body, seen=lambda _: False, now=1_800_000_100)
    with pytest.raises(WebhookRejected, match="tolerance"):
        verify(SECRET, headers, body, seen=lambda _: False, now=1_800_001_000)
    assert headers["x-yishi-signature"] == sign(SECRET, 1_800_000_000, body)


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A real HTTP receiver that verifies each delivery and fails the first one (HTTP 500)."""
    got: list[dict[str, Any]] = []
    accepted: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            try:
                delivery = verify(SECRET, dict(self.headers), body, seen=lambda d: d in accepted)
                ok = len(got) > 0  # the first delivery fails, to be retried
                got.append({"delivery": delivery, "body": json.loads(body), "ok": ok})
                if ok:
                    accepted.add(delivery)
                self.send_response(200 if ok else 500)
            except WebhookRejected:
                self.send_response(401)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", got
    server.shutdown()


async def test_a_webhook_is_signed_retried_with_backoff_and_logged(
    jw: JobsWorld, receiver: tuple[str, list[dict[str, Any]]]
) -> None:
    url, got = receiver
    assert jw.client is not None
    admin = await jw.token("b.admin", "beta")
    r = await jw.client.post(
        "/api/v1/t/beta/webhooks",
        json={"url": url, "secret": SECRET, "topics": "decision.recorded"},
        headers=admin,
    )
    assert r.status_code == 201, r.text
    jobs = Jobs(jobs_settings(max_retries=3, min_backoff_ms=100, max_backoff_ms=300))
    await jobs.start()
    try:
        async with bind_slug("beta"):
            async with tenant_action(ACTOR, "test.webhook") as act:
                act.emit("webhook.event", event="decision.recorded", decision_id=5)
                act.emit("webhook.event", event="other.topic", decision_id=6)
        await wait_until(lambda: _none_open("beta"), timeout=15)
    finally:
        await jobs.stop()
        async with bind_slug("beta"):
            await WebhookEndpoint.update({WebhookEndpoint.active: False}).where(
                WebhookEndpoint.url == url
            )
    assert [g["ok"] for g in got] == [False, True]  # failed once, retried, then accepted
    assert got[0]["delivery"] == got[1]["delivery"]  # the same delivery id on the retry
    assert got[1]["body"]["data"]["decision_id"] == 5 and got[1]["body"]["tenant"] == "beta"
    log = (await jw.client.get("/api/v1/t/beta/webhooks/deliveries", headers=admin)).json()
    assert [d["status"] for d in log][:2] == [200, 500]
    async with bind_slug("beta"):
        assert await WebhookDelivery.count() >= 2
