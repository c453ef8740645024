"""Search keys: how names, pinyin and phone numbers are normalised for search-by-prefix.

Pure functions, shared by the index writer (`kehu.db.search_index`) and the query
(`kehu.db.search`) so that what is stored and what is typed are normalised the same way:

- text: NFKC (full-width → half-width), case-folded, spaces and punctuation removed;
- pinyin: full syllables and initials, with the common alternative readings of polyphones
  (重庆 chongqing/zhongqing, 单县 danxian/shanxian), at most `MAX_VARIANTS` readings per text;
- phones: digits only, +86/0086 dropped.

Pinyin is read character by character with `str.translate` over a per-character cache; only
the listed polyphones look at the phrase around them (pypinyin's phrase dictionary). That keeps
a million-customer rebuild to seconds of pinyin.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from kehu.core.validation import phone_digits

# Kinds of rows in the search_key table; the query ranks them in this order, then key
# persons' names (table search_name, `person_name_keys`), then text inside names.
NAME = 1  # normalised name and short name
PINYIN = 2  # full pinyin and initials of name and short name
IDENT = 3  # customer code, USCC, phone digits
PERSON = 4  # key persons' mobile and phone digits
KINDS = (NAME, PINYIN, IDENT, PERSON)

SLOTS = 256  # search_key.id = customer id * SLOTS + slot: a customer's keys are one id range
MAX_VARIANTS = 4  # pinyin readings kept per text
MIN_PHONE_KEY = 3  # shorter digit strings are not worth a key

# Common alternative readings that people type (places, surnames, business words). The reading
# pypinyin chooses from its phrase dictionary comes first; these are added as variants.
POLYPHONES: dict[str, tuple[str, ...]] = {
    "重": ("zhong", "chong"),
    "长": ("chang", "zhang"),
    "行": ("xing", "hang"),
    "单": ("dan", "shan"),
    "厦": ("xia", "sha"),
    "乐": ("le", "yue"),
    "曾": ("zeng", "ceng"),
    "朝": ("chao", "zhao"),
    "都": ("du", "dou"),
    "会": ("hui", "kuai"),
    "解": ("jie", "xie"),
    "区": ("qu", "ou"),
    "查": ("cha", "zha"),
    "藏": ("cang", "zang"),
    "调": ("diao", "tiao"),
    "传": ("chuan", "zhuan"),
    "盛": ("sheng", "cheng"),
    "仇": ("chou", "qiu"),
    "朴": ("pu", "piao"),
    "翟": ("zhai", "di"),
    "种": ("zhong", "chong"),
    "番": ("fan", "pan"),
    "六": ("liu", "lu"),
    "蚌": ("bang", "beng"),
    "柏": ("bai", "bo"),
    "缪": ("miao", "mou"),
    "尉": ("wei", "yu"),
    "覃": ("qin", "tan"),
    "省": ("sheng", "xing"),
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PHONE_LIKE = re.compile(r"[+\d][\d\s\-()./]*")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def normalize(text: str) -> str:
    """NFKC, case-folded, without spaces and punctuation: what keys and queries compare."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    if text.isalnum():
        return text
    return "".join(ch for ch in text if ch.isalnum())


def split_words(text: str) -> list[str]:
    """The normalised words of a query (several words narrow the result)."""
    words = (normalize(part) for part in unicodedata.normalize("NFKC", text).split())
    return [w for w in words if w]


