"""Birthdays kept by the Chinese lunar calendar (农历): when they fall in a solar year, and how
they are written (农历八月十五 (今年 9月25日)). Pure; lunar-python does the calendar.

A lunar birthday is the lunar month and day of the solar date of birth. In a year where that
day does not exist it moves to the nearest day that does: a birthday in a leap month (闰四月)
is kept in the ordinary month of that number, the 30th of a month that has 29 days this year
on its 29th.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lunar_python import Lunar, LunarMonth, Solar

from kehu.core.i18n import N_, is_chinese, translate

_MONTHS = "正二三四五六七八九十冬腊"


@lru_cache(maxsize=65536)
def lunar_month_day(born: dt.date) -> tuple[int, int, bool]:
    """(lunar month 1–12, day 1–30, born in a leap month) of a solar date."""
    lunar = Solar.fromYmd(born.year, born.month, born.day).getLunar()
    month = lunar.getMonth()
    return abs(month), lunar.getDay(), month < 0


@lru_cache(maxsize=65536)
def in_lunar_year(month: int, day: int, lunar_year: int) -> dt.date:
    """The solar date of lunar `month`/`day` in `lunar_year` (day clipped to the month)."""
    days = LunarMonth.fromYm(lunar_year, month).getDayCount()
    solar = Lunar.fromYmd(lunar_year, month, min(day, days)).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def next_lunar_birthday(born: dt.date, on_or_after: dt.date) -> dt.date:
    """The first day on or after `on_or_after` that is the lunar birthday of `born`."""
    month, day, _leap = lunar_month_day(born)
    for lunar_year in (on_or_after.year - 1, on_or_after.year, on_or_after.year + 1):
        found = in_lunar_year(month, day, lunar_year)
        if found >= on_or_after:
            return found
    raise AssertionError("a lunar year is shorter than two solar years")


def lunar_text(born: dt.date) -> str:
    """农历八月十五 (always in Chinese: the lunar date has no English name people use)."""
    month, day, leap = lunar_month_day(born)
    lunar = Lunar.fromYmd(2000, month, min(day, 29))  # only its day name is read
    day_name = lunar.getDayInChinese() if day <= 29 else "三十"
    return f"农历{'闰' if leap else ''}{_MONTHS[month - 1]}月{day_name}"


def lunar_birthday_label(born: dt.date, on: dt.date, today: dt.date, lang: str) -> str:
    """农历八月十五 (今年 9月25日) / 农历八月十五 (this year Sep 25)."""
    if is_chinese(lang):
        when = f"{on.month}月{on.day}日"
        year = "今年" if on.year == today.year else ("明年" if on.year == today.year + 1 else "")
        return f"{lunar_text(born)} ({year} {when})" if year else f"{lunar_text(born)} ({when})"
    when = on.strftime("%b %d").replace(" 0", " ")
    if on.year == today.year:
        return translate(N_("{lunar} (this year {when})"), lang, lunar=lunar_text(born), when=when)
    return translate(
        N_("{lunar} ({year} {when})"), lang, lunar=lunar_text(born), year=on.year, when=when
    )


def lunar_birthday_hint(born: dt.date, today: dt.date, lang: str) -> str:
    """What a lunar birthday reads beside its date: 农历八月十五 (今年 9月25日), the next
    solar day on or after `today`."""
    return lunar_birthday_label(born, next_lunar_birthday(born, today), today, lang)
