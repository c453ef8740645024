"""The reference data demo rows point to, found or created in the bound database: a sales
team, the products, the region tree; and the `Plan` made of their ids."""

from __future__ import annotations

import datetime as dt

from kehu.core import demo_vocabulary as vocab
from kehu.core.schemes import REGION_SCHEME
from kehu.db.models import Category, Product, Scheme, User
from kehu.services import auth

from .plan import Plan


def _ensure_team(user: User) -> tuple[int, ...]:
    manager = User.get_or_none(User.username == "demo.manager")
    if manager is None:
        manager = auth.create_user("demo.manager", "王经理", "manager", by=user)
    team = []
    for index, name in enumerate(("李明", "张丽", "陈强", "刘芳")):
        username = f"demo.sales{index + 1}"
        member = User.get_or_none(User.username == username)
        if member is None:
            member = auth.create_user(username, name, "salesperson", manager=manager, by=user)
        team.append(member.id)
    return tuple(team)


def _ensure_products() -> tuple[tuple[int, str, int], ...]:
    out = []
    for code, name, category, price in vocab.PRODUCTS:
        product = Product.get_or_none(Product.code == code)
        if product is None:
            product = Product.create(code=code, name=name, category=category, unit="件")
        out.append((product.id, category, price))
    return tuple(out)


def _ensure_regions() -> tuple[int, ...]:
    """The region tree 华东 > 浙江 > 杭州; returns the city category per city index."""
    scheme = Scheme.get_or_none(Scheme.key == REGION_SCHEME)
    if scheme is None:
        scheme = Scheme.create(
            key=REGION_SCHEME, name="区域", position=99, builtin_key=REGION_SCHEME
        )
    group_of = {p: g for g, provinces in vocab.REGION_GROUPS.items() for p in provinces}

    def node(name: str, parent: int | None, position: int) -> int:
        found = Category.get_or_none(
            Category.scheme == scheme, Category.name == name, Category.parent == parent
        )
        return (
            found or Category.create(scheme=scheme, parent=parent, name=name, position=position)
        ).id

    regions = []
    for index, (province, city, *_rest) in enumerate(vocab.CITIES):
        group = node(group_of[province], None, index)
        parent = node(province, group, index) if province != city else group
        regions.append(node(city, parent, index))
    return tuple(regions)


def make_plan(seed: int, today: dt.date, user: User) -> Plan:
    """The team, products and regions (created when missing) and the schemes' categories."""
    team = _ensure_team(user)
    products = _ensure_products()
    regions = _ensure_regions()
    schemes = {s.key: s.id for s in Scheme.select() if s.key}
    categories = {
        key: tuple(
            c.id
            for c in Category.select()
            .where(Category.scheme == scheme_id, Category.parent.is_null())
            .order_by(Category.position)
        )
        for key, scheme_id in schemes.items()
        if key != REGION_SCHEME
    }
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    return Plan(seed, today, now, user.id, team, products, regions, schemes, categories)
