"""Email over SMTP (aiosmtplib): STARTTLS or TLS, the platform's sender address with the
tenant's name as the sender's name, Chinese subject and body encoded (RFC 2047 headers, UTF-8
body). The effect key is the Message-ID, so a receiver can drop a message sent twice (mail leaves
the platform before the effect's transaction commits: see effects.py)."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any

import aiosmtplib

from core.jobs.effects import Effect, effect
from core.settings import JobsSettings, get_settings

__all__ = ["build_message", "send_mail"]


def build_message(
    settings: JobsSettings,
    to: list[str],
    subject: str,
    body: str,
    *,
    sender_name: str = "",
    key: str = "",
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = formataddr((sender_name, settings.smtp_sender), charset="utf-8")
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    domain = settings.smtp_sender.rsplit("@", 1)[-1] or "yishi"
    safe = "".join(c if c.isalnum() or c in ".-" else "." for c in key)
    msg["Message-ID"] = f"<{safe}@{domain}>" if key else make_msgid(domain=domain)
    msg.set_content(body, charset="utf-8")
    return msg


async def send_mail(settings: JobsSettings, msg: EmailMessage) -> Any:
    if not settings.smtp_host or not settings.smtp_sender:
        raise RuntimeError("SMTP is not configured (YISHI_SMTP_HOST, YISHI_SMTP_SENDER)")
    security = settings.smtp_security
    return await aiosmtplib.send(
        msg,
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        use_tls=security == "tls",
        start_tls=True if security == "starttls" else False,
        username=settings.smtp_user or None,
        password=settings.smtp_password or None,
        timeout=30,
    )


async def _sender_name(slug: str) -> str:
    from core.tenancy.tables import Tenant

    row = await Tenant.select(Tenant.name).where(Tenant.slug == slug).first()
    return str(row["name"]) if row else ""


@effect("mail.notify")
async def mail_notify(eff: Effect) -> None:
    """Payload: `to` (addresses), `subject`, `body`. Sent, then the key is recorded."""
    p = eff.payload
    settings = get_settings().jobs
    to = [str(a) for a in p.get("to", [])]
    msg = build_message(
        settings,
        to,
        str(p.get("subject", "")),
        str(p.get("body", "")),
        sender_name=str(p.get("sender_name") or await _sender_name(eff.tenant)),
        key=eff.key,
    )
    await send_mail(settings, msg)
