"""Planted duplicates with known truth, so that the duplicate scan can be measured.

`plant_duplicates(count)` copies `count` existing customers as second records written the way
people write them a second time: the legal-form suffix dropped, the region moved into
brackets, full-width characters and spaces, the phone written differently, one character
mistyped, the short name used. Each copy keeps at least one of the original's USCC, phone
or address (a copy keeping none could not be told from a namesake), and its categories.
The truth — (original id, copy id, variant) — is returned and stored in the `setting` table
under `TRUTH_KEY`.
"""

from __future__ import annotations

import json
import random

from kehu.core.codes import customer_code
from kehu.core.demo_vocabulary import BRANDS, SUFFIXES
from kehu.db import bulk_load, completeness, search_index
from kehu.db import duplicates as rows
from kehu.db.connection import write
from kehu.db.models import Setting, database_proxy

from .load import COLUMNS

TRUTH_KEY = "demo.duplicates"
VARIANTS = ("suffix", "region", "width", "phone", "typo", "short")
_TYPO_CHARACTERS = "".join(sorted(set("".join(BRANDS)) | set("金银鑫源达通利丰华")))
_SUFFIXES = tuple(sorted(set(SUFFIXES), key=len, reverse=True))
_FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def _without_suffix(name: str) -> tuple[str, str]:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)], suffix
    return name, ""


def _phone_variant(phone: str, rng: random.Random) -> str:
    if "-" not in phone:
        return phone
    area, local = phone.split("-", 1)
    half = len(local) // 2
    return rng.choice(
        (
            f"({area}){local}",
            f"+86 {area[1:]} {local[:half]} {local[half:]}",
            f"{area}{local}",
            f"{area} {local[:half]}-{local[half:]}",
        )
    )


def variant_name(name: str, short_name: str | None, kind: str, rng: random.Random) -> str:
    """The name as written a second time, by `kind` of variant."""
    body, suffix = _without_suffix(name)
    if kind == "suffix":
        return body
    if kind == "region":
        region = body[:2]
        return f"{body[2:]}（{region}）{suffix}"
    if kind == "width":
        wide = "".join(_FULL_WIDTH.get(ch, ch) for ch in name)
        return f"{wide[:2]} {wide[2:]}" if rng.random() < 0.5 else f"{body} {suffix}"
    if kind == "typo":
        at = rng.randrange(2, len(body)) if len(body) > 3 else len(body) - 1
        new = rng.choice([ch for ch in _TYPO_CHARACTERS if ch != body[at]])
        return body[:at] + new + body[at + 1 :] + suffix
    if kind == "short" and short_name:
        return short_name
    return name


def plant_duplicates(count: int, seed: int = 15) -> list[tuple[int, int, str]]:
    """Copy `count` random customers as planted duplicates; returns the truth."""
    db = database_proxy.obj
    rng = random.Random(seed)
    columns = COLUMNS["customer"]
    at = {name: i for i, name in enumerate(columns)}
    ids = rows.active_ids()
    originals = sorted(rng.sample(ids, min(count, len(ids))))
    first = bulk_load.first_customer_number()
    copies, plan = [], []
    for n, (cid, row) in enumerate(rows.raw_rows(originals, columns)):
        kind = VARIANTS[n % len(VARIANTS)]
        row = list(row)
        row[at["code"]] = customer_code(first + n)
        row[at["name"]] = variant_name(row[at["name"]], row[at["short_name"]], kind, rng)
        keep = _kept_evidence(kind, rng)
        if "uscc" not in keep:
            row[at["uscc"]] = None
        if "address" not in keep:
            row[at["address"]] = None
        if "phone" not in keep:
            row[at["phone"]] = None
        elif kind == "phone" or rng.random() < 0.3:
            row[at["phone"]] = _phone_variant(row[at["phone"]] or "", rng)
        copies.append(tuple(row))
        plan.append((cid, kind))

    def run() -> list[tuple[int, int, str]]:
        new_ids = bulk_load.insert_customers(db, columns, copies)
        truth = [(cid, new, kind) for (cid, kind), new in zip(plan, new_ids, strict=True)]
        rows.copy_categories([(cid, new) for cid, new, _kind in truth])
        search_index.refresh(new_ids)
        completeness.refresh(new_ids)  # the copies lost evidence and have no key persons
        stored = stored_truth() + truth
        Setting.replace(key=TRUTH_KEY, value=json.dumps(stored)).execute()
        return truth

    return write(db, run)


def _kept_evidence(kind: str, rng: random.Random) -> set[str]:
    if kind == "phone":
        return {"phone"} | ({"address"} if rng.random() < 0.5 else set())
    if kind == "short":  # a short name is shared by many: keep an identifier
        return {rng.choice(("uscc", "phone"))} | ({"address"} if rng.random() < 0.5 else set())
    kept = {e for e in ("uscc", "phone", "address") if rng.random() < 0.5}
    return kept or {rng.choice(("uscc", "phone", "address"))}


def stored_truth() -> list[tuple[int, int, str]]:
    row = Setting.get_or_none(Setting.key == TRUTH_KEY)
    return [tuple(item) for item in json.loads(row.value)] if row else []
