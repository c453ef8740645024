"""`kehu check` finds what an interrupted bulk load leaves behind, in plain words, and
`kehu repair` rebuilds it (issue 12, point 5)."""

from __future__ import annotations

import json

import pytest

from kehu.app import main
from kehu.db import health
from kehu.db.models import ImportBatch, database_proxy
from kehu.services import demo


@pytest.fixture(autouse=True)
def _close_after():
    yield
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()


def run(capsys, *argv):
    code = main(["--lang", "en", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out + err


def _degrade(db) -> None:
    """What a killed or disk-full bulk load used to leave: no search keys, the count triggers
    and some indexes dropped, the counts wrong, an import "running" for ever."""
    for (name,) in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'category_count_%'"
    ).fetchall():
        db.execute_sql(f'DROP TRIGGER "{name}"')
    for name in ("customer_code", "search_key_kind_key", "visit_customer_id_visit_date"):
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    db.execute_sql('DELETE FROM "search_key"')
    db.execute_sql('DELETE FROM "search_text"')
    db.execute_sql('UPDATE "category_count" SET n = 0')
    ImportBatch.create(kind="customers", filename="客户.xlsx", summary='{"host": "x", "pid": 1}',
                       started_at="2020-01-01 08:00:00")  # fmt: skip


def test_check_names_each_problem_and_repair_rebuilds_them(capsys, workspace, user, db_path):
    demo.generate(120, seed=5, user=user)
    name = workspace.database.db.execute_sql("SELECT name FROM customer LIMIT 1").fetchone()[0]
    _degrade(workspace.database.db)
    workspace.database.close()

    code, text = run(capsys, "--db", db_path, "check")
    assert code == 1 and "The database is healthy" not in text
    for expected in (
        "120 of 120 customers have no search keys",
        "missing from the name index",
        "trigger 'category_count_link_insert'",
        "index 'customer_code'",
        "classification counts differ",
        "Import 1 (客户.xlsx) was interrupted",  # marked so by the open: no longer "running"
        "kehu repair",
    ):
        assert expected in text, (expected, text)

    code, text = run(capsys, "--db", db_path, "repair")
    assert code == 0, text
    assert "Created again" in text and "Search keys computed again for 120" in text
    assert "The database is healthy" in text

    code, text = run(capsys, "--db", db_path, "--lang", "zh_CN", "check", "--json")
    report = json.loads(text[text.index("{") :])
    assert report["healthy"] and report["problems"] == []
    assert any("中断" in n or "undo" in n for n in report["notes"])  # the interrupted import
    code, text = run(capsys, "--db", db_path, "search", name)  # its own name finds it again
    assert code == 0 and name in text


def test_a_healthy_database_needs_no_repair(capsys, workspace, user, db_path):
    demo.generate(30, seed=1, user=user)
    assert health.check(workspace.database.db).healthy
    workspace.database.close()
    code, text = run(capsys, "--db", db_path, "repair")
    assert code == 0 and "Nothing needed rebuilding" in text
