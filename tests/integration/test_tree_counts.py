"""Category counts: a parent counts its children, archived customers and visibility apply."""

from __future__ import annotations

from kehu.db.models import Category
from kehu.db.tree_counts import tree_counts
from kehu.services import auth, classification, dossiers


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
