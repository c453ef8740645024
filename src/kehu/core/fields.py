"""The field catalogue: every dossier and key-person field, declared once.

Models, the card editor, Excel import/export, the PDF card and the change history all read
this module; a field is added here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # paragraphs
    DATE = "date"
    MONEY = "money"  # Decimal in the UI, integer cents in the database
    INTEGER = "integer"
    COORD = "coord"  # latitude / longitude in degrees
    CHOICE = "choice"
    EMAIL = "email"
    URL = "url"
    PHONE = "phone"
    MOBILE = "mobile"
    USCC = "uscc"
    ID_NUMBER = "id_number"
    POSTAL_CODE = "postal_code"


class Section(StrEnum):
    IDENTITY = "identity"
    BASICS = "basics"  # 1 基础资料
    FEATURES = "features"  # 2 客户特征
    BUSINESS = "business"  # 3 业务状况
    TRADING = "trading"  # 4 交易活动现状
    MANAGEMENT = "management"
    PERSON = "person"
    CONSENT = "consent"


SECTION_LABELS: dict[Section, tuple[str, str]] = {
    Section.IDENTITY: ("客户资料", "Identity"),
    Section.BASICS: ("基础资料", "Basic information"),
    Section.FEATURES: ("客户特征", "Customer features"),
    Section.BUSINESS: ("业务状况", "Business situation"),
    Section.TRADING: ("交易活动现状", "Trading activity"),
    Section.MANAGEMENT: ("档案管理", "Record management"),
    Section.PERSON: ("关键人物", "Key person"),
    Section.CONSENT: ("个人信息同意", "Consent (PIPL)"),
}

# The four parts of the seed's 客户管理内容, in the order the card shows them.
DOSSIER_PARTS: tuple[Section, ...] = (
    Section.BASICS,
    Section.FEATURES,
    Section.BUSINESS,
    Section.TRADING,
)


@dataclass(frozen=True)
class Choice:
    value: str
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class FieldDef:
    name: str
    zh: str
    en: str
    section: Section
    kind: Kind = Kind.TEXT
    sensitive: bool = False  # masked in lists, cards and exports unless revealed
    key: bool = False  # a key item: highlighted on the printed and Excel card
    required: bool = False
    max_length: int | None = None
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    synonyms: tuple[str, ...] = ()  # other header names seen in users' spreadsheets

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en

    def choice_label(self, value: str | None, lang: str = "zh") -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label(lang)
        return value or ""


CREDIT_RATINGS = (
    Choice("AAA", "AAA 信用极好", "AAA excellent"),
    Choice("AA", "AA 信用优良", "AA very good"),
    Choice("A", "A 信用较好", "A good"),
    Choice("B", "B 信用一般", "B fair"),
    Choice("C", "C 信用较差", "C poor"),
    Choice("D", "D 信用很差", "D bad"),
)

SOURCES = (
    Choice("visit", "推销员访问", "Salesperson visit"),
    Choice("customer_form", "客户填写", "Filled in by customer"),
    Choice("agency", "专业调查机构", "Investigation agency"),
    Choice("import", "导入", "Imported"),
)

REVIEW_STATES = (
    Choice("trusted", "已审核", "Reviewed"),
    Choice("pending", "待审核", "Pending review"),
    Choice("rejected", "未通过", "Rejected"),
)

STATUSES = (
    Choice("active", "正常", "Active"),
    Choice("archived", "已归档", "Archived"),
)

ORG_FORMS = (
    Choice("state", "国有企业", "State-owned enterprise"),
    Choice("collective", "集体企业", "Collective enterprise"),
    Choice("private", "私营企业", "Private enterprise"),
    Choice("llc", "有限责任公司", "Limited liability company"),
    Choice("joint_stock", "股份有限公司", "Joint-stock company"),
    Choice("joint_venture", "中外合资企业", "Joint venture"),
    Choice("sole", "个体工商户", "Individual business"),
    Choice("partnership", "合伙企业", "Partnership"),
    Choice("government", "机关事业单位", "Government institution"),
    Choice("other", "其他", "Other"),
)

PERSON_ROLES = (
    Choice("owner", "所有者", "Owner"),
    Choice("manager", "经营管理者", "Manager"),
    Choice("legal", "法人代表", "Legal representative"),
    Choice("purchasing", "采购", "Purchasing"),
    Choice("finance", "财务", "Finance"),
    Choice("other", "其他", "Other"),
)

EDUCATION = (
    Choice("primary", "小学", "Primary school"),
    Choice("middle", "初中", "Middle school"),
    Choice("high", "高中/中专", "High school"),
    Choice("college", "大专", "College"),
    Choice("bachelor", "本科", "Bachelor"),
    Choice("master", "硕士", "Master"),
    Choice("doctor", "博士", "Doctorate"),
)

CONSENT_BASES = (
    Choice("consent", "本人同意", "Consent"),
    Choice("contract", "履行合同所必需", "Necessary for a contract"),
    Choice("public", "已公开信息", "Publicly disclosed"),
    Choice("other", "其他法定情形", "Other legal basis"),
)

F = FieldDef
S = Section
K = Kind

CUSTOMER_FIELDS: tuple[FieldDef, ...] = (
    # identity
    F(
        "code",
        "客户编号",
        "Customer code",
        S.IDENTITY,
        K.TEXT,
        key=True,
        max_length=32,
        synonyms=("编号", "客户代码", "客户编码", "代码", "code", "customer no", "customer id"),
    ),
    F(
        "name",
        "客户名称",
        "Customer name",
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
    ),
    F(
        "short_name",
        "简称",
        "Short name",
        S.IDENTITY,
        K.TEXT,
        max_length=60,
        synonyms=("客户简称", "公司简称", "short name"),
    ),
    F(
        "uscc",
        "统一社会信用代码",
        "Unified social credit code",
        S.IDENTITY,
        K.USCC,
        max_length=18,
        synonyms=("信用代码", "社会信用代码", "税号", "纳税人识别号", "uscc", "credit code"),
    ),
    F(
        "address",
        "地址",
        "Address",
        S.IDENTITY,
        K.TEXT,
        max_length=300,
        synonyms=("公司地址", "详细地址", "通讯地址", "地 址", "address"),
    ),
    F(
        "postal_code",
        "邮编",
        "Postal code",
        S.IDENTITY,
        K.POSTAL_CODE,
        max_length=6,
        synonyms=("邮政编码", "postcode", "zip", "postal code"),
    ),
    F(
        "phone",
        "电话",
        "Phone",
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
    ),
    F("fax", "传真", "Fax", S.IDENTITY, K.PHONE, max_length=40, synonyms=("传真号码", "fax")),
    F(
        "email",
        "电子邮箱",
        "Email",
        S.IDENTITY,
        K.EMAIL,
        max_length=120,
        synonyms=("邮箱", "电子邮件", "e-mail", "email"),
    ),
    F(
        "website",
        "网址",
        "Website",
        S.IDENTITY,
        K.URL,
        max_length=200,
        synonyms=("网站", "主页", "website", "web"),
    ),
    F("latitude", "纬度", "Latitude", S.IDENTITY, K.COORD, synonyms=("lat", "latitude")),
    F("longitude", "经度", "Longitude", S.IDENTITY, K.COORD, synonyms=("lng", "lon", "longitude")),
    # 1 基础资料
    F(
        "founded_on",
        "创业时间",
        "Founded on",
        S.BASICS,
        K.DATE,
        synonyms=("成立日期", "成立时间", "创立时间", "founded"),
    ),
    F(
        "trading_since",
        "与本公司交易起始时间",
        "Trading with us since",
        S.BASICS,
        K.DATE,
        synonyms=("交易起始时间", "开始合作时间", "合作起始日期", "trading since"),
    ),
    F(
        "org_form",
        "企业组织形式",
        "Organisation form",
        S.BASICS,
        K.CHOICE,
        choices=ORG_FORMS,
        synonyms=("组织形式", "企业类型", "公司类型", "organisation form"),
    ),
    F(
        "industry",
        "业种",
        "Industry",
        S.BASICS,
        K.TEXT,
        max_length=80,
        synonyms=("行业", "所属行业", "industry"),
    ),
    F(
        "registered_capital",
        "注册资本",
        "Registered capital",
        S.BASICS,
        K.MONEY,
        synonyms=("注册资金", "registered capital"),
    ),
    F("assets", "资产", "Assets", S.BASICS, K.MONEY, synonyms=("资产总额", "总资产", "assets")),
    # 2 客户特征
    F("service_area", "服务区域", "Service area", S.FEATURES, K.LONGTEXT),
    F("sales_capacity", "销售能力", "Sales capacity", S.FEATURES, K.LONGTEXT),
    F("potential", "发展潜力", "Development potential", S.FEATURES, K.LONGTEXT),
    F("business_philosophy", "经营观念", "Business philosophy", S.FEATURES, K.LONGTEXT),
    F("business_policy", "经营方针与政策", "Business policy", S.FEATURES, K.LONGTEXT),
    F(
        "employees",
        "职工人数",
        "Employees",
        S.FEATURES,
        K.INTEGER,
        synonyms=("员工人数", "人数", "employees"),
    ),
    F(
        "annual_sales",
        "年销售额",
        "Annual sales",
        S.FEATURES,
        K.MONEY,
        synonyms=("销售额", "年营业额", "annual sales"),
    ),
    F("management_style", "经营管理特点", "Management style", S.FEATURES, K.LONGTEXT),
    # 3 业务状况
    F("sales_record_notes", "销售实绩", "Sales record", S.BUSINESS, K.LONGTEXT),
    F(
        "staff_quality",
        "经营管理者和业务人员的素质",
        "Quality of managers and staff",
        S.BUSINESS,
        K.LONGTEXT,
    ),
    F(
        "competitor_relations",
        "与其他竞争公司的关系",
        "Relations with competitors",
        S.BUSINESS,
        K.LONGTEXT,
    ),
    F("cooperation", "与本公司的业务联系及合作态度", "Cooperation with us", S.BUSINESS, K.LONGTEXT),
    # 4 交易活动现状
    F("sales_activity", "客户的销售活动状况", "Sales activity", S.TRADING, K.LONGTEXT),
    F("problems", "存在的问题", "Problems", S.TRADING, K.LONGTEXT),
    F("strengths", "保持的优势", "Strengths", S.TRADING, K.LONGTEXT),
    F("countermeasures", "未来的对策", "Countermeasures", S.TRADING, K.LONGTEXT),
    F("reputation", "企业信誉与形象", "Reputation and image", S.TRADING, K.LONGTEXT),
    F(
        "credit_status",
        "信用状况",
        "Credit status",
        S.TRADING,
        K.CHOICE,
        key=True,
        choices=CREDIT_RATINGS,
        synonyms=("信用等级", "信用评级", "credit rating"),
    ),
    F(
        "credit_limit",
        "信用额度",
        "Credit limit",
        S.TRADING,
        K.MONEY,
        key=True,
        synonyms=("授信额度", "credit limit"),
    ),
    F(
        "trade_terms",
        "交易条件",
        "Trade terms",
        S.TRADING,
        K.LONGTEXT,
        synonyms=("付款条件", "结算方式", "trade terms"),
    ),
    F("credit_issues", "以往出现的信用问题", "Past credit issues", S.TRADING, K.LONGTEXT),
    # management (owner, created/updated and version are model columns, not editable fields)
    F("source", "资料来源", "Source", S.MANAGEMENT, K.CHOICE, choices=SOURCES),
    F("review_state", "审核状态", "Review state", S.MANAGEMENT, K.CHOICE, choices=REVIEW_STATES),
)

PERSON_FIELDS: tuple[FieldDef, ...] = (
    F(
        "role",
        "角色",
        "Role",
        S.PERSON,
        K.CHOICE,
        key=True,
        choices=PERSON_ROLES,
        synonyms=("身份", "职务类别", "role"),
    ),
    F(
        "name",
        "姓名",
        "Name",
        S.PERSON,
        K.TEXT,
        key=True,
        required=True,
        max_length=60,
        synonyms=("联系人", "联系人姓名", "负责人", "contact", "contact name"),
    ),
    F("title", "职务", "Title", S.PERSON, K.TEXT, max_length=60, synonyms=("职位", "title")),
    F(
        "mobile",
        "手机",
        "Mobile",
        S.PERSON,
        K.MOBILE,
        max_length=20,
        synonyms=("手机号", "手机号码", "联系人手机", "mobile", "cell"),
    ),
    F(
        "phone",
        "电话",
        "Phone",
        S.PERSON,
        K.PHONE,
        max_length=40,
        synonyms=("联系人电话", "办公电话"),
    ),
    F("email", "电子邮箱", "Email", S.PERSON, K.EMAIL, max_length=120, synonyms=("联系人邮箱",)),
    F("wechat", "微信", "WeChat", S.PERSON, K.TEXT, max_length=60, synonyms=("微信号", "wechat")),
    F(
        "birthday",
        "生日",
        "Birthday",
        S.PERSON,
        K.DATE,
        sensitive=True,
        synonyms=("出生日期", "birthday"),
    ),
    F("age", "年龄", "Age", S.PERSON, K.INTEGER),
    F("education", "学历", "Education", S.PERSON, K.CHOICE, choices=EDUCATION),
    F("personality", "性格", "Personality", S.PERSON, K.LONGTEXT, sensitive=True),
    F("hobbies", "嗜好", "Hobbies", S.PERSON, K.LONGTEXT, sensitive=True),
    F("family", "家庭", "Family", S.PERSON, K.LONGTEXT, sensitive=True),
    F("ability", "能力", "Ability", S.PERSON, K.LONGTEXT),
    F(
        "id_number",
        "身份证号",
        "Resident ID number",
        S.PERSON,
        K.ID_NUMBER,
        sensitive=True,
        max_length=18,
        synonyms=("身份证", "身份证号码", "id number"),
    ),
    F("notes", "备注", "Notes", S.PERSON, K.LONGTEXT),
    F("consent_basis", "处理依据", "Legal basis", S.CONSENT, K.CHOICE, choices=CONSENT_BASES),
    F("consent_date", "同意日期", "Consent date", S.CONSENT, K.DATE),
    F("consent_channel", "同意方式", "Consent channel", S.CONSENT, K.TEXT, max_length=60),
)

del F, S, K

_CUSTOMER_BY_NAME = {f.name: f for f in CUSTOMER_FIELDS}
_PERSON_BY_NAME = {f.name: f for f in PERSON_FIELDS}


def customer_field(name: str) -> FieldDef:
    return _CUSTOMER_BY_NAME[name]


def person_field(name: str) -> FieldDef:
    return _PERSON_BY_NAME[name]


def fields_in(section: Section, catalogue: tuple[FieldDef, ...] = CUSTOMER_FIELDS):
    return tuple(f for f in catalogue if f.section == section)


# Fields the user edits on the card (the rest of the catalogue is set by the system).
EDITABLE_CUSTOMER_FIELDS = tuple(f for f in CUSTOMER_FIELDS if f.name != "code")
