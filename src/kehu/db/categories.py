"""Category tree queries."""

from __future__ import annotations

from kehu.db.models import Category


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
