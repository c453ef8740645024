"""Chinese-aware comparison keys and scores of the duplicate scan."""

import random

import pytest

from kehu.core.duplicate_keys import (
    address_key,
    blocking_keys,
    core_name,
    phone_key,
    stable_hash,
    stored_keys,
)
from kehu.core.duplicate_scoring import (
    DEFAULT_MIN_SCORE,
    MAX_BLOCK,
    KeyTable,
    _near_cores,
    candidate_pairs,
    score_pairs,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("阿里巴巴集团控股有限公司", "阿里巴巴集团控股"),
        ("北京海淀科技发展有限公司", "海淀科技发展（北京）有限公司"),
        ("海淀科技发展(北京)有限公司", "海淀科技发展【北京市】有限公司"),
        ("浙江省杭州市华鑫五金股份有限公司", "华鑫五金有限责任公司"),
        ("ＡＢＣ贸易有限公司", "abc 贸易"),
        ("Acme Co., Ltd.", "ACME Limited"),
    ],
)
def test_names_written_differently_have_one_core(a, b):
    assert core_name(a) == core_name(b)


def test_a_region_or_suffix_alone_is_not_removed():
    assert core_name("北京") == "北京"
    assert core_name("有限公司") == "有限公司"
    assert core_name("") == ""
    assert core_name("华鑫（上海浦东分店）") == "华鑫上海浦东分店"  # not a region: kept


@pytest.mark.parametrize(
    "phone",
    [
        "010-8888 8888",
        "01088888888",
        "(010)8888-8888",
        "+86 10 8888 8888",
        "0086-10-88888888",
        "010-88888888转123",
        "０１０－８８８８８８８８",
    ],
)
def test_landlines_become_digits_with_their_area_code(phone):
    assert phone_key(phone) == "01088888888"


def test_mobiles_and_short_numbers():
    assert phone_key("+86 138-0013-8000") == "13800138000"
    assert phone_key("138 0013 8000") == "13800138000"
    assert phone_key("8888 8888") == "88888888"
    assert phone_key("123") == ""


def test_addresses_lose_the_province_and_city_in_front():
    assert address_key("北京市海淀区中关村大街 12 号") == address_key("海淀区中关村大街12号")


def test_one_edit_apart_shares_a_blocking_key():
    assert set(blocking_keys("海淀华鑫五金")) & set(blocking_keys("海淀华新五金"))
    assert set(blocking_keys("海淀华鑫五金")) & set(blocking_keys("海淀华鑫五金店"))


def _table(*rows):
    table = KeyTable()
    for cid, row in enumerate(rows, 1):
        table.add(cid, *row)
    return table


def _scores(table):
    pairs, same = candidate_pairs(table)
    scored = score_pairs(table, pairs, same)
    return {
        (table.ids[a], table.ids[b]): (int(s), scored.reasons(k))
        for k, (a, b, s) in enumerate(zip(scored.left, scored.right, scored.score, strict=True))
    }


USCC = "91110108MA01ABCD1X"
OTHER_USCC = "91310115MA1K3YJ12L"


def test_a_namesake_with_other_identifiers_is_not_a_duplicate():
    scores = _scores(
        _table(
            ("北京海淀华鑫五金有限公司", None, USCC, "010-88888888", "北京市海淀区学院路1号"),
            ("北京海淀华鑫五金有限公司", None, OTHER_USCC, "010-66666666", "北京市海淀区知春路9号"),
        )
    )
    assert scores.get((1, 2), (0,))[0] < DEFAULT_MIN_SCORE


def test_variants_with_one_shared_identifier_are_duplicates():
    scores = _scores(
        _table(
            ("北京海淀华鑫五金有限公司", "华鑫五金", USCC, "010-88888888", "北京市海淀区学院路1号"),
            ("海淀华鑫五金（北京）有限公司", None, None, "(010)8888-8888", None),  # region, phone
            ("北京海淀华新五金有限公司", None, USCC, None, None),  # mistyped, same USCC
            ("华鑫五金", None, None, "+86 10 8888 8888", None),  # short name, phone
        )
    )
    assert scores[(1, 2)] == (100, ("same_name", "phone"))
    assert scores[(1, 3)][0] == 100 and "uscc" in scores[(1, 3)][1]
    assert scores[(1, 4)][0] >= DEFAULT_MIN_SCORE and "short_name" in scores[(1, 4)][1]


def test_stored_hashes_are_the_same_in_every_process_and_version():
    # stored in the database: a change of the hash would make old and new rows differ
    assert stable_hash("01088888888") == stable_hash("01088888888") != 0
    keys = stored_keys("北京海淀华鑫五金有限公司", "华鑫五金", None, "010-8888 8888", None)
    assert keys.core == "海淀华鑫五金" and keys.short == "华鑫五金"
    assert keys.phone == stable_hash("01088888888") and keys.local == stable_hash("8888888")
    assert (keys.uscc, keys.address, keys.short_phone) == (0, 0, 0)
    assert keys.core_hash == 1302713440861734130  # the value files of schema 10 hold


def _near_by_text(cores: list[str]) -> set[tuple[int, int]]:
    """What `_near_cores` computes, the slow way: cores sharing a blocking key."""
    by_key: dict[str, list[int]] = {}
    for number, core in enumerate(cores):
        for key in blocking_keys(core):
            by_key.setdefault(key, []).append(number)
    return {
        (a, b)
        for members in by_key.values()
        if 2 <= len(members) <= MAX_BLOCK
        for a in members
        for b in members
        if a < b
    }


def test_near_cores_are_those_sharing_a_blocking_key():
    rng = random.Random(15)
    alphabet = "华鑫五金恒通食品海淀长江商贸ab"
    cores = sorted({"".join(rng.choices(alphabet, k=rng.randint(1, 7))) for _ in range(3000)})
    c1, c2 = _near_cores(cores)
    assert set(zip(c1.tolist(), c2.tolist(), strict=True)) == _near_by_text(cores)


def test_a_mistyped_character_in_a_long_name_pairs():
    table = KeyTable()
    table.add(1, "温州鹿城和乐汽配有限公司", None, None, "0577-88881234", None)
    table.add(2, "温州鹿城和东汽配有限公司", None, None, "057788881234", None)
    table.add(3, "温州鹿城和乐餐饮有限公司", None, None, "0577-66661234", None)
    pairs, _same = candidate_pairs(table, DEFAULT_MIN_SCORE)
    assert {(0, 1)} <= set(zip(pairs[0].tolist(), pairs[1].tolist(), strict=True))
    scored = score_pairs(table, *candidate_pairs(table, DEFAULT_MIN_SCORE), DEFAULT_MIN_SCORE)
    assert [
        (table.ids[a], table.ids[b]) for a, b in zip(scored.left, scored.right, strict=True)
    ] == [(1, 2)]
