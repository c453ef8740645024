"""The stored form of a batch of new customers and key persons, built column-wise.

A batch is written with only the columns its rows fill (an imported sheet fills 20 of the
customer's 50 columns; the others stay NULL, as they would if written as NULL), each value
converted by its column's converter chosen once (money → cents, dates → ISO text, 0/1 flags),
not by a per-cell dispatch. The completeness is computed from the same values and written
with the row, instead of being read back and computed after the insert.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from kehu.core.completeness import score
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind
from kehu.core.values import to_db
from kehu.db.completeness import Context

CUSTOMER_ORDER = [f.name for f in CUSTOMER_FIELDS if f.name != "code"]
PERSON_ORDER = [f.name for f in PERSON_FIELDS]
_CUSTOMER = {f.name: f for f in CUSTOMER_FIELDS}
_PERSON = {f.name: f for f in PERSON_FIELDS}
DEFAULTED = ("source", "review_state", "filed_on")  # given a value when the sheet has none
_CUSTOMER_FLAGS = frozenset(f.name for f in CUSTOMER_FIELDS if f.flag_value is not None)
_PERSON_FLAGS = frozenset(f.name for f in PERSON_FIELDS if f.flag_value is not None)


def _converter(field: FieldDef) -> Callable[[Any], Any] | None:
    """How a Python value of this field is stored (None: as it is)."""
    if field.flag_value is not None:
        flag = field.flag_value
        return lambda value: 1 if value == flag else 0
    if field.kind is Kind.MONEY:
        return lambda value: None if value is None else to_db(field, value)
    if field.kind is Kind.DATE:
        return lambda value: value.isoformat() if isinstance(value, dt.date) else value
    return None


def _columns(
    rows: Iterable[Mapping[str, Any]], order: Sequence[str], always: Iterable[str]
) -> list[str]:
    present = set(always)
    for values in rows:
        present.update(values)
    return [name for name in order if name in present]


def customer_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The customer columns (catalogue order, no code) that these rows' values fill."""
    return _columns(rows, CUSTOMER_ORDER, (*DEFAULTED, *_CUSTOMER_FLAGS))


def person_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    return _columns(rows, PERSON_ORDER, _PERSON_FLAGS)


def stored(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], person: bool = False
) -> list[list[Any]]:
    """The rows' values in `columns` order, each converted by its column's converter."""
    catalogue = _PERSON if person else _CUSTOMER
    converters = [
        (i, conv) for i, name in enumerate(columns) if (conv := _converter(catalogue[name]))
    ]
    out = []
    for values in rows:
        row = list(map(values.get, columns))
        for i, conv in converters:
            row[i] = conv(row[i])
        out.append(row)
    return out


def percent(
    ctx: Context,
    values: Mapping[str, Any],
    persons: Sequence[Mapping[str, Any]],
    categories: Mapping[int, int],
) -> int:
    """The completeness of a new customer: its stored values by column name, its key
    persons' values, its categories (scheme id → category id); as `kehu.db.completeness`
    computes it from the database."""
    keys = ctx.scheme_keys
    schemes = {keys[sid] for sid in categories if sid in keys}
    stage = ctx.stages.get(categories[ctx.stage_scheme]) if ctx.stage_scheme in categories else None
    return score(values, persons, schemes, stage).percent
