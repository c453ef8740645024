"""`--backend postgresql` of the benchmarks: the same demo database, moved to a PostgreSQL
server (a throwaway local cluster, or the URL given) with `kehu server migrate`'s copy, so that
the server's figures print beside the file's from the same run. Not a benchmark itself."""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from kehu.db import migrations, server_copy
from kehu.db.pg_cluster import Cluster
from kehu.db.server import connect
from kehu.services.workspace import open_workspace

_cluster: Cluster | None = None


def _admin_url(backend: str) -> str:
    global _cluster
    if backend != "postgresql":
        return backend  # a URL
    if _cluster is None:
        _cluster = Cluster().start()
    return _cluster.url()


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def new_database(backend: str, name: str) -> str:
    """A new empty server database `name` (dropped first if it exists); returns its URL."""
    os.environ["KEHU_SERVER_PREVIEW"] = "1"
    admin = _admin_url(backend)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
        )
    return _with_database(admin, name)


def backend_cpu_seconds(db) -> float | None:
    """CPU seconds (user + system) so far of the server process serving this connection,
    when the server runs on this machine (None otherwise)."""
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def on_server(file_ws, backend: str, name: str) -> tuple[object, float]:
    """The file workspace's database copied into a new server database `name`: (the server
    workspace, seconds the copy took)."""
    url = new_database(backend, name)
    started = time.perf_counter()
    target = connect(url)
    migrations.migrate(target)
    report = server_copy.to_server(file_ws.database.db, target)
    target.close()
    seconds = time.perf_counter() - started
    if report.differences:
        raise RuntimeError(f"the server copy differs: {report.differences}")
    file_ws.database.close()
    return open_workspace(url, lang="zh_CN"), seconds


def stop() -> None:
    if _cluster is not None:
        _cluster.stop()


def existing_copy(backend: str, name: str, customers: int) -> str | None:
    """The URL of server database `name` when it already holds a finished copy of a demo of
    this size (a re-run against a kept cluster or a URL: no second copy), else None."""
    os.environ["KEHU_SERVER_PREVIEW"] = "1"
    admin = _admin_url(backend)
    with psycopg.connect(admin, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if not found:
        return None
    url = _with_database(admin, name)
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            version = conn.execute("SELECT version FROM kehu_schema").fetchone()
            count = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    except psycopg.Error:
        return None
    if version is None or version[0] != migrations.latest_version():
        return None
    return url if count == customers else None


def copy_file(path, backend: str, name: str, customers: int) -> tuple[str, dict]:
    """A server copy of the demo file at `path` (made with `kehu server migrate`'s copy, or the
    one a previous run made): (its URL, the copy's wall and CPU seconds, client and server)."""
    url = existing_copy(backend, name, customers)
    if url is not None:
        return url, {"server_copy": "reused"}
    url = new_database(backend, name)
    file_ws = open_workspace(str(path), lang="zh_CN")
    started, cpu = time.perf_counter(), time.process_time()
    target = connect(url)
    server_cpu = backend_cpu_seconds(target)
    migrations.migrate(target)
    report = server_copy.to_server(file_ws.database.db, target)
    server_cpu = (
        None if server_cpu is None else backend_cpu_seconds(target) - server_cpu  # type: ignore[operator]
    )
    target.close()
    file_ws.database.close()
    if report.differences:
        new_database(backend, name)  # not to be taken for a finished copy next time
        raise RuntimeError(f"the server copy differs: {report.differences}")
    timings = {
        "server_copy_s": round(time.perf_counter() - started, 1),
        "server_copy_cpu_s": round(time.process_time() - cpu, 1),
        "server_copy_server_cpu_s": None if server_cpu is None else round(server_cpu, 1),
    }
    return url, timings
