"""The key-person and sale-line catalogues: every field of a key person (关键人物) and of a sale
line (销售实绩), declared once, read through `kehu.core.fields` like the customer's."""

from __future__ import annotations

from kehu.core.choices import BIRTHDAY_CALENDARS, CONSENT_BASES, EDUCATION, LUNAR, PERSON_ROLES
from kehu.core.field_kinds import FieldDef, Kind, Section
from kehu.core.i18n import N_

F = FieldDef
S = Section
K = Kind

PERSON_FIELDS: tuple[FieldDef, ...] = (
    F(
        "role",
        N_("Role"),
        S.PERSON,
        K.CHOICE,
        key=True,
        choices=PERSON_ROLES,
        synonyms=("身份", "职务类别", "role"),
        on_customer_form=True,
    ),
    F(
        "name",
        N_("Name"),
        S.PERSON,
        K.TEXT,
        key=True,
        required=True,
        max_length=60,
        synonyms=("联系人", "联系人姓名", "负责人", "contact", "contact name"),
        on_customer_form=True,
        weight=3,
    ),
    F(
        "title",
        N_("Title"),
        S.PERSON,
        K.TEXT,
        max_length=60,
        synonyms=("职位", "title"),
        on_customer_form=True,
    ),
    F(
        "mobile",
        N_("Mobile"),
        S.PERSON,
        K.MOBILE,
        max_length=20,
        synonyms=(
            "手机号",
            "手机号码",
            "联系人手机",
            "移动电话",
            "手机号码1",
            "mobile",
            "cell",
            "mobile phone",
        ),
        on_customer_form=True,
        weight=3,
    ),
    F(
        "phone",
        N_("Phone"),
        S.PERSON,
        K.PHONE,
        max_length=40,
        synonyms=("联系人电话", "办公电话", "联系人座机"),
        on_customer_form=True,
    ),
    F(
        "email",
        N_("Email"),
        S.PERSON,
        K.EMAIL,
        max_length=120,
        synonyms=("联系人邮箱",),
        on_customer_form=True,
    ),
    F(
        "wechat",
        N_("WeChat"),
        S.PERSON,
        K.TEXT,
        max_length=60,
        synonyms=("微信号", "wechat"),
        on_customer_form=True,
    ),
    F(
        "birthday",
        N_("Birthday"),
        S.PERSON,
        K.DATE,
        sensitive=True,
        synonyms=("出生日期", "birthday"),
    ),
    F(
        "birthday_lunar",
        N_("Birthday calendar"),
        S.PERSON,
        K.CHOICE,
        choices=BIRTHDAY_CALENDARS,
        synonyms=(
            "生日历法",
            "生日类型",
            "公历/农历",
            "农历/公历",
            "阴历/阳历",
            "birthday calendar",
        ),
        flag_value=LUNAR,  # the column birthday_lunar of migration 6
    ),
    F("age", N_("Age"), S.PERSON, K.INTEGER),
    F("education", N_("Education"), S.PERSON, K.CHOICE, choices=EDUCATION),
    F("personality", N_("Personality"), S.PERSON, K.LONGTEXT, sensitive=True),
    F("hobbies", N_("Hobbies"), S.PERSON, K.LONGTEXT, sensitive=True),
    F("family", N_("Family"), S.PERSON, K.LONGTEXT, sensitive=True),
    F("ability", N_("Ability"), S.PERSON, K.LONGTEXT),
    F(
        "id_number",
        N_("Resident ID number"),
        S.PERSON,
        K.ID_NUMBER,
        sensitive=True,
        max_length=18,
        synonyms=(
            "身份证",
            "身份证号码",
            "法人身份证号",
            "法人身份证",
            "身份证件号码",
            "证件号码",
            "id number",
            "id card",
        ),
    ),
    F("notes", N_("Notes"), S.PERSON, K.LONGTEXT, synonyms=("联系人备注", "contact notes")),
    F("consent_basis", N_("Legal basis"), S.CONSENT, K.CHOICE, choices=CONSENT_BASES),
    F("consent_date", N_("Consent date"), S.CONSENT, K.DATE),
    F("consent_channel", N_("Consent channel"), S.CONSENT, K.TEXT, max_length=60),
    F("consent_withdrawn_on", N_("Consent withdrawn on"), S.CONSENT, K.DATE),
)

_PERSON_BY_NAME = {f.name: f for f in PERSON_FIELDS}


def person_field(name: str) -> FieldDef:
    return _PERSON_BY_NAME[name]


def person_form_fields() -> tuple[FieldDef, ...]:
    """The key-person fields the customer-filled form asks for each person."""
    return tuple(f for f in PERSON_FIELDS if f.on_customer_form)


# Sale lines (销售实绩, §1.6): imported from Excel or entered; keys as the import maps them.
SALE_FIELDS: tuple[FieldDef, ...] = (
    F("sale_date", N_("Date"), S.MANAGEMENT, K.DATE),
    F("product", N_("Product"), S.MANAGEMENT, max_length=120),
    F("product_code", N_("Product code"), S.MANAGEMENT, max_length=32),
    F("category", N_("Product category"), S.MANAGEMENT, max_length=60),
    F("quantity", N_("Quantity"), S.MANAGEMENT, K.LONGTEXT),
    F("amount", N_("Amount"), S.MANAGEMENT, K.MONEY),
)
del F, S, K

_SALE_BY_NAME = {f.name: f for f in SALE_FIELDS}


def sale_field(name: str) -> FieldDef:
    return _SALE_BY_NAME[name]
