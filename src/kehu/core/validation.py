"""Validation of identifiers, phone numbers, postal codes and dates.

An invalid USCC or resident ID is an error that blocks saving; a phone number that is possible
but unusual is only a warning. An issue carries its message as an English source (N_) and
its values; whoever shows it translates it with `message(lang)`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from kehu.core.fields import FieldDef, Kind
from kehu.core.i18n import LANGUAGES, N_, is_chinese, translate


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """A problem with one value. `text` is an English source (N_) with `{name}` placeholders
    filled from `values`; a tuple value is a list of English sources (labels), shown
    translated and joined."""

    severity: Severity
    text: str
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    field: str | None = None

    def message(self, lang: str) -> str:
        shown = {name: _shown(value, lang) for name, value in self.values.items()}
        return translate(self.text, lang, **shown)

    def on_field(self, name: str) -> Issue:
        return Issue(self.severity, self.text, self.values, name)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, tuple):
        return ("、" if is_chinese(lang) else ", ").join(translate(v, lang) for v in value)
    return value


def _error(text: str, **values: Any) -> Issue:
    return Issue(Severity.ERROR, text, values)


def _warning(text: str, **values: Any) -> Issue:
    return Issue(Severity.WARNING, text, values)


_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


def clean_text(value: str) -> str:
    """NFKC-normalise (full-width → half-width) and strip invisible spaces."""
    if value.isascii() or (
        unicodedata.is_normalized("NFKC", value) and _ZERO_WIDTH.search(value) is None
    ):
        return value.strip()  # already normal: the usual case, and much cheaper
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", value)).strip()


# USCC: 18 characters from 0-9 and A-Z without I, O, S, V, Z (GB 32100-2015).
_USCC_FIRST = set("123456789ANY")
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_character(code: str) -> str:
    """The check character of a USCC (its first 17 characters must be from the alphabet).

    Same result as stdnum.cn.uscc.calc_check_digit, without its generic clean-up."""
    total = sum(map(operator.mul, map(_USCC_VALUE.__getitem__, code[:17]), _USCC_WEIGHTS))
    return _USCC_ALPHABET[(31 - total) % 31]


_CODE_NOISE = re.compile(r"[\s\-‐‑‒–—_·.]")


def normalise_code(value: str) -> str:
    """A USCC or resident ID as stored and checked: NFKC (full-width → half-width), upper case,
    without spaces, dashes and dots (91 1101 08-MA01… and 11010519491231002x are the same)."""
    return _CODE_NOISE.sub("", clean_text(value)).upper()


def check_uscc(value: str) -> Issue | None:
    code = normalise_code(value)
    if len(code) != 18:
        return _error(
            N_("A unified social credit code has 18 characters, this one has {count}"),
            count=len(code),
        )
    if code[0] not in _USCC_FIRST:
        return _error(
            N_(
                "The first character (registering authority) cannot be '{character}'; "
                "it must be 1–9, A, N or Y"
            ),
            character=code[0],
        )
    if any(c not in _USCC_VALUE for c in code) or not code[2:8].isdigit():  # no I O S V Z
        return _error(
            N_(
                "The unified social credit code contains characters that are not allowed "
                "(characters 3–8 are a region number; I, O, S, V and Z are never used)"
            )
        )
    # stdnum's validate() rejects the legal first characters A, N and Y; its checksum is right
    # and uscc_check_character computes the same (tests/unit/test_validation_uscc.py).
    if uscc_check_character(code) != code[-1]:
        return _error(
            N_(
                "The check character of the unified social credit code is wrong: "
                "please check for a typing error"
            )
        )
    return None


_ID_WEIGHTS = tuple(2 ** (17 - i) % 11 for i in range(17))
_RESIDENCE_PERMITS = ("81", "82", "83")  # Hong Kong, Macao, Taiwan residents (GB 11643 too)


def id_check_character(number: str) -> str:
    """The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def check_id_number(value: str, today: dt.date | None = None) -> Issue | None:
    """GB 11643: 18 characters, a real birth date and the check character are errors; an
    address code missing from the county list is only a warning (counties are created and
    renamed after their holders' birth; residence permits start with 81, 82, 83)."""
    number = normalise_code(value)
    if len(number) != 18:
        return _error(
            N_("A resident ID number has 18 characters, this one has {count}"),
            count=len(number),
        )
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return _error(N_("A resident ID number is 17 digits followed by a digit or X"))
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return _error(
            N_("The birth date {date} in the resident ID number does not exist"),
            date=number[6:14],
        )
    if birth > (today or dt.date.today()) or birth.year < 1900:
        return _error(
            N_("The birth date {date} in the resident ID number is impossible"),
            date=birth.isoformat(),
        )
    if id_check_character(number) != number[17]:
        return _error(
            N_(
                "The check digit of the resident ID number is wrong: "
                "please check for a typing error"
            )
        )
    if number[:2] in _RESIDENCE_PERMITS:
        return None
    try:
        ric.validate(number)
    except (InvalidChecksum, InvalidFormat, InvalidLength, InvalidComponent):
        return _warning(
            N_(
                "The address code {code} of this resident ID number is not in the county "
                "list (a county created or renamed later?): please check it"
            ),
            code=number[:6],
        )
    return None


