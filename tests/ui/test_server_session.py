"""Live refresh of a window's session on a server (issue 16, point 4): another user's commit
is pushed by LISTEN/NOTIFY to the session's change hub, as the customer it changed, without
polling (the session's poll does nothing on a server)."""

from __future__ import annotations

import psycopg
import pytest

from kehu.services import dossiers
from kehu.ui.session import Session


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_another_users_save_reaches_the_hub_without_polling(qtbot, qapp, workspace, db_path):
    user = workspace.user
    cid = dossiers.create({"name": "广州天河商行"}, user)
    session = Session(workspace, user, "zh_CN")
    seen = []
    session.hub.changed.connect(seen.append)
    try:
        assert session.poll() is False
        dossiers.save(dossiers.load(cid), {"phone": "020-1"}, user)  # its own: not echoed
        with psycopg.connect(db_path, autocommit=True) as other:
            other.execute("UPDATE customer SET name = %s WHERE id = %s", ("广州天河百货商行", cid))
        qtbot.waitUntil(lambda: any(cid in c.customers for c in seen), timeout=5000)
        assert not any(c.all for c in seen)
        assert len(seen) == 1
    finally:
        session.shutdown()
