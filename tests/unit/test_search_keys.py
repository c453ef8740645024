"""Normalisation, pinyin with polyphones and phone digits for search keys."""

from __future__ import annotations

from kehu.core.search_keys import (
    IDENT,
    NAME,
    PINYIN,
    customer_keys,
    normalize,
    person_keys,
    person_name_keys,
    phone_keys,
    pinyin_keys,
    query_phone,
    split_words,
    upper_bound,
)


def test_normalize_full_width_case_spaces_punctuation():
    assert normalize("ＡＢＣ 贸易（北京）") == "abc贸易北京"
    assert normalize("  Hello-World ") == "helloworld"
    assert normalize("北京海淀") == "北京海淀"


def test_pinyin_full_and_initials():
    assert pinyin_keys("北京") == ("beijing", "bj")
    assert pinyin_keys("abc贸易") == ("abcmaoyi", "abcmy")
    assert pinyin_keys("abc") == ()
    assert pinyin_keys("绿洲") == ("lvzhou", "lz")


def test_polyphones_have_their_common_readings():
    assert {"chongqing", "cq"} <= set(pinyin_keys("重庆"))
    assert {"changsha", "cs"} <= set(pinyin_keys("长沙"))
    assert "yinhang" in pinyin_keys("银行")
    assert "shanxian" in pinyin_keys("单县")
    assert pinyin_keys("重庆")[0] == "chongqing"  # the reading in context comes first
    assert len(pinyin_keys("重重重重重重")) <= 8  # bounded: at most 4 readings, 2 forms each


def test_phone_queries():
    assert query_phone("010-6258 1234") == "01062581234"
    assert query_phone("+86 138 0013 8000") == "13800138000"
    assert query_phone("0086-138") == "138"
    assert query_phone("北京") is None
    assert query_phone("kh0001") is None


def test_split_words():
    assert split_words("北京　华鑫  ＫＨ") == ["北京", "华鑫", "kh"]
    assert split_words("  ") == []


def test_customer_keys_kinds_and_dedup():
    rows, _text = customer_keys(
        "KH000001", "北京华鑫", "北京华鑫", "91110108MA01ABCD1X", "010-1234 5678"
    )
    assert (NAME, "北京华鑫") in rows
    assert [k for k, _ in rows].count(NAME) == 1  # the short name equal to the name: one key
    assert (PINYIN, "bjhx") in rows
    assert (IDENT, "kh000001") in rows
    assert (IDENT, "91110108ma01abcd1x") in rows
    assert (IDENT, "01012345678") in rows


def test_trigram_text_skips_a_short_name_inside_the_name():
    rows, text = customer_keys(None, "北京华鑫商贸有限公司", "华鑫商贸", None, None)
    assert text == "北京华鑫商贸有限公司"
    assert (NAME, "华鑫商贸") in rows and (PINYIN, "hxsm") in rows
    assert customer_keys(None, "北京华鑫商贸有限公司", "华鑫集团", None, None)[1] == (
        "北京华鑫商贸有限公司 华鑫集团"
    )


def test_person_keys():
    keys = person_name_keys("单雄信")
    assert "单雄信" in keys and "shanxiongxin" in keys and "sxx" in keys
    assert person_name_keys("  ") == ()
    assert person_keys("+86 139-1234-5678", "0571-8888 1234") == ["13912345678", "057188881234"]


def test_upper_bound_covers_every_continuation():
    bound = upper_bound("bj")
    assert "bj" < "bjzzzz" < bound
    assert bound > "bj\uffff北京"
    assert bound < "bk"


def test_phone_keys_match_phone_digits():
    assert phone_keys("8613812345678", "13812345678") == ("13812345678",)
    assert phone_keys("0086 138 1234 5678") == ("13812345678",)
    assert phone_keys("010-1234 5678", "12") == ("01012345678",)


def test_phone_digits_fast_path_agrees_with_phone_digits():
    from kehu.core.validation import phone_digits

    for number in (
        "010-1234 5678",
        "(0755) 8888-1234",
        "0086 13812345678",
        "8613812345678",
        "+86 138 1234 5678",
        "１３８１２３４５６７８",
        "0571.8888.1234",
        "138",
    ):
        assert phone_keys(number) == (
            (phone_digits(number),) if len(phone_digits(number)) >= 3 else ()
        )


def test_place_names_read_as_places_and_their_other_readings_are_alternatives():
    from kehu.core.search_keys import PLACE_READINGS, POLYPHONES, pinyin_readings

    for place, syllables in PLACE_READINGS.items():
        assert any(ch in POLYPHONES for ch in place), place  # else the fast path skips it
        main, _alternatives = pinyin_readings(place)
        assert main[0] == "".join(syllables), place
    assert pinyin_readings("长沙") == (("changsha", "cs"), ("zhangsha", "zs"))
    assert pinyin_readings("盛世")[1] == ("chengshi", "cs")  # the rare reading of 盛
    assert pinyin_readings("曾庆")[0] == ("zengqing", "zq")  # the surname, out of context
    assert pinyin_readings("北京") == (("beijing", "bj"), ())


def test_sort_keys_order_by_pinyin_syllable_by_syllable():
    from kehu.core.search_keys import SORT_TIE, sort_key

    names = ["上海", "北京", "安徽", "先锋", "西安", "厦门", "长沙", "重庆", "ABC", "3D", "常沙"]
    assert sorted(names, key=sort_key) == [
        "3D", "ABC", "安徽", "北京", "常沙", "长沙", "重庆", "上海", "西安", "厦门", "先锋",
    ]  # fmt: skip
    assert sort_key("重庆火锅") == f"chong qing huo guo{SORT_TIE}重庆火锅"
    assert sort_key(None) == sort_key("") == ""
    assert len(sort_key("长" * 200)) <= 160 + 1 + 80
