"""Who kehu is to the operating system, declared once.

Read by the Qt start-up (organisation, domain, desktop file name, Windows AppUserModelID), the
desktop files and `kehu install-desktop`, the PyInstaller spec (macOS bundle identifier,
Windows version information) and `build/kehu.iss` (which repeats APP_ID: keep them equal).

APP_ID is a reverse-DNS name. Changing it later moves the macOS settings and orphans installed
desktop entries and Start-menu pins, so it is decided before the first release.
"""

from __future__ import annotations

APP_ID = "io.github.kehu.Kehu"
# QSettings: ~/.config/kehu/kehu.conf on Linux, HKCU\Software\kehu\kehu on Windows.
ORGANISATION = "kehu"
ORGANISATION_DOMAIN = "kehu.github.io"  # APP_ID's domain, reversed
APPLICATION = "kehu"  # also the X11 WM_CLASS (StartupWMClass in the desktop entry)
DISPLAY_NAME = "kehu 客户档案"
HOMEPAGE = "https://github.com/kehu/kehu"
LICENCE = "LicenseRef-Proprietary"  # SPDX, as in pyproject.toml
