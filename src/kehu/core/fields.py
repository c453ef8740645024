"""The field catalogue: every dossier field, declared once, with the key-person and sale-line
catalogues (`kehu.core.person_fields`) and the shape of a field (`kehu.core.field_kinds`) read
through it.

Models, the card editor, Excel import/export, the PDF card and the change history all read
this module; a customer field is added here and nowhere else (a key person's or sale line's
in `person_fields`).
"""

from __future__ import annotations

from kehu.core.choices import (  # noqa: F401 - the choice lists, also read through the catalogue
    ACTIVE,
    ARCHIVED,
    BIRTHDAY_CALENDARS,
    CONSENT_BASES,
    CREDIT_RATINGS,
    CUSTOMER_STATUSES,
    DEFAULT_VISIT_KIND,
    EDUCATION,
    LUNAR,
    ORG_FORMS,
    PERSON_ROLES,
    REVIEW_STATES,
    SOLAR,
    SOURCES,
    VISIT_KINDS,
    Choice,
    choice_label,
)
from kehu.core.codes import CODE_PREFIX, code_number, customer_code  # noqa: F401
from kehu.core.field_kinds import (  # noqa: F401 - the shape of a field, read through the catalogue
    DOSSIER_PARTS,
    SECTION_LABELS,
    FieldDef,
    Kind,
    Need,
    Section,
    section_label,
)
from kehu.core.i18n import N_
from kehu.core.person_fields import (  # noqa: F401 - the key-person and sale-line catalogues
    PERSON_FIELDS,
    SALE_FIELDS,
    person_field,
    person_form_fields,
    sale_field,
)

F = FieldDef
S = Section
K = Kind

