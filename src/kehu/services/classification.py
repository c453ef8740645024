"""Classification schemes and categories (客户分类): defaults, assignment, tree edits."""

from __future__ import annotations

from collections.abc import Iterable

from kehu.core.language import is_chinese
from kehu.core.schemes import DEFAULT_SCHEMES
from kehu.db.connection import write
from kehu.db.models import Category, CustomerCategory, Scheme, User
from kehu.services import audit


def create_default_schemes(lang: str) -> None:
    """Insert the seed's schemes in the user's language (new databases only)."""
    chinese = is_chinese(lang)
    for position, default in enumerate(DEFAULT_SCHEMES):
        if Scheme.select().where(Scheme.key == default.key).exists():
            continue
        scheme = Scheme.create(
            key=default.key, name=default.zh if chinese else default.en, position=position
        )
        for index, (zh, en) in enumerate(default.categories):
            Category.create(scheme=scheme, name=zh if chinese else en, position=index)


def scheme_by_key(key: str) -> Scheme | None:
    return Scheme.get_or_none(Scheme.key == key)


def add_category(scheme_id: int, name: str, user: User, parent_id: int | None = None) -> int:
    def run() -> int:
        position = (
            Category.select()
            .where(Category.scheme == scheme_id, Category.parent == parent_id)
            .count()
        )
        category = Category.create(
            scheme=scheme_id, parent=parent_id, name=name.strip(), position=position
        )
        audit.record(user, "add_category", "category", category.id, name)
        return category.id

    return write(Category._meta.database, run)


def assign(
    customer_ids: Iterable[int], category_id: int | None, user: User, scheme_id: int | None = None
) -> dict[int, int | None]:
    """Put customers into a category (replacing their category in that scheme), or take them
    out of the scheme when `category_id` is None. Returns the previous category per customer
    (for undo)."""
    ids = list(customer_ids)
    if category_id is not None:
        scheme_id = Category.get_by_id(category_id).scheme_id
    if scheme_id is None:
        raise ValueError("scheme_id is needed to unassign")

    def run() -> dict[int, int | None]:
        previous: dict[int, int | None] = dict.fromkeys(ids)
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            for cid, cat in (
                CustomerCategory.select(CustomerCategory.customer, CustomerCategory.category)
                .where(CustomerCategory.scheme == scheme_id, CustomerCategory.customer.in_(chunk))
                .tuples()
            ):
                previous[cid] = cat
            CustomerCategory.delete().where(
                CustomerCategory.scheme == scheme_id, CustomerCategory.customer.in_(chunk)
            ).execute()
            if category_id is not None:
                CustomerCategory.insert_many(
                    [(cid, scheme_id, category_id) for cid in chunk],
                    fields=[
                        CustomerCategory.customer,
                        CustomerCategory.scheme,
                        CustomerCategory.category,
                    ],
                ).execute()
        audit.record(
            user, "classify", "category", category_id, None, scheme=scheme_id, customers=len(ids)
        )
        return previous

    return write(Category._meta.database, run)


def categories_of(customer_id: int) -> dict[int, int]:
    """scheme id → category id for one customer."""
    return dict(
        CustomerCategory.select(CustomerCategory.scheme, CustomerCategory.category)
        .where(CustomerCategory.customer == customer_id)
        .tuples()
    )
