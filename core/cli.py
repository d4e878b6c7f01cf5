"""`yishi`: serve, migrate, onboard and manage tenants and accounts."""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import shutil
import socket
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from core.accounts.security import DEMO_PASSWORD
from core.accounts.services import (
    account_by_login,
    do_create_account,
    do_disable_account,
    do_set_password,
)
from core.accounts.tables import Account
from core.audit.actions import Actor
from core.errors import YishiError
from core.oversight.services import do_add_reader, do_create_body
from core.settings import Settings, get_settings
from core.tenancy.context import bind_tenant
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import MigrationReport, migrate_all, migrate_platform, schema_behind
from core.tenancy.people import list_people
from core.tenancy.registry import (
    do_delete_tenant,
    do_set_status,
    export_tenant,
    get_tenant,
    list_tenants,
)
from core.tenancy.storage import Storage, configure
from core.tenancy.tables import Tenant

__all__ = ["main"]

console = Console()
err = Console(stderr=True)
T = TypeVar("T")

DEFAULT_TENANTS = Path(__file__).resolve().parent.parent / "tenants"
CLI_ACTOR = Actor.system("yishi-cli")


#: SQLite's platform file in the data directory (core/tenancy/storage.py names it).
PLATFORM_FILE = "platform.sqlite"


def _no_data(settings: Settings) -> str | None:
    """Why there is nothing to work on yet (one line, Chinese then English), or None."""
    if settings.database.backend == "postgres":
        return None  # the database is the operator's; a missing table is reported when met
    folder = settings.database.data_dir
    if (folder / PLATFORM_FILE).is_file():
        return None
    return (
        f"未找到数据 no data in {folder} (YISHI_DATA_DIR)："
        "请先运行 run `yishi migrate` 或 or `yishi serve` first, or set YISHI_DATA_DIR"
    )


def _not_migrated(exc: Exception) -> bool:
    text = f"{type(exc).__name__}: {exc}"
    return "no such table" in text or "UndefinedTable" in text


def _run(
    make: Callable[[Storage], Awaitable[T]], *, creates: bool = False, owner: bool = True
) -> T:
    """Configure storage, run one async step, close pools; print domain errors clearly.

    Only commands that set storage up (`creates=True`: migrate, serve, tenants apply) may start
    from nothing; any other command refuses in one line, before touching the data directory,
    rather than leaving an empty database behind.
    """
    settings = get_settings()
    if not creates and (why := _no_data(settings)):
        err.print(why, soft_wrap=True)
        sys.exit(2)
    storage = configure(settings.database, owner=owner)  # owner=False: the app login only

    async def go() -> T:
        await storage.start()
        try:
            return await make(storage)
        finally:
            await storage.stop()

    try:
        return asyncio.run(go())
    except YishiError as exc:
        err.print(f"[red]{exc.code}[/red]: {exc.message_zh}\n{exc.message_en}")
        sys.exit(2)
    except Exception as exc:
        if not _not_migrated(exc):
            raise
        err.print(
            "数据库尚未迁移 the database is not migrated: 请先运行 run `yishi migrate` first "
            f"({type(exc).__name__}: {str(exc).splitlines()[0]})",
            soft_wrap=True,
        )
        sys.exit(2)


async def _migrate(storage: Storage, quiet: bool = False) -> Any:
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=False,
    ) as bar:
        task = bar.add_task("迁移 migrating", total=None)

        def step(slug: str, outcome: str, total: int) -> None:
            bar.update(
                task, advance=1, total=total, description=f"迁移 migrating {slug}: {outcome}"
            )

        report = await migrate_all(storage, progress=step)
    return report


async def _account(login: str) -> dict[str, Any]:
    """The account of `login`, or the one-line "no account" error."""
    row = await account_by_login(login)
    if row is None:
        raise YishiError("未找到账号 {login}。", "No account {login}.", login=login)
    return row


@click.group()
def main() -> None:
    """议事 Yishi: Party group meetings, decisions and oversight."""


