"""Webhooks per tenant and per oversight body, signed with HMAC-SHA256 over timestamp and body.

A delivery is `POST <url>` with the JSON body and the headers
`X-Yishi-Timestamp: <unix seconds>`, `X-Yishi-Signature: v1=<hex HMAC-SHA256(secret,
"<timestamp>." + body)>` and `X-Yishi-Delivery: <key>` (the same on every retry). A failing
endpoint makes the effect fail: dramatiq retries it with exponential backoff, then dead-letters it;
an endpoint already served is not posted to again (its own key). Every attempt is logged
(`webhook_delivery`), which the unit admin reads. `verify` is the receiver's side: it rejects a
wrong signature, a timestamp outside the tolerance and a delivery id seen before (a replay).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
import msgspec

from core.audit.actions import write_transaction
from core.jobs.effects import Effect, effect
from core.jobs.tables import DeliveredEffect, WebhookDelivery, WebhookEndpoint

__all__ = ["WebhookRejected", "sign", "signed_headers", "verify"]

TOLERANCE_SECONDS = 300


class WebhookRejected(Exception):
    pass


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


def signed_headers(
    secret: str, body: bytes, delivery: str, now: float | None = None
) -> dict[str, str]:
    ts = int(now if now is not None else time.time())
    return {
        "content-type": "application/json",
        "x-yishi-timestamp": str(ts),
        "x-yishi-signature": sign(secret, ts, body),
        "x-yishi-delivery": delivery,
    }


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    seen: Callable[[str], bool],
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> str:
    """Check a delivery as its receiver; the delivery id, or `WebhookRejected`.

    `seen(delivery_id)` answers whether that id was accepted before (and remembers it): a
    replayed delivery, even correctly signed and in time, is rejected."""
    h = {k.lower(): v for k, v in headers.items()}
    try:
        ts = int(h.get("x-yishi-timestamp", ""))
    except ValueError:
        raise WebhookRejected("no timestamp") from None
    if abs((now if now is not None else time.time()) - ts) > tolerance:
        raise WebhookRejected("timestamp outside the tolerance")
    expected = sign(secret, ts, body)
    if not hmac.compare_digest(expected, h.get("x-yishi-signature", "")):
        raise WebhookRejected("bad signature")
    delivery = h.get("x-yishi-delivery", "")
    if not delivery or seen(delivery):
        raise WebhookRejected("replayed delivery")
    return delivery


def _wants(endpoint: dict[str, Any], topic: str, audience: str) -> bool:
    topics = {t.strip() for t in endpoint["topics"].split(",") if t.strip()}
    return endpoint["audience"] == audience and ("*" in topics or topic in topics)


async def _log(endpoint_id: int, key: str, topic: str, status: int, error: str) -> None:
    await WebhookDelivery.insert(
        WebhookDelivery(endpoint_id=endpoint_id, key=key, topic=topic, status=status, error=error)
    )


@effect("webhook.event")
async def webhook_event(eff: Effect) -> None:
    """Payload: `event` (a topic name), `audience` ("" or an oversight body), ids."""
    event = str(eff.payload.get("event", ""))
    audience = str(eff.payload.get("audience", ""))
    endpoints = await WebhookEndpoint.select().where(WebhookEndpoint.active.eq(True))
    body = msgspec.json.encode({"event": event, "tenant": eff.tenant, "data": eff.payload})
    failures = []
    async with httpx.AsyncClient(timeout=10) as client:
        for ep in endpoints:
            if not _wants(ep, event, audience):
                continue
            key = f"{eff.key}:webhook:{ep['id']}"
            if await DeliveredEffect.exists().where(DeliveredEffect.key == key):
                continue  # served on an earlier attempt
            status, error = 0, ""
            try:
                r = await client.post(
                    ep["url"], content=body, headers=signed_headers(ep["secret"], body, key)
                )
                status = r.status_code
                if status >= 300:
                    error = f"HTTP {status}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
            await _log(ep["id"], key, event, status, error)
            if error:
                failures.append(f"{ep['url']}: {error}")
                continue
            async with write_transaction(DeliveredEffect._meta.db):
                await DeliveredEffect.insert(DeliveredEffect(key=key, outbox_id=eff.row_id))
    if failures:
        raise RuntimeError("webhook delivery failed: " + "; ".join(failures))
