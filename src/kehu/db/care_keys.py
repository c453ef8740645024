"""The Today panel's stored keys (schema 12) and the bounded queries over them.

`care_key` holds per customer its code, owner, status, grade and latest visit; `birthday_key`
per key person with a solar birthday its month-day (MM-DD) and its customer's owner and
status (both kept by the `care_key_*` triggers). Trading anniversaries are reached by the
month-day expression index `customer_trading_day`: the expression is written here with the
literal 6 and 5 so that SQLite matches the index (a bound parameter would not).

Every query takes the viewer's visibility (owner, shares, archived customers left out) and
either counts or returns one page (`offset`, `limit`) in the order the panel lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peewee import JOIN, SQL, Case, Database, Expression, fn

from kehu.db import shares
from kehu.db.dialect import dialect, drop_named_triggers
from kehu.db.models import (
    BirthdayKey,
    CareKey,
    Category,
    Customer,
    KeyPerson,
    RouteStop,
    User,
    Visit,
)
from kehu.db.visibility import visible_customers, visible_owner_ids

TRIGGER_PREFIX = "care_key_"
ACTIVE = "active"

_FRESH_BIRTHDAYS = (
    "SELECT kp.id, kp.customer_id, substr(kp.birthday, 6, 5), c.owner_id, c.status "
    "FROM key_person kp JOIN customer c ON c.id = kp.customer_id "
    "WHERE kp.birthday IS NOT NULL AND kp.birthday_lunar = 0"
)
_STORED_BIRTHDAYS = "SELECT person_id, customer_id, month_day, owner_id, status FROM birthday_key"
_REBUILD = (
    'DELETE FROM "care_key"',
    "INSERT INTO care_key (customer_id, code, owner_id, status, grade_id, visit_id, "
    "last_visit_on, next_visit_on) SELECT c.id, c.code, c.owner_id, c.status, g.category_id, "
    "l.id, l.visit_date, l.next_visit_on FROM customer c LEFT JOIN (SELECT cc.customer_id, "
    "cc.category_id FROM customer_category cc JOIN scheme s ON s.id = cc.scheme_id "
    "WHERE s.key = 'grade') g ON g.customer_id = c.id LEFT JOIN (SELECT customer_id, id, "
    "visit_date, next_visit_on, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY "
    "visit_date DESC, id DESC) AS n FROM visit) l ON l.customer_id = c.id AND l.n = 1",
    'DELETE FROM "birthday_key"',
    "INSERT INTO birthday_key (person_id, customer_id, month_day, owner_id, status) "
    + _FRESH_BIRTHDAYS,
)


# -- upkeep ------------------------------------------------------------------------------------
def rebuild(db: Database) -> None:
    """Compute `care_key` again from customers, grades and visits; the tables' indexes are
    dropped meanwhile and built again after (one sort each instead of an insert per row)."""
    sql = dialect(db)
    with db.atomic():
        indexes = sql.index_definitions(db, ("care_key", "birthday_key"))
        for name, _statement in indexes:
            sql.drop_index(db, name)
        for statement in _REBUILD:
            db.execute_sql(statement)
        for _name, statement in indexes:
            db.execute_sql(statement)


def drop_triggers(db: Database) -> list[str]:
    """Drop the care-key triggers before a bulk load; returns their SQL for `restore`."""
    return drop_named_triggers(db, TRIGGER_PREFIX)


def restore_triggers(db: Database, triggers: list[str]) -> None:
    """After a bulk load: rebuild the keys and create the triggers again."""
    if not triggers:
        return
    rebuild(db)
    for statement in triggers:
        db.execute_sql(statement)


def differences(db: Database) -> int:
    """Rows of care_key and birthday_key that differ from a fresh computation (either way)."""
    fresh = _REBUILD[1].split(") SELECT ", 1)[1]
    stored = (
        "customer_id, code, owner_id, status, grade_id, visit_id, last_visit_on, next_visit_on "
        "FROM care_key"
    )
    pairs = [(f"SELECT {fresh}", f"SELECT {stored}"), (_FRESH_BIRTHDAYS, _STORED_BIRTHDAYS)]
    wrong = 0
    for one, other in pairs:
        for a, b in ((one, other), (other, one)):
            wrong += db.execute_sql(f"SELECT COUNT(*) FROM ({a} EXCEPT {b}) AS d").fetchone()[0]
    return wrong


# -- visibility --------------------------------------------------------------------------------
def _visible(viewer: User, table=CareKey) -> Expression:
    """Active customers the viewer sees, on the key table's own columns (care_key or
    birthday_key: both have customer_id, owner_id and status)."""
    condition = table.status == ACTIVE
    ids = visible_owner_ids(viewer)
    if ids is None:
        return condition
    owned = table.owner_id == next(iter(ids)) if len(ids) == 1 else table.owner_id.in_(ids)
    if not ids:
        owned = SQL("1 = 0")  # a condition on both backends (PostgreSQL has no 0 for false)
    elif shares.has_shares(viewer.id):
        owned = owned | table.customer_id.in_(shares.shared_ids_query(viewer.id))
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
    seen = Case(None, [(_visible(viewer), 1)], 0)  # 0 also without a key (NULL)
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


def birthday_counts(viewer: User, month_days: Sequence[str]) -> dict[str, int]:
    """MM-DD → how many visible key persons (solar birthdays) are born on it (one index)."""
    query = (
        BirthdayKey.select(BirthdayKey.month_day, fn.COUNT(BirthdayKey.person_id))
        .where(BirthdayKey.month_day.in_(sorted(month_days)), _visible(viewer, BirthdayKey))
        .group_by(BirthdayKey.month_day)
    )
    return dict(query.tuples())


_PERSON_FIELDS = (
    KeyPerson.id,
    KeyPerson.customer,
    KeyPerson.name,
    KeyPerson.title,
    KeyPerson.mobile,
    KeyPerson.birthday,
    Customer.name,
)


def birthday_rows(
    viewer: User, month_days: Sequence[str], offset: int, limit: int | None
) -> list[tuple]:
    """(person id, customer id, name, title, mobile, birthday, customer name) of the visible
    key persons born on these MM-DD, by customer name, person name (and entry order)."""
    query = (
        BirthdayKey.select(*_PERSON_FIELDS)
        # CROSS JOIN: SQLite reads the day's keys first, then their persons and customers
        .join(KeyPerson, JOIN.CROSS)
        .join(Customer, JOIN.CROSS)
        .where(
            BirthdayKey.month_day.in_(sorted(month_days)),
            _visible(viewer, BirthdayKey),
            KeyPerson.id == BirthdayKey.person_id,
            Customer.id == BirthdayKey.customer_id,
        )
        .order_by(Customer.name, KeyPerson.name, KeyPerson.id)
    )
    return list(_page(query, offset, limit).tuples())


def lunar_birthdays(viewer: User) -> list[tuple]:
    """(person id, customer id, name, title, mobile, birthday, customer name) of the visible
    key persons whose birthday is kept by the lunar calendar (a partial index holds them; read
    first, CROSS JOIN fixes the order)."""
    query = (
        KeyPerson.select(*_PERSON_FIELDS)
        .join(CareKey, JOIN.CROSS)
        .join(Customer, on=(Customer.id == CareKey.customer_id))
        .where(
            KeyPerson.birthday_lunar == SQL("1"),  # a literal: the partial index matches
            KeyPerson.birthday.is_null(False),
            KeyPerson.customer == CareKey.customer_id,
            _visible(viewer),
        )
    )
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
