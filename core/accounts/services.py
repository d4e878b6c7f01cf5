"""Accounts, sign-in, API tokens and cookie sessions; writes go through `platform_action`."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from core.access.permissions import PLATFORM_ACCOUNTS_WRITE
from core.accounts.ratelimit import FailureLimiter
from core.accounts.security import (
    DEMO_PASSWORD,
    hash_password,
    hash_secret,
    needs_rehash,
    new_secret,
    verify_password,
)
from core.accounts.tables import (
    Account,
    ApiToken,
    OversightBody,
    OversightReader,
    PasswordReset,
    WebSession,
)
from core.audit.actions import Actor, current_action, platform_action
from core.caching import PRINCIPALS, announce
from core.errors import (
    AccountDisabled,
    AuthRequired,
    BadCredentials,
    Conflict,
    CurrentPasswordWrong,
    InvalidInput,
    NotFound,
    PermissionDenied,
    TenantSuspended,
    TokenExpired,
    TokenInvalid,
    TokenRevoked,
)
from core.prepared import Prepared

__all__ = [
    "LOGIN_PATTERN",
    "SCOPE_KINDS",
    "Principal",
    "account_by_login",
    "authenticate_bearer",
    "authenticate_session",
    "check_new_password",
    "do_change_password",
    "do_create_account",
    "do_create_session",
    "do_disable_account",
    "do_enable_account",
    "do_end_session",
    "do_issue_token",
    "do_revoke_any_token",
    "do_revoke_token",
    "do_set_password",
    "end_access",
    "list_tokens",
    "parse_scope",
    "sign_in",
    "store_password",
]

SCOPE_KINDS = ("tenant", "oversight", "platform")
#: What a new login may look like (existing ones are looked up as given).
LOGIN_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$"
MIN_PASSWORD = 10
LAST_USED_GRANULARITY = timedelta(minutes=5)


def _announce_principals() -> Any:
    """After a revocation, sign-out, password change or (en/dis)abling: every process forgets
    the callers it remembers (core/caching.py)."""
    return announce("principals")


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller of one request."""

    account_id: int
    login: str
    display_name: str
    is_operator: bool
    #: "session" for a cookie session (no scope limit), else the token's scope kind.
    via: str
    scope: str = ""
    csrf_token: str = ""
    token_id: int | None = None

    @property
    def scope_label(self) -> str:
        return self.via if self.via in ("session", "platform") else f"{self.via}:{self.scope}"

    @property
    def operator_power(self) -> bool:
        """An operator acts as one only through a platform token or a cookie session: an
        operator's tenant or oversight token carries no platform power at all."""
        return self.is_operator and self.via in ("session", "platform")


def _is_system(actor: Actor) -> bool:
    """The command line and other in-process callers (no account, role `system`)."""
    return actor.account_id is None and "system" in actor.roles


def _require_platform(actor: Actor) -> None:
    if not (actor.is_operator or _is_system(actor)):
        raise PermissionDenied(permission=str(PLATFORM_ACCOUNTS_WRITE))


def parse_scope(value: str) -> tuple[str, str]:
    """`tenant:<slug>`, `oversight:<slug>` or `platform` → (kind, scope)."""
    kind, _, scope = value.partition(":")
    if kind not in SCOPE_KINDS or (kind != "platform") != bool(scope):
        raise InvalidInput(
            "令牌范围应为 tenant:<单位标识>、oversight:<监督机构标识> 或 platform。",
            "Scope must be tenant:<slug>, oversight:<slug> or platform.",
            fields={"scope": value},
        )
    return kind, scope


async def account_by_login(login: str) -> dict[str, Any] | None:
    return (
        await Account.select()
        .where(  # type: ignore[no-any-return]
            Account.login == login.strip()
        )
        .first()
    )


@lru_cache(maxsize=1)
def _demo_hash() -> str:
    """The demo password is public anyway; hashing it once keeps onboarding demo tenants fast."""
    return hash_password(DEMO_PASSWORD)