@main.command()
def migrate() -> None:
    """Migrate the platform and every tenant (safe to re-run; concurrent runs wait in turn).

    The one command that needs the owner's connection (YISHI_DATABASE_ADMIN_URL) in production:
    run it as a job before `serve`, which then needs only YISHI_DATABASE_URL."""
    if problems := get_settings().database.problems():
        for p in problems:
            err.print(f"[red]设置有误 invalid setting[/red]: {p}", soft_wrap=True)
        sys.exit(2)
    report = _run(_migrate, creates=True)
    applied = sum(len(v) for v in report.tenants.values())
    console.print(
        f"平台 platform: {len(report.platform)} 步 steps; "
        f"单位 tenants: {len(report.tenants)} ok, {applied} 步 steps, "
        f"{len(report.failures)} 失败 failed"
    )
    for slug, why in report.failures.items():
        err.print(f"[red]失败 failed[/red] {slug}: {why}")
    if report.failures:
        sys.exit(1)


@main.group()
def tenants() -> None:
    """Onboard and manage tenants."""


@tenants.command("apply")
@click.argument(
    "folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=DEFAULT_TENANTS
)
@click.option("--demo", is_flag=True, help="Give new accounts the demo password (not production).")
@click.option(
    "--dry-run", is_flag=True, help="Show what apply would change and the drift; change nothing."
)
@click.option(
    "--force",
    is_flag=True,
    help="The manifest wins over values the unit changed (every tenant); audited.",
)
@click.option(
    "--force-tenant",
    "force_tenants",
    multiple=True,
    metavar="SLUG",
    help="Like --force, for this tenant only (repeatable).",
)
def tenants_apply(
    folder: Path, demo: bool, dry_run: bool, force: bool, force_tenants: tuple[str, ...]
) -> None:
    """Create or update tenants from FOLDER/*.toml (idempotent; deletes nothing).

    A value the unit changed through the API since the last apply is kept and reported as drift;
    --force / --force-tenant make the manifest win.
    """
    if demo and get_settings().production:
        err.print("[red]--demo 不能用于生产模式 (not in production mode)[/red]")
        sys.exit(2)

    async def go(storage: Storage) -> Any:
        if not dry_run:  # the tenants it creates are migrated as they are created
            await migrate_platform(storage)
        return await apply_manifests(
            folder,
            actor=CLI_ACTOR,
            demo=demo,
            dry_run=dry_run,
            force=True if force else set(force_tenants),
        )

    report = _run(go, creates=not dry_run)
    would = "[cyan]将 would[/cyan] " if dry_run else ""
    if dry_run:
        console.print("演练：不做任何更改 dry run: nothing is changed")
    for line in report.notes:
        console.print(f"[cyan]~[/cyan] {line}", soft_wrap=True)
    for line in report.changes:
        console.print(f"[green]+[/green] {would}{line}", soft_wrap=True)
    for line in report.drift:
        console.print(f"[yellow]![/yellow] {line}", soft_wrap=True)
    for line in report.kept:
        console.print(f"[yellow]![/yellow] {line}", soft_wrap=True)
    summary = (
        "无变化 no changes"
        if not report.changed
        else (
            f"将有 {len(report.changes)} 项变化 would make {len(report.changes)} changes"
            if dry_run
            else f"{len(report.changes)} 项变化 changes"
        )
    )
    if report.drift:
        summary += (
            f"；{len(report.drift)} 项单位修改保留 kept changed by the unit "
            "(--force 以清单为准 to make the manifest win)"
        )
    console.print(summary, soft_wrap=True)


@tenants.command("list")
def tenants_list() -> None:
    """List tenants."""
    rows = _run(lambda s: list_tenants())
    table = RichTable()
    for column in ("slug", "plugin", "status"):
        table.add_column(column, no_wrap=True)
    table.add_column("name", overflow="fold")
    table.add_column("updated", no_wrap=True)
    for r in rows:
        table.add_row(r["slug"], r["plugin"], r["status"], r["name"], str(r["updated_at"])[:16])
    console.print(table)


def _status(slug: str, status: str) -> None:
    _run(lambda s: do_set_status(slug, status, actor=CLI_ACTOR))
    console.print(f"{slug}: {status}")


@tenants.command("suspend")
@click.argument("slug")
def tenants_suspend(slug: str) -> None:
    """Suspend a tenant: its members are refused until resumed; data is kept."""
    _status(slug, "suspended")


@tenants.command("resume")
@click.argument("slug")
def tenants_resume(slug: str) -> None:
    """Resume a suspended tenant."""
    _status(slug, "active")


