"""Category tree queries."""

from __future__ import annotations

from kehu.core.schemes import shown_name
from kehu.db.models import Category, Scheme


def category_and_descendants(category_id: int) -> list[int]:
    """The category and all categories below it (a parent includes its children)."""
    children: dict[int | None, list[int]] = {}
    for cid, parent in Category.select(Category.id, Category.parent).tuples():
        children.setdefault(parent, []).append(cid)
    found, todo = [category_id], [category_id]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def shown_names(lang: str, scheme_id: int | None = None) -> dict[int, str]:
    """Category id → its name for a reader in `lang` (built-in ones by their label in that
    language), of one scheme or all. Categories are few: one small query."""
    query = Category.select(Category.id, Category.name, Category.builtin_key)
    if scheme_id is not None:
        query = query.where(Category.scheme == scheme_id)
    return {cid: shown_name(name, key, lang) for cid, name, key in query.tuples()}


def top_level(scheme_id: int, lang: str) -> list[tuple[int, str]]:
    """(id, name in `lang`) of the scheme's top-level categories in position order."""
    rows = (
        Category.select(Category.id, Category.name, Category.builtin_key)
        .where(Category.scheme == scheme_id, Category.parent.is_null())
        .order_by(Category.position, Category.id)
        .tuples()
    )
    return [(cid, shown_name(name, key, lang)) for cid, name, key in rows]


def scheme_names(lang: str) -> dict[int, str]:
    """Scheme id → its name for a reader in `lang`."""
    rows = Scheme.select(Scheme.id, Scheme.name, Scheme.builtin_key).tuples()
    return {sid: shown_name(name, key, lang) for sid, name, key in rows}


def builtin_keys() -> dict[int, str]:
    """Category id → its built-in key, for the categories that still have one."""
    rows = Category.select(Category.id, Category.builtin_key).where(
        Category.builtin_key.is_null(False)
    )
    return dict(rows.tuples())
