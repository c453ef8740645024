"""Build `tests/data/schema_v{N}.db`: one small database of each released schema version.

    python scripts/make_schema_fixtures.py            # (re)build every version
    python scripts/make_schema_fixtures.py 5          # build only version 5
    python scripts/make_schema_fixtures.py --out DIR  # somewhere else (the test does this)

A fixture of version N is made as a database that lived through the versions: for K = 1..N
the frozen schema file `src/kehu/db/schema/000K_*.sql` is applied, `PRAGMA user_version` is
set to K, and then the rows that version K introduced (`ROWS[K]`, written against the schema
of version K) are inserted. So the file holds real data in every table that its version had,
and `tests/integration/test_migrations.py` checks that opening it upgrades the schema to the
one a new database gets and keeps the data.

The output is deterministic (fixed values and timestamps, rollback journal, VACUUM at the
end): with the same SQLite library a rebuild gives the same bytes. The migration test checks
that the committed files equal what this script builds (schema and rows).

A new migration: add its step to `kehu/db/migrations.py` with its frozen SQL file, add a
`_rows_vN` function below (a few rows for what version N adds, none if it adds no table) to
`ROWS`, run this script and commit the new `tests/data/schema_vN.db`. Never change the rows of
a released version: the older fixtures are meant to stay as they were released.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "src" / "kehu" / "db" / "schema"
OUT_DIR = ROOT / "tests" / "data"

T0 = "2026-01-05 09:00:00"
T1 = "2026-01-12 14:30:00"
T2 = "2026-02-03 10:15:00"


def _insert(conn: sqlite3.Connection, table: str, *rows: dict[str, object]) -> None:
    for row in rows:
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))


def _rows_v1(conn: sqlite3.Connection) -> None:
    """Users, settings, classification, customers with key persons, visits, sales, routes,
    history, audit and an import batch: every table of version 1."""
    _insert(
        conn,
        "user",
        dict(id=1, username="laoli", display_name="老李", role="admin", active=1, created_at=T0),
        dict(
            id=2,
            username="xiaowang",
            display_name="王小明",
            role="salesperson",
            manager_id=1,
            password_hash="pbkdf2_sha256$1$c2FsdA==$aGFzaA==",
            active=1,
            created_at=T0,
        ),
    )
    _insert(
        conn,
        "setting",
        dict(key="mode", value="local"),
        dict(key="created_with", value="0.1.0"),
        dict(key="created_at", value="2026-01-05T09:00:00"),
        dict(key="language", value="zh_CN"),
    )
    _insert(
        conn,
        "scheme",
        dict(id=1, key="nature", name="客户性质", position=0),
        dict(id=2, key="region", name="区域", position=1),
    )
    _insert(
        conn,
        "category",
        dict(id=1, scheme_id=1, parent_id=None, name="普通公司", position=0),
        dict(id=2, scheme_id=1, parent_id=None, name="交易伙伴", position=1),
        dict(id=3, scheme_id=2, parent_id=None, name="重庆市", position=0),
        dict(id=4, scheme_id=2, parent_id=3, name="渝中区", position=0),
        dict(id=5, scheme_id=2, parent_id=3, name="江北区", position=1),
    )
    _insert(
        conn,
        "import_batch",
        dict(
            id=1,
            kind="customers",
            filename="客户名单2026.xlsx",
            file_sha256="9f2c" * 16,
            user_id=1,
            started_at=T1,
            finished_at=T1,
            status="done",
            rows_total=1,
            rows_created=1,
            rows_updated=0,
            rows_rejected=0,
            mapping=json.dumps({"客户名称": "name", "电话": "phone"}, ensure_ascii=False),
            summary="{}",
        ),
    )
    common = dict(custom_fields="{}", created_at=T0, updated_at=T0, version=1, status="active")
    _insert(
        conn,
        "customer",
        dict(
            common,
            id=1,
            code="KH000001",
            name="重庆长江商贸有限公司",
            short_name="长江商贸",
            uscc="91500103MA5U3XYZ8K",
            address="重庆市渝中区解放碑民族路188号",
            postal_code="400010",
            phone="023-63123456",
            industry="批发零售",
            registered_capital=5000000,  # cents
            annual_sales=120000000,
            employees=35,
            founded_on="2008-03-18",
            owner_id=2,
            created_by_id=1,
            updated_by_id=2,
            version=2,
            updated_at=T1,
            custom_fields=json.dumps({"微信群": "长江商贸采购群"}, ensure_ascii=False),
        ),
        dict(
            common,
            id=2,
            code="KH000002",
            name="成都蜀香食品有限公司",
            phone="028-85551234",
            owner_id=2,
            import_batch_id=1,
            created_at=T1,
            updated_at=T1,
        ),
        dict(
            common,
            id=3,
            code="KH000003",
            name="王记杂货店",
            status="archived",
            archived_at=T2,
            owner_id=None,
        ),
    )
    _insert(
        conn,
        "customer_category",
        dict(customer_id=1, scheme_id=1, category_id=1),
        dict(customer_id=1, scheme_id=2, category_id=4),
        dict(customer_id=2, scheme_id=1, category_id=2),
        dict(customer_id=3, scheme_id=2, category_id=5),
    )
    _insert(
        conn,
        "key_person",
        dict(
            id=1,
            customer_id=1,
            position=0,
            role="owner",
            name="单雄",
            title="总经理",
            mobile="13800138000",
            birthday="1975-06-01",
            hobbies="钓鱼、围棋",
            created_at=T0,
            updated_at=T0,
        ),
        dict(
            id=2,
            customer_id=1,
            position=1,
            role="purchasing",
            name="张伟",
            mobile="13912345678",
            id_number="110101199003071234",
            consent_basis="consent",
            consent_date="2026-01-05",
            consent_channel="当面书面同意",
            created_at=T0,
            updated_at=T0,
        ),
        dict(
            id=3,
            customer_id=2,
            position=0,
            role="manager",
            name="李娜",
            created_at=T1,
            updated_at=T1,
        ),
    )
    _insert(
        conn,
        "field_change",
        dict(
            id=1,
            customer_id=1,
            version=2,
            field="phone",
            old_value="023-63000000",
            new_value="023-63123456",
            user_id=2,
            changed_at=T1,
        ),
        dict(
            id=2,
            customer_id=1,
            version=2,
            person_id=2,
            field="mobile",
            old_value=None,
            new_value="13912345678",
            user_id=2,
            changed_at=T1,
        ),
    )
    _insert(
        conn,
        "visit",
        dict(
            id=1,
            customer_id=1,
            salesperson_id=2,
            visit_date="2026-01-12",
            kind="routine",
            content="拜访单总，介绍春节备货方案。",
            findings="对火锅底料需求大，关心账期。",
            next_step="寄送报价单",
            next_visit_on="2026-01-26",
            created_at=T1,
        ),
        dict(
            id=2,
            customer_id=2,
            salesperson_id=2,
            visit_date="2026-02-03",
            kind="urgent",
            content="竞争对手降价，客户要求重新报价。",
            created_at=T2,
        ),
    )
    _insert(
        conn,
        "product",
        dict(id=1, code="P001", name="火锅底料（牛油）", category="调味品", unit="箱"),
        dict(id=2, code="P002", name="花椒油", category="调味品", unit="瓶"),
    )
    _insert(
        conn,
        "sale_line",
        dict(
            id=1,
            sale_date="2026-01-20",
            customer_id=1,
            product_id=1,
            product_category="调味品",
            quantity="12.500",
            amount=150000,
        ),
        dict(
            id=2,
            sale_date="2026-01-21",
            customer_id=2,
            product_id=2,
            product_category="调味品",
            quantity="40",
            amount=36000,
            import_batch_id=1,
        ),
    )
    _insert(
        conn,
        "route",
        dict(
            id=1,
            region_id=4,
            name="渝中区周一线",
            salesperson_id=2,
            start_address="重庆市渝中区较场口",
            weekdays="1",
            frequency="weekly",
            position=0,
            version=1,
        ),
    )
    _insert(conn, "route_stop", dict(id=1, route_id=1, customer_id=1, position=0))
    _insert(
        conn,
        "search_key",  # the version 1 layout; migration 2 replaces the table
        dict(id=1, customer_id=1, kind=1, key="重庆长江商贸有限公司"),
        dict(id=2, customer_id=1, kind=3, key="KH000001"),
    )
    _insert(
        conn,
        "audit_entry",
        dict(
            id=1,
            at=T1,
            user_id=1,
            user_name="老李",
            action="import",
            entity="import_batch",
            entity_id=1,
            summary="客户名单2026.xlsx",
            details=json.dumps({"file_sha256": "9f2c" * 16}),
        ),
        dict(
            id=2,
            at=T2,
            user_id=2,
            user_name="王小明",
            action="reveal",
            entity="key_person",
            entity_id=2,
            summary="id_number",
            details="{}",
        ),
    )


def _rows_v2(conn: sqlite3.Connection) -> None:
    """The search index in its version 2 layout (id = customer id * 256 + slot)."""
    _insert(
        conn,
        "search_key",
        dict(id=1 * 256 + 0, kind=1, key="重庆长江商贸有限公司"),
        dict(id=1 * 256 + 1, kind=2, key="chongqingchangjiangshangmaoyouxiangongsi"),
        dict(id=1 * 256 + 2, kind=3, key="kh000001"),
        dict(id=2 * 256 + 0, kind=1, key="成都蜀香食品有限公司"),
        dict(id=2 * 256 + 1, kind=3, key="kh000002"),
    )
    _insert(
        conn,
        "search_name",
        dict(key="单雄", name="单雄"),
        dict(key="shanxiong", name="单雄"),
        dict(key="张伟", name="张伟"),
        dict(key="zhangwei", name="张伟"),
    )
    _insert(
        conn,
        "search_text",
        dict(rowid=1, text="重庆长江商贸有限公司 长江商贸"),
        dict(rowid=2, text="成都蜀香食品有限公司"),
        dict(rowid=3, text="王记杂货店"),
    )


def _rows_v3(conn: sqlite3.Connection) -> None:
    """An import's change log (for undo) and a pending review of a customer-filled form."""
    _insert(
        conn,
        "import_batch",
        dict(
            id=2,
            kind="form",
            filename="客户资料表-成都蜀香.xlsx",
            file_sha256="5ab1" * 16,
            user_id=2,
            started_at=T2,
            finished_at=T2,
            status="done",
            rows_total=1,
            rows_created=0,
            rows_updated=1,
            rows_rejected=0,
            mapping="{}",
            summary="{}",
        ),
    )
    before = {
        "name": "成都蜀香食品有限公司",
        "phone": "028-85550000",
        "persons": [],
        "categories": [],
    }
    _insert(
        conn,
        "import_change",
        dict(
            id=1,
            batch_id=2,
            entity="customer",
            entity_id=2,
            action="update",
            before=json.dumps(before, ensure_ascii=False),
            after_version=2,
        ),
    )
    _insert(
        conn,
        "pending_review",
        dict(
            id=1,
            customer_id=2,
            batch_id=2,
            source="form",
            status="pending",
            base_version=1,
            label="客户资料表-成都蜀香.xlsx",
            created_by_id=2,
            created_at=T2,
        ),
    )
    _insert(
        conn,
        "pending_review_item",
        dict(
            id=1,
            review_id=1,
            field="address",
            proposed_value="四川省成都市武侯区人民南路四段12号",
            original_value=None,
        ),
        dict(
            id=2,
            review_id=1,
            field="postal_code",
            proposed_value="61004",
            original_value=None,
            problem="邮政编码应为6位数字",
        ),
    )


