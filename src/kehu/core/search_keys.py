"""Search keys: how names, pinyin and phone numbers are normalised for search-by-prefix.

Pure functions, shared by the index writer (`kehu.db.search_index`) and the query
(`kehu.db.search`) so that what is stored and what is typed are normalised the same way:

- text: NFKC (full-width → half-width), case-folded, spaces and punctuation removed;
- pinyin: full syllables and initials, with the common alternative readings of polyphones
  (重庆 chongqing/zhongqing, 单县 danxian/shanxian), at most `MAX_VARIANTS` readings per text;
  the main reading (place names from `PLACE_READINGS`, then pypinyin's phrase dictionary)
  is kind PINYIN, the alternative readings kind PINYIN_ALT, which ranks below it;
- phones: digits only, +86/0086 dropped;
- `sort_key`: the order of names as a Chinese reader expects it (pinyin, syllable by syllable,
  the text itself breaking ties), stored in the customer's `*_sort` columns (`SORT_COLUMNS`).

Pinyin is read character by character with `str.translate` over a per-character cache; only
the listed polyphones look at the phrase around them (pypinyin's phrase dictionary). That keeps
a million-customer rebuild to seconds of pinyin.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from kehu.core.validation import phone_digits

logger = logging.getLogger(__name__)

# Kinds of rows in the search_key table; the query ranks them in this order, then key
# persons' names (table search_name, `person_name_keys`), then text inside names.
NAME = 1  # normalised name and short name
PINYIN = 2  # full pinyin and initials of name and short name
IDENT = 3  # customer code, USCC, phone digits
PERSON = 4  # key persons' mobile and phone digits
PINYIN_ALT = 5  # alternative readings of polyphones (盛世 chengshi): after the other kinds
KINDS = (NAME, PINYIN, IDENT, PERSON, PINYIN_ALT)  # rank order = numeric order

SLOTS = 256  # search_key.id = customer id * SLOTS + slot: a customer's keys are one id range
MAX_VARIANTS = 4  # pinyin readings kept per text
MIN_PHONE_KEY = 3  # shorter digit strings are not worth a key

# Common alternative readings that people type (places, surnames, business words). In a place
# name or a phrase of pypinyin's dictionary a polyphone takes the reading there; elsewhere the
# first reading listed here, the usual one in names (曾 zeng, 长 chang, 都 du); the others
# are alternative readings (kind PINYIN_ALT).
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
    "蔚": ("wei", "yu"),
    "覃": ("qin", "tan"),
    "省": ("sheng", "xing"),
    "洞": ("dong", "tong"),
    "莘": ("shen", "xin"),
    "铅": ("qian", "yan"),
}

# Polyphonic place names common in names and addresses, with their reading where pypinyin's
# phrase dictionary is missing or wrong for the place (checked against 现代汉语词典 and the
# places' own usage). Read before the phrase dictionary; every polyphone here is in POLYPHONES.
PLACE_READINGS: dict[str, tuple[str, ...]] = {
    "长沙": ("chang", "sha"),
    "长春": ("chang", "chun"),
    "长治": ("chang", "zhi"),
    "长宁": ("chang", "ning"),
    "长安": ("chang", "an"),
    "长兴": ("chang", "xing"),
    "长葛": ("chang", "ge"),
    "长垣": ("chang", "yuan"),
    "长汀": ("chang", "ting"),
    "重庆": ("chong", "qing"),
    "厦门": ("xia", "men"),
    "蚌埠": ("beng", "bu"),
    "六安": ("lu", "an"),
    "六合": ("lu", "he"),
    "乐山": ("le", "shan"),
    "乐清": ("yue", "qing"),
    "乐亭": ("lao", "ting"),
    "朝阳": ("chao", "yang"),
    "蔚县": ("yu", "xian"),
    "番禺": ("pan", "yu"),
    "单县": ("shan", "xian"),
    "洪洞": ("hong", "tong"),
    "尉氏": ("wei", "shi"),
    "莘县": ("shen", "xian"),
    "铅山": ("yan", "shan"),
    "曾都": ("zeng", "du"),
    "都昌": ("du", "chang"),
    "成都": ("cheng", "du"),
    "行唐": ("xing", "tang"),
    "调兵山": ("diao", "bing", "shan"),
}
# polyphone → (its position in the place, the place, its reading there)
_PLACES_BY_CHAR: dict[str, list[tuple[int, str, str]]] = {}
for _place, _readings in PLACE_READINGS.items():
    for _at, _ch in enumerate(_place):
        if _ch in POLYPHONES:
            _PLACES_BY_CHAR.setdefault(_ch, []).append((_at, _place, _readings[_at]))

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


def has_polyphone(text: str) -> bool:
    """Whether normalised text holds a listed polyphone (its keys have alternative readings)."""
    return _HAS_POLYPHONE.search(text) is not None


def pinyin_keys(text: str) -> tuple[str, ...]:
    """Full pinyin and initials of normalised text (variants for polyphones), deduplicated:
    the main reading's keys first, then the alternative readings' (`pinyin_readings`)."""
    main, alternatives = pinyin_readings(text)
    return main + alternatives


@lru_cache(maxsize=1 << 17)
def pinyin_readings(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(main keys, alternative keys) of normalised text: full pinyin and initials of the main
    reading, and of one variant per polyphone (so that every single alternative reading is
    findable), at most MAX_VARIANTS readings in all; no key is in both.

    Latin letters and digits stay as they are in both forms: ABC贸易 → abcmaoyi, abcmy.
    Text without Chinese characters has no pinyin keys. Text without a listed polyphone is
    read character by character with `str.translate` (fast: a million names in seconds).
    """
    if not has_cjk(text):
        return (), ()
    if _HAS_POLYPHONE.search(text) is None:
        full, initials = text.translate(_FULL), text.translate(_INITIALS)
        return ((full, initials) if full != initials else (full,)), ()
    main = _main_reading(text)
    variants = []
    for i, ch in enumerate(text):
        for alternative in POLYPHONES.get(ch, ()):
            if alternative != main[i] and len(variants) < MAX_VARIANTS - 1:
                variant = list(main)
                variant[i] = alternative
                variants.append(variant)
    main_keys = tuple(dict.fromkeys(("".join(main), "".join(s[0] for s in main))))
    other: dict[str, None] = {}
    for variant in variants:
        other["".join(variant)] = None
        other["".join(s[0] for s in variant)] = None
    return main_keys, tuple(k for k in other if k not in main_keys)


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
    """The reading of text[i] inside a place name (`PLACE_READINGS`) or a dictionary phrase
    around it (重庆 → chong)."""
    for offset, place, reading in _PLACES_BY_CHAR.get(text[i], ()):
        if i >= offset and text.startswith(place, i - offset):
            return reading
    for a, b in ((i - 1, i + 1), (i, i + 2), (i - 2, i + 1), (i - 1, i + 2), (i, i + 3)):
        if a >= 0 and b <= len(text):
            readings = _phrase(text[a:b])
            if readings:
                return readings[i - a]
    return None


