"""The default classification schemes of a new database (from the seed's 客户分类).

Classification is data: these are only the rows a new database starts with. Names are taken
in the language of the user who creates the database; existing data is never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehu.core.fields import Need
from kehu.core.i18n import N_


@dataclass(frozen=True)
class DefaultScheme:
    key: str
    name: str  # English source (N_), stored translated into the creator's language
    categories: tuple[str, ...]  # English sources (N_)
    # Other header names of the scheme's column in users' sheets (besides its name in
    # either language), and other names of its categories (besides theirs), in category order.
    synonyms: tuple[str, ...] = ()
    category_synonyms: tuple[tuple[str, ...], ...] = ()
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
        ),  # fmt: skip
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