def _rows_v4(conn: sqlite3.Connection) -> None:
    """A customer added and one moved after version 4, so the count triggers have run."""
    _insert(
        conn,
        "customer",
        dict(
            id=4,
            code="KH000004",
            name="重庆江北鑫源超市",
            owner_id=2,
            status="active",
            version=1,
            custom_fields="{}",
            created_at=T2,
            updated_at=T2,
        ),
    )
    _insert(
        conn,
        "customer_category",
        dict(customer_id=4, scheme_id=1, category_id=1),
        dict(customer_id=4, scheme_id=2, category_id=5),
    )
    conn.execute('UPDATE "customer" SET owner_id = 1 WHERE id = 2')


def _rows_v5(conn: sqlite3.Connection) -> None:
    """A customer shared with a colleague, and a key person who withdrew consent."""
    _insert(
        conn,
        "customer_share",
        dict(customer_id=1, user_id=2, can_edit=0, shared_by_id=1, shared_at=T2),
    )
    conn.execute("UPDATE \"key_person\" SET consent_withdrawn_on = '2024-05-01' WHERE id = 1")


def _rows_v6(conn: sqlite3.Connection) -> None:
    """Customer 4 merged into 1 (archived, with what the merge moved), a completeness, a key
    person's lunar birthday and a category's visit cadence."""
    conn.execute("UPDATE \"customer\" SET status = 'archived', archived_at = ? WHERE id = 4", (T2,))
    _insert(
        conn,
        "customer_merge",
        dict(
            id=1,
            kept_id=1,
            merged_id=4,
            user_id=1,
            merged_at=T2,
            before=json.dumps({"fields": {}, "persons": [], "visits": [], "sales": []}),
        ),
    )
    conn.execute('UPDATE "customer" SET completeness = 45 WHERE id = 1')
    conn.execute('UPDATE "key_person" SET birthday_lunar = 1 WHERE id = 1')
    conn.execute('UPDATE "category" SET visit_days = 10 WHERE id = 1')


