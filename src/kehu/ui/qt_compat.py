"""A guard against a reference-count bug of the PySide6 6.12 wheels on Python 3.11.

Those wheels release a reference to `None` every time a Qt method without a result is
called from Python (`widget.setText(…)`, `app.processEvents()`…), as if `None` were immortal
(it is from Python 3.12 on). After some ten thousand calls Python aborts with "deallocating
None". Giving `None` a huge reference count makes it effectively immortal here too, which
is all Python 3.12 does. Nothing happens on Python 3.12+ or when the bug is absent.
"""

from __future__ import annotations

import ctypes
import logging
import sys

logger = logging.getLogger(__name__)

_RESERVE = 1 << 40


def none_leaks() -> bool:
    """Whether a void Qt call releases a reference to None it never took."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25


def protect_none() -> bool:
    """Make None immortal when the bug is present; returns whether it was needed."""
    if sys.version_info >= (3, 12):
        return False
    if not none_leaks():
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _RESERVE:
        count.value += _RESERVE
        logger.info("PySide6 releases None on void calls: None made immortal")
    return True
