"""Lunar birthdays on fixed dates: Mid-Autumn, Chinese New Year, a leap month, a 30th."""

import datetime as dt

from kehu.core.lunar_dates import (
    lunar_birthday_label,
    lunar_month_day,
    lunar_text,
    next_lunar_birthday,
)

MID_AUTUMN_1990 = dt.date(1990, 10, 3)  # 八月十五
NEW_YEAR_1990 = dt.date(1990, 1, 27)  # 正月初一


def test_mid_autumn_this_year_and_next():
    assert lunar_month_day(MID_AUTUMN_1990) == (8, 15, False)
    assert next_lunar_birthday(MID_AUTUMN_1990, dt.date(2026, 9, 1)) == dt.date(2026, 9, 25)
    assert next_lunar_birthday(MID_AUTUMN_1990, dt.date(2026, 9, 25)) == dt.date(2026, 9, 25)
    assert next_lunar_birthday(MID_AUTUMN_1990, dt.date(2026, 9, 26)) == dt.date(2027, 9, 15)


def test_the_label_says_the_lunar_date_and_this_years_solar_day():
    on = dt.date(2026, 9, 25)
    today = dt.date(2026, 9, 20)
    assert (
        lunar_birthday_label(MID_AUTUMN_1990, on, today, "zh_CN") == "农历八月十五 (今年 9月25日)"
    )
    assert (
        lunar_birthday_label(MID_AUTUMN_1990, on, today, "en") == "农历八月十五 (this year Sep 25)"
    )
    later = lunar_birthday_label(MID_AUTUMN_1990, dt.date(2027, 9, 15), today, "zh_CN")
    assert later == "农历八月十五 (明年 9月15日)"


def test_a_new_year_birthday_across_the_solar_new_year():
    assert lunar_text(NEW_YEAR_1990) == "农历正月初一"
    assert next_lunar_birthday(NEW_YEAR_1990, dt.date(2025, 12, 31)) == dt.date(2026, 2, 17)
    assert next_lunar_birthday(NEW_YEAR_1990, dt.date(2026, 2, 18)) == dt.date(2027, 2, 6)


def test_a_birthday_late_in_the_lunar_year_falls_in_the_next_solar_year():
    born = dt.date(1991, 2, 3)  # 腊月十九 of lunar 1990
    month, day, _leap = lunar_month_day(born)
    assert month == 12
    found = next_lunar_birthday(born, dt.date(2026, 1, 1))
    assert found.year == 2026 and found < dt.date(2026, 2, 17)  # before 2026's New Year


def test_a_leap_month_birthday_is_kept_in_the_ordinary_month():
    born = dt.date(2020, 6, 1)  # 闰四月初十
    assert lunar_month_day(born) == (4, 10, True)
    assert lunar_text(born) == "农历闰四月初十"
    found = next_lunar_birthday(born, dt.date(2026, 1, 1))
    assert lunar_month_day(found) == (4, 10, False)
    assert dt.date(2026, 5, 1) <= found <= dt.date(2026, 6, 30)
    # 2025 has a leap sixth month: a sixth-month birthday comes once, in the ordinary month.
    sixth = next_lunar_birthday(dt.date(1990, 7, 22), dt.date(2025, 6, 1))  # 六月初一
    assert lunar_month_day(sixth) == (6, 1, False) and sixth.year == 2025
    after = next_lunar_birthday(dt.date(1990, 7, 22), sixth + dt.timedelta(days=1))
    assert after.year == 2026  # not 闰六月初一 (2025-07-25)


def test_a_thirtieth_moves_to_the_29th_in_a_short_month():
    born = dt.date(1990, 2, 24)  # 正月三十? whichever 30th: find one
    month, day, _ = lunar_month_day(born)
    if day != 30:  # choose a real 30th from the library instead of guessing
        d = dt.date(1990, 1, 1)
        while lunar_month_day(d)[1] != 30:
            d += dt.timedelta(days=1)
        born = d
    found = next_lunar_birthday(born, dt.date(2026, 1, 1))
    assert lunar_month_day(found)[1] in (29, 30)
