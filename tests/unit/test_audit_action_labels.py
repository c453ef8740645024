"""Every action the services write to the audit trail has its label (declared once, in
`kehu.core.audit_actions`), so the viewer never shows a raw code; labels translate."""

from __future__ import annotations

import ast
from pathlib import Path

import kehu
from kehu.core.audit_actions import AUDIT_ACTION_LABELS, action_label

SOURCES = Path(kehu.__file__).parent


def _recorded_codes() -> set[str]:
    codes: set[str] = set()
    for path in SOURCES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            if not (isinstance(func, ast.Attribute) and func.attr == "record"):
                continue
            if not (isinstance(func.value, ast.Name) and func.value.id == "audit"):
                continue
            for part in ast.walk(node.args[1]):  # "a" if ok else "b" counts both
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    codes.add(part.value)
    return codes


def test_every_recorded_action_has_a_label():
    codes = _recorded_codes()
    assert {"login", "login_failed", "transfer", "erase_person", "export"} <= codes
    assert codes - set(AUDIT_ACTION_LABELS) == set()


def test_labels_are_translated_and_unknown_codes_show_as_stored():
    assert action_label("login_failed", "zh_CN") == "登录失败"
    assert action_label("login_failed", "en") == "Failed login"
    assert action_label("something_new", "zh_CN") == "something_new"
    assert action_label(None, "zh_CN") == ""