def _rows_v7(conn: sqlite3.Connection) -> None:
    """A sale line added and one customer regraded after version 7 (the summary triggers run),
    and one applied ABC step with the grade it replaced."""
    _insert(
        conn,
        "sale_line",
        dict(
            id=3,
            sale_date="2026-02-10",
            customer_id=1,
            product_id=1,
            product_category="调味品",
            quantity="5",
            amount=45000,
        ),
    )
    _insert(
        conn,
        "grade_step",
        dict(
            id=1,
            user_id=1,
            at=T2,
            scheme_id=1,
            period="2026-01..2026-02",
            thresholds="80,95",
            customers=1,
            status="applied",
        ),
    )
    _insert(
        conn,
        "grade_step_change",
        dict(step_id=1, customer_id=4, old_category_id=1, new_category_id=2),
    )
    conn.execute(
        'UPDATE "customer_category" SET category_id = 2 WHERE customer_id = 4 AND scheme_id = 1'
    )


def _rows_v8(conn: sqlite3.Connection) -> None:
    """A customer's own notes and a filing date older than the record (from a spreadsheet)."""
    conn.execute(
        'UPDATE "customer" SET notes = ?, filed_on = ? WHERE id = 2',
        ("老客户，春节前回访", "2015-03-01"),
    )


