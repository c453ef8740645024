"""Classification schemes and categories (客户分类): defaults, assignment, tree edits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kehu.core import rights
from kehu.core.i18n import N_, UserError, translate
from kehu.core.rights import Action
from kehu.core.schemes import (
    DEFAULT_SCHEMES,
    GRADE_SCHEME,
    GRADE_VISIT_DAYS,
    builtin_labels,
    shown_label,
    shown_name,
)
from kehu.db import completeness
from kehu.db.categories import category_and_descendants
from kehu.db.connection import write
from kehu.db.models import Category, Customer, CustomerCategory, FieldChange, Scheme, User
from kehu.services import access, audit

CATEGORY_FIELD_PREFIX = "category."  # history field of a scheme: category.<scheme id>


def create_default_schemes(lang: str) -> None:
    """Insert the seed's schemes (new databases only), named in the creator's language and
    keyed, so that every reader sees them in their own language (core/schemes.py)."""
    for position, default in enumerate(DEFAULT_SCHEMES):
        if Scheme.select().where(Scheme.key == default.key).exists():
            continue
        scheme = Scheme.create(
            key=default.key,
            name=translate(default.name, lang),
            position=position,
            builtin_key=default.key,
        )
        cadence = GRADE_VISIT_DAYS if default.key == GRADE_SCHEME else ()
        for index, (name, key) in enumerate(
            zip(default.categories, default.category_keys, strict=True)
        ):
            Category.create(
                scheme=scheme,
                name=translate(name, lang),
                position=index,
                visit_days=cadence[index] if index < len(cadence) else None,
                builtin_key=key,
            )


def scheme_by_key(key: str) -> Scheme | None:
    return Scheme.get_or_none(Scheme.key == key)


def add_category(scheme_id: int, name: str, user: User, parent_id: int | None = None) -> int:
    rights.check(user, Action.MANAGE_CATEGORIES)

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
    access.require_on_customers(user, Action.EDIT, ids)
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
        _record_history(previous, category_id, scheme_id, user)
        completeness.refresh(ids)  # a region, grade, 业态 or stage counts towards it
        audit.record(
            user, "classify", "category", category_id, None, scheme=scheme_id, customers=len(ids)
        )
        return previous

    return write(Category._meta.database, run)


def _record_history(
    previous: dict[int, int | None], category_id: int | None, scheme_id: int, user: User
) -> None:
    """A field-level history line per customer whose category changed (the card shows it).

    The field is `category.<scheme id>`; values are category names. The dossier version is
    not raised: classification does not conflict with edits of the card's fields.
    """
    changed = [cid for cid, old in previous.items() if old != category_id]
    if not changed:
        return
    names = dict(
        Category.select(Category.id, Category.name).where(Category.scheme == scheme_id).tuples()
    )
    for start in range(0, len(changed), 500):
        chunk = changed[start : start + 500]
        versions = dict(
            Customer.select(Customer.id, Customer.version).where(Customer.id.in_(chunk)).tuples()
        )
        FieldChange.insert_many(
            [
                dict(
                    customer=cid,
                    version=versions.get(cid, 1),
                    field=f"{CATEGORY_FIELD_PREFIX}{scheme_id}",
                    old_value=names.get(previous[cid]) if previous[cid] else None,
                    new_value=names.get(category_id) if category_id else None,
                    user=user.id,
                )
                for cid in chunk
                if cid in versions
            ]
        ).execute()


def categories_of(customer_id: int) -> dict[int, int]:
    """scheme id → category id for one customer."""
    return dict(
        CustomerCategory.select(CustomerCategory.scheme, CustomerCategory.category)
        .where(CustomerCategory.customer == customer_id)
        .tuples()
    )


class ClassificationError(UserError):
    """A category edit that cannot be done; the message says why."""


@dataclass(frozen=True)
class Change:
    """What one classification edit did, enough to undo it."""

    kind: str  # assign, rename, move, merge, add
    category_id: int | None = None
    scheme_id: int | None = None
    previous: dict[int, int | None] = field(default_factory=dict)  # customer → old category
    old_name: str | None = None
    old_key: str | None = None  # rename, merge: the built-in key the category had
    old_parent: int | None = None
    old_position: int = 0
    children: tuple[int, ...] = ()  # merge: sub-categories moved to the target
    customers: tuple[int, ...] = ()  # merge: customers moved to the target


def _name_taken(scheme_id: int, parent_id: int | None, name: str, exclude: int | None) -> bool:
    """Whether a sibling is called `name` as stored or, for a built-in one, in any language
    (a category shown as 普通公司 to one user and Ordinary company to another is both)."""
    query = Category.select(Category.name, Category.builtin_key).where(
        Category.scheme == scheme_id,
        Category.parent.is_null() if parent_id is None else Category.parent == parent_id,
    )
    if exclude is not None:
        query = query.where(Category.id != exclude)
    return any(name == stored or name in builtin_labels(key) for stored, key in query.tuples())


def _taken_error(name: str) -> ClassificationError:
    return ClassificationError(N_("There is already a category named '{name}' here"), name=name)


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ClassificationError(N_("A category needs a name"))
    if len(name) > 60:
        raise ClassificationError(N_("A category name has at most 60 characters"))
    return name


def add(scheme_id: int, name: str, user: User, parent_id: int | None = None) -> Change:
    """Add a category (checked for an empty or duplicate name); undoable."""
    rights.check(user, Action.MANAGE_CATEGORIES)
    name = _clean_name(name)
    if _name_taken(scheme_id, parent_id, name, None):
        raise _taken_error(name)
    category_id = add_category(scheme_id, name, user, parent_id)
    return Change("add", category_id=category_id, scheme_id=scheme_id)


def rename(category_id: int, name: str, user: User) -> Change:
    rights.check(user, Action.MANAGE_CATEGORIES)
    name = _clean_name(name)

    def run() -> Change:
        category = Category.get_by_id(category_id)
        if _name_taken(category.scheme_id, category.parent_id, name, category_id):
            raise _taken_error(name)
        old = category.name
        # The user's text from now on, in every language: the built-in label is given up.
        Category.update(name=name, builtin_key=None).where(Category.id == category_id).execute()
        audit.record(user, "rename_category", "category", category_id, f"{old} → {name}")
        return Change("rename", category_id=category_id, old_name=old, old_key=category.builtin_key)

    return write(Category._meta.database, run)


def move(
    category_id: int, new_parent_id: int | None, user: User, position: int | None = None
) -> Change:
    """Move a category under another one of the same scheme (None: to the top level)."""
    rights.check(user, Action.MANAGE_CATEGORIES)

    def run() -> Change:
        category = Category.get_by_id(category_id)
        if new_parent_id is not None:
            parent = Category.get_by_id(new_parent_id)
            if parent.scheme_id != category.scheme_id:
                raise ClassificationError(N_("A category can only move within its scheme"))
            if new_parent_id in category_and_descendants(category_id):
                raise ClassificationError(
                    N_("A category cannot move into one of its own sub-categories"),
                )
        if _name_taken(category.scheme_id, new_parent_id, category.name, category_id):
            raise _taken_error(category.name)
        siblings = (
            Category.select()
            .where(
                Category.scheme == category.scheme_id,
                Category.parent.is_null()
                if new_parent_id is None
                else Category.parent == new_parent_id,
                Category.id != category_id,
            )
            .count()
        )
        Category.update(
            parent=new_parent_id, position=siblings if position is None else position
        ).where(Category.id == category_id).execute()
        audit.record(
            user,
            "move_category",
            "category",
            category_id,
            category.name,
            old_parent=category.parent_id,
            new_parent=new_parent_id,
        )
        return Change(
            "move",
            category_id=category_id,
            old_parent=category.parent_id,
            old_position=category.position,
        )

    return write(Category._meta.database, run)


def merge(source_id: int, target_id: int, user: User) -> Change:
    """Merge a category into another of the same scheme: its customers and sub-categories
    move to the target, then the source is removed. Undo recreates it."""
    rights.check(user, Action.MANAGE_CATEGORIES)
    if source_id == target_id:
        raise ClassificationError(N_("A category cannot merge into itself"))

    def run() -> Change:
        source, target = Category.get_by_id(source_id), Category.get_by_id(target_id)
        if source.scheme_id != target.scheme_id:
            raise ClassificationError(N_("Only categories of the same scheme can merge"))
        if target_id in category_and_descendants(source_id):
            raise ClassificationError(N_("A category cannot merge into its own sub-category"))
        children = tuple(
            cid
            for (cid,) in Category.select(Category.id).where(Category.parent == source_id).tuples()
        )
        for child in children:
            name = Category.get_by_id(child).name
            if _name_taken(source.scheme_id, target_id, name, child):
                raise _taken_error(name)
        customers = tuple(
            cid
            for (cid,) in CustomerCategory.select(CustomerCategory.customer)
            .where(CustomerCategory.category == source_id)
            .tuples()
        )
        CustomerCategory.update(category=target_id).where(
            CustomerCategory.category == source_id
        ).execute()
        Category.update(parent=target_id).where(Category.parent == source_id).execute()
        Category.delete().where(Category.id == source_id).execute()
        completeness.refresh(customers)  # merged stages: which items count can change
        audit.record(
            user,
            "merge_category",
            "category",
            target_id,
            f"{source.name} → {target.name}",
            source=source_id,
            customers=len(customers),
        )
        return Change(
            "merge",
            category_id=target_id,
            scheme_id=source.scheme_id,
            old_name=source.name,
            old_key=source.builtin_key,
            old_parent=source.parent_id,
            old_position=source.position,
            children=children,
            customers=customers,
        )

    return write(Category._meta.database, run)


def classify(
    customer_ids: Iterable[int], category_id: int | None, user: User, scheme_id: int | None = None
) -> Change:
    """`assign`, returning an undoable change."""
    if category_id is not None:
        scheme_id = Category.get_by_id(category_id).scheme_id
    previous = assign(customer_ids, category_id, user, scheme_id)
    return Change("assign", category_id=category_id, scheme_id=scheme_id, previous=previous)


def undo(change: Change, user: User) -> None:
    """Reverse one change made by this module (audited as an undo)."""
    if change.kind != "assign":  # an assignment's undo is checked customer by customer
        rights.check(user, Action.MANAGE_CATEGORIES)

    def run() -> None:
        if change.kind == "assign":
            groups: dict[int | None, list[int]] = {}
            for customer, old in change.previous.items():
                groups.setdefault(old, []).append(customer)
            for old, customers in groups.items():
                assign(customers, old, user, change.scheme_id)
        elif change.kind == "rename":
            Category.update(name=change.old_name, builtin_key=change.old_key).where(
                Category.id == change.category_id
            ).execute()
        elif change.kind == "move":
            Category.update(parent=change.old_parent, position=change.old_position).where(
                Category.id == change.category_id
            ).execute()
        elif change.kind == "add":
            members = [
                cid
                for (cid,) in CustomerCategory.select(CustomerCategory.customer)
                .where(CustomerCategory.category == change.category_id)
                .tuples()
            ]
            CustomerCategory.delete().where(
                CustomerCategory.category == change.category_id
            ).execute()
            completeness.refresh(members)
            Category.delete().where(Category.id == change.category_id).execute()
        elif change.kind == "merge":
            restored = Category.create(
                scheme=change.scheme_id,
                parent=change.old_parent,
                name=change.old_name,
                position=change.old_position,
                builtin_key=change.old_key,
            )
            if change.children:
                Category.update(parent=restored.id).where(
                    Category.id.in_(list(change.children))
                ).execute()
            for start in range(0, len(change.customers), 500):
                chunk = list(change.customers[start : start + 500])
                CustomerCategory.update(category=restored.id).where(
                    CustomerCategory.scheme == change.scheme_id,
                    CustomerCategory.customer.in_(chunk),
                ).execute()
            completeness.refresh(change.customers)
        else:
            raise ValueError(change.kind)
        audit.record(user, "undo_classification", "category", change.category_id, change.kind)

    write(Category._meta.database, run)


@dataclass
class CategoryNode:
    id: int
    scheme_id: int
    parent_id: int | None
    name: str
    children: list[CategoryNode] = field(default_factory=list)

    def walk(self, depth: int = 0):
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass
class SchemeNode:
    id: int
    key: str | None
    name: str
    categories: list[CategoryNode] = field(default_factory=list)

    def walk(self):
        for category in self.categories:
            yield from category.walk()


def scheme_tree(lang: str) -> list[SchemeNode]:
    """All schemes with their category trees, in display order, named for a reader in
    `lang` (built-in ones by their label in that language)."""
    schemes = [
        SchemeNode(sid, key, shown_name(name, builtin, lang))
        for sid, key, name, builtin in Scheme.select(
            Scheme.id, Scheme.key, Scheme.name, Scheme.builtin_key
        )
        .order_by(Scheme.position, Scheme.id)
        .tuples()
    ]
    by_scheme = {s.id: s for s in schemes}
    nodes: dict[int, CategoryNode] = {}
    rows = (
        Category.select(
            Category.id, Category.scheme, Category.parent, Category.name, Category.builtin_key
        )
        .order_by(Category.position, Category.id)
        .tuples()
    )
    for cid, sid, parent, name, builtin in rows:
        nodes[cid] = CategoryNode(cid, sid, parent, shown_name(name, builtin, lang))
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id is not None else None
        if parent is not None:
            parent.children.append(node)
        elif node.scheme_id in by_scheme:
            by_scheme[node.scheme_id].categories.append(node)
    return schemes


def history_value(value: str | None, lang: str) -> str | None:
    """A category name recorded in a customer's history, as a reader in `lang` sees it: a
    built-in label recorded in either language shows in theirs."""
    return shown_label(value, lang) if value else value
