"""Classification trees: counts, filtering by a node, tree edits, drag to classify, undo."""

from __future__ import annotations

from kehu.core.changes import Changes
from kehu.db.models import AuditEntry, Category, CustomerCategory
from kehu.services import classification, dossiers
from kehu.ui.models.category_tree import CATEGORY, UNCLASSIFIED, CategoryTreeModel


def _category(name: str) -> Category:
    return Category.get(Category.name == name)


def test_tree_model_passes_modeltester(qtmodeltester, workspace):
    model = CategoryTreeModel()
    model.load(classification.scheme_tree("zh_CN"))
    qtmodeltester.check(model)


def test_clicking_a_node_filters_and_counts_are_right(qtbot, customers, window, user, loaded):
    grade_a = _category("主力客户 (A)")
    region = classification.scheme_by_key("region")
    east = classification.add(region.id, "华东", user).category_id
    shanghai = classification.add(region.id, "上海", user, parent_id=east).category_id
    classification.assign([customers["bj"], customers["sh"]], grade_a.id, user)
    classification.assign([customers["sh"]], shanghai, user)
    classification.assign([customers["hz"]], east, user)
    window.session.hub.notify(Changes(category_tree=True))  # written outside the window
    loaded(window)
    tree = window.categories.model
    assert tree.item_for(CATEGORY, grade_a.id).text() == "主力客户 (A) (2)"
    assert tree.item_for(CATEGORY, east).text() == "华东 (2)"  # a parent counts its children
    assert tree.item_for(CATEGORY, shanghai).text() == "上海 (1)"
    assert tree.item_for(UNCLASSIFIED, region.id).text().endswith("(3)")

    window.categories.select_node(CATEGORY, east)
    loaded(window)
    assert sorted(list(window.model.ids())) == sorted([customers["sh"], customers["hz"]])
    window.categories.select_node(UNCLASSIFIED, region.id)
    loaded(window)
    assert sorted(list(window.model.ids())) == sorted(
        [customers["bj"], customers["gz"], customers["cq"]]
    )
    window.categories.clear_filter()
    loaded(window)
    assert len(list(window.model.ids())) == 5


def test_drag_to_classify_persists_and_undoes(qtbot, customers, window, user, loaded):
    list_model = window.list_view.model()
    rows = [list_model.row_of(customers[k]) for k in ("bj", "sh", "gz")]
    mime = list_model.mimeData([list_model.index(r, 0) for r in rows])
    target = _category("正在交易")
    tree = window.categories.model
    index = tree.index_for(CATEGORY, target.id)
    assert tree.canDropMimeData(mime, 0, -1, -1, index)
    tree.dropMimeData(mime, 0, -1, -1, index)
    qtbot.waitUntil(
        lambda: CustomerCategory.select().where(CustomerCategory.category == target.id).count() == 3
    )
    loaded(window)
    assert tree.item_for(CATEGORY, target.id).text() == "正在交易 (3)"
    history = dossiers.history(customers["bj"])
    assert history[0]["new"] == "正在交易"
    assert AuditEntry.select().where(AuditEntry.action == "classify").exists()
    window.undo_action.trigger()
    assert not CustomerCategory.select().where(CustomerCategory.category == target.id).exists()
    assert not window.undo_action.isEnabled()


def test_dragging_a_category_moves_it(qtbot, window, user, loaded):
    scheme = classification.scheme_by_key("region")
    north = classification.add(scheme.id, "华北", user).category_id
    beijing = classification.add(scheme.id, "北京", user).category_id
    window.categories.reload()
    tree = window.categories.model
    mime = tree.mimeData([tree.index_for(CATEGORY, beijing)])
    grade = _category("主力客户 (A)")
    assert not tree.canDropMimeData(mime, 0, -1, -1, tree.index_for(CATEGORY, grade.id))
    tree.dropMimeData(mime, 0, -1, -1, tree.index_for(CATEGORY, north))
    qtbot.waitUntil(lambda: Category.get_by_id(beijing).parent_id == north)
    qtbot.waitUntil(lambda: tree.index_for(CATEGORY, beijing).parent().data() == "华北 (0)")
    window.undo()
    assert Category.get_by_id(beijing).parent_id is None


def test_rename_and_merge_are_undoable(customers, window, user, monkeypatch, loaded):
    nature = classification.scheme_by_key("nature")
    gov, company = _category("政府机构"), _category("普通公司")
    classification.assign([customers["bj"]], gov.id, user)
    window.session.record(classification.rename(company.id, "一般公司", user))
    assert Category.get_by_id(company.id).name == "一般公司"
    window.session.record(classification.merge(gov.id, company.id, user))
    assert classification.categories_of(customers["bj"]) == {nature.id: company.id}
    window.undo()
    restored = Category.get(Category.name == "政府机构")
    assert classification.categories_of(customers["bj"]) == {nature.id: restored.id}
    window.undo()
    assert Category.get_by_id(company.id).name == "普通公司"
