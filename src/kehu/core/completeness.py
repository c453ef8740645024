"""Dossier completeness (档案健全度): a score in % and what is missing, from plain values.

What counts and how much is declared once, in the catalogues: a field's `weight` and `need`
(`kehu.core.fields`), a default scheme's `weight` and `need` (`kehu.core.schemes`: a category
in that scheme). Key items weigh 3 (name, address, phone, a key person with a mobile, region,
业态, grade), others 1 or 2. Which items count depends on the customer's 客户阶段 (the seed:
for a 未来客户 "档案管理的重点是全面搜集和整理客户资料" — the basic data; a current customer's
dossier "需逐步充实和完善" — the business parts too): a prospect, or a customer without a
stage, is measured on the `Need.BASIC` items; an established or new customer on all of them.

Item keys: a customer field's name (`address`), `person.<field>` (some key person has it),
`scheme.<key>` (a category in that scheme). The score is rounded down: 100 only when nothing
is missing. `score` is a pure function; the database stores its percent in
`customer.completeness` (`kehu.db.completeness`), the card shows it with the missing items.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, Need, Section, section_label
from kehu.core.i18n import N_, translate
from kehu.core.schemes import DEFAULT_BY_KEY, DEFAULT_SCHEMES

LOW = 60  # "below 60 %": the list filter's default and the analysis' count
PERSON = "person."
SCHEME = "scheme."
STAGE_SCHEME = "stage"


class Stage(StrEnum):
    """The 客户阶段 (the default stage scheme's categories, in their order)."""

    ESTABLISHED = "established"  # 老客户
    NEW = "new"  # 新客户
    PROSPECTIVE = "prospective"  # 未来客户


STAGES: tuple[Stage, ...] = (Stage.ESTABLISHED, Stage.NEW, Stage.PROSPECTIVE)
CURRENT_STAGES = frozenset({Stage.ESTABLISHED, Stage.NEW})


@dataclass(frozen=True)
class Item:
    key: str
    weight: int
    need: Need
    text: str  # English source (N_)
    section: Section  # where the card shows it (PERSON: the key persons; MANAGEMENT: schemes)

    @property
    def field_name(self) -> str:
        return self.key.split(".", 1)[1] if "." in self.key else self.key

    def label(self, lang: str) -> str:
        if self.key.startswith(PERSON):
            return f"{section_label(Section.PERSON, lang)}: {translate(self.text, lang)}"
        return translate(self.text, lang)


ITEMS: tuple[Item, ...] = (
    *(Item(f.name, f.weight, f.need, f.text, f.section) for f in CUSTOMER_FIELDS if f.weight),
    *(Item(PERSON + f.name, f.weight, f.need, f.text, Section.PERSON) for f in PERSON_FIELDS if f.weight),
    *(
        Item(SCHEME + s.key, s.weight, s.need, s.name, Section.MANAGEMENT)
        for s in DEFAULT_SCHEMES
        if s.weight
    ),
)  # fmt: skip
ITEM_BY_KEY = {item.key: item for item in ITEMS}
CUSTOMER_ITEMS = tuple(i for i in ITEMS if "." not in i.key)
PERSON_ITEMS = tuple(i for i in ITEMS if i.key.startswith(PERSON))
SCHEME_KEYS = frozenset(i.field_name for i in ITEMS if i.key.startswith(SCHEME))


def items_for(stage: Stage | None) -> tuple[Item, ...]:
    """The items that count for a customer in this stage (None: no stage set)."""
    if stage in CURRENT_STAGES:
        return ITEMS
    return tuple(i for i in ITEMS if i.need is Need.BASIC)


_FIELD, _PERSON, _SCHEME = 0, 1, 2


def _plan(stage: Stage | None) -> tuple[int, tuple[tuple[int, str, int, str], ...]]:
    """(total weight, (kind, name, weight, key) heaviest first): what `score` walks, made once
    per stage (the score runs a million times in a repair)."""
    items = sorted(items_for(stage), key=lambda i: -i.weight)  # stable: catalogue order
    kinds = [
        _PERSON if i.key.startswith(PERSON) else _SCHEME if i.key.startswith(SCHEME) else _FIELD
        for i in items
    ]
    return sum(i.weight for i in items), tuple(
        (kind, i.field_name, i.weight, i.key) for kind, i in zip(kinds, items, strict=True)
    )


_PLANS = {stage: _plan(stage) for stage in (None, *STAGES)}


@dataclass(frozen=True)
class Score:
    percent: int
    missing: tuple[str, ...]  # item keys, heaviest first, then in catalogue order


def filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def score(
    values: Mapping[str, Any],
    persons: Sequence[Mapping[str, Any]] = (),
    schemes: Collection[str] = (),
    stage: Stage | None = None,
) -> Score:
    """The completeness of a dossier: its customer field values (catalogue names), its key
    persons' values, the keys of the schemes it has a category in, and its stage."""
    total, plan = _PLANS[stage]
    got = 0
    missing: list[str] = []
    for kind, name, weight, key in plan:
        if kind == _FIELD:
            value = values.get(name)
            present = value is not None and (not isinstance(value, str) or bool(value.strip()))
        elif kind == _SCHEME:
            present = name in schemes
        else:
            present = any(filled(p.get(name)) for p in persons)
        if present:
            got += weight
        else:
            missing.append(key)
    percent = 100 * got // total if total else 100
    return Score(percent, tuple(missing))


@lru_cache(maxsize=1)
def _stage_names() -> dict[str, Stage]:
    scheme = DEFAULT_BY_KEY[STAGE_SCHEME]
    names: dict[str, Stage] = {}
    for position, stage in enumerate(STAGES):
        texts = [scheme.categories[position]]
        if position < len(scheme.category_synonyms):
            texts += list(scheme.category_synonyms[position])
        for text in texts:
            for lang in ("en", "zh_CN"):
                names[translate(text, lang).strip().casefold()] = stage
    return names


def stage_of(
    name: str | None, position: int | None = None, builtin_key: str | None = None
) -> Stage | None:
    """The stage a category of the stage scheme stands for: by its built-in key (kept until
    the category is renamed), by its name (either language, or a known synonym), else by its
    place among the top-level categories (老, 新, 未来)."""
    keys = DEFAULT_BY_KEY[STAGE_SCHEME].category_keys
    if builtin_key in keys:
        return STAGES[keys.index(builtin_key)]
    if name:
        found = _stage_names().get(name.strip().casefold())
        if found is not None:
            return found
    if position is not None and 0 <= position < len(STAGES):
        return STAGES[position]
    return None


def describe(percent: int | None, lang: str) -> str:
    """'72 %', or 'not computed yet' for a stored NULL."""
    if percent is None:
        return translate(N_("not computed yet"), lang)
    return f"{percent} %"


__all__ = [
    "ITEMS",
    "ITEM_BY_KEY",
    "LOW",
    "Item",
    "Score",
    "Stage",
    "describe",
    "items_for",
    "score",
    "stage_of",
]