@tenants.command("export")
@click.argument("slug")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def tenants_export(slug: str, output: Path | None) -> None:
    """Export a tenant's whole data as one ZIP archive (JSON Lines per table)."""
    target = output or Path(f"{slug}-export.zip")
    _run(lambda s: export_tenant(slug, target))
    console.print(f"已导出 exported: {target}")


@tenants.command("delete")
@click.argument("slug")
@click.option("--yes", "confirmed", default=None, help="Repeat the slug to confirm.")
def tenants_delete(slug: str, confirmed: str | None) -> None:
    """Delete a tenant and all its data (export it first). Asks to type the slug."""
    if _run(lambda s: get_tenant(slug)) is None:
        err.print(f"[red]tenant.not_found[/red]: {slug}")
        sys.exit(2)
    if confirmed is None:
        confirmed = click.prompt(
            f"将永久删除 {slug} 的全部数据。请输入单位标识确认 "
            f"(type the slug to delete all its data)"
        )
    if confirmed != slug:
        err.print("未确认，未删除 not confirmed, nothing deleted")
        sys.exit(1)
    _run(lambda s: do_delete_tenant(slug, actor=CLI_ACTOR))
    console.print(f"已删除 deleted: {slug}")


@main.group()
def accounts() -> None:
    """Manage platform accounts."""


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("密码 password: ")
    return sys.stdin.readline().rstrip("\n")


@accounts.command("create")
@click.argument("login")
@click.option("--name", required=True)
@click.option("--operator", is_flag=True, help="A platform operator account.")
def accounts_create(login: str, name: str, operator: bool) -> None:
    """Create an account; the password is read from the terminal or standard input."""
    password = _read_password()

    async def go(storage: Storage) -> None:
        await migrate_platform(storage)
        row = await do_create_account(login, name, actor=CLI_ACTOR, is_operator=operator)
        await do_set_password(row["id"], password, actor=CLI_ACTOR)

    _run(go)
    console.print(f"已创建 created: {login}")


@accounts.command("set-password")
@click.argument("login")
def accounts_set_password(login: str) -> None:
    """Set an account's password (read from the terminal or standard input)."""
    password = _read_password()

    async def go(storage: Storage) -> None:
        await do_set_password((await _account(login))["id"], password, actor=CLI_ACTOR)

    _run(go)
    console.print(f"已设置 set: {login}")


@accounts.command("disable")
@click.argument("login")
def accounts_disable(login: str) -> None:
    """Disable an account and end all its sessions and tokens at once."""

    async def go(storage: Storage) -> None:
        await do_disable_account((await _account(login))["id"], actor=CLI_ACTOR)

    _run(go)
    console.print(f"已停用 disabled: {login}")


@accounts.command("list")
@click.option(
    "--without-password", is_flag=True, help="Only enabled accounts that cannot sign in yet."
)
def accounts_list(without_password: bool) -> None:
    """List accounts (e.g. those onboarded from manifests that still have no password)."""

    async def go(storage: Storage) -> list[dict[str, Any]]:
        query = Account.select(
            Account.login,
            Account.display_name,
            Account.is_operator,
            Account.disabled,
            Account.password_hash,
        ).order_by(Account.login)
        if without_password:
            query = query.where((Account.password_hash == "") & Account.disabled.eq(False))
        return await query  # type: ignore[no-any-return]

    rows = _run(go)
    table = RichTable("login", "name", "password", "status")
    for r in rows:
        status = "停用 disabled" if r["disabled"] else ("运维 operator" if r["is_operator"] else "")
        table.add_row(
            r["login"], r["display_name"], "有 set" if r["password_hash"] else "无 none", status
        )
    console.print(table)
    console.print(f"共 {len(rows)} 个账号 accounts")


