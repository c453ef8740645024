"""Fixtures of the reliability tests (the file-system conditions are in `disks`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from disks import can_mount, tmpfs


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A folder on a 4 MB tmpfs (root only; skipped otherwise)."""
    if not can_mount():
        pytest.skip("disk-full tests mount a tmpfs and need root (CI runs as root)")
    with tmpfs(tmp_path / "small-disk", "4m") as folder:
        yield folder
