"""Closed lists of values (choices) with English labels translated from the one catalogue:
credit ratings, sources, review states, organisation forms, key-person roles, education,
consent bases, customer statuses and visit kinds. Each is declared here once."""

from __future__ import annotations

from dataclasses import dataclass

from kehu.core.i18n import N_, translate


@dataclass(frozen=True)
class Choice:
    value: str
    text: str  # English source (N_), translated by label()

    def label(self, lang: str) -> str:
        return translate(self.text, lang)


CREDIT_RATINGS = (
    Choice("AAA", N_("AAA excellent")),
    Choice("AA", N_("AA very good")),
    Choice("A", N_("A good")),
    Choice("B", N_("B fair")),
    Choice("C", N_("C poor")),
    Choice("D", N_("D bad")),
)

SOURCES = (
    Choice("visit", N_("Salesperson visit")),
    Choice("customer_form", N_("Filled in by customer")),
    Choice("agency", N_("Investigation agency")),
    Choice("import", N_("Imported")),
)

REVIEW_STATES = (
    Choice("trusted", N_("Reviewed")),
    Choice("pending", N_("Pending review")),
    Choice("rejected", N_("Rejected")),
)

ORG_FORMS = (
    Choice("state", N_("State-owned enterprise")),
    Choice("collective", N_("Collective enterprise")),
    Choice("private", N_("Private enterprise")),
    Choice("llc", N_("Limited liability company")),
    Choice("joint_stock", N_("Joint-stock company")),
    Choice("joint_venture", N_("Joint venture")),
    Choice("sole", N_("Individual business")),
    Choice("partnership", N_("Partnership")),
    Choice("government", N_("Government institution")),
    Choice("other", N_("Other")),
)

PERSON_ROLES = (
    Choice("owner", N_("Owner")),
    Choice("manager", N_("Manager")),
    Choice("legal", N_("Legal representative")),
    Choice("purchasing", N_("Purchasing")),
    Choice("finance", N_("Finance")),
    Choice("other", N_("Other")),
)

EDUCATION = (
    Choice("primary", N_("Primary school")),
    Choice("middle", N_("Middle school")),
    Choice("high", N_("High school")),
    Choice("college", N_("College")),
    Choice("bachelor", N_("Bachelor")),
    Choice("master", N_("Master")),
    Choice("doctor", N_("Doctorate")),
)

CONSENT_BASES = (
    Choice("consent", N_("Consent")),
    Choice("contract", N_("Necessary for a contract")),
    Choice("public", N_("Publicly disclosed")),
    Choice("other", N_("Other legal basis")),
)


# Customer statuses: archived, never deleted (§1.8).
ACTIVE = "active"
ARCHIVED = "archived"
# How a key person's birthday is kept (care by grade, issue 15): by the solar calendar or by
# the lunar one (农历), whose birthday moves in the solar year.
SOLAR, LUNAR = "solar", "lunar"
BIRTHDAY_CALENDARS = (
    Choice(SOLAR, N_("Solar calendar")),
    Choice(LUNAR, N_("Lunar calendar (农历)")),
)

CUSTOMER_STATUSES = (
    Choice(ACTIVE, N_("Active")),
    Choice(ARCHIVED, N_("Archived")),
)

# Visit / report kinds (客户信息报告制度, §1.5).
VISIT_KINDS = (
    Choice("routine", N_("Routine report")),
    Choice("urgent", N_("Urgent report")),
    Choice("periodic", N_("Periodic report")),
)
DEFAULT_VISIT_KIND = "routine"


def choice_label(choices: tuple[Choice, ...], value: str | None, lang: str) -> str:
    """The label of `value` among `choices` (the value itself when unknown)."""
    for choice in choices:
        if choice.value == value:
            return choice.label(lang)
    return value or ""
