"""A throwaway local PostgreSQL cluster: for the tests, the benchmarks and `--backend postgresql`.

`Cluster(folder).start()` runs initdb in `folder` and starts a server that listens only on a
Unix socket in that folder (no TCP port), trusting local connections of its admin role; `url()`
is a `postgresql://` URL of a database on it; `stop()` ends it (also at exit). Run as root (CI),
the server runs as an unprivileged system user (`postgres` when Debian's package created it,
else `nobody`), because initdb refuses root.

The binaries are found on PATH or in Debian's /usr/lib/postgresql/N/bin (the newest N).
Nothing here is used by the application itself: a real office server is set up by its
administrator (docs/SERVER.md).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ADMIN = "kehu_admin"
PORT = 5432  # only names the socket file: each cluster has a folder of its own
# A throwaway cluster need not survive a crash: no fsync, no full pages, asynchronous commit.
_FAST = ("fsync=off", "full_page_writes=off", "synchronous_commit=off")


def server_binaries() -> Path | None:
    """The folder of initdb/pg_ctl/postgres, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    root = Path("/usr/lib/postgresql")
    candidates = sorted(
        (p for p in root.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def client_binary(name: str) -> str | None:
    """A client program (pg_dump, psql) on PATH or beside the server binaries."""
    found = shutil.which(name)
    if found:
        return found
    folder = server_binaries()
    if folder and (folder / name).exists():
        return str(folder / name)
    return None


def _run_as() -> list[str]:
    """The command prefix that runs the server's programs as an unprivileged user."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", _service_user(), "--"]


def _service_user() -> str:
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("no unprivileged user to run PostgreSQL as")


class Cluster:
    """One initdb'd folder and the server running on it."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="kehu-pg-")).absolute()
        self.data = self.folder / "data"
        self.socket = self.folder
        self.started = False

    def url(self, database: str = "postgres", user: str = ADMIN) -> str:
        host = quote(str(self.socket), safe="")
        return f"postgresql://{user}@/{database}?host={host}&port={PORT}"

    def start(self, *, timeout: float = 60) -> Cluster:
        binaries = server_binaries()
        if binaries is None:
            raise RuntimeError("PostgreSQL is not installed (initdb not found)")
        prefix = _run_as()
        self.folder.mkdir(parents=True, exist_ok=True)
        if prefix:
            user = pwd.getpwnam(prefix[2])
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        os.chmod(self.folder, 0o755)
        if not (self.data / "PG_VERSION").exists():
            subprocess.run(
                [
                    *prefix,
                    str(binaries / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    ADMIN,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--lc-collate=C",
                    "--no-sync",
                ],
                check=True,
                capture_output=True,
                cwd=self.folder,
                timeout=timeout,
            )
        options = " ".join(f"-c {o}" for o in _FAST)
        options += f" -c listen_addresses='' -k {self.socket} -p {PORT} -c max_connections=200"
        subprocess.run(
            [
                *prefix,
                str(binaries / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                str(int(timeout)),
                "start",
            ],
            check=True,
            capture_output=True,
            timeout=timeout + 10,
        )
        self.started = True
        atexit.register(self.stop)
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        socket = self.socket / f".s.PGSQL.{PORT}"
        while not socket.exists():
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start: see {self.folder / 'server.log'}")
            time.sleep(0.05)

    def stop(self) -> None:
        if not self.started:
            return
        binaries = server_binaries()
        if binaries is not None:
            subprocess.run(
                [*_run_as(), str(binaries / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"],
                capture_output=True,
                cwd=self.folder,
                timeout=60,
            )
        self.started = False
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """`python -m kehu.db.pg_cluster start FOLDER | stop FOLDER` (for .ci/run)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in ("start", "stop"):
        print("usage: python -m kehu.db.pg_cluster start|stop FOLDER", file=sys.stderr)
        return 2
    cluster = Cluster(args[1])
    if args[0] == "start":
        cluster.start()
        atexit.unregister(cluster.stop)  # it stays up for the tests
        print(cluster.url())
    else:
        cluster.started = True
        cluster._own_folder = False
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
