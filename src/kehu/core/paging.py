"""One page of a long list and how many rows the list has (the Today panel's sections show
their first rows and count the rest; "show all" reads them page by page)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    """Some rows of a list (from `offset`) and how many it has in all."""

    items: list[Any]
    total: int
    offset: int = 0


def walk_parts(
    parts: list[tuple[Any, int]],
    offset: int,
    limit: int | None,
    fetch: Callable[[Any, int, int | None], list],
) -> list:
    """Rows `offset`… (at most `limit`) of a list made of parts one after the other (days of a
    window, groups of a grade), each part (key, count) read by `fetch(key, skip, at_most)`:
    only the parts the page reaches are read."""
    found: list = []
    skip = offset
    for key, count in parts:
        if limit is not None and len(found) >= limit:
            break
        if skip >= count:
            skip -= count
            continue
        found += fetch(key, skip, None if limit is None else limit - len(found))
        skip = 0
    return found
