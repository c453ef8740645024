"""When a route is visited: frequency codes and weekdays (路序拜访日历).

Frequency codes (stored in `route.frequency`):
- ``weekly``  — every week on the route's weekdays;
- ``weeks13`` — the 1st and 3rd occurrence of each weekday in the month (第1、3周);
- ``weeks24`` — the 2nd and 4th occurrence (第2、4周);
- ``monthN``  — N = 1…5: once a month, the Nth occurrence of the weekday (每月第N周).

"Week N of the month" is counted per weekday: days 1–7 hold the 1st Monday, 1st Tuesday…,
days 8–14 the 2nd, and so on. This is how a round "every 1st and 3rd Tuesday" is meant and it
never depends on which weekday the month starts on.

Weekdays are ISO numbers (1 = Monday … 7 = Sunday), stored as text "1,4". A route without
weekdays is never due by the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kehu.core.i18n import N_, UserError, is_chinese, translate

WEEKLY, WEEKS13, WEEKS24 = "weekly", "weeks13", "weeks24"
MONTHLY = tuple(f"month{n}" for n in range(1, 6))
FREQUENCIES: tuple[str, ...] = (WEEKLY, WEEKS13, WEEKS24, *MONTHLY)

WEEKDAY_NAMES: dict[int, str] = {  # English sources; weekday_name() translates
    1: N_("Mon"),
    2: N_("Tue"),
    3: N_("Wed"),
    4: N_("Thu"),
    5: N_("Fri"),
    6: N_("Sat"),
    7: N_("Sun"),
}


class CalendarError(UserError, ValueError):
    """A frequency code or weekday list that cannot be read."""


def check_frequency(code: str) -> str:
    if code not in FREQUENCIES:
        raise CalendarError(N_("Unknown visit frequency '{code}'"), code=code)
    return code


def parse_weekdays(text: str | Iterable[int] | None) -> tuple[int, ...]:
    """'1,4' (or an iterable of ints) → (1, 4); sorted, without repeats."""
    if text is None:
        return ()
    if isinstance(text, str):
        parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
        try:
            days = {int(p) for p in parts}
        except ValueError as exc:
            raise CalendarError(N_("Invalid visit weekdays '{days}'"), days=text) from exc
    else:
        days = {int(d) for d in text}
    if any(not 1 <= d <= 7 for d in days):
        raise CalendarError(N_("Invalid visit weekdays '{days}'"), days=text)
    return tuple(sorted(days))


def format_weekdays(days: Iterable[int]) -> str:
    return ",".join(str(d) for d in parse_weekdays(list(days)))


def week_of_month(day: dt.date) -> int:
    """Which occurrence of its weekday `day` is in its month (1–5)."""
    return (day.day - 1) // 7 + 1


def weeks_of(code: str) -> tuple[int, ...] | None:
    """The occurrences of the weekday a frequency visits; None means every week."""
    check_frequency(code)
    if code == WEEKLY:
        return None
    if code == WEEKS13:
        return (1, 3)
    if code == WEEKS24:
        return (2, 4)
    return (int(code[len("month") :]),)


def is_due(frequency: str, weekdays: str | Iterable[int] | None, day: dt.date) -> bool:
    """Is a route with this frequency and these weekdays visited on `day`?"""
    weeks = weeks_of(frequency)
    if day.isoweekday() not in parse_weekdays(weekdays):
        return False
    return weeks is None or week_of_month(day) in weeks


def next_due(
    frequency: str, weekdays: str | Iterable[int] | None, after: dt.date, horizon: int = 400
) -> dt.date | None:
    """The first day strictly after `after` on which the route is due (None: never)."""
    if not parse_weekdays(weekdays):
        return None
    for offset in range(1, horizon + 1):
        day = after + dt.timedelta(days=offset)
        if is_due(frequency, weekdays, day):
            return day
    return None


_FREQUENCY_LABELS = {
    WEEKLY: N_("Weekly"),
    WEEKS13: N_("Weeks 1 & 3"),
    WEEKS24: N_("Weeks 2 & 4"),
}


def weekday_name(day: int, lang: str) -> str:
    return translate(WEEKDAY_NAMES[day], lang)


def frequency_label(code: str, lang: str) -> str:
    check_frequency(code)
    if code in _FREQUENCY_LABELS:
        return translate(_FREQUENCY_LABELS[code], lang)
    return translate(N_("Monthly, week {n}"), lang, n=int(code[len("month") :]))


def describe(frequency: str, weekdays: str | Iterable[int] | None, lang: str) -> str:
    """E.g. '第1、3周 周二、周五' / 'Weeks 1 & 3: Tue, Fri'."""
    days = parse_weekdays(weekdays)
    if not days:
        return translate(N_("no visit day set"), lang)
    names = ("、" if is_chinese(lang) else ", ").join(weekday_name(d, lang) for d in days)
    return translate(
        N_("{frequency}: {weekdays}"),
        lang,
        frequency=frequency_label(frequency, lang),
        weekdays=names,
    )
