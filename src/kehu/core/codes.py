"""Customer codes: KH000123. The one place that formats and recognises them."""

from __future__ import annotations

CODE_PREFIX = "KH"
CODE_DIGITS = 6


def customer_code(number: int) -> str:
    return f"{CODE_PREFIX}{number:0{CODE_DIGITS}d}"


def code_number(code: str) -> int | None:
    """The number of a code in the KH000123 format, or None for any other code."""
    digits = code[len(CODE_PREFIX) :]
    if code.startswith(CODE_PREFIX) and digits.isdigit() and len(digits) >= CODE_DIGITS:
        return int(digits)
    return None