def query_phone(text: str) -> str | None:
    """Digits of a query that looks like a phone number (spaces, dashes, +86 allowed)."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not _PHONE_LIKE.fullmatch(text):
        return None
    if text.startswith("+86") or text.startswith("0086"):
        text = text[3:] if text.startswith("+") else text[4:]
    digits = re.sub(r"\D", "", text)
    return digits or None


@cache
def _char_reading(ch: str) -> str:
    from pypinyin import lazy_pinyin  # imported on first use: loading it takes ~0.6 s

    return lazy_pinyin(ch)[0]


class _Readings(dict):
    """str.translate table: a Chinese character → its usual reading (or its initial), filled
    on first use; other characters map to themselves."""

    def __init__(self, initials: bool) -> None:
        super().__init__()
        self.initials = initials

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = _char_reading(ch) if _CJK.match(ch) else ch
        if self.initials:
            value = value[0]
        self[code] = value
        return value


_FULL, _INITIALS = _Readings(initials=False), _Readings(initials=True)
_HAS_POLYPHONE = re.compile("[" + "".join(POLYPHONES) + "]")


@lru_cache(maxsize=1 << 17)
def pinyin_keys(text: str) -> tuple[str, ...]:
    """Full pinyin and initials of normalised text (variants for polyphones), deduplicated.

    Latin letters and digits stay as they are in both forms: ABC贸易 → abcmaoyi, abcmy.
    Text without Chinese characters has no pinyin keys. Text without a listed polyphone is
    read character by character with `str.translate` (fast: a million names in seconds).
    """
    if not has_cjk(text):
        return ()
    if _HAS_POLYPHONE.search(text) is None:
        full, initials = text.translate(_FULL), text.translate(_INITIALS)
        return (full, initials) if full != initials else (full,)
    return _polyphone_keys(text)


def _toneless(syllable: str) -> str:
    bare = "".join(
        c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c)
    )
    return bare.replace("u\u0308", "v").replace("ü", "v")


@lru_cache(maxsize=1 << 16)
def _phrase(text: str) -> tuple[str, ...] | None:
    """Toneless readings of a phrase in pypinyin's phrase dictionary (None if absent)."""
    from pypinyin.constants import PHRASES_DICT  # imported on first use (see _char_reading)

    readings = PHRASES_DICT.get(text)
    return tuple(_toneless(r[0]) for r in readings) if readings else None


def _context_reading(text: str, i: int) -> str | None:
    """The reading of text[i] inside a dictionary phrase around it (重庆 → chong)."""
    for a, b in ((i - 1, i + 1), (i, i + 2), (i - 2, i + 1), (i - 1, i + 2), (i, i + 3)):
        if a >= 0 and b <= len(text):
            readings = _phrase(text[a:b])
            if readings:
                return readings[i - a]
    return None


def _polyphone_keys(text: str) -> tuple[str, ...]:
    """Main reading (polyphones read in their phrase) plus one variant per polyphone, so
    every single alternative reading is findable; at most MAX_VARIANTS readings."""
    main = [_FULL[ord(c)] for c in text]
    positions = [i for i, c in enumerate(text) if c in POLYPHONES]
    for i in positions:
        main[i] = _context_reading(text, i) or main[i]
    variants = [main]
    for i in positions:
        for alternative in POLYPHONES[text[i]]:
            if alternative != main[i] and len(variants) < MAX_VARIANTS:
                variant = main.copy()
                variant[i] = alternative
                variants.append(variant)
    keys: dict[str, None] = {}
    for variant in variants:
        keys["".join(variant)] = None
        keys["".join(s[0] for s in variant)] = None
    return tuple(keys)


def phone_keys(*numbers: str | None) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for number in numbers:
        if number:
            digits = phone_digits(number)
            if len(digits) >= MIN_PHONE_KEY:
                found[digits] = None
    return tuple(found)


def customer_keys(
    code: str | None, name: str | None, short_name: str | None, uscc: str | None, phone: str | None
) -> tuple[list[tuple[int, str]], str]:
    """(kind, key) rows of a customer's own fields, best kinds first, and the text for the
    trigram index: the normalised name, and the short name unless it is inside the name.

    Written for speed (a million customers in a demo load or a repair): no key repeats
    within a kind, empty keys are left out."""
    full = normalize(name) if name else ""
    short = normalize(short_name) if short_name else ""
    if short and short != full:
        names = (full, short) if full else (short,)
    else:
        names = (full,) if full else ()
    rows = [(NAME, t) for t in names]
    if len(names) == 2:
        spelled = pinyin_keys(full) + pinyin_keys(short)
        rows += [(PINYIN, key) for key in dict.fromkeys(spelled)]
    elif names:
        rows += [(PINYIN, key) for key in pinyin_keys(names[0])]  # already distinct
    idents = [normalize(t) for t in (code, uscc) if t]
    if phone:
        idents += phone_keys(phone)
    rows += [(IDENT, key) for key in dict.fromkeys(idents) if key]
    text = full if short and short in full else " ".join(names)
    return rows, text


def person_keys(mobile: str | None, phone: str | None) -> list[str]:
    """search_key rows of a key person: phone digits (names go to `person_name_keys`)."""
    return list(phone_keys(mobile, phone))


@lru_cache(maxsize=1 << 16)
def person_name_keys(name: str) -> tuple[str, ...]:
    """Keys of a key person's name: the normalised name, its pinyin and initials."""
    text = normalize(name)
    if not text:
        return ()
    return tuple(dict.fromkeys((text, *pinyin_keys(text))))


def upper_bound(prefix: str) -> str:
    """The exclusive upper end of the range that holds every key starting with `prefix`."""
    return prefix + "\U0010ffff"
