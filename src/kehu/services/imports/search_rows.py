"""The search rows (keys, pinyin, trigram text, duplicate keys) of a large import's new
customers, computed in a worker process while this process reads and writes the next rows.

Used by an import that runs in one transaction (`run._load`): each batch's customers, as
stored, go to the worker (`kehu.db.search_index.rows_for` there: pinyin and the duplicate
scan's keys are most of an import's pure-Python work, and the pinyin dictionaries stay in the
worker's memory); the rows come back one batch later and are written, inside the same
transaction, after the batch's customers, which wait for them: their names' sort keys come
from the worker too and go in with the rows (an UPDATE per customer cost as much as the
insert). So the keys are committed with the customers. If the worker cannot start or
dies, the rows are computed here, as in a small import.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kehu.core import search_keys
from kehu.db import import_load, search_index

logger = logging.getLogger(__name__)

_FAILURES = (OSError, RuntimeError, BrokenProcessPool, EOFError)


Computed = tuple[search_index.SearchRows, list[tuple[str, str]]]
Insert = Callable[[list[tuple]], None]


def compute(customers: list[tuple], persons: list[tuple]) -> Computed:
    """In the worker: the rows of one batch, and the (key, name) rows of its key persons'
    names (search_name). The per-name caches are emptied after each batch: an import's names
    are nearly all new, so they would only grow."""
    rows = search_index.rows_for(customers, persons)
    names = [(key, name) for name in rows.names for key in search_keys.person_name_keys(name)]
    search_keys.pinyin_readings.cache_clear()
    search_keys.person_name_keys.cache_clear()
    return rows, names


class SearchPipeline:
    """Batches in, rows written one batch behind (`finish` writes the rest)."""

    def __init__(self, known_names: set[str]) -> None:
        self.known_names = known_names  # key persons' names already in search_name
        self.pending: deque[tuple[list, list, Insert, Future | None]] = deque()
        self.pool: ProcessPoolExecutor | None = None
        try:  # spawn, not fork: forking a process with Qt or other threads can deadlock
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            self.pool.submit(compute, [], [])  # starts the worker during the first reads
        except _FAILURES as exc:
            self._broken(exc)

    def submit(self, customers: list[tuple], persons: list[tuple], insert: Insert) -> None:
        """A batch's search-key rows (customers, persons) to compute; `insert(sorts)` writes
        its customers (with their names' sort keys), key persons and links before them.
        Writes the batch submitted before (one batch behind)."""
        future = None
        if self.pool is not None:
            try:
                future = self.pool.submit(compute, customers, persons)
            except _FAILURES as exc:
                self._broken(exc)
        self.pending.append((customers, persons, insert, future))
        while len(self.pending) > 1:
            self._write_oldest()

    def finish(self) -> None:
        """Write the rows still pending and let the worker go (it is idle now)."""
        while self.pending:
            self._write_oldest()
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    def _write_oldest(self) -> None:
        customers, persons, insert, future = self.pending.popleft()
        computed = None
        if future is not None:
            try:
                computed = future.result()
            except _FAILURES as exc:
                self._broken(exc)
        rows, names = computed or compute(customers, persons)
        insert(rows.sorts)  # the customers with their sort keys: no UPDATE afterwards
        rows.sorts = []
        known = self.known_names
        import_load.insert_person_names([(key, name) for key, name in names if name not in known])
        known |= rows.names  # written just now: `insert_rows` leaves them out
        search_index.insert_rows(rows, known)

    def _broken(self, exc: BaseException) -> None:
        logger.warning("search key worker failed (%s); computing in this process", exc)
        self.close()

    def close(self) -> None:
        """Stop the worker without waiting (a cancelled or failed import)."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
