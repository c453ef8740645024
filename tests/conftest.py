"""Shared fixtures: a fresh real database file per test, its local user, offscreen Qt."""

from __future__ import annotations

import itertools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kehu.services.workspace import Workspace, open_workspace  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KEHU_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("KEHU_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    yield


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("backends") and "backend" in metafunc.fixturenames:
        from backends import BACKENDS

        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server (tests/backends.py); skips when there is none."""
    from backends import Server, pg_available

    reason = pg_available()
    if reason:
        pytest.skip(reason)
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def backend(request):
    """ "sqlite", or "postgresql" in modules marked with backends.BOTH."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_path(tmp_path, backend, request, monkeypatch):
    """Where the test's database is: a file, or (backend postgresql) a server database URL."""
    if backend == "sqlite":
        yield tmp_path / "kehu.db"
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    yield url
    from kehu.db.models import database_proxy

    bound = database_proxy.obj
    if getattr(bound, "kehu_url", None) == url and not bound.is_closed():
        bound.close()
    server.drop(url)


@pytest.fixture
def memory_keyring():
    """Passwords kept in memory (tests/keyrings.py) instead of the machine's keyring."""
    import keyring

    from keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def workspace(db_path) -> Workspace:
    ws = open_workspace(db_path, lang="zh_CN")
    yield ws
    ws.database.close()


@pytest.fixture
def user(workspace):
    return workspace.user


_offices = itertools.count(1)


@pytest.fixture
def server_office(pg_server, monkeypatch):
    """A secured server database that asks for passwords: salespeople wang and li, each a
    login role with backends.PASSWORD and customers of their own, and a login role that is
    no kehu user. Yields admin (URL), wang (kehu.db.server.Address, no password), people,
    customers (ids per person) and stranger (the role's name)."""
    from backends import PASSWORD
    from kehu.db import server_roles
    from kehu.db.server import Address
    from kehu.services import auth, dossiers
    from kehu.services.workspace import open_workspace

    admin_url = pg_server.new_database()
    ws = open_workspace(admin_url, lang="zh_CN")
    db = ws.database.db
    server_roles.secure(db)
    tag = f"{os.getpid()}_{next(_offices)}"
    people = {}
    for key in ("wang", "li"):
        user = auth.create_user(f"{key}_{tag}", key, role="salesperson", by=ws.user)
        server_roles.create_login(db, user.id, user.username, PASSWORD)
        people[key] = user
    stranger = f"stranger_{tag}"
    db.execute_sql(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE kehu_users")
    customers = {
        key: {dossiers.create({"name": name}, ws.user, owner=people[key]) for name in names}
        for key, names in (("wang", ("王的长沙商行", "王的岳阳商行")), ("li", ("李的株洲商行",)))
    }
    ws.database.close()
    admin = Address.from_url(admin_url)
    asked = pg_server.ask_passwords(admin.database)
    wang = Address(admin.host, admin.database, server_roles.role_name(people["wang"].username),
                   admin.port)  # fmt: skip
    yield {
        "admin": admin_url,
        "wang": wang,
        "people": people,
        "customers": customers,
        "stranger": stranger,
    }
    pg_server.trust_again(asked)
    pg_server.drop(admin_url)
    with pg_server.admin() as conn:
        for role in (*(server_roles.role_name(u.username) for u in people.values()), stranger):
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')
