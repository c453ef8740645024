"""Real file-system conditions for the reliability tests: a small disk that fills up and a
read-only drive, both tmpfs mounts made by the test when it runs as root (CI does); as another
user the disk-full tests are skipped with a message, and read-only falls back to permissions."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}): disk-full not tested")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the disk that holds `folder`, leaving about `leave` bytes; returns the filler."""
    filler = folder / "filler.bin"
    with open(filler, "wb") as handle:
        chunk = b"\0" * 65536
        try:
            while shutil.disk_usage(folder).free > leave + len(chunk):
                handle.write(chunk)
                handle.flush()
            while shutil.disk_usage(folder).free > leave + 512:
                handle.write(b"\0" * 512)
                handle.flush()
        except OSError:
            pass
    return filler


@contextlib.contextmanager
def read_only(path: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the database `path` that cannot be written: on a read-only tmpfs as root
    (permissions do not stop root), else a file and folder without write permission."""
    if can_mount():
        with tmpfs(tmp_path / "ro-drive", "64m") as folder:
            copy = folder / path.name
            shutil.copyfile(path, copy)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield copy
        return
    folder = tmp_path / "ro-folder"
    folder.mkdir()
    copy = folder / path.name
    shutil.copyfile(path, copy)
    copy.chmod(stat.S_IRUSR | stat.S_IRGRP)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        yield copy
    finally:
        folder.chmod(stat.S_IRWXU)
        copy.chmod(stat.S_IRUSR | stat.S_IWUSR)