_PHONE_SEPARATORS = str.maketrans("", "", " -()./")
# An extension after the number: 转123, 分机：123, ext. 123, x123, #123, or -123 after a full
# landline (area code and a 7–8 digit local number).
_EXTENSION = re.compile(
    r"\s*(?:转|分机号?|内线|ext\.?|extension|x|#)\s*[:：]?\s*(\d{1,6})\s*$", re.I
)
_DASH_EXTENSION = re.compile(
    r"^(\s*(?:\+?86\s*|0086\s*)?\(?0?\d{2,3}\)?[\s-]*\d{7,8})-(\d{1,6})\s*$"
)


def split_extension(value: str) -> tuple[str, str]:
    """(number, extension) of a phone number as typed; the extension may be ''."""
    text = clean_text(value)
    match = _EXTENSION.search(text)
    if match:
        return text[: match.start()].strip(), match.group(1)
    match = _DASH_EXTENSION.fullmatch(text)
    if match:
        return match.group(1).strip(), match.group(2)
    return text, ""


def phone_key(value: str) -> str:
    """The normalised key of a phone number for search and duplicates: its national digits,
    landlines with their trunk 0, without extension. Every notation of one number gives the
    same key: 010-12345678, (010) 1234 5678, +86 10 12345678, 0086 10 12345678,
    86 10 12345678 → 01012345678; +86 138 1234 5678 → 13812345678."""
    digits = value.translate(_PHONE_SEPARATORS)
    plain = digits.isascii() and digits.isdigit() and (len(digits) <= 12 or digits[:4] == "0086")
    if not plain:  # the usual plain number skips the regexes; 010-12345678-123 does not
        number, _extension = split_extension(value)
        digits = re.sub(r"\D", "", number)
    if digits.startswith("0086"):
        rest = digits[4:]
    elif digits.startswith("86") and len(digits) >= 11:  # longer than any local number
        rest = digits[2:]
    else:
        return digits
    if len(rest) == 11 and rest[0] == "1":  # a mobile
        return rest
    return rest if rest.startswith("0") else "0" + rest


phone_digits = phone_key  # the name search keys and duplicates have used


def _parse_cn(value: str) -> phonenumbers.PhoneNumber | None:
    number, extension = split_extension(value)
    text = f"{number} ext {extension}" if extension else number
    try:
        return phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return None


def check_phone(value: str, mobile: bool = False) -> Issue | None:
    if mobile:
        key = phone_key(value)
        if len(key) != 11 or key[0] != "1" or split_extension(value)[1]:
            return _error(
                N_("'{value}' is not a mobile number (11 digits starting with 1)"), value=value
            )
    number = _parse_cn(value)
    if (
        number is None
        or not phonenumbers.is_possible_number(number)
        or len(str(number.national_number)) < 7
    ):
        return _error(N_("'{value}' is not a phone number"), value=value)
    if not phonenumbers.is_valid_number(number):
        return _warning(
            N_("This phone number is possible but its prefix is unusual: please check it")
        )
    kind = phonenumbers.number_type(number)
    if mobile and kind not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return _warning(N_("This looks like a landline, not a mobile number"))
    return None


def format_phone(value: str) -> str:
    """A national format for display (138 1234 5678, 010 6512 3456); the number as typed when
    it cannot be parsed or formatting would drop its trunk 0."""
    number = _parse_cn(value)
    if number is None or not phonenumbers.is_possible_number(number):
        return value
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if phone_key(value).startswith("0") and not re.sub(r"\D", "", shown).startswith("0"):
        return value
    return shown