@lru_cache(maxsize=1 << 16)
def _polyphone_readings(text: str) -> tuple[tuple[int, str], ...]:
    """(position, main reading) of each polyphone of normalised text: read in its place name
    or phrase, else as first listed in POLYPHONES."""
    return tuple(
        (m.start(), _context_reading(text, m.start()) or POLYPHONES[m.group()][0])
        for m in _HAS_POLYPHONE.finditer(text)
    )


def _main_reading(text: str) -> list[str]:
    """The main reading of each character of normalised text (`_polyphone_readings` for the
    polyphones, the others alone; non-Chinese characters stay as they are)."""
    main = [_FULL[ord(c)] for c in text]
    for i, reading in _polyphone_readings(text):
        main[i] = reading
    return main


# The customer columns sorted by `sort_key` instead of their raw text: column → sort column.
SORT_COLUMNS = {"name": "name_sort", "short_name": "short_name_sort"}
SORT_TIE = "\x1f"  # between the reading and the text itself: below every reading character
SORT_READING_MAX = 160  # characters of reading kept in a sort key
SORT_TEXT_MAX = 80  # characters of the text kept after the reading


class _Syllables(dict):
    """str.translate table for sort keys: a Chinese character → " reading " (the spaces keep
    syllables apart: 西安 "xi an" before 先 "xian"), other characters → themselves."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = f" {_char_reading(ch)} " if _CJK.match(ch) else ch
        self[code] = value
        return value


_SYLLABLES = _Syllables()


def sort_key(text: str | None) -> str:
    """The key that orders names as a Chinese reader expects: by pinyin syllable by syllable
    (tone-less; polyphones in their main reading, 重庆 chong qing), Latin letters and digits
    among them as they are (digits first), then the text itself, so that equal readings
    (长沙, 常沙) keep apart and the order is total. '' for no text. Compared as plain strings
    (binary collation), so an index on the stored key orders a list."""
    if not text:
        return ""
    bare = normalize(text)
    readings = _polyphone_readings(bare) if _HAS_POLYPHONE.search(bare) else ()
    if not readings:
        spelled = bare.translate(_SYLLABLES)
    else:  # the polyphones in their main reading, the text between them translated
        parts, last = [], 0
        for i, reading in readings:
            parts += (bare[last:i].translate(_SYLLABLES), f" {reading} ")
            last = i + 1
        parts.append(bare[last:].translate(_SYLLABLES))
        spelled = "".join(parts)
    reading = " ".join(spelled.split())[:SORT_READING_MAX]
    return reading + SORT_TIE + text[:SORT_TEXT_MAX]


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
    # In the order of schema 10 (each text's main keys, then its alternatives), so that a
    # key keeps its slot and migration 13 only changes the kind of the alternative ones.
    spelled: dict[str, int] = {}
    for text in names:
        main, alternatives = pinyin_readings(text)
        spelled.update(dict.fromkeys(main, PINYIN))
        for key in alternatives:
            spelled.setdefault(key, PINYIN_ALT)
    rows += [(kind, key) for key, kind in spelled.items()]
    idents = dict.fromkeys(normalize(t) for t in (code, uscc) if t)
    idents.update(dict.fromkeys(phone_keys(phone)))
    rows += [(IDENT, key) for key in idents if key]
    text = full if short and short in full else " ".join(names)
    return rows, text


def key_rows(
    customer_id: int,
    code: str | None,
    name: str | None,
    short_name: str | None,
    uscc: str | None,
    phone: str | None,
    persons: Iterable[tuple[str | None, str | None]] = (),
) -> tuple[list[tuple[int, int, str]], str]:
    """The search_key rows (id = customer id * SLOTS + slot, kind, key) of a customer and its
    key persons' (mobile, phone), at most SLOTS, and the text for the trigram index."""
    rows, text = customer_keys(code, name, short_name, uscc, phone)
    found = {key for _kind, key in rows}
    for mobile, person_phone in persons:
        for key in person_keys(mobile, person_phone):
            if key not in found:
                found.add(key)
                rows.append((PERSON, key))
    if len(rows) > SLOTS:
        logger.warning("customer %s has %s search keys; %s kept", customer_id, len(rows), SLOTS)
    base = customer_id * SLOTS
    return [(base + slot, kind, key) for slot, (kind, key) in enumerate(rows[:SLOTS])], text


def sort_columns(name: str | None, short_name: str | None) -> tuple[str, str]:
    """The values of a customer's sort columns (`SORT_COLUMNS`, in that order)."""
    return sort_key(name), sort_key(short_name)


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