def _rows_v9(conn: sqlite3.Connection) -> None:
    """A user's own category beside the built-in ones (no built-in key: shown as typed); the
    migration gave 普通公司 and 交易伙伴 their keys."""
    _insert(
        conn,
        "category",
        dict(id=6, scheme_id=1, parent_id=None, name="政府单位", position=2, builtin_key=None),
    )


def _rows_v10(conn: sqlite3.Connection) -> None:
    """The duplicate scan's keys of the four customers, as version 10 computes them (cores,
    stable hashes of USCC, phone, its last seven digits and address, the core reversed)."""
    columns = (
        "id",
        "core",
        "short",
        "core_hash",
        "uscc",
        "phone",
        "local",
        "short_phone",
        "address",
        "core_reversed",
    )
    rows = (
        (1, "长江商贸", "长江商贸", -5691625181657982971, 5289320721280955306,
         -8671006058866372444, 4437057045143984590, 0, -1641115312882620790, "贸商江长"),
        (2, "蜀香食品", None, -5277626838890450819, 0, 5453824115290166838,
         -1830960723444274573, 0, 0, "品食香蜀"),
        (3, "王记杂货店", None, 1803214151459480529, 0, 0, 0, 0, 0, "店货杂记王"),
        (4, "江北鑫源超市", None, -1334682717695900240, 0, 0, 0, 0, 0, "市超源鑫北江"),
    )  # fmt: skip
    _insert(conn, "duplicate_key", *(dict(zip(columns, row, strict=True)) for row in rows))


