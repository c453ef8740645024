"""The one sensitivity rule: catalogue flags, masks, who may reveal."""

from __future__ import annotations

import pytest

from kehu.core import sensitivity
from kehu.core.fields import PERSON_FIELDS, person_field


def test_sensitive_fields_come_from_the_catalogue():
    assert {f.name for f in PERSON_FIELDS if f.sensitive} == sensitivity.SENSITIVE_PERSON_FIELDS
    assert {"id_number", "birthday", "family"} <= sensitivity.SENSITIVE_PERSON_FIELDS
    assert "mobile" not in sensitivity.SENSITIVE_PERSON_FIELDS


def test_masks():
    id_number = person_field("id_number")
    assert sensitivity.mask(id_number, "310115196809121234", "en") == "310***********1234"
    assert sensitivity.mask(id_number, "12345", "en") == "****"
    assert sensitivity.mask(person_field("hobbies"), "钓鱼", "zh_CN") == "（已隐藏）"
    assert sensitivity.mask(person_field("hobbies"), "fishing", "en") == "(hidden)"
    assert sensitivity.mask(id_number, None, "en") == "" == sensitivity.mask(id_number, "", "en")
    values = {"name": "王建国", "id_number": "310115196809121234"}
    shown = sensitivity.shown_values(values, PERSON_FIELDS, "en")
    assert shown == {"name": "王建国", "id_number": "310***********1234"}
    assert sensitivity.shown_values(values, PERSON_FIELDS, "en", reveal=True) == values


@pytest.mark.parametrize(("role", "allowed"), [("admin", True), ("manager", True),
                                               ("salesperson", False), (None, False)])  # fmt: skip
def test_admins_and_managers_may_reveal_a_salesperson_may_not(role, allowed):
    assert sensitivity.may_reveal(role) is allowed
    assert sensitivity.check_reveal(role, False) is False  # not asked: masked, no error
    if allowed:
        assert sensitivity.check_reveal(role, True) is True
    else:
        with pytest.raises(sensitivity.RevealRefused) as refused:
            sensitivity.check_reveal(role, True)
        assert "administrator or a manager" in refused.value.message("en")


def test_history_fields_and_masked_text():
    field = sensitivity.history_field("person.id_number")
    assert field is person_field("id_number")
    assert sensitivity.history_field("phone").name == "phone"
    assert sensitivity.history_field("category:3") is None
    assert sensitivity.masked_text(field, "310115196809121234", "en") == "310***********1234"
    assert sensitivity.masked_text(person_field("name"), "王建国", "en") == "王建国"
