"""The default classification schemes of a new database (from the seed's 客户分类).

Classification is data: these are only the rows a new database starts with. Names are taken
in the language of the user who creates the database; existing data is never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultScheme:
    key: str
    zh: str
    en: str
    categories: tuple[tuple[str, str], ...]  # (zh, en)


DEFAULT_SCHEMES: tuple[DefaultScheme, ...] = (
    DefaultScheme(
        "nature",
        "客户性质",
        "Nature",
        (
            ("政府机构", "Government body"),
            ("特殊公司", "Special company"),
            ("普通公司", "Ordinary company"),
            ("个人顾客", "Individual customer"),
            ("交易伙伴", "Trading partner"),
        ),
    ),
    DefaultScheme(
        "ownership",
        "所有制",
        "Ownership",
        (
            ("全民所有制", "State-owned"),
            ("集体所有制", "Collectively owned"),
            ("个体所有制", "Individually owned"),
            ("股份制", "Joint-stock"),
            ("合资", "Joint venture"),
        ),
    ),
    DefaultScheme(
        "trade_type",
        "业态",
        "Trade type",
        (
            ("批发店", "Wholesaler"),
            ("零售商", "Retailer"),
            ("代理店", "Agent"),
            ("特约店", "Authorised dealer"),
            ("连锁店", "Chain store"),
            ("专营店", "Specialty store"),
        ),
    ),
    DefaultScheme(
        "location",
        "地段",
        "Location",
        (
            ("商业中心店", "Shopping centre"),
            ("交通枢纽店", "Transport hub"),
            ("居民区店", "Residential area"),
            ("其他店铺", "Other location"),
        ),
    ),
    DefaultScheme(
        "grade",
        "客户等级",
        "Grade",
        (
            ("主力客户 (A)", "Key customer (A)"),
            ("一般客户 (B)", "Regular customer (B)"),
            ("零散客户 (C)", "Occasional customer (C)"),
        ),
    ),
    DefaultScheme(
        "stage",
        "客户阶段",
        "Stage",
        (
            ("老客户", "Established customer"),
            ("新客户", "New customer"),
            ("未来客户", "Prospective customer"),
        ),
    ),
    DefaultScheme(
        "trade_state",
        "交易状态",
        "Trade state",
        (
            ("曾有交易", "Traded before"),
            ("正在交易", "Trading now"),
            ("即将交易", "About to trade"),
        ),
    ),
    DefaultScheme("region", "区域", "Region", ()),
)

# The grade scheme's categories in order A, B, C: ABC grading proposes into these.
GRADE_SCHEME = "grade"
REGION_SCHEME = "region"
