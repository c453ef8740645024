"""Row-level security as a real boundary (issue 16, point 3): connected with plain psycopg as
each kehu user's login role, not through kehu, a salesperson reads and writes only their own
customers (and what hangs from them), a manager their team's, an administrator all; nobody
updates or deletes the audit log."""

from __future__ import annotations

import itertools
import logging
import os
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from kehu.db import server_roles
from kehu.db.models import AuditEntry, Customer, User
from kehu.services import auth, dossiers
from kehu.services.workspace import open_workspace

_numbers = itertools.count(1)


def _as(url: str, role: str) -> psycopg.Connection:
    parts = urlsplit(url)
    netloc = parts.netloc.split("@", 1)[-1]
    return psycopg.connect(
        urlunsplit((parts.scheme, f"{role}@{netloc}", parts.path, parts.query, "")),
        autocommit=True,
    )


@pytest.fixture
def office(pg_server, monkeypatch):
    """A secured server database with an administrator, a manager over one salesperson, and
    another salesperson, each with a login role and customers of their own."""
    url = pg_server.new_database()
    ws = open_workspace(url, lang="zh_CN")
    db = ws.database.db
    server_roles.secure(db)
    tag = f"{os.getpid()}_{next(_numbers)}"
    admin = ws.user
    people = {}
    for key, role, manager in (
        ("boss", "admin", None),
        ("zhao", "manager", None),
        ("wang", "salesperson", "zhao"),
        ("li", "salesperson", None),
    ):
        user = auth.create_user(
            f"{key}_{tag}", key, role=role, manager=people.get(manager), by=admin
        )
        server_roles.create_login(db, user.id, user.username, "secret")
        people[key] = user
    customers = {
        key: dossiers.create(
            {"name": f"{key}的客户有限公司"},
            admin,
            persons=[{"name": f"{key}联系人"}],
            owner=people[key],
        )
        for key in ("zhao", "wang", "li")
    }
    yield url, people, customers
    ws.database.close()
    pg_server.drop(url)
    with pg_server.admin() as conn:
        for user in people.values():
            conn.execute(f'DROP ROLE IF EXISTS "{server_roles.role_name(user.username)}"')


def _names(conn, sql: str) -> set[str]:
    return {row[0] for row in conn.execute(sql)}


def test_a_salesperson_reads_only_their_own_customers(office):
    url, people, customers = office
    with _as(url, server_roles.role_name(people["wang"].username)) as wang:
        assert _names(wang, "SELECT name FROM customer") == {"wang的客户有限公司"}
        assert _names(wang, "SELECT name FROM key_person") == {"wang联系人"}
        keys = wang.execute("SELECT DISTINCT id / 256 FROM search_key").fetchall()
        assert keys == [(customers["wang"],)]
        texts = wang.execute("SELECT rowid FROM search_text").fetchall()
        assert texts == [(customers["wang"],)]
        assert wang.execute(
            "SELECT COUNT(*) FROM field_change WHERE customer_id = %s", (customers["li"],)
        ).fetchone() == (0,)
        # Another's customer cannot be changed, nor one made for another owner.
        changed = wang.execute(
            "UPDATE customer SET name = 'x' WHERE id = %s", (customers["li"],)
        ).rowcount
        assert changed == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            wang.execute(
                "INSERT INTO customer (name, code, owner_id, status, version, created_at, "
                "updated_at, custom_fields) VALUES ('y', 'X1', %s, 'active', 1, '', '', '{}')",
                (people["li"].id,),
            )
    assert Customer.get_by_id(customers["li"]).name == "li的客户有限公司"


def test_a_manager_reads_their_team_and_an_administrator_everything(office):
    url, people, _customers = office
    with _as(url, server_roles.role_name(people["zhao"].username)) as zhao:
        assert _names(zhao, "SELECT name FROM customer") == {
            "zhao的客户有限公司",
            "wang的客户有限公司",
        }
    with _as(url, server_roles.role_name(people["boss"].username)) as boss:
        assert len(_names(boss, "SELECT name FROM customer")) == 3


def test_a_shared_customer_is_seen_by_the_colleague(office):
    url, people, customers = office
    with _as(url, server_roles.role_name(people["boss"].username)) as boss:
        boss.execute(
            "INSERT INTO customer_share (customer_id, user_id, can_edit, shared_at) "
            "VALUES (%s, %s, 0, '2026-01-01 00:00:00')",
            (customers["li"], people["wang"].id),
        )
    with _as(url, server_roles.role_name(people["wang"].username)) as wang:
        assert "li的客户有限公司" in _names(wang, "SELECT name FROM customer")
        # Shared for reading: not for writing.
        assert (
            wang.execute(
                "UPDATE customer SET phone = '1' WHERE id = %s", (customers["li"],)
            ).rowcount
            == 0
        )


