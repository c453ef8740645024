"""Category counts: a parent counts its children, archived customers and visibility apply."""

from __future__ import annotations

from backends import BOTH
from kehu.db.dialect import dialect
from kehu.db.models import Category, Customer
from kehu.db.tree_counts import tree_counts
from kehu.services import auth, classification, dossiers

pytestmark = BOTH


def _make(user, names, owner=None):
    return [dossiers.create({"name": n}, user, owner=owner) for n in names]


def test_counts_roll_up_and_unclassified(workspace, user):
    ids = _make(user, ["甲", "乙", "丙", "丁"])
    region = classification.scheme_by_key("region")
    east = classification.add(region.id, "华东", user).category_id
    shanghai = classification.add(region.id, "上海", user, parent_id=east).category_id
    pudong = classification.add(region.id, "浦东", user, parent_id=shanghai).category_id
    classification.assign(ids[:2], pudong, user)
    classification.assign(ids[2:3], east, user)
    counts = tree_counts(user)
    assert counts.total == 4
    assert (counts.of(pudong), counts.of(shanghai), counts.of(east)) == (2, 2, 3)
    assert counts.direct == {pudong: 2, east: 1}
    assert counts.unclassified[region.id] == 1
    grade = classification.scheme_by_key("grade")
    assert counts.unclassified[grade.id] == 4


def test_archived_customers_count_only_when_shown(workspace, user):
    ids = _make(user, ["甲", "乙"])
    a = Category.get(Category.name == "主力客户 (A)")
    classification.assign(ids, a.id, user)
    dossiers.archive(ids[0], user)
    assert tree_counts(user).of(a.id) == 1
    assert tree_counts(user, include_archived=True).of(a.id) == 2
    assert tree_counts(user).total == 1


def test_counts_respect_visibility(workspace, user):
    seller = auth.create_user("wang", "王芳", role="salesperson")
    mine = _make(user, ["甲", "乙"], owner=seller)
    others = _make(user, ["丙"])
    a = Category.get(Category.name == "主力客户 (A)")
    classification.assign(mine + others, a.id, user)
    assert tree_counts(seller).of(a.id) == 2
    assert tree_counts(seller).total == 2
    assert tree_counts(user).of(a.id) == 3


# -- the counts table kept by triggers (schema 4)


def _stored() -> dict[tuple[int, int, str], int]:
    rows = Customer._meta.database.execute_sql(
        "SELECT category_id, owner_id, status, n FROM category_count WHERE n != 0"
    )
    return {(c, o, s): n for c, o, s, n in rows}


def _recounted() -> dict[tuple[int, int, str], int]:
    rows = Customer._meta.database.execute_sql(
        "SELECT cc.category_id, COALESCE(c.owner_id, 0), c.status, COUNT(*) "
        "FROM customer_category cc JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3"
    )
    return {(c, o, s): n for c, o, s, n in rows}


def _assert_counts_right() -> None:
    assert _stored() == _recounted()


def test_counts_table_follows_every_change(workspace, user):
    seller = auth.create_user("li", "李明", role="salesperson")
    ids = _make(user, ["甲", "乙", "丙", "丁"])
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.name == "主力客户 (A)")
    b = Category.select().where(Category.scheme == grade.id, Category.id != a.id).first()
    change = classification.classify(ids[:3], a.id, user, grade.id)
    _assert_counts_right()
    assert tree_counts(user).of(a.id) == 3
    classification.undo(change, user)  # unclassify
    _assert_counts_right()
    assert tree_counts(user).of(a.id) == 0
    classification.classify(ids, a.id, user, grade.id)
    classification.classify(ids[:1], b.id, user, grade.id)  # moved to another category
    _assert_counts_right()
    assert (tree_counts(user).of(a.id), tree_counts(user).of(b.id)) == (3, 1)
    classification.classify(ids[1:2], None, user, grade.id)  # unclassified
    _assert_counts_right()
    dossiers.archive(ids[2], user)
    _assert_counts_right()
    assert tree_counts(user).of(a.id) == 1
    assert tree_counts(user, include_archived=True).of(a.id) == 2
    dossiers.restore(ids[2], user)
    _assert_counts_right()
    Customer.update(owner=seller).where(Customer.id.in_(ids[2:])).execute()  # owner change
    _assert_counts_right()
    assert tree_counts(seller).of(a.id) == 2
    assert tree_counts(user).of(a.id) == 2
    dossiers.erase(ids[3], user, "客户要求删除")
    _assert_counts_right()
    assert tree_counts(seller).of(a.id) == 1
    classification.merge(b.id, a.id, user)  # b's customers move to a, b goes
    _assert_counts_right()
    assert tree_counts(user).of(a.id) == 2


