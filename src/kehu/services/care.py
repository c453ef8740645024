"""Care by grade (客户关怀): a visit cadence per grade category (A 7 days, B 14, C 30 by
default; editable, or none), the customers overdue by it, lunar birthdays of key persons and
anniversaries of the trading relationship (与本公司交易起始时间). The today report reads these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehu.core.i18n import N_, UserError
from kehu.core.lunar_dates import lunar_birthday_label, next_lunar_birthday
from kehu.core.rights import Action
from kehu.core.schemes import GRADE_SCHEME, GRADE_VISIT_DAYS
from kehu.db import care
from kehu.db.connection import write
from kehu.db.models import Category, Customer, KeyPerson, User
from kehu.services import access, database_settings, visits

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


def overdue_by_cadence(viewer: User, day: dt.date, limit: int = 500) -> list[CadenceItem]:
    items = []
    for cid, code, name, phone, grade, _pos, days, last in care.cadence_overdue(
        viewer, GRADE_SCHEME, day, limit
    ):
        last_date = visits.as_date(last) if last else None
        overdue = (day - last_date).days - days if last_date else None
        items.append(CadenceItem(cid, code, name, phone, grade, days, last_date, overdue))
    return items


def lunar_birthdays_near(viewer: User, day: dt.date, days: int) -> list[LunarBirthday]:
    items = []
    for pid, cid, name, title, mobile, raw, customer_name in care.lunar_birthdays(viewer):
        born = visits.as_date(raw)
        on = next_lunar_birthday(born, day)
        if (on - day).days <= days:
            items.append(
                LunarBirthday(
                    cid, customer_name, pid, name, title, mobile, on, (on - day).days, born
                )
            )
    items.sort(key=lambda i: (i.on, i.customer_name, i.person_name))
    return items


def anniversaries_near(viewer: User, day: dt.date, days: int) -> list[Anniversary]:
    window = [day + dt.timedelta(days=n) for n in range(days + 1)]
    by_month_day = {d.strftime("%m-%d"): d for d in window}
    items = []
    for cid, code, name, since in care.anniversaries(viewer, list(by_month_day)):
        since = visits.as_date(since)
        on = by_month_day[since.strftime("%m-%d")]
        if on.year > since.year:
            items.append(Anniversary(cid, code, name, on, on.year - since.year))
    items.sort(key=lambda i: (i.on, i.code))
    return items


def set_visit_days(category_id: int, days: int | None, user: User) -> None:
    """The visit cadence of a category's customers: a database setting, administrators only
    (`kehu.services.database_settings`)."""
    database_settings.set_visit_days(category_id, days, user)


def set_birthday_lunar(person_id: int, lunar: bool, user: User) -> None:
    """Whether a key person's birthday is kept by the lunar calendar: an edit of the dossier."""
    person = KeyPerson.get_or_none(KeyPerson.id == person_id)
    if person is None:
        raise UserError(N_("This key person does not exist any more."))
    access.require_on_customer(user, Action.EDIT, Customer.get_by_id(person.customer_id))
    write(Category._meta.database, lambda: care.set_birthday_lunar(person_id, lunar))
