#!/usr/bin/env python3
"""Write THIRD-PARTY-NOTICES.txt from the installed distributions kehu depends on.

    python scripts/make_third_party_notices.py            # the wheel's copy (commit it)
    python scripts/make_third_party_notices.py --bundle --out FILE   # kehu.spec does this

It walks kehu's runtime requirements (and theirs) as installed, and writes for each the
name, version, licence, home page and the licence files found in its .dist-info. A
distribution that ships no licence text (the PySide6 and shiboken6 wheels) gets the text its
SPDX licence names from kehu/resources/licences. `--bundle` adds what a PyInstaller bundle
carries besides: the Python runtime and PyInstaller's bootloader. Texts shared by several
components are written once. The result is generated: do not edit it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as metadata
import platform
import re
import sys
import sysconfig
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LICENCES = ROOT / "src" / "kehu" / "resources" / "licences"
OUT = LICENCES / "THIRD-PARTY-NOTICES.txt"
TEXT_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# SPDX ids whose text kehu keeps, for distributions that ship none.
SHIPPED_TEXTS = {"LGPL-3.0": ["LGPL-3.0.txt", "GPL-3.0.txt"], "GPL-3.0": ["GPL-3.0.txt"]}
RULE = "=" * 78


@dataclass
class Component:
    name: str
    version: str
    licence: str
    home: str = ""
    texts: list[tuple[str, str]] = field(default_factory=list)  # (file name, text)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure() -> list[metadata.Distribution]:
    """The installed distributions of kehu's runtime requirements (pyproject.toml), and of
    theirs, recursively (markers evaluated here, extras not followed)."""
    environment = {**default_environment(), "extra": ""}
    found: dict[str, metadata.Distribution] = {}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = _names(project["dependencies"], environment)
    while todo:
        name = todo.pop()
        if canonical(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            print(f"warning: {name} is required but not installed", file=sys.stderr)
            continue
        found[canonical(name)] = dist
        todo += _requirements(name, environment)
    return sorted(found.values(), key=lambda d: canonical(d.metadata["Name"]))


def _requirements(name: str, environment: dict[str, str]) -> list[str]:
    return _names(metadata.requires(name) or [], environment)


def _names(lines: list[str], environment: dict[str, str]) -> list[str]:
    names = []
    for line in lines:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            names.append(requirement.name)
    return names


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    text = (meta.get("License") or "").strip().splitlines()
    if text and len(text[0]) <= 80 and text[0].upper() != "UNKNOWN":
        return text[0] + (f" ({', '.join(classifiers)})" if classifiers else "")
    return ", ".join(classifiers) or "see the licence text"


def home_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    urls = [u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or [] if "," in u]
    return urls[0] if urls else ""


def texts_of(dist: metadata.Distribution, licence: str) -> list[tuple[str, str]]:
    texts = []
    for path in dist.files or []:
        parts = path.parts
        if parts and parts[0].endswith(".dist-info") and TEXT_FILE.search(path.name):
            located = Path(str(dist.locate_file(path)))
            if located.is_file():
                texts.append((path.name, located.read_text(encoding="utf-8", errors="replace")))
    if not texts:
        for spdx, names in SHIPPED_TEXTS.items():
            if spdx in licence:
                texts = [(n, (LICENCES / n).read_text(encoding="utf-8")) for n in names]
                break
    return texts


def components(bundle: bool) -> list[Component]:
    result = []
    for dist in closure():
        licence = licence_of(dist)
        result.append(
            Component(
                dist.metadata["Name"], dist.version, licence, home_of(dist), texts_of(dist, licence)
            )  # fmt: skip
        )
    if bundle:
        result += bundled_runtime()
    return result


def bundled_runtime() -> list[Component]:
    """What PyInstaller puts in the bundle besides the distributions."""
    extra = []
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if not python_licence.is_file():
        python_licence = Path(sys.base_prefix) / "LICENSE.txt"
    extra.append(
        Component(
            "Python",
            platform.python_version(),
            "PSF-2.0",
            "https://www.python.org",
            [("LICENSE.txt", python_licence.read_text(encoding="utf-8"))]
            if python_licence.is_file()
            else [],
        )  # fmt: skip
    )
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return extra
    extra.append(
        Component(
            "PyInstaller bootloader",
            dist.version,
            "GPL-2.0-or-later WITH Bootloader-exception",
            home_of(dist),
            texts_of(dist, ""),
        )  # fmt: skip
    )
    return extra


def render(items: list[Component], bundle: bool) -> str:
    when = "this bundle was built" if bundle else "this file was generated"
    lines = [
        "kehu 客户档案 — third-party software notices",
        "",
        "Generated by scripts/make_third_party_notices.py from the distributions installed",
        f"where {when} (Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}). Do not edit.",
        "",
        "kehu uses the components below, each under its own licence. Qt for Python",
        "(PySide6, shiboken6) and the Qt libraries it contains are used under the GNU LGPL",
        "version 3: they are separate shared libraries that you may replace. The components",
        "Qt itself includes are listed at https://doc.qt.io/qt-6/licenses-used-in-qt.html.",
    ]
    if bundle:
        lines += [
            "A Linux bundle also carries shared libraries of the system it was built on; their",
            "licences are in /usr/share/doc/PACKAGE/copyright of that system.",
        ]
    lines += [
        "The application icon draws 客 from WenQuanYi Micro Hei (Apache-2.0).",
        "",
        "Components",
        "",
    ]
    width = max(len(c.name) for c in items)
    lines += [f"  {c.name:<{width}}  {c.version:<10}  {c.licence}" for c in items]
    seen: dict[str, str] = {}
    for c in items:
        lines += ["", RULE, f"{c.name} {c.version}", f"Licence: {c.licence}"]
        if c.home:
            lines.append(f"Home: {c.home}")
        for name, text in c.texts:
            digest = hashlib.sha256(text.strip().encode()).hexdigest()
            lines += ["", f"--- {name} ---"]
            if digest in seen:
                lines.append(f"(the same text as {seen[digest]} above)")
                continue
            seen[digest] = f"{name} of {c.name}"
            lines.append(text.strip("\n").replace("\r\n", "\n"))
        if not c.texts:
            lines += ["", "(no licence text is shipped with this distribution)"]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle", action="store_true", help="add the Python runtime and bootloader"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    items = components(args.bundle)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(items, args.bundle), encoding="utf-8")
    print(f"{args.out}: {len(items)} components")
    return 0


if __name__ == "__main__":
    sys.exit(main())