def check_postal_code(value: str) -> Issue | None:
    code = clean_text(value)
    if not re.fullmatch(r"\d{6}", code):
        return _error(N_("A postal code is six digits"))
    if code[0] == "9" or code[:2] == "00":
        return _warning(N_("This postal code is outside the usual ranges"))
    return None


def check_email(value: str) -> Issue | None:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", clean_text(value)):
        return _error(N_("This is not an email address"))
    return None


_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
)


def parse_date(value: str | dt.date | dt.datetime) -> dt.date:
    """Parse 2024-1-2, 2024/1/2, 2024.1.2, 20240102 and 2024年1月2日. Raises ValueError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(value)
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    raise ValueError(text)


def check_date(value: str) -> Issue | None:
    try:
        parse_date(value)
    except ValueError:
        return _error(
            N_(
                "'{value}' is not a date; write 2024-1-2, 2024/1/2, 2024.1.2, 20240102 or 2024年1月2日"
            ),
            value=value,
        )
    return None


def parse_money(value: str | int | float | Decimal) -> Decimal:
    """A money amount as Decimal; accepts 1,234.50, ¥1234.5 and 12.5万. Raises ValueError."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = clean_text(value).replace(",", "").replace("¥", "").replace("￥", "").strip()
    factor = Decimal(1)
    if text.endswith("万元") or text.endswith("万"):
        factor, text = Decimal(10000), text.rstrip("元").rstrip("万")
    elif text.endswith("元"):
        text = text[:-1]
    try:
        amount = Decimal(text) * factor
    except InvalidOperation:
        raise ValueError(value) from None
    if not amount.is_finite():
        raise ValueError(value)
    return amount.quantize(Decimal("0.01"))


def check_value(field: FieldDef, value: object) -> Issue | None:
    """Check one value of a catalogue field; None and empty strings are always accepted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if field.required:
            return _error(N_("'{field}' cannot be empty"), field=(field.text,)).on_field(field.name)
        return None
    issue = _check_kind(field, value)
    too_long = field.max_length and isinstance(value, str) and len(value) > field.max_length
    if issue is None and too_long:
        issue = _error(N_("At most {count} characters"), count=field.max_length)
    if issue is None:
        return None
    return issue.on_field(field.name)


def _check_kind(field: FieldDef, value: object) -> Issue | None:
    kind = field.kind
    if kind is Kind.DATE:
        return None if isinstance(value, dt.date) else check_date(str(value))
    text = str(value)
    if kind is Kind.USCC:
        return check_uscc(text)
    if kind is Kind.ID_NUMBER:
        return check_id_number(text)
    if kind in (Kind.PHONE, Kind.MOBILE):
        return check_phone(text, mobile=kind is Kind.MOBILE)
    if kind is Kind.POSTAL_CODE:
        return check_postal_code(text)
    if kind is Kind.EMAIL:
        return check_email(text)
    if kind is Kind.MONEY:
        try:
            parse_money(value)  # type: ignore[arg-type]
        except ValueError:
            return _error(N_("'{value}' is not an amount of money"), value=text)
        return None
    if kind is Kind.INTEGER:
        digits = clean_text(text).replace(",", "")
        if not re.fullmatch(r"-?\d+", digits):
            return _error(N_("'{value}' is not a whole number"), value=text)
        if int(digits) < 0:
            return _error(N_("'{value}' is a negative count"), value=text)
        return None
    if kind is Kind.COORD:
        try:
            number = float(text)
        except ValueError:
            return _error(N_("'{value}' is not a coordinate"), value=text)
        limit = 90 if field.name == "latitude" else 180
        if not -limit <= number <= limit:
            return _error(N_("A coordinate lies within ±{limit}"), limit=limit)
        return None
    if kind is Kind.CHOICE:
        values = {c.value for c in field.choices}
        labels = {c.label(lang) for c in field.choices for lang in LANGUAGES}
        if text not in values and text not in labels:
            return _error(
                N_("'{value}' is not one of the choices ({options})"),
                value=text,
                options=tuple(c.text for c in field.choices),
            )
    return None


def check_values(fields: tuple[FieldDef, ...], values: dict[str, object]) -> list[Issue]:
    by_name = {f.name: f for f in fields}
    issues = []
    for name, value in values.items():
        field = by_name.get(name)
        if field is not None:
            issue = check_value(field, value)
            if issue is not None:
                issues.append(issue)
    return issues
