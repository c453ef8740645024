"""Finding duplicate customers: the full scan (`scan`) and the check while a new customer's
name is typed (`similar_to`).

The scan covers the customers the user may see (the one visibility rule); the typing check
looks at everyone's customers, because a duplicate of another salesperson's customer is the
one that matters most — but it tells only that such a customer exists and whom to ask, never
its details (DESIGN §2.5).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kehu.core.duplicate_keys import core_name
from kehu.core.duplicate_scoring import (
    DEFAULT_MIN_SCORE,
    REASONS,
    KeyTable,
    candidate_pairs,
    score_against,
    score_pairs,
)
from kehu.core.i18n import N_, translate
from kehu.core.jobs import Job, no_job
from kehu.core.search_keys import normalize
from kehu.db import duplicates as rows
from kehu.db.models import User
from kehu.db.visibility import visible_owner_ids
from kehu.exchange.xlsx_export import Table, write_tables
from kehu.services import audit

READ_STAGE = N_("Reading customers")
COMPARE_STAGE = N_("Comparing")

__all__ = ["DEFAULT_MIN_SCORE", "REASONS", "DuplicatePair", "Warning", "scan", "similar_to"]


@dataclass(frozen=True)
class DuplicatePair:
    """Two customers that look like one; `keep` is the older (lower id) of the two."""

    keep: int
    other: int
    score: int
    reasons: tuple[str, ...]  # keys of REASONS


def read_table(viewer: User | None, job: Job | None = None) -> KeyTable:
    """The comparison keys of the customers `viewer` may see (None: all)."""
    job = job or no_job()
    owners = None if viewer is None else visible_owner_ids(viewer)
    total = rows.count_active()
    table = KeyTable()
    job.stage(READ_STAGE, total)
    for page in rows.scan_keys(owners=owners):
        table.add_stored(page)
        job.progress(len(table), total, READ_STAGE)
    return table


def scan(
    viewer: User | None, min_score: float = DEFAULT_MIN_SCORE, job: Job | None = None
) -> list[DuplicatePair]:
    """Pairs of likely duplicates among the customers `viewer` may see, best first."""
    with _collector_paused():
        table = read_table(viewer, job)
        return pairs_of(table, min_score, job)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Without Python's cyclic garbage collector: reading a million rows makes millions of
    tuples, none in a cycle, and each of its full passes would walk them all again (a
    quarter of the scan's time at a million customers)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pairs_of(table: KeyTable, min_score: float, job: Job | None = None) -> list[DuplicatePair]:
    job = job or no_job()
    job.progress(0, 0, COMPARE_STAGE)
    pairs, same = candidate_pairs(table, min_score)
    job.check()
    scored = score_pairs(table, pairs, same, min_score)
    ids = table.ids
    out = []
    for k, (a, b, s) in enumerate(
        zip(scored.left.tolist(), scored.right.tolist(), scored.score.tolist(), strict=True)
    ):
        first, second = sorted((ids[a], ids[b]))
        out.append(DuplicatePair(first, second, int(s), scored.reasons(k)))
    return out


@dataclass(frozen=True)
class Warning:
    """A likely duplicate of what is being typed. `customer_id`, `code` and `name` are filled
    only when the user may see that customer; otherwise only whom to ask."""

    score: int
    reasons: tuple[str, ...]
    owner_name: str
    customer_id: int | None = None
    code: str | None = None
    name: str | None = None

    @property
    def visible(self) -> bool:
        return self.customer_id is not None


def similar_to(
    viewer: User,
    name: str,
    phone: str | None = None,
    uscc: str | None = None,
    exclude_id: int | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int = 5,
) -> list[Warning]:
    """Likely duplicates of a customer being entered (name typed so far, phone, USCC)."""
    core = core_name(name)
    if len(core) < 2:
        return []
    candidates = [
        row for row in rows.candidates_for_name(normalize(name), core) if row[0] != exclude_id
    ]
    if not candidates:
        return []
    table = KeyTable()
    table.add(0, name, None, uscc, phone, None)
    table.add_stored(candidates)
    scored = score_against(table, min_score)
    if not len(scored.score):
        return []
    summaries = rows.active_summaries([table.ids[i] for i in scored.right.tolist()])
    found = [
        (table.ids[int(scored.right[k])], int(scored.score[k]), scored.reasons(k))
        for k in range(len(scored.score))
        if table.ids[int(scored.right[k])] in summaries
    ][:limit]
    if not found:
        return []
    visible = visible_owner_ids(viewer)
    out = []
    for cid, score, reasons in found:
        owner, owner_name, code, cname = summaries[cid]
        if visible is None or owner in visible:
            out.append(Warning(score, reasons, owner_name, cid, code, cname))
        else:
            out.append(Warning(score, reasons, owner_name))
    return out


REPORT_LABELS = (
    N_("score"),
    N_("reasons"),
    N_("code"),
    N_("name"),
    N_("owner"),
    N_("phone"),
    N_("code"),
    N_("name"),
    N_("owner"),
    N_("phone"),
)


def report_rows(pairs: list[DuplicatePair], lang: str) -> list[tuple]:
    """One row per pair: score, reasons (in `lang`), then code, name, owner and phone of the
    kept and of the other customer."""
    summaries = rows.customer_summaries(sorted({p.keep for p in pairs} | {p.other for p in pairs}))
    empty = ("", "", "", "")
    return [
        (
            pair.score,
            reasons_text(pair.reasons, lang),
            *summaries.get(pair.keep, empty),
            *summaries.get(pair.other, empty),
        )
        for pair in pairs
    ]


def reasons_text(reasons: tuple[str, ...], lang: str) -> str:
    separator = "、" if lang.startswith("zh") else ", "
    return separator.join(translate(REASONS[r], lang) for r in reasons)


def write_xlsx(path: Path, viewer: User, pairs: list[DuplicatePair], lang: str) -> int:
    """The pairs as an Excel list (phones and codes as text); audited like any export."""
    labels = [translate(label, lang) for label in REPORT_LABELS]
    table = Table(translate(N_("Duplicates"), lang), labels, report_rows(pairs, lang), (2, 5, 6, 9))
    count = write_tables(path, [table])
    audit.record(viewer, "export", "customer", summary="duplicates", rows=count, file=str(path))
    return count
