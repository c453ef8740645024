"""Categories named in a sheet: by scheme and name; a letter finds the category it ends in
('A', 'A类', 'a级' → 主力客户 (A)); a built-in scheme's categories are also found by their
default names in either language and the synonyms declared with them (主力, key customer…).
A path 华东/上海 walks the tree (its first part may sit at any level). Missing categories
(every missing level of a path) are created on request and recorded in the batch, so that
undoing the import removes them again."""

from __future__ import annotations

import re
from collections.abc import Callable

from kehu.core.schemes import builtin_labels, category_synonyms
from kehu.db import import_batches
from kehu.db.connection import write
from kehu.db.models import Category, User

from .duplicates import normalise_name

_LETTER = re.compile(r"[(（]([A-Za-z])[)）]$")
_LETTER_VALUE = re.compile(r"([A-Za-z])\s*(?:类|级|等|档)?\s*(?:客户)?")


class CategoryLookup:
    def __init__(
        self, create: bool, dry_run: bool, user: User, batch_id: Callable[[], int | None]
    ) -> None:
        self.create, self.dry_run, self.user, self.batch_id = create, dry_run, user, batch_id
        self.by_name: dict[tuple[int, str], int] = {}
        self.children: dict[tuple[int, int | None, str], int] = {}  # (scheme, parent, name)
        query = Category.select(Category.id, Category.scheme, Category.parent, Category.name)
        for cid, scheme, parent, name in query.order_by(Category.id).tuples():
            key = normalise_name(name)
            self.by_name.setdefault((scheme, key), cid)
            self.children.setdefault((scheme, parent, key), cid)
            letter = _LETTER.search(name)
            if letter:
                self.by_name.setdefault((scheme, letter.group(1).casefold()), cid)
                self.by_name.setdefault((scheme, normalise_name(name[: letter.start()])), cid)
        self._add_defaults()

    def _add_defaults(self) -> None:
        """A built-in category (one that still has its built-in key) answers to its label in
        either language and to the synonyms declared with it, whatever language made it."""
        rows = Category.select(Category.id, Category.scheme, Category.builtin_key).where(
            Category.builtin_key.is_null(False)
        )
        for cid, scheme, key in rows.order_by(Category.id).tuples():
            for name in (*builtin_labels(key), *category_synonyms(key)):
                self.by_name.setdefault((scheme, normalise_name(name)), cid)
                letter = _LETTER.search(name)
                if letter:
                    self.by_name.setdefault((scheme, letter.group(1).casefold()), cid)
                    self.by_name.setdefault((scheme, normalise_name(name[: letter.start()])), cid)

    def find(self, scheme: int, text: str) -> int | None:
        parts = [part.strip() for part in text.split("/") if part.strip()]
        if not parts:
            return None
        found = self.by_name.get((scheme, normalise_name(parts[0])))
        letter = _LETTER_VALUE.fullmatch(parts[0]) if found is None and len(parts) == 1 else None
        if letter:
            found = self.by_name.get((scheme, letter.group(1).casefold()))
        if found is None:
            found = self._add(scheme, None, parts[0])
        for part in parts[1:]:
            if found is None:
                return None
            child = self.children.get((scheme, found, normalise_name(part)))
            found = child if child is not None else self._add(scheme, found, part)
        return found

    def _add(self, scheme: int, parent: int | None, name: str) -> int | None:
        if not self.create:
            return None
        if self.dry_run or parent == -1:
            return -1
        from kehu.services import classification

        cid = classification.add_category(scheme, name, self.user, parent_id=parent)
        batch_id = self.batch_id()
        if batch_id is not None:
            db = Category._meta.database
            write(db, lambda: import_batches.record_change(batch_id, "category", cid, "created"))
        key = normalise_name(name)
        self.by_name.setdefault((scheme, key), cid)
        self.children[(scheme, parent, key)] = cid
        return cid
