"""Shared fixtures: a fresh real database file per test, its local user, offscreen Qt."""

from __future__ import annotations

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
    monkeypatch.setenv("KEHU_SERVER_PREVIEW", "1")
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
