"""Export → import is the identity: the full list of a demo database (every catalogue field,
key persons, categories) written to xlsx (and to CSV) and imported into a new database gives
back every field of every customer: Chinese text, leading zeros, 18-digit IDs as text, dates,
money to the cent, empty stays empty."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest

from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, Kind
from kehu.core.validation import uscc_check_character
from kehu.db.models import Category, Customer, Scheme
from kehu.services import classification, demo, dossiers, exports, imports
from kehu.services.workspace import open_workspace

SKIPPED = {"code", "source", "review_state"}  # given by the importing database, not the file


def _snapshot(with_persons: bool = True) -> dict[str, dict]:
    out = {}
    for customer in Customer.select().order_by(Customer.code):
        card = dossiers.load(customer.id)
        values = {k: v for k, v in card.values.items() if k not in SKIPPED and v not in (None, "")}
        cats = {}
        for scheme_id, category_id in classification.categories_of(customer.id).items():
            cats[Scheme.get_by_id(scheme_id).name] = _path(category_id)
        entry = {"values": values, "categories": cats}
        if with_persons:
            entry["persons"] = [
                {k: v for k, v in p.items() if k != "id" and v not in (None, "")}
                for p in card.persons
            ]
        out[card.values["name"] + "|" + card.code] = entry
    return out


def _path(category_id: int) -> str:
    parts = []
    category = Category.get_by_id(category_id)
    while category is not None:
        parts.append(category.name)
        category = category.parent
    return "/".join(reversed(parts))


def _keyed(snapshot: dict[str, dict]) -> list[dict]:
    return sorted(snapshot.values(), key=lambda e: (e["values"]["name"], str(e["values"])))


def _every_field(number: int) -> tuple[dict, dict]:
    """A customer and a key person with every catalogue field filled, awkwardly."""
    typed = {
        Kind.TEXT: "文本、括号(半角)。No.{n}",  # as the card stores it (NFKC)
        Kind.LONGTEXT: "第一行\n=第二行 {n}",
        Kind.MONEY: Decimal("1234567.89"),
        Kind.INTEGER: 7,
        Kind.DATE: dt.date(2001, 2, 3),
        Kind.EMAIL: "a{n}@example.cn",
        Kind.URL: "https://example.cn/{n}",
        Kind.PHONE: "010-6234567{n}",
        Kind.MOBILE: "1381234567{n}",
        Kind.POSTAL_CODE: "01001{n}",
        Kind.COORD: 31.5,
    }

    def fill(fields, skip) -> dict:
        values = {}
        for f in fields:
            if f.name in skip:
                continue
            if f.kind is Kind.CHOICE:
                values[f.name] = f.choices[-1].value
            elif f.kind in typed:
                value = typed[f.kind]
                values[f.name] = value.format(n=number) if isinstance(value, str) else value
        return values

    body = f"9111010{number}MA01ABCDE"[:17]
    customer = fill(CUSTOMER_FIELDS, SKIPPED | {"uscc", "name"})
    customer.update(name=f"全字段公司{number}", uscc=body + uscc_check_character(body))
    customer["credit_status"] = customer.get("credit_status") or "AA"
    if number == 1:  # text that reads as an Excel error value, and a formula
        customer.update(notes="#N/A", problems="=SUM(A1:A2)", strengths="#ref!")
    person = fill(PERSON_FIELDS, {"id_number"})
    person.update(name=f"全字段{number}", id_number="11010519491231002X", age=40 + number)
    return customer, person


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_full_list_export_then_import_is_the_identity(workspace, user, tmp_path, fmt):
    demo.generate(120, seed=5, user=user)
    for number in range(3):
        values, person = _every_field(number)
        dossiers.create(values, user, persons=[person])
    before = _keyed(_snapshot(with_persons=fmt == "xlsx"))
    ids = [c.id for c in Customer.select(Customer.id).order_by(Customer.code)]
    options = {"columns": "all", "sensitive": "1"}
    if fmt == "xlsx":
        options["sheets"] = "persons"
    out = exports.export(fmt, "list", ids, tmp_path / f"list.{fmt}", user, options)
    regions = [(_path(c.id), c.parent_id) for c in Category.select().join(Scheme).where(
        Scheme.key == "region")]  # fmt: skip
    workspace.database.close()

    other = open_workspace(tmp_path / "other.db", lang="zh_CN")
    try:
        region = classification.scheme_by_key("region")
        made: dict[str, int] = {}
        for path, _parent in sorted(regions, key=lambda r: r[0].count("/")):
            parent = made.get(path.rsplit("/", 1)[0]) if "/" in path else None
            made[path] = classification.add_category(
                region.id, path.rsplit("/", 1)[-1], other.user, parent_id=parent
            )
        options = imports.ImportOptions(
            persons_sheet="关键人物" if fmt == "xlsx" else None, on_duplicate="import_anyway"
        )
        report = imports.run_import(out, other.user, options)
        assert report.rejected == 0, [p.message("zh_CN") for p in report.errors[:5]]
        assert report.created == len(ids)
        after = _keyed(_snapshot(with_persons=fmt == "xlsx"))
        assert len(after) == len(before)
        for old, new in zip(before, after, strict=True):
            assert new == old
    finally:
        other.database.close()


def test_csv_export_encodings(workspace, user, tmp_path):
    cid = dossiers.create({"name": "北京海淀科技", "postal_code": "010010"}, user)
    utf8 = exports.export("csv", "list", [cid], tmp_path / "u.csv", user)
    assert utf8.read_bytes().startswith(b"\xef\xbb\xbf")
    gb = exports.export("csv", "list", [cid], tmp_path / "g.csv", user, {"encoding": "gb18030"})
    with open(gb, encoding="gb18030", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == "北京海淀科技" and "010010" in rows[1]
    assert len(CUSTOMER_FIELDS) > 10


def test_vcards_of_key_persons(workspace, user, tmp_path):
    cid = dossiers.create(
        {"name": "上海浦东贸易", "address": "上海市浦东新区; 世纪大道1号"},
        user,
        persons=[{"name": "王芳", "mobile": "13812345678", "title": "经理"}],
    )
    out = exports.export("vcf", "contacts", [cid], tmp_path / "day.vcf", user)
    text = out.read_text("utf-8")
    assert text.count("BEGIN:VCARD") == 1
    assert "FN:王芳" in text and "TEL;TYPE=CELL:13812345678" in text
    assert "ORG:上海浦东贸易" in text and "浦东新区\\; 世纪大道" in text
