"""The CJK font of printed documents: found on the system or set by the user, embedded.

A TrueType font (.ttf, or one face of a .ttc collection) is registered with reportlab, which
embeds the subset of glyphs a document uses, so the PDF shows Chinese and Latin text on any
machine. Order of preference: a path given by the caller, the user's setting
(`set_user_font`), the `KEHU_PDF_FONT` environment variable, then well-known system fonts.
A font spec is a path, optionally followed by `#N` to choose face N of a collection.

When nothing usable is found, the CID font STSong-Light is the last resort: it is not
embedded, Latin text in it looks odd in some viewers, and some viewers cannot show it at all,
so the caller is told through `PdfFonts.warning`.

OpenType fonts with CFF outlines (Noto/Source Han .otf, many .ttc on macOS) cannot be
embedded by reportlab; they are skipped.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from kehu.core.i18n import N_, translate

logger = logging.getLogger(__name__)

ENV_VAR = "KEHU_PDF_FONT"
CID_FALLBACK = "STSong-Light"

# (file name, face index) in preference order, per platform. The face index matters for
# collections: 0 is the proportional face of msyh/wqy, 1 is often a monospaced variant.
WINDOWS_FONTS = (
    ("msyh.ttc", 0),
    ("msyh.ttf", 0),
    ("simsun.ttc", 0),
    ("simhei.ttf", 0),
    ("simkai.ttf", 0),
    ("simfang.ttf", 0),
)
WINDOWS_BOLD = (("msyhbd.ttc", 0), ("msyhbd.ttf", 0), ("simhei.ttf", 0))
MACOS_FONTS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
)
MACOS_BOLD = ("/System/Library/Fonts/STHeiti Medium.ttc",)
LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/arphic-uming/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)

_user_font: str | None = None
_lock = threading.Lock()
_registered: dict[tuple[str, int], str] = {}  # (path, face) → reportlab font name
_cache: dict[str | None, PdfFonts] = {}


@dataclass(frozen=True)
class PdfFonts:
    """The font names to use in a document, and what the user should know about them."""

    regular: str
    bold: str
    path: str | None  # None: the CID fallback
    embedded: bool
    warning: str | None = None  # English source (N_), translated where shown
    warning_values: tuple[tuple[str, str], ...] = ()  # its placeholders

    def warning_text(self, lang: str) -> str:
        return translate(self.warning, lang, **dict(self.warning_values)) if self.warning else ""


def set_user_font(spec: str | None) -> None:
    """The user's choice from the settings (a path, optionally `#face`); None to unset."""
    global _user_font
    _user_font = spec or None
    _cache.clear()


def parse_spec(spec: str) -> tuple[Path, int]:
    """`C:\\Fonts\\msyh.ttc#1` → (path, 1); a plain path → (path, 0)."""
    text = spec.strip().strip('"')
    path, sep, face = text.rpartition("#")
    if sep and face.isdigit():
        return Path(path).expanduser(), int(face)
    return Path(text).expanduser(), 0


def system_candidates() -> list[tuple[Path, int]]:
    """Well-known CJK TrueType fonts of this platform that exist, best first."""
    found: list[tuple[Path, int]] = []
    if sys.platform.startswith("win"):
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        found = [(folder / name, face) for name, face in WINDOWS_FONTS for folder in folders]
    elif sys.platform == "darwin":
        found = [(Path(p), 0) for p in MACOS_FONTS]
    else:
        found = [(Path(p), 0) for p in LINUX_FONTS]
    return [(path, face) for path, face in found if path.is_file()]


def fontconfig_candidates() -> list[tuple[Path, int]]:
    """Chinese fonts fontconfig knows about (Linux/BSD), for systems without the usual ones."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file", "index"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(out.splitlines()):
        path, _, rest = line.partition(":")
        face = rest.split("=")[-1].strip() if "index=" in rest else "0"
        if path.lower().endswith((".ttf", ".ttc")):
            found.append((Path(path.strip()), int(face) if face.isdigit() else 0))
    return found


def _bold_candidates(regular: Path) -> list[tuple[Path, int]]:
    if sys.platform.startswith("win"):
        return [(regular.parent / name, face) for name, face in WINDOWS_BOLD]
    if sys.platform == "darwin":
        return [(Path(p), 0) for p in MACOS_BOLD]
    return []


def register(path: Path, face: int = 0) -> str:
    """Register one TrueType face with reportlab; returns its name. Raises TTFError/OSError."""
    key = (str(path), face)
    with _lock:
        if key in _registered:
            return _registered[key]
        name = f"KehuCJK-{len(_registered)}"
        font = TTFont(name, str(path), subfontIndex=face)
        if not _covers_chinese(font):
            raise TTFError(f"{path} has no Chinese glyphs")
        pdfmetrics.registerFont(font)
        _registered[key] = name
        logger.info("PDF font %s = %s#%s", name, path, face)
        return name


def _covers_chinese(font: TTFont) -> bool:
    widths = font.face.charToGlyph
    return all(ord(ch) in widths for ch in "客户档案A1")


def _try(candidates: list[tuple[Path, int]]) -> tuple[str, Path] | None:
    for path, face in candidates:
        try:
            return register(path, face), path
        except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
            logger.info("cannot use PDF font %s#%s: %s", path, face, exc)
    return None


USER_FONT_WARNING = N_(
    "The PDF font '{spec}' cannot be used (a TrueType .ttf/.ttc font with Chinese glyphs "
    "is needed); a system font is used instead."
)
FALLBACK_WARNING = N_(
    "No embeddable Chinese TrueType font was found: the PDF uses the non-embedded "
    "STSong-Light font and may not display on every viewer or printer. Set a font "
    "(e.g. msyh.ttc, simsun.ttc) in the settings."
)


def pdf_fonts(spec: str | None = None) -> PdfFonts:
    """The fonts for a new document; `spec` (a path) overrides the user setting and env."""
    chosen = spec or _user_font or os.environ.get(ENV_VAR) or None
    if chosen in _cache:
        return _cache[chosen]
    result = _resolve(chosen)
    _cache[chosen] = result
    return result


def _resolve(spec: str | None) -> PdfFonts:
    warning = None
    values: tuple[tuple[str, str], ...] = ()
    found = None
    if spec:
        found = _try([parse_spec(spec)])
        if found is None:
            warning, values = USER_FONT_WARNING, (("spec", spec),)
            logger.warning(translate(warning, "en", spec=spec))
    found = found or _try(system_candidates()) or _try(fontconfig_candidates())
    if found is None:
        logger.warning(FALLBACK_WARNING)
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        return PdfFonts(CID_FALLBACK, CID_FALLBACK, None, False, FALLBACK_WARNING)
    regular, path = found
    bold_found = _try(_bold_candidates(path)) if not spec else None
    bold = bold_found[0] if bold_found else regular
    return PdfFonts(regular, bold, str(path), True, warning, values)
