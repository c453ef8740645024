"""Demo data: realistic, valid, deterministic."""

from kehu.core.validation import check_phone, check_uscc
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
from kehu.services import demo


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
        monkeypatch.setattr(demo, "PARALLEL_FROM", parallel_from)
        monkeypatch.setattr(demo, "CHUNK", 400)
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
