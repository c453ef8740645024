"""Sale lines entered on the card (销售实绩): add, change, delete — with a history line on the
customer and an audit entry each — and the product list they pick from.

Rights (`kehu.core.rights`): `Action.EDIT_SALE_LINES` on the customer (own or shared for
editing, the team's, all — by role); the product list is reference data like the categories
(`Action.MANAGE_CATEGORIES`: managers and admins).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kehu.core import rights
from kehu.core.i18n import N_, UserError
from kehu.core.rights import Action
from kehu.db import sale_lines
from kehu.db.connection import write
from kehu.db.models import Customer, FieldChange, User
from kehu.services import access, audit

HISTORY_FIELD = "sale"  # the card's history shows a sale line added, changed or deleted


class SaleError(UserError):
    pass


@dataclass
class SaleInput:
    """What the user typed: a date, a product (from the list or typed), a category, a
    quantity and an amount in yuan."""

    sale_date: dt.date
    product: str
    category: str
    quantity: str
    amount: str


def may_edit_sales(user: User, customer: Customer) -> bool:
    within = access.customer_relation(user, customer, Action.EDIT_SALE_LINES)
    return rights.allowed(user, Action.EDIT_SALE_LINES, within)


def may_edit_sales_of(user: User, customer_id: int) -> bool:
    """For the window: whether to offer adding and changing this customer's lines."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    return customer is not None and may_edit_sales(user, customer)


def may_keep_products(user: User) -> bool:
    return rights.allowed(user, Action.MANAGE_CATEGORIES)


def _customer(user: User, customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise SaleError(N_("You cannot change this customer's sales"))
    access.require_on_customer(user, Action.EDIT_SALE_LINES, customer)
    return customer


def _clean(values: SaleInput) -> tuple[dt.date, str, str, Decimal, int]:
    if not isinstance(values.sale_date, dt.date):
        raise SaleError(N_("The date is empty"))
    category = values.category.strip()
    product = values.product.strip()
    known = sale_lines.product_by_name(product) if product else None
    if not category and known is not None:
        category = known.category
    if not category:
        raise SaleError(N_("The product category is empty"))
    try:
        quantity = Decimal(values.quantity.strip().replace(",", "") or "1").quantize(
            Decimal("0.001")
        )
    except InvalidOperation:
        raise SaleError(N_("'{text}' is not a quantity"), text=values.quantity) from None
    try:
        yuan = Decimal(values.amount.strip().replace(",", "").lstrip("¥￥"))
    except InvalidOperation:
        raise SaleError(N_("'{text}' is not an amount in yuan"), text=values.amount) from None
    if yuan.as_tuple().exponent < -2:
        raise SaleError(N_("Amounts have at most two decimals (fen)"))
    return values.sale_date, product, category, quantity, int(yuan * 100)


def describe(day: dt.date, product: str | None, category: str, quantity, cents: int) -> str:
    """One line of text for the history: 2026-01-10 火锅底料 (调味品) × 12.5 = 1,500.00."""
    amount = f"{Decimal(cents) / 100:,.2f}"
    name = f"{product} ({category})" if product else category
    return f"{day} {name} × {Decimal(quantity).normalize():f} = {amount}"


def _product_id(user: User, name: str, category: str) -> int | None:
    """The product of the list with this name; a typed name joins the list (its category)."""
    if not name:
        return None
    known = sale_lines.product_by_name(name)
    if known is not None:
        return known.id
    product_id = sale_lines.save_product(None, name, None, category, None)
    audit.record(user, "add_product", "product", product_id, name)
    return product_id


def _history(user: User, customer: Customer, old: str | None, new: str | None) -> None:
    FieldChange.create(
        customer=customer.id,
        version=customer.version,
        field=HISTORY_FIELD,
        old_value=old,
        new_value=new,
        user=user.id,
    )


def add_line(user: User, customer_id: int, values: SaleInput) -> int:
    customer = _customer(user, customer_id)
    day, product, category, quantity, cents = _clean(values)

    def run() -> int:
        product_id = _product_id(user, product, category)
        line_id = sale_lines.insert_line(customer.id, day, product_id, category, quantity, cents)
        text = describe(day, product, category, quantity, cents)
        _history(user, customer, None, text)
        audit.record(user, "add_sale", "customer", customer.id, text, line=line_id)
        return line_id

    return write(Customer._meta.database, run)


def _existing(user: User, line_id: int):
    found = sale_lines.line(line_id)
    if found is None:
        raise SaleError(N_("This sale line no longer exists"))
    return found, _customer(user, found.customer_id)


def _text_of(found) -> str:
    product = found.product.name if found.product_id and found.product else None
    return describe(found.sale_date, product, found.product_category, found.quantity, found.amount)


def update_line(user: User, line_id: int, values: SaleInput) -> None:
    found, customer = _existing(user, line_id)
    day, product, category, quantity, cents = _clean(values)

    def run() -> None:
        before = _text_of(found)
        product_id = _product_id(user, product, category)
        sale_lines.update_line(line_id, day, product_id, category, quantity, cents)
        after = describe(day, product, category, quantity, cents)
        if after != before:
            _history(user, customer, before, after)
            audit.record(user, "change_sale", "customer", customer.id, after, line=line_id)

    write(Customer._meta.database, run)


def delete_line(user: User, line_id: int) -> None:
    found, customer = _existing(user, line_id)

    def run() -> None:
        before = _text_of(found)
        sale_lines.delete_line(line_id)
        _history(user, customer, before, None)
        audit.record(user, "delete_sale", "customer", customer.id, before, line=line_id)

    write(Customer._meta.database, run)


# -- the product list ---------------------------------------------------------------------------
def save_product(
    user: User, product_id: int | None, name: str, code: str, category: str, unit: str
) -> int:
    rights.check(user, Action.MANAGE_CATEGORIES)
    name, code, category = name.strip(), code.strip(), category.strip()
    if not name or not category:
        raise SaleError(N_("A product needs a name and a category"))
    existing = sale_lines.product_by_name(name)
    if existing is not None and existing.id != product_id:
        raise SaleError(N_("There is already a product named '{name}'"), name=name)
    if code and sale_lines.code_taken(code, product_id):
        raise SaleError(N_("The product code '{code}' is taken"), code=code)

    def run() -> int:
        saved = sale_lines.save_product(
            product_id, name, code or None, category, unit.strip() or None
        )
        audit.record(user, "save_product", "product", saved, name)
        return saved

    return write(Customer._meta.database, run)


def delete_product(user: User, product_id: int) -> None:
    rights.check(user, Action.MANAGE_CATEGORIES)
    if sale_lines.product_in_use(product_id):
        raise SaleError(N_("Sale lines name this product: it stays in the list"))

    def run() -> None:
        sale_lines.delete_product(product_id)
        audit.record(user, "delete_product", "product", product_id, None)

    write(Customer._meta.database, run)


products = sale_lines.products
product_categories = sale_lines.product_categories
lines_of = sale_lines.lines_of
