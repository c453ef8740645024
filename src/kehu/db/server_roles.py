"""PostgreSQL roles of a server database (issue 16, point 3): row-level security as a real
boundary. `secure(db)` applies schema/pg/security.sql (owner role, group role, policies; an
administrator's connection); each kehu user gets a login role of their own
(`create_login`), whose password is the server's (kehu keeps no password hash for them).

Nothing here runs on a file database: the services call it only when `is_server(db)`.
"""

from __future__ import annotations

import re
from importlib import resources

from peewee import Database

from kehu.db.dialect import dialect, is_server

GROUP = "kehu_users"
OWNER = "kehu_owner"


def secure(db: Database) -> None:
    """Owner, privileges and policies (again after each migration: it may run any time)."""
    script = resources.files("kehu.db").joinpath("schema", "pg", "security.sql").read_text("utf-8")
    with db.atomic():
        dialect(db).run_script(db, script)


def is_secured(db: Database) -> bool:
    """Whether `db` is a server database with the roles of `secure` (each kehu user is then
    a login role, whose password is the server's)."""
    if not is_server(db):
        return False
    return db.execute_sql("SELECT to_regclass('kehu_role') IS NOT NULL").fetchone()[0] is True


def role_name(username: str) -> str:
    """The login role of a kehu user name: its letters (Chinese ones too: roles are quoted),
    digits and _, in lower case (a user types it as the user name of the URL, and an
    unquoted name is folded to lower case), at most the 63 bytes PostgreSQL keeps."""
    name = re.sub(r"\W", "_", username.strip().lower())
    if not name or name[0].isdigit():
        name = f"u_{name}"
    return name.encode("utf-8")[:63].decode("utf-8", "ignore")


def role_exists(db: Database, role: str) -> bool:
    """Whether the server has a role of that name (a kehu user's, or any other)."""
    sql = f"SELECT 1 FROM pg_roles WHERE rolname = {db.param}"
    return db.execute_sql(sql, (role,)).fetchone() is not None


def create_login(db: Database, user_id: int, username: str, password: str | None) -> str:
    """A login role for a kehu user (or the existing role given the user again), member of
    the group role, mapped to the user. Returns the role's name."""
    role = role_name(username)
    p = db.param
    if role_exists(db, role):
        db.execute_sql(f'ALTER ROLE "{role}" LOGIN')
    else:
        db.execute_sql(f'CREATE ROLE "{role}" LOGIN')
    db.execute_sql(f'GRANT "{GROUP}" TO "{role}"')
    if password is not None:
        set_password(db, username, password)
    db.execute_sql(f'DELETE FROM "kehu_role" WHERE user_id = {p} OR role = {p}', (user_id, role))
    db.execute_sql(f'INSERT INTO "kehu_role" (role, user_id) VALUES ({p}, {p})', (role, user_id))
    return role


def map_role(db: Database, user_id: int, role: str) -> None:
    """Map an existing role (the administrator's own, at `kehu server init`) to a user."""
    p = db.param
    db.execute_sql(f'DELETE FROM "kehu_role" WHERE user_id = {p} OR role = {p}', (user_id, role))
    db.execute_sql(f'INSERT INTO "kehu_role" (role, user_id) VALUES ({p}, {p})', (role, user_id))


def set_password(db: Database, username: str, password: str) -> None:
    """The login role's password, sent as its SCRAM verifier computed here (libpq's
    PQencryptPasswordConn): the password itself never reaches the server, its statement
    log or kehu's SQL log. Client-side binding quotes the verifier (DDL takes no
    parameters)."""
    role = role_name(username)
    pgconn = db.connection().pgconn
    verifier = pgconn.encrypt_password(password.encode("utf-8"), role.encode("utf-8"))
    db.execute_sql(f'ALTER ROLE "{role}" PASSWORD {db.param}', (verifier.decode("ascii"),))


def set_login(db: Database, username: str, allowed: bool) -> None:
    """A disabled kehu user's role cannot log in; enabled again, it can."""
    db.execute_sql(f'ALTER ROLE "{role_name(username)}" {"LOGIN" if allowed else "NOLOGIN"}')


def current_user_id(db: Database) -> int | None:
    """The kehu user of this connection's login role (None: a role no kehu user has)."""
    if not is_secured(db):
        return None
    return db.execute_sql("SELECT kehu_uid()").fetchone()[0]


def session_role(db: Database) -> str:
    """The role the connection logged in as."""
    return db.execute_sql("SELECT session_user").fetchone()[0]


def sees_every_row(db: Database) -> bool:
    """Whether the connection's role is above the policies (a superuser, BYPASSRLS)."""
    row = db.execute_sql(
        "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user"
    ).fetchone()
    return bool(row and row[0])
