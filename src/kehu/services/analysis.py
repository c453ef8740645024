"""Composition analyses (客户构成分析, DESIGN §1.6): sales per category of a scheme (its tree
rolled up) or per salesperson, and product categories' shares — for a period, for what the
viewer sees.

Figures come from the sales summaries of schema 7 (`kehu.db.sales_queries`): a handful of rows
per category and month whatever the number of sale lines. Shares are percent, rounded to one
decimal so that the top-level rows add up to exactly 100.0 (`rounded_shares`). "Customers" of
a category are the customers classified in it (active and archived, as their sales count),
whether or not they bought in the period; the average is amount / customers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from kehu.core.i18n import N_, UserError, translate
from kehu.core.periods import Period, rounded_shares
from kehu.core.schemes import builtin_labels, shown_name
from kehu.db import sales_queries as q
from kehu.db.models import Category, Customer, Scheme, User
from kehu.db.visibility import can_see, visible_owner_ids
from kehu.services import access
from kehu.services.access import Action

OWNER = "owner"  # the pseudo-scheme "per salesperson"
UNCLASSIFIED = N_("Not classified")
NO_OWNER = N_("No owner")
NO_SALES = N_("No sales in the period")
_TENTH = Decimal("0.1")


class AnalysisError(UserError):
    pass


@dataclass
class ShareRow:
    key: str  # category:<id>, owner:<id>, product:<name>, none
    label: str
    amount: int  # cents
    share: Decimal  # percent of the total, one decimal
    depth: int = 0
    customers: int | None = None
    average: int | None = None  # cents per customer
    extra: list[Decimal] = field(default_factory=list)  # shares within the extra columns


@dataclass
class ShareTable:
    kind: str  # composition, products
    period: Period
    by: str  # the scheme's name, "per salesperson", or ""
    total: int
    rows: list[ShareRow]
    extra_columns: list[str] = field(default_factory=list)

    def chart_rows(self) -> list[ShareRow]:
        """The top-level rows (their shares add up to 100)."""
        return [row for row in self.rows if row.depth == 0 and row.amount]


@dataclass
class SchemeChoice:
    key: str  # a scheme key, "scheme:<id>", or OWNER
    label: str


def owners_of(viewer: User) -> set[int] | None:
    """The owners whose customers' sales the viewer's analyses count (None: all), after the
    right to run analyses (`rights.Action.ANALYSIS`) is checked. Customers shared with a
    salesperson are not theirs here: sales belong to the owner's figures."""
    access.require(viewer, Action.ANALYSIS)
    return visible_owner_ids(viewer)


def scheme_choices(lang: str) -> list[SchemeChoice]:
    """The schemes an analysis can group by, then "per salesperson"."""
    choices = [
        SchemeChoice(s.key or f"scheme:{s.id}", shown_name(s.name, s.builtin_key, lang))
        for s in Scheme.select().order_by(Scheme.position, Scheme.id)
    ]
    return [*choices, SchemeChoice(OWNER, translate(N_("Per salesperson"), lang))]


def resolve_scheme(by: str) -> Scheme:
    """A scheme by key (grade, region…), "scheme:<id>" or name (a built-in one's label in
    either language too)."""
    if by.startswith("scheme:") and by[7:].isdigit():
        found = Scheme.get_or_none(Scheme.id == int(by[7:]))
    else:
        found = Scheme.get_or_none((Scheme.key == by) | (Scheme.name == by)) or next(
            (s for s in Scheme.select() if by in builtin_labels(s.builtin_key)), None
        )
    if found is None:
        raise AnalysisError(N_("No classification scheme '{name}'"), name=by)
    return found


