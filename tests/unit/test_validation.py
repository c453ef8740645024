import datetime as dt
from decimal import Decimal

import pytest

from kehu.core.fields import customer_field, person_field
from kehu.core.validation import (
    Severity,
    check_id_number,
    check_phone,
    check_postal_code,
    check_uscc,
    check_value,
    parse_date,
    parse_money,
    phone_digits,
)

VALID_USCC = [
    "91110000802100433B",  # registered companies, published on their sites
    "91440300708461136T",
    "91330100716105852F",
    "914403001922038216",
    "12100000400000624D",  # a public institution (first character 1)
    "N2110000MB00000003",  # farmers' cooperative (first character N)
]


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_uscc(code):
    assert check_uscc(code) is None


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91110000802100433C", "校验位"),
        ("9111000080210043", "18位"),
        ("B1110000802100433B", "第1位"),
        ("9111000080210O433B", "字符"),
        ("911100008021004I3B", "字符"),
    ],
)
def test_invalid_uscc_is_an_error_with_the_reason(code, reason):
    issue = check_uscc(code)
    assert issue is not None and issue.severity is Severity.ERROR
    assert reason in issue.message("zh_CN")
    assert issue.message("en")


def test_uscc_accepts_full_width_and_lower_case():
    assert check_uscc("９１１１００００８０２１００４３３ｂ") is None


@pytest.mark.parametrize("number", ["11010519491231002X", "110101199003074477"])
def test_valid_resident_id(number):
    assert check_id_number(number) is None


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "不存在"),  # month 13
        ("11010530001231002X", "不合理"),  # born in 3000
        ("1101051949123100", "18位"),
        ("11010519491231002Y", "数字"),
    ],
)
def test_invalid_resident_id(number, reason):
    issue = check_id_number(number)
    assert issue is not None and issue.is_error and reason in issue.message("zh_CN")


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "138 1234 5678",
        "+86 138-1234-5678",
        "010-65123456",
        "0755 8888 8888",
        "(021)62345678",
        "010-65123456转808",
    ],
)
def test_valid_phones(phone):
    assert check_phone(phone) is None


def test_impossible_phone_is_an_error_and_unusual_one_a_warning():
    assert check_phone("12345").is_error
    assert check_phone("abc").is_error
    unusual = check_phone("010-6512345")  # seven digits in Beijing
    assert unusual is not None and unusual.severity is Severity.WARNING


def test_landline_given_as_mobile_is_refused():
    issue = check_phone("010-65123456", mobile=True)
    assert issue.severity is Severity.ERROR


def test_phone_digits_ignore_spaces_dashes_and_country_code():
    assert phone_digits("+86 138-1234 5678") == "13812345678"
    assert phone_digits("0086 13812345678") == "13812345678"
    assert phone_digits("010-6512 3456") == "01065123456"


def test_postal_code():
    assert check_postal_code("100080") is None
    assert check_postal_code("10008").is_error
    assert check_postal_code("１０００８０") is None  # full width


@pytest.mark.parametrize(
    "text", ["2024-1-2", "2024/1/2", "2024.1.2", "20240102", "2024年1月2日", "2024-01-02"]
)
def test_date_formats(text):
    assert parse_date(text) == dt.date(2024, 1, 2)


@pytest.mark.parametrize("text", ["2024-13-01", "2024/2/30", "yesterday", "24-1-2"])
def test_bad_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)
    assert check_value(customer_field("founded_on"), text).is_error


def test_money():
    assert parse_money("1,234.5") == Decimal("1234.50")
    assert parse_money("12.5万") == Decimal("125000.00")
    assert parse_money("￥300元") == Decimal("300.00")
    with pytest.raises(ValueError):
        parse_money("很多")


def test_check_value_names_the_field_and_speaks_both_languages():
    issue = check_value(customer_field("uscc"), "123")
    assert issue.field == "uscc"
    assert "统一社会信用代码" in issue.message("zh_CN")
    assert "unified social credit code" in issue.message("en")


def test_required_and_choice():
    assert check_value(customer_field("name"), "  ").is_error
    assert check_value(customer_field("credit_status"), "AA") is None
    assert check_value(customer_field("credit_status"), "AA 信用优良") is None
    assert check_value(customer_field("credit_status"), "极好").is_error
    assert check_value(person_field("mobile"), "13812345678") is None