@accounts.command("invite")
@click.argument("logins", nargs=-1)
@click.option(
    "--without-password", is_flag=True, help="Every enabled account that has no password yet."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="CSV file (login, name, code, expires_at) to hand out; written readable by you only.",
)
@click.option("--hours", type=click.IntRange(1, 24 * 30), default=72, show_default=True)
def accounts_invite(
    logins: tuple[str, ...], without_password: bool, output: Path, hours: int
) -> None:
    """Issue one-time password codes (POST /api/v1/auth/password-code), e.g. in bulk."""
    from core.accounts.recovery import do_issue_password_code

    if not logins and not without_password:
        err.print("请给出账号或 --without-password (name logins or use --without-password)")
        sys.exit(2)

    async def go(storage: Storage) -> list[Any]:
        if without_password:
            rows = await Account.select(Account.id, Account.login).where(
                (Account.password_hash == "") & Account.disabled.eq(False)
            )
        else:
            rows = [await _account(login) for login in logins]
        issued = []
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err
        ) as bar:
            task = bar.add_task("发放设置码 issuing codes", total=len(rows))
            for row in rows:
                issued.append(await do_issue_password_code(row["id"], actor=CLI_ACTOR, hours=hours))
                bar.advance(task)
        return issued

    issued = _run(go)
    import csv

    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["login", "name", "code", "expires_at"])
        for code in issued:
            writer.writerow([code.login, code.display_name, code.code, code.expires_at.isoformat()])
    console.print(
        f"已发放 issued {len(issued)} 个设置码 codes → {output} "
        "(本人用 POST /api/v1/auth/password-code 设置密码 each person sets their password)"
    )


@main.group()
def oversight() -> None:
    """Manage municipal oversight bodies and their readers."""


@oversight.command("create")
@click.argument("slug")
@click.option("--name", required=True)
@click.option("--tenants", "tenant_list", required=True, help="Comma-separated tenant slugs.")
def oversight_create(slug: str, name: str, tenant_list: str) -> None:
    """Create an oversight body that reads the given tenants."""
    slugs = [t.strip() for t in tenant_list.split(",") if t.strip()]
    _run(lambda s: do_create_body(slug, name, slugs, actor=CLI_ACTOR))
    console.print(f"已创建 created: {slug} ({', '.join(slugs)})")


@oversight.command("add-reader")
@click.argument("slug")
@click.argument("login")
def oversight_add_reader(slug: str, login: str) -> None:
    """Let an account read for an oversight body (tokens with scope oversight:SLUG)."""
    _run(lambda s: do_add_reader(slug, login, actor=CLI_ACTOR))
    console.print(f"已授权 granted: {login} → {slug}")


async def _demo_oversight() -> None:
    slugs = [t["slug"] for t in await list_tenants()]
    await do_create_body("demo-oversight", "市级监督机构（演示）", slugs, actor=CLI_ACTOR)
    if await account_by_login("oversight.reader") is None:
        await do_create_account("oversight.reader", "监督读者（演示）", actor=CLI_ACTOR, demo=True)
    await do_add_reader("demo-oversight", "oversight.reader", actor=CLI_ACTOR)


@main.group()
def calendar() -> None:
    """Working-day calendar: load a year the calendar package does not cover yet."""


@calendar.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def calendar_load(file: Path) -> None:
    """Load a year's holiday notice: {"year": 2027, "holidays": [...], "workdays": [...]}."""
    from core.rules.calendar import load_year_file

    try:
        data = load_year_file(file)
    except ValueError as exc:
        err.print(f"[red]calendar.invalid[/red]: {exc}")
        sys.exit(2)
    folder = get_settings().database.data_dir / "calendar"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{data.year}.json"
    target.write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    console.print(
        f"已载入 loaded {data.year}: {len(data.holidays)} 个假日 holidays, "
        f"{len(data.workdays)} 个调休工作日 adjusted workdays → {target}"
    )


@calendar.command("check")
@click.argument("year", type=int)
def calendar_check(year: int) -> None:
    """Say whether working days of YEAR are known (package or loaded file)."""
    from core.rules.calendar import work_calendar

    if work_calendar().covered(year):
        console.print(f"{year}: 已有节假日数据 holiday data available")
    else:
        console.print(f"{year}: 无数据，按周一至周五计算 no data, Monday–Friday assumed")
        sys.exit(1)