def _tree(scheme_id: int, lang: str = "en") -> list[tuple[int, int | None, str, int]]:
    """(id, parent, name in `lang`, depth) of the scheme's categories, depth first in
    position order."""
    rows = list(
        Category.select(Category.id, Category.parent, Category.name, Category.builtin_key)
        .where(Category.scheme == scheme_id)
        .order_by(Category.position, Category.id)
        .tuples()
    )
    children: dict[int | None, list[tuple[int, str]]] = {}
    for cid, parent, name, builtin in rows:
        children.setdefault(parent, []).append((cid, shown_name(name, builtin, lang)))
    found: list[tuple[int, int | None, str, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for cid, name in children.get(parent, []):
            if any(cid == f[0] for f in found):
                continue  # a cycle must not hang
            found.append((cid, parent, name, depth))
            walk(cid, depth + 1)

    walk(None, 0)
    return found


def _rolled(tree, direct: dict[int, int]) -> dict[int, int]:
    parents = {cid: parent for cid, parent, _name, _depth in tree}
    rolled = dict.fromkeys(parents, 0)
    for cid, value in direct.items():
        seen: set[int] = set()
        node: int | None = cid
        while node is not None and node in rolled and node not in seen:
            seen.add(node)
            rolled[node] += value
            node = parents.get(node)
    return rolled


def _exact_share(part: int, total: int) -> Decimal:
    if not total:
        return Decimal(0)
    return (Decimal(part) * 100 / total).quantize(_TENTH, ROUND_HALF_UP)


def _average(amount: int, customers: int | None) -> int | None:
    if not customers:
        return None
    return int((Decimal(amount) / customers).quantize(Decimal(1), ROUND_HALF_UP))


def composition(viewer: User, period: Period, by: str = "grade", lang: str = "en") -> ShareTable:
    """销售构成: sales, share, customers and average per customer for each category of a
    scheme (a parent includes its sub-categories), or per salesperson (`by="owner"`)."""
    owners = owners_of(viewer)
    if by == OWNER:
        return _per_owner(owners, period, lang)
    scheme = resolve_scheme(by)
    tree = _tree(scheme.id, lang)
    ids = [t[0] for t in tree]
    sales = q.category_sales([0, *ids], period.first, period.last, owners)
    total = sales.get(0, (0, 0))[0]
    direct = {cid: sales[cid][0] for cid in ids if cid in sales}
    amounts = _rolled(tree, direct)
    counted = q.category_customers(ids, owners)
    customers = _rolled(tree, counted)
    all_customers = sum(q.owner_customers(owners).values())
    rows = [
        ShareRow(
            f"category:{cid}",
            name,
            amounts[cid],
            _exact_share(amounts[cid], total),
            depth,
            customers[cid],
            _average(amounts[cid], customers[cid]),
        )
        for cid, _parent, name, depth in tree
    ]
    rest = total - sum(direct.values())
    rest_customers = all_customers - sum(counted.values())
    if rest or rest_customers:
        label = translate(UNCLASSIFIED, lang)
        rows.append(
            ShareRow(
                "none", label, rest, Decimal(0), 0, rest_customers, _average(rest, rest_customers)
            )
        )
    _round_top_level(rows)
    scheme_name = shown_name(scheme.name, scheme.builtin_key, lang)
    return ShareTable("composition", period, scheme_name, total, rows)


def _round_top_level(rows: list[ShareRow]) -> None:
    top = [row for row in rows if row.depth == 0]
    for row, value in zip(top, rounded_shares([row.amount for row in top]), strict=True):
        row.share = value


def _owner_names(ids, lang: str) -> dict[int, str]:
    names = dict(User.select(User.id, User.display_name).where(User.id.in_(list(ids))).tuples())
    names[0] = translate(NO_OWNER, lang)
    return names


def _per_owner(owners, period: Period, lang: str) -> ShareTable:
    sales = q.owner_sales(period.first, period.last, owners)
    customers = q.owner_customers(owners)
    keys = sorted(set(sales) | set(customers), key=lambda o: -sales.get(o, (0, 0))[0])
    names = _owner_names(keys, lang)
    total = sum(a for a, _n in sales.values())
    rows = [
        ShareRow(
            f"owner:{owner}",
            names.get(owner, str(owner)),
            sales.get(owner, (0, 0))[0],
            Decimal(0),
            0,
            customers.get(owner, 0),
            _average(sales.get(owner, (0, 0))[0], customers.get(owner, 0)),
        )
        for owner in keys
    ]
    _round_top_level(rows)
    return ShareTable("composition", period, translate(N_("Per salesperson"), lang), total, rows)


def products(
    viewer: User,
    period: Period,
    by: str | None = None,
    category_id: int | None = None,
    lang: str = "en",
) -> ShareTable:
    """商品构成: each product category's share of the sales — overall, of the customers of one
    category (with its sub-categories), and with `by` one more column per top-level category
    of that scheme (the product's share within that category's sales)."""
    owners = owners_of(viewer)
    groups: dict[int, list[int]] = {0: [0]}
    if category_id is not None:
        category = Category.get_or_none(Category.id == category_id)
        if category is None:
            raise AnalysisError(N_("No category number {id}"), id=category_id)
        groups = {0: _descendants(category.scheme_id, category_id)}
    columns: list[str] = []
    scheme_name = ""
    if by:
        if by == OWNER:
            raise AnalysisError(N_("Product shares per salesperson are not offered; pick a scheme"))
        scheme = resolve_scheme(by)
        scheme_name = shown_name(scheme.name, scheme.builtin_key, lang)
        tree = _tree(scheme.id, lang)
        for cid, _parent, name, depth in tree:
            if depth == 0:
                groups[cid] = _descendants(scheme.id, cid, tree)
                columns.append(name)
    wanted = sorted({c for ids in groups.values() for c in ids})
    sales = q.category_product_sales(wanted, period.first, period.last, owners)
    per_group: dict[int, dict[str, int]] = {}
    for group, ids in groups.items():
        sums: dict[str, int] = {}
        for (cid, product), amount in sales.items():
            if cid in ids:
                sums[product] = sums.get(product, 0) + amount
        per_group[group] = sums
    main = per_group[0]
    total = sum(main.values())
    names = sorted(main, key=lambda p: (-main[p], p))
    shares = rounded_shares([main[p] for p in names])
    rows = []
    for product, value in zip(names, shares, strict=True):
        extra = []
        for group in list(groups)[1:]:
            sums = per_group[group]
            extra.append(_exact_share(sums.get(product, 0), sum(sums.values())))
        rows.append(ShareRow(f"product:{product}", product, main[product], value, extra=extra))
    label = translate(N_("Customer category"), lang) + ": " + scheme_name if by else ""
    return ShareTable("products", period, label, total, rows, columns)


def _descendants(scheme_id: int, category_id: int, tree=None) -> list[int]:
    tree = tree or _tree(scheme_id)
    found = {category_id}
    for cid, parent, _name, _depth in tree:  # depth first: parents come before children
        if parent in found:
            found.add(cid)
    return sorted(found)


def customer_products(
    viewer: User, customer_id: int, period: Period | None = None, lang: str = "en"
) -> ShareTable:
    """商品构成 of one customer (the card's sales tab): all their sales, or in a period."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None or not can_see(viewer, customer):
        raise AnalysisError(N_("You cannot see this customer"))
    start = period.start.isoformat() if period else None
    end = period.end.isoformat() if period else None
    sums = q.customer_product_sales(customer_id, start, end)
    names = sorted(sums, key=lambda p: (-sums[p], p))
    shares = rounded_shares([sums[p] for p in names])
    rows = [ShareRow(f"product:{p}", p, sums[p], s) for p, s in zip(names, shares, strict=True)]
    whole = period or Period(0, 0)
    return ShareTable("products", whole, customer.name, sum(sums.values()), rows)


FILTER_LIMIT = 20000  # ids a click hands to the customer list at most


def customers_of_owner(viewer: User, owner_id: int, limit: int = FILTER_LIMIT) -> list[int]:
    """The viewer's visible customers of one owner (0: without an owner), for a click on a
    salesperson's row; at most `limit`."""
    owners = owners_of(viewer)
    if owners is not None and owner_id not in owners:
        return []
    column = Customer.owner.is_null() if owner_id == 0 else (Customer.owner == owner_id)
    query = Customer.select(Customer.id).where(column).order_by(Customer.id).limit(limit)
    return [cid for (cid,) in query.tuples()]