def test_nobody_updates_or_deletes_the_audit_log(office):
    url, people, _customers = office
    before = AuditEntry.select().count()
    for key in ("wang", "boss"):
        with _as(url, server_roles.role_name(people[key].username)) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE audit_entry SET summary = 'gone'")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM audit_entry")
            conn.execute(
                "INSERT INTO audit_entry (at, user_id, action, details) "
                "VALUES ('2026-01-01 00:00:00', %s, 'test', '{}')",
                (people[key].id,),
            )
    assert AuditEntry.select().count() == before + 2
    with _as(url, server_roles.role_name(people["wang"].username)) as wang:
        seen = wang.execute("SELECT DISTINCT user_id FROM audit_entry").fetchall()
        assert seen == [(people["wang"].id,)]


def test_the_user_administration_gives_each_user_a_login_role(office, pg_server):
    url, people, _customers = office
    admin = auth.automatic_user()
    user = auth.create_user(f"sun_{os.getpid()}", "孙", password="pass-word-1", by=admin)
    role = server_roles.role_name(user.username)
    try:
        assert user.password_hash is None  # the server's password, not kehu's

        def login(name: str) -> tuple:
            with pg_server.admin() as conn:
                return conn.execute(
                    "SELECT rolcanlogin, rolpassword IS NOT NULL FROM pg_authid WHERE rolname = %s",
                    (name,),
                ).fetchone()

        assert login(role) == (True, True)
        with _as(url, role) as sun:
            assert sun.execute("SELECT kehu_uid()").fetchone() == (user.id,)
            assert sun.execute("SELECT COUNT(*) FROM customer").fetchone() == (0,)
        from kehu.services import users

        users.disable_user(user, admin)
        assert login(role) == (False, True)
        users.enable_user(User.get_by_id(user.id), admin)
        assert login(role)[0] is True
    finally:
        with pg_server.admin() as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _login_as(url: str, role: str) -> psycopg.Connection:
    """A plain psycopg connection as `role` (any name: passed as a keyword, not in the URL)."""
    parts = urlsplit(url)
    netloc = parts.netloc.split("@", 1)[-1]
    bare = f"{parts.scheme}://{netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
    return psycopg.connect(bare, user=role, autocommit=True)


def test_chinese_user_names_get_login_roles_of_their_own(office, pg_server):
    url, _people, _customers = office
    admin = auth.automatic_user()
    tag = os.getpid()
    made = [
        auth.create_user(f"{name}{tag}", name, password="pass-word-1", by=admin)
        for name in ("王芳", "李娜")
    ]
    roles = [server_roles.role_name(user.username) for user in made]
    try:
        assert roles == [f"王芳{tag}", f"李娜{tag}"]  # not both "__…"
        for user, role in zip(made, roles, strict=True):
            with _login_as(url, role) as conn:
                assert conn.execute("SELECT kehu_uid()").fetchone() == (user.id,)
    finally:
        with pg_server.admin() as conn:
            for role in roles:
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def test_a_user_name_whose_login_the_server_already_has_is_refused(office, pg_server):
    _url, _people, _customers = office
    admin = auth.automatic_user()
    other = f"zhou_{os.getpid()}"
    with pg_server.admin() as conn:
        conn.execute(f'CREATE ROLE "{other}" LOGIN')
    try:
        users_before = User.select().count()
        with pytest.raises(auth.AuthError) as refused:
            auth.create_user(other.upper(), "周", password="pass-word-1", by=admin)
        assert other in refused.value.message("en")
        assert User.select().count() == users_before
        with pg_server.admin() as conn:
            member = conn.execute(
                "SELECT pg_has_role(%s, 'kehu_users', 'MEMBER')", (other,)
            ).fetchone()
        assert member == (False,)  # the other role was not taken into the office
    finally:
        with pg_server.admin() as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{other}"')


def test_a_password_set_by_kehu_never_appears_in_its_sql_log(office, pg_server, caplog):
    _url, people, _customers = office
    admin = auth.automatic_user()
    from kehu.services import users

    secret = "Never-In-A-Log-42"
    with caplog.at_level(logging.DEBUG):
        users.set_password(people["li"], secret, by=admin)
    assert caplog.records and not any(secret in r.getMessage() for r in caplog.records)
    with pg_server.admin() as conn:
        stored = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s",
            (server_roles.role_name(people["li"].username),),
        ).fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$")
