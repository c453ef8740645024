"""Care by grade (客户关怀): a visit cadence per grade category (A 7 days, B 14, C 30 by
default; editable, or none), the customers overdue by it, lunar birthdays of key persons and
anniversaries of the trading relationship (与本公司交易起始时间). The today report reads these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehu.core import rights
from kehu.core.i18n import N_, UserError
from kehu.core.lunar_dates import lunar_birthday_label, next_lunar_birthday
from kehu.core.paging import Page, walk_parts
from kehu.core.rights import Action
from kehu.core.schemes import GRADE_SCHEME, GRADE_VISIT_DAYS, shown_name
from kehu.db import care, care_keys, categories
from kehu.db.connection import write
from kehu.db.models import Category, Customer, KeyPerson, User
from kehu.services import access, audit, visits

DEFAULT_CADENCE = GRADE_VISIT_DAYS


@dataclass(frozen=True)
class CadenceItem:
    customer_id: int
    code: str
    name: str
    phone: str | None
    grade: str
    visit_days: int
    last_visit: dt.date | None
    days_overdue: int | None  # None: never visited
    category_id: int = 0  # the grade category (A, B, C or one below them)
    grade_key: str | None = None  # the grade's built-in key while it has one

    def grade_name(self, lang: str) -> str:
        """The grade as a reader in `lang` calls it (主力客户 (A) / Key customer (A))."""
        return shown_name(self.grade, self.grade_key, lang)


@dataclass(frozen=True)
class LunarBirthday:
    customer_id: int
    customer_name: str
    person_id: int
    person_name: str
    title: str | None
    mobile: str | None
    on: dt.date
    in_days: int
    born: dt.date

    def label(self, today: dt.date, lang: str) -> str:
        return lunar_birthday_label(self.born, self.on, today, lang)


@dataclass(frozen=True)
class Anniversary:
    customer_id: int
    code: str
    name: str
    on: dt.date
    years: int


def cadence_page(viewer: User, day: dt.date, offset: int = 0, limit: int | None = 500) -> Page:
    """Visible active customers overdue by their grade's visit cadence on `day`: by grade (A,
    B, C before their sub-categories), never visited first (by code), then longest unvisited."""
    groups: dict[tuple[bool, int], dict[int, dt.date]] = {}
    for category, is_sub, position, days in care.cadence_categories(GRADE_SCHEME):
        groups.setdefault((is_sub, position), {})[category] = day - dt.timedelta(days=days)
    parts = [
        ((cutoffs, never), care_keys.cadence_count(viewer, cutoffs, never))
        for _key, cutoffs in sorted(groups.items())
        for never in (True, False)
    ]
    keys = categories.builtin_keys()

    def fetch(part: tuple[dict[int, dt.date], bool], skip: int, at_most: int | None) -> list:
        cutoffs, never = part
        rows = care_keys.cadence_rows(viewer, cutoffs, never, skip, at_most)
        return [_item(row, day, keys) for row in rows]

    return Page(walk_parts(parts, offset, limit, fetch), sum(n for _p, n in parts), offset)


def overdue_by_cadence(viewer: User, day: dt.date, limit: int | None = 500) -> list[CadenceItem]:
    return cadence_page(viewer, day, 0, limit).items


def overdue_among(viewer: User, ids: list[int], day: dt.date) -> dict[int, CadenceItem]:
    """Which of these customers are overdue by their grade's cadence on `day` (route sheets)."""
    found: dict[int, CadenceItem] = {}
    keys = categories.builtin_keys()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        for row in care.cadence_overdue(viewer, GRADE_SCHEME, day, None, part):
            item = _item(row, day, keys)
            found[item.customer_id] = item
    return found


def overdue_sort_key(item: CadenceItem, ranks: dict[int, int]) -> tuple:
    """By grade (A, B, C in tree order), never visited first, then most days overdue."""
    never = item.days_overdue is None
    return (ranks.get(item.category_id, len(ranks)), not never, -(item.days_overdue or 0))


def grade_ranks() -> dict[int, int]:
    """Category id → its place in the grade tree (A 0, A's children, B…)."""
    return {c.category_id: n for n, c in enumerate(cadences())}


def _item(row: tuple, day: dt.date, keys: dict[int, str]) -> CadenceItem:
    cid, code, name, phone, grade, category, days, last = row
    last_date = visits.as_date(last) if last else None
    overdue = (day - last_date).days - days if last_date else None
    return CadenceItem(
        cid, code, name, phone, grade, days, last_date, overdue, category, keys.get(category)
    )


def lunar_page(
    viewer: User, day: dt.date, days: int, offset: int = 0, limit: int | None = None
) -> Page:
    """Key persons whose lunar birthday falls from `day` to `day + days`, soonest first. The
    lunar ones are few and held by a partial index; each is converted to its solar date."""
    items = []
    for pid, cid, name, title, mobile, raw, customer_name in care_keys.lunar_birthdays(viewer):
        born = visits.as_date(raw)
        on = next_lunar_birthday(born, day)
        if (on - day).days <= days:
            items.append(
                LunarBirthday(
                    cid, customer_name, pid, name, title, mobile, on, (on - day).days, born
                )
            )
    items.sort(key=lambda i: (i.on, i.customer_name, i.person_name))
    end = None if limit is None else offset + limit
    return Page(items[offset:end], len(items), offset)