def _port_taken(host: str, port: int) -> str | None:
    """Try to bind where uvicorn will (it too sets SO_REUSEADDR); one line when that fails.

    Checked before migrating and before the banner: otherwise uvicorn reports it only after
    "startup complete", under a banner that says the server is there.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        return f"无法解析地址 cannot resolve host {host}: {exc}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return (
                f"端口 {port} 已被占用或不可用 port {port} on {host} is in use or not "
                f"available ({exc.strerror}): 请换用 use `yishi serve --port N` or YISHI_PORT"
            )
    return None


def _cli_path() -> str:
    """How to call this command again: its path when the shell may not find `yishi` itself."""
    beside = Path(sys.executable).with_name("yishi")
    if beside.exists() and shutil.which("yishi") != str(beside):
        return str(beside)
    return "yishi"


async def _demo_accounts() -> list[str]:
    rows = await Account.select(Account.login).where(
        Account.password_is_demo.eq(True) & Account.disabled.eq(False)
    )
    return [r["login"] for r in rows]


async def _banner_people() -> list[dict[str, Any]]:
    """Each tenant's unit admin and secretary, for the demo banner."""
    people = []
    for t in await list_tenants():
        with bind_tenant(t):
            roster = await list_people()
        people.append(
            {
                "slug": t["slug"],
                "admin": next((r["login"] for r in roster if "unit_admin" in r["roles"]), "-"),
                "secretary": next((r["login"] for r in roster if "secretary" in r["roles"]), "-"),
                "others": len(roster) - 2,
            }
        )
    return people


async def prepare(settings: Settings, storage: Storage, tenants_dir: Path) -> dict[str, Any]:
    """Start-up work of `serve`: in embedded mode migrate and onboard the demo tenants once;
    in production only check, with the app login, that `yishi migrate` has done everything
    (`{"behind": [...]}` when not). The demo banner's roster is read only when it is shown
    (demo accounts, and not production: there a demo password refuses to start)."""
    onboarded = False
    if settings.production:
        if behind := await schema_behind(storage):
            return {"behind": behind}
        report = MigrationReport()
    else:
        report = await _migrate(storage, quiet=True)
        if not await Tenant.select(Tenant.id).first():
            await apply_manifests(tenants_dir, actor=CLI_ACTOR, demo=True)
            if await account_by_login("operator") is None:
                await do_create_account(
                    "operator", "平台运维（演示）", actor=CLI_ACTOR, demo=True, is_operator=True
                )
            await _demo_oversight()
            onboarded = True
    demo = await _demo_accounts()
    return {
        "report": report,
        "onboarded": onboarded,
        "demo": demo,
        "people": await _banner_people() if demo and not settings.production else [],
    }


