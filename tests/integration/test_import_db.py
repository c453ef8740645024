"""The import's SQL in db/: bulk rows with ids from the database, the temporary key table,
exact snapshots for undo."""

from __future__ import annotations

from kehu.db import bulk, customer_snapshots, import_keys
from kehu.db.connection import write
from kehu.db.models import Customer, CustomerCategory, KeyPerson
from kehu.services import classification, dossiers


def test_bulk_rows_get_their_ids_from_the_database(workspace, user):
    first = dossiers.create({"name": "甲"}, user)
    Customer.delete().where(Customer.id == first).execute()  # ids are not reused from max+1
    stamp = "2024-01-02 03:04:05"
    rows = [(f"乙{i}", f"T{i:03d}", user.id, "active", 1, stamp, stamp, "{}") for i in range(3)]
    columns = [
        "name", "code", "owner_id", "status", "version", "created_at", "updated_at", "custom_fields"
    ]  # fmt: skip

    def run() -> dict[str, int]:
        bulk.insert_rows(Customer, columns, rows)
        return bulk.customer_ids_by_code(["T000", "T001", "T002", "missing"])

    ids = write(Customer._meta.database, run)
    assert set(ids) == {"T000", "T001", "T002"}
    assert len(set(ids.values())) == 3
    assert {Customer.get_by_id(cid).code for cid in ids.values()} == set(ids)


def test_the_key_table_keeps_the_first_entry_of_a_hash(workspace):
    table = import_keys.KeyTable()
    try:
        table.store([(1, 10, None), (1, 11, None), (2, None, 5)])
        assert sorted(table.lookup([1, 2, 3])) == [(1, 10, None), (2, None, 5)]
    finally:
        table.drop()


def test_a_snapshot_restores_the_customer_exactly(workspace, user):
    region = classification.scheme_by_key("region")
    east = classification.add_category(region.id, "华东", user)
    cid = dossiers.create(
        {"name": "杭州西湖茶叶有限公司", "email": "old@tea.example"},
        user,
        persons=[{"name": "张三"}],
        categories={region.id: east},
    )
    saved = customer_snapshots.snapshot(cid)
    base = dossiers.load(cid)
    dossiers.save(base, {"email": "new@tea.example"}, user, persons=[{"name": "李四"}])
    CustomerCategory.delete().where(CustomerCategory.customer == cid).execute()

    write(Customer._meta.database, lambda: customer_snapshots.restore(cid, saved))
    assert customer_snapshots.snapshot(cid) == saved
    restored = dossiers.load(cid)
    assert restored.values == base.values and restored.version == base.version
    assert [p.name for p in KeyPerson.select().where(KeyPerson.customer == cid)] == ["张三"]
    assert classification.categories_of(cid) == {region.id: east}
