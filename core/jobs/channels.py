"""Channels: where an effect reaches people. The in-app inbox (tenant storage) here; mail and
webhooks in `mail.py` and `webhooks.py`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.audit.actions import Actor, tenant_action
from core.jobs.effects import Effect, effect
from core.jobs.tables import InboxItem

__all__ = ["do_mark_read", "do_send_notice", "inbox_of", "unread_count"]


@effect("inbox.notify")
async def inbox_notify(eff: Effect) -> None:
    """One inbox item for `person_id`, written with the effect's key (once)."""
    p = eff.payload
    async with eff.write():
        await InboxItem.insert(
            InboxItem(
                person_id=int(p["person_id"]),
                topic=str(p.get("kind", "notice"))[:80],
                title=str(p.get("title", ""))[:200],
                body=str(p.get("body", "")),
                about=str(p.get("ref", ""))[:100],
                key=eff.key,
            )
        )


async def do_send_notice(
    actor: Actor, person_ids: list[int], title: str, body: str = "", ref: str = ""
) -> int:
    """Queue an inbox notice for each person (bound tenant): one outbox row each."""
    async with tenant_action(actor, "inbox.send", ref, people=len(person_ids)) as act:
        for pid in person_ids:
            act.emit("inbox.notify", person_id=pid, title=title, body=body, ref=ref)
    return len(person_ids)


async def inbox_of(person_id: int, *, unread_only: bool = False, limit: int = 100) -> list[Any]:
    query = InboxItem.select(
        InboxItem.id,
        InboxItem.topic,
        InboxItem.title,
        InboxItem.body,
        InboxItem.about,
        InboxItem.created_at,
        InboxItem.read_at,
    ).where(InboxItem.person_id == person_id)
    if unread_only:
        query = query.where(InboxItem.read_at.is_null())
    return await query.order_by(InboxItem.id, ascending=False).limit(limit)


async def unread_count(person_id: int) -> int:
    return await InboxItem.count().where(
        (InboxItem.person_id == person_id) & InboxItem.read_at.is_null()
    )


async def do_mark_read(actor: Actor, person_id: int, item_ids: list[int] | None) -> int:
    """Mark the person's items read (all unread when `item_ids` is None); how many changed."""
    async with tenant_action(actor, "inbox.read", f"person:{person_id}"):
        where = (InboxItem.person_id == person_id) & InboxItem.read_at.is_null()
        if item_ids is not None:
            where = where & InboxItem.id.is_in(item_ids or [0])
        changed = (
            await InboxItem.update({InboxItem.read_at: datetime.now(UTC)})
            .where(where)
            .returning(InboxItem.id)
        )
    return len(changed)