def lunar_birthdays_near(viewer: User, day: dt.date, days: int) -> list[LunarBirthday]:
    return lunar_page(viewer, day, days).items


def anniversaries_page(
    viewer: User, day: dt.date, days: int, offset: int = 0, limit: int | None = None
) -> Page:
    """Customers whose trading relationship has an anniversary from `day` to `day + days`
    (a whole number of years, at least one), soonest first, then by code."""
    window = [day + dt.timedelta(days=n) for n in range(days + 1)]
    parts = [
        (on, care_keys.anniversary_count(viewer, on.strftime("%m-%d"), on.year)) for on in window
    ]

    def fetch(on: dt.date, skip: int, at_most: int | None) -> list:
        rows = care_keys.anniversary_rows(viewer, on.strftime("%m-%d"), on.year, skip, at_most)
        return [
            Anniversary(cid, code, name, on, on.year - visits.as_date(since).year)
            for cid, code, name, since in rows
        ]

    return Page(walk_parts(parts, offset, limit, fetch), sum(n for _on, n in parts), offset)


def anniversaries_near(viewer: User, day: dt.date, days: int) -> list[Anniversary]:
    return anniversaries_page(viewer, day, days).items


@dataclass(frozen=True)
class Cadence:
    """One category of the grade scheme and its visit cadence (None: none)."""

    category_id: int
    name: str
    depth: int  # 0 for A/B/C, 1 for a sub-category…
    visit_days: int | None
    default_days: int | None  # what a new database gives it (A 7, B 14, C 30)
    builtin_key: str | None = None  # while it shows its built-in label

    def shown(self, lang: str) -> str:
        """Its name for a reader in `lang` (主力客户 (A) / Key customer (A))."""
        return shown_name(self.name, self.builtin_key, lang)


def cadences() -> list[Cadence]:
    """The grade scheme's categories in tree order, with their cadence (the editor's rows)."""
    rows = care.grade_cadences(GRADE_SCHEME)
    children: dict[int | None, list[tuple]] = {}
    for row in rows:
        children.setdefault(row[1], []).append(row)
    found: list[Cadence] = []
    keys = categories.builtin_keys()

    def walk(parent: int | None, depth: int) -> None:
        for index, (cid, _parent, name, days) in enumerate(children.get(parent, [])):
            default = (
                DEFAULT_CADENCE[index] if depth == 0 and index < len(DEFAULT_CADENCE) else None
            )
            found.append(Cadence(cid, name, depth, days, default, keys.get(cid)))
            walk(cid, depth + 1)

    walk(None, 0)
    return found


def top_grade_ids() -> set[int]:
    """The first grade (A, 主力客户) and the categories below it: whose overdue customers the
    tray notification names."""
    found: set[int] = set()
    for row in cadences():
        if row.depth == 0 and found:
            break
        found.add(row.category_id)
    return found


def may_set_cadence(user: User) -> bool:
    """Whether the cadence editor is open for changes (the window greys it out otherwise)."""
    return rights.allowed(user, Action.MANAGE_CATEGORIES)


def set_cadences(changes: dict[int, int | None], user: User) -> int:
    """Set several categories' cadences in one write (the editor's OK); returns how many
    changed. Managers and administrators only (like the classification trees)."""
    rights.check(user, Action.MANAGE_CATEGORIES)
    for days in changes.values():
        _check_days(days)
    current = {c.category_id: c for c in cadences()}
    if any(cid not in current for cid in changes):
        raise UserError(N_("This category does not exist any more."))
    changed = {cid: d for cid, d in changes.items() if current[cid].visit_days != d}

    def run() -> None:
        for cid, days in changed.items():
            care.set_visit_days(cid, days)
            audit.record(user, "settings", "category", cid, current[cid].name, visit_days=days)

    if changed:
        write(Category._meta.database, run)
    return len(changed)


def _check_days(days: int | None) -> None:
    if days is not None and not 1 <= days <= 366:
        raise UserError(N_("A visit cadence is between 1 and 366 days."))


def set_visit_days(category_id: int, days: int | None, user: User) -> None:
    """The visit cadence of one category's customers (None: no cadence)."""
    set_cadences({category_id: days}, user)


def set_birthday_lunar(person_id: int, lunar: bool, user: User) -> None:
    """Whether a key person's birthday is kept by the lunar calendar: an edit of the dossier."""
    person = KeyPerson.get_or_none(KeyPerson.id == person_id)
    if person is None:
        raise UserError(N_("This key person does not exist any more."))
    access.require_on_customer(user, Action.EDIT, Customer.get_by_id(person.customer_id))
    write(Category._meta.database, lambda: care.set_birthday_lunar(person_id, lunar))
