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

from kehu.core.language import UserError, pick

WEEKLY, WEEKS13, WEEKS24 = "weekly", "weeks13", "weeks24"
MONTHLY = tuple(f"month{n}" for n in range(1, 6))
FREQUENCIES: tuple[str, ...] = (WEEKLY, WEEKS13, WEEKS24, *MONTHLY)

WEEKDAY_NAMES: dict[int, tuple[str, str]] = {
    1: ("周一", "Mon"),
    2: ("周二", "Tue"),
    3: ("周三", "Wed"),
    4: ("周四", "Thu"),
    5: ("周五", "Fri"),
    6: ("周六", "Sat"),
    7: ("周日", "Sun"),
}


class CalendarError(UserError, ValueError):
    """A frequency code or weekday list that cannot be read."""


def check_frequency(code: str) -> str:
    if code not in FREQUENCIES:
        raise CalendarError(f"未知的拜访频率“{code}”", f"Unknown visit frequency '{code}'")
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
            raise CalendarError(f"拜访日“{text}”无效", f"Invalid visit weekdays '{text}'") from exc
    else:
        days = {int(d) for d in text}
    if any(not 1 <= d <= 7 for d in days):
        raise CalendarError(f"拜访日“{text}”无效", f"Invalid visit weekdays '{text}'")
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


def frequency_label(code: str, lang: str | None = None) -> str:
    check_frequency(code)
    if code == WEEKLY:
        return pick("每周", "Weekly", lang)
    if code == WEEKS13:
        return pick("第1、3周", "Weeks 1 & 3", lang)
    if code == WEEKS24:
        return pick("第2、4周", "Weeks 2 & 4", lang)
    n = int(code[len("month") :])
    return pick(f"每月第{n}周", f"Monthly, week {n}", lang)


def describe(frequency: str, weekdays: str | Iterable[int] | None, lang: str | None = None) -> str:
    """E.g. '第1、3周 周二、周五' / 'Weeks 1 & 3: Tue, Fri'."""
    days = parse_weekdays(weekdays)
    if not days:
        return pick("未定拜访日", "no visit day set", lang)
    zh = "、".join(WEEKDAY_NAMES[d][0] for d in days)
    en = ", ".join(WEEKDAY_NAMES[d][1] for d in days)
    label = frequency_label(frequency, lang)
    return pick(f"{label} {zh}", f"{label}: {en}", lang)
