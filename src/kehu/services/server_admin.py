"""Setting up a server database and moving a whole database between a file and a server
(issue 16, point 6): `kehu server init|migrate|export`. Administrators only; each move is
verified (row counts and a checksum per table, `kehu.db.server_copy`) and audited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehu.core.i18n import N_, UserError, translate
from kehu.core.jobs import Job
from kehu.core.rights import Action, check
from kehu.db import migrations, server_copy, server_roles
from kehu.db.connection import open_database, write
from kehu.db.models import ALL_MODELS, User
from kehu.db.server import connect, display_url, has_users
from kehu.services import audit, secrets


class ServerAdminError(UserError):
    """A move or a set-up that cannot be done as asked (nothing was changed)."""


MOVED = N_("Copied {rows} rows of {tables} tables to {where}; counts and checksums agree.")


@dataclass
class Moved:
    report: server_copy.Report
    where: str  # the server's URL without password, or the file's path

    def message(self, lang: str) -> str:
        """What was copied where, in `lang` (the CLI prints it, the window shows it)."""
        rows, tables = self.report.rows, len(self.report.tables)
        return translate(MOVED, lang, rows=rows, tables=tables, where=self.where)


def _verified(report: server_copy.Report) -> server_copy.Report:
    if report.differences:
        raise ServerAdminError(
            N_("The copy differs from the original in: {tables}. Do not use it."),
            tables=", ".join(report.differences),
        )
    return report


def secure(db, admin: User) -> str:
    """Roles and policies on a server database; the connection's own role becomes `admin`'s
    login. Returns that role's name."""
    server_roles.secure(db)
    role = server_roles.session_role(db)
    write(db, lambda: server_roles.map_role(db, admin.id, role))
    return role


def move_to_server(file_db, by: User, url: str, job: Job | None = None) -> Moved:
    """Copy the open file database `file_db` into the empty server database at `url`."""
    check(by, Action.BACKUP)
    target = connect(secrets.with_password(url))  # the password remembered for it, if any
    try:
        version = migrations.schema_version(target)
        if version == 0:
            migrations.migrate(target)
        elif has_users(target):
            raise ServerAdminError(
                N_(
                    "The server database {url} is not empty: move a file into a new, empty "
                    "database (nothing was changed)."
                ),
                url=display_url(url),
            )
        report = _verified(server_copy.to_server(file_db, target, job))
        secure(target, by)  # the ids moved with the rows: `by` is the same user there
        with target.bind_ctx(ALL_MODELS):
            write(
                target,
                lambda: audit.record(by, "move_to_server", "database", None, display_url(url)),
            )
    finally:
        target.close()
    return Moved(report, display_url(url))


def export_to_file(server_db, by: User, path: str | Path, job: Job | None = None) -> Moved:
    """Write the open server database into a new file at `path`."""
    check(by, Action.BACKUP)
    path = Path(path)
    if path.exists():
        raise ServerAdminError(
            N_("{path} exists already: choose a new file (nothing was changed)."), path=path
        )
    copy = open_database(path, create=True, bind=False)
    try:
        report = _verified(server_copy.to_file(server_db, copy.db, job))
    finally:
        copy.close()
    write(server_db, lambda: audit.record(by, "export_to_file", "database", None, str(path)))
    return Moved(report, str(path))
