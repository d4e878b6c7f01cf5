"""Enrolment by invitation: a roster entry may exist before its person has an account.

`person.account_id` becomes nullable (a member enrolled through the API is linked to an account
only when they accept their invitation), and `invitation` holds the one-time codes.

SQLite cannot drop a NOT NULL constraint, so the table is rebuilt; `role_grant` references it and
a `DROP TABLE` with foreign keys on would cascade into the grants, so the rebuild runs on its own
connection with foreign keys off, in its own transaction. It is idempotent (a re-run after a crash
between that commit and the runner's record finds the column nullable and skips it).
"""

from typing import Any

import aiosqlite
from piccolo.columns import ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.table import Table

DESCRIPTION = "person.account_id nullable; invitation codes for enrolment"

_OLD = '"account_id" INTEGER UNIQUE NOT NULL DEFAULT 0'
_NEW = '"account_id" INTEGER UNIQUE DEFAULT null'


async def _sqlite_nullable(path: str) -> None:
    async with aiosqlite.connect(path, timeout=30) as db:
        cursor = await db.execute("PRAGMA table_info(person)")
        columns = {row[1]: row for row in await cursor.fetchall()}
        if not columns["account_id"][3]:  # notnull flag already 0: done before
            return
        cursor = await db.execute("SELECT sql FROM sqlite_master WHERE name = 'person'")
        (sql,) = await cursor.fetchone()  # type: ignore[misc]
        if _OLD not in sql:  # a raised error, not an assert: asserts vanish under `python -O`
            raise RuntimeError(f"person.account_id is not the column this step rebuilds: {sql}")
        new_sql = sql.replace(_OLD, _NEW).replace('"person"', '"person__new"', 1)
        names = ", ".join(f'"{c}"' for c in columns)
        await db.execute("PRAGMA foreign_keys = OFF")
        await db.execute("BEGIN IMMEDIATE")
        await db.execute(new_sql)
        await db.execute(f'INSERT INTO "person__new" ({names}) SELECT {names} FROM "person"')
        await db.execute('DROP TABLE "person"')
        await db.execute('ALTER TABLE "person__new" RENAME TO "person"')
        await db.execute('CREATE INDEX IF NOT EXISTS person_account_id ON "person" ("account_id")')
        await db.commit()


async def forwards(engine: Any) -> None:
    class Person(Table, tablename="person", db=engine):
        login = Varchar(length=100)

    class Invitation(Table, tablename="invitation", db=engine):
        person = ForeignKey(references=Person)
        code_hash = Varchar(length=64, unique=True, index=True)
        created_by = Varchar(length=100, default="")
        created_at = Timestamptz(default=TimestamptzNow())
        expires_at = Timestamptz()
        used_at = Timestamptz(null=True, default=None)
        revoked_at = Timestamptz(null=True, default=None)
        account_id = Integer(null=True, default=None)

    if isinstance(engine, SQLiteEngine):
        await _sqlite_nullable(engine.connection_kwargs["database"])
    else:
        await engine.run_ddl(
            'ALTER TABLE "person" ALTER COLUMN "account_id" DROP NOT NULL, '
            'ALTER COLUMN "account_id" DROP DEFAULT'
        )
    await Invitation.create_table(if_not_exists=True)