def test_counts_stay_right_through_import_and_undo(workspace, user, tmp_path):
    import openpyxl

    from kehu.services import imports
    from kehu.services.imports import ImportOptions, run_import

    existing = _make(user, ["北京海淀科技有限公司"])[0]
    a = Category.get(Category.name == "主力客户 (A)")
    grade = classification.scheme_by_key("grade")
    other = Category.select().where(Category.scheme == grade.id, Category.id != a.id).first()
    classification.classify([existing], a.id, user, grade.id)
    book = openpyxl.Workbook()
    for row in [
        ["公司名称", grade.name],
        ["北京海淀科技有限公司", other.name],
        ["深圳南山电子厂", a.name],
    ]:
        book.active.append(row)
    path = tmp_path / "grades.xlsx"
    book.save(path)
    report = run_import(path, user, ImportOptions(on_duplicate="overwrite"))
    assert (report.created, report.updated) == (1, 1)
    _assert_counts_right()
    assert (tree_counts(user).of(a.id), tree_counts(user).of(other.id)) == (1, 1)
    imports.undo(report.batch_id, user)
    _assert_counts_right()
    assert (tree_counts(user).of(a.id), tree_counts(user).of(other.id)) == (1, 0)


def test_bulk_load_without_triggers_rebuilds_the_counts(workspace, user):
    from kehu.db.tree_counts import count_triggers_dropped, rebuild_counts
    from kehu.services import demo

    demo.generate(customers=60, user=user)
    _assert_counts_right()
    db = Customer._meta.database
    with count_triggers_dropped(db):
        db.execute_sql("DELETE FROM customer_category")
        assert _stored() != _recounted()  # no trigger counted the deletion
    assert _stored() == _recounted() == {}
    triggers = dialect(db).trigger_definitions(db, "category_count_")
    assert len(triggers) == 6  # recreated
    rebuild_counts(db)
    _assert_counts_right()


def test_a_customer_shared_with_a_salesperson_is_counted_in_her_tree(workspace, user):
    from kehu.services import transfer

    li = auth.create_user("li", "李丽", role="salesperson")
    wang = auth.create_user("wang", "王强", role="salesperson")
    mine = _make(user, ["李的"], owner=li)
    his = _make(user, ["王的一", "王的二"], owner=wang)
    a = Category.get(Category.name == "主力客户 (A)")
    classification.assign(mine + his, a.id, user)
    assert tree_counts(li).of(a.id) == 1
    transfer.share(his[:1], li, False, user)
    counts = tree_counts(li)
    assert counts.total == 2 and counts.of(a.id) == 2
    grade = classification.scheme_by_key("grade")
    assert counts.unclassified[grade.id] == 0
    dossiers.archive(his[0], user)
    assert tree_counts(li).of(a.id) == 1
    assert tree_counts(li, include_archived=True).of(a.id) == 2
    transfer.share(mine, wang, False, user)  # a share of a customer he does not see yet
    assert tree_counts(wang).of(a.id) == 2  # his one active + li's shared; the archived not
    assert tree_counts(user).of(a.id) == 2  # the administrator counts each customer once
