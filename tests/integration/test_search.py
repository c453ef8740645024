"""Search as you type through the real services on a real database file (issue 3, point 5)."""

from __future__ import annotations

import pytest

from backends import BOTH
from kehu.core.jobs import Cancelled, Job, Progress
from kehu.db import search_index
from kehu.db.models import Customer, KeyPerson, Scheme, SearchKey, SearchName
from kehu.db.search import explain, search
from kehu.services import auth, classification, dossiers

pytestmark = BOTH


def make(user, name, *, short=None, phone=None, persons=None, owner=None, code=None) -> int:
    values = {"name": name}
    if short:
        values["short_name"] = short
    if phone:
        values["phone"] = phone
    return dossiers.create(values, user, persons=persons, owner=owner, code=code)


@pytest.fixture
def sample(user):
    ids = {
        "beijing": make(user, "北京海淀华鑫商贸有限公司", short="华鑫商贸", phone="010-6258 1234"),
        "chongqing": make(user, "重庆渝中长城建材有限公司", short="长城建材"),
        "changsha": make(
            user, "长沙芙蓉银行街超市", persons=[{"name": "单雄信", "mobile": "13912345678"}]
        ),
        "nanjing": make(
            user, "南京秦淮食品商行", persons=[{"name": "王晓明", "mobile": "138 0013 8000"}]
        ),
        "abc": make(user, "ABC贸易公司"),
    }
    return ids


def test_chinese_prefix_and_pinyin_find_beijing(sample, user):
    assert search("北京", user)[0] == sample["beijing"]
    assert search("bj", user) == [sample["beijing"]]
    assert search("beijing", user) == [sample["beijing"]]
    assert search("beijinghaid", user) == [sample["beijing"]]
    assert search("bjhdhx", user) == [sample["beijing"]]
    assert search("hxsm", user) == [sample["beijing"]]  # short name initials


def test_polyphones(sample, user):
    assert search("chongqing", user) == [sample["chongqing"]]
    assert search("cq", user) == [sample["chongqing"]]
    assert search("zhongqing", user) == [sample["chongqing"]]  # the other reading still works
    assert search("changsha", user) == [sample["changsha"]]
    assert search("cs", user) == [sample["changsha"]]


def test_full_width_and_case(sample, user):
    assert search("ＡＢＣ", user) == [sample["abc"]]
    assert search("abc贸易", user) == [sample["abc"]]
    assert search("ＢＪ", user) == [sample["beijing"]]


def test_key_person_name_and_pinyin_find_the_company(sample, user):
    assert search("王晓明", user) == [sample["nanjing"]]
    assert search("wangxiao", user) == [sample["nanjing"]]
    assert search("wxm", user) == [sample["nanjing"]]
    assert search("shanxiong", user) == [sample["changsha"]]  # 单 as a surname


def test_phones_with_spaces_dashes_and_country_code(sample, user):
    assert search("010-6258", user) == [sample["beijing"]]
    assert search("010 6258 1234", user) == [sample["beijing"]]
    assert search("0106258", user) == [sample["beijing"]]
    assert search("138-0013-8000", user) == [sample["nanjing"]]
    assert search("+86 138 0013", user) == [sample["nanjing"]]
    assert search("139 1234", user) == [sample["changsha"]]


def test_code_and_substring(sample, user):
    code = Customer.get_by_id(sample["chongqing"]).code
    assert search(code.lower(), user) == [sample["chongqing"]]
    assert search("渝中长城", user) == [sample["chongqing"]]  # inside the name: trigram
    assert search("芙蓉", user) == [sample["changsha"]]  # two characters: bounded scan
    assert search("没有这个", user) == []
    assert search("zzzq", user) == []


def test_ranking_exact_then_prefix_then_pinyin_then_substring(user):
    inside = make(user, "上海北京路五金店")  # contains 北京
    longer = make(user, "北京朝阳五金店")
    exact = make(user, "北京")
    person = make(user, "天津五金", persons=[{"name": "北京人"}])
    assert search("北京", user) == [exact, longer, person, inside]


