"""Bulk work on a server (issue 16, point 5): the demo generator and a large import write their
rows with COPY on PostgreSQL, and what they leave is what they leave in a file: the same rows,
the same derived tables (search keys, duplicate keys, sales summaries, category counts, the
Today panel's keys), the same search results and tree counts, a clean `kehu check`; the
server's indexes and foreign keys dropped for the load are back. A large import that fails
in the middle of a COPY leaves the database as it was (one transaction)."""

from __future__ import annotations

import openpyxl
import pytest

from backends import BOTH
from kehu.db import care_keys, duplicate_index, health, sales_summary, search, tree_counts
from kehu.db.dialect import SQLiteDialect, dialect
from kehu.db.models import Customer, ImportBatch
from kehu.db.pg_dialect import PostgresDialect
from kehu.services import demo, imports
from kehu.services.demo import workers
from kehu.services.imports import run
from kehu.services.workspace import open_workspace

DERIVED = {
    "search_key": "SELECT id, kind, key FROM search_key ORDER BY id",
    "search_name": "SELECT key, name FROM search_name ORDER BY key, name",
    "duplicate_key": "SELECT * FROM duplicate_key ORDER BY id",
    "sales_month": "SELECT * FROM sales_month ORDER BY customer_id, month",
    "sales_summary": "SELECT * FROM sales_summary ORDER BY 1, 2, 3, 4",
    "product_month": "SELECT * FROM product_month ORDER BY 1, 2, 3",
    "category_count": "SELECT category_id, owner_id, status, n FROM category_count ORDER BY 1, 2, 3",
    "care_key": "SELECT * FROM care_key ORDER BY customer_id",
    "birthday_key": "SELECT * FROM birthday_key ORDER BY person_id",
}
ROWS = {
    "customer": "SELECT id, code, name, short_name, phone, owner_id, status, completeness, "
    "name_sort, short_name_sort FROM customer ORDER BY id",
    "key_person": "SELECT id, customer_id, name, mobile, birthday FROM key_person ORDER BY id",
    "customer_category": "SELECT customer_id, scheme_id, category_id FROM customer_category "
    "ORDER BY 1, 2",
    "visit": "SELECT id, customer_id, salesperson_id, visit_date, next_visit_on FROM visit "
    "ORDER BY id",
    "sale_line": "SELECT id, sale_date, customer_id, product_id, quantity, amount FROM sale_line "
    "ORDER BY id",
    "route_stop": "SELECT route_id, customer_id, position FROM route_stop ORDER BY 1, 3",
}


def _text_rows(db) -> list[tuple]:
    sql = dialect(db)
    return db.execute_sql(
        f"SELECT {sql.TEXT_SCAN_ID}, {sql.TEXT_SCAN_COLUMN} FROM {sql.TEXT_SCAN_TABLE} ORDER BY 1"
    ).fetchall()


def _schema(db) -> tuple:
    """The server's indexes and foreign keys (a load drops some and must put them back)."""
    indexes = db.execute_sql(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"
    ).fetchall()
    keys = db.execute_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' ORDER BY 1, 2"
    ).fetchall()
    triggers = db.execute_sql(
        "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2"
    ).fetchall()
    return indexes, keys, triggers


def _problems(db) -> dict:
    """What `kehu check` finds wrong in the derived tables (`kehu.db.health`: the schema
    part reads SQLite's catalogue; the server's is compared by `_schema`)."""
    found = {
        "category_count": health.count_mismatches(db),
        "search_keys": health.customers_without_keys(db),
        "sort_keys": health.customers_without_sort_key(db),
        "name_text": health.customers_without_name_text(db),
        "duplicate_keys": duplicate_index.customers_without_keys(db),
        "sales_summary": sales_summary.differences(db),
        "care_keys": care_keys.differences(db),
    }
    return {name: wrong for name, wrong in found.items() if wrong}


def _figures(ws, queries: list[str]) -> dict:
    db, user = ws.database.db, ws.user
    counts = tree_counts.tree_counts(user)
    return {
        "rows": {name: db.execute_sql(sql).fetchall() for name, sql in ROWS.items()},
        "derived": {name: db.execute_sql(sql).fetchall() for name, sql in DERIVED.items()},
        "text": _text_rows(db),
        "counts": health.row_counts(),
        "problems": _problems(db),
        "tree": (counts.total, counts.direct, counts.rolled, counts.unclassified),
        "search": {q: sorted(search.search(q, user, limit=5000)) for q in queries},
    }


def test_a_demo_on_the_server_equals_the_same_demo_in_a_file(tmp_path, pg_server, monkeypatch):
    monkeypatch.setattr(workers, "CHUNK", 300)  # several chunks, each its own COPY
    url = pg_server.new_database()
    ws = open_workspace(url, lang="zh_CN")
    schema = _schema(ws.database.db)
    ws.database.close()
    found = {}
    for name, target in (("sqlite", tmp_path / "demo.db"), ("postgresql", url)):
        ws = open_workspace(target, lang="zh_CN")
        demo.generate(1000, seed=13, user=ws.user)
        if name == "sqlite":  # queries from the data: name prefixes, substrings, codes
            names = [n for (n,) in ws.database.db.execute_sql("SELECT name FROM customer")]
            queries = [n[:2] for n in names[:5]] + [n[2:5] for n in names[5:10]]
            queries += ["KH0001", "138", "zz"]
        else:
            assert _schema(ws.database.db) == schema  # indexes, keys and triggers are back
        found[name] = _figures(ws, queries)
        ws.database.close()
    file, server = found["sqlite"], found["postgresql"]
    assert file["problems"] == {} and server["problems"] == {}
    assert all(file["rows"].values()) and all(file["derived"].values())
    for part in ("rows", "derived"):
        for table in file[part]:
            assert server[part][table] == file[part][table], table
    for key in ("text", "counts", "tree", "search"):
        assert server[key] == file[key], key
    assert any(file["search"].values())


