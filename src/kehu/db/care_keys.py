"""The Today panel's stored keys (schema 11) and the bounded queries over them.

`care_key` holds per customer its code, owner, status, grade and latest visit (kept by the
`care_key_*` triggers). The key persons' birthdays and the customers' trading anniversaries
are reached by the month-day expression indexes (`key_person_birthday_day`,
`customer_trading_day`): the expression is written here with the literal 6 and 5 so that
SQLite matches the index (a bound parameter would not).

Every query takes the viewer's visibility (owner, shares, archived customers left out) and
either counts or returns one page (`offset`, `limit`) in the order the panel lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peewee import JOIN, SQL, Database, Expression, fn

from kehu.db import shares
from kehu.db.dialect import dialect
from kehu.db.models import CareKey, Category, Customer, KeyPerson, RouteStop, User, Visit
from kehu.db.visibility import visible_customers, visible_owner_ids

TRIGGER_PREFIX = "care_key_"
ACTIVE = "active"

_REBUILD = (
    'DELETE FROM "care_key"',
    "INSERT INTO care_key (customer_id, code, owner_id, status, grade_id, visit_id, "
    "last_visit_on, next_visit_on) SELECT c.id, c.code, c.owner_id, c.status, g.category_id, "
    "l.id, l.visit_date, l.next_visit_on FROM customer c LEFT JOIN (SELECT cc.customer_id, "
    "cc.category_id FROM customer_category cc JOIN scheme s ON s.id = cc.scheme_id "
    "WHERE s.key = 'grade') g ON g.customer_id = c.id LEFT JOIN (SELECT customer_id, id, "
    "visit_date, next_visit_on, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY "
    "visit_date DESC, id DESC) AS n FROM visit) l ON l.customer_id = c.id AND l.n = 1",
)


# -- upkeep ------------------------------------------------------------------------------------
def rebuild(db: Database) -> None:
    """Compute `care_key` again from customers, grades and visits."""
    with db.atomic():
        for statement in _REBUILD:
            db.execute_sql(statement)


def drop_triggers(db: Database) -> list[str]:
    """Drop the care-key triggers before a bulk load; returns their SQL for `restore`."""
    sql = dialect(db)
    triggers = sql.trigger_definitions(db, TRIGGER_PREFIX)
    for name, _statement in triggers:
        sql.drop_trigger(db, name)
    return [statement for _name, statement in triggers]


def restore_triggers(db: Database, triggers: list[str]) -> None:
    """After a bulk load: rebuild the keys and create the triggers again."""
    if not triggers:
        return
    rebuild(db)
    for statement in triggers:
        db.execute_sql(statement)


def differences(db: Database) -> int:
    """Rows of care_key that differ from a fresh computation (either way), for checks."""
    fresh = _REBUILD[1].split(") SELECT ", 1)[1]
    stored = (
        "customer_id, code, owner_id, status, grade_id, visit_id, last_visit_on, next_visit_on "
        "FROM care_key"
    )
    one = f"SELECT COUNT(*) FROM (SELECT {fresh} EXCEPT SELECT {stored})"
    other = f"SELECT COUNT(*) FROM (SELECT {stored} EXCEPT SELECT {fresh})"
    return db.execute_sql(one).fetchone()[0] + db.execute_sql(other).fetchone()[0]


# -- visibility --------------------------------------------------------------------------------
def _visible(viewer: User) -> Expression:
    """Active customers the viewer sees, on care_key's own columns."""
    condition = CareKey.status == ACTIVE
    ids = visible_owner_ids(viewer)
    if ids is None:
        return condition
    owned = CareKey.owner_id == next(iter(ids)) if len(ids) == 1 else CareKey.owner_id.in_(ids)
    if not ids:
        owned = SQL("0")
    elif shares.has_shares(viewer.id):
        owned = owned | CareKey.customer_id.in_(shares.shared_ids_query(viewer.id))
    return condition & owned


def _page(query, offset: int, limit: int | None):
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset) if limit is not None else query.limit(-1).offset(offset)
    return query


