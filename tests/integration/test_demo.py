"""Demo data: realistic, valid, deterministic; ids from the database; a cancel rolls back."""

import pytest

from kehu.core.jobs import Cancelled, Job, Progress
from kehu.core.validation import check_phone, check_uscc
from kehu.db import bulk_load, health, search_index
from kehu.db.models import (
    Category,
    Customer,
    CustomerCategory,
    KeyPerson,
    Route,
    RouteStop,
    SaleLine,
    Scheme,
    Visit,
)
from kehu.db.search import search
from kehu.services import demo
from kehu.services.demo import workers  # CHUNK, PARALLEL_FROM


def test_demo_data_is_complete_valid_and_deterministic(workspace, user):
    result = demo.generate(1500, seed=7, user=user)
    assert result.customers == Customer.select().count() == 1500
    persons = KeyPerson.select().count()
    assert 1500 <= persons <= 6000
    assert result.routes == Route.select().count() > 0
    assert RouteStop.select().count() == result.route_stops > 0
    assert Visit.select().count() > 0 and SaleLine.select().count() > 0
    for customer in Customer.select().limit(300):
        assert check_uscc(customer.uscc) is None, customer.uscc
        assert check_phone(customer.phone) is None, customer.phone
        assert customer.latitude and customer.longitude
    for person in KeyPerson.select().limit(300):
        assert check_phone(person.mobile, mobile=True) is None
        assert person.birthday is not None
    grade = Scheme.get(Scheme.key == "grade")
    graded = CustomerCategory.select().where(CustomerCategory.scheme == grade).count()
    assert graded == 1500
    region = Scheme.get(Scheme.key == "region")
    assert Category.select().where(Category.scheme == region, Category.parent.is_null()).count()
    names = [c.name for c in Customer.select().order_by(Customer.id).limit(20)]
    assert any(n.startswith("北京") or n.startswith("上海") for n in names)


def test_same_seed_gives_the_same_data(tmp_path):
    from kehu.services.workspace import open_workspace

    results = []
    for run in range(2):
        ws = open_workspace(tmp_path / f"{run}.db")
        demo.generate(300, seed=11, user=ws.user)
        results.append([(c.name, c.phone, c.uscc) for c in Customer.select().order_by(Customer.id)])
        ws.database.close()
    assert results[0] == results[1]


