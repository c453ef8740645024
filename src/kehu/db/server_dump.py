"""Backups of a server database: PostgreSQL's own `pg_dump` (custom format), checked by
`pg_restore --list` reading it back (DESIGN §2.6; docs/SERVER.md)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from kehu.core.i18n import N_, UserError
from kehu.db.pg_cluster import client_binary


class DumpError(UserError):
    """pg_dump is missing or failed: nothing usable was written."""


MISSING = N_(
    "Backing up a server database needs PostgreSQL's pg_dump, which is not installed here: "
    "install the PostgreSQL client tools, or run pg_dump on the server (docs/SERVER.md)."
)
FAILED = N_("pg_dump could not back up the server database: {detail}")


def dump(url: str, target: Path) -> Path:
    """Write a custom-format dump of the database at `url` to `target`, checked."""
    pg_dump, pg_restore = client_binary("pg_dump"), client_binary("pg_restore")
    if pg_dump is None or pg_restore is None:
        raise DumpError(MISSING)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    done = subprocess.run(
        [pg_dump, "--format=custom", f"--file={part}", f"--dbname={url}"],
        capture_output=True,
        text=True,
    )
    if done.returncode == 0:
        done = subprocess.run([pg_restore, "--list", str(part)], capture_output=True, text=True)
    if done.returncode != 0:
        part.unlink(missing_ok=True)
        raise DumpError(FAILED, detail=(done.stderr or "").strip()[:500])
    part.replace(target)
    return target
