"""Which customers a command or an export is about: explicit codes, a category (with its
sub-categories), a route (in stop order), a search, or everything the viewer may see.

Everything goes through the visibility query builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehu.core.i18n import N_, UserError
from kehu.core.schemes import builtin_labels
from kehu.db.categories import category_and_descendants
from kehu.db.models import Category, Customer, CustomerCategory, Route, RouteStop, User
from kehu.db.visibility import visible_customers


class SelectionError(UserError):
    """A selection (category, route, codes) that matches nothing usable."""


@dataclass
class Selection:
    codes: list[str] = field(default_factory=list)
    category: str | None = None  # category id, or name (unique across schemes), or path a/b
    route: str | None = None  # route id or name
    search: str | None = None
    include_archived: bool = False

    def describe(self) -> str:
        parts = []
        if self.codes:
            parts.append("codes=" + ",".join(self.codes))
        if self.category:
            parts.append(f"category={self.category}")
        if self.route:
            parts.append(f"route={self.route}")
        if self.search:
            parts.append(f"search={self.search}")
        return "; ".join(parts) or "all"


def find_category(text: str) -> Category:
    if text.isdigit():
        category = Category.get_or_none(Category.id == int(text))
        if category:
            return category
    name = text.split("/")[-1].strip()
    # A built-in category answers to its label in either language (国有 or State-owned).
    matches = [
        c for c in Category.select() if name == c.name or name in builtin_labels(c.builtin_key)
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SelectionError(N_("No category named '{name}'"), name=text)
    raise SelectionError(N_("Several categories are named '{name}': use the id"), name=text)


def find_route(text: str) -> Route:
    route = Route.get_or_none(Route.id == int(text)) if text.isdigit() else None
    route = route or Route.get_or_none(Route.name == text)
    if route is None:
        raise SelectionError(N_("No route named '{name}'"), name=text)
    return route


def resolve(selection: Selection, viewer: User, limit: int | None = None) -> list[int]:
    """Customer ids in a useful order: route stop order, search rank, or customer code."""
    if selection.search:
        from kehu.db.search import search

        ids = search(
            selection.search,
            viewer,
            include_archived=selection.include_archived,
            limit=limit or 1_000_000,
        )
        query = visible_customers(
            viewer, Customer.id, include_archived=selection.include_archived
        ).where(Customer.id.in_(ids))
        allowed = {cid for (cid,) in query.tuples()}
        return _narrow([i for i in ids if i in allowed], selection, viewer)
    query = visible_customers(viewer, Customer.id, include_archived=selection.include_archived)
    if selection.route:
        route = find_route(selection.route)
        query = (
            query.join(RouteStop, on=(RouteStop.customer == Customer.id))
            .where(RouteStop.route == route.id)
            .order_by(RouteStop.position)
        )
    else:
        query = query.order_by(Customer.code)
    if selection.codes:
        _check_codes(selection, viewer)
        query = query.where(Customer.code.in_(selection.codes))
    if selection.category:
        category = find_category(selection.category)
        members = CustomerCategory.select(CustomerCategory.customer).where(
            CustomerCategory.category.in_(category_and_descendants(category.id))
        )
        query = query.where(Customer.id.in_(members))
    if limit:
        query = query.limit(limit)
    return [cid for (cid,) in query.tuples()]


def _check_codes(selection: Selection, viewer: User) -> None:
    """Every code given must name a customer the viewer may see: a command told to move
    KH000001 and KH999999 must not move one and keep quiet about the other."""
    wanted = list(dict.fromkeys(selection.codes))
    seen: set[str] = set()
    for start in range(0, len(wanted), 500):
        query = visible_customers(
            viewer, Customer.code, include_archived=selection.include_archived
        ).where(Customer.code.in_(wanted[start : start + 500]))
        seen.update(code for (code,) in query.tuples())
    missing = [code for code in wanted if code not in seen]
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        raise SelectionError(
            N_("No customer you may see has the code {codes}; nothing was done."), codes=shown
        )


def _narrow(ids: list[int], selection: Selection, viewer: User) -> list[int]:
    if not (selection.codes or selection.category or selection.route):
        return ids
    other = resolve(
        Selection(
            selection.codes, selection.category, selection.route, None, selection.include_archived
        ),
        viewer,
    )
    keep = set(other)
    return [i for i in ids if i in keep]