def test_the_worker_process_generates_the_same_data(tmp_path, monkeypatch):
    """Big loads are generated in a spawned worker; the data must not depend on it."""
    from kehu.services.workspace import open_workspace

    def load(name: str, parallel_from: int) -> dict:
        monkeypatch.setattr(workers, "PARALLEL_FROM", parallel_from)
        monkeypatch.setattr(workers, "CHUNK", 400)
        ws = open_workspace(tmp_path / name)
        demo.generate(1000, seed=5, user=ws.user)
        db = ws.database.db
        found = {
            "customers": [
                (c.code, c.name, c.uscc) for c in Customer.select().order_by(Customer.id)
            ],
            "persons": KeyPerson.select().count(),
            "visits": Visit.select().count(),
            "keys": db.execute_sql("SELECT COUNT(*), MAX(key) FROM search_key").fetchone(),
            "counts": db.execute_sql(
                "SELECT category_id, owner_id, status, n FROM category_count ORDER BY 1, 2, 3"
            ).fetchall(),
        }
        recounted = db.execute_sql(
            "SELECT cc.category_id, c.owner_id, c.status, COUNT(*) FROM customer_category cc "
            "JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).fetchall()
        assert found["counts"] == recounted  # the counts the generator stored are right
        ws.database.close()
        return found

    in_process = load("here.db", 10**9)
    in_worker = load("worker.db", 0)
    assert in_process == in_worker
    assert in_process["keys"][0] > 10_000  # search keys came with the rows


def _state(db) -> dict:
    """Everything a demo load touches, to compare before and after."""
    tables = [
        "customer",
        "key_person",
        "customer_category",
        "category_count",
        "visit",
        "sale_line",
        "route",
        "route_stop",
        "search_key",
        "search_name",
        "search_text",
        "user",
        "product",
        "category",
        "audit_entry",
    ]
    found = {t: db.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    found["schema"] = db.execute_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    found["foreign_keys"] = db.execute_sql("PRAGMA foreign_keys").fetchone()[0]
    return found


def _cancelling_job(stage: str, at: int = 1) -> Job:
    """A job whose listener presses Cancel once `stage` has reached `at`."""

    def listener(progress: Progress) -> None:
        if progress.stage == stage and progress.done >= at:
            job.cancel()

    job = Job(listener)
    return job


def test_a_cancelled_demo_leaves_the_database_as_it_was(workspace, user, monkeypatch):
    monkeypatch.setattr(workers, "CHUNK", 200)
    db = workspace.database.db
    before = _state(db)
    with pytest.raises(Cancelled):
        demo.generate(1000, seed=3, user=user, job=_cancelling_job(demo.CUSTOMERS_STAGE, 400))
    assert _state(db) == before  # rows, demo team, indexes and count triggers as they were
    assert health.check(db).healthy


def test_a_demo_cancelled_while_indexing_the_keys_of_a_second_load_is_rolled_back(
    workspace, user, monkeypatch
):
    demo.generate(300, seed=3, user=user)
    db = workspace.database.db
    before = _state(db)
    job = _cancelling_job(search_index.STAGE)
    with pytest.raises(Cancelled):
        demo.generate(300, seed=4, user=user, job=job)  # not empty: keys come after the rows
    assert _state(db) == before
    assert health.check(db).healthy


def test_customers_get_their_ids_from_the_database(workspace, user, monkeypatch):
    """The generator expects ids the database does not give: every row follows the real ids."""
    expected = bulk_load.first_customer_number
    monkeypatch.setattr(bulk_load, "first_customer_number", lambda: expected() + 5000)
    monkeypatch.setattr(workers, "CHUNK", 250)
    result = demo.generate(600, seed=9, user=user)
    db = workspace.database.db
    ids = [c.id for c in Customer.select(Customer.id).order_by(Customer.id)]
    assert ids == list(range(1, 601)) and result.customers == 600
    assert health.check(db).healthy
    orphans = db.execute_sql(
        "SELECT (SELECT COUNT(*) FROM key_person WHERE customer_id NOT IN (SELECT id FROM customer))"
        " + (SELECT COUNT(*) FROM visit WHERE customer_id NOT IN (SELECT id FROM customer))"
        " + (SELECT COUNT(*) FROM sale_line WHERE customer_id NOT IN (SELECT id FROM customer))"
        " + (SELECT COUNT(*) FROM route_stop WHERE customer_id NOT IN (SELECT id FROM customer))"
        " + (SELECT COUNT(*) FROM customer_category WHERE customer_id NOT IN "
        "(SELECT id FROM customer))"
    ).fetchone()[0]
    assert orphans == 0
    assert KeyPerson.select().count() >= 600 and RouteStop.select().count() > 0
    someone = Customer.get_by_id(321)
    assert search(someone.code, user)[0] == someone.id  # keys under the real id
    assert search(someone.name, user)[0] == someone.id
    persons = KeyPerson.select().where(KeyPerson.customer == someone.id)
    assert search(persons[0].mobile, user) == [someone.id]


def test_a_second_load_continues_after_the_first(workspace, user):
    demo.generate(200, seed=1, user=user)
    result = demo.generate(150, seed=2, user=user)
    assert result.customers == 150 and Customer.select().count() == 350
    codes = [c.code for c in Customer.select().order_by(Customer.id)]
    assert len(set(codes)) == 350
    newest = Customer.select().order_by(Customer.id.desc()).get()
    assert search(newest.code, user) == [newest.id]
    assert health.check(workspace.database.db).healthy