CUSTOMER_FIELDS: tuple[FieldDef, ...] = (
    # identity
    F(
        "code",
        N_("Customer code"),
        S.IDENTITY,
        K.TEXT,
        key=True,
        max_length=32,
        synonyms=("编号", "客户代码", "客户编码", "代码", "code", "customer no", "customer id"),
    ),
    F(
        "name",
        N_("Customer name"),
        S.IDENTITY,
        K.TEXT,
        key=True,
        required=True,
        max_length=200,
        synonyms=(
            "公司名称",
            "单位名称",
            "名称",
            "企业名称",
            "客户",
            "company",
            "company name",
            "name",
        ),
        on_customer_form=True,
        weight=3,
    ),
    F(
        "short_name",
        N_("Short name"),
        S.IDENTITY,
        K.TEXT,
        max_length=60,
        synonyms=("客户简称", "公司简称", "short name"),
        on_customer_form=True,
    ),
    F(
        "uscc",
        N_("Unified social credit code"),
        S.IDENTITY,
        K.USCC,
        max_length=18,
        synonyms=("信用代码", "社会信用代码", "税号", "纳税人识别号", "uscc", "credit code"),
        on_customer_form=True,
        weight=2,
    ),
    F(
        "address",
        N_("Address"),
        S.IDENTITY,
        K.TEXT,
        max_length=300,
        synonyms=("公司地址", "详细地址", "通讯地址", "地 址", "address"),
        on_customer_form=True,
        weight=3,
    ),
    F(
        "postal_code",
        N_("Postal code"),
        S.IDENTITY,
        K.POSTAL_CODE,
        max_length=6,
        synonyms=("邮政编码", "postcode", "zip", "postal code"),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "phone",
        N_("Phone"),
        S.IDENTITY,
        K.PHONE,
        max_length=40,
        synonyms=(
            "联系电话",
            "公司电话",
            "办公电话",
            "座机",
            "固定电话",
            "tel",
            "telephone",
            "phone",
        ),
        on_customer_form=True,
        weight=3,
    ),
    F(
        "fax",
        N_("Fax"),
        S.IDENTITY,
        K.PHONE,
        max_length=40,
        synonyms=("传真号码", "fax"),
        on_customer_form=True,
    ),
    F(
        "email",
        N_("Email"),
        S.IDENTITY,
        K.EMAIL,
        max_length=120,
        synonyms=("邮箱", "电子邮件", "e-mail", "email"),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "website",
        N_("Website"),
        S.IDENTITY,
        K.URL,
        max_length=200,
        synonyms=("网站", "主页", "website", "web"),
        on_customer_form=True,
    ),
    F("latitude", N_("Latitude"), S.IDENTITY, K.COORD, synonyms=("lat", "latitude")),
    F("longitude", N_("Longitude"), S.IDENTITY, K.COORD, synonyms=("lng", "lon", "longitude")),
    # 1 基础资料
    F(
        "founded_on",
        N_("Founded on"),
        S.BASICS,
        K.DATE,
        synonyms=(
            "成立日期",
            "成立时间",
            "创立时间",
            "创业日期",
            "注册日期",
            "founded",
            "founded on",
            "date founded",
        ),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "trading_since",
        N_("Trading with us since"),
        S.BASICS,
        K.DATE,
        synonyms=("交易起始时间", "开始合作时间", "合作起始日期", "trading since"),
        on_customer_form=True,
        weight=2,
        need=Need.CURRENT,
    ),
    F(
        "org_form",
        N_("Organisation form"),
        S.BASICS,
        K.CHOICE,
        choices=ORG_FORMS,
        synonyms=("组织形式", "企业类型", "公司类型", "organisation form"),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "industry",
        N_("Industry"),
        S.BASICS,
        K.TEXT,
        max_length=80,
        synonyms=("行业", "所属行业", "industry"),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "registered_capital",
        N_("Registered capital"),
        S.BASICS,
        K.MONEY,
        synonyms=("注册资金", "registered capital"),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "assets",
        N_("Assets"),
        S.BASICS,
        K.MONEY,
        synonyms=("资产总额", "总资产", "assets"),
        on_customer_form=True,
    ),
    # 2 客户特征
    F("service_area", N_("Service area"), S.FEATURES, K.LONGTEXT, on_customer_form=True, weight=1),
    F(
        "sales_capacity",
        N_("Sales capacity"),
        S.FEATURES,
        K.LONGTEXT,
        on_customer_form=True,
        weight=1,
    ),
    F(
        "potential",
        N_("Development potential"),
        S.FEATURES,
        K.LONGTEXT,
        on_customer_form=True,
        weight=1,
    ),
    F(
        "business_philosophy",
        N_("Business philosophy"),
        S.FEATURES,
        K.LONGTEXT,
        on_customer_form=True,
    ),
    F("business_policy", N_("Business policy"), S.FEATURES, K.LONGTEXT, on_customer_form=True),
    F(
        "employees",
        N_("Employees"),
        S.FEATURES,
        K.INTEGER,
        synonyms=("员工人数", "人数", "employees"),
        on_customer_form=True,
        weight=1,
    ),
    F(
        "annual_sales",
        N_("Annual sales"),
        S.FEATURES,
        K.MONEY,
        synonyms=("销售额", "年营业额", "annual sales"),
        on_customer_form=True,
        weight=1,
        need=Need.CURRENT,
    ),
    F("management_style", N_("Management style"), S.FEATURES, K.LONGTEXT, on_customer_form=True),
    # 3 业务状况
    F(
        "sales_record_notes",
        N_("Sales record"),
        S.BUSINESS,
        K.LONGTEXT,
        weight=2,
        need=Need.CURRENT,
    ),
    F(
        "staff_quality",
        N_("Quality of managers and staff"),
        S.BUSINESS,
        K.LONGTEXT,
    ),
    F(
        "competitor_relations",
        N_("Relations with competitors"),
        S.BUSINESS,
        K.LONGTEXT,
        weight=1,
        need=Need.CURRENT,
    ),
    F(
        "cooperation",
        N_("Cooperation with us"),
        S.BUSINESS,
        K.LONGTEXT,
        weight=1,
        need=Need.CURRENT,
    ),
    # 4 交易活动现状
    F("sales_activity", N_("Sales activity"), S.TRADING, K.LONGTEXT, weight=1, need=Need.CURRENT),
    F("problems", N_("Problems"), S.TRADING, K.LONGTEXT),
    F("strengths", N_("Strengths"), S.TRADING, K.LONGTEXT),
    F("countermeasures", N_("Countermeasures"), S.TRADING, K.LONGTEXT),
    F("reputation", N_("Reputation and image"), S.TRADING, K.LONGTEXT, weight=1, need=Need.CURRENT),
    F(
        "credit_status",
        N_("Credit status"),
        S.TRADING,
        K.CHOICE,
        key=True,
        choices=CREDIT_RATINGS,
        synonyms=("信用等级", "信用评级", "credit rating"),
        weight=2,
        need=Need.CURRENT,
    ),
    F(
        "credit_limit",
        N_("Credit limit"),
        S.TRADING,
        K.MONEY,
        key=True,
        synonyms=("授信额度", "credit limit"),
        weight=2,
        need=Need.CURRENT,
    ),
    F(
        "trade_terms",
        N_("Trade terms"),
        S.TRADING,
        K.LONGTEXT,
        synonyms=("付款条件", "结算方式", "trade terms"),
        weight=1,
        need=Need.CURRENT,
    ),
    F("credit_issues", N_("Past credit issues"), S.TRADING, K.LONGTEXT),
    # management (owner, created/updated and version are model columns, not editable fields)
    F(
        "filed_on",
        N_("Filed on"),
        S.MANAGEMENT,
        K.DATE,
        synonyms=("建档日期", "建档时间", "建档日", "入档日期", "登记日期", "date filed"),
    ),
    F(
        "notes",
        N_("Notes"),
        S.MANAGEMENT,
        K.LONGTEXT,
        synonyms=("备注信息", "客户备注", "说明", "remarks", "remark", "comments", "memo"),
    ),
    F("source", N_("Source"), S.MANAGEMENT, K.CHOICE, choices=SOURCES),
    F("review_state", N_("Review state"), S.MANAGEMENT, K.CHOICE, choices=REVIEW_STATES),
)
del F, S, K

_CUSTOMER_BY_NAME = {f.name: f for f in CUSTOMER_FIELDS}


def customer_field(name: str) -> FieldDef:
    return _CUSTOMER_BY_NAME[name]


def fields_in(section: Section, catalogue: tuple[FieldDef, ...] = CUSTOMER_FIELDS):
    return tuple(f for f in catalogue if f.section == section)


def customer_form_fields(section: Section | None = None) -> tuple[FieldDef, ...]:
    """The customer fields the customer-filled form (客户资料表) asks, in catalogue order."""
    return tuple(f for f in CUSTOMER_FIELDS if f.on_customer_form and section in (None, f.section))
