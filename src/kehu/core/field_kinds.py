"""The shape of a catalogue field: its kind of value, the card section it sits in, the stage of
a customer from which it counts towards completeness, and `FieldDef` itself.

The catalogues (`kehu.core.fields`, `kehu.core.person_fields`) declare their fields with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kehu.core.choices import Choice
from kehu.core.i18n import N_, translate


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


class Need(StrEnum):
    """From which 客户阶段 a field counts towards the dossier's completeness (档案健全度)."""

    BASIC = "basic"  # every customer, also a 未来客户 (prospect): the basic data
    CURRENT = "current"  # 老客户 and 新客户 (current customers): the business parts too


class Section(StrEnum):
    IDENTITY = "identity"
    BASICS = "basics"  # 1 基础资料
    FEATURES = "features"  # 2 客户特征
    BUSINESS = "business"  # 3 业务状况
    TRADING = "trading"  # 4 交易活动现状
    MANAGEMENT = "management"
    PERSON = "person"
    CONSENT = "consent"


SECTION_LABELS: dict[Section, str] = {  # English sources; section_label() translates
    Section.IDENTITY: N_("Identity"),
    Section.BASICS: N_("Basic information"),
    Section.FEATURES: N_("Customer features"),
    Section.BUSINESS: N_("Business situation"),
    Section.TRADING: N_("Trading activity"),
    Section.MANAGEMENT: N_("Record management"),
    Section.PERSON: N_("Key person"),
    Section.CONSENT: N_("Consent (PIPL)"),
}

# The four parts of the seed's 客户管理内容, in the order the card shows them.
DOSSIER_PARTS: tuple[Section, ...] = (
    Section.BASICS,
    Section.FEATURES,
    Section.BUSINESS,
    Section.TRADING,
)


def section_label(section: Section, lang: str) -> str:
    return translate(SECTION_LABELS[section], lang)


@dataclass(frozen=True)
class FieldDef:
    name: str
    text: str  # English source (N_), translated by label()
    section: Section
    kind: Kind = Kind.TEXT
    sensitive: bool = False  # masked by kehu.core.sensitivity unless the user may reveal
    key: bool = False  # a key item: highlighted on the printed and Excel card
    required: bool = False
    max_length: int | None = None
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    synonyms: tuple[str, ...] = ()  # other header names seen in users' spreadsheets
    on_customer_form: bool = False  # asked on the customer-filled form (客户资料表)
    flag_value: str | None = None  # a CHOICE kept as a 0/1 column: this choice is 1, others 0
    # Completeness (档案健全度, kehu.core.completeness): how much a filled value weighs
    # (0: does not count; key items 3) and from which stage on it counts.
    weight: int = 0
    need: Need = Need.BASIC

    def label(self, lang: str) -> str:
        return translate(self.text, lang)

    def choice_label(self, value: str | None, lang: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label(lang)
        return value or ""
