"""Finding the header row of a user's sheet and mapping its columns to catalogue fields.

Targets are strings: a customer field name (`name`, `phone`…), `person.<field>` for a key
person in the same row, `scheme:<id>` for a classification scheme, `customer_code` /
`customer_name` / `customer_uscc` to link a row to an existing customer (key-person sheets,
sale lines), `sale.<field>` for sale lines, or `""` (ignored). Header names are matched by
Chinese and English labels and the synonyms of the field catalogue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, SALE_FIELDS, FieldDef, customer_field
from kehu.core.i18n import N_, UserError, translate
from kehu.core.schemes import DEFAULT_BY_KEY, shown_name
from kehu.core.validation import clean_text
from kehu.exchange.xlsx_reading import is_blank, text_of

KINDS = ("customers", "persons", "sales")
IGNORE = ""
PERSON_PREFIX = "person."
SCHEME_PREFIX = "scheme:"
# The link and sale targets: labels from the catalogue, header synonyms seen in users' files.
_LINK_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("编号", "客户代码", "客户编码", "code"),
    "name": ("客户", "公司名称", "单位名称", "名称"),
    "uscc": ("信用代码", "税号"),
}
_SALE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sale_date": ("销售日期", "交易日期", "开票日期", "单据日期", "date"),
    "product": ("产品", "商品名称", "产品名称", "品名", "product"),
    "product_code": ("产品编号", "商品编码", "货号", "sku"),
    "category": ("产品类别", "品类", "类别", "商品分类", "category"),
    "quantity": ("销售数量", "qty", "quantity"),
    "amount": ("销售额", "销售金额", "含税金额", "价税合计", "amount"),
}
SALE_PREFIX = "sale."
# target → (catalogue field, synonyms)
LINK_TARGETS: dict[str, tuple[FieldDef, tuple[str, ...]]] = {
    f"customer_{name}": (customer_field(name), synonyms)
    for name, synonyms in _LINK_SYNONYMS.items()
}
SALE_TARGETS: dict[str, tuple[FieldDef, tuple[str, ...]]] = {
    SALE_PREFIX + ("date" if f.name == "sale_date" else f.name): (f, _SALE_SYNONYMS[f.name])
    for f in SALE_FIELDS
}
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "customers": (("name",),),
    "persons": (("customer_code", "customer_name", "customer_uscc"), ("person.name",)),
    "sales": (
        ("sale.date",),
        ("customer_code", "customer_name", "customer_uscc"),
        ("sale.amount",),
    ),
}
_SCAN_ROWS = 30


class MappingFileError(UserError, ValueError):
    """A saved column mapping that cannot be used."""


def column_letter(index: int) -> str:
    """The letters of a 0-based column index (0 → A)."""
    return get_column_letter(index + 1)


def normalise_header(text: Any) -> str:
    """客户名称*, 电话（必填）, ' Phone : ' → comparable keys."""
    key = clean_text(text_of(text)).casefold()
    key = re.sub(r"\s+", "", key)
    key = key.strip("*：:#.")
    stripped = re.sub(r"[(（][^)）]*[)）]$", "", key)
    return stripped or key


@dataclass
class Scheme:
    id: int
    name: str
    key: str | None = None  # a built-in scheme's key (its other names come with it)
    builtin_key: str | None = None  # set while it shows its built-in label (core/schemes.py)

    def shown(self, lang: str) -> str:
        return shown_name(self.name, self.builtin_key, lang)

    def header_names(self) -> list[str]:
        """The scheme's name, and for a built-in scheme its default name in either language and
        the header synonyms declared with it (客户等级 finds 'Grade' in an English database)."""
        default = DEFAULT_BY_KEY.get(self.key or "")
        if default is None:
            return [self.name]
        return [self.name, translate(default.name, "zh_CN"), default.name, *default.synonyms]


def _field_names(field: FieldDef, synonyms: Iterable[str] | None = None) -> list[str]:
    """A field's header names: its Chinese and English labels, then its synonyms."""
    extra = field.synonyms if synonyms is None else synonyms
    return [field.label("zh_CN"), field.text, *extra]


def target_names(kind: str, schemes: Iterable[Scheme] = ()) -> list[tuple[str, list[str]]]:
    """(target, header names) in priority order for a kind of sheet."""
    persons = [(PERSON_PREFIX + f.name, _field_names(f)) for f in PERSON_FIELDS]
    links = [(t, _field_names(*spec)) for t, spec in LINK_TARGETS.items()]
    if kind == "customers":
        customer = [(f.name, _field_names(f)) for f in CUSTOMER_FIELDS]
        scheme_targets = [(f"{SCHEME_PREFIX}{s.id}", s.header_names()) for s in schemes]
        return customer + scheme_targets + persons
    if kind == "persons":
        return links + persons
    if kind == "sales":
        return links + [(t, _field_names(*spec)) for t, spec in SALE_TARGETS.items()]
    raise ValueError(kind)