def test_a_customer_is_listed_once_at_its_best_match(user):
    both = make(
        user,
        "上海北京路北京五金店",
        short="北京五金",
        phone="010-1234 5678",
        persons=[{"name": "北京客", "mobile": "13800000001"}, {"name": "北京人"}],
    )
    other = make(user, "上海的北京分店", persons=[{"name": "北京客"}])
    assert search("北京", user) == [both, other]  # short name first; other by person name
    assert search("bj", user) == [both, other]


def test_several_words_narrow(sample, user):
    other = make(user, "北京朝阳科技有限公司")
    assert set(search("北京", user)) == {sample["beijing"], other}
    assert search("北京 华鑫", user) == [sample["beijing"]]
    assert search("bj keji", user) == [other]


def test_keyset_paging_walks_every_match_once(user):
    ids = [make(user, f"北京测试{i:02d}号商店") for i in range(12)]
    ids.append(make(user, "天津测试", persons=[{"name": "北京客"}]))
    ids.append(make(user, "上海的北京分店"))
    seen, after = [], None
    while True:
        page = search("北京", user, limit=5, after=after)
        if not page:
            break
        seen += page
        after = page[-1]
    assert seen == search("北京", user, limit=100)
    assert sorted(seen) == sorted(ids)


def test_archived_hidden_unless_asked(sample, user):
    dossiers.archive(sample["beijing"], user)
    assert search("北京", user) == []
    assert search("北京", user, include_archived=True) == [sample["beijing"]]
    dossiers.restore(sample["beijing"], user)
    assert search("北京", user) == [sample["beijing"]]


def test_salesperson_never_sees_another_salespersons_customer(user):
    manager = auth.create_user("boss", "经理", "manager", by=user)
    alice = auth.create_user("alice", "李丽", "salesperson", manager=manager, by=user)
    bob = auth.create_user("bob", "王强", "salesperson", manager=manager, by=user)
    mine = make(user, "北京甲公司", owner=alice)
    theirs = make(user, "北京乙公司", owner=bob, persons=[{"name": "北京张三"}])
    assert search("北京", alice) == [mine]
    assert search("bj", alice) == [mine]
    assert search("北京", bob) == [theirs]
    assert set(search("北京", manager)) == {mine, theirs}
    assert set(search("北京", user)) == {mine, theirs}  # the local user is an administrator


def test_category_includes_sub_categories(user):
    scheme = Scheme.create(key="test_region", name="区域测试", position=50)
    east = classification.add(scheme.id, "华东", user).category_id
    shanghai = classification.add(scheme.id, "上海", user, parent_id=east).category_id
    north = classification.add(scheme.id, "华北", user).category_id
    a = make(user, "北京甲")
    b = make(user, "北京乙")
    make(user, "北京丙")
    classification.classify([a], shanghai, user)
    classification.classify([b], north, user)
    assert search("北京", user, category=east) == [a]
    assert search("北京", user, category=shanghai) == [a]
    assert search("bj", user, category=north) == [b]


def test_renamed_customer_found_by_new_name_not_old(sample, user):
    base = dossiers.load(sample["nanjing"])
    dossiers.save(base, {"name": "苏州姑苏食品商行"}, user, persons=[])
    assert search("南京", user) == []
    assert search("nanjing", user) == []
    assert search("王晓明", user) == []  # the key person was removed too
    assert search("苏州", user) == [sample["nanjing"]]
    assert search("suzhou", user) == [sample["nanjing"]]


def test_erased_customer_is_gone(sample, user):
    dossiers.erase(sample["abc"], user, reason="PIPL request")
    assert search("abc", user, include_archived=True) == []
    assert search("贸易公司", user, include_archived=True) == []


def test_erased_key_persons_name_leaves_the_name_dictionary(sample, user):
    assert SearchName.select().where(SearchName.name == "单雄信").count() > 0
    dossiers.erase(sample["changsha"], user, reason="PIPL request")
    assert SearchName.select().where(SearchName.name == "单雄信").count() == 0
    assert SearchName.select().where(SearchName.name == "王晓明").count() > 0  # still used
    assert search("sxx", user, include_archived=True) == []


