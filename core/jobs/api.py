"""The in-app inbox: `/api/v1/t/{tenant}/inbox` (one's own notices), and sending notices."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.params import JSONBody, QueryParameter

from core.access.permissions import MEMBERS_WRITE, TENANT_READ
from core.api import context_of
from core.errors import InvalidInput, NotFound
from core.jobs.channels import do_mark_read, do_send_notice, inbox_of, unread_count
from core.tenancy.tables import Person

__all__ = ["InboxController", "WebhooksController"]

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Body = Annotated[str, msgspec.Meta(max_length=5000)]
Ref = Annotated[str, msgspec.Meta(max_length=100)]
Ids = Annotated[
    list[Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]], msgspec.Meta(max_length=500)
]


class InboxItemOut(msgspec.Struct):
    id: int
    topic: str
    title: str
    body: str
    about: str
    created_at: datetime
    read_at: datetime | None


class UnreadOut(msgspec.Struct):
    unread: int


class ReadIn(msgspec.Struct, forbid_unknown_fields=True):
    #: The items to mark read; absent: every unread item.
    ids: Ids | None = None


class ReadOut(msgspec.Struct):
    marked: int


class NoticeIn(msgspec.Struct, forbid_unknown_fields=True):
    person_ids: Annotated[Ids, msgspec.Meta(min_length=1)]
    title: Title
    body: Body = ""
    ref: Ref = ""


class NoticeOut(msgspec.Struct):
    queued: int


async def _me(request: Request[Any, Any, Any]) -> int:
    actor = context_of(request).actor()
    row = await Person.select(Person.id).where(Person.account_id == actor.account_id).first()
    if actor.account_id is None or row is None:
        raise NotFound()
    return int(row["id"])


class InboxController(Controller):
    path = "/api/v1/t/{tenant:str}/inbox"
    tags = ["inbox 站内通知"]

    @get("/", opt={"permission": TENANT_READ}, summary="我的通知 My notices")
    async def index(
        self,
        request: Request[Any, Any, Any],
        unread: Annotated[bool, QueryParameter()] = False,
    ) -> list[InboxItemOut]:
        rows = await inbox_of(await _me(request), unread_only=unread)
        return [msgspec.convert(r, InboxItemOut) for r in rows]

    @get("/unread", opt={"permission": TENANT_READ}, summary="未读数 Unread count")
    async def unread(self, request: Request[Any, Any, Any]) -> UnreadOut:
        return UnreadOut(await unread_count(await _me(request)))

    @post("/read", opt={"permission": TENANT_READ}, status_code=200, summary="标为已读 Mark read")
    async def read(self, request: Request[Any, Any, Any], data: JSONBody[ReadIn]) -> ReadOut:
        me = await _me(request)
        actor = context_of(request).actor()
        return ReadOut(await do_mark_read(actor, me, data.ids))

    @post(
        "/notices",
        opt={"permission": MEMBERS_WRITE},
        status_code=201,
        summary="发送站内通知 Send a notice",
        description="每位收件人一条发件箱记录，提交后投递。One outbox row per recipient, "
        "delivered after the commit.",
    )
    async def send(self, request: Request[Any, Any, Any], data: JSONBody[NoticeIn]) -> NoticeOut:
        ids = sorted(set(data.person_ids))
        found = {r["id"] for r in await Person.select(Person.id).where(Person.id.is_in(ids))}
        if missing := [i for i in ids if i not in found]:
            raise InvalidInput(fields={"person_ids": f"不存在 not found: {missing[:10]}"})
        actor = context_of(request).actor()
        return NoticeOut(await do_send_notice(actor, ids, data.title, data.body, data.ref))


class EndpointIn(msgspec.Struct, forbid_unknown_fields=True):
    url: Annotated[str, msgspec.Meta(pattern=r"^https?://", max_length=500)]
    secret: Annotated[str, msgspec.Meta(min_length=16, max_length=200)]
    topics: Annotated[str, msgspec.Meta(max_length=500)] = "*"
    #: "" for the unit itself, or the oversight body's slug.
    audience: Annotated[str, msgspec.Meta(max_length=40)] = ""


class EndpointOut(msgspec.Struct):
    id: int
    url: str
    topics: str
    audience: str
    active: bool


class DeliveryOut(msgspec.Struct):
    id: int
    endpoint_id: int
    key: str
    topic: str
    status: int
    error: str
    at: datetime


class WebhooksController(Controller):
    path = "/api/v1/t/{tenant:str}/webhooks"
    tags = ["webhooks 回调"]

    @get("/", opt={"permission": MEMBERS_WRITE}, summary="回调地址 Webhook endpoints")
    async def index(self) -> list[EndpointOut]:
        from core.jobs.tables import WebhookEndpoint as E

        rows = await E.select(E.id, E.url, E.topics, E.audience, E.active).order_by(E.id)
        return [msgspec.convert(r, EndpointOut) for r in rows]

    @post("/", opt={"permission": MEMBERS_WRITE}, status_code=201, summary="添加回调 Add one")
    async def add(self, request: Request[Any, Any, Any], data: JSONBody[EndpointIn]) -> EndpointOut:
        from core.audit.actions import tenant_action
        from core.jobs.tables import WebhookEndpoint as E

        actor = context_of(request).actor()
        async with tenant_action(actor, "webhook.add", data.url, audience=data.audience):
            row = E(url=data.url, secret=data.secret, topics=data.topics, audience=data.audience)
            await row.save()
        return EndpointOut(row.id, data.url, data.topics, data.audience, True)

    @get("/deliveries", opt={"permission": MEMBERS_WRITE}, summary="投递记录 Delivery log")
    async def deliveries(self) -> list[DeliveryOut]:
        from core.jobs.tables import WebhookDelivery as D

        rows = await D.select().order_by(D.id, ascending=False).limit(200)
        return [msgspec.convert(r, DeliveryOut) for r in rows]
