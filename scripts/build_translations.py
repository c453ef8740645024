#!/usr/bin/env python3
"""Refresh the zh_CN translation source and compile it.

1. pyside6-lupdate reads every tr() string in src/kehu/ui/**/*.py into
   resources/translations/kehu_zh_CN.ts (existing translations are kept);
2. pyside6-lrelease compiles it into src/kehu/translations/kehu_zh_CN.qm, which is shipped
   as package data. The .qm file is generated: never edit it by hand.

Run from anywhere: `python scripts/build_translations.py` (`--check` fails when a string has
no translation yet).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "kehu" / "ui"
TS = ROOT / "resources" / "translations" / "kehu_zh_CN.ts"
QM = ROOT / "src" / "kehu" / "translations" / "kehu_zh_CN.qm"


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args(argv)
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    QM.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files,
         "-ts", str(TS)],
        check=True,
    )  # fmt: skip
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    missing = unfinished(TS)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    for text in missing[:50]:
        print("  untranslated:", text)
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
