"""The test world: a storage on one backend with two tenants, accounts with passwords, a client.

Every test database has two tenants, `alpha` (ningbo rules) and `beta` (nantong rules), so every
route can be tried across them. `shared.insp` is an inspector in both (one person, several tenants).
"""

from __future__ import annotations

import secrets
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from core.access.enforcers import ACCESS
from core.accounts.services import account_by_login, do_create_account, do_set_password
from core.app import create_app
from core.audit.actions import Actor
from core.caching import clear_all
from core.settings import AuthSettings, DatabaseSettings, Settings
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import migrate_platform
from core.tenancy.storage import Storage, configure

PASSWORD = "correct horse battery staple"
SYSTEM = Actor.system("tests")

ALPHA = """
slug = "alpha"
name = "测试甲单位党组"
plugin = "ningbo"

[admin]
login = "a.admin"
name = "甲管理员"

[[members]]
login = "a.sec"
name = "甲书记"
role = "secretary"
rank = 1
areas = ["全面工作"]

[[members]]
login = "a.dep"
name = "甲副书记"
role = "deputy_secretary"
rank = 2
areas = ["人事"]

[[members]]
login = "a.mem"
name = "甲成员"
role = "member"
rank = 3
areas = ["财务"]

[[attendees]]
login = "a.att"
name = "甲列席"

[[inspectors]]
login = "a.insp"
name = "甲纪检"

[[inspectors]]
login = "shared.insp"
name = "共纪检"

[[clerks]]
login = "a.clerk"
name = "甲秘书"
"""

# beta has more people than alpha, so some of its ids do not exist in alpha at all.
BETA = """
slug = "beta"
name = "测试乙单位党组"
plugin = "nantong"

[admin]
login = "b.admin"
name = "乙管理员"

[[members]]
login = "b.sec"
name = "乙书记"
role = "secretary"
rank = 1

[[members]]
login = "b.mem1"
name = "乙成员一"
role = "member"
rank = 2

[[members]]
login = "b.mem2"
name = "乙成员二"
role = "member"
rank = 3

[[members]]
login = "b.mem3"
name = "乙成员三"
role = "member"
rank = 4

[[members]]
login = "b.mem4"
name = "乙成员四"
role = "member"
rank = 5

[[members]]
login = "b.mem5"
name = "乙成员五"
role = "member"
rank = 6

[[members]]
login = "b.mem6"
name = "乙成员六"
role = "member"
rank = 7

[[inspectors]]
login = "shared.insp"
name = "共纪检"

[[clerks]]
login = "b.clerk"
name = "乙秘书"

[[attendees]]
login = "b.att"
name = "乙列席"
"""


@dataclass
class World:
    backend: str
    settings: Settings
    storage: Storage
    manifests: Path
    client: httpx.AsyncClient | None = None
    app: Any = None
    _tokens: dict[tuple[str, str], str] = field(default_factory=dict)

    async def token(self, login: str, scope: str) -> str:
        key = (login, scope)
        if key not in self._tokens:
            r = await self.api.post(
                "/api/v1/auth/token", json={"login": login, "password": PASSWORD, "scope": scope}
            )
            assert r.status_code == 201, r.text
            self._tokens[key] = r.json()["token"]
        return self._tokens[key]

    async def auth(self, login: str, tenant: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.token(login, f'tenant:{tenant}')}"}

    async def session(self, login: str, password: str = PASSWORD) -> dict[str, str]:
        """Sign in with a cookie session; returns the headers a browser page would send."""
        r = await self.api.post("/api/v1/auth/login", json={"login": login, "password": password})
        assert r.status_code == 200, r.text
        name = self.settings.auth.session_cookie
        cookie = r.cookies.get(name)
        self.api.cookies.clear()  # sent explicitly by the caller, never ambiently
        return {"Cookie": f"{name}={cookie}", "X-CSRF-Token": r.json()["csrf_token"]}

    @property
    def api(self) -> httpx.AsyncClient:
        assert self.client is not None
        return self.client

    def rebind(self) -> None:
        """Re-bind tables to this world's engines (after a test configured another storage)."""
        import core.tenancy.storage as st

        self.storage.use_request_engines()
        st._storage = self.storage
        ACCESS.clear()
        clear_all()


def write_manifests(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.toml").write_text(textwrap.dedent(ALPHA), encoding="utf-8")
    (folder / "beta.toml").write_text(textwrap.dedent(BETA), encoding="utf-8")
    return folder


async def build_world(backend: str, db: DatabaseSettings, tmp: Path) -> World:
    settings = Settings(mode="embedded", database=db, auth=AuthSettings(window_seconds=60))
    storage = configure(db)
    ACCESS.clear()
    clear_all()
    await migrate_platform(storage)
    folder = write_manifests(tmp / "manifests")
    await apply_manifests(folder, actor=SYSTEM)
    from core.tenancy.tables import Tenant  # noqa: F401  (bound by configure)

    logins = {
        line.split('"')[1]
        for text in (ALPHA, BETA)
        for line in text.splitlines()
        if line.startswith("login = ")
    }
    for login in sorted(logins):
        account = await account_by_login(login)
        assert account is not None
        await do_set_password(account["id"], PASSWORD, actor=SYSTEM)
    op = await do_create_account("op", "运维", actor=SYSTEM, is_operator=True)
    await do_set_password(op["id"], PASSWORD, actor=SYSTEM)
    return World(backend=backend, settings=settings, storage=storage, manifests=folder)


def app_for(world: World) -> Any:
    return create_app(world.settings, world.storage)


# --- PostgreSQL test databases ------------------------------------------------------------------


@dataclass
class PgDatabase:
    server: str  # superuser URL to the maintenance database
    name: str
    app_role: str
    app_password: str

    def url(self, user: str | None = None, password: str | None = None) -> str:
        base = self.server.rsplit("/", 1)[0]
        scheme, rest = base.split("://", 1)
        host = rest.split("@", 1)[-1]
        if user:
            cred = f"{user}:{password}@" if password else f"{user}@"
            return f"{scheme}://{cred}{host}/{self.name}"
        return f"{base}/{self.name}"

    def settings(self) -> DatabaseSettings:
        return DatabaseSettings(
            url=self.url(self.app_role, self.app_password),
            admin_url=self.url(),
            role_prefix=self.name,
        )


async def create_pg_database(server: str) -> PgDatabase:
    name = f"yishi_test_{secrets.token_hex(4)}"
    app_role, app_password = f"{name}_app", secrets.token_hex(12)
    conn = await asyncpg.connect(server)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
        # The application's login: a member of every tenant role, inheriting none of them.
        await conn.execute(f"CREATE ROLE \"{app_role}\" LOGIN NOINHERIT PASSWORD '{app_password}'")
    finally:
        await conn.close()
    return PgDatabase(server, name, app_role, app_password)


async def drop_pg_database(db: PgDatabase) -> None:
    conn = await asyncpg.connect(db.server)
    try:
        await conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", db.name
        )
        await conn.execute(f'DROP DATABASE IF EXISTS "{db.name}"')
        roles = await conn.fetch(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE $1", db.name + "%"
        )
        for r in roles:
            await conn.execute(f'DROP ROLE IF EXISTS "{r["rolname"]}"')
    finally:
        await conn.close()
