"""Route calendar rules on real dates (October 2024 starts on a Tuesday)."""

from __future__ import annotations

import datetime as dt

import pytest

from kehu.core.route_calendar import (
    CalendarError,
    describe,
    format_weekdays,
    is_due,
    next_due,
    parse_weekdays,
    week_of_month,
)

D = dt.date.fromisoformat
OCTOBER_2024_TUESDAYS = ["2024-10-01", "2024-10-08", "2024-10-15", "2024-10-22", "2024-10-29"]


def due_tuesdays(frequency: str) -> list[str]:
    return [d for d in OCTOBER_2024_TUESDAYS if is_due(frequency, "2", D(d))]


def test_weekly_is_due_on_every_listed_weekday_only():
    assert due_tuesdays("weekly") == OCTOBER_2024_TUESDAYS
    assert not is_due("weekly", "2", D("2024-10-02"))  # a Wednesday
    assert is_due("weekly", "1,3", D("2024-10-02"))
    assert not is_due("weekly", "", D("2024-10-01"))  # no weekday: never due


def test_weeks_1_and_3_are_the_first_and_third_occurrence_of_the_weekday():
    assert due_tuesdays("weeks13") == ["2024-10-01", "2024-10-15"]


def test_weeks_2_and_4():
    assert due_tuesdays("weeks24") == ["2024-10-08", "2024-10-22"]


def test_monthly_week_n():
    assert due_tuesdays("month1") == ["2024-10-01"]
    assert due_tuesdays("month4") == ["2024-10-22"]
    assert due_tuesdays("month5") == ["2024-10-29"]
    # March 2025 starts on a Monday: its first Friday is the 7th, the first Monday the 3rd.
    assert is_due("month1", "1,5", D("2025-03-03"))
    assert is_due("month1", "1,5", D("2025-03-07"))
    assert not is_due("month1", "1,5", D("2025-03-10"))


def test_week_of_month_counts_per_weekday():
    assert [week_of_month(D(d)) for d in OCTOBER_2024_TUESDAYS] == [1, 2, 3, 4, 5]
    assert week_of_month(D("2024-02-29")) == 5


def test_next_due_crosses_month_ends():
    assert next_due("weeks13", "2", D("2024-10-15")) == D("2024-11-05")
    assert next_due("weekly", "5", D("2025-02-28")) == D("2025-03-07")
    assert next_due("month2", "4", D("2024-02-01")) == D("2024-02-08")
    assert next_due("weekly", "", D("2024-02-01")) is None


def test_weekday_parsing_and_errors():
    assert parse_weekdays("4, 1，4") == (1, 4)
    assert format_weekdays([5, 2, 2]) == "2,5"
    with pytest.raises(CalendarError):
        parse_weekdays("8")
    with pytest.raises(CalendarError):
        parse_weekdays("mon")
    with pytest.raises(CalendarError):
        is_due("fortnightly", "1", D("2024-10-01"))


def test_describe_in_both_languages():
    assert describe("weeks13", "2,5", "zh_CN") == "第1、3周 周二、周五"
    assert describe("month2", "1", "en") == "Monthly, week 2: Mon"
