"""What two customer records are compared by when looking for duplicates (pure functions).

Chinese company names defeat exact matching: 阿里巴巴集团控股有限公司 and 阿里巴巴集团控股,
北京海淀科技发展有限公司 and 海淀科技发展（北京）有限公司, full- and half-width brackets. The
*core* of a name is what is left after NFKC (width), case folding, unified brackets, a region
in brackets or in front, legal-form suffixes (有限公司, 股份有限公司, 集团…), spaces and
punctuation. Phones become digits with the trunk zero of a landline kept (010-8888 8888,
(010)88888888 and +86 10 8888 8888 are all 01088888888); addresses lose spaces, punctuation
and a leading province/city.

`blocking_keys` are the keys under which two names that differ by at most one character
(typed wrong, left out, added) meet: the core itself and the core with each character deleted.

`stored_keys` is what the database keeps per customer (table `duplicate_key`), so that a scan
of a million customers and the check while a name is typed read keys instead of computing
them: the cores as text, the identifiers as stable 64-bit hashes (`stable_hash`; 0 = none).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from hashlib import blake2b
from typing import NamedTuple

# Province-level divisions and the larger cities; a name starting with one (optionally
# followed by 省/市/自治区) or carrying one in brackets has it removed from its core.
_PROVINCE_TEXT = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
)
_CITY_TEXT = (
    "石家庄 唐山 保定 邯郸 廊坊 沧州 太原 大同 呼和浩特 包头 沈阳 大连 鞍山 长春 吉林 哈尔滨 "
    "大庆 南京 苏州 无锡 常州 南通 徐州 扬州 镇江 盐城 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 "
    "台州 合肥 芜湖 福州 厦门 泉州 漳州 南昌 赣州 济南 青岛 烟台 潍坊 淄博 临沂 济宁 菏泽 "
    "威海 郑州 洛阳 开封 南阳 武汉 宜昌 襄阳 长沙 株洲 湘潭 衡阳 广州 深圳 东莞 佛山 珠海 "
    "中山 惠州 汕头 江门 湛江 南宁 桂林 柳州 海口 三亚 成都 绵阳 宜宾 贵阳 遵义 昆明 大理 "
    "拉萨 西安 宝鸡 咸阳 兰州 西宁 银川 乌鲁木齐"
)
PROVINCES = tuple(_PROVINCE_TEXT.split())
CITIES = tuple(_CITY_TEXT.split())
_REGION_ENDINGS = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
_REGION_SET = frozenset(PROVINCES) | frozenset(CITIES)

# Legal-form and organisation suffixes, longest first; removed repeatedly from the end.
LEGAL_SUFFIXES = tuple(
    sorted(
        (
            "股份有限公司",
            "有限责任公司",
            "集团有限公司",
            "集团股份有限公司",
            "控股有限公司",
            "有限公司",
            "总公司",
            "公司",
            "集团",
            "控股",
            "colimited",
            "coltd",
            "limited",
            "ltd",
            "inc",
            "corp",
            "gmbh",
        ),
        key=len,
        reverse=True,
    )
)

_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})
_IN_BRACKETS = re.compile(r"\(([^()]*)\)")
_NOISE = re.compile(r"[^\w]|_", re.UNICODE)
_KEEP_BRACKETS = re.compile(r"[^\w()]|_", re.UNICODE)
_DIGITS = re.compile(r"\D")
_PHONE_SEPARATORS = str.maketrans("", "", " -()./")
_EXTENSION = re.compile(r"(转|分机|ext\.?|x)\s*\d+\s*$", re.IGNORECASE)
MIN_CORE = 2  # a region or suffix is not removed if less than this would remain


def _clean(text: str) -> str:
    """NFKC (full-width brackets and letters → half), case-folded, brackets unified, spaces
    and punctuation removed except the round brackets."""
    if not (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    if text.isalnum():  # the usual case: nothing to remove
        return text
    return _KEEP_BRACKETS.sub("", text.translate(_BRACKETS))


_REGION_SIZES = tuple(sorted({len(r) for r in _REGION_SET}, reverse=True))
_REGION_STARTS = frozenset(region[:2] for region in _REGION_SET)
_ENDING_STARTS = frozenset(ending[0] for ending in _REGION_ENDINGS)


def _region_word(text: str) -> str | None:
    """The region (with its 省/市 ending) that `text` starts with, if any."""
    if text[:2] not in _REGION_STARTS:
        return None
    for size in _REGION_SIZES:
        region = text[:size]
        if region in _REGION_SET:
            if text[size : size + 1] in _ENDING_STARTS:
                for ending in _REGION_ENDINGS:
                    if text.startswith(ending, size):
                        return region + ending
            return region
    return None


def _strip_region_brackets(text: str) -> str:
    def drop(match: re.Match) -> str:
        inner = _NOISE.sub("", match.group(1))
        for ending in _REGION_ENDINGS:
            if inner.endswith(ending) and inner[: -len(ending)] in _REGION_SET:
                return ""
        return "" if inner in _REGION_SET else match.group(1)

    return _IN_BRACKETS.sub(drop, text)


_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {}
for _suffix in LEGAL_SUFFIXES:
    _SUFFIXES_BY_LAST[_suffix[-1]] = (*_SUFFIXES_BY_LAST.get(_suffix[-1], ()), _suffix)


def _strip_suffixes(text: str) -> str:
    while True:
        for suffix in _SUFFIXES_BY_LAST.get(text[-1:], ()):  # longest first
            if text.endswith(suffix):
                if len(text) - len(suffix) < MIN_CORE:
                    return text
                text = text[: -len(suffix)]
                break
        else:
            return text


def _strip_leading_regions(text: str) -> str:
    for _ in range(2):  # 浙江杭州…, 浙江省杭州市…
        word = _region_word(text)
        if word is None or len(text) - len(word) < MIN_CORE:
            break
        text = text[len(word) :]
    return text


@lru_cache(maxsize=1 << 16)
def core_name(name: str | None) -> str:
    """The part of a company name that says which company it is (see the module doc). Cached:
    short names and names typed letter by letter recur."""
    if not name:
        return ""
    text = _clean(name)
    if "(" in text or ")" in text:
        text = _NOISE.sub("", _strip_region_brackets(text))
    text = _strip_suffixes(text)
    text = _strip_leading_regions(text)
    return _strip_suffixes(text)


def phone_key(phone: str | None) -> str:
    """Digits of a phone number as dialled inside China: +86/0086 removed, the trunk zero of a
    landline put back, an extension dropped. Empty when fewer than 7 digits remain."""
    if not phone:
        return ""
    digits = phone.translate(_PHONE_SEPARATORS)
    if digits.isascii() and digits.isdigit():  # the usual plain number skips the regexes
        text = phone.lstrip()
    else:
        text = _EXTENSION.sub("", unicodedata.normalize("NFKC", phone).strip())
        digits = _DIGITS.sub("", text)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) >= 11 and text.lstrip().startswith(("+", "86")):
        digits = digits[2:]
    mobile = len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"
    if len(digits) >= 9 and digits[0] != "0" and not mobile:  # a landline without its 0
        digits = "0" + digits
    return digits if len(digits) >= 7 else ""


def phone_local(digits: str) -> str:
    """The last seven digits: a number written without its area code still meets itself."""
    return digits[-7:]


def address_key(address: str | None) -> str:
    """An address without spaces, punctuation and the province/city in front."""
    if not address:
        return ""
    text = _clean(address)
    if "(" in text or ")" in text:
        text = _NOISE.sub("", text)
    return _strip_leading_regions(text)


def uscc_key(uscc: str | None) -> str:
    if not uscc:
        return ""
    if len(uscc) == 18 and uscc.isascii() and uscc.isalnum():
        return uscc.upper()
    code = _NOISE.sub("", _clean(uscc)).upper()
    return code if len(code) == 18 else ""


def blocking_keys(core: str) -> list[str]:
    """The core and the core with each character deleted (for cores of 3+ characters): two
    cores one edit apart share at least one of these keys."""
    if len(core) < 3:
        return [core] if core else []
    keys = [core]
    keys.extend(core[:i] + core[i + 1 :] for i in range(len(core)))
    return keys


def stable_hash(text: str) -> int:
    """A signed 64-bit hash of `text` that is the same in every process and every version (it
    is stored); never 0, which stands for "none"."""
    value = int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "little", signed=True)
    return value or 1


class StoredKeys(NamedTuple):
    """The comparison keys of one customer as the table `duplicate_key` keeps them."""

    core: str  # core_name of the name ("" when it has none)
    short: str | None  # core_name of the short name
    core_hash: int  # stable_hash of the core (0: no core)
    uscc: int  # stable hashes of uscc_key, phone_key, phone_local and address_key (0: none)
    phone: int
    local: int
    short_phone: int  # 1 when the phone has 8 digits or fewer (written without area code)
    address: int


def stored_keys(
    name: str | None,
    short_name: str | None,
    uscc: str | None,
    phone: str | None,
    address: str | None,
) -> StoredKeys:
    core = core_name(name)
    short = core_name(short_name) or None
    code = uscc_key(uscc)
    digits = phone_key(phone)
    place = address_key(address)
    return StoredKeys(
        core,
        short,
        stable_hash(core) if core else 0,
        stable_hash(code) if code else 0,
        stable_hash(digits) if digits else 0,
        stable_hash(phone_local(digits)) if digits else 0,
        int(bool(digits) and len(digits) <= 8),
        stable_hash(place) if place else 0,
    )
