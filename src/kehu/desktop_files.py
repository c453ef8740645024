"""Desktop integration on Linux and other freedesktop.org systems.

The package ships the desktop entry, the icon in the hicolor sizes plus an SVG, and the
AppStream metainfo (`kehu/resources/desktop`, `kehu/resources/icons/hicolor`). A wheel
installed with `pip install --user` also puts them into `~/.local/share` as data files;
`kehu install-desktop` does it for any installation, a PyInstaller bundle included, and
points the entry's Exec at the kehu that runs the command (the bundle's executable, or the
`kehu` script on the PATH).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from kehu.identity import APP_ID

logger = logging.getLogger(__name__)

_RESERVED = set('"`$\\')  # escaped inside a quoted Exec argument (Desktop Entry spec, "Exec key")
_QUOTE_WHEN = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class DesktopFile:
    source: Traversable
    target: Path


def supported() -> bool:
    """Windows and macOS integrate through the installer and the .app instead."""
    return not sys.platform.startswith(("win", "darwin"))


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG Base Directory default)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this kehu: the frozen executable, the `kehu` script beside
    the running Python or on the PATH, else `python -m kehu`."""
    executable = os.path.abspath(sys.executable)  # not resolved: a venv's python is a link
    if getattr(sys, "frozen", False):
        return [executable]
    beside = Path(executable).with_name("kehu")
    script = str(beside) if beside.is_file() else shutil.which("kehu")
    if script:
        return [os.path.abspath(script)]
    return [executable, "-m", "kehu"]


def exec_line(argv: list[str]) -> str:
    """argv as the value of an Exec key: arguments with special characters are quoted,
    and inside quotes " ` $ \\ are escaped; then the key's own backslash escaping."""
    quoted = []
    for arg in argv:
        if arg and not (_QUOTE_WHEN & set(arg)):
            quoted.append(arg)
        else:
            quoted.append('"' + "".join("\\" + c if c in _RESERVED else c for c in arg) + '"')
    return " ".join(quoted).replace("\\", "\\\\").replace("%", "%%")


def files(home: Path | None = None) -> list[DesktopFile]:
    """What install() writes: shipped file → place under the data home."""
    home = data_home() if home is None else home
    package = resources.files("kehu").joinpath("resources")
    desktop = package.joinpath("desktop")
    found = [
        DesktopFile(
            desktop.joinpath(f"{APP_ID}.desktop"), home / "applications" / f"{APP_ID}.desktop"
        ),
        DesktopFile(
            desktop.joinpath(f"{APP_ID}.metainfo.xml"), home / "metainfo" / f"{APP_ID}.metainfo.xml"
        ),
    ]
    hicolor = package.joinpath("icons", "hicolor")
    for size in sorted(entry.name for entry in hicolor.iterdir() if entry.is_dir()):
        for icon in hicolor.joinpath(size, "apps").iterdir():
            if icon.name.startswith(APP_ID):
                target = home / "icons" / "hicolor" / size / "apps" / icon.name
                found.append(DesktopFile(icon, target))
    return found


def desktop_entry(argv: list[str]) -> str:
    """The shipped desktop entry with Exec (and TryExec) pointing at `argv`."""
    text = resources.files("kehu").joinpath("resources", "desktop", f"{APP_ID}.desktop")
    lines = []
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_line(argv)
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
    if os.path.isabs(argv[0]):
        at = lines.index(next(line for line in lines if line.startswith("Exec=")))
        lines.insert(at, "TryExec=" + exec_line(argv[:1]))
    return "\n".join(lines) + "\n"


def install(home: Path | None = None, argv: list[str] | None = None) -> list[Path]:
    """Put the desktop entry, icons and metainfo under the data home; returns the files."""
    written = []
    for item in files(home):
        item.target.parent.mkdir(parents=True, exist_ok=True)
        if item.target.suffix == ".desktop":
            item.target.write_text(desktop_entry(argv or launcher()), encoding="utf-8")
        else:
            item.target.write_bytes(item.source.read_bytes())
        written.append(item.target)
    _refresh(home or data_home())
    logger.info("desktop integration installed: %d files", len(written))
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() wrote; returns the files removed."""
    removed = []
    for item in files(home):
        if item.target.is_file():
            item.target.unlink()
            removed.append(item.target)
    _refresh(home or data_home())
    return removed


def _refresh(home: Path) -> None:
    """Tell the desktop about the change where the tools exist (they usually notice anyway)."""
    commands = [["update-desktop-database", "-q", str(home / "applications")]]
    if (home / "icons" / "hicolor" / "index.theme").is_file():
        commands.append(["gtk-update-icon-cache", "-q", "-t", str(home / "icons" / "hicolor")])
    for command in commands:
        if shutil.which(command[0]) and (home / "applications").is_dir():
            try:
                subprocess.run(command, check=False, capture_output=True, timeout=30)
            except (OSError, subprocess.SubprocessError):
                logger.debug("%s failed", command[0], exc_info=True)