def target_label(target: str, schemes: Iterable[Scheme] = (), lang: str = "en") -> str:
    if not target:
        return translate(N_("(not imported)"), lang)
    if target.startswith(SCHEME_PREFIX):
        scheme_id = int(target[len(SCHEME_PREFIX) :])
        name = next((s.shown(lang) for s in schemes if s.id == scheme_id), target)
        return translate(N_("Classification: {name}"), lang, name=name)
    if target.startswith(PERSON_PREFIX):
        field = next(f for f in PERSON_FIELDS if f.name == target[len(PERSON_PREFIX) :])
        return translate(N_("Key person: {field}"), lang, field=field.label(lang))
    spec = LINK_TARGETS.get(target) or SALE_TARGETS.get(target)
    if spec:
        return spec[0].label(lang)
    field = next(f for f in CUSTOMER_FIELDS if f.name == target)
    return field.label(lang)


class Matcher:
    def __init__(self, kind: str, schemes: Iterable[Scheme] = ()) -> None:
        self.kind = kind
        self.schemes = list(schemes)
        self.targets = target_names(kind, self.schemes)
        self._by_key: dict[str, str] = {}
        # a header naming a customer field and a key-person field too (备注, Notes): the
        # customer's unless the column sits among the key person's columns
        self._person_too: dict[str, str] = {}
        for target, names in self.targets:
            for name in names:
                key = normalise_header(name)
                first = self._by_key.setdefault(key, target)
                if target.startswith(PERSON_PREFIX) and not first.startswith(PERSON_PREFIX):
                    self._person_too.setdefault(key, target)

    def match(self, header: Any) -> str:
        return self._by_key.get(normalise_header(header), IGNORE) if header is not None else IGNORE

    def person_reading(self, header: Any) -> str | None:
        """The key-person target of a header that names a customer field first, if any."""
        return self._person_too.get(normalise_header(header)) if header is not None else None


@dataclass
class Mapping:
    header_row: int  # 1-based row number of the header in the sheet
    headers: list[str]  # header text per column (index 0 = column A)
    targets: list[str]  # target per column, "" = ignored
    # (column, earlier column) of a header naming a target an earlier column already has
    repeated: list[tuple[int, int]] = field(default_factory=list)

    def column_of(self, target: str) -> int | None:
        try:
            return self.targets.index(target)
        except ValueError:
            return None

    def missing(self, kind: str) -> list[tuple[str, ...]]:
        """Groups of targets of which at least one must be mapped."""
        mapped = set(self.targets)
        return [group for group in REQUIRED[kind] if not mapped.intersection(group)]

    def set(self, column: int, target: str) -> None:
        """Map a column; a target mapped elsewhere is taken away from the other column."""
        if target:
            self.targets = [IGNORE if t == target else t for t in self.targets]
        self.targets[column] = target

    def to_json(self, kind: str) -> str:
        columns = {h: t for h, t in zip(self.headers, self.targets, strict=True) if h}
        return json.dumps(
            {"version": 1, "kind": kind, "header_row": self.header_row, "columns": columns},
            ensure_ascii=False,
            indent=2,
        )


def detect_header(rows: list[tuple[int, tuple[Any, ...]]], matcher: Matcher) -> Mapping | None:
    """The row under any title rows whose cells match the most targets (None: no header)."""
    best: tuple[int, int] | None = None  # (score, index)
    for index, (_number, values) in enumerate(rows[:_SCAN_ROWS]):
        if is_blank(values):
            continue
        distinct = {matcher.match(v) for v in values} - {IGNORE}
        score = len(distinct)
        if score and (best is None or score > best[0]):
            best = (score, index)
    if best is None:
        return None
    number, values = rows[best[1]]
    return build_mapping(number, values, matcher)


def build_mapping(number: int, values: tuple[Any, ...], matcher: Matcher) -> Mapping:
    headers = [clean_text(text_of(v)) for v in values]
    targets: list[str] = []
    repeated: list[tuple[int, int]] = []
    for index, header in enumerate(headers):
        target = matcher.match(header)
        person = matcher.person_reading(header)
        if person and _in_person_block(targets):
            target = person
        if target and target in targets:
            repeated.append((index, targets.index(target)))
            target = IGNORE
        targets.append(target)
    return Mapping(number, headers, targets, repeated)


def _in_person_block(targets: list[str]) -> bool:
    """Whether the next column continues the key person's columns: the nearest mapped column
    before it is a key-person field."""
    mapped = [t for t in targets if t]
    return bool(mapped) and mapped[-1].startswith(PERSON_PREFIX)


def apply_saved(mapping: Mapping, saved: dict[str, Any], matcher: Matcher) -> Mapping:
    """Apply a mapping saved earlier (JSON from `Mapping.to_json`) to a detected header."""
    columns = {normalise_header(h): t for h, t in saved.get("columns", {}).items()}
    valid = {t for t, _names in matcher.targets} | {IGNORE}
    for index, header in enumerate(mapping.headers):
        key = normalise_header(header)
        if key in columns and columns[key] in valid:
            mapping.set(index, columns[key])
    return mapping


def load_saved(path: str | Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise MappingFileError(
            N_("Cannot read the mapping file {path}: {error}"), path=str(path), error=str(exc)
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise MappingFileError(N_("{path} is not a column mapping file"), path=str(path))
    return data
