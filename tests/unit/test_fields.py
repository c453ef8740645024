"""The field catalogue and the models agree: every field is a column of the right type."""

from peewee import CharField, DateField, FloatField, IntegerField, TextField

from kehu.core.fields import (
    CUSTOMER_FIELDS,
    DOSSIER_PARTS,
    PERSON_FIELDS,
    SECTION_LABELS,
    Kind,
    Section,
    section_label,
)
from kehu.db.models import Customer, KeyPerson

EXPECTED_COLUMN = {
    Kind.LONGTEXT: TextField,
    Kind.DATE: DateField,
    Kind.MONEY: IntegerField,
    Kind.INTEGER: IntegerField,
    Kind.COORD: FloatField,
}
CUSTOMER_SYSTEM_COLUMNS = {
    "id",
    "owner",
    "status",
    "archived_at",
    "name_sort",  # pinyin sort keys (migration 13)
    "short_name_sort",
    "version",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "custom_fields",
    "import_batch",
    "completeness",  # stored 档案健全度 (migration 6)
}


def _check(model, catalogue, system):
    columns = model._meta.fields
    for field in catalogue:
        assert field.name in columns, field.name
        expected = EXPECTED_COLUMN.get(field.kind, CharField)
        if field.flag_value is not None:  # a choice kept as 0/1 (birthday_lunar)
            expected = IntegerField
        assert isinstance(columns[field.name], expected), field.name
        if (
            field.name != "code" and field.flag_value is None
        ):  # assigned by the system, never empty in the table
            assert columns[field.name].null == (not field.required), field.name
    names = {f.name for f in catalogue}
    assert set(columns) - names == system


def test_customer_columns_come_from_the_catalogue():
    _check(Customer, CUSTOMER_FIELDS, CUSTOMER_SYSTEM_COLUMNS)


def test_key_person_columns_come_from_the_catalogue():
    system = {"id", "customer", "position", "created_at", "updated_at"}
    _check(KeyPerson, PERSON_FIELDS, system)


def test_every_design_field_is_declared_once_with_both_labels():
    design = [
        "code",
        "name",
        "short_name",
        "uscc",
        "address",
        "postal_code",
        "phone",
        "fax",
        "email",
        "website",
        "latitude",
        "longitude",
        "founded_on",
        "trading_since",
        "org_form",
        "industry",
        "registered_capital",
        "assets",
        "service_area",
        "sales_capacity",
        "potential",
        "business_philosophy",
        "business_policy",
        "employees",
        "annual_sales",
        "management_style",
        "sales_record_notes",
        "staff_quality",
        "competitor_relations",
        "cooperation",
        "sales_activity",
        "problems",
        "strengths",
        "countermeasures",
        "reputation",
        "credit_status",
        "credit_limit",
        "trade_terms",
        "credit_issues",
        "filed_on",  # 建档日期 and 备注, which users' sheets carry (issue 18)
        "notes",
        "source",
        "review_state",
    ]
    names = [f.name for f in CUSTOMER_FIELDS]
    assert sorted(names) == sorted(design)
    person = [
        "role",
        "name",
        "title",
        "mobile",
        "phone",
        "email",
        "wechat",
        "birthday",
        "birthday_lunar",  # solar or lunar (农历), issue 15
        "age",
        "education",
        "personality",
        "hobbies",
        "family",
        "ability",
        "notes",
        "id_number",
        "consent_basis",
        "consent_date",
        "consent_channel",
        "consent_withdrawn_on",
    ]
    assert sorted(f.name for f in PERSON_FIELDS) == sorted(person)
    for field in CUSTOMER_FIELDS + PERSON_FIELDS:
        assert field.label("zh_CN") != field.text and field.label("en") == field.text
        assert field.section in SECTION_LABELS


def test_the_four_parts_of_the_seed_in_order():
    assert DOSSIER_PARTS == (Section.BASICS, Section.FEATURES, Section.BUSINESS, Section.TRADING)
    assert [section_label(s, "zh_CN") for s in DOSSIER_PARTS] == [
        "基础资料",
        "客户特征",
        "业务状况",
        "交易活动现状",
    ]


def test_sensitive_fields_are_flagged():
    sensitive = {f.name for f in PERSON_FIELDS if f.sensitive}
    assert {"id_number", "birthday", "family"} <= sensitive
