"""The application icon: the shipped hicolor PNGs (scripts/make_icons.py), the same files the
desktop entry, the .ico and the .icns show; drawn (a seal-red square with 客) if they are missing."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from kehu.identity import APP_ID


def icon_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#c0392b"))
    painter.setPen(Qt.PenStyle.NoPen)
    margin = size * 0.06
    painter.drawRoundedRect(
        QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18
    )
    font = QFont()
    font.setFamilies(["WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"])
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size * 0.98), Qt.AlignmentFlag.AlignCenter, "客")
    painter.end()
    return pixmap


SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    hicolor = resources.files("kehu").joinpath("resources", "icons", "hicolor")
    for size in SIZES:
        png = hicolor.joinpath(f"{size}x{size}", "apps", f"{APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        for size in SIZES:
            icon.addPixmap(icon_pixmap(size))
    return icon