@main.command()
@click.option("--host", default=None)
@click.option("--port", type=int, default=None)
@click.option(
    "--tenants-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_TENANTS,
    help="Demo manifests onboarded on first start.",
)
def serve(host: str | None, port: int | None, tenants_dir: Path) -> None:
    """Run the web server (API, pages) with an in-process worker in embedded mode."""
    import uvicorn

    from core.app import create_app

    settings = get_settings()
    if settings.production and (problems := settings.problems_for_production()):
        err.print(
            "[red]生产模式无法启动 production mode cannot start[/red]; "
            "缺少或不安全 missing or unsafe:"
        )
        for p in problems:
            err.print(f"  - {p}")
        sys.exit(2)
    bind_host: str = host or settings.host
    bind_port: int = port or settings.port
    if why := _port_taken(bind_host, bind_port):
        err.print(why, soft_wrap=True)
        sys.exit(2)
    if settings.production:
        # Serving never holds the owner's credentials: built with the app login only, and the
        # admin URL is dropped from this process before anything could read it.
        os.environ.pop("YISHI_DATABASE_ADMIN_URL", None)
        settings = replace(settings, database=replace(settings.database, admin_url=""))
    state = _run(
        lambda s: prepare(settings, s, tenants_dir),
        creates=not settings.production,
        owner=not settings.production,
    )
    if behind := state.get("behind"):
        err.print(
            f"[red]数据库结构落后，请先运行 yishi migrate[/red] (schema behind: run `yishi migrate`"
            f" first): {len(behind)} 步 steps pending, e.g. {behind[0]}",
            soft_wrap=True,
        )
        sys.exit(2)
    if state["report"].failures:
        for slug, why in state["report"].failures.items():
            err.print(f"[red]迁移失败 migration failed[/red] {slug}: {why}")
    if settings.production and state["demo"]:
        err.print(
            "[red]生产模式拒绝启动：以下账号仍使用演示密码 production refuses demo "
            "passwords[/red] (yishi accounts set-password LOGIN): " + ", ".join(state["demo"])
        )
        sys.exit(2)
    console.print(f"[bold]议事 Yishi[/bold] ({settings.mode}, {settings.database.backend})")
    console.print(
        f"  接口文档 API docs: http://{bind_host}:{bind_port}/schema  ·  健康 health: /healthz"
    )
    if settings.database.backend == "sqlite":
        console.print(f"  数据 data: {settings.database.data_dir} (YISHI_DATA_DIR)", soft_wrap=True)
    console.print(f"  命令行 command line: {_cli_path()} --help", soft_wrap=True)
    if state["demo"]:
        console.print(f"  演示账号 demo accounts, 密码 password: [bold]{DEMO_PASSWORD}[/bold]")
        table = RichTable("单位 tenant", "管理员 unit admin", "书记 secretary", "其他 others")
        for row in state["people"]:
            table.add_row(row["slug"], row["admin"], row["secretary"], str(row["others"]))
        console.print(table)
        console.print(
            "  平台运维 operator: operator · 监督机构 oversight: oversight.reader "
            "(scope oversight:demo-oversight)"
        )
        first = state["people"][0] if state["people"] else {"slug": "SLUG", "admin": "LOGIN"}
        body = json.dumps(
            {"login": first["admin"], "password": DEMO_PASSWORD, "scope": f"tenant:{first['slug']}"}
        )
        console.print(
            f"  例 e.g. curl -X POST http://{bind_host}:{bind_port}/api/v1/auth/token "
            f"-H 'content-type: application/json' -d '{body}'",
            soft_wrap=True,
        )
    # Proxy trust is decided once, by YISHI_TRUSTED_PROXIES (core/tenancy/middleware.py):
    # uvicorn's own X-Forwarded-For handling would rewrite the peer before the app sees it.
    # uvicorn's access log is replaced by ours (core/web/accesslog.py: the same line at a
    # fraction of the cost).
    jobs = None
    if settings.jobs.broker_kind == "stub":
        # Embedded: the worker, the relay and the scheduler run in this process, on the
        # in-memory broker; the outbox makes that durable (core/jobs/runtime.py).
        from core.jobs.runtime import Jobs

        jobs = Jobs(settings.jobs, scheduler=True, threads=2)
    app: Any = create_app(settings, jobs=jobs)
    if settings.access_log:
        from core.web.accesslog import AccessLog

        app = AccessLog(app)
    try:
        uvicorn.run(
            app,
            host=bind_host,
            port=bind_port,
            log_level="info",
            access_log=False,
            proxy_headers=False,
        )
    finally:
        if hasattr(app, "flush"):
            app.flush()  # the last batch of access-log lines


# --- background work (core/jobs) -----------------------------------------------------------------


def _production_or_exit(settings: Settings) -> None:
    if settings.production and (problems := settings.problems_for_production()):
        err.print(
            "[red]生产模式无法启动 production mode cannot start[/red]: " + "; ".join(problems)
        )
        sys.exit(2)


async def _run_jobs(settings: Settings, storage: Storage, **parts: Any) -> None:
    """Run background-work parts until SIGTERM or SIGINT (the schema must be current)."""
    import signal

    from core.jobs.runtime import Jobs

    if behind := await schema_behind(storage):
        err.print(
            f"[red]数据库结构落后，请先运行 yishi migrate[/red] (schema behind: run `yishi migrate`"
            f" first): {behind[0]}",
            soft_wrap=True,
        )
        sys.exit(2)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    jobs = Jobs(settings.jobs, **parts)
    await jobs.start()
    running = ", ".join(k for k in ("worker", "relay", "scheduler") if parts.get(k))
    console.print(f"yishi jobs running ({settings.jobs.broker_kind}): {running}")
    try:
        await stop.wait()
    finally:
        await jobs.stop()


def _imports(modules: tuple[str, ...]) -> None:
    import importlib

    for name in modules:
        importlib.import_module(name)