def _rows_v11(conn: sqlite3.Connection) -> None:
    """The analyses' stamps (their first values come with the schema): nothing to add."""


def _rows_v12(conn: sqlite3.Connection) -> None:
    """The Today panel's keys are filled from the customers, grades and visits by the
    migration; one more visit, written after it, reaches care_key through its trigger."""
    _insert(
        conn,
        "visit",
        dict(
            id=11,
            customer_id=2,
            salesperson_id=2,
            visit_date="2026-02-03",
            kind="routine",
            next_step="回访",
            next_visit_on="2026-02-10",
            created_at=T2,
        ),
    )


def _rows_v13(conn: sqlite3.Connection) -> None:
    """The pinyin sort keys of the four customers, as version 13 computes them (reading
    syllable by syllable, a unit separator, the text itself)."""
    keys = (
        (1, "chong qing chang jiang shang mao you xian gong si\x1f重庆长江商贸有限公司",
         "chang jiang shang mao\x1f长江商贸"),
        (2, "cheng du shu xiang shi pin you xian gong si\x1f成都蜀香食品有限公司", ""),
        (3, "wang ji za huo dian\x1f王记杂货店", ""),
        (4, "chong qing jiang bei xin yuan chao shi\x1f重庆江北鑫源超市", ""),
    )  # fmt: skip
    conn.executemany(
        'UPDATE "customer" SET "name_sort" = ?, "short_name_sort" = ? WHERE "id" = ?',
        [(name, short, cid) for cid, name, short in keys],
    )


ROWS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _rows_v1,
    2: _rows_v2,
    3: _rows_v3,
    4: _rows_v4,
    5: _rows_v5,
    6: _rows_v6,
    7: _rows_v7,
    8: _rows_v8,
    9: _rows_v9,
    10: _rows_v10,
    11: _rows_v11,
    12: _rows_v12,
    13: _rows_v13,
}


def schema_files() -> dict[int, Path]:
    """The frozen schema files by version: 0001_initial.sql → 1."""
    return {
        int(path.name[:4]): path for path in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))
    }


def build(version: int, path: Path) -> Path:
    """Write the fixture of schema `version` to `path` (replaced if it exists)."""
    files = schema_files()
    missing = [k for k in range(1, version + 1) if k not in files or k not in ROWS]
    if missing:
        raise SystemExit(
            f"version {missing[0]}: needs src/kehu/db/schema/{missing[0]:04d}_*.sql "
            f"and a _rows_v{missing[0]} entry in ROWS"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA page_size=1024")
        for k in range(1, version + 1):
            conn.executescript(files[k].read_text("utf-8"))
            conn.execute("BEGIN")
            conn.execute(f"PRAGMA user_version={k}")
            ROWS[k](conn)
            conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise SystemExit(f"version {version}: rows break foreign keys: {problems}")
        conn.execute("VACUUM")
    finally:
        conn.close()
    tmp.replace(path)
    return path


def fixture_path(version: int, out: Path = OUT_DIR) -> Path:
    return out / f"schema_v{version}.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*", type=int, help="versions to build (default: all)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="directory (default tests/data)")
    args = parser.parse_args(argv)
    versions = args.versions or sorted(schema_files())
    for version in versions:
        print(build(version, fixture_path(version, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
