"""Names in pinyin order and the main reading of a polyphone ranked first (issue 14 point 9),
on real database files: keyset pages of a list sorted by name, every write path keeping the
sort keys, the ranking of `cs` and `cq`, and migration 13 on a schema-10 file (through 11 and 12)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kehu.core.search_keys import PINYIN, PINYIN_ALT, SLOTS, sort_key
from kehu.db import customer_list, search, search_index, sort_fill
from kehu.db.customer_list import ListSpec
from kehu.db.health import customers_without_sort_key
from kehu.db.models import Customer, database_proxy
from kehu.db.search import search as search_for
from kehu.services import auth, demo, dossiers, merge, repair
from kehu.services.workspace import open_workspace

FIXTURES = Path(__file__).resolve().parents[1] / "data"

# In the order a Chinese reader expects (pinyin syllable by syllable; digits and Latin
# letters among them; 长沙 cháng, 重庆 chóng). Unicode order would put 上海 before 北京.
PINYIN_ORDER = [
    "3D打印工作室",
    "ABC贸易",
    "安徽合肥商行",
    "北京海淀科技",
    "长沙湘江贸易",
    "长沙银行",
    "重庆渝中五金",
    "广州天河商行",
    "上海浦东贸易",
    "盛世华联",
    "西安雁塔",
    "厦门思明",  # xia before xian: syllable by syllable
    "先锋电器",
    "郑州二七",
]


@pytest.fixture
def named(workspace, user) -> dict[str, int]:
    order = PINYIN_ORDER[::3] + PINYIN_ORDER[1::3] + PINYIN_ORDER[2::3]  # not created in order
    return {name: dossiers.create({"name": name}, user) for name in order}


def _paged(spec: ListSpec) -> list[int]:
    return [cid for page in customer_list.iter_pages(spec, first=3, largest=3) for cid in page]


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_sorted_by_name_follow_pinyin(user, named, descending):
    spec = ListSpec(user, sort="name", descending=descending)
    expected = [named[n] for n in (PINYIN_ORDER[::-1] if descending else PINYIN_ORDER)]
    assert _paged(spec) == expected  # five pages of three, continued after (sort key, id)
    ids, after = customer_list.page(spec, 3)
    assert ids == expected[:3] and after == (
        sort_key(PINYIN_ORDER[-3 if descending else 2]),
        ids[2],
    )


def test_equal_names_keep_apart_by_id_across_pages(user, workspace):
    ids = [dossiers.create({"name": "长沙湘江贸易"}, user) for _ in range(5)]
    ids += [dossiers.create({"name": "常沙贸易"}, user)]  # the same reading, another text
    assert _paged(ListSpec(user, sort="name")) == [ids[5], *ids[:5]]  # 常 before 长 by text
    assert _paged(ListSpec(user, sort="name", descending=True)) == [*ids[4::-1], ids[5]]


def test_a_salespersons_list_and_the_short_name_sort_too(user, named):
    seller = auth.create_user("li", "李雷")
    own = [
        dossiers.create({"name": n, "short_name": s}, user, owner=seller)
        for n, s in (("甲公司", "上海甲"), ("乙公司", "安徽乙"), ("丙公司", "北京丙"))
    ]
    assert _paged(ListSpec(seller, sort="name")) == [own[2], own[0], own[1]]  # bing jia yi
    assert _paged(ListSpec(seller, sort="short_name")) == [own[1], own[2], own[0]]


def test_every_write_path_keeps_the_sort_keys(user, named, workspace):
    cid = named["上海浦东贸易"]
    dossiers.save(dossiers.load(cid), {"name": "安庆迎江贸易"}, user)  # a dossier save
    assert Customer.get_by_id(cid).name_sort == sort_key("安庆迎江贸易")
    assert _paged(ListSpec(user, sort="name"))[3] == cid  # an qing: after an hui, before bei
    # merge: the kept dossier may take the other's name
    other = named["郑州二七"]
    merge.merge(merge.plan(cid, other, user), {"name": merge.OTHER}, user)
    assert Customer.get_by_id(cid).name_sort == sort_key("郑州二七")
    # a damaged key is found by the health check and put right by repair
    db = database_proxy.obj
    db.execute_sql("UPDATE customer SET name_sort = '' WHERE id = ?", (named["北京海淀科技"],))
    assert customers_without_sort_key(db) == [named["北京海淀科技"]]
    repair.repair(workspace.database, user)
    assert customers_without_sort_key(db) == []
    # the full rebuild recomputes every key
    db.execute_sql("UPDATE customer SET name_sort = 'zzz'")
    search_index.rebuild_all()
    assert all(c.name_sort == sort_key(c.name) for c in Customer.select())


def test_an_xlsx_import_writes_the_sort_keys(user, workspace, tmp_path):
    import openpyxl

    from kehu.services.imports import ImportOptions, run_import

    book = openpyxl.Workbook()
    for row in (["公司名称", "简称"], ["上海浦东贸易", "浦东"], ["安徽合肥商行", "合肥"]):
        book.active.append(row)
    book.save(tmp_path / "new.xlsx")
    report = run_import(tmp_path / "new.xlsx", user, ImportOptions())
    assert report.created == 2
    assert _names(_paged(ListSpec(user, sort="name"))) == ["安徽合肥商行", "上海浦东贸易"]
    assert _names(_paged(ListSpec(user, sort="short_name"))) == ["安徽合肥商行", "上海浦东贸易"]
    for c in Customer.select():
        assert (c.name_sort, c.short_name_sort) == (sort_key(c.name), sort_key(c.short_name))


def test_demo_data_has_its_sort_keys(user, workspace):
    demo.generate(300, user=user)
    rows = list(Customer.select(Customer.name, Customer.short_name, Customer.name_sort,
                                Customer.short_name_sort))  # fmt: skip
    assert len(rows) == 300
    assert all(r.name_sort == sort_key(r.name) for r in rows)
    assert all(r.short_name_sort == sort_key(r.short_name) for r in rows)
    names = [Customer.get_by_id(c).name for c in _paged(ListSpec(user, sort="name"))]
    assert [sort_key(n) for n in names] == sorted(sort_key(n) for n in names)


def _names(ids: list[int]) -> list[str]:
    return [Customer.get_by_id(cid).name for cid in ids]


def test_initials_rank_the_common_reading_first(user, workspace):
    # 盛世 is shèng shì; chéng shì is a rare reading of 盛 (kept findable, ranked below).
    # Before: the keys were compared as one range, and "cshl…" sorts before "csxj…".
    rare = [dossiers.create({"name": f"盛世华联{i}号店"}, user) for i in range(3)]
    common = [dossiers.create({"name": n}, user) for n in ("长沙湘江贸易", "长沙岳麓书店")]
    found = search_for("cs", user)
    assert set(found[:2]) == set(common) and set(found[2:5]) == set(rare)
    # 重庆 chóng qìng (phrase and place reading) before 曾庆 read céng (its rare reading)
    zeng = dossiers.create({"name": "曾庆贸易"}, user)
    chong = dossiers.create({"name": "重庆渝北超市"}, user)
    assert search_for("cq", user)[:2] == [chong, zeng]
    # zhòng qìng is the rare reading of 重庆: behind the names read zq
    zq = dossiers.create({"name": "张青商行"}, user)
    assert search_for("zq", user)[:3] == [zeng, zq, chong]  # zēng qìng, zhāng qīng, then 重庆


def test_place_readings_decide_the_main_keys(user, workspace):
    cid = dossiers.create({"name": "单县鲁西商贸", "short_name": "朝阳五金"}, user)
    keys = {
        (kind, key)
        for kind, key in database_proxy.obj.execute_sql(
            'SELECT kind, key FROM "search_key" WHERE id >= ? AND id < ?',
            (cid * SLOTS, (cid + 1) * SLOTS),
        )
    }
    assert {(PINYIN, "shanxianluxishangmao"), (PINYIN, "cywj")} <= keys
    assert {(PINYIN_ALT, "danxianluxishangmao"), (PINYIN_ALT, "zywj")} <= keys
    assert search_for("sx", user) == [cid] and search_for("dx", user) == [cid]


@pytest.mark.parametrize("reindex_min", [20_000, 0])  # 0: as on a big file, index made again
def test_migration_13_fills_the_sort_keys_of_a_schema_10_file(tmp_path, monkeypatch, reindex_min):
    monkeypatch.setattr(sort_fill, "REINDEX_MIN", reindex_min)
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v10.db", path)
    old = sqlite3.connect(path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 10
    old.close()
    ws = open_workspace(path, lang="zh_CN", create=False)
    try:
        rows = list(Customer.select().order_by(Customer.id))
        assert all(r.name_sort == sort_key(r.name) for r in rows)
        assert rows[0].short_name_sort == sort_key("长江商贸") and rows[1].short_name_sort == ""
        viewer = auth.automatic_user() or ws.user
        admin = viewer if viewer is not None else auth.ensure_local_user()
        spec = ListSpec(admin, sort="name", include_archived=True)
        # cheng du, chong qing chang jiang, chong qing jiang bei, wang ji
        assert _names(_paged(spec)) == [
            "成都蜀香食品有限公司",
            "重庆长江商贸有限公司",
            "重庆江北鑫源超市",
            "王记杂货店",
        ]
        db = ws.database.db
        alternative = db.execute_sql(
            'SELECT id / 256 FROM "search_key" WHERE kind = ? AND key = ?',
            (PINYIN_ALT, "zhongqingchangjiangshangmaoyouxiangongsi"),
        ).fetchall()
        assert alternative == [(1,)]  # the search keys of polyphonic names were recomputed
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] >= 13
        plan = search.explain("cq", admin)
        assert any("search_key_kind_key" in step for step in plan)  # the index is back
        assert search_for("cq", admin, include_archived=True)[:2] == [1, 4]
    finally:
        ws.database.close()
