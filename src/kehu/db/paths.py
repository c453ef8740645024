"""Where a database file lives: network drives and cloud-synced folders.

WAL does not work over a network file system, and sync clients copy a database file half
written; the user is told, and a new database on such a path is created in shared mode.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_FS = {
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afs",
    "ncpfs",
    "9p",
    "fuse.sshfs",
    "davfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "webdav",
    "afpfs",
}
CLOUD_FOLDERS = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "icloud",
    "icloud drive",
    "mobile documents",
    "坚果云",
    "nutstore",
    "百度网盘",
    "baidunetdisk",
    "wps云",
    "wpsdrive",
    "boxsync",
    "box sync",
    "seafile",
    "nextcloud",
    "owncloud",
    "syncthing",
    "onedrive - ",
)


@dataclass(frozen=True)
class Location:
    network: bool
    cloud: str | None  # the sync service's folder name, if any
    filesystem: str | None


def _mount_fs(path: Path, mounts_file: str = "/proc/mounts") -> str | None:
    try:
        with open(mounts_file, encoding="utf-8") as handle:
            mounts = [line.split()[1:3] for line in handle if len(line.split()) >= 3]
    except OSError:
        return None
    best, best_fs = "", None
    text = str(path)
    for mount_point, fs in mounts:
        mount_point = mount_point.replace("\\040", " ")
        if (text == mount_point or text.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) >= len(best):
            best, best_fs = mount_point, fs
    return best_fs


def _windows_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform != "win32" or len(text) < 2 or text[1] != ":":
        return False
    import ctypes

    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(f"{text[:2]}\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def locate(path: str | os.PathLike[str], mounts_file: str = "/proc/mounts") -> Location:
    resolved = Path(os.path.abspath(path))
    fs = None if sys.platform == "win32" else _mount_fs(resolved, mounts_file)
    network = _windows_remote(resolved) or fs in NETWORK_FS
    cloud = None
    for part in resolved.parts:
        lowered = part.lower()
        for name in CLOUD_FOLDERS:
            if lowered == name or lowered.startswith(name):
                cloud = part
                break
        if cloud:
            break
    return Location(network=network, cloud=cloud, filesystem=fs)
