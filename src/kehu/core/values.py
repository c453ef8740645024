"""Conversions of catalogue values between the UI/Excel world and the database.

Money is Decimal in Python and integer cents in the database; dates are `datetime.date`;
history stores a canonical text form of each value.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kehu.core.fields import FieldDef, Kind
from kehu.core.i18n import LANGUAGES
from kehu.core.validation import clean_text, normalise_code, parse_date, parse_money

CENT = Decimal("0.01")


def to_python(field: FieldDef, value: Any) -> Any:
    """Parse user or spreadsheet input into the field's Python type (None for empty).

    Raises ValueError for input that cannot be parsed; call validation first for messages.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    kind = field.kind
    if kind is Kind.DATE:
        return parse_date(value)
    if kind is Kind.MONEY:
        return parse_money(value)
    if kind is Kind.INTEGER:
        return int(clean_text(str(value)).replace(",", ""))
    if kind is Kind.COORD:
        return float(value)
    if kind is Kind.CHOICE:
        text = clean_text(str(value))
        for choice in field.choices:  # the value, or its label in any language
            if text == choice.value or any(text == choice.label(lang) for lang in LANGUAGES):
                return choice.value
        raise ValueError(text)
    if kind is Kind.LONGTEXT:
        return str(value).replace("\r\n", "\n").strip()
    text = clean_text(str(value))
    if kind in (Kind.USCC, Kind.ID_NUMBER):
        text = normalise_code(text)
    return text


def to_db(field: FieldDef, value: Any) -> Any:
    if field.flag_value is not None:  # a 0/1 column, never NULL
        return 1 if value == field.flag_value else 0
    if value is None:
        return None
    if field.kind is Kind.MONEY:
        return int((Decimal(value) / CENT).to_integral_value())
    return value


def from_db(field: FieldDef, value: Any) -> Any:
    if field.flag_value is not None:  # 0: the usual choice, shown as empty
        return field.flag_value if value else None
    if value is None:
        return None
    if field.kind is Kind.MONEY:
        return (Decimal(int(value)) * CENT).quantize(CENT)
    if field.kind is Kind.DATE and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def to_text(value: Any) -> str | None:
    """The canonical text of a Python value (history, Excel, comparisons)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def display(field: FieldDef, value: Any, lang: str = "zh_CN") -> str:
    """How a value reads on a card, a list or a printed page."""
    if value is None or value == "":
        return ""
    if field.kind is Kind.CHOICE:
        return field.choice_label(value, lang)
    if field.kind is Kind.MONEY:
        return f"{Decimal(value):,.2f}"
    return to_text(value) or ""
