"""The fast converters give exactly what `convert` gives for every cell they accept."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata

from stdnum.cn import uscc

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, Kind
from kehu.core.validation import clean_text
from kehu.exchange.xlsx_cells import SLOW, convert, fast_converter
from kehu.exchange.xlsx_rows import LINK_FIELD
from kehu.services.imports import SALE_FIELDS

FIELDS = [*CUSTOMER_FIELDS, *PERSON_FIELDS, *SALE_FIELDS.values(), LINK_FIELD]
VALID_USCC = "91110000802100433B"
TEXTS = [
    "北京科技有限公司", "  北京科技  ", "ＡＢＣ公司", "北京\u200b科技", "北京\u3000科技", "a\u00a0b",
    "", "   ", "'=SUM(A1)", "'abc", "x" * 61, "x" * 201, "x" * 400, "line\r\nnext", "line\nnext",
    "13812345678", "138 1234 5678", "010-65123456", "0755-8888888", "+86 13812345678",
    "1.3812345678E+10", "13812345678.0", "12345", "100000", "900001", "001234", "１００００１",
    "٣٤٥٦٧٨", "c1@example.cn", "not an email", "a@b", "https://c1.example.cn",
    VALID_USCC, VALID_USCC.lower(), VALID_USCC[:-1] + "C", "9E1234567890123456", "91 110000802100433B",
    "AAA", "AA", "A", "B", "AAA 信用极好", "AA very good", "Z", "visit", "推销员访问", "是", "否",
    "2024-01-02", "2024/1/2", "20240102", "2024年1月2日", "1,234.50", "12.5万", "¥1234", "42",
    "-7", "1,000", "3.5", "abc", "110101199003074258", "11010119900307425X",
    "ｃ＠ｅｘａｍｐｌｅ．ｃｎ", "Ｔｅｘｔ", "e\u0301", "\ufb01",
]  # fmt: skip
OTHERS = [
    0, 1, 7, 42, -3, 100_000, 123456, 13812345678, 1_000_000_000_000_000, 1.5, 2.0, 13812345678.0,
    1_000_000.5, 45000.0, 45000, float("nan"), float("inf"), 1e20, True, False,
    dt.date(2024, 1, 2), dt.datetime(2024, 1, 2), dt.datetime(2024, 1, 2, 13, 5), dt.time(12, 0),
]  # fmt: skip


def _uscc_codes() -> list[str]:
    codes = []
    for i in range(200):
        body = f"91{110000 + i * 37:06d}MA{i * 7919:08d}"[:17]
        codes.append(body + uscc.calc_check_digit(body))
    return codes


def test_fast_converters_agree_with_convert_on_every_field():
    fast_hits = 0
    for field, raw in itertools.product(FIELDS, TEXTS + OTHERS + _uscc_codes()):
        fast = fast_converter(field)(raw)
        if fast is SLOW:
            continue
        fast_hits += 1
        expected = convert(field, raw)
        assert expected == (fast, []), (field.name, raw, fast, expected)
        assert type(fast) is type(expected[0]), (field.name, raw)
    assert fast_hits > 500


def test_well_formed_cells_take_the_fast_path():
    kinds = {f.kind: f for f in FIELDS}
    kinds[Kind.CHOICE] = next(f for f in CUSTOMER_FIELDS if f.name == "credit_status")
    well_formed = {
        Kind.TEXT: "北京科技000001有限公司",
        Kind.LONGTEXT: "月结30天",
        Kind.URL: "https://c1.example.cn",
        Kind.EMAIL: "c1@example.cn",
        Kind.PHONE: "010-61234567",
        Kind.MOBILE: "13812345678",
        Kind.POSTAL_CODE: "100001",
        Kind.USCC: VALID_USCC,
        Kind.DATE: dt.datetime(2001, 2, 3),
        Kind.MONEY: 1_000_000.5,
        Kind.INTEGER: 42,
        Kind.CHOICE: "AAA",
    }
    for kind, raw in well_formed.items():
        field = kinds[kind]
        assert fast_converter(field)(raw) is not SLOW, kind
        assert fast_converter(field)(raw) == convert(field, raw)[0]


def test_doubtful_cells_take_the_full_path_with_its_messages():
    name = next(f for f in CUSTOMER_FIELDS if f.name == "name")
    postal = next(f for f in CUSTOMER_FIELDS if f.kind is Kind.POSTAL_CODE)
    for field, raw in [
        (name, "ＡＢＣ公司"),  # full width: normalised with a warning
        (name, "北京\u200b科技"),  # invisible space
        (postal, "900001"),  # unusual range: a warning
        (postal, 12345),  # leading zero lost
    ]:
        assert fast_converter(field)(raw) is SLOW
        assert convert(field, raw)[1], raw


def _full_normalisation(text: str) -> str:
    """What clean_text means, without its shortcut for text that is already normal."""
    return re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", unicodedata.normalize("NFKC", text)).strip()


def test_clean_text_shortcut_gives_the_full_normalisation():
    for text in TEXTS + ["\u200b", " \ufeffx ", "ｘ\u2060", "Ⅻ", "㈱", "\t全角　空格\n"]:
        assert clean_text(text) == _full_normalisation(text), text
