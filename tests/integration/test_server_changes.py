"""Live refresh on a server (issue 16, point 4): another connection's committed save reaches
a listener as the customers it changed, without polling; its own writes are left out; the
optimistic locking of dossiers works across the two connections as on a file."""

from __future__ import annotations

import time

import pytest

from backends import other_connection
from kehu.db.models import ALL_MODELS
from kehu.db.server_changes import Listener, backend_pid, changes_of
from kehu.services import dossiers


def _wait_for(listener: Listener, seconds: float = 10.0) -> list[str]:
    deadline = time.monotonic() + seconds
    found: list[str] = []
    while not found and time.monotonic() < deadline:
        found = listener.payloads()
        if not found:
            time.sleep(0.05)
    return found


@pytest.fixture
def server_workspace(pg_server, monkeypatch, tmp_path):
    from kehu.services.workspace import open_workspace

    url = pg_server.new_database()
    ws = open_workspace(url, lang="zh_CN")
    yield url, ws
    ws.database.close()
    pg_server.drop(url)


def test_another_connections_save_is_pushed_with_its_customer(server_workspace):
    url, ws = server_workspace
    user = ws.user
    cid = dossiers.create({"name": "北京海淀华鑫商贸有限公司"}, user)
    listener = Listener(url, ignore_pid=backend_pid(ws.database.db))
    try:
        dossiers.save(dossiers.load(cid), {"phone": "010-1"}, user)  # this window's own
        assert _wait_for(listener, 0.5) == []
        other = other_connection(url)
        with other.bind_ctx(ALL_MODELS):
            dossiers.save(dossiers.load(cid), {"phone": "010-2"}, user)
        other.close()
        payloads = _wait_for(listener)
        changes = changes_of(payloads + listener.payloads())
        assert cid in changes.customers and not changes.all
    finally:
        listener.close()


def test_a_bulk_statement_names_its_table_only():
    changes = changes_of(["customer", "route_stop", "visit:3,4"])
    assert changes.all
    assert changes_of(["visit:3,4"]).visits == {3, 4}
    assert changes_of(["route_stop"]).routes
    assert changes_of(["customer:1,2"]).customers == {1, 2}
