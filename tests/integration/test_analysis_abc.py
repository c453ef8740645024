"""ABC grading: thresholds at the edges, apply in one step with history, one undo."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis_data import PERIOD, build, grade_of
from kehu.core import rights
from kehu.db.models import AuditEntry, FieldChange
from kehu.services import analysis_abc
from kehu.services.analysis import AnalysisError


@pytest.fixture
def sales(workspace, user):
    return build(user)


def test_a_customer_exactly_at_80_percent_is_A_the_next_is_B(sales):
    ids = sales["ids"]
    proposal = analysis_abc.propose(sales["admin"], PERIOD, lang="zh_CN")
    # cumulative 50 %, 80 %, 90 %, 96 %, 100 %; c6 has no sales
    assert {k: proposal.grade(ids[k]) for k in ids} == {
        "c1": "A",
        "c2": "A",
        "c3": "B",
        "c4": "B",
        "c5": "C",
        "c6": "C",
    }
    assert proposal.without_sales == 1
    assert [str(row.cumulative) for row in proposal.rows()] == [
        "50.0",
        "80.0",
        "90.0",
        "96.0",
        "100.0",
    ]
    assert proposal.counts == Counter({"A": 2, "B": 2, "C": 2})
    assert proposal.transitions() == Counter(
        {("一般客户 (B)", "A"): 1, ("主力客户 (A)", "B"): 1, ("零散客户 (C)", "B"): 1, ("", "C"): 1}
    )


def test_thresholds_are_editable_and_checked(sales):
    ids = sales["ids"]
    proposal = analysis_abc.propose(sales["admin"], PERIOD, (50, 90))
    # c1 ends exactly at 50 % (A); c2 starts at 50 % → B; c3 starts at 80 % → B; c4 at 90 % → C
    assert [proposal.proposed[ids[k]] for k in ("c1", "c2", "c3", "c4")] == ["A", "B", "B", "C"]
    with pytest.raises(AnalysisError):
        analysis_abc.propose(sales["admin"], PERIOD, (96, 90))


def test_apply_in_one_step_then_undo_restores_every_grade(sales):
    ids, scheme = sales["ids"], sales["grade_scheme"]
    before = {k: grade_of(cid, scheme) for k, cid in ids.items()}
    history_before = FieldChange.select().count()
    applied = analysis_abc.apply(sales["admin"], analysis_abc.propose(sales["admin"], PERIOD))
    assert applied.changed == 4
    grades = sales["grades"]
    assert grade_of(ids["c2"], scheme) == grades["A"]
    assert grade_of(ids["c3"], scheme) == grades["B"]
    assert grade_of(ids["c5"], scheme) == grades["C"]
    assert FieldChange.select().count() == history_before + 4  # one line per customer changed
    assert AuditEntry.select().where(AuditEntry.action == "apply_grades").count() == 1
    undone = analysis_abc.undo(sales["admin"])
    assert (undone.restored, undone.skipped) == (4, 0)
    assert {k: grade_of(cid, scheme) for k, cid in ids.items()} == before
    with pytest.raises(AnalysisError):
        analysis_abc.undo(sales["admin"])  # nothing left to undo


def test_undo_keeps_a_grade_changed_since(sales):
    from kehu.services import classification

    ids, scheme = sales["ids"], sales["grade_scheme"]
    analysis_abc.apply(sales["admin"], analysis_abc.propose(sales["admin"], PERIOD))
    classification.assign([ids["c2"]], sales["grades"]["C"], sales["admin"])
    undone = analysis_abc.undo(sales["admin"])
    assert (undone.restored, undone.skipped) == (3, 1)
    assert grade_of(ids["c2"], scheme) == sales["grades"]["C"]


def test_a_salesperson_grades_only_their_customers_and_cannot_apply(sales):
    proposal = analysis_abc.propose(sales["a"], PERIOD)
    assert set(proposal.proposed) == {sales["ids"][k] for k in ("c1", "c2", "c5")}
    assert proposal.without_sales == 1  # c6
    assert proposal.total == 84000
    with pytest.raises(rights.Refused) as caught:
        analysis_abc.apply(sales["a"], proposal)
    assert "推销员" in caught.value.message("zh_CN")