async def do_create_account(
    login: str,
    display_name: str,
    *,
    actor: Actor,
    password: str | None = None,
    demo: bool = False,
    is_operator: bool = False,
    email: str = "",
    tenant: str = "",
) -> dict[str, Any]:
    login = login.strip()
    if not login or len(login) > 100:
        raise InvalidInput(fields={"login": "1–100 characters"})
    async with platform_action(
        actor,
        "account.create",
        f"account:{login}",
        tenant=tenant,
        display_name=display_name,
        is_operator=is_operator,
    ) as act:
        if await Account.exists().where(Account.login == login):
            raise Conflict("账号 {login} 已存在。", "Account {login} already exists.", login=login)
        stored = _demo_hash() if demo else (hash_password(password) if password else "")
        row = Account(
            login=login,
            display_name=display_name,
            email=email,
            password_hash=stored,
            password_is_demo=demo,
            is_operator=is_operator,
        )
        await row.save()
        act.target = f"account:{row.id}"
    return await Account.select().where(Account.id == row.id).first()  # type: ignore[return-value]


def check_new_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD or password == DEMO_PASSWORD:
        raise InvalidInput(
            "密码至少 {n} 个字符，且不能是演示密码。",
            "The password needs at least {n} characters and must not be the demo password.",
            fields={field: f">= {MIN_PASSWORD} characters"},
            n=MIN_PASSWORD,
        )


async def end_access(
    account_id: int, *, keep_token_id: int | None = None, keep_session_hash: str = ""
) -> tuple[int, int]:
    """Revoke the account's tokens and end its sessions (but the ones to keep); inside the
    caller's transaction. Returns (tokens revoked, sessions ended). Authenticated callers cached
    in this process are forgotten once the action commits."""
    current_action().after_commit(_announce_principals)
    tokens = (ApiToken.account == account_id) & ApiToken.revoked_at.is_null()
    if keep_token_id is not None:
        tokens &= ApiToken.id != keep_token_id
    sessions = (WebSession.account == account_id) & WebSession.revoked_at.is_null()
    if keep_session_hash:
        sessions &= WebSession.session_hash != keep_session_hash
    # An open password code would outlive the change it is meant to protect: it goes too.
    await PasswordReset.update({PasswordReset.used_at: now()}).where(
        (PasswordReset.account == account_id) & PasswordReset.used_at.is_null()
    )
    t = await ApiToken.update({ApiToken.revoked_at: now()}).where(tokens).returning(ApiToken.id)
    s = (
        await WebSession.update({WebSession.revoked_at: now()})
        .where(sessions)
        .returning(WebSession.id)
    )
    return len(t), len(s)


async def store_password(account_id: int, password: str) -> bool:
    updated = (
        await Account.update(
            {
                Account.password_hash: hash_password(password),
                Account.password_is_demo: False,
                Account.updated_at: now(),
            }
        )
        .where(Account.id == account_id)
        .returning(Account.id)
    )
    return bool(updated)


async def do_set_password(account_id: int, password: str, *, actor: Actor) -> None:
    """Set an account's password (command line, operators) and end every session and token it
    has, in the same transaction: whoever held them must sign in with the new password."""
    _require_platform(actor)
    check_new_password(password)
    async with platform_action(actor, "account.password", f"account:{account_id}") as act:
        if not await store_password(account_id, password):
            raise NotFound()
        t, s = await end_access(account_id)
        act.details.update(tokens_revoked=t, sessions_ended=s)


async def do_change_password(
    current_password: str,
    new_password: str,
    *,
    actor: Actor,
    limiter: FailureLimiter,
    keep_token_id: int | None = None,
    keep_session_secret: str = "",
) -> None:
    """The signed-in account changes its own password.

    The current password is checked through the sign-in throttle (a stolen session cannot
    guess it faster than a sign-in could). In one audited transaction the password changes and
    every other session and token of the account ends; the one making the request is kept.
    """
    if actor.account_id is None:
        raise AuthRequired()
    check_new_password(new_password, "new_password")
    account = await Account.select().where(Account.id == actor.account_id).first()
    if account is None:
        raise AuthRequired()
    await limiter.check(account["login"], actor.ip)
    if not verify_password(account["password_hash"], current_password):
        await limiter.failed(account["login"], actor.ip)
        raise CurrentPasswordWrong(fields={"current_password": "wrong"})
    await limiter.succeeded(account["login"], actor.ip)
    async with platform_action(actor, "account.password.change", f"account:{account['id']}") as act:
        await store_password(account["id"], new_password)
        t, s = await end_access(
            account["id"],
            keep_token_id=keep_token_id,
            keep_session_hash=hash_secret(keep_session_secret) if keep_session_secret else "",
        )
        act.details.update(tokens_revoked=t, sessions_ended=s)


