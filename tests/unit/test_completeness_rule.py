"""The completeness rule (档案健全度): weights from the catalogue, items by 客户阶段."""

from __future__ import annotations

from kehu.core import completeness as rule
from kehu.core.completeness import Stage, score, stage_of
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, Need, customer_field

BASIC_VALUES = {
    "name": "北京海淀科技有限公司",
    "uscc": "91110108MA01ABCD1X",
    "address": "北京市海淀区中关村大街1号",
    "postal_code": "100080",
    "phone": "010-88888888",
    "email": "info@example.cn",
    "founded_on": "2010-05-01",
    "org_form": "limited",
    "industry": "软件",
    "registered_capital": 100_000_000,
    "service_area": "华北",
    "sales_capacity": "强",
    "potential": "大",
    "employees": 120,
}
BUSINESS_VALUES = {
    "trading_since": "2018-01-01",
    "annual_sales": 5_000_000_00,
    "sales_record_notes": "稳定",
    "competitor_relations": "一般",
    "cooperation": "积极",
    "sales_activity": "活跃",
    "reputation": "良好",
    "credit_status": "AA",
    "credit_limit": 50_000_00,
    "trade_terms": "月结30天",
}
PERSONS = [{"name": "张伟", "mobile": "13800000000"}]
BASIC_SCHEMES = {"region", "trade_type", "stage", "nature"}


def test_weights_are_declared_once_in_the_catalogue():
    assert customer_field("name").weight == 3 and customer_field("phone").weight == 3
    assert customer_field("credit_limit").need is Need.CURRENT
    keys = {i.key for i in rule.ITEMS}
    assert keys == (
        {f.name for f in CUSTOMER_FIELDS if f.weight}
        | {f"person.{f.name}" for f in PERSON_FIELDS if f.weight}
        | {"scheme.region", "scheme.trade_type", "scheme.grade", "scheme.stage", "scheme.nature"}
    )
    key_items = {i.key for i in rule.ITEMS if i.weight == 3}
    assert {"name", "address", "phone", "person.mobile", "scheme.region"} <= key_items
    assert {"scheme.trade_type", "scheme.grade"} <= key_items


def test_a_prospect_needs_only_the_basic_data():
    result = score(BASIC_VALUES, PERSONS, BASIC_SCHEMES, Stage.PROSPECTIVE)
    assert result == rule.Score(100, ())


def test_an_established_customer_needs_the_business_parts_too():
    result = score(BASIC_VALUES, PERSONS, BASIC_SCHEMES, Stage.ESTABLISHED)
    assert result.percent < 100
    assert set(result.missing) == {*BUSINESS_VALUES, "scheme.grade"}
    assert result.missing[0] == "scheme.grade"  # the key item first
    full = score({**BASIC_VALUES, **BUSINESS_VALUES}, PERSONS, BASIC_SCHEMES | {"grade"}, Stage.NEW)
    assert full == rule.Score(100, ())


def test_key_items_weigh_more_and_the_score_is_rounded_down():
    without_phone = score({**BASIC_VALUES, "phone": "  "}, PERSONS, BASIC_SCHEMES, None)
    without_email = score({**BASIC_VALUES, "email": None}, PERSONS, BASIC_SCHEMES, None)
    assert without_phone.missing == ("phone",) and without_email.missing == ("email",)
    assert without_phone.percent < without_email.percent < 100
    assert without_email.percent == 100 * 35 // 36  # basic items weigh 36 in all


def test_a_key_person_needs_a_mobile():
    no_mobile = score(BASIC_VALUES, [{"name": "张伟", "mobile": ""}], BASIC_SCHEMES, None)
    assert no_mobile.missing == ("person.mobile",)
    nobody = score(BASIC_VALUES, [], BASIC_SCHEMES, None)
    assert nobody.missing == ("person.name", "person.mobile")
    second = [{"name": "张伟"}, {"name": "李娜", "mobile": "13900000000"}]
    assert score(BASIC_VALUES, second, BASIC_SCHEMES, None).missing == ()


def test_an_empty_dossier_lists_every_item_heaviest_first():
    result = score({"name": "某公司"}, stage=Stage.ESTABLISHED)
    weights = [rule.ITEM_BY_KEY[k].weight for k in result.missing]
    assert weights == sorted(weights, reverse=True)
    assert "name" not in result.missing and result.percent == 100 * 3 // 53


def test_the_stage_is_read_from_the_category_name_in_either_language():
    assert stage_of("未来客户") is Stage.PROSPECTIVE
    assert stage_of("Prospective customer") is Stage.PROSPECTIVE
    assert stage_of("老客户") is Stage.ESTABLISHED and stage_of("潜在客户") is Stage.PROSPECTIVE
    assert stage_of("重点跟进", position=1) is Stage.NEW  # renamed: its place says it
    assert stage_of("重点跟进") is None
    assert stage_of("Some name", builtin_key="stage.prospective") is Stage.PROSPECTIVE
    assert rule.items_for(None) == rule.items_for(Stage.PROSPECTIVE)
