"""Ordered id queries: keyset pages give exactly the full ordered list, filters apply."""

from __future__ import annotations

import pytest

from kehu.core.search_keys import sort_key
from kehu.db import customer_list
from kehu.db.customer_list import ListSpec
from kehu.db.models import Customer
from kehu.services import auth, classification, dossiers


@pytest.fixture
def many(workspace, user):
    names = ["丙公司", "甲公司", "乙公司", "丁公司", "甲公司", None]
    ids = []
    for i, industry in enumerate(["a", None, "b", "a", None, "c"] * 3):
        name = names[i % 6] or f"戊{i}"
        ids.append(dossiers.create({"name": name, "industry": industry}, user))
    return ids


@pytest.mark.parametrize("sort", ["code", "name", "industry", "owner", "updated_at"])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_equal_one_ordered_query(user, many, sort, descending):
    spec = ListSpec(user, sort=sort, descending=descending)
    paged = [cid for page in customer_list.iter_pages(spec, first=2, largest=4) for cid in page]
    assert sorted(paged) == sorted(many)  # nothing lost or repeated at page boundaries
    assert len(paged) == len(set(paged))
    values = {
        r.id: (getattr(r, sort) if sort != "owner" else r.owner.display_name)
        for r in Customer.select()
    }
    keys = [("" if values[c] is None else str(values[c]), c) for c in paged]
    if sort == "name":  # in pinyin order (bing, ding, jia, wu, yi), not Unicode's
        keys = [(sort_key(value), c) for value, c in keys]
    assert keys == sorted(keys, reverse=descending)


def test_filters_and_visibility(user, many):
    seller = auth.create_user("li", "李雷")
    own = dossiers.create({"name": "自己的客户"}, user, owner=seller)
    assert customer_list.count(ListSpec(seller)) == 1
    assert [own] == next(customer_list.iter_pages(ListSpec(seller)))
    grade = classification.scheme_by_key("grade")
    a = classification.scheme_tree("zh_CN")[4].categories[0].id
    classification.assign(many[:3], a, user)
    assert customer_list.count(ListSpec(user, category_id=a)) == 3
    assert customer_list.count(ListSpec(user, unclassified_scheme=grade.id)) == len(many) - 2
    dossiers.archive(many[0], user)
    assert customer_list.count(ListSpec(user, category_id=a)) == 2
    assert customer_list.count(ListSpec(user, category_id=a, include_archived=True)) == 3


def test_fetch_rows_reads_columns(user, many):
    rows = customer_list.fetch_rows(many[:2], ["code", "name", "owner"])
    assert rows[many[0]][1] == "丙公司"
    assert rows[many[0]][2] == user.display_name