async def do_disable_account(account_id: int, *, actor: Actor) -> None:
    """Disable an account and end every session and token it has, in the same transaction."""
    async with platform_action(actor, "account.disable", f"account:{account_id}") as act:
        updated = (
            await Account.update({Account.disabled: True, Account.updated_at: now()})
            .where(Account.id == account_id)
            .returning(Account.id)
        )
        if not updated:
            raise NotFound()
        t, s = await end_access(account_id)
        act.details.update(tokens_revoked=t, sessions_ended=s)


async def do_enable_account(account_id: int, *, actor: Actor) -> None:
    async with platform_action(actor, "account.enable", f"account:{account_id}") as act:
        act.after_commit(_announce_principals)
        updated = (
            await Account.update({Account.disabled: False, Account.updated_at: now()})
            .where(Account.id == account_id)
            .returning(Account.id)
        )
        if not updated:
            raise NotFound()


async def sign_in(
    login: str, password: str, *, ip: str, limiter: FailureLimiter, client: str = ""
) -> dict[str, Any]:
    """Check credentials through the throttle (growing delays per account, a limit per address).

    A missing login, or an account without a password, is verified against a dummy argon2 hash
    (`verify_password("")`), so every wrong answer costs the same time.
    """
    await limiter.check(login, ip)
    account = await Account.select().where(Account.login == login.strip()).first()
    stored = account["password_hash"] if account is not None else ""
    if not verify_password(stored, password) or account is None:
        await limiter.failed(login, ip)
        raise BadCredentials()
    if account["disabled"]:
        raise AccountDisabled()
    await limiter.succeeded(login, ip)
    if needs_rehash(stored):
        await _do_rehash_password(account, password, ip=ip, client=client)
    return account  # type: ignore[no-any-return]


async def _do_rehash_password(
    account: dict[str, Any], password: str, *, ip: str, client: str
) -> None:
    """Store the password again under the current argon2 parameters, through the door.

    The meaning does not change (same password, stronger hash), but the stored hash does, and
    every write of the platform passes `platform_action`: the audit trail (and the
    tamper-evident records that later issues add there) must account for each change of
    `password_hash`, or a rehash would be indistinguishable from a write behind the door. The
    actor is the account itself, which has just proved the password in this request; this is
    rare (only when the parameters change), so the extra audit row costs nothing noticeable.
    """
    actor = Actor(account_id=account["id"], login=account["login"], ip=ip, client=client)
    async with platform_action(
        actor, "account.password.rehash", f"account:{account['id']}", reason="argon2 parameters"
    ):
        await Account.update({Account.password_hash: hash_password(password)}).where(
            (Account.id == account["id"]) & (Account.password_hash == account["password_hash"])
        )


async def _oversight_reader(account_id: int, body_slug: str) -> bool:
    body = (
        await OversightBody.select(OversightBody.id).where(OversightBody.slug == body_slug).first()
    )
    if body is None:
        return False
    return await OversightReader.exists().where(
        (OversightReader.body == body["id"]) & (OversightReader.account == account_id)
    )


