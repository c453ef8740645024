#!/usr/bin/env python3
"""Fill the zh_CN .ts from scripts/zh_CN_glossary.py, then rebuild the .qm.

Only empty or unfinished translations are filled; a translation edited in Qt Linguist wins.
Prints the strings that still need a translation (add them to the glossary).
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_translations  # noqa: E402


def glossary() -> dict[str, dict[str, str]]:
    """Per .ts context, source → zh_CN: "kehu" (N_ strings) has a table of its own."""
    spec = importlib.util.spec_from_file_location("zh_CN_glossary", HERE / "zh_CN_glossary.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return {"": module.ZH_CN, build_translations.CONTEXT: module.KEHU}


def fill(ts: Path, tables: dict[str, dict[str, str]]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for context in tree.iter("context"):
        table = tables.get(context.findtext("name") or "", tables[""])
        missing += _fill_context(context, table)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def _fill_context(context: ET.Element, table: dict[str, str]) -> list[str]:
    missing = []
    for message in context.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        if translation.get("type") != "unfinished" and (translation.text or "").strip():
            continue
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    return missing


def main() -> int:
    build_translations.main([])
    missing = fill(build_translations.TS, glossary())
    build_translations.main([])  # normalise the file and compile the .qm
    for text in missing:
        print("no translation:", repr(text))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