def _book(path, count: int):
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "电话", "区域", "联系人", "手机"])
    for i in range(count):
        region = ("华东/杭州", "华南/广州", None)[i % 3]
        book.active.append(
            [f"测试贸易公司{i:04d}", f"0571-8{i:07d}", region, f"王{i}", f"1381234{i:04d}"]
        )
    book.save(path)
    return path


IMPORTED = {
    "customer": "SELECT id, code, name, phone, owner_id, status, completeness, name_sort "
    "FROM customer ORDER BY id",
    "key_person": "SELECT customer_id, name, mobile FROM key_person ORDER BY customer_id, name",
    "customer_category": "SELECT customer_id, scheme_id, category_id FROM customer_category "
    "ORDER BY 1, 2",
    "category": "SELECT id, scheme_id, parent_id, name FROM category ORDER BY id",
    **{k: DERIVED[k] for k in ("search_key", "search_name", "duplicate_key", "category_count")},
}


@pytest.fixture
def one_load(monkeypatch):
    """Imports of a few hundred rows take the large-import path (one transaction, COPY on
    a server), in batches of 300 rows (200 category links: written without their triggers)."""
    monkeypatch.setattr(run, "LOAD_MIN_ROWS", 100)
    return imports.ImportOptions(create_categories=True, batch_size=300)


def test_an_import_on_the_server_writes_what_it_writes_in_a_file(
    tmp_path, pg_server, monkeypatch, one_load
):
    path = _book(tmp_path / "list.xlsx", 600)
    copied: list[tuple[str, int]] = []
    copy_rows = PostgresDialect.copy_rows

    def spy(self, db, table, columns, rows, **kwargs):
        copied.append((table, len(rows)))
        return copy_rows(self, db, table, columns, rows, **kwargs)

    monkeypatch.setattr(PostgresDialect, "copy_rows", spy)
    found = {}
    for name, target in (
        ("sqlite", tmp_path / "import.db"),
        ("postgresql", pg_server.new_database()),
    ):
        ws = open_workspace(target, lang="zh_CN")
        report = imports.run_import(path, ws.user, one_load)
        assert report.created == 600
        db = ws.database.db
        found[name] = {
            "rows": {t: db.execute_sql(sql).fetchall() for t, sql in IMPORTED.items()},
            "text": _text_rows(db),
            "problems": _problems(db),
            "search": sorted(search.search("测试贸易", ws.user, limit=1000)),
        }
        ws.database.close()
    assert ("customer", 300) in copied and ("key_person", 300) in copied  # through COPY
    assert ("customer_category", 200) in copied
    file, server = found["sqlite"], found["postgresql"]
    assert file["problems"] == {} and server["problems"] == {}
    for table in IMPORTED:
        assert file["rows"][table], table
        assert server["rows"][table] == file["rows"][table], table
    assert server["text"] == file["text"]
    assert server["search"] == file["search"] and len(file["search"]) == 600


STATE = ("customer", "key_person", "customer_category", "category", "category_count",
         "field_change", "search_key", "search_name", "duplicate_key", "care_key")  # fmt: skip


def _state(db) -> dict:
    tables = (*STATE, dialect(db).TEXT_SCAN_TABLE)
    return {t: sorted(db.execute_sql(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


@BOTH
def test_a_large_import_failing_in_the_middle_of_its_writes_leaves_the_database_as_it_was(
    workspace, user, tmp_path, monkeypatch, one_load, backend
):
    """The second batch's customers reach the database with a row it refuses (no code) in
    their middle: on a server that COPY fails half written; nothing of the import stays."""
    db = workspace.database.db
    demo.generate(50, seed=5, user=user)  # a small database beside a large sheet
    before = _state(db)
    schema = _schema(db) if backend == "postgresql" else None
    path = _book(tmp_path / "bad.xlsx", 600)
    kind = type(dialect(db))
    assert kind in (SQLiteDialect, PostgresDialect)
    copy_rows = kind.copy_rows
    batches = []

    def refused_in_the_middle(self, db, table, columns, rows, **kwargs):
        if table == "customer":
            batches.append(len(rows))
            if len(batches) == 2:
                at = list(columns).index("code")
                rows = list(rows)
                rows[len(rows) // 2] = tuple(
                    None if n == at else v for n, v in enumerate(rows[len(rows) // 2])
                )
        return copy_rows(self, db, table, columns, rows, **kwargs)

    monkeypatch.setattr(kind, "copy_rows", refused_in_the_middle)
    with pytest.raises(Exception, match="(?i)null|code"):
        imports.run_import(path, user, one_load)
    assert len(batches) == 2
    assert _state(db) == before
    if schema is not None:
        assert _schema(db) == schema  # the dropped indexes came back with the rollback
    assert ImportBatch.select().where(ImportBatch.status == "failed").count() == 1
    assert Customer.select().count() == 50