async def do_issue_token(
    account: dict[str, Any],
    scope_kind: str,
    scope: str,
    *,
    actor: Actor,
    name: str = "",
    days: int = 90,
) -> tuple[str, dict[str, Any]]:
    """Issue a bearer token; the secret is returned once and stored only as a hash.

    Decided here: the actor is the account itself (just signed in) or the system; a tenant token
    needs a role in that (active) tenant, an oversight token a reader of that body, a platform
    token an operator. A tenant that does not exist and one without a role give the same answer;
    only a member of a suspended tenant is told it is suspended (423).
    """
    # core.tenancy imports this module, hence imported here.
    from core.tenancy.membership import roles_in
    from core.tenancy.registry import get_tenant

    if actor.account_id != account["id"] and not _is_system(actor):
        raise PermissionDenied(permission="signed_in")
    if scope_kind == "tenant":
        registered = await get_tenant(scope)
        if registered is None or not await roles_in(registered, account["id"]):
            raise Conflict(
                "该账号在此单位没有角色，无法签发令牌。", "This account has no role in that tenant."
            )
        if registered["status"] != "active":
            raise TenantSuspended()
    if scope_kind == "platform" and not account["is_operator"]:
        raise Conflict(
            "只有平台运维账号可以申请平台令牌。", "Only operator accounts can hold platform tokens."
        )
    if scope_kind == "oversight" and not await _oversight_reader(account["id"], scope):
        raise Conflict(
            "该账号不是此监督机构的读者。", "This account does not read for that oversight body."
        )
    if not 1 <= days <= 366:
        raise InvalidInput(fields={"days": "1–366"})
    secret = new_secret("ys")
    tenant = scope if scope_kind == "tenant" else ""
    async with platform_action(
        actor,
        "token.issue",
        "",
        tenant=tenant,
        scope_kind=scope_kind,
        scope=scope,
        name=name,
        days=days,
        account=account["id"],
    ) as act:
        row = ApiToken(
            account=account["id"],
            name=name,
            token_hash=hash_secret(secret),
            prefix=secret[:10],
            scope_kind=scope_kind,
            scope=scope,
            expires_at=now() + timedelta(days=days),
        )
        await row.save()
        act.target = f"token:{row.id}"
    return secret, await _token_row(row.id)


def _public_token_columns() -> list[Any]:
    """What a token list shows: never the hash."""
    t = ApiToken
    return [
        t.id,
        t.name,
        t.prefix,
        t.scope_kind,
        t.scope,
        t.created_at,
        t.expires_at,
        t.revoked_at,
        t.last_used_at,
    ]


async def _token_row(token_id: int) -> dict[str, Any]:
    query = ApiToken.select(*_public_token_columns()).where(ApiToken.id == token_id)
    return await query.first()  # type: ignore[return-value]


async def list_tokens(account_id: int) -> list[dict[str, Any]]:
    query = ApiToken.select(*_public_token_columns()).where(ApiToken.account == account_id)
    return await query.order_by(ApiToken.id)  # type: ignore[no-any-return]


async def _revoke(token: dict[str, Any], token_id: int, actor: Actor, **details: Any) -> None:
    tenant = token["scope"] if token["scope_kind"] == "tenant" else ""
    async with platform_action(
        actor, "token.revoke", f"token:{token_id}", tenant=tenant, **details
    ) as act:
        act.after_commit(_announce_principals)
        await ApiToken.update({ApiToken.revoked_at: now()}).where(
            (ApiToken.id == token_id) & ApiToken.revoked_at.is_null()
        )


async def _token_owner(token_id: int) -> dict[str, Any] | None:
    query = ApiToken.select(ApiToken.account, ApiToken.scope_kind, ApiToken.scope)
    return await query.where(ApiToken.id == token_id).first()  # type: ignore[no-any-return]


async def do_revoke_token(token_id: int, *, actor: Actor, reason: str = "") -> None:
    """Revoke one of the actor's own tokens; anybody else's answers like a missing one, whoever
    the actor is (operators revoke others' tokens with `do_revoke_any_token`)."""
    token = await _token_owner(token_id)
    if token is None or actor.account_id is None or token["account"] != actor.account_id:
        raise NotFound()
    await _revoke(token, token_id, actor, **({"reason": reason} if reason else {}))


async def do_revoke_any_token(token_id: int, *, actor: Actor) -> None:
    """Revoke any account's token: platform power (an operator through a platform token or a
    cookie session, or the system)."""
    _require_platform(actor)
    token = await _token_owner(token_id)
    if token is None:
        raise NotFound()
    await _revoke(token, token_id, actor, account=token["account"])


#: The token with its account, by the token's hash: built once (core/prepared.py).
_TOKEN_BY_HASH = Prepared(
    lambda token_hash: (
        ApiToken.select(
            ApiToken.id,
            ApiToken.scope_kind,
            ApiToken.scope,
            ApiToken.expires_at,
            ApiToken.revoked_at,
            ApiToken.last_used_at,
            ApiToken.account.id,
            ApiToken.account.login,
            ApiToken.account.display_name,
            ApiToken.account.is_operator,
            ApiToken.account.disabled,
        )
        .where(ApiToken.token_hash == token_hash)
        .limit(1)
    )
)
_TOUCH_TOKEN = Prepared(
    lambda at, token_id: ApiToken.update({ApiToken.last_used_at: at}).where(ApiToken.id == token_id)
)


