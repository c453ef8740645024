#!/usr/bin/env python3
"""Refresh the zh_CN translation source and compile it.

1. pyside6-lupdate reads every tr() string in src/kehu/ui/**/*.py, and every string marked
   with N_() anywhere in src/kehu (context "kehu"), into resources/translations/kehu_zh_CN.ts
   (existing translations are kept). The .ts is the one catalogue of the app.
2. pyside6-lrelease compiles it into src/kehu/translations/kehu_zh_CN.qm (read by Qt), and
   the "kehu" context goes to src/kehu/translations/kehu_zh_CN.json (read by
   kehu.core.i18n, without Qt). Both are generated and shipped: never edit them by hand.

Run from anywhere: `python scripts/build_translations.py`. `--check` changes nothing and
fails when a string has no translation, a translation loses a placeholder of its source, or
the compiled files are stale.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "kehu" / "ui"
TS = ROOT / "resources" / "translations" / "kehu_zh_CN.ts"
PACKAGE = ROOT / "src" / "kehu"
QM = PACKAGE / "translations" / "kehu_zh_CN.qm"
JSON = PACKAGE / "translations" / "kehu_zh_CN.json"
CONTEXT = "kehu"  # kehu.core.i18n.CONTEXT
PLACEHOLDER = re.compile(r"%L?\d+|\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6 (it ships the Qt translation tools)")
    return found


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        if kind == "unfinished" or not (translation.text or "").strip():
            missing.append(message.findtext("source") or "")
    return missing


def marked_strings(root: Path = PACKAGE) -> list[str]:
    """Every string literal passed to N_() in the package, in source order, once."""
    seen: dict[str, None] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                seen.setdefault(node.args[0].value, None)
    return list(seen)


def marked_stub(folder: Path) -> Path:
    """A Python file lupdate reads: one QT_TRANSLATE_NOOP per N_() string."""
    stub = folder / "kehu_marked_strings.py"
    lines = [f"QT_TRANSLATE_NOOP({CONTEXT!r}, {json.dumps(text)})" for text in marked_strings()]
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return stub


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def lost_placeholders(ts: Path) -> list[str]:
    """Messages whose translation does not keep exactly the placeholders of the source."""
    wrong = []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        text = translation.text or ""
        if text.strip() and placeholders(source) != placeholders(text):
            wrong.append(f"{source!r} → {text!r}")
    return wrong


def context_table(ts: Path, context: str = CONTEXT) -> dict[str, str]:
    table: dict[str, str] = {}
    for ctx in ET.parse(ts).iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            if (translation.text or "").strip():
                table[message.findtext("source") or ""] = translation.text or ""
    return table


def build(ts: Path, qm: Path, json_path: Path) -> None:
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    ts.parent.mkdir(parents=True, exist_ok=True)
    qm.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        stub = marked_stub(Path(folder))
        subprocess.run(
            [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files, str(stub),
             "-ts", str(ts)],
            check=True, capture_output=True,
        )  # fmt: skip
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    table = context_table(ts)
    json_path.write_text(
        json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args(argv)
    if args.check:
        # Build into a scratch copy: the check must not change the tree it checks.
        with tempfile.TemporaryDirectory() as folder:
            scratch = Path(folder)
            ts, qm, json_path = scratch / TS.name, scratch / QM.name, scratch / JSON.name
            shutil.copy(TS, ts)
            build(ts, qm, json_path)
            stale = [
                str(mine.relative_to(ROOT))
                for mine, fresh in ((TS, ts), (QM, qm), (JSON, json_path))
                if not mine.exists() or mine.read_bytes() != fresh.read_bytes()
            ]
            missing, wrong = unfinished(ts), lost_placeholders(ts)
    else:
        build(TS, QM, JSON)
        stale, missing, wrong = [], unfinished(TS), lost_placeholders(TS)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated, {len(wrong)} lose a placeholder")
    for text in missing[:50]:
        print("  untranslated:", text)
    for text in wrong[:50]:
        print("  placeholder lost:", text)
    for path in stale:
        print(f"  stale: {path} (run python scripts/build_translations.py and commit it)")
    return 1 if args.check and (missing or wrong or stale) else 0


if __name__ == "__main__":
    sys.exit(main())
