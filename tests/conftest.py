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


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "kehu.db"


@pytest.fixture
def workspace(db_path) -> Workspace:
    ws = open_workspace(db_path, lang="zh_CN")
    yield ws
    ws.database.close()


@pytest.fixture
def user(workspace):
    return workspace.user