@dataclass(slots=True)
class _CachedToken:
    principal: Principal
    expires_at: datetime
    last_used_at: datetime | None


async def authenticate_bearer(secret: str) -> Principal:
    """The caller of a bearer token. A valid token is remembered for `YISHI_CACHE_SECONDS`
    (core/caching.py says how revocation and disabling still take effect); its expiry is checked
    on every request."""
    token_hash = hash_secret(secret)
    cached = PRINCIPALS.get(token_hash)
    if isinstance(cached, _CachedToken):
        entry = cached
    else:
        generation = PRINCIPALS.generation
        row = await _TOKEN_BY_HASH.first(token_hash)
        if row is None:
            raise TokenInvalid()
        if row["account.disabled"]:
            raise AccountDisabled()
        if row["revoked_at"] is not None:
            raise TokenRevoked()
        entry = _CachedToken(
            Principal(
                account_id=row["account.id"],
                login=row["account.login"],
                display_name=row["account.display_name"],
                is_operator=row["account.is_operator"],
                via=row["scope_kind"],
                scope=row["scope"],
                token_id=row["id"],
            ),
            row["expires_at"],
            row["last_used_at"],
        )
        PRINCIPALS.put(token_hash, entry, generation)
    moment = now()
    if entry.expires_at <= moment:
        raise TokenExpired()
    last = entry.last_used_at
    if last is None or moment - last > LAST_USED_GRANULARITY:
        # Recorded coarsely: one write per token per few minutes, not one per request.
        entry.last_used_at = moment
        await _TOUCH_TOKEN.rows(moment, entry.principal.token_id)
    return entry.principal


async def do_create_session(
    account: dict[str, Any], *, ip: str, client: str, hours: int
) -> tuple[str, str]:
    """Start a cookie session; returns (session secret, CSRF token)."""
    secret, csrf = new_secret("yss"), secrets.token_urlsafe(32)
    actor = Actor(account_id=account["id"], login=account["login"], ip=ip, client=client)
    async with platform_action(actor, "session.start", f"account:{account['id']}"):
        await WebSession.insert(
            WebSession(
                account=account["id"],
                session_hash=hash_secret(secret),
                csrf_token=csrf,
                expires_at=now() + timedelta(hours=hours),
                ip=ip,
                client=client[:300],
            )
        )
    return secret, csrf


async def do_end_session(secret: str, *, actor: Actor) -> None:
    async with platform_action(actor, "session.end", f"account:{actor.account_id}") as act:
        act.after_commit(_announce_principals)
        await WebSession.update({WebSession.revoked_at: now()}).where(
            (WebSession.session_hash == hash_secret(secret)) & WebSession.revoked_at.is_null()
        )


_SESSION_BY_HASH = Prepared(
    lambda session_hash: (
        WebSession.select(
            WebSession.csrf_token,
            WebSession.expires_at,
            WebSession.revoked_at,
            WebSession.account.id,
            WebSession.account.login,
            WebSession.account.display_name,
            WebSession.account.is_operator,
            WebSession.account.disabled,
        )
        .where(WebSession.session_hash == session_hash)
        .limit(1)
    )
)


@dataclass(slots=True)
class _CachedSession:
    principal: Principal
    expires_at: datetime


async def authenticate_session(secret: str) -> Principal:
    """The caller of a cookie session; remembered like a bearer token."""
    session_hash = "session:" + hash_secret(secret)
    cached = PRINCIPALS.get(session_hash)
    if isinstance(cached, _CachedSession):
        entry = cached
    else:
        generation = PRINCIPALS.generation
        row = await _SESSION_BY_HASH.first(hash_secret(secret))
        if row is None or row["revoked_at"] is not None:
            raise AuthRequired()
        if row["account.disabled"]:
            raise AccountDisabled()
        entry = _CachedSession(
            Principal(
                account_id=row["account.id"],
                login=row["account.login"],
                display_name=row["account.display_name"],
                is_operator=row["account.is_operator"],
                via="session",
                csrf_token=row["csrf_token"],
            ),
            row["expires_at"],
        )
        PRINCIPALS.put(session_hash, entry, generation)
    if entry.expires_at <= now():
        raise AuthRequired()
    return entry.principal
