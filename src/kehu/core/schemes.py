"""The default classification schemes of a new database (from the seed's 客户分类).

Classification is data: these are only the rows a new database starts with. Each built-in
scheme and category carries a built-in key in the database (`builtin_key`: "grade",
"grade.A", "nature.government"); while it has one, it is shown with its label in the language
of whoever looks (the window's, an export's, the command line's), whatever language created
the database. A user who renames it takes the key away: from then on their text is shown as
typed. The stored `name` is the label in the creator's language (for old readers and the
unique index); `shown_name` is what every reader shows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kehu.core.fields import Need
from kehu.core.i18n import LANGUAGES, N_, translate


@dataclass(frozen=True)
class DefaultScheme:
    key: str
    name: str  # English source (N_), stored translated into the creator's language
    categories: tuple[str, ...]  # English sources (N_)
    # Other header names of the scheme's column in users' sheets (besides its name in
    # either language), and other names of its categories (besides theirs), in category order.
    synonyms: tuple[str, ...] = ()
    category_synonyms: tuple[tuple[str, ...], ...] = ()
    category_keys: tuple[str, ...] = ()  # built-in keys of the categories, in category order
    # Completeness (档案健全度): what a category in this scheme weighs, from which stage on
    # (as the catalogue's fields: `FieldDef.weight` / `need`).
    weight: int = 0
    need: Need = Need.BASIC


DEFAULT_SCHEMES: tuple[DefaultScheme, ...] = (
    DefaultScheme(
        "nature",
        N_("Nature"),
        (
            N_("Government body"),
            N_("Special company"),
            N_("Ordinary company"),
            N_("Individual customer"),
            N_("Trading partner"),
        ),
        ("性质", "客户类型", "客户类别", "nature"),
        (("政府", "机关"), ("特殊",), ("普通", "公司", "企业"), ("个人", "个人客户"), ("伙伴",)),
        category_keys=(
            "nature.government",
            "nature.special",
            "nature.ordinary",
            "nature.individual",
            "nature.partner",
        ),
        weight=1,
    ),
    DefaultScheme(
        "ownership",
        N_("Ownership"),
        (
            N_("State-owned"),
            N_("Collectively owned"),
            N_("Individually owned"),
            N_("Joint-stock"),
            N_("Jointly owned"),
        ),
        ("所有制形式", "所有制性质", "ownership"),
        (
            ("国有", "国营", "全民"),
            ("集体",),
            ("个体", "私营"),
            ("股份", "股份公司"),
            ("合资企业",),
        ),
        category_keys=(
            "ownership.state",
            "ownership.collective",
            "ownership.individual",
            "ownership.joint_stock",
            "ownership.joint_venture",
        ),
    ),
    DefaultScheme(
        "trade_type",
        N_("Trade type"),
        (
            N_("Wholesaler"),
            N_("Retailer"),
            N_("Agent"),
            N_("Authorised dealer"),
            N_("Chain store"),
            N_("Specialty store"),
        ),
        ("业态类型", "渠道", "渠道类型", "trade type"),
        (
            ("批发", "批发商"),
            ("零售", "零售店"),
            ("代理", "代理商"),
            ("特约", "特约经销商"),
            ("连锁", "连锁店铺"),
            ("专营", "专卖店"),
        ),
        category_keys=(
            "trade_type.wholesaler",
            "trade_type.retailer",
            "trade_type.agent",
            "trade_type.dealer",
            "trade_type.chain",
            "trade_type.specialty",
        ),
        weight=3,
    ),
    DefaultScheme(
        "location",
        N_("Location"),
        (
            N_("Shopping centre"),
            N_("Transport hub"),
            N_("Residential area"),
            N_("Other location"),
        ),
        ("地段类型", "位置", "商圈", "location"),
        (("商业中心", "商圈店"), ("交通枢纽",), ("居民区", "社区店"), ("其他", "其它")),
        category_keys=("location.centre", "location.hub", "location.residential", "location.other"),
    ),
    DefaultScheme(
        "grade",
        N_("Grade"),
        (
            N_("Key customer (A)"),
            N_("Regular customer (B)"),
            N_("Occasional customer (C)"),
        ),
        ("等级", "客户级别", "级别", "客户分级", "customer grade", "grade", "class"),
        (
            ("主力", "重点客户", "重要客户", "大客户", "key", "key customer", "main customer"),
            ("一般", "普通客户", "regular"),
            ("零散", "零星客户", "小客户", "occasional", "minor"),
        ),
        category_keys=("grade.A", "grade.B", "grade.C"),
        weight=3,
        need=Need.CURRENT,
    ),
    DefaultScheme(
        "stage",
        N_("Stage"),
        (
            N_("Established customer"),
            N_("New customer"),
            N_("Prospective customer"),
        ),
        ("阶段", "客户状态", "stage", "customer stage"),
        (("老客户", "老", "existing"), ("新", "new"), ("潜在客户", "未来", "潜在", "prospect")),
        category_keys=("stage.established", "stage.new", "stage.prospective"),
        weight=2,
    ),
    DefaultScheme(
        "trade_state",
        N_("Trade state"),
        (
            N_("Traded before"),
            N_("Trading now"),
            N_("About to trade"),
        ),
        ("交易情况", "合作状态", "trade state", "trading state"),
        (("曾经交易", "曾交易", "过去"), ("交易中", "正在合作", "合作中"), ("即将", "待交易")),
        category_keys=("trade_state.before", "trade_state.now", "trade_state.soon"),
    ),
    DefaultScheme(
        "region",
        N_("Region"),
        (),
        ("地区", "所属区域", "片区", "区域名称", "region", "area"),
        weight=3,
    ),
)

DEFAULT_BY_KEY = {scheme.key: scheme for scheme in DEFAULT_SCHEMES}

# The grade scheme's categories in order A, B, C: ABC grading proposes into these.
GRADE_SCHEME = "grade"
# Visit cadence in days of the grade categories by position (A 主力, B 一般, C 零散): care by
# grade (issue 15); editable per category, None for none.
GRADE_VISIT_DAYS = (7, 14, 30)
REGION_SCHEME = "region"


# Built-in key → English source of its label: "grade" → "Grade", "grade.A" → "Key customer (A)".
BUILTIN_LABELS: dict[str, str] = {
    **{scheme.key: scheme.name for scheme in DEFAULT_SCHEMES},
    **{
        key: label
        for scheme in DEFAULT_SCHEMES
        for key, label in zip(scheme.category_keys, scheme.categories, strict=True)
    },
}


def shown_name(name: str, builtin_key: str | None, lang: str) -> str:
    """What a scheme or category is called for a reader in `lang`: its built-in label while it
    has a built-in key, else the name as the user typed it."""
    source = BUILTIN_LABELS.get(builtin_key or "")
    return translate(source, lang) if source else name


def builtin_labels(builtin_key: str | None) -> tuple[str, ...]:
    """The label of a built-in key in every language (English first); () for none."""
    source = BUILTIN_LABELS.get(builtin_key or "")
    if not source:
        return ()
    return tuple(dict.fromkeys(translate(source, lang) for lang in LANGUAGES))


def recognise_category(scheme_key: str | None, name: str) -> str | None:
    """The built-in key of a top-level category of the built-in scheme `scheme_key` named
    with its label in either language (an old database's categories), else None."""
    default = DEFAULT_BY_KEY.get(scheme_key or "")
    if default is None:
        return None
    wanted = name.strip().casefold()
    for key in default.category_keys:
        if wanted in (label.casefold() for label in builtin_labels(key)):
            return key
    return None


def recognise_scheme(scheme_key: str | None, name: str) -> str | None:
    """`scheme_key` when the scheme still carries its label in either language, else None."""
    if scheme_key not in DEFAULT_BY_KEY:
        return None
    labels = (label.casefold() for label in builtin_labels(scheme_key))
    return scheme_key if name.strip().casefold() in labels else None


@functools.cache
def _key_of_label() -> dict[str, str]:
    return {label: key for key in BUILTIN_LABELS for label in builtin_labels(key)}


def shown_label(text: str, lang: str) -> str:
    """`text` in `lang` if it is a built-in label in any language (names recorded as text,
    such as a customer's category history), else `text` unchanged."""
    key = _key_of_label().get(text)
    return shown_name(text, key, lang) if key else text


def category_synonyms(builtin_key: str | None) -> tuple[str, ...]:
    """The other names a built-in category answers to in imports (主力, key customer…)."""
    scheme_key, _dot, _rest = (builtin_key or "").partition(".")
    default = DEFAULT_BY_KEY.get(scheme_key)
    if default is None or builtin_key not in default.category_keys or not default.category_synonyms:
        return ()
    return default.category_synonyms[default.category_keys.index(builtin_key)]
