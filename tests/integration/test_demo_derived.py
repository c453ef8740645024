"""The derived tables a demo load writes from its workers' rows (search keys, duplicate keys,
completeness, sales summaries, category counts) equal what the normal paths compute for the
same customers: the repair rebuilds run over the loaded file change nothing."""

import pytest

from kehu.db import bulk_load, completeness, sales_summary, search_index
from kehu.services import demo
from kehu.services.demo import workers  # CHUNK, PARALLEL_FROM

DERIVED = {
    "search_key": "SELECT id, kind, key FROM search_key ORDER BY id",
    "search_text": "SELECT rowid, text FROM search_text ORDER BY rowid",
    "search_name": "SELECT key, name FROM search_name ORDER BY key, name",
    "duplicate_key": "SELECT * FROM duplicate_key ORDER BY id",
    "completeness": "SELECT id, completeness FROM customer ORDER BY id",
    "sales_month": "SELECT * FROM sales_month ORDER BY customer_id, month",
    "sales_summary": "SELECT * FROM sales_summary ORDER BY 1, 2, 3, 4",
    "product_month": "SELECT * FROM product_month ORDER BY 1, 2, 3",
    "category_count": "SELECT category_id, owner_id, status, n FROM category_count ORDER BY 1, 2, 3",
}


def _derived(db) -> dict[str, list]:
    return {name: db.execute_sql(sql).fetchall() for name, sql in DERIVED.items()}


def _rebuilt(db) -> dict[str, list]:
    """The same tables computed again by the paths a card save, an import or repair use."""
    search_index.rebuild_all()  # search keys, names, text and the duplicate keys
    assert completeness.fill() == 0  # no stored completeness differs from the rule
    sales_summary.rebuild(db)
    db.execute_sql("DELETE FROM category_count")
    db.execute_sql(
        "INSERT INTO category_count (category_id, owner_id, status, n) "
        "SELECT cc.category_id, c.owner_id, c.status, COUNT(*) FROM customer_category cc "
        "JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3"
    )
    return _derived(db)


@pytest.mark.parametrize("shifted", [False, True], ids=["expected ids", "renumbered"])
def test_demo_derived_tables_equal_what_the_normal_paths_compute(
    workspace, user, monkeypatch, shifted
):
    monkeypatch.setattr(workers, "CHUNK", 300)
    if shifted:  # the database gives other ids than the generator numbered with
        expected = bulk_load.first_customer_number
        monkeypatch.setattr(bulk_load, "first_customer_number", lambda: expected() + 777)
    demo.generate(1000, seed=13, user=user)
    db = workspace.database.db
    loaded = _derived(db)
    assert all(loaded[name] for name in DERIVED), [n for n in DERIVED if not loaded[n]]
    assert sales_summary.differences(db) == []
    rebuilt = _rebuilt(db)
    for name in DERIVED:
        assert loaded[name] == rebuilt[name], name


def test_a_demo_generated_in_worker_processes_writes_the_same_derived_tables(tmp_path, monkeypatch):
    from kehu.services.workspace import open_workspace

    monkeypatch.setattr(workers, "CHUNK", 400)
    found = []
    for name, parallel_from in (("here.db", 10**9), ("worker.db", 0)):
        monkeypatch.setattr(workers, "PARALLEL_FROM", parallel_from)
        ws = open_workspace(tmp_path / name)
        demo.generate(900, seed=3, user=ws.user)
        found.append(_derived(ws.database.db))
        ws.database.close()
    assert found[0] == found[1]
