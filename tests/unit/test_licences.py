"""The licence texts kehu ships: its own, and a notice for every runtime dependency."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from kehu import identity, licences

ROOT = Path(__file__).resolve().parents[2]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_licence_is_one_spdx_string_everywhere():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == identity.LICENCE == licences.licence_name()
    assert project["license-files"] == ["src/kehu/resources/licences/LICENSE.txt"]
    assert "All rights reserved" in licences.licence_text()
    assert "LGPL" in licences.licence_text()


def test_every_runtime_dependency_has_a_notice_with_its_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = {_canonical(name): licence for name, _version, licence in licences.components()}
    for requirement in project["dependencies"]:
        name = _canonical(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])
        assert name in listed, (
            f"{name} is missing from THIRD-PARTY-NOTICES.txt: install it and run "
            "python scripts/make_third_party_notices.py"
        )
        assert listed[name]
    assert "LGPL-3.0" in listed["pyside6-essentials"]


def test_qt_for_python_comes_with_the_lgpl_and_the_gpl_it_supplements():
    notices = licences.notices_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices
    assert "GNU GENERAL PUBLIC LICENSE" in notices
    section = notices.split("\nPySide6_Essentials ", 1)[1].split("\n" + "=" * 78, 1)[0]
    assert "LGPL-3.0.txt" in section and "GPL-3.0.txt" in section
    assert "Do not edit" in notices.splitlines()[3]
