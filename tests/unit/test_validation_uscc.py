"""The USCC check without stdnum's generic path gives exactly stdnum's verdicts and messages."""

from __future__ import annotations

import random

import pytest
from stdnum.cn import uscc

from kehu.core.validation import _error, check_uscc, normalise_code, uscc_check_character

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def check_uscc_with_stdnum(value: str):
    """check_uscc as it was written against stdnum.cn.uscc.calc_check_digit (now with the
    code normalised first: spaces and dashes removed)."""
    code = normalise_code(value)
    if len(code) != 18:
        return _error(
            "A unified social credit code has 18 characters, this one has {count}",
            count=len(code),
        )
    if code[0] not in set("123456789ANY"):
        return _error(
            "The first character (registering authority) cannot be '{character}'; "
            "it must be 1–9, A, N or Y",
            character=code[0],
        )
    if any(c not in set(ALPHABET) for c in code) or not code[2:8].isdigit():
        return _error(
            "The unified social credit code contains characters that are not allowed "
            "(characters 3–8 are a region number; I, O, S, V and Z are never used)"
        )
    if uscc.calc_check_digit(code) != code[-1]:
        return _error(
            "The check character of the unified social credit code is wrong: "
            "please check for a typing error"
        )
    return None


def _codes() -> list[str]:
    rnd = random.Random(6)
    codes = [
        "91110000802100433B",  # valid
        "91110000802100433C",  # wrong check character
        "9111000080210043",  # too short
        "911100008021004333B",  # too long
        "01110000802100433B",  # first character
        "A1110000802100433B",
        "N1110000802100433B",
        "Y1110000802100433B",
        "911A0000802100433B",  # letter in the region digits
        "91110000802100433I",  # I, O, S, V, Z
        "9111000080210O433B",
        "９１１１００００８０２１００４３３ｂ",  # full width, lower case
        "91 1100 0080 2100 433B",
        " 91110000802100433b ",
        "\u200b91110000802100433B",
        "",
    ]
    for _ in range(3000):
        body = (
            rnd.choice("123456789ANY")
            + rnd.choice(ALPHABET)
            + "".join(rnd.choice("0123456789") for _ in range(6))
            + "".join(rnd.choice(ALPHABET) for _ in range(9))
        )
        check = uscc.calc_check_digit(body)
        codes.append(body + check)
        codes.append(body + rnd.choice(ALPHABET.replace(check, "")))
        codes.append("".join(rnd.choice(ALPHABET + "IOSVZ-") for _ in range(18)))
    return codes


def test_check_character_is_stdnums():
    rnd = random.Random(1)
    for _ in range(5000):
        body = "".join(rnd.choice(ALPHABET) for _ in range(17))
        assert uscc_check_character(body) == uscc.calc_check_digit(body), body


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_same_verdicts_and_messages_as_stdnum(lang):
    codes = _codes()
    verdicts = [(check_uscc(code), check_uscc_with_stdnum(code)) for code in codes]
    for code, (fast, reference) in zip(codes, verdicts, strict=True):
        assert fast == reference, code
        if fast is not None:
            assert fast.message(lang) == reference.message(lang)
    kinds = {None if fast is None else fast.text for fast, _ in verdicts}
    assert len(kinds) >= 5  # valid, length, first character, characters, check character