def test_customers_of_an_undone_import_are_gone(user):
    """The import engineer's contract: bulk insert + fill_for; undo = delete + remove."""
    db = Customer._meta.database
    rows = [(f"IMP{i:03d}", f"杭州西湖导入{i}号茶庄", user.id) for i in range(30)]

    def insert() -> list[int]:
        ids = []
        for code, name, owner in rows:
            customer = Customer.create(code=code, name=name, owner=owner)
            KeyPerson.create(customer=customer, name="周导入", mobile="13700001111")
            ids.append(customer.id)
        return ids

    ids = db.atomic()(insert)()
    search_index.fill_for(ids)
    assert len(search("杭州西湖", user, limit=100)) == 30
    assert len(search("zdr", user, limit=100)) == 30  # 周导入
    assert len(search("1370000", user, limit=100)) == 30

    def undo() -> None:
        Customer.delete().where(Customer.id.in_(ids)).execute()
        search_index.remove(ids)

    db.atomic()(undo)()
    assert search("杭州西湖", user) == []
    assert search("zdr", user) == []
    assert search("导入", user) == []


@pytest.mark.parametrize("parallel", [False, True])
def test_rebuild_all_gives_the_same_results(sample, user, monkeypatch, caplog, parallel):
    if parallel:  # worker processes, batches of two customers
        monkeypatch.setattr(search_index, "PARALLEL_MIN", 1)
        monkeypatch.setattr(search_index, "BATCH", 2)
    before = {q: search(q, user) for q in ("北京", "bj", "cq", "wxm", "010", "芙蓉", "渝中长城")}
    keys = SearchKey.select().count()
    assert search_index.rebuild_all() == keys
    assert {q: search(q, user) for q in before} == before
    assert "workers failed" not in caplog.text


@pytest.mark.parametrize("parallel", [False, True])
def test_a_cancelled_rebuild_keeps_the_keys_as_they_were(sample, user, monkeypatch, parallel):
    monkeypatch.setattr(search_index, "BATCH", 2)
    if parallel:
        monkeypatch.setattr(search_index, "PARALLEL_MIN", 1)
    db = Customer._meta.database
    queries = ("北京", "bj", "wxm", "010", "渝中长城")
    before = {q: search(q, user) for q in queries}
    keys = db.execute_sql("SELECT id, kind, key FROM search_key ORDER BY id").fetchall()

    def listener(progress: Progress) -> None:
        if progress.stage == search_index.STAGE and progress.done >= 2:
            job.cancel()

    job = Job(listener)
    with pytest.raises(Cancelled):
        search_index.rebuild_all(job)
    assert db.execute_sql("SELECT id, kind, key FROM search_key ORDER BY id").fetchall() == keys
    assert {q: search(q, user) for q in queries} == before
    assert any("search_key_kind_key" in line for line in explain("bj", user))


def test_prefix_queries_use_the_index(sample, user, backend):
    """EXPLAIN QUERY PLAN: the key range is a SEARCH on the (kind, key) index, never a SCAN."""
    if backend == "postgresql":
        # A few rows: the planner would read the tables; asked not to, it must find the
        # ranges on the (kind, key) index (COLLATE "C") and the name dictionary's key.
        Customer._meta.database.execute_sql("SET enable_seqscan = off")
        for text in ("北京", "bj", "0106", "kh00", "北京 华鑫"):
            plan = "\n".join(explain(text, user))
            assert "search_key_kind_key" in plan, plan
            assert "Seq Scan" not in plan, plan
        return
    for text in ("北京", "bj", "0106", "kh00", "北京 华鑫"):
        plan = explain(text, user)
        assert any("SEARCH k USING COVERING INDEX search_key_kind_key" in d for d in plan), plan
        assert any(d.startswith("SEARCH d USING PRIMARY KEY (key>? AND key<?)") for d in plan)
        assert any(d.startswith("SEARCH p USING INDEX key_person_name") for d in plan), plan
        assert not any(d.startswith("SCAN") for d in plan), plan
        assert not any("TEMP B-TREE" in d for d in plan), plan