# -- due and overdue ---------------------------------------------------------------------------
def route_stops(viewer: User, route_ids: Sequence[int]) -> list[tuple[int, int, int, int, int]]:
    """(route id, position, stop id, customer id, whether the viewer sees it (active)) of every
    stop on these routes."""
    if not route_ids:
        return []
    seen = fn.COALESCE(_visible(viewer), 0)
    query = (
        RouteStop.select(
            RouteStop.route, RouteStop.position, RouteStop.id, RouteStop.customer, seen
        )
        # LEFT JOIN: the stops first (by route), then each one's key
        .join(CareKey, JOIN.LEFT_OUTER, on=(CareKey.customer_id == RouteStop.customer))
        .where(RouteStop.route.in_(list(route_ids)))
    )
    return list(query.tuples())


def planned_on(viewer: User, day: dt.date) -> list[int]:
    """Visible customers whose latest visit plans the next one on `day`, in entry order."""
    query = (
        CareKey.select(CareKey.customer_id)
        .where(CareKey.next_visit_on == day, _visible(viewer))
        .order_by(CareKey.visit_id)
    )
    return [cid for (cid,) in query.tuples()]


def due_details(ids: Sequence[int], day: dt.date) -> dict[int, tuple]:
    """id → (code, name, address, phone, last visit, visited on `day`) of a page of customers."""
    if not ids:
        return {}
    visited = Visit.select(SQL("1")).where(Visit.customer == Customer.id, Visit.visit_date == day)
    query = (
        Customer.select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.address,
            Customer.phone,
            CareKey.last_visit_on,
            fn.EXISTS(visited),
        )
        .join(CareKey, on=(CareKey.customer_id == Customer.id))
        .where(Customer.id.in_(list(ids)))
    )
    return {row[0]: row[1:] for row in query.tuples()}


def overdue(viewer: User, day: dt.date, offset: int = 0, limit: int | None = None) -> list[tuple]:
    """(id, code, name, phone, planned on, next step, last visit) of visible customers whose
    latest visit planned one before `day`: oldest plan first, then by code."""
    query = (
        CareKey.select(
            CareKey.customer_id,
            CareKey.code,
            Customer.name,
            Customer.phone,
            CareKey.next_visit_on,
            Visit.next_step,
            CareKey.last_visit_on,
        )
        .join(Customer, on=(Customer.id == CareKey.customer_id))
        .switch(CareKey)
        .join(Visit, on=(Visit.id == CareKey.visit_id))
        .where(CareKey.next_visit_on < day, _visible(viewer))
        .order_by(CareKey.next_visit_on, CareKey.code)
    )
    return list(_page(query, offset, limit).tuples())


def overdue_count(viewer: User, day: dt.date) -> int:
    return CareKey.select().where(CareKey.next_visit_on < day, _visible(viewer)).count()


# -- cadence -----------------------------------------------------------------------------------
def _cadence_where(viewer: User, cutoffs: dict[int, dt.date], never: bool) -> Expression:
    """Customers of these grade categories never visited (`never`), or last visited before
    their category's cutoff."""
    if never:
        grade = CareKey.grade_id.in_(list(cutoffs))
        return grade & CareKey.last_visit_on.is_null() & _visible(viewer)
    late = None
    for category, cutoff in cutoffs.items():
        term = (CareKey.grade_id == category) & (CareKey.last_visit_on < cutoff)
        late = term if late is None else late | term
    return late & _visible(viewer)


def cadence_count(viewer: User, cutoffs: dict[int, dt.date], never: bool) -> int:
    return CareKey.select().where(_cadence_where(viewer, cutoffs, never)).count()


