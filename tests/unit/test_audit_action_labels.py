"""Every action the services write to the audit trail has its label (declared once, in
`kehu.core.audit_actions`), so the viewer never shows a raw code; labels translate."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import kehu
from kehu.core.audit_actions import (
    AUDIT_ACTION_LABELS,
    AUDIT_DETAIL_LABELS,
    action_label,
    details_text,
)

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


def _recorded_detail_keys() -> set[str]:
    """Keyword arguments of `audit.record(…)`, and the string keys of the dict literals in the
    functions that pass details as `**name`."""
    keys: set[str] = set()
    for path in SOURCES.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            spread = False
            for node in ast.walk(function):
                func = getattr(node, "func", None)
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(func, ast.Attribute)
                    and func.attr == "record"
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "audit"
                ):
                    continue
                for keyword in node.keywords:
                    if keyword.arg is not None:
                        keys.add(keyword.arg)
                    else:
                        spread = True
            if spread:
                for node in ast.walk(function):
                    if isinstance(node, ast.Dict):
                        keys.update(
                            k.value
                            for k in node.keys
                            if isinstance(k, ast.Constant) and isinstance(k.value, str)
                        )
    return keys - {"summary"}  # the summary column, when given by name


def test_every_detail_key_has_a_label_and_details_read_in_the_users_language():
    keys = _recorded_detail_keys()
    assert {"rows", "file", "selection", "revealed", "stops", "reason"} <= keys
    assert keys - set(AUDIT_DETAIL_LABELS) == set()
    stored = json.dumps(
        {"rows": 3, "revealed": False, "customers": list(range(12)), "new_thing": "x"}
    )
    said = details_text(stored, "zh_CN")
    assert said.startswith("行数: 3; ") and "否" in said and "new_thing: x" in said
    assert "… +2]" in said
    assert details_text(stored, "en").startswith("rows: 3; sensitive fields shown: no")
    assert details_text("not json", "en") == "not json"
    assert details_text("{}", "en") == ""
