"""Search keys: how names, pinyin and phone numbers are normalised for search-by-prefix.

Pure functions, shared by the index writer (`kehu.services.search_index`) and the query
(`kehu.db.search`) so that what is stored and what is typed are normalised the same way:

- text: NFKC (full-width → half-width), case-folded, spaces and punctuation removed;
- pinyin: full syllables and initials, with the common alternative readings of polyphones
  (重庆 chongqing/zhongqing, 单县 danxian/shanxian), at most `MAX_VARIANTS` readings per text;
- phones: digits only, +86/0086 dropped.

Pinyin is cached per text and per character: demo and real names are made of recurring parts
(places, surnames, 有限公司), which keeps a million-customer rebuild fast.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import product

from pypinyin import Style, lazy_pinyin, pinyin

from kehu.core.validation import phone_digits

# Kinds of rows in the search_key table; the query ranks them in this order, then key
# persons' names (table search_name, `person_name_keys`), then text inside names.
NAME = 1  # normalised name and short name
PINYIN = 2  # full pinyin and initials of name and short name
IDENT = 3  # customer code, USCC, phone digits
PERSON = 4  # key persons' mobile and phone digits
KINDS = (NAME, PINYIN, IDENT, PERSON)

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
_RUNS = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
)
_ALL_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
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
    return lazy_pinyin(ch)[0]


@cache
def _is_polyphone(ch: str) -> bool:
    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    return len(set(readings)) > 1


@lru_cache(maxsize=1 << 16)
def _reading_in_context(window: str, index: int) -> str:
    return lazy_pinyin(window)[index]


def _syllables(before: str, chunk: str, after: str) -> list[str]:
    """Toneless syllables of Chinese characters; polyphones read with one character of context."""
    text = before + chunk + after
    offset = len(before)
    syllables = []
    for i, ch in enumerate(chunk):
        if _is_polyphone(ch):
            start = max(0, offset + i - 1)
            syllables.append(_reading_in_context(text[start : offset + i + 2], offset + i - start))
        else:
            syllables.append(_char_reading(ch))
    return syllables


@lru_cache(maxsize=1 << 18)
def _chunk_variants(before: str, chunk: str, after: str) -> tuple[tuple[str, str], ...]:
    """(full, initials) readings of a chunk: the main one plus common alternatives (bounded)."""
    choices = []
    for ch, main in zip(chunk, _syllables(before, chunk, after), strict=True):
        alternatives = POLYPHONES.get(ch, ())
        choices.append((main, *(a for a in alternatives if a != main)))
    found = []
    for combination in product(*choices):
        found.append(("".join(combination), "".join(s[0] for s in combination)))
        if len(found) >= MAX_VARIANTS:
            break
    return tuple(found)


_CHUNK = 4  # names are cut into chunks of recurring parts; each chunk's pinyin is cached


def _cjk_parts(run: str, parts: list[tuple[tuple[str, str], ...]]) -> None:
    for i in range(0, len(run), _CHUNK):
        chunk = run[i : i + _CHUNK]
        # Context only matters (and only enters the cache key) next to a polyphone.
        before = run[i - 1] if i and _is_polyphone(chunk[0]) else ""
        after = run[i + _CHUNK : i + _CHUNK + 1] if _is_polyphone(chunk[-1]) else ""
        parts.append(_chunk_variants(before, chunk, after))


def _parts(text: str) -> list[tuple[tuple[str, str], ...]]:
    parts: list[tuple[tuple[str, str], ...]] = []
    if _ALL_CJK.fullmatch(text):
        _cjk_parts(text, parts)
        return parts
    for run in _RUNS.findall(text):
        if _CJK.match(run):
            _cjk_parts(run, parts)
        else:
            parts.append(((run, run),))
    return parts


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


@lru_cache(maxsize=1 << 16)
def _polyphone_keys(text: str) -> tuple[str, ...]:
    parts = _parts(text)
    keys: dict[str, None] = {}
    for count, combination in enumerate(product(*parts)):
        if count >= MAX_VARIANTS:
            break
        keys["".join(full for full, _ in combination)] = None
        keys["".join(initials for _, initials in combination)] = None
    return tuple(keys)


def phone_keys(*numbers: str | None) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for number in numbers:
        if number:
            # Fast path for numbers stored as plain digits (most mobiles).
            plain = number.isascii() and number.isdigit() and not number.startswith("86")
            digits = number if plain and not number.startswith("0086") else phone_digits(number)
            if len(digits) >= MIN_PHONE_KEY:
                found[digits] = None
    return tuple(found)


def customer_keys(
    code: str | None, name: str | None, short_name: str | None, uscc: str | None, phone: str | None
) -> list[tuple[int, str]]:
    """(kind, key) rows of a customer's own fields, best kinds first."""
    texts = [normalize(t) for t in (name, short_name) if t]
    texts = [t for i, t in enumerate(texts) if t and t not in texts[:i]]
    rows = [(NAME, t) for t in texts]
    spelled: dict[str, None] = {}
    for text in texts:
        spelled.update(dict.fromkeys(pinyin_keys(text)))
    rows += [(PINYIN, key) for key in spelled]
    idents = dict.fromkeys(normalize(t) for t in (code, uscc) if t)
    idents.update(dict.fromkeys(phone_keys(phone)))
    rows += [(IDENT, key) for key in idents if key]
    return rows


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


def substring_text(name: str | None, short_name: str | None) -> str:
    """What the trigram index holds for a customer: normalised name and short name."""
    texts = [normalize(t) for t in (name, short_name) if t]
    kept = [t for i, t in enumerate(texts) if t and not any(t in o for o in texts[:i])]
    return " ".join(kept)


def upper_bound(prefix: str) -> str:
    """The exclusive upper end of the range that holds every key starting with `prefix`."""
    return prefix + "\U0010ffff"
