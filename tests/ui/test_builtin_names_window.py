"""A database made by `kehu init` under LANG=C.UTF-8 shows Chinese categories in the Chinese
window and English ones in the English window (issue 14, point 8): the trees, the card, the
classify dialog, the analysis choices and the Today panel; a rename stays as typed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from conftest import wait_loaded
from kehu.db.models import Category
from kehu.services import classification, dossiers
from kehu.ui import translations
from kehu.ui.models.category_tree import CATEGORY, SCHEME


@pytest.fixture
def db_path(tmp_path):
    """The database file, created by the command line under LANG=C.UTF-8."""
    path = tmp_path / "made_under_c.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = "C.UTF-8"
    subprocess.run(
        [sys.executable, "-m", "kehu", "--db", str(path), "init"], env=env, check=True, timeout=120
    )
    return path


@pytest.fixture
def graded(workspace, user):
    grade = classification.scheme_by_key("grade")
    a = Category.get(Category.scheme == grade.id, Category.position == 0)
    assert a.name == "Key customer (A)"  # stored as the English process wrote it
    cid = dossiers.create({"name": "杭州西湖茶叶有限公司"}, user, categories={grade.id: a.id})
    return cid, grade, a


def _open(qtbot, qapp, workspace, user, lang, monkeypatch):
    from kehu.ui.application import open_session_window

    translations.install(qapp, lang)
    main = open_session_window(workspace, user, lang)
    qtbot.addWidget(main)
    main.show()
    wait_loaded(qtbot, main)
    qtbot.waitUntil(lambda: main.route_views.today_panel.report is not None, timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return main


def _today_texts(main) -> list[str]:
    model = main.route_views.today_panel.model
    found = []
    for row in range(model.rowCount()):
        section = model.item(row, 0)
        for child in range(section.rowCount()):
            found += [section.child(child, c).text() for c in range(section.columnCount())]
    return found


@pytest.mark.parametrize(
    ("lang", "scheme", "grade_a", "nature"),
    [
        ("zh_CN", "客户等级", "主力客户 (A)", "政府机构"),
        ("en", "Grade", "Key customer (A)", "Government body"),
    ],
)
def test_the_window_names_built_in_categories_in_its_language(
    qtbot, qapp, workspace, user, graded, monkeypatch, lang, scheme, grade_a, nature
):
    cid, grade, a = graded
    main = _open(qtbot, qapp, workspace, user, lang, monkeypatch)
    try:
        tree = main.categories.model
        assert tree.item_for(SCHEME, grade.id).text().startswith(scheme)
        assert tree.item_for(CATEGORY, a.id).text() == f"{grade_a} (1)"
        card = main.open_card(cid)
        box = card.category_boxes[grade.id]
        assert box.currentText() == grade_a
        label = card.classification_form.labelForField(box)
        assert label.text() == scheme
        nature_box = card.category_boxes[classification.scheme_by_key("nature").id]
        assert nature_box.itemText(1) == nature
        choices = [
            main.analysis_view.scheme_box.itemText(i)
            for i in range(main.analysis_view.scheme_box.count())
        ]
        assert scheme in choices
        assert any(text.startswith(grade_a) for text in _today_texts(main))  # cadence
        card._set_dirty(False)
    finally:
        main.close()
        translations.install(qapp, "en")


def test_a_category_renamed_in_the_window_stays_as_typed(
    qtbot, qapp, workspace, user, graded, monkeypatch
):
    _cid, _grade, a = graded
    main = _open(qtbot, qapp, workspace, user, "zh_CN", monkeypatch)
    try:
        tree = main.categories.model
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("大客户", True))
        main.categories.rename(tree.index_for(CATEGORY, a.id))
        qtbot.waitUntil(lambda: tree.item_for(CATEGORY, a.id).text() == "大客户 (1)")
        assert classification.scheme_tree("en")[4].categories[0].name == "大客户"
        QApplication.processEvents()
    finally:
        main.close()
        translations.install(qapp, "en")
