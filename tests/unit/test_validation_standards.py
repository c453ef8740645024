"""Validation as the standards have it: GB 11643 (resident IDs, residence permits), GB 32100
(USCC) written with spaces or dashes, phone numbers with extensions, one key per number."""

from __future__ import annotations

import pytest

from kehu.core.fields import customer_field
from kehu.core.validation import (
    check_id_number,
    check_phone,
    check_uscc,
    format_phone,
    id_check_character,
    phone_key,
    uscc_check_character,
)
from kehu.core.values import to_python


def _id(body: str) -> str:
    return body + id_check_character(body)


def test_id_checksum_and_birth_date_are_errors():
    good = _id("11010519491231002")
    assert check_id_number(good) is None
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    assert check_id_number(wrong).is_error
    assert check_id_number(_id("11010519490231002")).is_error  # 1949-02-31


def test_county_created_later_and_residence_permits_are_not_refused():
    later = check_id_number(_id("99999919750101001"))
    assert later is not None and not later.is_error
    for prefix in ("810000", "820000", "830000"):
        assert check_id_number(_id(prefix + "19900101001")) is None


def test_codes_are_normalised_before_the_check():
    good = _id("11010519491231002")
    assert check_id_number(f"{good[:6]} {good[6:14]}-{good[14:]}".lower()) is None
    body = "91110108MA01ABCD1"
    uscc = body + uscc_check_character(body)
    assert check_uscc(f"{uscc[:2]} {uscc[2:8]}-{uscc[8:]}") is None
    assert check_uscc("９１" + uscc[2:]) is None  # full-width digits
    assert to_python(customer_field("uscc"), f" {uscc[:9]}-{uscc[9:].lower()} ") == uscc


@pytest.mark.parametrize(
    "text",
    ["010-12345678-123", "010-12345678转123", "010-12345678 分机：123", "010-12345678 ext. 123"],
)
def test_phone_extensions_are_accepted(text):
    assert check_phone(text) is None
    assert phone_key(text) == "01012345678"


def test_mobile_field_refuses_what_is_not_11_digits_starting_with_1():
    assert check_phone("13812345678", mobile=True) is None
    for text in ("1381234567", "138123456789", "010-12345678"):
        issue = check_phone(text, mobile=True)
        assert issue is not None and issue.is_error, text


def test_every_notation_of_a_number_gives_one_key_and_display_keeps_the_trunk_zero():
    landline = ["010-12345678", "(010) 1234 5678", "+86 10 12345678", "0086 10 12345678",
                "86 10 12345678", "+86-10-1234-5678"]  # fmt: skip
    assert {phone_key(t) for t in landline} == {"01012345678"}
    mobile = ["13812345678", "+86 138 1234 5678", "0086 13812345678", "8613812345678"]
    assert {phone_key(t) for t in mobile} == {"13812345678"}
    assert format_phone("010-1234567").startswith("010")
