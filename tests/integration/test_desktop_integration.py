"""Desktop integration: the shipped desktop entry, icons and metainfo, `kehu install-desktop`,
the names the application gives itself, and the language a Finder-started app chooses."""

from __future__ import annotations

import configparser
import plistlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kehu import __version__, desktop_files, identity
from kehu.app import main
from kehu.core import i18n

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "src" / "kehu" / "resources"
ENTRY = RESOURCES / "desktop" / f"{identity.APP_ID}.desktop"
METAINFO = RESOURCES / "desktop" / f"{identity.APP_ID}.metainfo.xml"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return found


def test_the_desktop_entry_names_the_app_in_both_languages_and_matches_its_window():
    entry = _entry(ENTRY)
    assert entry["Name[zh_CN]"] == "客户档案"
    assert "客户" in entry["Keywords[zh_CN]"] and "customers" in entry["Keywords"]
    assert entry["Icon"] == identity.APP_ID
    assert entry["StartupWMClass"] == identity.APPLICATION
    assert entry["Exec"] == "kehu"


def test_the_shipped_desktop_files_validate():
    subprocess.run([_tool("desktop-file-validate"), str(ENTRY)], check=True)
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_announces_this_version():
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{identity.APP_ID}</id>" in text
    assert f'<release version="{__version__}"' in text
    assert f'<launchable type="desktop-id">{identity.APP_ID}.desktop</launchable>' in text


def test_every_icon_size_is_shipped_and_in_the_wheel():
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["data-files"]
    shipped = sorted(p.relative_to(RESOURCES / "icons") for p in (RESOURCES / "icons").rglob("*.*"))
    assert len(shipped) >= 9
    for relative in shipped:
        folder = f"share/icons/{relative.parent.as_posix()}"
        assert data_files[folder] == [f"src/kehu/resources/icons/{relative.as_posix()}"]
        if relative.suffix == ".png":
            side = int(relative.parts[1].split("x")[0])
            png = (RESOURCES / "icons" / relative).read_bytes()
            assert png[:8] == b"\x89PNG\r\n\x1a\n"
            assert int.from_bytes(png[16:20], "big") == side  # IHDR width
    assert data_files["share/applications"] == [f"src/kehu/resources/desktop/{ENTRY.name}"]
    assert data_files["share/metainfo"] == [f"src/kehu/resources/desktop/{METAINFO.name}"]


def test_the_windows_and_macos_icons_hold_every_size():
    ico = (ROOT / "build" / "kehu.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") == 7
    icns = (ROOT / "build" / "kehu.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
    for kind in (b"icp4", b"icp5", b"ic07", b"ic08", b"ic09", b"ic10"):
        assert kind in icns


def test_install_desktop_puts_entry_icons_and_metainfo_in_the_data_home(
    tmp_path, monkeypatch, capsys
):
    if not desktop_files.supported():
        pytest.skip("freedesktop systems only")
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))

    assert main(["--lang", "en", "install-desktop"]) == 0

    installed = home / "applications" / ENTRY.name
    entry = _entry(installed)
    launcher = desktop_files.launcher()
    assert entry["Exec"] == desktop_files.exec_line(launcher)
    assert Path(launcher[0]).is_absolute()
    assert (home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert (home / "icons" / "hicolor" / size / "apps" / f"{identity.APP_ID}.png").is_file()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / f"{identity.APP_ID}.svg").is_file()
    assert str(installed) in capsys.readouterr().out
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(installed)], check=True)

    assert main(["--lang", "zh_CN", "install-desktop", "--remove"]) == 0
    assert not installed.exists()
    assert not list((home / "icons").rglob("*.png"))
    assert "已删除" in capsys.readouterr().out


def test_an_executable_in_a_folder_with_spaces_is_quoted_for_the_desktop(tmp_path):
    path = "/home/王 芳/kehu $test/kehu"
    entry = desktop_files.desktop_entry([path])
    assert 'Exec="/home/王 芳/kehu \\\\$test/kehu"' in entry
    assert "TryExec=" in entry
    assert desktop_files.exec_line(["/opt/kehu/kehu"]) == "/opt/kehu/kehu"
    assert desktop_files.exec_line(["/usr/bin/python3", "-m", "kehu"]) == "/usr/bin/python3 -m kehu"
    assert desktop_files.exec_line(["/a/100%/kehu"]) == "/a/100%%/kehu"
    if shutil.which("desktop-file-validate"):
        target = tmp_path / ENTRY.name
        target.write_text(entry, encoding="utf-8")
        subprocess.run(["desktop-file-validate", str(target)], check=True)


def test_the_application_names_itself_for_the_desktop_and_the_settings(qapp):
    from kehu.ui import settings
    from kehu.ui.application import make_application

    app = make_application()
    assert app.desktopFileName() == identity.APP_ID
    assert app.organizationDomain() == identity.ORGANISATION_DOMAIN
    assert app.applicationVersion() == __version__
    assert not app.windowIcon().isNull()
    if sys.platform.startswith("linux"):
        path = Path(settings.settings().fileName())
        assert path.parts[-2:] == (identity.ORGANISATION, f"{identity.APPLICATION}.conf")


def test_a_finder_started_app_takes_the_language_from_the_macos_preferences(tmp_path, monkeypatch):
    preferences = tmp_path / "Library" / "Preferences" / ".GlobalPreferences.plist"
    preferences.parent.mkdir(parents=True)
    preferences.write_bytes(
        plistlib.dumps({"AppleLanguages": ["zh-Hans-CN", "en-CN"]}, fmt=plistlib.FMT_BINARY)
    )
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(i18n.sys, "platform", "darwin")

    assert i18n.macos_preferred_languages() == ["zh-Hans-CN", "en-CN"]
    assert i18n.system_language() == "zh_CN"

    monkeypatch.setenv("LANG", "en_US.UTF-8")  # a terminal's LANG still wins
    assert i18n.system_language() == "en"


def test_unreadable_macos_preferences_mean_no_preference(tmp_path):
    broken = tmp_path / "broken.plist"
    broken.write_bytes(b"not a plist")
    assert i18n.macos_preferred_languages(str(broken)) == []
    assert i18n.macos_preferred_languages(str(tmp_path / "missing.plist")) == []


def test_a_finder_process_serial_number_argument_is_ignored(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["-psn_0_12345", "--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"kehu {__version__}"


def test_settings_kept_under_the_earlier_names_are_adopted_once(qapp, tmp_path):
    from PySide6.QtCore import QByteArray, QSettings

    from kehu.ui import settings

    earlier = QSettings(str(tmp_path / "earlier.ini"), QSettings.Format.IniFormat)
    earlier.setValue(settings.LANGUAGE.key, "zh_CN")
    earlier.setValue(settings.WINDOW_GEOMETRY.key, QByteArray(b"geometry"))
    current = QSettings(str(tmp_path / "current.ini"), QSettings.Format.IniFormat)

    assert settings.adopt(current, earlier) == 2
    assert current.value(settings.LANGUAGE.key) == "zh_CN"
    assert current.value(settings.WINDOW_GEOMETRY.key) == QByteArray(b"geometry")
    earlier.setValue(settings.LANGUAGE.key, "en")
    assert settings.adopt(current, earlier) == 0  # the current settings are never overwritten
    assert current.value(settings.LANGUAGE.key) == "zh_CN"