def cadence_rows(
    viewer: User, cutoffs: dict[int, dt.date], never: bool, offset: int, limit: int
) -> list[tuple]:
    """(id, code, name, phone, category name, category id, visit days, last visit) of one part
    of a cadence group: never visited by code, or last visited longest ago first, then code."""
    order = [CareKey.code] if never else [CareKey.last_visit_on, CareKey.code]
    query = (
        CareKey.select(
            CareKey.customer_id,
            CareKey.code,
            Customer.name,
            Customer.phone,
            Category.name,
            Category.id,
            Category.visit_days,
            CareKey.last_visit_on,
        )
        .join(Customer, on=(Customer.id == CareKey.customer_id))
        .switch(CareKey)
        .join(Category, on=(Category.id == CareKey.grade_id))
        .where(_cadence_where(viewer, cutoffs, never))
        .order_by(*order)
    )
    return list(_page(query, offset, limit).tuples())


# -- birthdays and anniversaries ---------------------------------------------------------------
def _month_day(column) -> Expression:
    return fn.substr(column, SQL("6"), SQL("5"))  # literals: the expression index matches


def _persons(viewer: User, lunar: bool, *fields, names: bool = True):
    """Key persons (solar or lunar birthdays) of the customers the viewer sees. Read by their
    own index first (CROSS JOIN fixes the order), checked on the small care_key table, and
    joined to the customer only for its name (`names`)."""
    query = (
        KeyPerson.select(*fields)
        .join(CareKey, JOIN.CROSS)
        .where(
            KeyPerson.customer == CareKey.customer_id,
            KeyPerson.birthday_lunar == SQL("1" if lunar else "0"),
            _visible(viewer),
        )
    )
    if names:
        query = query.join(Customer, on=(Customer.id == CareKey.customer_id))
    return query


def birthday_counts(viewer: User, month_days: Sequence[str]) -> dict[str, int]:
    """MM-DD → how many visible key persons (solar birthdays) are born on it."""
    day = _month_day(KeyPerson.birthday)
    query = (
        _persons(viewer, False, day, fn.COUNT(KeyPerson.id), names=False)
        .where(day.in_(sorted(month_days)))
        .group_by(day)
    )
    return dict(query.tuples())


def birthday_rows(
    viewer: User, month_days: Sequence[str], offset: int, limit: int | None
) -> list[tuple]:
    """(person id, customer id, name, title, mobile, birthday, customer name) of the visible
    key persons born on these MM-DD, by customer name, person name (and entry order)."""
    query = (
        _persons(
            viewer,
            False,
            KeyPerson.id,
            KeyPerson.customer,
            KeyPerson.name,
            KeyPerson.title,
            KeyPerson.mobile,
            KeyPerson.birthday,
            Customer.name,
        )
        .where(_month_day(KeyPerson.birthday).in_(sorted(month_days)))
        .order_by(Customer.name, KeyPerson.name, KeyPerson.id)
    )
    return list(_page(query, offset, limit).tuples())


def lunar_birthdays(viewer: User) -> list[tuple]:
    """(person id, customer id, name, title, mobile, birthday, customer name) of the visible
    key persons whose birthday is kept by the lunar calendar (a partial index holds them)."""
    query = _persons(
        viewer,
        True,
        KeyPerson.id,
        KeyPerson.customer,
        KeyPerson.name,
        KeyPerson.title,
        KeyPerson.mobile,
        KeyPerson.birthday,
        Customer.name,
    ).where(KeyPerson.birthday.is_null(False))
    return list(query.tuples())


def _anniversary_query(viewer: User, month_day: str, year: int, *fields):
    query = Customer.select(*fields).where(
        _month_day(Customer.trading_since) == month_day,
        Customer.trading_since < f"{year:04d}-01-01",  # began in an earlier year
    )
    return visible_customers(viewer, query=query)


def anniversary_count(viewer: User, month_day: str, year: int) -> int:
    return _anniversary_query(viewer, month_day, year, Customer.id).count()


def anniversary_rows(
    viewer: User, month_day: str, year: int, offset: int, limit: int | None
) -> list[tuple]:
    """(id, code, name, trading since) of visible customers whose trading began on this MM-DD
    of a year before `year`, by code."""
    query = _anniversary_query(
        viewer, month_day, year, Customer.id, Customer.code, Customer.name, Customer.trading_since
    ).order_by(Customer.code)
    return list(_page(query, offset, limit).tuples())