@main.command()
@click.option("--threads", type=click.IntRange(1, 64), default=None, help="Worker threads.")
@click.option("--no-relay", is_flag=True, help="Run no outbox relay in this process.")
@click.option("--import", "imports", multiple=True, help="A module of extra effects to load.")
def worker(threads: int | None, no_relay: bool, imports: tuple[str, ...]) -> None:
    """Run dramatiq workers (and an outbox relay) on YISHI_BROKER_URL until stopped."""
    settings = get_settings()
    _production_or_exit(settings)
    if settings.jobs.broker_kind == "stub":
        err.print(
            "未设置 YISHI_BROKER_URL (amqp://… 或 redis://…)："
            "嵌入模式下工作进程在 yishi serve 中运行 "
            "(no broker configured: in embedded mode the worker runs inside `yishi serve`)"
        )
        sys.exit(2)
    _imports(imports)
    parts = {"worker": True, "relay": not no_relay, "scheduler": False, "threads": threads}
    _run(lambda s: _run_jobs(settings, s, **parts), owner=not settings.production)


@main.command()
@click.option("--import", "imports", multiple=True, help="A module of extra jobs to load.")
def scheduler(imports: tuple[str, ...]) -> None:
    """Run the scheduler (periodic jobs claimed from rows; any number may run) until stopped."""
    settings = get_settings()
    _production_or_exit(settings)
    _imports(imports)
    parts = {"worker": False, "relay": False, "scheduler": True}
    _run(lambda s: _run_jobs(settings, s, **parts), owner=not settings.production)


@main.group()
def jobs() -> None:
    """Background work: backlog, queues, dead letters."""


@jobs.command("status")
@click.option("--tenant", "only", multiple=True, help="Only these tenants.")
def jobs_status(only: tuple[str, ...]) -> None:
    """Queue depths, outbox backlog per tenant, oldest undelivered row, dead letters."""
    from core.jobs.broker import Runtime, make_broker, queue_counts
    from core.jobs.status import backlog, scheduled

    settings = get_settings()

    async def go(storage: Storage) -> Any:
        rows = await backlog(list(only) or None)
        broker = make_broker(settings.jobs, Runtime(asyncio.get_running_loop()))
        try:
            queue: Any = await asyncio.to_thread(queue_counts, broker, settings.jobs)
        except Exception as exc:
            queue = f"unreachable ({type(exc).__name__})"
        return rows, queue, await scheduled()

    rows, queue, jobs_ = _run(go, owner=not settings.production)
    console.print(f"队列 broker ({settings.jobs.broker_kind}): {queue}")
    table = RichTable("单位 tenant", "待投递 open", "最久 oldest (s)", "死信 dead")
    for r in rows:
        table.add_row(r["tenant"], str(r["open"]), f"{r['oldest_seconds']:.0f}", str(r["dead"]))
    console.print(table)
    console.print(
        f"合计 total: open {sum(r['open'] for r in rows)}, dead {sum(r['dead'] for r in rows)}"
    )
    sched = RichTable("定时任务 job", "next (UTC)", "runs", "last error")
    from datetime import UTC, datetime

    for j in jobs_:
        when = datetime.fromtimestamp(j["next_ms"] / 1000, UTC).isoformat(timespec="seconds")
        sched.add_row(j["name"], when, str(j["runs"]), (j["last_error"] or "")[:60])
    console.print(sched)


@jobs.command("dead")
@click.option("--tenant", "only", multiple=True, help="Only these tenants.")
@click.option("--requeue", is_flag=True, help="Give the dead rows another go.")
@click.option(
    "--id", "ids", type=int, multiple=True, help="Only these outbox rows (with --tenant)."
)
def jobs_dead(only: tuple[str, ...], requeue: bool, ids: tuple[int, ...]) -> None:
    """List dead-lettered outbox rows (retries exhausted), or re-queue them."""
    from core.jobs.status import dead_rows, requeue_dead

    settings = get_settings()
    if ids and len(only) != 1:
        err.print("--id 需要且仅需要一个 --tenant (--id needs exactly one --tenant)")
        sys.exit(2)

    async def go(storage: Storage) -> Any:
        if requeue:
            return await requeue_dead(list(only) or None, list(ids) or None)
        return await dead_rows(list(only) or None)

    result = _run(go, owner=not settings.production)
    if requeue:
        console.print(f"已重新排队 re-queued: {result}")
        return
    table = RichTable("单位 tenant", "id", "topic", "attempts", "dead at", "error")
    for r in result:
        table.add_row(
            r["tenant"],
            str(r["id"]),
            r["topic"],
            str(r["attempts"]),
            str(r["dead_at"]),
            (r["last_error"] or "")[:80],
        )
    console.print(table)
    console.print(f"死信 dead: {len(result)}")
