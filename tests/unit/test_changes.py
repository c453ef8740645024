"""The value a write returns: combined with |, asked by views what concerns them."""

from __future__ import annotations

import pytest

from kehu.core.changes import NOTHING, Changes, Outcome, changes_of, value_of


def test_changes_combine_and_nothing_is_false():
    saved = Changes.of_customers([1, 2])
    classified = Changes.of_customers([2, 3], classification=True)
    both = saved | classified
    assert both.customers == {1, 2, 3} and both.classification
    assert not NOTHING and both and Changes(routes=True)
    assert (NOTHING | Changes(routes=True)) == Changes(routes=True)


def test_what_views_ask():
    card = Changes.of_customers([5])
    assert card.customers_changed and card.counts_changed and card.touches_customer(5)
    assert not card.touches_customer(6) and not card.tree_changed and not card.routes_changed
    assert not card.classification_changed
    visit = Changes.of_visits([5])
    assert visit.visits_changed and visit.touches_customer(5) and not visit.customers_changed
    tree = Changes(category_tree=True)
    assert tree.tree_changed and tree.counts_changed and tree.classification_changed
    everything = Changes.everything()
    for asked in (
        everything.customers_changed,
        everything.tree_changed,
        everything.counts_changed,
        everything.routes_changed,
        everything.visits_changed,
        everything.users_changed,
        everything.touches_customer(123),
    ):
        assert asked


def test_results_of_writes():
    assert changes_of(Changes(routes=True)) == Changes(routes=True)
    assert changes_of(Outcome(3, Changes.of_customers([3]))) == Changes.of_customers([3])
    assert changes_of(None) == NOTHING
    assert value_of(Outcome(3)) == 3 and value_of(Changes()) is None
    with pytest.raises(TypeError):
        changes_of(42)  # a write that forgot to say what it changed
